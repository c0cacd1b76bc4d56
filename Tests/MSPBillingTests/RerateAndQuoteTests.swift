import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

@Suite struct RerateAndQuoteTests {
    @Test func correctedInventoryGivesRepairLines() throws {
        // Issued: 40 workstations × 25.00 = 1,000.00 and 3 servers × 95.00 = 285.00.
        // Corrected: 38 workstations = 950.00, servers unchanged.
        // Repair: one line, Workstations −50.00; the servers line is unchanged, so absent.
        let managed = try plan(
            "managed",
            [perUnit("Workstations", .workstation, "25.00"), perUnit("Servers", .server, "95.00")])
        let issued = try managed.rate(
            customer: acme(), period: january(),
            usage: [count(40, .workstation), count(3, .server)])
        let corrected = try managed.rate(
            customer: acme(), period: january(),
            usage: [count(38, .workstation), count(3, .server)])
        let diff = try RatingDiff(issued: issued, corrected: corrected)
        #expect(diff.lines.map(\.component) == ["Workstations"])
        #expect(diff.lines.map(\.amount) == [try usd("-50.00")])
        #expect(diff.netChange == (try corrected.subtotal - issued.subtotal))
        #expect(try RatingDiff(issued: issued, corrected: issued).lines.isEmpty)
    }

    /// Lines match only when kind, component and category all do: a component and category
    /// that read the same joined with `|`, or categories with the same text in other bytes,
    /// are different lines, so moving 10.00 from one to the other gives two repair lines.
    @Test(arguments: [
        ("x|y", "z", "x", "y|z"),
        ("Caf\u{E9}", "caf\u{E9}", "Caf\u{E9}", "cafe\u{301}"),
    ])
    func linesMatchOnEachPartOfTheirKey(
        _ issuedName: String, _ issuedCategory: String, _ correctedName: String,
        _ correctedCategory: String
    ) throws {
        func invoice(_ name: String, _ category: String) throws -> Invoice {
            try Invoice(
                customer: acme(), plan: PricePlanID("p"), period: january(), currency: .usd,
                lines: [
                    InvoiceLine(
                        kind: .charge, description: name, component: name,
                        category: try BillableCategory(category), model: "flat",
                        amount: try usd("10.00"))
                ], taxPolicy: .none)
        }
        let diff = try RatingDiff(
            issued: invoice(issuedName, issuedCategory),
            corrected: invoice(correctedName, correctedCategory))
        #expect(diff.lines.map(\.amount) == (try ["10.00", "-10.00"].map(usd)))
        #expect(
            diff.lines.map(\.category.rawValue) == [correctedCategory, issuedCategory])
        #expect(diff.netChange == (try usd("0.00")))
    }

    @Test func repairLinesSumToTheSubtotalChange() throws {
        let period = try january()
        try checkProperty(seed: 0x4E7A, cases: 2_000) { random in
            let managed = try plan(
                "p",
                [
                    PlanComponent(name: "A", category: .workstation, pricing: try random.pricing()),
                    PlanComponent(name: "B", category: .server, pricing: try random.pricing()),
                ],
                discounts: [
                    try Discount(
                        name: "D", value: .percent(Percentage(random.int(in: Int64(0)...Int64(30))))
                    )
                ])
            let before = try managed.rate(
                customer: acme(), period: period,
                usage: [
                    count(random.int(in: Int64(0)...Int64(300)), .workstation),
                    count(random.int(in: Int64(0)...Int64(30)), .server),
                ])
            let after = try managed.rate(
                customer: acme(), period: period,
                usage: [
                    count(random.int(in: Int64(0)...Int64(300)), .workstation),
                    count(random.int(in: Int64(0)...Int64(30)), .server),
                ])
            let diff = try RatingDiff(issued: before, corrected: after)
            let change = try after.subtotal - before.subtotal
            return (
                "\(before.subtotal) → \(after.subtotal)",
                diff.netChange == change ? nil : "\(diff.netChange)"
            )
        }
    }

    @Test func quoteRanksPlansCheapestFirst() throws {
        // 12 workstations and 2 servers:
        // per-device: 12 × 25.00 + 2 × 95.00 = 300.00 + 190.00 = 490.00
        // all-inclusive: flat 450.00 covering both categories (quantities ignored)
        // tiered: workstations volume (0, 10] 30.00 / (10, ∞) 20.00 → 12 × 20.00 = 240.00,
        //         servers 2 × 120.00 = 240.00 → 480.00
        let perDevice = try plan(
            "per-device",
            [perUnit("Workstations", .workstation, "25.00"), perUnit("Servers", .server, "95.00")])
        let inclusive = try plan(
            "all-inclusive",
            [
                flat("Workstations", .workstation, "450.00"),
                flat("Servers", .server, "0.00"),
            ])
        let volume = try TierTable(
            mode: .volume, tiers: [tier(0, 10, "30.00"), tier(10, nil, "20.00")])
        let tiered = try plan(
            "tiered",
            [
                PlanComponent(
                    name: "Workstations", category: .workstation, pricing: .tiered(volume)),
                perUnit("Servers", .server, "120.00"),
            ])
        let options = try Quote.rank(
            plans: [perDevice, inclusive, tiered], customer: acme(), period: january(),
            usage: [count(12, .workstation), count(2, .server)])
        #expect(options.map(\.plan.rawValue) == ["all-inclusive", "tiered", "per-device"])
        #expect(try options.map(\.invoice.total) == ["450.00", "480.00", "490.00"].map(usd))
    }

    @Test func quoteComparesPricingModelsForOneCategory() throws {
        // 40 workstations, each model offered as a one-component plan (Docs/Pricing.md):
        // per-unit 25.00: 40 × 25.00 = 1,000.00
        // graduated (0, 10] 30.00 / (10, ∞) 20.00: 10 × 30.00 + 30 × 20.00 = 900.00
        // volume, same table: all 40 at the band reached, 40 × 20.00 = 800.00
        // package of 10 at 240.00, rounding up: 4 packages × 240.00 = 960.00
        // flat 950.00
        let table = [try tier(0, 10, "30.00"), try tier(10, nil, "20.00")]
        func offer(_ id: String, _ pricing: PlanComponent.Pricing) throws -> PricePlan {
            try plan(
                id, [PlanComponent(name: "Workstations", category: .workstation, pricing: pricing)])
        }
        let models = [
            try offer("per-unit", .perUnit(PerUnitPrice(unitPrice: price("25.00")))),
            try offer("graduated", .tiered(TierTable(mode: .graduated, tiers: table))),
            try offer("volume", .tiered(TierTable(mode: .volume, tiers: table))),
            try offer(
                "package",
                .tiered(
                    TierTable(
                        mode: .package(size: 10, rounding: .up),
                        tiers: [tier(0, nil, "240.00")]))),
            try offer("flat", .flat(FlatFee(usd("950.00")))),
        ]
        let options = try Quote.rank(
            plans: models, customer: acme(), period: january(), usage: [count(40, .workstation)])
        #expect(
            options.map(\.plan.rawValue) == ["volume", "graduated", "flat", "package", "per-unit"])
        #expect(
            try options.map(\.invoice.total)
                == ["800.00", "900.00", "950.00", "960.00", "1000.00"].map(usd))
        #expect(options.first?.invoice.lines.first?.model == "volume-tiers")
    }

    /// A diff needs the same period and currency, and a repair line that fits 64 bits.
    @Test func diffOfAnotherPeriodOrCurrencyOrTooLargeAChange() throws {
        let february = try monthlyUTC().period(containing: instant("2026-02-10T00:00:00Z"))
        func invoice(_ period: BillingPeriod, _ amount: Money) throws -> Invoice {
            try Invoice(
                customer: acme(), plan: PricePlanID("p"), period: period, currency: amount.currency,
                lines: [
                    InvoiceLine(
                        kind: .charge, description: "Base", component: "Base",
                        category: try category("managed-services"), model: "flat", amount: amount)
                ], taxPolicy: .none)
        }
        let issued = try invoice(january(), usd("10.00"))
        #expect(
            throws: BillingError.periodMismatch(
                february, expected: try january(), field: "corrected.period")
        ) { try RatingDiff(issued: issued, corrected: invoice(february, usd("10.00"))) }
        let euros = try invoice(january(), Money(parsing: "10.00", currency: .eur))
        #expect(
            throws: BillingError.currencyMismatch(
                expected: .usd, found: .eur, field: "corrected.currency")
        ) { try RatingDiff(issued: issued, corrected: euros) }
        // Int64.max minor units corrected against -0.01 issued: the change is one unit over.
        let largest = try invoice(january(), Money(minorUnits: .max, currency: .usd))
        let credit = try invoice(january(), usd("-0.01"))
        #expect(
            throws: BillingError.arithmetic(
                .overflow(operation: "re-rate", operands: "charge|Base|managed-services"))
        ) { try RatingDiff(issued: credit, corrected: largest) }
    }

    @Test func diffOfDifferentCustomers() throws {
        let managed = try plan("m", [perUnit("Workstations", .workstation, "25.00")])
        let a = try managed.rate(customer: acme(), period: january(), usage: [])
        let b = try managed.rate(customer: CustomerID("globex"), period: january(), usage: [])
        #expect(
            throws: BillingError.customerMismatch(
                expected: try acme(), found: try CustomerID("globex"), field: "corrected.customer")
        ) { try RatingDiff(issued: a, corrected: b) }
    }
}
