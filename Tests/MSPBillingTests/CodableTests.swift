import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

/// `value` as JSON with sorted keys and unescaped slashes, for exact comparisons.
private func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// `text` decoded as `type`.
private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// `value` encoded and decoded again.
private func roundTrip<T: Codable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
}

/// The `BillingError` a rejected document carries, after checking it is `dataCorrupted`.
private func rejection<T: Decodable>(_ type: T.Type, _ text: String) -> BillingError? {
    let error = #expect(throws: DecodingError.self) { try decode(type, text) }
    guard case .dataCorrupted(let context) = error else {
        Issue.record("expected dataCorrupted, got \(String(describing: error))")
        return nil
    }
    return context.underlyingError as? BillingError
}

/// `{"amount": text, "currency": "USD"}`.
private func money(_ text: String) -> String { #"{"amount":"\#(text)","currency":"USD"}"# }

/// January 2026 in UTC as it encodes.
private let januaryJSON =
    #"{"end":"2026-02-01T00:00:00.000Z","endDate":"2026-02-01","index":0,"#
    + #""start":"2026-01-01T00:00:00.000Z","startDate":"2026-01-01","timeZone":"UTC"}"#

/// Two workstations at 25.00 for Acme in January: 50.00, no tax.
private func smallInvoice() throws -> Invoice {
    try plan("bronze", [perUnit("Workstations", .workstation, "25.00")]).rate(
        customer: acme(), period: january(), usage: [count(2, .workstation)])
}

/// The JSON of ``smallInvoice()``, written out by hand from the documented shape:
/// 2 × 25.00 = 50.00 exactly (5,000 minor units), one record counting 2, no tax, so the
/// subtotal and total are 50.00 and the discount and tax totals 0.00.
private func smallInvoiceJSON(total: String = "50.00", key: String = "acme/bronze") -> String {
    #"{"currency":"USD","customer":"acme","discountTotal":"# + money("0.00")
        + #","key":"\#(key)/2026-01-01/2026-02-01","kind":"invoice","lines":[{"amount":"#
        + money("50.00")
        + #","category":"workstation","component":"Workstations","description":"Workstations","#
        + #""exactMinorUnits":"5000","kind":"charge","model":"per-unit","#
        + #""prorationFraction":"1","quantity":"2","rounding":"halfUp","#
        + #""source":{"count":2,"records":1,"unitDays":0,"unitSeconds":0},"tiers":[]}],"#
        + #""period":\#(januaryJSON),"plan":"bronze","subtotal":"# + money("50.00")
        + #","taxTotal":"# + money("0.00") + #","taxes":[],"total":"# + money(total) + "}"
}

@Suite struct InvoiceCodableTests {
    @Test func exactShape() throws {
        #expect(try json(smallInvoice()) == smallInvoiceJSON())
        #expect(try decode(Invoice.self, smallInvoiceJSON()) == smallInvoice())
    }

    @Test func taxedInvoiceWithDiscountsAndTiersRoundTrips() throws {
        // Discounts, tiers, a true-up and two tax rates all survive the trip.
        let taxes = TaxPolicy(
            rates: [try category("licence"): .zero], defaultRate: try Percentage(parsing: "7.5"),
            roundingPoint: .perLine)
        let tiered = PlanComponent(
            name: "Endpoints", category: .monitoredEndpoint,
            pricing: .tiered(try fiveFour(.graduated)))
        let gold = try plan(
            "gold", [tiered, perUnit("Servers", .server, "99.99")],
            discounts: [try Discount(name: "Ten", value: .percent(Percentage(10)))],
            minimum: MinimumCommitment(amount: try usd("5000.00"), category: category("minimum")),
            taxes: taxes)
        let invoice = try gold.rate(
            customer: acme(), period: january(),
            usage: [count(300, .monitoredEndpoint), count(3, .server)])
        #expect(invoice.lines.contains { !$0.tiers.isEmpty })
        #expect(try roundTrip(invoice) == invoice)
    }

    @Test func tamperedTotalIsRejected() throws {
        // The lines sum to 50.00 and there is no tax, so a total of 51.00 is inconsistent.
        let error = rejection(Invoice.self, smallInvoiceJSON(total: "51.00"))
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "total")
    }

    @Test func keyNotFromItsPartsIsRejected() throws {
        let error = rejection(Invoice.self, smallInvoiceJSON(key: "acme/gold"))
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "key")
    }

    @Test(arguments: [
        "acme/gold/2026-02-01/2026-01-01", "acme/gold/2026-01-01", "/gold/2026-01-01/2026-02-01",
        "acme/gold/2026-13-01/2026-02-01",
    ])
    func malformedKeysAreRejected(key: String) throws {
        let error = #expect(throws: DecodingError.self) {
            try decode(InvoiceKey.self, "\"\(key)\"")
        }
        guard case .dataCorrupted = error else {
            Issue.record("expected dataCorrupted")
            return
        }
    }

    @Test func lineWithFractionAboveOneIsRejected() throws {
        let text =
            #"{"amount":"# + money("1.00")
            + #","category":"server","description":"x","kind":"charge","model":"m","#
            + #""prorationFraction":"3/2"}"#
        #expect(
            rejection(InvoiceLine.self, text)
                == .invalidFraction(try Rational(3, 2), field: "prorationFraction"))
    }

    @Test func lineDefaultsAndOptionalFields() throws {
        // A minimal line: quantity and fraction default to 1, no tiers, nothing optional.
        let text =
            #"{"amount":"# + money("-5.00")
            + #","category":"server","description":"Credit","kind":"adjustment","model":"m"}"#
        let line = try decode(InvoiceLine.self, text)
        #expect(
            line
                == InvoiceLine(
                    kind: .adjustment, description: "Credit", category: .server, model: "m",
                    amount: try usd("-5.00")))
    }

    @Test func negativeSourceCountIsRejected() throws {
        #expect(
            rejection(QuantitySource.self, #"{"records":1,"count":-2}"#)
                == .negativeQuantity("-2", field: "count"))
    }

    @Test func taxLineShapeAndCurrencyCheck() throws {
        // 7.5 % of 200.00 = 15.00.
        let line = TaxLine(
            rate: try Percentage(parsing: "7.5"), taxableAmount: try usd("200.00"),
            amount: try usd("15.00"))
        let text =
            #"{"amount":"# + money("15.00") + #","rate":"7.5%","taxableAmount":"#
            + money("200.00") + "}"
        #expect(try json(line) == text)
        #expect(try decode(TaxLine.self, text) == line)
        let euros =
            #"{"amount":{"amount":"15.00","currency":"EUR"},"rate":"7.5%","#
            + #""taxableAmount":"# + money("200.00") + "}"
        #expect(
            rejection(TaxLine.self, euros)
                == .currencyMismatch(expected: .usd, found: .eur, field: "amount"))
    }
}

@Suite struct PricedAmountCodableTests {
    @Test func tierChargeAndPricedAmountShapes() throws {
        // Graduated 300 units on (0, 250] at 5.00 / (250, ∞) at 4.00:
        // 250 × 500 = 125,000 minor units, 50 × 400 = 20,000; total 145,000 = 1,450.00.
        let priced = try fiveFour(.graduated).price(Rational(300), in: context())
        let band0 =
            #"{"band":0,"exactMinorUnits":"125000","flatPrice":"# + money("0.00")
            + #","quantity":"250","unitPrice":"# + money("5.00") + "}"
        let band1 =
            #"{"band":1,"exactMinorUnits":"20000","flatPrice":"# + money("0.00")
            + #","quantity":"50","unitPrice":"# + money("4.00") + "}"
        #expect(try json(priced.tiers[0]) == band0)
        let text =
            #"{"amount":"# + money("1450.00")
            + #","exactMinorUnits":"145000","quantity":"300","rounding":"halfUp","tiers":["#
            + band0 + "," + band1 + "]}"
        #expect(try json(priced) == text)
        #expect(try decode(PricedAmount.self, text) == priced)
    }

    @Test func rejectedParts() throws {
        let band =
            #"{"band":-1,"exactMinorUnits":"0","flatPrice":"# + money("0.00")
            + #","quantity":"1","unitPrice":"# + money("5.00") + "}"
        #expect(rejection(TierCharge.self, band) == .negativeQuantity("-1", field: "band"))
        let priced =
            #"{"amount":"# + money("1.00")
            + #","exactMinorUnits":"100","quantity":"-1","rounding":"halfUp"}"#
        #expect(rejection(PricedAmount.self, priced) == .negativeQuantity("-1", field: "quantity"))
    }
}

@Suite struct MRRCodableTests {
    /// Acme 100.00 → 150.00 (expansion +50.00); Globex 0 → 80.00 (new +80.00).
    private func movements() throws -> MRRMovements {
        try MRRMovements(
            before: [acme(): usd("100.00")],
            after: [acme(): usd("150.00"), CustomerID("globex"): usd("80.00")], currency: .usd)
    }

    /// Net change 230.00 − 100.00 = +130.00 = 50.00 + 80.00.
    private func movementsJSON(net: String = "130.00") -> String {
        #"{"movements":[{"amount":"# + money("50.00")
            + #","customer":"acme","kind":"expansion"},{"amount":"# + money("80.00")
            + #","customer":"globex","kind":"new"}],"netChange":"# + money(net)
            + #","totals":{"churn":"# + money("0.00") + #","contraction":"# + money("0.00")
            + #","expansion":"# + money("50.00") + #","new":"# + money("80.00")
            + #","reactivation":"# + money("0.00") + "}}"
    }

    @Test func exactShapeAndRoundTrip() throws {
        #expect(try json(movements()) == movementsJSON())
        #expect(try decode(MRRMovements.self, movementsJSON()) == movements())
    }

    @Test func netChangeNotTheSumIsRejected() throws {
        let error = rejection(MRRMovements.self, movementsJSON(net: "131.00"))
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "netChange")
    }

    @Test func movementWhoseSignContradictsItsKind() throws {
        let text = #"{"amount":"# + money("-5.00") + #","customer":"acme","kind":"expansion"}"#
        let error = rejection(MRRMovements.Movement.self, text)
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "amount")
        #expect(throws: BillingError.self) {
            try MRRMovements.Movement(customer: acme(), kind: .churn, amount: usd("5.00"))
        }
    }
}

@Suite struct InputCodableTests {
    @Test func timeEntryShape() throws {
        let entry = try TimeEntry(
            id: "t-1", customer: acme(), role: "engineer", workType: "remote",
            start: instant("2026-01-05T16:40:00Z"), end: instant("2026-01-05T17:20:00Z"))
        let text =
            #"{"customer":"acme","id":"t-1","range":{"end":"2026-01-05T17:20:00.000Z","#
            + #""start":"2026-01-05T16:40:00.000Z"},"role":"engineer","status":"billable","#
            + #""workType":"remote"}"#
        #expect(try json(entry) == text)
        #expect(try decode(TimeEntry.self, text) == entry)
        let backwards =
            #"{"customer":"acme","id":"t-1","range":{"end":"2026-01-05T16:00:00.000Z","#
            + #""start":"2026-01-05T16:40:00.000Z"},"role":"engineer","workType":"remote"}"#
        let error = #expect(throws: DecodingError.self) { try decode(TimeEntry.self, backwards) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["range", "end"])
    }

    @Test func materialShapeAndNegativeQuantity() throws {
        let material = try MaterialCharge(
            description: "SSD 1 TB", unitCost: usd("80.00"), quantity: 2, markup: Percentage(25))
        let text =
            #"{"description":"SSD 1 TB","markup":"25%","quantity":2,"unitCost":"#
            + money("80.00") + "}"
        #expect(try json(material) == text)
        #expect(try decode(MaterialCharge.self, text) == material)
        let negative =
            #"{"description":"SSD","markup":"25%","quantity":-2,"unitCost":"# + money("80.00")
            + "}"
        #expect(
            rejection(MaterialCharge.self, negative) == .negativeQuantity("-2", field: "quantity"))
    }

    @Test func timeAndMaterialsShapeAndBadIncrement() throws {
        let list = try TimeAndMaterials(
            rates: [.init(role: "engineer", workType: "remote", hourly: price("120.00"))],
            incrementMinutes: 15, minimumMinutes: 60, afterHoursMultiplier: Rational(3, 2),
            labourCategory: category("labour"), materialCategory: category("parts"))
        let text =
            #"{"afterHoursMultiplier":"1.5","incrementMinutes":15,"labourCategory":"labour","#
            + #""materialCategory":"parts","minimumMinutes":60,"rates":[{"hourly":"#
            + money("120.00") + #","role":"engineer","workType":"remote"}],"#
            + #""rounding":"halfUp","roundingOrder":"beforeMultiplier"}"#
        #expect(try json(list) == text)
        #expect(try decode(TimeAndMaterials.self, text) == list)
        let zero =
            #"{"incrementMinutes":0,"labourCategory":"labour","materialCategory":"parts","#
            + #""rates":[]}"#
        #expect(
            rejection(TimeAndMaterials.self, zero)
                == .invalidTimeRule("0", field: "incrementMinutes"))
    }

    @Test func prepaidBlockAndDrawShapes() throws {
        let block = try PrepaidBlock(
            id: "q1", kind: .hours, quantity: 600,
            validity: DateRange(
                start: instant("2026-01-01T00:00:00Z"), end: instant("2026-04-01T00:00:00Z")))
        let blockText =
            #"{"id":"q1","kind":"hours","quantity":600,"validity":{"#
            + #""end":"2026-04-01T00:00:00.000Z","start":"2026-01-01T00:00:00.000Z"}}"#
        #expect(try json(block) == blockText)
        #expect(try decode(PrepaidBlock.self, blockText) == block)
        let draw = try BlockDraw(
            id: "t-1", kind: .hours, workDate: instant("2026-01-05T14:00:00.250Z"),
            quantity: 90, multiplier: Rational(3, 2))
        let drawText =
            #"{"id":"t-1","kind":"hours","multiplier":"1.5","quantity":90,"#
            + #""workDate":"2026-01-05T14:00:00.250Z"}"#
        #expect(try json(draw) == drawText)
        #expect(try decode(BlockDraw.self, drawText) == draw)
        // An offset is read too: 15:00:00.250+01:00 is 14:00:00.250Z.
        let offset = drawText.replacingOccurrences(
            of: "2026-01-05T14:00:00.250Z", with: "2026-01-05T15:00:00.250+01:00")
        #expect(try decode(BlockDraw.self, offset) == draw)
    }

    @Test func rejectedBlocksAndDraws() throws {
        let block =
            #"{"id":"q1","kind":"hours","quantity":-1,"validity":{"#
            + #""end":"2026-04-01T00:00:00.000Z","start":"2026-01-01T00:00:00.000Z"}}"#
        #expect(rejection(PrepaidBlock.self, block) == .negativeQuantity("-1", field: "quantity"))
        let draw =
            #"{"id":"t-1","kind":"hours","multiplier":"-1","quantity":90,"#
            + #""workDate":"2026-01-05T14:00:00Z"}"#
        #expect(rejection(BlockDraw.self, draw) == .invalidTimeRule("-1", field: "multiplier"))
    }

    @Test(arguments: [
        "2026-01-05 14:00:00Z", "2026-01-05T14:00:00", "2026-01-05T14:00:00.1234567891Z",
        "2026-02-30T14:00:00Z", "2026-01-05T24:00:00Z", "2026-01-05T14:00:00.Z",
    ])
    func malformedWorkDatesAreRejected(text: String) throws {
        let draw = #"{"id":"t-1","kind":"hours","quantity":90,"workDate":"\#(text)"}"#
        let error = #expect(throws: DecodingError.self) { try decode(BlockDraw.self, draw) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["workDate"])
    }

    @Test func workDatesRoundTripAtMillisecondResolution() throws {
        // Any millisecond in years 1...9999 writes and reads back to the same instant.
        try checkProperty(seed: 0x5EED_C0DE, cases: 10_000) { random in
            let range = DateRange.supportedMilliseconds
            let milliseconds = random.int(in: range.lowerBound...(range.upperBound - 1))
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let draw = try BlockDraw(id: "d", kind: .incidents, workDate: date, quantity: 1)
            let back = try DateRange.milliseconds(of: roundTrip(draw).workDate)
            return (
                "\(milliseconds) ms",
                back == milliseconds ? nil : "read back \(String(describing: back))"
            )
        }
    }

    @Test func discountShapes() throws {
        let percent = try Discount(
            name: "Launch", value: .percent(Percentage(10)), scope: .component("Servers"),
            periodCount: 3)
        let percentText =
            #"{"component":"Servers","name":"Launch","percent":"10%","periodCount":3}"#
        #expect(try json(percent) == percentText)
        #expect(try decode(Discount.self, percentText) == percent)
        let fixed = try Discount(name: "Goodwill", value: .fixed(usd("25.00")))
        let fixedText = #"{"fixed":"# + money("25.00") + #","name":"Goodwill"}"#
        #expect(try json(fixed) == fixedText)
        #expect(try decode(Discount.self, fixedText) == fixed)
    }

    @Test func rejectedDiscounts() throws {
        #expect(
            rejection(Discount.self, #"{"name":"Too much","percent":"120%"}"#)
                == .invalidDiscount("120%", field: "value.percent"))
        // Both forms at once is a shape error (dataCorrupted without a BillingError).
        let both = #"{"fixed":"# + money("1.00") + #","name":"Both","percent":"10%"}"#
        #expect(rejection(Discount.self, both) == nil)
    }

    @Test func taxPolicyShape() throws {
        let policy = TaxPolicy(
            rates: [try category("licence"): .zero], defaultRate: try Percentage(parsing: "7.5"),
            roundingPoint: .perLine)
        let text =
            #"{"defaultRate":"7.5%","rates":{"licence":"0%"},"rounding":"halfUp","#
            + #""roundingPoint":"perLine"}"#
        #expect(try json(policy) == text)
        #expect(try decode(TaxPolicy.self, text) == policy)
        let badKey = #"{"defaultRate":"7.5%","rates":{"":"0%"},"roundingPoint":"perLine"}"#
        let error = #expect(throws: DecodingError.self) { try decode(TaxPolicy.self, badKey) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["rates"])
    }

    /// Two categories with the same text in other bytes cannot both be JSON keys: encoding
    /// refuses rather than keep one rate.
    @Test func taxRatesWhoseCategoriesReadAlikeAreNotEncoded() throws {
        let policy = TaxPolicy(
            rates: [
                try category("caf\u{E9}"): Percentage(10),
                try category("cafe\u{301}"): Percentage(20),
            ], defaultRate: Percentage(5), roundingPoint: .perInvoice)
        let error = #expect(throws: EncodingError.self) { try JSONEncoder().encode(policy) }
        guard case .invalidValue(_, let context) = error else {
            Issue.record("expected invalidValue")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["rates"])
    }
}

@Suite struct ResultCodableTests {
    private func validity(_ start: String, _ end: String) throws -> DateRange {
        try DateRange(start: instant(start), end: instant(end))
    }

    @Test func blockConsumptionShape() throws {
        // One 600-minute block; a 90-minute draw at 1.5× takes 135, leaving 465; a second
        // draw of 500 takes the 465 left and runs 35 minutes over.
        let block = try PrepaidBlock(
            id: "q1", kind: .hours, quantity: 600,
            validity: validity("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"))
        let draws = [
            try BlockDraw(
                id: "a", kind: .hours, workDate: instant("2026-01-05T19:00:00Z"), quantity: 90,
                multiplier: Rational(3, 2)),
            try BlockDraw(
                id: "b", kind: .hours, workDate: instant("2026-01-06T10:00:00Z"), quantity: 500),
        ]
        let consumption = try BlockConsumption(blocks: [block], draws: draws)
        let text =
            #"{"allocations":[{"block":"q1","draw":"a","quantity":135},"#
            + #"{"block":"q1","draw":"b","quantity":465}],"overage":[{"draw":"b","quantity":35}],"#
            + #""remaining":{"q1":0}}"#
        #expect(try json(consumption) == text)
        #expect(try decode(BlockConsumption.self, text) == consumption)
    }

    @Test func rejectedConsumptions() throws {
        #expect(
            rejection(
                BlockConsumption.self, #"{"allocations":[],"overage":[],"remaining":{"q1":-5}}"#)
                == .negativeQuantity("-5", field: "remaining[q1]"))
        let unknown =
            #"{"allocations":[{"block":"zz","draw":"a","quantity":5}],"overage":[],"#
            + #""remaining":{"q1":0}}"#
        #expect(rejection(BlockConsumption.self, unknown)?.code == .inconsistent)
        #expect(
            rejection(BlockConsumption.Overage.self, #"{"draw":"a","quantity":0}"#)
                == .negativeQuantity("0", field: "quantity"))
    }

    /// Bronze 100.00 billed for January, upgraded to Gold (200.00 flat) on Jan 11.
    private func upgrade() throws -> PlanChange {
        let billed = BilledCharge(
            component: "Plan", category: try category("plan"), amount: try usd("100.00"),
            coverage: try january().range)
        return try PlanChange(
            changing: billed, at: instant("2026-01-11T00:00:00Z"),
            to: .flat(FlatFee(usd("200.00"))), quantity: .one, period: january(),
            basis: .calendarDays)
    }

    @Test func planChangeShapeAndRoundTrip() throws {
        // Used 10/31 of 100.00 = 32.26, unused 21/31 = 67.74 credited; Gold for 21/31 of
        // 200.00 = 135.48 (see PlanChange's worked example).
        let change = try upgrade()
        let billedText =
            #"{"amount":"# + money("135.48")
            + #","category":"plan","component":"Plan","coverage":{"#
            + #""end":"2026-02-01T00:00:00.000Z","start":"2026-01-11T00:00:00.000Z"}}"#
        #expect(try json(change.billed) == billedText)
        #expect(try decode(BilledCharge.self, billedText) == change.billed)
        #expect(change.credit.amount == (try usd("-67.74")))
        #expect(try roundTrip(change) == change)
    }

    @Test func planChangeWithAPositiveCreditIsRejected() throws {
        var text = try json(upgrade())
        text = text.replacingOccurrences(of: #""amount":"-67.74""#, with: #""amount":"67.74""#)
        let error = rejection(PlanChange.self, text)
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "credit")
    }

    @Test func ratingDiffShapeAndRejection() throws {
        // 2 workstations invoiced at 25.00 = 50.00; corrected to 1 = 25.00; repair −25.00.
        let bronze = try plan("bronze", [perUnit("Workstations", .workstation, "25.00")])
        let issued = try bronze.rate(
            customer: acme(), period: january(), usage: [count(2, .workstation)])
        let corrected = try bronze.rate(
            customer: acme(), period: january(), usage: [count(1, .workstation)])
        let diff = try RatingDiff(issued: issued, corrected: corrected)
        let text =
            #"{"lines":[{"amount":"# + money("-25.00")
            + #","category":"workstation","component":"Workstations","description":"Workstations","#
            + #""kind":"adjustment","model":"per-unit","#
            + #""note":"re-rating charge acme/bronze/2026-01-01/2026-02-01","#
            + #""prorationFraction":"1","quantity":"1","tiers":[]}],"netChange":"#
            + money("-25.00") + "}"
        #expect(try json(diff) == text)
        #expect(try decode(RatingDiff.self, text) == diff)
        let tampered = text.replacingOccurrences(
            of: #""netChange":{"amount":"-25.00""#, with: #""netChange":{"amount":"-20.00""#)
        let error = rejection(RatingDiff.self, tampered)
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "netChange")
    }

    @Test func quoteOptionRoundTripAndPlanMismatch() throws {
        let options = try Quote.rank(
            plans: [
                plan("bronze", [perUnit("Workstations", .workstation, "25.00")]),
                plan("silver", [perUnit("Workstations", .workstation, "20.00")]),
            ], customer: acme(), period: january(), usage: [count(2, .workstation)])
        #expect(try roundTrip(options) == options)
        let text = #"{"invoice":\#(smallInvoiceJSON()),"name":"Silver","plan":"silver"}"#
        let error = rejection(QuoteOption.self, text)
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "invoice")
    }
}
