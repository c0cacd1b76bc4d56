import BenchmarkSupport
import Foundation
import MSPCore

/// Inputs shared by the benchmarks, built once per process, outside any measured region.
///
/// Every input is derived from the same seeded stream of minor-unit amounts, so the Money,
/// Int64 and Decimal variants of a benchmark add up exactly the same values. Each benchmark
/// touches its inputs in its `setup` hook, so the (lazy) global initialiser never runs
/// inside a measurement.
enum BenchmarkData {
    /// The seed of every input; change it only together with the stored baselines.
    static let seed: UInt64 = 0x4D53_504B_6974_2025  // "MSPKit 2025"

    /// Largest amount generated, in minor units: 9,999.99 USD. A sum of 10M such amounts
    /// stays below 10^14 minor units, far inside `Int64`, so no variant overflows.
    static let maximumMinorUnits: Int64 = 999_999

    /// `count` amounts of 0.01 ... 9,999.99, as minor units.
    static func minorUnits(count: Int, seed: UInt64 = seed) -> [Int64] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int64.random(in: 1...maximumMinorUnits, using: &generator) }
    }

    /// The same amounts as `Money` in USD (16 bytes each: `Int64` minor units + `Currency`).
    static func money(count: Int, seed: UInt64 = seed) -> [Money] {
        minorUnits(count: count, seed: seed).map { Money(minorUnits: $0, currency: .usd) }
    }

    /// The same amounts as Foundation `Decimal`s with exponent -2 (exact cents).
    static func decimals(count: Int, seed: UInt64 = seed) -> [Decimal] {
        minorUnits(count: count, seed: seed).map {
            Decimal(sign: .plus, exponent: -2, significand: Decimal($0))
        }
    }
}

// Inputs are global `let`s: initialised lazily and at most once per process.

/// 10,000,000 amounts: 80 MB as `[Int64]`, 160 MB as `[Money]`, both far beyond the L3 cache.
let minorUnits10M = BenchmarkData.minorUnits(count: 10_000_000)
let money10M = BenchmarkData.money(count: 10_000_000)
/// 1,000,000 amounts: 8 MB as `[Int64]`, 16 MB as `[Money]`; both fit a 32 MB L3 cache.
let minorUnits1M = BenchmarkData.minorUnits(count: 1_000_000)
let money1M = BenchmarkData.money(count: 1_000_000)
let decimals1M = BenchmarkData.decimals(count: 1_000_000)
/// 32,768 amounts: 256 KB as `[Int64]`, 512 KB as `[Money]`; both fit a 1 MB L2 cache.
let minorUnits32K = BenchmarkData.minorUnits(count: 32_768)
let money32K = BenchmarkData.money(count: 32_768)
let decimals32K = BenchmarkData.decimals(count: 32_768)
/// The same amounts as `MoneyColumn`s (one currency + 8 bytes per amount).
let column10M = MoneyColumn(currency: .usd, minorUnits: minorUnits10M)
let column1M = MoneyColumn(currency: .usd, minorUnits: minorUnits1M)
let column32K = MoneyColumn(currency: .usd, minorUnits: minorUnits32K)
