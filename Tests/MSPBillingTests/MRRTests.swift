import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

@Suite struct MRRTests {
    @Test(arguments: [
        // annual 1,200.00 / 12 = 100.00; quarterly 300.00 / 3 = 100.00;
        // weekly 100.00 × 52 / 12 = 433.333… → 433.33; fortnightly 100.00 × 52 / 24 =
        // 216.666… → 216.67; monthly 99.99 stays 99.99.
        ("annual", "1200.00", "100.00"), ("quarterly", "300.00", "100.00"),
        ("weekly", "100.00", "433.33"), ("fortnightly", "100.00", "216.67"),
        ("monthly", "99.99", "99.99"),
    ])
    func normalisesToAMonth(cycleName: String, amount: String, expected: String) throws {
        let anchor = try LocalDate(year: 2026, month: 1, day: 5)
        let cycle: BillingCycle =
            switch cycleName {
            case "annual": try .annual(anchoredAt: anchor, timeZoneIdentifier: "UTC")
            case "quarterly": try .quarterly(anchoredAt: anchor, timeZoneIdentifier: "UTC")
            case "weekly": try .weekly(every: 1, anchoredAt: anchor, timeZoneIdentifier: "UTC")
            case "fortnightly": try .weekly(every: 2, anchoredAt: anchor, timeZoneIdentifier: "UTC")
            default: try .monthly(anchoredAt: anchor, timeZoneIdentifier: "UTC")
            }
        #expect(try MonthlyRecurringRevenue.monthly(usd(amount), cycle: cycle) == usd(expected))
    }

    @Test func invoiceMRRLeavesOutPassThroughAndLabour() throws {
        // Components 100.00 + 50.00 with 10 % off (−15.00) = 135.00 recurring; a 999.00
        // pass-through licence cost and a 120.00 labour line are not recurring.
        let labour = InvoiceLine(
            kind: .labour, description: "t1", category: try category("labour"),
            model: "time-and-materials", amount: try usd("120.00"))
        let invoice = try plan(
            "two", [flat("A", category("a"), "100.00"), flat("B", category("b"), "50.00")],
            discounts: [try Discount(name: "Ten", value: .percent(Percentage(10)))]
        ).rate(
            customer: acme(), period: january(), usage: [],
            passThroughCosts: [
                PassThroughCost(category: .licence, amount: try usd("999.00"), description: "L")
            ], additionalLines: [labour])
        #expect(
            try MonthlyRecurringRevenue.monthly(of: invoice, cycle: monthlyUTC()) == usd("135.00"))
    }

    @Test func movementsAreClassifiedAndSumToTheChange() throws {
        // before: a 100, b 200, c 50.  after: a 150, c 30, d 80 (never active), e 40 (was
        // active before).  new d +80; expansion a +50; contraction c −20; churn b −200;
        // reactivation e +40.  Sum −50 = (150 + 30 + 80 + 40) − (100 + 200 + 50) = 300 − 350.
        let ids = try ["a", "b", "c", "d", "e"].map { try CustomerID($0) }
        let movements = try MRRMovements(
            before: [ids[0]: usd("100.00"), ids[1]: usd("200.00"), ids[2]: usd("50.00")],
            after: [
                ids[0]: usd("150.00"), ids[2]: usd("30.00"), ids[3]: usd("80.00"),
                ids[4]: usd("40.00"),
            ], previouslyActive: [ids[4]], currency: .usd)
        #expect(
            movements.movements.map(\.kind) == [
                .expansion, .churn, .contraction, .new, .reactivation,
            ])
        #expect(movements.totals[.new] == (try usd("80.00")))
        #expect(movements.totals[.expansion] == (try usd("50.00")))
        #expect(movements.totals[.contraction] == (try usd("-20.00")))
        #expect(movements.totals[.churn] == (try usd("-200.00")))
        #expect(movements.totals[.reactivation] == (try usd("40.00")))
        #expect(movements.netChange == (try usd("-50.00")))
    }

    @Test func movementsSumToTheMRRChange() throws {
        let ids = try (0..<12).map { try CustomerID("c\($0)") }
        try checkProperty(seed: 0x3A22) { random in
            var before: [CustomerID: Money] = [:]
            var after: [CustomerID: Money] = [:]
            for id in ids {
                if random.chance(2, in: 3) {
                    before[id] = Money(
                        minorUnits: random.int(in: Int64(0)...Int64(1_000_000)), currency: .usd)
                }
                if random.chance(2, in: 3) {
                    after[id] = Money(
                        minorUnits: random.int(in: Int64(0)...Int64(1_000_000)), currency: .usd)
                }
            }
            let active = Set(ids.filter { _ in random.chance(1, in: 2) })
            let result = try MRRMovements(
                before: before, after: after, previouslyActive: active, currency: .usd)
            let byKind = try Money.sum(result.totals.values, currency: .usd)
            let expected =
                try Money.sum(after.values, currency: .usd)
                - Money.sum(before.values, currency: .usd)
            return (
                "\(before.count) → \(after.count)",
                byKind == expected && result.netChange == expected ? nil : "\(byKind) ≠ \(expected)"
            )
        }
    }

    @Test func badMRRInputs() throws {
        let id = try CustomerID("a")
        #expect(throws: BillingError.negativeQuantity("-1.00 USD", field: "after[a]")) {
            try MRRMovements(before: [:], after: [id: usd("-1.00")], currency: .usd)
        }
        #expect(
            throws: BillingError.currencyMismatch(expected: .usd, found: .eur, field: "before[a]")
        ) {
            try MRRMovements(
                before: [id: Money(parsing: "1.00", currency: .eur)], after: [:], currency: .usd)
        }
    }
}
