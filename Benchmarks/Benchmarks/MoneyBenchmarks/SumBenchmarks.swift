import Benchmark
import Foundation
import MSPCore

/// Summing a column of amounts: `Money.sum` against raw `Int64` loops and Foundation `Decimal`.
///
/// One iteration is one whole sum, so `Time (wall clock)` is the time for all N amounts and
/// `Throughput` is sums per second. Targets: `Money.sum` ≤ 1.5 × the checked `Int64` loop,
/// and ≥ 300 × faster than `Decimal` per amount.
func registerSumBenchmarks() {
    let tenMillion = Benchmark.Configuration(maxDuration: .seconds(3), maxIterations: 40)

    // MARK: 10M amounts (160 MB of Money, 80 MB of Int64: memory-bandwidth territory)

    Benchmark("Sum 10M: Money.sum", configuration: tenMillion) { _ throws in
        blackHole(try Money.sum(money10M, currency: .usd))
    } setup: {
        blackHole(money10M.count)
    }

    Benchmark("Sum 10M: Money for-in `try total += m`", configuration: tenMillion) { _ throws in
        var total = Money.zero(.usd)
        for amount in money10M {
            try total += amount
        }
        blackHole(total)
    } setup: {
        blackHole(money10M.count)
    }

    Benchmark("Sum 10M: baseline Int64 checked `+=`", configuration: tenMillion) { _ in
        var total: Int64 = 0
        for value in minorUnits10M {
            total += value
        }
        blackHole(total)
    } setup: {
        blackHole(minorUnits10M.count)
    }

    Benchmark("Sum 10M: baseline Int64 unchecked `&+=`", configuration: tenMillion) { _ in
        var total: Int64 = 0
        for value in minorUnits10M {
            total &+= value
        }
        blackHole(total)
    } setup: {
        blackHole(minorUnits10M.count)
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

    // MARK: 1M amounts (16 MB of Money, 8 MB of Int64: both fit the L3 cache)

    let oneMillion = Benchmark.Configuration(maxDuration: .seconds(2), maxIterations: 300)

    Benchmark("Sum 1M: Money.sum", configuration: oneMillion) { _ throws in
        blackHole(try Money.sum(money1M, currency: .usd))
    } setup: {
        blackHole(money1M.count)
    }

    Benchmark("Sum 1M: baseline Int64 checked `+=`", configuration: oneMillion) { _ in
        var total: Int64 = 0
        for value in minorUnits1M {
            total += value
        }
        blackHole(total)
    } setup: {
        blackHole(minorUnits1M.count)
    }

    Benchmark("Sum 1M: baseline Int64 unchecked `&+=`", configuration: oneMillion) { _ in
        var total: Int64 = 0
        for value in minorUnits1M {
            total &+= value
        }
        blackHole(total)
    } setup: {
        blackHole(minorUnits1M.count)
    }

    // MARK: 32K amounts summed 32 times (512 KB of Money, 256 KB of Int64: L2-resident)
    // About 1M additions per iteration with no memory-bandwidth limit: this isolates the
    // instructions per element.

    let l2Resident = Benchmark.Configuration(maxDuration: .seconds(2), maxIterations: 300)

    Benchmark("Sum 32K×32 (L2): Money.sum", configuration: l2Resident) { _ throws in
        for _ in 0..<32 {
            blackHole(try Money.sum(money32K, currency: .usd))
        }
    } setup: {
        blackHole(money32K.count)
    }

    Benchmark("Sum 32K×32 (L2): baseline Int64 checked `+=`", configuration: l2Resident) { _ in
        for _ in 0..<32 {
            var total: Int64 = 0
            for value in minorUnits32K {
                total += value
            }
            blackHole(total)
        }
    } setup: {
        blackHole(minorUnits32K.count)
    }

    Benchmark("Sum 32K×32 (L2): baseline Int64 unchecked `&+=`", configuration: l2Resident) { _ in
        for _ in 0..<32 {
            var total: Int64 = 0
            for value in minorUnits32K {
                total &+= value
            }
            blackHole(total)
        }
    } setup: {
        blackHole(minorUnits32K.count)
    }

    // MARK: MoneyColumn: one currency + [Int64] minor units (8 bytes per amount)

    Benchmark("Sum 10M: MoneyColumn.sum", configuration: tenMillion) { _ throws in
        blackHole(try column10M.sum())
    } setup: {
        blackHole(column10M.count)
    }

    Benchmark("Sum 1M: MoneyColumn.sum", configuration: oneMillion) { _ throws in
        blackHole(try column1M.sum())
    } setup: {
        blackHole(column1M.count)
    }

    Benchmark("Sum 32K×32 (L2): MoneyColumn.sum", configuration: l2Resident) { _ throws in
        for _ in 0..<32 {
            blackHole(try column32K.sum())
        }
    } setup: {
        blackHole(column32K.count)
    }

    // MARK: Why [Money] costs what it costs: the 16-byte stride, not the checks

    Benchmark("Sum 10M: probe [Money] minor units only, checked", configuration: tenMillion) { _ in
        var total: Int64 = 0
        for amount in money10M {
            total += amount.minorUnits
        }
        blackHole(total)
    } setup: {
        blackHole(money10M.count)
    }
}
