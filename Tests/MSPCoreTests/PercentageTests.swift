import Foundation
import MSPCore
import Testing

@Suite struct PercentageTests {
    @Test(arguments: [
        ("7.25%", "7.25%", Int64(29), Int64(400)), ("7.25", "7.25%", 29, 400),
        ("12.5", "12.5%", 1, 8),
        ("3%", "3%", 3, 100), ("-3%", "-3%", -3, 100), ("150%", "150%", 3, 2),
        ("100/3%", "100/3%", 1, 3),
    ])
    func parsesExactly(text: String, description: String, numerator: Int64, denominator: Int64)
        throws
    {
        let percentage = try Percentage(parsing: text)
        #expect(percentage.description == description)
        #expect(percentage.fraction == (try Rational(numerator, denominator)))
    }

    @Test(arguments: ["7.25%%", "%", "", "7,25", "1e2%", "seven"])
    func rejectsBadSyntax(text: String) {
        #expect(throws: MoneyError.invalidNumber(text, field: "percentage")) {
            try Percentage(parsing: text)
        }
    }

    @Test func ordersAndCodes() throws {
        #expect(try Percentage(parsing: "7.25") < Percentage(parsing: "7.5"))
        let data = try JSONEncoder().encode(try Percentage(parsing: "7.25"))
        #expect(String(decoding: data, as: UTF8.self) == #""7.25%""#)
        #expect(
            try JSONDecoder().decode(Percentage.self, from: data) == Percentage(parsing: "7.25"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Percentage.self, from: Data("7.25".utf8))
        }
    }

    @Test func rejectsValuesWhoseFractionOverflows() {
        let error = #expect(throws: MoneyError.self) { try Percentage(Rational(1, Int64.max)) }
        #expect(error?.code == .overflow)
    }
}
