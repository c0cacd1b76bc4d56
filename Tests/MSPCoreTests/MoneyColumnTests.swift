import MSPCore
import MSPTestSupport
import Testing

@Suite struct MoneyColumnTests {
    @Test func buildsFromAmountsAndRejectsOtherCurrencies() throws {
        var column = try MoneyColumn([usd("45.00"), usd("19.99")], currency: .usd)
        try column.append(usd("0.01"))
        #expect(column.count == 3)
        #expect(column[1] == (try usd("19.99")))
        #expect(Array(column) == (try ["45.00", "19.99", "0.01"].map(usd)))
        #expect(try column.sum() == usd("65.00"))
        let euro = Money(minorUnits: 1, currency: .eur)
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur, operation: "append")) {
            try column.append(euro)
        }
        #expect(throws: MoneyError.currencyMismatch(.usd, .eur, operation: "append")) {
            try MoneyColumn([usd("1.00"), euro], currency: .usd)
        }
        #expect(try MoneyColumn(currency: .jpy).sum() == .zero(.jpy))
    }

    @Test func sumFailsOnlyWhenTheExactTotalDoesNotFit() throws {
        // Order does not decide: max + 1 - 1 is max, for the column and for Money.sum.
        let units: [Int64] = [.max, 1, -1]
        let column = MoneyColumn(currency: .usd, minorUnits: units)
        #expect(try column.sum().minorUnits == .max)
        #expect(try Money.sum(column, currency: .usd).minorUnits == .max)
        let tooBig = MoneyColumn(currency: .usd, minorUnits: [.max, .max, -.max, 1])
        #expect(throws: MoneyError.overflow(operation: "sum", operands: "amounts in USD")) {
            try tooBig.sum()
        }
        #expect(throws: MoneyError.overflow(operation: "sum", operands: "amounts in USD")) {
            try Money.sum(tooBig, currency: .usd)
        }
        let lowest = MoneyColumn(currency: .usd, minorUnits: [.min, 0])
        #expect(try lowest.sum().minorUnits == .min)
    }

    /// The chunked, vectorised sum agrees with an exact reference on random columns that mix
    /// small amounts (the fast path) with huge ones (the term-by-term path).
    @Test func chunkedSumMatchesAnExactReference() throws {
        try checkProperty(seed: 0x5EED_C011, cases: 300) { rng in
            let count = rng.int(in: 0...12_000)
            let huge = rng.chance(1, in: 3)
            var units: [Int64] = []
            units.reserveCapacity(count)
            for _ in 0..<count {
                if huge && rng.chance(1, in: 500) {
                    units.append(
                        rng.element(of: [Int64.max / 3, Int64.min / 3, 1 << 50, -(1 << 50)]))
                } else {
                    units.append(rng.int64(in: -1_000_000_000...1_000_000_000))
                }
            }
            // Reference: the exact total as 32-bit limbs, `high × 2^32 + low`.
            var high: Int64 = 0
            var low: Int64 = 0
            for value in units {
                low += value & 0xFFFF_FFFF
                high += value >> 32
            }
            high += low >> 32
            low &= 0xFFFF_FFFF
            let fits = high >= -(1 << 31) && high < 1 << 31
            let column = MoneyColumn(currency: .usd, minorUnits: units)
            let input = "\(count) amounts, huge: \(huge)"
            do throws(MoneyError) {
                let got = try column.sum().minorUnits
                let total = high << 32 | low
                return (input, fits && got == total ? nil : "got \(got), expected \(total)")
            } catch {
                return (input, !fits && error.code == .overflow ? nil : "\(error)")
            }
        }
    }

    @Test func batchMultiplicationMatchesTheSingleAmountOperation() throws {
        let column = MoneyColumn(currency: .usd, minorUnits: [1999, -5, 15, 0, 20_000])
        let rate = try Percentage(parsing: "7.25%").fraction
        let scaled = try column.multiplied(by: rate, rounding: .halfEven)
        #expect(scaled.currency == .usd)
        #expect(
            Array(scaled) == (try column.map { try $0.multiplied(by: rate, rounding: .halfEven) }))
        #expect(
            throws: MoneyError.roundingNecessary(operation: "multiply", value: "0.01 USD × 1/3")
        ) {
            try MoneyColumn(currency: .usd, minorUnits: [3, 1]).multiplied(
                by: Rational(1, 3), rounding: .unnecessary)
        }
        let huge = MoneyColumn(currency: .usd, minorUnits: [1, .max])
        #expect(
            throws: MoneyError.overflow(
                operation: "multiply", operands: "\(Money(minorUnits: .max, currency: .usd)) × 3/2")
        ) {
            try huge.multiplied(by: Rational(3, 2), rounding: .halfUp)
        }
    }

    /// The reciprocal fast path of the batch multiply gives exactly the single-amount result
    /// for every rule, on both sides of its 32-bit limits.
    @Test func batchMultiplicationAgreesOnRandomInputs() throws {
        try checkProperty(seed: 0x5EED_C012, cases: 2_000) { rng in
            let denominator =
                rng.chance(1, in: 4)
                ? rng.element(of: [1, 2, 3, 7, 400, Int64(UInt32.max), Int64(UInt32.max) + 1])
                : rng.int64(in: 1...100_000)
            let numerator = rng.int64(in: -100_000...100_000)
            let factor = try Rational(numerator, denominator)
            let units = (0..<64).map { _ in
                rng.chance(1, in: 8)
                    ? rng.int64(in: -(1 << 40)...(1 << 40)) : rng.int64(in: -100_000...100_000)
            }
            let column = MoneyColumn(currency: .usd, minorUnits: units)
            let rule = rng.element(of: RoundingRule.allCases.filter { $0 != .unnecessary })
            let batch = try column.multiplied(by: factor, rounding: rule)
            let single = try column.map { try $0.multiplied(by: factor, rounding: rule) }
            return ("\(factor) \(rule)", Array(batch) == single ? nil : "batch differs")
        }
    }
}
