import Foundation
import MSPCore
import Testing

@Suite struct MoneyTextTests {
    @Test(arguments: [
        ("1234.56", Int64(123_456)), ("-0.05", -5), ("7", 700), ("12.340", 1234), ("0", 0),
        ("-0", 0), ("0007.10", 710), ("92233720368547758.07", .max),
        ("-92233720368547758.08", .min),
    ])
    func parsesUSD(text: String, minorUnits: Int64) throws {
        #expect(try Money(parsing: text, currency: .usd).minorUnits == minorUnits)
    }

    @Test(arguments: [
        "1e3", "1,234.56", "+5", " 5", "5 ", ".5", "5.", "", "-", "1.2.3", "1_000", "٣", "0x10",
        "--5",
    ])
    func rejectsBadSyntax(text: String) {
        #expect(throws: MoneyError.invalidNumber(text, field: "amount")) {
            try Money(parsing: text, currency: .usd)
        }
    }

    @Test func trailingZerosAreExactHoweverMany() throws {
        #expect(try Money(parsing: "1.0000000000000000000000", currency: .usd) == usd("1.00"))
        #expect(try Rational(parsing: "2.50000000000000000000000") == Rational(5, 2))
        #expect(
            throws: MoneyError.tooManyDecimals(
                "0.0000000000000000001", field: "ratio", decimals: 19, allowed: 18,
                target: "an exact decimal")
        ) {
            try Rational(parsing: "0.0000000000000000001")
        }
    }

    @Test func rejectsTooManyDecimalsForAnAmountDue() {
        #expect(
            throws: MoneyError.tooManyDecimals(
                "12.345", field: "amount", decimals: 3, allowed: 2, target: "USD")
        ) {
            try Money(parsing: "12.345", currency: .usd)
        }
        #expect(
            throws: MoneyError.tooManyDecimals(
                "1.5", field: "amount", decimals: 1, allowed: 0, target: "JPY")
        ) {
            try Money(parsing: "1.5", currency: .jpy)
        }
        #expect(
            throws: MoneyError.overflow(operation: "amount", operands: "\"92233720368547758.08\"")
        ) {
            try Money(parsing: "92233720368547758.08", currency: .usd)
        }
    }

    @Test(arguments: [
        (Int64(123_456), Currency.usd, "1234.56"), (-5, .usd, "-0.05"), (700, .usd, "7.00"),
        (1200, .jpy, "1200"), (5, .kwd, "0.005"), (-1, .clf, "-0.0001"), (0, .usd, "0.00"),
        (.min, .usd, "-92233720368547758.08"),
    ])
    func canonicalFormRoundTrips(minorUnits: Int64, currency: Currency, text: String) throws {
        let money = Money(minorUnits: minorUnits, currency: currency)
        #expect(money.amountText == text)
        #expect(money.description == "\(text) \(currency.code)")
        #expect(try Money(parsing: text, currency: currency) == money)
    }

    @Test func jsonShapeHasTheAmountAsAString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(try usd("1234.56"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"amount":"1234.56","currency":"USD"}"#)
        #expect(try JSONDecoder().decode(Money.self, from: data) == usd("1234.56"))
    }

    @Test(arguments: [
        (#"{"amount":"12.345","currency":"USD"}"#, "tooManyDecimals"),
        (#"{"amount":"abc","currency":"USD"}"#, "invalidNumber"),
        (#"{"amount":"1e3","currency":"USD"}"#, "invalidNumber"),
        (#"{"amount":"1.00","currency":"ZZZ"}"#, "unknownCurrency"),
        (#"{"amount":"1.00","currency":"usd"}"#, "malformedCurrency"),
        (#"{"amount":12.34,"currency":"USD"}"#, "must be a JSON string"),
        (#"{"currency":"USD"}"#, "amount"),
        (#"{"amount":"1.00"}"#, "currency"),
    ])
    func decodingValidates(json: String, messageFragment: String) throws {
        do {
            _ = try JSONDecoder().decode(Money.self, from: Data(json.utf8))
            Issue.record("decoded \(json)")
        } catch let error as DecodingError {
            #expect("\(error)".contains(messageFragment), "\(error)")
        }
    }
}
