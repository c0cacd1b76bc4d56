import Benchmark
import BenchmarkSupport
import Foundation
import MSPCore

/// Business-time queries on a compiled `BusinessCalendar` against two baselines run on the
/// same inputs: a naive linear walk over the same open intervals (what a straightforward
/// implementation does), and a raw loop that only reads the query pairs (the floor).
///
/// The calendar is the issue's: Monday to Friday in America/New_York, 08:00-18:00 plus an
/// overnight span 22:00-02:00, ten holidays a year, over two years. Target: at least 10M
/// queries per second per core for `businessDuration(from:to:)` and `deadline(after:adding:)`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        warmupIterations: 1,
        scalingFactor: .mega,
        maxDuration: .seconds(3),
        maxIterations: 30
    )

    // With `scalingFactor: .mega` the harness hands each iteration 1,000,000 scaled
    // iterations: one query each, over the 1M prepared inputs, so `Time` is per query.

    Benchmark("Calendar 1M: businessDuration(from:to:)") { benchmark in
        let compiled = CalendarData.compiled
        let pairs = CalendarData.pairs
        var total = Duration.zero
        for index in benchmark.scaledIterations {
            let (start, end) = pairs[index]
            total += try compiled.businessDuration(from: start, to: end)
        }
        blackHole(total)
    } setup: {
        blackHole(CalendarData.pairs.count)
    }

    Benchmark("Calendar 1M: deadline(after:adding:)") { benchmark in
        let compiled = CalendarData.compiled
        let starts = CalendarData.deadlineStarts
        let durations = CalendarData.durations
        var latest = Date.distantPast
        for index in benchmark.scaledIterations {
            latest = max(
                latest, try compiled.deadline(after: starts[index], adding: durations[index]))
        }
        blackHole(latest)
    } setup: {
        blackHole(CalendarData.deadlineStarts.count)
    }

    Benchmark("Calendar 1M: isOpen(at:)") { benchmark in
        let compiled = CalendarData.compiled
        let starts = CalendarData.deadlineStarts
        var open = 0
        for index in benchmark.scaledIterations where try compiled.isOpen(at: starts[index]) {
            open += 1
        }
        blackHole(open)
    } setup: {
        blackHole(CalendarData.deadlineStarts.count)
    }

    Benchmark("Calendar 1M: baseline raw loop over the pairs") { benchmark in
        let pairs = CalendarData.pairs
        var total = 0.0
        for index in benchmark.scaledIterations {
            let (start, end) = pairs[index]
            total += end.timeIntervalSince(start)
        }
        blackHole(total)
    } setup: {
        blackHole(CalendarData.pairs.count)
    }

    // The naive walk is O(intervals) per query, so it answers 1,000 of the same queries per
    // iteration (`scalingFactor: .kilo`); its `Time` is per query too.
    Benchmark(
        "Calendar 1K: baseline naive linear walk",
        configuration: .init(scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 30)
    ) { benchmark in
        let intervals = CalendarData.intervalMilliseconds
        let pairs = CalendarData.pairMilliseconds
        var total: Int64 = 0
        for index in benchmark.scaledIterations {
            let (start, end) = pairs[index]
            for (open, close) in intervals where open < end && close > start {
                total += min(close, end) - max(open, start)
            }
        }
        blackHole(total)
    } setup: {
        blackHole(CalendarData.pairMilliseconds.count + CalendarData.intervalMilliseconds.count)
    }

    Benchmark(
        "Calendar compile: 2 years",
        configuration: .init(scalingFactor: .one, maxDuration: .seconds(2), maxIterations: 100)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try CalendarData.calendar.compiled(for: CalendarData.horizon))
        }
    }
}

/// The calendar and the queries, built once per process outside any measured region.
enum CalendarData {
    static let seed: UInt64 = 0x4341_4C45_4E44_4152  // "CALENDAR"
    static let queryCount = 1_000_000

    static let calendar: BusinessCalendar = {
        do {
            let day = [
                try BusinessCalendar.Span("08:00", "18:00"),
                try BusinessCalendar.Span("22:00", "02:00"),
            ]
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
            return try BusinessCalendar(
                timeZone: "America/New_York",
                weeklyHours: [
                    .monday: day, .tuesday: day, .wednesday: day, .thursday: day, .friday: day,
                ],
                holidays: holidays)
        } catch {
            fatalError("benchmark calendar: \(error)")  // justified: benchmark fixture
        }
    }()

    static let horizon: DateRange = {
        do {
            return try DateRange(
                start: Date(timeIntervalSince1970: 1_767_225_600),  // 2026-01-01T00:00Z
                end: Date(timeIntervalSince1970: 1_830_297_600))  // 2028-01-01T00:00Z
        } catch {
            fatalError("benchmark horizon: \(error)")  // justified: benchmark fixture
        }
    }()

    static let compiled: BusinessCalendar.Compiled = {
        do {
            return try calendar.compiled(for: horizon)
        } catch {
            fatalError("benchmark compile: \(error)")  // justified: benchmark fixture
        }
    }()

    /// Horizon bounds in whole seconds; queries stay 60 days clear of the end so that every
    /// deadline lands inside the horizon.
    static let low: Int64 = 1_767_225_600
    static let high: Int64 = 1_830_297_600 - 60 * 86_400

    /// `queryCount` ordered pairs within 30 days of each other, in milliseconds.
    static let pairMilliseconds: [(Int64, Int64)] = {
        var generator = SplitMix64(seed: seed)
        return (0..<queryCount).map { _ in
            let start = Int64.random(in: low * 1000...high * 1000, using: &generator)
            return (start, start + Int64.random(in: 0...(30 * 86_400_000), using: &generator))
        }
    }()

    static let pairs: [(Date, Date)] = pairMilliseconds.map { (date($0.0), date($0.1)) }

    static let deadlineStarts: [Date] = pairs.map(\.0)

    /// Business durations of 0 to 40 hours, whole minutes.
    static let durations: [Duration] = {
        var generator = SplitMix64(seed: seed ^ 0xD0)
        return (0..<queryCount).map { _ in
            .seconds(60 * Int64.random(in: 0...2400, using: &generator))
        }
    }()

    static let intervalMilliseconds: [(Int64, Int64)] = compiled.openIntervals.map {
        (milliseconds($0.start), milliseconds($0.end))
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
