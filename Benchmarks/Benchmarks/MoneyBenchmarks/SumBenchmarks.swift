import Benchmark
import Foundation
import MSPCore

/// Summing amounts: `Money.sum` over `[Money]` and `MoneyColumn.sum` against raw `Int64` loops
/// and Foundation `Decimal`.
///
/// One iteration is one whole sum (or `repeats` sums for the L2-resident family), so
/// `Time (wall clock)` is the time for all N amounts and `Throughput` is sums per second.
/// Targets: ≤ 1.5 × the checked `Int64` loop, and ≥ 300 × faster than `Decimal` per amount.
func registerSumBenchmarks() {
    // 10M amounts: 160 MB of Money, 80 MB of Int64 — memory-bandwidth territory.
    registerSumFamily(
        "Sum 10M", repeats: 1,
        configuration: .init(maxDuration: .seconds(3), maxIterations: 40),
        money: { money10M }, column: { column10M }, minorUnits: { minorUnits10M })
    // 1M amounts: 16 MB of Money, 8 MB of Int64 — both fit the L3 cache.
    registerSumFamily(
        "Sum 1M", repeats: 1,
        configuration: .init(maxDuration: .seconds(2), maxIterations: 300),
        money: { money1M }, column: { column1M }, minorUnits: { minorUnits1M })
    // 32K amounts summed 32 times (~1M additions) from L2: instruction cost without the
    // memory-bandwidth limit.
    registerSumFamily(
        "Sum 32K×32 (L2)", repeats: 32,
        configuration: .init(maxDuration: .seconds(2), maxIterations: 300),
        money: { money32K }, column: { column32K }, minorUnits: { minorUnits32K })

    let tenMillion = Benchmark.Configuration(maxDuration: .seconds(3), maxIterations: 40)

    Benchmark("Sum 10M: Money for-in `try total += m`", configuration: tenMillion) { _ throws in
        var total = Money.zero(.usd)
        for amount in money10M {
            try total += amount
        }
        blackHole(total)
    } setup: {
        blackHole(money10M.count)
    }

    // Why `[Money]` costs what it costs: its 16-byte stride, not the checks.
    Benchmark("Sum 10M: probe [Money] minor units only, checked", configuration: tenMillion) { _ in
        var total: Int64 = 0
        for amount in money10M {
            total += amount.minorUnits
        }
        blackHole(total)
    } setup: {
        blackHole(money10M.count)
    }

    // Foundation `Decimal` is ~2 orders of magnitude slower; 1M amounts per iteration keeps
    // an iteration short. Compare it per amount: multiply its time by 10 for 10M.
    Benchmark(
        "Sum 1M (×10 for 10M): baseline Decimal `+=`",
        configuration: .init(maxDuration: .seconds(4), maxIterations: 10)
    ) { _ in
        var total = Decimal.zero
        for value in decimals1M {
            total += value
        }
        blackHole(total)
    } setup: {
        blackHole(decimals1M.count)
    }
}

/// One size of the sum family: the MSPCore rows and their `Int64` baselines over the same
/// amounts. The inputs are passed as closures so that a filtered run builds only what it
/// measures.
private func registerSumFamily(
    _ label: String, repeats: Int, configuration: Benchmark.Configuration,
    money: @escaping @Sendable () -> [Money], column: @escaping @Sendable () -> MoneyColumn,
    minorUnits: @escaping @Sendable () -> [Int64]
) {
    Benchmark("\(label): Money.sum", configuration: configuration) { _ throws in
        let amounts = money()
        for _ in 0..<repeats {
            blackHole(try Money.sum(amounts, currency: .usd))
        }
    } setup: {
        blackHole(money().count)
    }

    Benchmark("\(label): MoneyColumn.sum", configuration: configuration) { _ throws in
        let amounts = column()
        for _ in 0..<repeats {
            blackHole(try amounts.sum())
        }
    } setup: {
        blackHole(column().count)
    }

    Benchmark("\(label): baseline Int64 checked `+=`", configuration: configuration) { _ in
        let values = minorUnits()
        for _ in 0..<repeats {
            var total: Int64 = 0
            for value in values {
                total += value
            }
            blackHole(total)
        }
    } setup: {
        blackHole(minorUnits().count)
    }

    Benchmark("\(label): baseline Int64 unchecked `&+=`", configuration: configuration) { _ in
        let values = minorUnits()
        for _ in 0..<repeats {
            var total: Int64 = 0
            for value in values {
                total &+= value
            }
            blackHole(total)
        }
    } setup: {
        blackHole(minorUnits().count)
    }
}
