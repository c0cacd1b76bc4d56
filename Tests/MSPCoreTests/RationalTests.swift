import Foundation
import MSPTestSupport
import Testing

@testable import MSPCore

@Suite struct RationalTests {
    @Test func reducesToLowestTermsWithPositiveDenominator() throws {
        let value = try Rational(6, -8)
        #expect(value.numerator == -3)
        #expect(value.denominator == 4)
        #expect(try Rational(0, -5) == .zero)
        #expect(try Rational(10, 5) == Rational(2))
    }

    @Test(arguments: [
        ("1.25", Int64(5), Int64(4)), ("-0.000125", -1, 8000), ("17/31", 17, 31), ("-3/8", -3, 8),
        ("0", 0, 1), ("007.50", 15, 2), ("6/4", 3, 2),
        ("0.000000000000000001", 1, 1_000_000_000_000_000_000),
    ])
    func parses(text: String, numerator: Int64, denominator: Int64) throws {
        let value = try Rational(parsing: text)
        #expect(value.numerator == numerator)
        #expect(value.denominator == denominator)
    }

    @Test(arguments: [
        "1e3", "", "-", "1.", ".5", "+1", "1/2/3", "1.5/2", "a", " 1", "1 ", "--1", "1/-2",
    ])
    func rejectsBadSyntax(text: String) {
        #expect(throws: MoneyError.invalidNumber(text, field: "ratio")) {
            try Rational(parsing: text)
        }
    }

    @Test func rejectsZeroDenominator() {
        #expect(throws: MoneyError.divisionByZero(operation: "ratio", dividend: "1")) {
            try Rational(parsing: "1/0")
        }
        #expect(throws: MoneyError.divisionByZero(operation: "ratio", dividend: "5")) {
            try Rational(5, 0)
        }
    }

    @Test func rejectsDigitsBeyond64Bits() {
        #expect(
            throws: MoneyError.overflow(operation: "ratio", operands: "\"99999999999999999999\"")
        ) {
            try Rational(parsing: "99999999999999999999")
        }
    }

    @Test(arguments: [
        ("5/4", "1.25"), ("-1/8000", "-0.000125"), ("17/31", "17/31"), ("3", "3"), ("-1/3", "-1/3"),
        ("1/1024", "0.0009765625"),
    ])
    func describesAsDecimalWhenExact(text: String, expected: String) throws {
        #expect(try Rational(parsing: text).description == expected)
        #expect(try Rational(parsing: expected) == Rational(parsing: text))
    }

    @Test func arithmeticIsExact() throws {
        let a = try Rational(1, 3)
        let b = try Rational(1, 6)
        #expect(try a + b == Rational(1, 2))
        #expect(try a - b == Rational(1, 6))
        #expect(try a * b == Rational(1, 18))
        #expect(try a / b == Rational(2))
        #expect(try Rational(17, 31) + Rational(14, 31) == .one)
    }

    @Test func overflowIsAnErrorNotATrap() throws {
        let big = Rational(Int64.max)
        #expect(throws: MoneyError.overflow(operation: "add", operands: "\(big), 1")) {
            try big + .one
        }
        #expect(throws: MoneyError.overflow(operation: "multiply", operands: "\(big) × 2")) {
            try big * Rational(2)
        }
        #expect(throws: MoneyError.overflow(operation: "negate", operands: "\(Int64.min)")) {
            try Rational(Int64.min).negated()
        }
        #expect(throws: MoneyError.divisionByZero(operation: "divide", dividend: "1")) {
            try Rational.one / .zero
        }
    }

    @Test func comparesWithoutOverflow() throws {
        let a = try Rational(Int64.max, Int64.max - 1)
        let b = try Rational(Int64.max - 1, Int64.max - 2)
        #expect(a < b)  // 1 + 1/(max-1) < 1 + 1/(max-2)
        #expect(try Rational(-1, 3) < Rational(-1, 4))
    }

    @Test func additionAgreesWithCrossMultiplication() throws {
        try checkProperty(seed: 0x5EED_0001) { rng in
            let a = try Rational(rng.int64(in: -1_000_000...1_000_000), rng.int64(in: 1...10_000))
            let b = try Rational(rng.int64(in: -1_000_000...1_000_000), rng.int64(in: 1...10_000))
            let sum = try a + b
            let back = try sum - b
            for value in [a, b, sum, back, try a * b] { value._checkInvariants() }
            let ordered = (a < sum) == (Rational.zero < b) || b.isZero
            return ("\(a), \(b)", back == a && ordered ? nil : "sum \(sum), back \(back)")
        }
    }

    @Test func codableAsString() throws {
        let data = try JSONEncoder().encode([try Rational(17, 31), try Rational(5, 4)])
        #expect(String(decoding: data, as: UTF8.self) == #"["17\/31","1.25"]"#)
        #expect(
            try JSONDecoder().decode([Rational].self, from: data) == [
                try Rational(17, 31), try Rational(5, 4),
            ])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Rational].self, from: Data("[1.25]".utf8))
        }
    }

    @Test func decimalScaleAndFailableInit() throws {
        #expect(try Rational(5, 4).decimalScale == 2)
        #expect(try Rational(1, 3).decimalScale == nil)
        #expect(Rational(7).decimalScale == 0)
        #expect(Rational("17/31") == (try Rational(17, 31)))
        #expect(Rational("1e3") == nil)
        #expect(Rational("1/0") == nil)
    }
}
