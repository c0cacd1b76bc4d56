import Benchmark
import BenchmarkSupport
import MSPContracts
import MSPCore

/// Agreement timelines, lifecycles and reminders over 100,000 seeded agreements, next to a
/// baseline in the same run: a raw loop that only adds *n* months to each start date, once
/// per term boundary the ten-year timeline has (what any correct implementation must at
/// least do). Target: at least 1M agreements per second per core.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        warmupIterations: 1,
        scalingFactor: .mega,
        maxDuration: .seconds(3),
        maxIterations: 20
    )

    // With `scalingFactor: .mega` each iteration handles 1,000,000 agreements: ten passes
    // over the 100,000 prepared ones, so `Time` is per agreement.

    Benchmark("Contracts 1M: baseline, start date + n months per boundary") { benchmark in
        let agreements = ContractData.agreements
        let boundaries = ContractData.boundaryMonths
        var checksum = 0
        for index in benchmark.scaledIterations {
            let slot = index % ContractData.count
            let start = agreements[slot].startDate
            for months in boundaries[slot] {
                checksum &+= try start.adding(months: months).day
            }
        }
        blackHole(checksum)
    } setup: {
        blackHole(ContractData.boundaryMonths.count)
    }

    Benchmark("Contracts 1M: timeline over 10 years") { benchmark in
        let agreements = ContractData.agreements
        let ends = ContractData.tenYearEnds
        var checksum = 0
        for index in benchmark.scaledIterations {
            let slot = index % ContractData.count
            let agreement = agreements[slot]
            let timeline = try agreement.timeline(from: agreement.startDate, through: ends[slot])
            checksum &+= timeline.terms.count &+ timeline.milestones.count
        }
        blackHole(checksum)
    } setup: {
        blackHole(ContractData.tenYearEnds.count)
    }

    Benchmark("Contracts 1M: lifecycle from events + status today") { benchmark in
        let agreements = ContractData.agreements
        let events = ContractData.events
        let today = ContractData.today
        var checksum = 0
        for index in benchmark.scaledIterations {
            let slot = index % ContractData.count
            let life = try agreements[slot].lifecycle(events: events[slot])
            checksum &+= try life.status(on: today).termIndex ?? -1
        }
        blackHole(checksum)
    } setup: {
        blackHole(ContractData.events.count)
    }

    Benchmark("Contracts 1M: reminders due in the next 30 days") { benchmark in
        let lifecycles = ContractData.lifecycles
        let today = ContractData.today
        var checksum = 0
        for index in benchmark.scaledIterations {
            checksum &+= try lifecycles[index % lifecycles.count].reminders(
                on: today, withinDays: 30
            ).count
        }
        blackHole(checksum)
    } setup: {
        blackHole(ContractData.lifecycles.count)
    }

    Benchmark("Contracts 1M: timeline + lifecycle + status + reminders") { benchmark in
        let agreements = ContractData.agreements
        let events = ContractData.events
        let ends = ContractData.tenYearEnds
        let today = ContractData.today
        var checksum = 0
        for index in benchmark.scaledIterations {
            let slot = index % ContractData.count
            let agreement = agreements[slot]
            let timeline = try agreement.timeline(from: agreement.startDate, through: ends[slot])
            let life = try agreement.lifecycle(events: events[slot])
            checksum &+= timeline.terms.count &+ (try life.status(on: today).termIndex ?? -1)
            checksum &+= try life.reminders(on: today, withinDays: 30).count
        }
        blackHole(checksum)
    } setup: {
        blackHole(ContractData.lifecycles.count)
    }
}
