import Foundation
import MSPCore
import Testing

@Suite struct CurrencyTests {
    @Test(arguments: [
        ("USD", 2), ("EUR", 2), ("JPY", 0), ("KRW", 0), ("ISK", 0), ("CLP", 0), ("VND", 0),
        ("BHD", 3), ("KWD", 3), ("OMR", 3), ("TND", 3), ("JOD", 3), ("IQD", 3), ("LYD", 3),
        ("CLF", 4), ("UYW", 4), ("GBP", 2), ("CHF", 2), ("XOF", 0), ("XCG", 2),
    ])
    func isoExponents(code: String, minorUnits: Int) throws {
        let currency = try Currency(code: code)
        #expect(currency.minorUnits == minorUnits)
        #expect(currency.code == code)
        #expect(currency.minorUnitsPerMajorUnit == [1, 10, 100, 1000, 10_000][minorUnits])
    }

    /// Every named constant is the table's entry for its code, cash increment included.
    @Test(
        arguments: [
            ("USD", .usd), ("EUR", .eur), ("GBP", .gbp), ("JPY", .jpy), ("CHF", .chf),
            ("CAD", .cad), ("AUD", .aud), ("NZD", .nzd), ("SEK", .sek), ("NOK", .nok),
            ("DKK", .dkk), ("INR", .inr), ("CNY", .cny), ("BRL", .brl), ("MXN", .mxn),
            ("ZAR", .zar), ("SGD", .sgd), ("HKD", .hkd), ("KRW", .krw), ("BHD", .bhd),
            ("KWD", .kwd), ("OMR", .omr), ("TND", .tnd), ("JOD", .jod), ("CLF", .clf),
            ("CLP", .clp), ("ISK", .isk),
        ] as [(String, Currency)])
    func namedConstantIsTheTableEntry(code: String, constant: Currency) throws {
        let entry = try Currency(code: code)
        #expect(constant == entry)
        #expect(constant.code == code)
        #expect(constant.minorUnits == entry.minorUnits)
        #expect(constant.cashIncrement == entry.cashIncrement)
    }

    @Test func namedConstantsMatchTheTable() throws {
        #expect(try Currency(code: "USD") == .usd)
        #expect(try Currency(code: "KWD") == .kwd)
        #expect(try Currency(code: "CHF") == .chf)
        #expect(Currency.chf.cashIncrement == 5)
        #expect(Currency.usd.cashIncrement == nil)
        #expect(Currency.isoCurrencies.count > 150)
        #expect(Currency.isoCurrencies.map(\.code) == Currency.isoCurrencies.map(\.code).sorted())
    }

    @Test(arguments: ["usd", "US", "USDXX", "U$D", "", "ÜSD", "US D"])
    func rejectsMalformedCodes(code: String) {
        #expect(throws: MoneyError.malformedCurrency(code)) { try Currency(code: code) }
    }

    @Test(arguments: ["XXX", "XAU", "HRK", "ABCD", "QQQ"])
    func rejectsUnknownCodes(code: String) {
        #expect(throws: MoneyError.unknownCurrency(code)) { try Currency(code: code) }
    }

    @Test func customCurrencies() throws {
        let bitcoin = try Currency(custom: "XBT", minorUnits: 8)
        #expect(bitcoin.code == "XBT")
        #expect(bitcoin.minorUnits == 8)
        let token = try Currency(custom: "USDC", minorUnits: 6)
        #expect(token.code == "USDC")
        #expect(token != .usd)
        // Same code, different exponent: a different currency.
        #expect(try Currency(custom: "USD", minorUnits: 3) != .usd)
        #expect(try Currency(custom: "USD", minorUnits: 2) == .usd)
        // The cash increment is a payment rule, not part of the currency's identity.
        let cash = try Currency.usd.withCashIncrement(5)
        #expect(cash.cashIncrement == 5)
        #expect(cash == .usd)
        #expect(Set([cash, .usd]).count == 1)
        #expect(try Currency(custom: "CHF", minorUnits: 2) == .chf)
    }

    @Test func rejectsBadCustomDefinitions() {
        #expect(throws: MoneyError.invalidMinorUnits(10, code: "XBT")) {
            try Currency(custom: "XBT", minorUnits: 10)
        }
        #expect(throws: MoneyError.invalidMinorUnits(-1, code: "XBT")) {
            try Currency(custom: "XBT", minorUnits: -1)
        }
        #expect(throws: MoneyError.invalidCashIncrement("0", code: "XBT")) {
            try Currency(custom: "XBT", minorUnits: 2, cashIncrement: 0)
        }
        #expect(throws: MoneyError.invalidCashIncrement("16777216", code: "XBT")) {
            try Currency(custom: "XBT", minorUnits: 2, cashIncrement: 16_777_216)
        }
    }

    @Test func codableAsCode() throws {
        let data = try JSONEncoder().encode([Currency.usd, .jpy])
        #expect(String(decoding: data, as: UTF8.self) == #"["USD","JPY"]"#)
        #expect(try JSONDecoder().decode([Currency].self, from: data) == [.usd, .jpy])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Currency].self, from: Data(#"["usd"]"#.utf8))
        }
    }
}
