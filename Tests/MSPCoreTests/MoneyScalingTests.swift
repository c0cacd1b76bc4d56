import MSPCore
import MSPTestSupport
import Testing

@Suite struct MoneyScalingTests {
    /// The documented table in `Money+Scaling.swift`, worked by hand.
    /// (amount, numerator, denominator, halfUp, halfEven, down)
    static let table: [(String, Int64, Int64, String, String, String)] = [
        ("10.00", 1, 3, "3.33", "3.33", "3.33"),
        ("0.05", 1, 2, "0.03", "0.02", "0.02"),
        ("0.15", 1, 2, "0.08", "0.08", "0.07"),
        ("-0.05", 1, 2, "-0.03", "-0.02", "-0.02"),
        ("19.99", 29, 400, "1.45", "1.45", "1.44"),  // 7.25% = 1.449275
        ("200.00", 17, 31, "109.68", "109.68", "109.67"),  // 109.677419…
        ("0.01", 1, 2, "0.01", "0.00", "0.00"),
        ("-0.01", -1, 2, "0.01", "0.00", "0.00"),
        ("0.00", 5, 7, "0.00", "0.00", "0.00"),
    ]

    @Test(arguments: table)
    func documentedTable(
        amount: String, numerator: Int64, denominator: Int64,
        halfUp: String, halfEven: String, down: String
    ) throws {
        let money = try usd(amount)
        let factor = try Rational(numerator, denominator)
        #expect(try money.multiplied(by: factor, rounding: .halfUp) == usd(halfUp))
        #expect(try money.multiplied(by: factor, rounding: .halfEven) == usd(halfEven))
        #expect(try money.multiplied(by: factor, rounding: .down) == usd(down))
    }

    @Test func wholeQuantityIsExact() throws {
        #expect(try usd("12.50") * 3 == usd("37.50"))
        #expect(try 3 * usd("12.50") == usd("37.50"))
        #expect(try usd("12.50") * 0 == usd("0.00"))
        #expect(try usd("12.50") * -2 == usd("-25.00"))
    }

    @Test func divisionRoundsOnce() throws {
        #expect(try usd("0.05").divided(by: 2, rounding: .halfUp) == usd("0.03"))
        #expect(try usd("0.05").divided(by: 2, rounding: .halfEven) == usd("0.02"))
        #expect(try usd("100.00").divided(by: -3, rounding: .halfUp) == usd("-33.33"))
        #expect(
            try usd("100.00").divided(by: Rational(parsing: "1.25"), rounding: .unnecessary)
                == usd("80.00"))
        #expect(throws: MoneyError.divisionByZero(operation: "divide", dividend: "1.00 USD")) {
            try usd("1.00").divided(by: 0, rounding: .halfUp)
        }
        #expect(throws: MoneyError.divisionByZero(operation: "divide", dividend: "1.00 USD")) {
            try usd("1.00").divided(by: Rational.zero, rounding: .halfUp)
        }
        #expect(throws: MoneyError.roundingNecessary(operation: "divide", value: "1.00 USD × 1/3"))
        {
            try usd("1.00").divided(by: 3, rounding: .unnecessary)
        }
    }

    @Test func percentages() throws {
        let tax = try Percentage(parsing: "7.25%")
        #expect(try usd("19.99").percentage(tax, rounding: .halfUp) == usd("1.45"))
        #expect(
            try usd("100.00").percentage(Percentage(parsing: "12.5"), rounding: .unnecessary)
                == usd("12.50"))
        #expect(try usd("100.00").percentage(Percentage(3), rounding: .unnecessary) == usd("3.00"))
        let kwd = Money(minorUnits: 1_000, currency: .kwd)  // 1.000 KWD
        #expect(try kwd.percentage(tax, rounding: .halfEven).minorUnits == 72)  // 0.0725 → 0.072
    }

    @Test func multiplicationOverflowIsAnError() throws {
        let big = Money(minorUnits: .max, currency: .usd)
        #expect(throws: MoneyError.overflow(operation: "multiply", operands: "\(big) × 3/2")) {
            try big.multiplied(by: Rational(3, 2), rounding: .halfUp)
        }
        // 31 × 1190112520884487201 / 2 = 2^64 - 0.5: rounding up must not wrap to zero.
        let wrap = try Rational(1_190_112_520_884_487_201, 2)
        #expect(
            throws: MoneyError.overflow(
                operation: "multiply", operands: "0.31 USD × 1190112520884487201/2")
        ) {
            try Money(minorUnits: 31, currency: .usd).multiplied(by: wrap, rounding: .up)
        }
        // A 128-bit intermediate keeps large exact products exact.
        #expect(
            try big.multiplied(by: Rational(Int64.max - 1, Int64.max), rounding: .down).minorUnits
                == Int64.max - 1)
    }

    @Test(
        arguments: [
            ("12.32", "12.30"), ("12.33", "12.35"), ("12.37", "12.35"), ("12.38", "12.40"),
            ("-12.33", "-12.35"), ("0.02", "0.00"), ("0.03", "0.05"), ("12.325", nil),
        ] as [(String, String?)])
    func cashRoundingToFiveRappen(amount: String, expected: String?) throws {
        guard let expected else {
            // A half-rappen amount is not an amount due; it never reaches cash rounding.
            #expect(
                throws: MoneyError.tooManyDecimals(
                    amount, field: "amount", decimals: 3, allowed: 2, target: "CHF")
            ) { try Money(parsing: amount, currency: .chf) }
            return
        }
        let money = try Money(parsing: amount, currency: .chf)
        #expect(
            try money.roundedToCashIncrement(.halfUp) == Money(parsing: expected, currency: .chf))
    }

    @Test func cashRoundingWithoutIncrementIsIdentity() throws {
        #expect(try usd("12.33").roundedToCashIncrement(.halfUp) == usd("12.33"))
    }

    @Test func roundingMatchesAReferenceOnRandomInputs() throws {
        // Reference: floor division on Int64 values small enough not to overflow.
        try checkProperty(seed: 0x5EED_0003) { rng in
            let amount = rng.int64(in: -10_000_000...10_000_000)
            let numerator = rng.int64(in: -10_000...10_000)
            let denominator = rng.int64(in: 1...10_000)
            let product = amount * numerator
            var floor = product / denominator
            if product % denominator != 0 && product < 0 { floor -= 1 }
            let ceiling = product % denominator == 0 ? floor : floor + 1
            let money = Money(minorUnits: amount, currency: .usd)
            let factor = try Rational(numerator, denominator)
            let gotFloor = try money.multiplied(by: factor, rounding: .floor).minorUnits
            let gotCeiling = try money.multiplied(by: factor, rounding: .ceiling).minorUnits
            let gotHalfEven = try money.multiplied(by: factor, rounding: .halfEven).minorUnits
            // halfEven: nearest; on a tie the even one.
            let twiceRemainder = 2 * (product - floor * denominator)
            let nearest =
                twiceRemainder < denominator
                ? floor
                : twiceRemainder > denominator ? ceiling : (floor % 2 == 0 ? floor : ceiling)
            let ok = gotFloor == floor && gotCeiling == ceiling && gotHalfEven == nearest
            return (
                "\(amount) × \(numerator)/\(denominator)",
                ok ? nil : "floor \(gotFloor) ceiling \(gotCeiling) halfEven \(gotHalfEven)"
            )
        }
    }

    /// The reciprocal kernel behind `percentage(_:rounding:)` folds each rule into one floor
    /// division; every small dividend and divisor, where that path always runs, is checked
    /// against multiplying by the fraction with a real division, ties and exact results
    /// included.
    @Test(arguments: [Int64(1), 2, 3, 4, 7, 8, 10, 25, 40, 99, 400, 4_096, 65_535, 2_147_483_647])
    func percentageFastPathMatchesDivisionForEverySmallAmount(denominator: Int64) throws {
        var mismatches: [String] = []
        for numerator: Int64 in [1, 3, 29, -7] {
            let percentage = try Percentage(Rational(100 * numerator, denominator))
            for units in Int64(-600)...600 {
                let money = Money(minorUnits: units, currency: .usd)
                for rule in RoundingRule.allCases {
                    let fast = Result { () throws(MoneyError) in
                        try money.percentage(percentage, rounding: rule)
                    }
                    let exact = Result { () throws(MoneyError) in
                        try money.multiplied(by: percentage.fraction, rounding: rule)
                    }
                    if fast != exact, mismatches.count < 5 {
                        mismatches.append("\(units) × \(numerator)/\(denominator) \(rule)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// `percentage(_:rounding:)` divides by a reciprocal prepared in the `Percentage`; it must
    /// give exactly what multiplying by the percentage's fraction gives, errors included.
    @Test func percentageAgreesWithMultiplyingByItsFraction() throws {
        try checkProperty(seed: 0x5EED_0006) { rng in
            let percent = try Rational(
                rng.int64(in: -100_000...100_000),
                rng.element(of: [1, 2, 4, 8, 100, 3, 7, 1_000, 65_536, 1 << 33]))
            let percentage = try Percentage(percent)
            let units =
                rng.chance(1, in: 5)
                ? rng.int64(in: Int64.min...Int64.max) : rng.int64(in: -1_000_000...1_000_000)
            let money = Money(minorUnits: units, currency: .usd)
            for rule in RoundingRule.allCases {
                let viaPercentage = Result { () throws(MoneyError) in
                    try money.percentage(percentage, rounding: rule)
                }
                let viaFraction = Result { () throws(MoneyError) in
                    try money.multiplied(by: percentage.fraction, rounding: rule)
                }
                if viaPercentage != viaFraction {
                    return (
                        "\(money) × \(percentage) \(rule)", "\(viaPercentage) vs \(viaFraction)"
                    )
                }
            }
            return ("\(money) × \(percentage)", nil)
        }
    }
}
