import Foundation
import MSPCore
import MSPTestSupport
import Testing

@Suite struct PreciseMoneyTests {
    @Test func subCentTierPriceTimesQuantity() throws {
        // 0.067 × 55 = 3.685 exactly; halfEven → 3.68, halfUp → 3.69.
        let price = try PreciseMoney(parsing: "0.067", currency: .usd)
        let extended = try price * 55
        #expect(extended.amountText == "3.685")
        #expect(try extended.rounded(.halfEven) == usd("3.68"))
        #expect(try extended.rounded(.halfUp) == usd("3.69"))
        #expect(try price.amount(for: Rational(55), rounding: .halfUp) == usd("3.69"))
    }

    @Test func perGigabytePriceIsExact() throws {
        let price = try PreciseMoney(parsing: "0.000125", currency: .usd)
        #expect(price.scaledUnits == 12_500)
        #expect(price.majorUnits == (try Rational(1, 8000)))
        #expect(try (price * 1_000_000).rounded(.unnecessary) == usd("125.00"))
        // 1234.5 GB × 0.000125 = 0.1543125 USD
        #expect(
            try price.amount(for: Rational(parsing: "1234.5"), rounding: .halfUp) == usd("0.15"))
    }

    @Test func decimalQuantities() throws {
        let rate = try PreciseMoney(parsing: "125", currency: .usd)
        #expect(
            try rate.amount(for: Rational(parsing: "1.25"), rounding: .unnecessary) == usd("156.25")
        )
        #expect(
            try rate.multiplied(by: Rational(1, 3), rounding: .halfUp).amountText == "41.66666667")
    }

    @Test func fineQuantitiesDoNotOverflowNeedlessly() throws {
        let dollar = try PreciseMoney(parsing: "1", currency: .usd)
        let tiny = try Rational(1, 10_000_000_000_000)
        #expect(try dollar.amount(for: tiny, rounding: .down) == usd("0.00"))
        #expect(try dollar.amount(for: tiny, rounding: .up) == usd("0.01"))
        #expect(
            try dollar.amount(for: tiny, rounding: .up)
                == usd("1.00").multiplied(by: tiny, rounding: .up))
    }

    @Test func sixExtraDecimalsAndNoMore() throws {
        #expect(try PreciseMoney(parsing: "0.00000001", currency: .usd).scaledUnits == 1)
        #expect(
            throws: MoneyError.tooManyDecimals(
                "0.000000001", field: "amount", decimals: 9, allowed: 8, target: "precise USD")
        ) {
            try PreciseMoney(parsing: "0.000000001", currency: .usd)
        }
        #expect(try PreciseMoney(parsing: "0.000001", currency: .jpy).scaledUnits == 1)
    }

    @Test func additionAndConversions() throws {
        let a = try PreciseMoney(parsing: "1.005", currency: .usd)
        let b = try PreciseMoney(usd("2.00"))
        #expect(try (a + b).amountText == "3.005")
        #expect(try (a - b).amountText == "-0.995")
        #expect(try (a + b).rounded(.halfEven) == usd("3.00"))
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur, operation: "add")) {
            try a + PreciseMoney.zero(.eur)
        }
        #expect(throws: MoneyError.roundingNecessary(operation: "round", value: "1.005 USD")) {
            try a.rounded(.unnecessary)
        }
        let max = Money(minorUnits: .max, currency: .usd)
        #expect(throws: MoneyError.overflow(operation: "precise money", operands: "\(max)")) {
            try PreciseMoney(max)
        }
    }

    @Test func jsonShape() throws {
        let price = try PreciseMoney(parsing: "0.000125", currency: .usd)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(price)
        #expect(String(decoding: data, as: UTF8.self) == #"{"amount":"0.000125","currency":"USD"}"#)
        #expect(try JSONDecoder().decode(PreciseMoney.self, from: data) == price)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(
                PreciseMoney.self, from: Data(#"{"amount":"0.000000001","currency":"USD"}"#.utf8))
        }
    }

    @Test func roundingAgreesWithExactRationalRounding() throws {
        try checkProperty(seed: 0x5EED_0005) { rng in
            let units =
                rng.chance(1, in: 10)
                ? rng.element(of: [Int64.max, Int64.min, 500_000, -500_000, 1_500_000, -2_500_000])
                : rng.int64(in: Int64.min...Int64.max)
            let price = PreciseMoney(scaledUnits: units, currency: .usd)
            let exact = try Rational(units, 1_000_000)
            for rule in RoundingRule.allCases where rule != .unnecessary {
                let got = try price.rounded(rule).minorUnits
                let expected = try exact.rounded(rule)
                if got != expected {
                    return ("\(units) \(rule)", "got \(got), expected \(expected)")
                }
            }
            return ("\(units)", nil)
        }
    }
}
