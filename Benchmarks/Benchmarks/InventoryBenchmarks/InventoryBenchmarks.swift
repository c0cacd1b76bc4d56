import Benchmark
import BenchmarkSupport
import Foundation
import MSPCore
import MSPInventory

/// The inventory benchmark: 1,000,000 devices, 3,000,000 events over a year.
///
/// - Build: `InventoryHistory(customers:events:)` from events in scrambled order.
/// - Queries: billable counts per customer at an instant, unit-days per customer for June
///   (each customer's own zone), and both together (the target: ≤ 300 ms on one
///   core).
/// - Baseline, in the same run: one pass over the same 3,000,000 events held as plain
///   arrays (instant and customer), counting per customer the events at or before the
///   instant. The queries should stay within 5× of it.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(5),
        maxIterations: 20
    )

    Benchmark(
        "Inventory 1M: build history from 3M events",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(10), maxIterations: 3)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try InventoryHistory(
                    customers: InventoryData.customers, events: InventoryData.generated.events))
        }
    } setup: {
        blackHole(InventoryData.generated.events.count)
    }

    Benchmark("Inventory 1M: billable counts at an instant") { benchmark in
        let history = try InventoryData.requiredHistory()
        for _ in benchmark.scaledIterations {
            blackHole(try history.billableCounts(at: InventoryData.instant))
        }
    } setup: {
        blackHole(try InventoryData.requiredHistory().deviceCount)
    }

    Benchmark("Inventory 1M: unit-days for one month") { benchmark in
        let history = try InventoryData.requiredHistory()
        let (start, end) = try InventoryData.requiredJune()
        for _ in benchmark.scaledIterations {
            blackHole(try history.unitDays(from: start, to: end))
        }
    } setup: {
        blackHole(try InventoryData.requiredHistory().deviceCount)
    }

    Benchmark("Inventory 1M: counts + unit-days (the issue's queries)") { benchmark in
        let history = try InventoryData.requiredHistory()
        let (start, end) = try InventoryData.requiredJune()
        for _ in benchmark.scaledIterations {
            blackHole(try history.billableCounts(at: InventoryData.instant))
            blackHole(try history.unitDays(from: start, to: end))
        }
    } setup: {
        blackHole(try InventoryData.requiredHistory().deviceCount)
    }

    Benchmark("Inventory 1M: baseline one scan of the 3M events") { benchmark in
        let times = InventoryData.generated.times
        let customers = InventoryData.generated.customers
        let at = InventoryData.instant.timeIntervalSince1970 * 1000
        let limit = Int64(at)
        for _ in benchmark.scaledIterations {
            var perCustomer = [Int64](repeating: 0, count: InventoryData.customerCount)
            for index in times.indices where times[index] <= limit {
                perCustomer[Int(customers[index])] += 1
            }
            blackHole(perCustomer)
        }
    } setup: {
        blackHole(InventoryData.generated.times.count)
    }
}
