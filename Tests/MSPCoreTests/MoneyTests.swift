import MSPCore
import MSPTestSupport
import Testing

@Suite struct MoneyTests {
    @Test func constructionFromMajorAndMinorUnits() throws {
        #expect(try Money(major: 50, currency: .usd).minorUnits == 5000)
        #expect(try Money(major: 50, currency: .jpy).minorUnits == 50)
        #expect(try Money(major: 50, currency: .kwd).minorUnits == 50_000)
        #expect(try Money(major: 50, currency: .clf).minorUnits == 500_000)
        #expect(Money(minorUnits: 1999, currency: .usd).description == "19.99 USD")
        #expect(throws: MoneyError.overflow(operation: "major units", operands: "\(Int64.max) USD"))
        {
            try Money(major: .max, currency: .usd)
        }
    }

    @Test func rangeCoversNineTrillionMajorUnitsAtCentPrecision() throws {
        let big = try Money(major: 9_000_000_000_000, currency: .usd)
        #expect(try (big + usd("0.01")).description == "9000000000000.01 USD")
        #expect(try (big.negated() - usd("0.01")).description == "-9000000000000.01 USD")
        // and 1000 times that still fits
        #expect(try (big * 1000).minorUnits == 900_000_000_000_000_000)
    }

    @Test func additionAndSubtraction() throws {
        #expect(try usd("10.10") + usd("0.05") == usd("10.15"))
        #expect(try usd("10.10") - usd("10.15") == usd("-0.05"))
        var running = try usd("1.00")
        try running += usd("2.50")
        try running -= usd("0.25")
        #expect(running == (try usd("3.25")))
        #expect(try -usd("3.25") == usd("-3.25"))
        #expect(try usd("-3.25").magnitude() == usd("3.25"))
    }

    @Test func currencyMismatchIsAnError() throws {
        let dollars = try usd("1.00")
        let euros = try Money(parsing: "1.00", currency: .eur)
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur, operation: "add")) {
            try dollars + euros
        }
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur, operation: "subtract")) {
            try dollars - euros
        }
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur, operation: "compare")) {
            try dollars < euros
        }
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur, operation: "sum")) {
            try Money.sum([dollars, euros], currency: .usd)
        }
        // Same code, different exponent is still a mismatch.
        let threeDecimalDollar = try Currency(custom: "USD", minorUnits: 3)
        #expect(
            MoneyError.currencyMismatch(.usd, threeDecimalDollar, operation: "add").value
                == "USD(2)/USD(3)")
        #expect(throws: MoneyError.currencyMismatch(.usd, threeDecimalDollar, operation: "add")) {
            try dollars + Money(minorUnits: 1, currency: threeDecimalDollar)
        }
    }

    @Test func overflowIsAnErrorNotATrap() throws {
        let max = Money(minorUnits: .max, currency: .usd)
        let min = Money(minorUnits: .min, currency: .usd)
        let cent = Money(minorUnits: 1, currency: .usd)
        #expect(throws: MoneyError.overflow(operation: "add", operands: "\(max), \(cent)")) {
            try max + cent
        }
        #expect(throws: MoneyError.overflow(operation: "subtract", operands: "\(min), \(cent)")) {
            try min - cent
        }
        #expect(throws: MoneyError.overflow(operation: "negate", operands: "\(min)")) {
            try min.negated()
        }
        #expect(throws: MoneyError.overflow(operation: "multiply", operands: "\(max) × 2")) {
            try max * 2
        }
        #expect(throws: MoneyError.overflow(operation: "sum", operands: "amounts in USD")) {
            try Money.sum([max, cent], currency: .usd)
        }
    }

    @Test func comparison() throws {
        #expect(try usd("1.00") < usd("1.01"))
        #expect(try usd("-1.00") < usd("0.00"))
        #expect(try usd("1.00") <= usd("1.00"))
        #expect(try usd("2.00") > usd("1.99"))
        #expect(try usd("2.00") >= usd("2.00"))
        #expect(try Money.minimum(usd("2.00"), usd("1.00")) == usd("1.00"))
        #expect(try Money.maximum(usd("2.00"), usd("1.00")) == usd("2.00"))
        #expect(try usd("0.00").isZero && usd("-0.01").isNegative && usd("0.01").isPositive)
    }

    @Test func sumOfNoAmountsIsZero() throws {
        #expect(try Money.sum([], currency: .jpy) == .zero(.jpy))
    }

    @Test func sumEqualsRepeatedAddition() throws {
        try checkProperty(seed: 0x5EED_0002, cases: 2_000) { rng in
            let count = rng.int(in: 0...50)
            var amounts: [Money] = []
            var expected: Int64 = 0
            for _ in 0..<count {
                let units = rng.int64(in: -1_000_000_000...1_000_000_000)
                amounts.append(Money(minorUnits: units, currency: .eur))
                expected += units
            }
            let total = try Money.sum(amounts, currency: .eur)
            return ("\(count) amounts", total.minorUnits == expected ? nil : "got \(total)")
        }
    }

    @Test func majorUnitsAreExact() throws {
        #expect(try usd("1234.56").majorUnits == Rational(123_456, 100))
        #expect(Money(minorUnits: 5, currency: .kwd).majorUnits == (try Rational(1, 200)))
    }
}
