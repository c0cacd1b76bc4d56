import Benchmark
import BenchmarkSupport
import Foundation
import MSPCore

/// Two families: `MulRound` multiplies amounts by a rate and rounds to the minor unit (a tax or
/// discount line); `PriceQty` extends a sub-cent unit price by a quantity and rounds it (a
/// usage line). Each family has its own `Decimal` baseline doing the same arithmetic.
///
/// Every row processes the same 1,000,000 inputs per iteration with `scalingFactor: .mega`, so
/// `Time (wall clock)` is the time per amount and `Throughput` is millions of amounts per
/// second. Target: `Money` ≥ 300 × faster than `Decimal` + `NSDecimalRound`. Results are folded
/// into a checksum (and one `blackHole` per iteration) rather than a `blackHole` per amount,
/// whose generic call would cost as much as the arithmetic being measured.
func registerMultiplyRoundBenchmarks() {
    let perAmount = Benchmark.Configuration(
        scalingFactor: .mega, maxDuration: .seconds(2), maxIterations: 200)
    let decimalPerAmount = Benchmark.Configuration(
        scalingFactor: .mega, maxDuration: .seconds(3), maxIterations: 8)

    // MARK: Money × 7.25 % → minor unit, half-even

    Benchmark("MulRound 1M: Money.multiplied(by: 29/400, .halfEven)", configuration: perAmount) {
        _ throws in
        let rate = try taxRate().fraction
        var checksum: Int64 = 0
        for amount in money1M {
            checksum &+= try amount.multiplied(by: rate, rounding: .halfEven).minorUnits
        }
        blackHole(checksum)
    } setup: {
        blackHole(money1M.count)
    }

    Benchmark("MulRound 1M: Money.percentage(7.25%, .halfEven)", configuration: perAmount) {
        _ throws in
        let rate = try taxRate()
        var checksum: Int64 = 0
        for amount in money1M {
            checksum &+= try amount.percentage(rate, rounding: .halfEven).minorUnits
        }
        blackHole(checksum)
    } setup: {
        blackHole(money1M.count)
    }

    Benchmark(
        "MulRound 1M: baseline Decimal × 0.0725 + NSDecimalRound(2, .bankers)",
        configuration: decimalPerAmount
    ) { _ in
        let rate = Decimal(sign: .plus, exponent: -4, significand: 725)
        var checksum = 0
        for amount in decimals1M {
            var product = amount * rate
            var rounded = Decimal.zero
            NSDecimalRound(&rounded, &product, 2, .bankers)
            checksum &+= rounded.exponent
        }
        blackHole(checksum)
    } setup: {
        blackHole(decimals1M.count)
    }

    // MARK: PreciseMoney × quantity → minor unit, half-even

    Benchmark(
        "PriceQty 1M: PreciseMoney * qty then .rounded(.halfEven)", configuration: perAmount
    ) { _ throws in
        var checksum: Int64 = 0
        for (price, quantity) in zip(unitPrices1M, quantities1M) {
            checksum &+= try (price * quantity).rounded(.halfEven).minorUnits
        }
        blackHole(checksum)
    } setup: {
        blackHole(unitPrices1M.count + quantities1M.count)
    }

    Benchmark(
        "PriceQty 1M: baseline Decimal price × qty + NSDecimalRound(2, .bankers)",
        configuration: decimalPerAmount
    ) { _ in
        var checksum = 0
        for (price, quantity) in zip(decimalUnitPrices1M, decimalQuantities1M) {
            var product = price * quantity
            var rounded = Decimal.zero
            NSDecimalRound(&rounded, &product, 2, .bankers)
            checksum &+= rounded.exponent
        }
        blackHole(checksum)
    } setup: {
        blackHole(decimalUnitPrices1M.count + decimalQuantities1M.count)
    }

    // MARK: The same 1M operations on 32,768 amounts that stay in cache
    //
    // The 1M-amount rows stream 16 MB of `Money` (8 MB as a column) from memory, so on a
    // small VM they measure memory bandwidth as much as arithmetic. These rows repeat the
    // same arithmetic over a cache-resident set, for the ratio of the arithmetic alone.

    Benchmark("MulRound 1M in cache: Money.percentage(7.25%, .halfEven)", configuration: perAmount)
    {
        _ throws in
        let rate = try taxRate()
        var checksum: Int64 = 0
        try money32K.withUnsafeBufferPointer { amounts in
            for index in 0..<1_000_000 {
                let amount = amounts[index & (32_768 - 1)]
                checksum &+= try amount.percentage(rate, rounding: .halfEven).minorUnits
            }
        }
        blackHole(checksum)
    } setup: {
        blackHole(money32K.count)
    }

    Benchmark(
        "MulRound 1M in cache: baseline Decimal × 0.0725 + NSDecimalRound(2, .bankers)",
        configuration: decimalPerAmount
    ) { _ in
        let rate = Decimal(sign: .plus, exponent: -4, significand: 725)
        var checksum = 0
        for index in 0..<1_000_000 {
            var product = decimals32K[index & (32_768 - 1)] * rate
            var rounded = Decimal.zero
            NSDecimalRound(&rounded, &product, 2, .bankers)
            checksum &+= rounded.exponent
        }
        blackHole(checksum)
    } setup: {
        blackHole(decimals32K.count)
    }

    // MARK: Batch: a column of amounts times one rate

    Benchmark(
        "MulRound 1M: MoneyColumn.multiplied(by: 29/400, .halfEven)", configuration: perAmount
    ) { _ throws in
        let rate = try taxRate().fraction
        blackHole(try column1M.multiplied(by: rate, rounding: .halfEven))
    } setup: {
        blackHole(column1M.count)
    }
}

/// 7.25 %, parsed like a rate read from a contract.
func taxRate() throws(MoneyError) -> Percentage {
    try Percentage(parsing: "7.25")
}

// MARK: - Inputs

/// Unit prices of 0.000001 ... 99.999999 USD (scaled units of 10^-8 USD, six decimals of a cent).
let unitPriceScaledUnits1M: [Int64] = {
    var generator = SplitMix64(seed: BenchmarkData.seed ^ 0x5052_4943_45)  // "PRICE"
    return (0..<1_000_000).map { _ in 100 * Int64.random(in: 1...99_999_999, using: &generator) }
}()
let unitPrices1M = unitPriceScaledUnits1M.map { PreciseMoney(scaledUnits: $0, currency: .usd) }
let decimalUnitPrices1M = unitPriceScaledUnits1M.map {
    Decimal(sign: .plus, exponent: -8, significand: Decimal($0))
}
/// Quantities of 1 ... 10,000 units.
let quantities1M: [Int64] = {
    var generator = SplitMix64(seed: BenchmarkData.seed ^ 0x5154_59)  // "QTY"
    return (0..<1_000_000).map { _ in Int64.random(in: 1...10_000, using: &generator) }
}()
let decimalQuantities1M = quantities1M.map { Decimal($0) }
