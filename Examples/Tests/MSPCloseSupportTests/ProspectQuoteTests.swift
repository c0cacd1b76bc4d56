import Foundation
import MSPBilling
import MSPCloseSupport
import MSPCore
import Testing

@Suite struct ProspectQuoteTests {
    private func perUnit(
        _ name: String, _ category: BillableCategory, _ price: String,
        timing: BillingTiming = .inAdvance
    ) throws -> PlanComponent {
        PlanComponent(
            name: name, category: category,
            pricing: .perUnit(
                try PerUnitPrice(unitPrice: PreciseMoney(parsing: price, currency: .usd))),
            timing: timing)
    }

    private func plan(_ id: String, _ components: [PlanComponent]) throws -> PricePlan {
        try PricePlan(
            id: PricePlanID(id), name: id.capitalized, currency: .usd,
            cycle: .monthly(anchorDay: 1, timeZoneIdentifier: "UTC"), components: components)
    }

    /// 2026-11-15T12:00:00Z, inside November 2026 (30 days).
    private let november = Date(timeIntervalSince1970: 1_794_744_000)

    @Test func ranksCheapestFirstWithHandCheckedTotals() throws {
        // Per device: 40 workstations × 45.00 = 1800.00, 4 servers × 125.00 = 500.00,
        // total 2300.00. Per user: 55 users × 40.00 = 2200.00, devices not priced.
        // Per user in arrears: 55 users over all 30 days = 1650 unit-days, average 55 users
        // × 39.00 = 2145.00.
        let perDevice = try plan(
            "per-device",
            [
                try perUnit("Workstations", .workstation, "45.00"),
                try perUnit("Servers", .server, "125.00"),
            ])
        let perUser = try plan("per-user", [try perUnit("Users", .user, "40.00")])
        let arrears = try plan(
            "per-user-arrears", [try perUnit("Users", .user, "39.00", timing: .inArrears)])
        let options = try ProspectQuote.rank(
            plans: [perDevice, perUser, arrears],
            counts: [(.workstation, 40), (.server, 4), (.user, 55)], at: november)
        #expect(options.map(\.plan.id.rawValue) == ["per-user-arrears", "per-user", "per-device"])
        #expect(options.map(\.invoice.total.amountText) == ["2145.00", "2200.00", "2300.00"])
        #expect(options[0].invoice.period.dayCount == 30)
        #expect(options[1].unpriced.map(\.category) == [.workstation, .server])
        #expect(options[2].unpriced.map(\.category) == [.user])
    }

    @Test func plansPricingEverythingComeFirst() throws {
        // Complete: 10 users × 50.00 = 500.00. Partial (no users): 2 servers × 100.00 =
        // 200.00, cheaper but it leaves the users out, so it ranks second.
        let complete = try plan(
            "complete",
            [try perUnit("Users", .user, "50.00"), try perUnit("Servers", .server, "0.00")])
        let partial = try plan("partial", [try perUnit("Servers", .server, "100.00")])
        let options = try ProspectQuote.rank(
            plans: [partial, complete], counts: [(.user, 10), (.server, 2)], at: november)
        #expect(options.map(\.plan.id.rawValue) == ["complete", "partial"])
        #expect(options.map(\.invoice.total.amountText) == ["500.00", "200.00"])
    }

    @Test func tiesRankByPlanID() throws {
        // Both plans: 10 users × 10.00 = 100.00.
        let b = try plan("b", [try perUnit("Users", .user, "10.00")])
        let a = try plan("a", [try perUnit("Users", .user, "10.00")])
        let options = try ProspectQuote.rank(plans: [b, a], counts: [(.user, 10)], at: november)
        #expect(options.map(\.plan.id.rawValue) == ["a", "b"])
    }

    @Test func csvRowsCarryExactAmounts() throws {
        let perUser = try plan("per-user", [try perUnit("Users, named", .user, "40.00")])
        let option = try #require(
            try ProspectQuote.rank(plans: [perUser], counts: [(.user, 3)], at: november).first)
        let rows = InvoiceRendering.csvRows(option.invoice, customerName: "Prospect, Inc.")
        // 3 × 40.00 = 120.00
        #expect(rows.count == 1)
        #expect(rows[0][14] == "120.00")
        #expect(rows[0][15] == "USD")
        let text = CSV.document(header: InvoiceRendering.csvHeader, rows: rows)
        #expect(text.contains("\"Prospect, Inc.\""))
    }

    @Test(arguments: [
        ("0", "0.00%"), ("1", "100.00%"), ("19999/20000", "99.99%"), ("1/3", "33.33%"),
        ("-1/8", "-12.50%"),
    ])
    func percentages(fraction: String, expected: String) throws {
        let value = try #require(Rational(fraction))
        #expect(Formatting.percent(value) == expected)
    }

    // 537/31 = 17.3225…, to hundredths 1732.25… → 1732; 123.561675 → 12356.1675 → 12356;
    // 6365081/60000 = 106.0846… → 10608; 1/200 = 0.005 exactly (three decimals, shown as is).
    @Test(arguments: [
        ("537/31", "≈17.32"), ("123.561675", "≈123.56"), ("6365081/60000", "≈106.08"),
        ("247.5", "247.5"), ("2", "2"), ("0.005", "0.005"), ("-2/3", "≈-0.67"),
    ])
    func quantities(text: String, expected: String) throws {
        let value = try #require(Rational(text))
        #expect(InvoiceRendering.quantityText(value) == expected)
    }

    // 7,500 s = 2 h 5 min; 273,600 s = 3 d (259,200 s) + 4 h.
    @Test(
        arguments: [
            (Int64(12), "12s"), (2700, "45m"), (7500, "2h 05m"), (273_600, "3d 4h 00m"),
        ] as [(Int64, String)])
    func durations(seconds: Int64, expected: String) {
        #expect(Formatting.duration(.seconds(seconds)) == expected)
    }
}
