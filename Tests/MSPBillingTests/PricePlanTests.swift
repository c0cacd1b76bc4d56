import Foundation
import MSPBilling
import MSPCore
import Testing

/// A caller's own model: 5.00 per ticket, mixed with the built-ins.
private struct PerTicket: PricingModel {
    var modelName: String { "per-ticket" }
    func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
        -> PricedAmount
    {
        do {
            return try PricedAmount.rounding(
                minorUnits: quantity * Rational(500), quantity: quantity, in: context)
        } catch let error as MoneyError { throw .arithmetic(error) } catch {
            throw .arithmetic(.overflow(operation: "ticket", operands: "\(quantity)"))
        }
    }
}

/// Gold: workstations 25.00, servers 95.00, users graduated (0, 10] 12.00 / (10, ∞) 10.00,
/// a 250.00 base fee, and 10 % on licence costs.
private func gold(taxes: TaxPolicy = .none) throws -> PricePlan {
    let users = try TierTable(
        mode: .graduated, tiers: [tier(0, 10, "12.00"), tier(10, nil, "10.00")])
    return try plan(
        "gold",
        [
            perUnit("Workstations", .workstation, "25.00"),
            perUnit("Servers", .server, "95.00"),
            PlanComponent(name: "Users", category: .user, pricing: .tiered(users)),
            flat("Base", category("managed-services"), "250.00"),
            PlanComponent(
                name: "Licence management", category: .licence,
                pricing: .percentage(try PercentageOfAmount(Percentage(10)))),
        ], taxes: taxes)
}

private func goldUsage() throws -> [UnitUsage] {
    [try count(40, .workstation), try count(3, .server), try count(20, .user), try count(5, .user)]
}

private func licences() throws -> [PassThroughCost] {
    [PassThroughCost(category: .licence, amount: try usd("1234.56"), description: "M365 × 40")]
}

@Suite struct PricePlanTests {
    @Test func ratesEveryComponentOfABundle() throws {
        // workstations 40 × 25.00 = 1,000.00; servers 3 × 95.00 = 285.00;
        // users 20 + 5 = 25: 10 × 12.00 + 15 × 10.00 = 270.00; base 250.00;
        // licence fee 10 % × 1,234.56 = 123.456 → 123.46; licences at cost 1,234.56.
        // subtotal = 1,000 + 285 + 270 + 250 + 123.46 + 1,234.56 = 3,163.02
        let invoice = try gold().rate(
            customer: acme(), period: january(), usage: goldUsage(),
            passThroughCosts: licences())
        #expect(
            try invoice.lines.map(\.amount)
                == ["1000.00", "285.00", "270.00", "250.00", "123.46", "1234.56"].map(usd))
        #expect(invoice.subtotal == (try usd("3163.02")))
        #expect(invoice.total == (try usd("3163.02")))
        #expect(invoice.kind == .invoice)
        let users = try #require(invoice.lines.first { $0.component == "Users" })
        #expect(users.model == "graduated-tiers")
        #expect(users.quantity == Rational(25))
        #expect(users.source == QuantitySource(records: 2, count: 25))
        #expect(users.tiers.map(\.quantity) == [Rational(10), Rational(15)])
        #expect(invoice.lines[4].quantity == (try Rational(parsing: "1234.56")))
    }

    @Test func taxRoundedPerInvoiceOrPerLine() throws {
        // Licences (cost and fee) are zero-rated; everything else 8.25 %.
        // Taxable: 1,000.00 + 285.00 + 270.00 + 250.00 = 1,805.00.
        // per invoice: 1,805.00 × 8.25 % = 148.9125 → 148.91
        // per line: 82.50 + 23.5125→23.51 + 22.275→22.28 + 20.625→20.63 = 148.92
        let rates: [BillableCategory: Percentage] = [.licence: .zero]
        let rate = try Percentage(Rational(parsing: "8.25"))
        let perInvoice = try gold(
            taxes: TaxPolicy(rates: rates, defaultRate: rate, roundingPoint: .perInvoice)
        ).rate(
            customer: acme(), period: january(), usage: goldUsage(), passThroughCosts: licences())
        #expect(perInvoice.taxTotal == (try usd("148.91")))
        #expect(perInvoice.taxes.first?.taxableAmount == (try usd("1805.00")))
        #expect(perInvoice.total == (try usd("3311.93")))
        let perLine = try gold(
            taxes: TaxPolicy(rates: rates, defaultRate: rate, roundingPoint: .perLine)
        ).rate(
            customer: acme(), period: january(), usage: goldUsage(), passThroughCosts: licences())
        #expect(perLine.taxTotal == (try usd("148.92")))
        #expect(perLine.total == (try usd("3311.94")))
    }

    @Test(arguments: [
        // Three lines of 0.10 at 7.5 %: each line's tax is 0.0075.
        // per line: 3 × round(0.0075) = 3 × 0.01 = 0.03 (half-up)
        // per invoice: round(0.30 × 7.5 %) = round(0.0225) = 0.02
        (TaxPolicy.RoundingPoint.perLine, "0.03"), (.perInvoice, "0.02"),
    ])
    func taxRoundingPoint(point: TaxPolicy.RoundingPoint, expected: String) throws {
        let taxes = TaxPolicy(
            rates: [:], defaultRate: try Percentage(Rational(parsing: "7.5")), roundingPoint: point)
        let invoice = try plan(
            "dimes",
            [
                flat("A", category("a"), "0.10"), flat("B", category("b"), "0.10"),
                flat("C", category("c"), "0.10"),
            ], taxes: taxes
        ).rate(customer: acme(), period: january(), usage: [])
        #expect(invoice.taxTotal == (try usd(expected)))
        #expect(invoice.total == (try usd("0.30") + usd(expected)))
    }

    @Test func componentThenPlanDiscounts() throws {
        // A 100.00, B 50.00. 20.00 off B: B nets 30.00. Then 10 % off the plan:
        // 10 % × 130.00 = 13.00, spread 100 : 30 → 10.00 and 3.00.
        // lines: 100.00, 50.00, −20.00, −10.00, −3.00; subtotal 117.00
        let discounts = [
            try Discount(name: "B offer", value: .fixed(usd("20.00")), scope: .component("B")),
            try Discount(name: "Loyalty", value: .percent(Percentage(10))),
        ]
        let invoice = try plan(
            "two", [flat("A", category("a"), "100.00"), flat("B", category("b"), "50.00")],
            discounts: discounts
        ).rate(customer: acme(), period: january(), usage: [])
        #expect(
            try invoice.lines.map(\.amount)
                == ["100.00", "50.00", "-20.00", "-10.00", "-3.00"].map(usd))
        #expect(invoice.discountTotal == (try usd("-33.00")))
        #expect(invoice.subtotal == (try usd("117.00")))
    }

    @Test func planDiscountSpreadWithoutLosingACent() throws {
        // 1.00 off three lines of 1.00: 100 cents over weights 1 : 1 : 1 is 33⅓ each;
        // the leftover cent goes to the first line: 34, 33, 33.
        let invoice = try plan(
            "three",
            [
                flat("A", category("a"), "1.00"), flat("B", category("b"), "1.00"),
                flat("C", category("c"), "1.00"),
            ], discounts: [try Discount(name: "Promo", value: .fixed(usd("1.00")))]
        ).rate(customer: acme(), period: january(), usage: [])
        #expect(try invoice.lines.suffix(3).map(\.amount) == ["-0.34", "-0.33", "-0.33"].map(usd))
        #expect(invoice.total == (try usd("2.00")))
    }

    @Test func discountLimitedToTheFirstPeriods() throws {
        // 50 % for 3 periods: January (index 0) gets it, April (index 3) does not.
        let discounted = try plan(
            "half", [flat("A", category("a"), "80.00")],
            discounts: [
                try Discount(name: "Intro", value: .percent(Percentage(50)), periodCount: 3)
            ])
        let april = try monthlyUTC().period(containing: instant("2026-04-10T00:00:00Z"))
        #expect(april.index == 3)
        #expect(
            try discounted.rate(customer: acme(), period: january(), usage: []).total
                == usd("40.00"))
        #expect(
            try discounted.rate(customer: acme(), period: april, usage: []).total == usd("80.00"))
    }

    @Test func fixedDiscountNeverExceedsTheCharge() throws {
        let invoice = try plan(
            "small", [flat("A", category("a"), "30.00")],
            discounts: [try Discount(name: "Big", value: .fixed(usd("50.00")))]
        ).rate(customer: acme(), period: january(), usage: [])
        #expect(invoice.total == (try usd("0.00")))
    }

    @Test func minimumCommitmentTrueUp() throws {
        // 4 workstations × 25.00 = 100.00, commitment 250.00: true-up 150.00.
        let committed = try plan(
            "committed", [perUnit("Workstations", .workstation, "25.00")],
            minimum: MinimumCommitment(amount: usd("250.00"), category: category("commitment")))
        let invoice = try committed.rate(
            customer: acme(), period: january(), usage: [count(4, .workstation)])
        #expect(invoice.lines.last?.kind == .minimumTrueUp)
        #expect(invoice.lines.last?.amount == (try usd("150.00")))
        #expect(invoice.total == (try usd("250.00")))
        // 12 workstations = 300.00, above the commitment: no true-up.
        let above = try committed.rate(
            customer: acme(), period: january(), usage: [count(12, .workstation)])
        #expect(above.lines.count == 1)
    }

    @Test func negativeTotalIsACreditNote() throws {
        let credit = InvoiceLine(
            kind: .prorationCredit, description: "Unused Gold", category: .workstation,
            model: "proration", amount: try usd("-50.00"))
        let note = try Invoice(
            customer: acme(), plan: PricePlanID("gold"), period: january(), currency: .usd,
            lines: [credit], taxPolicy: .none)
        #expect(note.kind == .creditNote)
        #expect(note.total == (try usd("-50.00")))
    }

    @Test func invoiceKeyIsStableAndEscaped() throws {
        let first = try gold().rate(customer: acme(), period: january(), usage: goldUsage())
        let again = try gold().rate(customer: acme(), period: january(), usage: goldUsage())
        #expect(first.key == again.key)
        #expect(first.key.rawValue == "acme/gold/2026-01-01/2026-02-01")
        let odd = InvoiceKey(
            customer: try CustomerID("a/b%c"), plan: try PricePlanID("x"), period: try january())
        #expect(odd.rawValue == "a%2Fb%25c/x/2026-01-01/2026-02-01")
    }

    @Test func customModelMixesWithBuiltIns() throws {
        let mixed = try plan(
            "mixed",
            [
                perUnit("Workstations", .workstation, "25.00"),
                PlanComponent(
                    name: "Tickets", category: category("ticket"), pricing: .custom(PerTicket())),
            ])
        // 2 × 25.00 + 7 tickets × 5.00 = 50.00 + 35.00 = 85.00
        let invoice = try mixed.rate(
            customer: acme(), period: january(),
            usage: [count(2, .workstation), count(7, category("ticket"))])
        #expect(invoice.total == (try usd("85.00")))
        #expect(invoice.lines[1].model == "per-ticket")
        let error = #expect(throws: EncodingError.self) { try JSONEncoder().encode(mixed) }
        guard case .invalidValue(_, let context) = error else {
            Issue.record("expected invalidValue")
            return
        }
        #expect(
            context.underlyingError as? BillingError == .notEncodable(modelName: "per-ticket"))
    }

    @Test func invoiceRoundTripsThroughJSONWithMoneyAsStrings() throws {
        let invoice = try gold().rate(
            customer: acme(), period: january(), usage: goldUsage(), passThroughCosts: licences())
        let data = try JSONEncoder().encode(invoice)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"amount\":\"3163.02\""))
        #expect(
            text.contains("\"key\":\"acme\\/gold\\/2026-01-01\\/2026-02-01\"")
                || text.contains("\"key\":\"acme/gold/2026-01-01/2026-02-01\""))
        #expect(try JSONDecoder().decode(Invoice.self, from: data) == invoice)
    }

    @Test func planRoundTripsThroughJSON() throws {
        let original = try gold()
        let decoded = try JSONDecoder().decode(PricePlan.self, from: JSONEncoder().encode(original))
        let usage = try goldUsage()
        #expect(
            try decoded.rate(customer: acme(), period: january(), usage: usage)
                == original.rate(customer: acme(), period: january(), usage: usage))
    }
}

@Suite struct PricePlanErrorTests {
    @Test func usageOfAnotherCustomer() throws {
        #expect(
            throws: BillingError.customerMismatch(
                expected: try acme(), found: try CustomerID("globex"), field: "usage[1].customer")
        ) {
            try gold().rate(
                customer: acme(), period: january(),
                usage: [count(1, .workstation), count(1, .workstation, customer: "globex")])
        }
    }

    @Test func unknownBillableCategory() throws {
        #expect(
            throws: BillingError.unknownCategory(.mobile, field: "usage[0].category")
        ) {
            try gold().rate(customer: acme(), period: january(), usage: [count(1, .mobile)])
        }
    }

    @Test func unitDaysForAnInAdvanceComponent() throws {
        let period = try january()
        let record = try UnitUsage(
            customer: acme(), category: .workstation, measure: .unitDays(31, period: period))
        let error = #expect(throws: BillingError.self) {
            try gold().rate(customer: acme(), period: period, usage: [record])
        }
        #expect(error?.code == .measureMismatch)
        #expect(error?.field == "usage[0].measure")
    }

    @Test func unitDaysOverAnotherPeriod() throws {
        let february = try monthlyUTC().period(containing: instant("2026-02-10T00:00:00Z"))
        let arrears = try plan(
            "arrears", [perUnit("Devices", .workstation, "10.00", timing: .inArrears)])
        let record = try UnitUsage(
            customer: acme(), category: .workstation, measure: .unitDays(28, period: february))
        #expect(
            throws: BillingError.periodMismatch(
                february, expected: try january(), field: "usage[0].measure")
        ) {
            try arrears.rate(customer: acme(), period: january(), usage: [record])
        }
    }

    /// Each measure against each timing: the exact error, naming the record's position
    /// (the second record, after one that rates).
    @Test(arguments: [
        ("count", BillingTiming.inArrears, "measureMismatch count≠unit-days or unit-seconds"),
        ("unitDays", .inAdvance, "measureMismatch unit-days or unit-seconds≠count"),
        ("unitSeconds", .inAdvance, "measureMismatch unit-days or unit-seconds≠count"),
        ("unitDays-february", .inArrears, "periodMismatch"),
        ("unitSeconds-february", .inArrears, "periodMismatch"),
        // Another period and the wrong timing: the timing is reported.
        ("unitDays-february", .inAdvance, "measureMismatch unit-days or unit-seconds≠count"),
        ("unitSeconds-february", .inAdvance, "measureMismatch unit-days or unit-seconds≠count"),
    ])
    func measureAgainstTiming(_ measure: String, _ timing: BillingTiming, _ expected: String)
        throws
    {
        let january = try january()
        let february = try monthlyUTC().period(containing: instant("2026-02-10T00:00:00Z"))
        let other: UnitUsage.Measure =
            switch measure {
            case "count": .count(2, at: try instant("2026-01-05T00:00:00Z"))
            case "unitDays": .unitDays(31, period: january)
            case "unitSeconds": .unitSeconds(2_678_400, period: january)
            case "unitDays-february": .unitDays(28, period: february)
            default: .unitSeconds(2_419_200, period: february)
            }
        let good: UnitUsage.Measure =
            timing == .inAdvance
            ? .count(1, at: try instant("2026-01-01T00:00:00Z"))
            : .unitDays(31, period: january)
        let devices = try plan(
            "devices", [perUnit("Devices", .workstation, "10.00", timing: timing)])
        let usage = try [good, other].map {
            try UnitUsage(customer: acme(), category: .workstation, measure: $0)
        }
        let error = #expect(throws: BillingError.self) {
            try devices.rate(customer: acme(), period: january, usage: usage)
        }
        if expected == "periodMismatch" {
            #expect(
                error
                    == BillingError.periodMismatch(
                        february, expected: january, field: "usage[1].measure"))
        } else {
            let parts = expected.dropFirst("measureMismatch ".count).split(separator: "≠")
            #expect(
                error
                    == BillingError.measureMismatch(
                        String(parts[0]), expected: String(parts[1]), field: "usage[1].measure"))
        }
    }

    /// Usage sums that leave 64 bits: the record that overflowed is named, for each measure.
    @Test(arguments: ["count", "unitDays", "unitSeconds"])
    func usageSumsThatOverflowAreErrors(_ measure: String) throws {
        let january = try january()
        func record(_ quantity: Int64) throws -> UnitUsage {
            let value: UnitUsage.Measure =
                switch measure {
                case "count": .count(quantity, at: try instant("2026-01-05T00:00:00Z"))
                case "unitDays": .unitDays(quantity, period: january)
                default: .unitSeconds(quantity, period: january)
                }
            return try UnitUsage(customer: acme(), category: .workstation, measure: value)
        }
        let timing: BillingTiming = measure == "count" ? .inAdvance : .inArrears
        let devices = try plan(
            "devices", [perUnit("Devices", .workstation, "1.00", timing: timing)])
        #expect(
            throws: BillingError.arithmetic(
                .overflow(operation: "sum usage", operands: "usage[2]"))
        ) {
            try devices.rate(
                customer: acme(), period: january,
                usage: [record(Int64.max - 5), record(5), record(1)])
        }
    }

    @Test func componentInAnotherCurrency() throws {
        let euros = PlanComponent(
            name: "Servers", category: .server,
            pricing: .perUnit(try PerUnitPrice(unitPrice: price("40.00", .eur))))
        #expect(
            throws: BillingError.currencyMismatch(
                expected: .usd, found: .eur, field: "components[0].pricing")
        ) { try plan("euro", [euros]) }
    }

    @Test func passThroughInAnotherCurrency() throws {
        let cost = PassThroughCost(
            category: .licence, amount: try Money(parsing: "10.00", currency: .eur),
            description: "EUR licence")
        #expect(
            throws: BillingError.currencyMismatch(
                expected: .usd, found: .eur, field: "passThroughCosts[0].amount")
        ) {
            try gold().rate(
                customer: acme(), period: january(), usage: [], passThroughCosts: [cost])
        }
    }

    @Test func discountOverOneHundredPercent() throws {
        #expect(throws: BillingError.invalidDiscount("101%", field: "value.percent")) {
            try Discount(name: "Too much", value: .percent(Percentage(101)))
        }
        #expect(throws: BillingError.invalidDiscount("-1.00 USD", field: "value.fixed")) {
            try Discount(name: "Negative", value: .fixed(usd("-1.00")))
        }
        #expect(throws: BillingError.invalidDiscount("0", field: "periodCount")) {
            try Discount(name: "Never", value: .percent(Percentage(5)), periodCount: 0)
        }
    }

    @Test func duplicateComponents() throws {
        #expect(
            throws: BillingError.duplicateComponent("workstation", field: "components[1].category")
        ) {
            try plan(
                "dup",
                [perUnit("A", .workstation, "1.00"), perUnit("B", .workstation, "2.00")])
        }
    }
}

/// A host caps the collections of a price plan or tier table it decodes.
@Suite struct PricePlanDecodingLimitTests {
    /// Decodes `T` from `data` with at most `elements` elements per collection.
    func decode<T: Decodable>(_ type: T.Type, _ data: Data, elements: Int) throws -> T {
        let decoder = JSONDecoder()
        decoder.userInfo[ResourceLimits.codingUserInfoKey] = try ResourceLimits(
            decodedCollectionElements: elements)
        return try decoder.decode(type, from: data)
    }

    /// The `ResourceLimitError` under a `DecodingError.dataCorrupted`, and its coding path.
    func underlying(_ error: DecodingError?) -> (ResourceLimitError?, [String]) {
        guard case .dataCorrupted(let context)? = error else { return (nil, ["not dataCorrupted"]) }
        return (
            context.underlyingError as? ResourceLimitError, context.codingPath.map(\.stringValue)
        )
    }

    @Test func planComponentsOverTheLimitAreRefused() throws {
        // Gold has five components; its one tier table has two bands.
        let data = try JSONEncoder().encode(gold())
        #expect(try decode(PricePlan.self, data, elements: 5).components.count == 5)
        let error = #expect(throws: DecodingError.self) {
            try decode(PricePlan.self, data, elements: 4)
        }
        let (found, path) = underlying(error)
        #expect(found == .tooManyElements("5", field: "components", limit: 4))
        #expect(path == [])
    }

    @Test func tierBandsOverTheLimitAreRefusedWhereTheyAre() throws {
        // A table of two bands, on its own and as the model of a one-component plan, whose
        // one component passes a limit of 1 and whose table does not.
        let users = try TierTable(
            mode: .graduated, tiers: [tier(0, 10, "12.00"), tier(10, nil, "10.00")])
        let table = try JSONEncoder().encode(users)
        #expect(try decode(TierTable.self, table, elements: 2) == users)
        let error = #expect(throws: DecodingError.self) {
            try decode(TierTable.self, table, elements: 1)
        }
        let (found, path) = underlying(error)
        #expect(found == .tooManyElements("2", field: "tiers", limit: 1))
        #expect(path == [])

        let single = try plan(
            "users", [PlanComponent(name: "Users", category: .user, pricing: .tiered(users))])
        let nested = #expect(throws: DecodingError.self) {
            try decode(PricePlan.self, JSONEncoder().encode(single), elements: 1)
        }
        let (nestedFound, nestedPath) = underlying(nested)
        #expect(nestedFound == .tooManyElements("2", field: "tiers", limit: 1))
        #expect(nestedPath == ["components", "Index 0", "pricing", "model"])
    }
}
