import Benchmark
import BenchmarkSupport
import Foundation
import MSPCore
import MSPSLA

/// SLA evaluation and availability, each beside baselines run on the same inputs.
///
/// Tickets: 1,000,000 tickets with 6 events each (created, waiting on customer, open, public
/// reply, on hold, open: two pauses) on Monday to Friday 09:00-17:00 in America/New_York
/// with ten holidays a year, three targets each. Target: at least 2M tickets per second per
/// core. Baselines: a raw loop that reads every packed event (the floor), and the calendar
/// queries alone (four `businessMilliseconds` per ticket, what the clock cannot avoid).
///
/// Availability: one month from 1,000,000 outages and 1,000 maintenance windows. Target:
/// at most 100 ms and within 5× of sorting the same intervals (the baseline).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 1,
        scalingFactor: .mega,
        maxDuration: .seconds(4),
        maxIterations: 10
    )

    // `scalingFactor: .mega`: each iteration handles the 1,000,000 tickets once, so `Time`
    // is per ticket.
    // The results buffer is reused across iterations, as a caller evaluating the same
    // tickets repeatedly would: `evaluate(_:asOf:into:)` then allocates nothing.
    Benchmark("SLA 1M tickets: batch evaluate (3 targets each)") { benchmark in
        let engine = SLAData.engine
        let batch = SLAData.batch
        // One batch call per iteration evaluates all 1,000,000 tickets.
        for _ in 0..<(benchmark.scaledIterations.count / SLAData.ticketCount) {
            try engine.evaluate(batch, asOf: SLAData.asOf, into: &SLAData.results)
        }
        blackHole(SLAData.results.count)
    } setup: {
        blackHole(SLAData.batch.count)
        SLAData.results = .init(
            repeating: SLAData.placeholder, count: 3 * SLAData.ticketCount)
    }

    // The same with a fresh results array each time: 3,000,000 summaries to allocate and
    // fault in.
    Benchmark("SLA 1M tickets: batch evaluate into a fresh array") { benchmark in
        let engine = SLAData.engine
        let batch = SLAData.batch
        var results: [SLAClockSummary] = []
        for _ in 0..<(benchmark.scaledIterations.count / SLAData.ticketCount) {
            try engine.evaluate(batch, asOf: SLAData.asOf, into: &results)
        }
        blackHole(results.count)
    } setup: {
        blackHole(SLAData.batch.count)
    }

    Benchmark("SLA 1M tickets: baseline raw loop over the events") { benchmark in
        let times = SLAData.eventMilliseconds
        var total: Int64 = 0
        for ticket in benchmark.scaledIterations {
            let base = ticket &* 6
            for offset in 0..<6 { total &+= times[base &+ offset] }
        }
        blackHole(total)
    } setup: {
        blackHole(SLAData.eventMilliseconds.count)
    }

    Benchmark("SLA 1M tickets: baseline 4 calendar queries per ticket") { benchmark in
        let calendar = SLAData.office
        let times = SLAData.eventMilliseconds
        let asOf = SLAData.asOfMilliseconds
        var total: Int64 = 0
        for ticket in benchmark.scaledIterations {
            let base = ticket &* 6
            total &+= try calendar.businessMilliseconds(from: times[base], to: times[base &+ 1])
            total &+= try calendar.businessMilliseconds(
                from: times[base &+ 2], to: times[base &+ 4])
            total &+= try calendar.businessMilliseconds(from: times[base &+ 5], to: asOf)
            total &+= try calendar.businessMilliseconds(from: times[base], to: asOf)
        }
        blackHole(total)
    } setup: {
        blackHole(SLAData.eventMilliseconds.count)
    }

    // The single-ticket API packs, sorts and validates each timeline and builds a full
    // result: 1,000 tickets per iteration, `Time` per ticket.
    Benchmark(
        "SLA 1K tickets: evaluate(_:asOf:) one at a time",
        configuration: .init(scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 30)
    ) { benchmark in
        let engine = SLAData.engine
        let timelines = SLAData.timelines
        var breached = 0
        for index in benchmark.scaledIterations {
            let result = try engine.evaluate(timelines[index], asOf: SLAData.asOf)
            if result.targets.contains(where: { $0.status == .breached }) { breached += 1 }
        }
        blackHole(breached)
    } setup: {
        blackHole(SLAData.timelines.count)
    }

    Benchmark(
        "Availability 1M outages: measure one month",
        configuration: .init(scalingFactor: .one, maxDuration: .seconds(4), maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try AvailabilityData.objective.measure(
                    period: AvailabilityData.period, outages: AvailabilityData.outages,
                    maintenance: AvailabilityData.maintenance))
        }
    } setup: {
        blackHole(AvailabilityData.outages.count + AvailabilityData.maintenance.count)
    }

    Benchmark(
        "Availability 1M outages: baseline sort the same intervals",
        configuration: .init(scalingFactor: .one, maxDuration: .seconds(4), maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var pairs = AvailabilityData.pairs
            pairs.sort { $0.0 < $1.0 }
            blackHole(pairs.count)
        }
    } setup: {
        blackHole(AvailabilityData.pairs.count)
    }
}

/// The tickets, built once per process outside any measured region.
enum SLAData {
    static let ticketCount = 1_000_000
    static let seed: UInt64 = 0x534C_4131  // "SLA1"

    static let office: BusinessCalendar.Compiled = {
        do {
            let day = [try BusinessCalendar.Span("09:00", "17:00")]
            var holidays: [BusinessCalendar.Holiday] = []
            for year in [2026, 2027] {
                for (month, dayOfMonth) in [
                    (1, 1), (1, 19), (2, 16), (5, 25), (7, 3), (9, 7), (10, 12), (11, 11),
                    (11, 26), (12, 25),
                ] {
                    holidays.append(
                        .init(date: try LocalDate(year: year, month: month, day: dayOfMonth)))
                }
            }
            let calendar = try BusinessCalendar(
                timeZone: "America/New_York",
                weeklyHours: [
                    .monday: day, .tuesday: day, .wednesday: day, .thursday: day, .friday: day,
                ],
                holidays: holidays)
            return try calendar.compiled(
                for: try DateRange(
                    startMilliseconds: 1_767_225_600_000,  // 2026-01-01T00:00Z
                    endMilliseconds: 1_830_297_600_000))  // 2028-01-01T00:00Z
        } catch {
            fatalError("benchmark calendar: \(error)")  // justified: benchmark fixture
        }
    }()

    static let engine: SLAEngine = {
        do {
            let warnings = [try Rational(1, 2), try Rational(3, 4)]
            func target(_ kind: SLATargetKind, _ hours: Int64) throws -> SLATarget {
                try SLATarget(
                    kind: kind, duration: .seconds(hours * 3600), calendar: "office",
                    warningThresholds: warnings)
            }
            let policy = try SLAPolicy(
                targets: [
                    "P1": [
                        try target(.firstResponse, 1), try target(.nextResponse, 4),
                        try target(.resolution, 8),
                    ],
                    "P2": [
                        try target(.firstResponse, 4), try target(.nextResponse, 8),
                        try target(.resolution, 24),
                    ],
                    "P3": [
                        try target(.firstResponse, 8), try target(.nextResponse, 16),
                        try target(.resolution, 40),
                    ],
                ],
                pauses: [
                    .waitingOnCustomer: [.resolution, .nextResponse],
                    .onHold: [.firstResponse, .nextResponse, .resolution],
                ])
            return try SLAEngine(policy: policy, calendars: ["office": office])
        } catch {
            fatalError("benchmark policy: \(error)")  // justified: benchmark fixture
        }
    }()

    /// Evaluated at 2026-12-01T00:00Z; tickets are created in 2026-01-05...2026-11-20.
    static let asOfMilliseconds: Int64 = 1_796_083_200_000
    static let asOf = Date(timeIntervalSince1970: Double(asOfMilliseconds) / 1000)

    /// Six instants per ticket: created, waiting, open, reply, on hold, open.
    static let eventMilliseconds: [Int64] = {
        var generator = SplitMix64(seed: seed)
        var times: [Int64] = []
        times.reserveCapacity(ticketCount * 6)
        for _ in 0..<ticketCount {
            var time = Int64.random(
                in: 1_767_571_200_000...1_795_132_800_000, using: &generator)
            for _ in 0..<6 {
                times.append(time)
                time += Int64.random(in: 60_000...(20 * 3_600_000), using: &generator)
            }
        }
        return times
    }()

    static let timelines: [[TicketEvent]] = {
        var generator = SplitMix64(seed: seed ^ 0x77)
        let priorities: [TicketPriority] = ["P1", "P2", "P3"]
        return (0..<ticketCount).map { ticket in
            let base = ticket * 6
            func at(_ offset: Int) -> Date {
                Date(timeIntervalSince1970: Double(eventMilliseconds[base + offset]) / 1000)
            }
            return [
                TicketEvent(
                    .created(priority: priorities[Int(generator.next() % 3)]), at: at(0)),
                TicketEvent(.statusChanged(to: .waitingOnCustomer), at: at(1)),
                TicketEvent(.statusChanged(to: .open), at: at(2)),
                TicketEvent(.publicReply, at: at(3)),
                TicketEvent(.statusChanged(to: .onHold), at: at(4)),
                TicketEvent(.statusChanged(to: .open), at: at(5)),
            ]
        }
    }()

    /// The reused results buffer of the batch benchmark; benchmarks run one at a time.
    nonisolated(unsafe) static var results: [SLAClockSummary] = []

    /// A summary to fill the buffer with before the first evaluation.
    static let placeholder = SLAClockSummary(
        status: .notStarted, elapsedMilliseconds: 0, remainingMilliseconds: 0,
        deadlineMilliseconds: nil, nextWarningMilliseconds: nil)

    static let batch: SLATicketBatch = {
        var batch = engine.makeBatch()
        do {
            for timeline in timelines { try engine.append(timeline, to: &batch) }
        } catch {
            fatalError("benchmark batch: \(error)")  // justified: benchmark fixture
        }
        return batch
    }()
}

/// One month of outages, built once per process outside any measured region.
enum AvailabilityData {
    static let seed: UInt64 = 0x4156_4149_4C  // "AVAIL"

    static let objective: AvailabilityObjective = {
        do {
            return try AvailabilityObjective(
                objective: try Percentage(parsing: "99.9"), timeZone: "America/New_York")
        } catch {
            fatalError("benchmark objective: \(error)")  // justified: benchmark fixture
        }
    }()

    static let period: DateRange = {
        do {
            return try objective.period(year: 2026, month: 3)
        } catch {
            fatalError("benchmark period: \(error)")  // justified: benchmark fixture
        }
    }()

    /// 1,000,000 outages of 1 ms to 2 s (one in ten unknown), a day either side of March.
    static let outages: [Outage] = {
        var generator = SplitMix64(seed: seed)
        let low = period.startMilliseconds - 86_400_000
        let high = period.endMilliseconds + 86_400_000
        return (0..<1_000_000).map { _ in
            let start = Int64.random(in: low...high, using: &generator)
            let end = start + Int64.random(in: 1...2_000, using: &generator)
            do {
                return Outage(
                    range: try DateRange(startMilliseconds: start, endMilliseconds: end),
                    kind: generator.next() % 10 == 0 ? .unknown : .down)
            } catch {
                fatalError("benchmark outage: \(error)")  // justified: benchmark fixture
            }
        }
    }()

    /// 1,000 maintenance windows of up to 30 minutes.
    static let maintenance: [DateRange] = {
        var generator = SplitMix64(seed: seed ^ 0x4D)
        return (0..<1_000).map { _ in
            let start = Int64.random(
                in: period.startMilliseconds...period.endMilliseconds, using: &generator)
            do {
                return try DateRange(
                    startMilliseconds: start,
                    endMilliseconds: start + Int64.random(in: 0...1_800_000, using: &generator))
            } catch {
                fatalError("benchmark window: \(error)")  // justified: benchmark fixture
            }
        }
    }()

    /// The same outages as plain `(start, end)` millisecond pairs.
    static let pairs: [(Int64, Int64)] = outages.map {
        ($0.range.startMilliseconds, $0.range.endMilliseconds)
    }
}
