import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

@Suite struct CountInstantTests {
    @Test(arguments: [
        // January is [2026-01-01T00:00Z, 2026-02-01T00:00Z): its first and last millisecond
        // are inside; the end itself and the millisecond before the start are not.
        ("2026-01-01T00:00:00.000Z", true), ("2026-01-31T23:59:59.999Z", true),
        ("2026-02-01T00:00:00.000Z", false), ("2025-12-31T23:59:59.999Z", false),
    ])
    func countsMustBeTakenInsideTheRatedPeriod(at text: String, inside: Bool) throws {
        let usage = try UnitUsage(
            customer: acme(), category: .workstation, measure: .count(3, at: instant(text)))
        let bronze = try plan("bronze", [perUnit("Workstations", .workstation, "25.00")])
        if inside {
            // 3 × 25.00 = 75.00
            let invoice = try bronze.rate(customer: acme(), period: january(), usage: [usage])
            #expect(invoice.total == (try usd("75.00")))
        } else {
            #expect(
                throws: BillingError.outsidePeriod(
                    text, field: "usage[0].measure", period: try january())
            ) {
                try bronze.rate(customer: acme(), period: january(), usage: [usage])
            }
        }
    }
}

@Suite struct MRRAtAnInstantTests {
    private func annualUTC() throws -> BillingCycle {
        try BillingCycle.annual(
            anchoredAt: LocalDate(year: 2026, month: 1, day: 1), timeZoneIdentifier: "UTC")
    }

    /// Acme: Gold, monthly, 12 workstations at 25.00 = 300.00 in January. Globex: an annual
    /// plan with a 1,200.00 flat fee for 2026.
    private func fixture() throws -> (plans: [PricePlan], invoices: [Invoice]) {
        let gold = try plan("gold", [perUnit("Workstations", .workstation, "25.00")])
        let yearly = try PricePlan(
            id: PricePlanID("yearly"), name: "Yearly", currency: .usd, cycle: annualUTC(),
            components: [flat("Support", category("support"), "1200.00")])
        let acmeJanuary = try gold.rate(
            customer: acme(), period: january(), usage: [count(12, .workstation)])
        let globex2026 = try yearly.rate(
            customer: CustomerID("globex"),
            period: annualUTC().period(containing: instant("2026-06-01T00:00:00Z")), usage: [])
        return ([gold, yearly], [acmeJanuary, globex2026])
    }

    @Test func perCustomerAtAnInstant() throws {
        // 15 January: Acme 300.00 (monthly); Globex 1,200.00 / 12 = 100.00.
        let (plans, invoices) = try fixture()
        let january15 = try MonthlyRecurringRevenue.perCustomer(
            at: instant("2026-01-15T00:00:00Z"), invoices: invoices, plans: plans, currency: .usd)
        #expect(
            january15 == [
                try acme(): try usd("300.00"), try CustomerID("globex"): try usd("100.00"),
            ])
        // 15 February: no Acme invoice covers it, so only Globex has MRR.
        let february15 = try MonthlyRecurringRevenue.perCustomer(
            at: instant("2026-02-15T00:00:00Z"), invoices: invoices, plans: plans, currency: .usd)
        #expect(february15 == [try CustomerID("globex"): try usd("100.00")])
        // The movement between them: Acme churns −300.00, the total falls by 300.00.
        let movements = try MRRMovements(before: january15, after: february15, currency: .usd)
        #expect(movements.movements.map(\.kind) == [.churn])
        #expect(movements.netChange == (try usd("-300.00")))
    }

    @Test func invoiceOfAnUnknownPlan() throws {
        let (plans, invoices) = try fixture()
        #expect(
            throws: BillingError.unknownPlan(try PricePlanID("gold"), field: "invoices[0].plan")
        ) {
            try MonthlyRecurringRevenue.perCustomer(
                at: instant("2026-01-15T00:00:00Z"), invoices: invoices,
                plans: [plans[1]], currency: .usd)
        }
    }

    @Test func theSameInvoiceTwice() throws {
        let (plans, invoices) = try fixture()
        let error = #expect(throws: BillingError.self) {
            try MonthlyRecurringRevenue.perCustomer(
                at: instant("2026-01-15T00:00:00Z"), invoices: invoices + [invoices[0]],
                plans: plans, currency: .usd)
        }
        #expect(error?.code == .duplicateComponent)
        #expect(error?.field == "invoices[2].key")
    }

    @Test func invoiceInAnotherCurrency() throws {
        let (plans, invoices) = try fixture()
        #expect(
            throws: BillingError.currencyMismatch(expected: .eur, found: .usd, field: "invoices[0]")
        ) {
            try MonthlyRecurringRevenue.perCustomer(
                at: instant("2026-01-15T00:00:00Z"), invoices: invoices, plans: plans,
                currency: .eur)
        }
    }
}
