import Benchmark
import BenchmarkSupport
import Foundation
import MSPCore
import MSPMonitoring

/// MSPMonitoring hot paths, each beside a baseline run on the same inputs in the same run:
///
/// - Threshold rule over 50M contiguous samples with the batch API (warning > 70 recovering
///   at 60, critical > 90 recovering at 80, confirmed after 3, no-data after 60 s), once
///   with an instant column and once as a regular series, against a raw loop that only
///   counts the samples above the warning level. Target: >= 500M samples/s and within 5x of
///   the raw loop.
/// - Flap detection over 10M check results (Nagios and Icinga 2), against a raw loop that
///   counts status changes. Target: >= 50M results/s.
/// - Availability of a month from 1M state changes (building the timeline and measuring the
///   month in Europe/Berlin with weekly maintenance), against a raw loop that sums the
///   segment lengths by state. Target: <= 100 ms.
///
/// Each iteration processes the whole data set once; `Time (wall clock)` is per data set.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 15
    )

    Benchmark("Threshold 50M: batch evaluate (hysteresis + confirm 3 + no-data)") { benchmark in
        let rule = MonitoringData.rule
        let result = try rule.evaluate(
            values: MonitoringData.values, instants: MonitoringData.instants,
            from: ThresholdRuleState())
        blackHole(result.transitions.count)
    } setup: {
        blackHole(MonitoringData.values.count + MonitoringData.instants.count)
    }

    Benchmark("Threshold 50M: batch evaluate, regular series (no instant column)") { benchmark in
        let rule = MonitoringData.rule
        let result = try rule.evaluate(
            values: MonitoringData.values, startMilliseconds: MonitoringData.instants[0],
            intervalMilliseconds: 10_000, from: ThresholdRuleState())
        blackHole(result.transitions.count)
    } setup: {
        blackHole(MonitoringData.values.count + MonitoringData.instants.count)
    }

    Benchmark("Threshold 50M: baseline raw loop counting values above warning") { benchmark in
        var count = 0
        MonitoringData.values.withUnsafeBufferPointer { values in
            for value in values where value > 70 { count &+= 1 }
        }
        blackHole(count)
    } setup: {
        blackHole(MonitoringData.values.count)
    }

    Benchmark("Flap 10M: Nagios record") { benchmark in
        let detector = try NagiosFlapDetector()
        let result = detector.record(
            MonitoringData.statuses, from: detector.initialState(status: .ok))
        blackHole(result.changes.count)
    } setup: {
        blackHole(MonitoringData.statuses.count)
    }

    Benchmark("Flap 10M: Icinga 2 record") { benchmark in
        let detector = try IcingaFlapDetector()
        let result = detector.record(
            MonitoringData.statuses, from: detector.initialState(status: .ok))
        blackHole(result.changes.count)
    } setup: {
        blackHole(MonitoringData.statuses.count)
    }

    Benchmark("Flap 10M: baseline raw loop counting status changes") { benchmark in
        var changes = 0
        MonitoringData.statuses.withUnsafeBufferPointer { statuses in
            var last = CheckStatus.ok
            for status in statuses {
                if status != last { changes &+= 1 }
                last = status
            }
        }
        blackHole(changes)
    } setup: {
        blackHole(MonitoringData.statuses.count)
    }

    Benchmark("Availability 1M changes: timeline + month in Europe/Berlin") { benchmark in
        let timeline = try StateTimeline(changes: MonitoringData.changes)
        let reports = try timeline.availability(
            per: .month, in: MonitoringData.month, timeZone: "Europe/Berlin",
            maintenance: MonitoringData.maintenance)
        blackHole(reports)
    } setup: {
        blackHole(MonitoringData.changes.count)
    }

    Benchmark("Availability 1M changes: baseline raw loop summing segments") { benchmark in
        let changes = MonitoringData.changes
        var totals: [Int64] = [0, 0, 0]
        for index in 1..<changes.count {
            let length = changes[index].milliseconds - changes[index - 1].milliseconds
            switch changes[index - 1].state {
            case .up: totals[0] &+= length
            case .down: totals[1] &+= length
            case .unknown: totals[2] &+= length
            }
        }
        blackHole(totals)
    } setup: {
        blackHole(MonitoringData.changes.count)
    }
}

/// Seeded inputs, built once outside measurement.
enum MonitoringData {
    static let sampleCount = 50_000_000

    /// The rule measured.
    static let rule: ThresholdRule = {
        do {
            return try ThresholdRule(
                comparison: .greaterThan, warning: 70, critical: 90, warningRecovery: 60,
                criticalRecovery: 80, confirmation: .consecutive(3),
                noData: .init(silenceMilliseconds: 60_000, action: .unknown))
        } catch {
            fatalError("benchmark rule: \(error)")  // justified: benchmark fixture
        }
    }()

    /// A CPU-like random walk in 0...100 (steps of at most 0.5), one sample every 10 s.
    static let values: [Double] = {
        var generator = SplitMix64(seed: 0x6D6F_6E69)
        var values = [Double](repeating: 0, count: sampleCount)
        var value = 50.0
        for index in 0..<sampleCount {
            value += Double(generator.next() % 1001) / 1000 - 0.5
            value = min(100, max(0, value))
            values[index] = value
        }
        return values
    }()

    /// One sample every 10 s from 2026-01-01.
    static let instants: [Int64] = (0..<Int64(sampleCount)).map { 1_767_225_600_000 + $0 * 10_000 }

    /// 10M check results that persist for a few results and sometimes flap.
    static let statuses: [CheckStatus] = {
        var generator = SplitMix64(seed: 0xF1A9)
        var statuses = [CheckStatus](repeating: .ok, count: 10_000_000)
        var status = CheckStatus.ok
        for index in statuses.indices {
            if generator.next() % 4 == 0 {
                status = CheckStatus.allCases[Int(generator.next() % 4)]
            }
            statuses[index] = status
        }
        return statuses
    }()

    /// March 2026 in Europe/Berlin (31 days with the spring-forward Sunday).
    static let month: DateRange = {
        do {
            let first = try LocalDate(year: 2026, month: 3, day: 1)
            return try DateRange(
                start: first.firstInstant(inTimeZone: "Europe/Berlin"),
                end: first.adding(months: 1).firstInstant(inTimeZone: "Europe/Berlin"))
        } catch {
            fatalError("benchmark month: \(error)")  // justified: benchmark fixture
        }
    }()

    /// Every Sunday 02:00-06:00 local.
    static let maintenance: MaintenanceSchedule = {
        do {
            let weekly = try BusinessCalendar(
                timeZone: "Europe/Berlin", weeklyHours: [.sunday: [try .init("02:00", "06:00")]])
            return MaintenanceSchedule(weekly: weekly)
        } catch {
            fatalError("benchmark maintenance: \(error)")  // justified: benchmark fixture
        }
    }()

    /// 1M sorted state changes spread over the month.
    static let changes: [StateChange] = {
        var generator = SplitMix64(seed: 0xA7A1)
        let start = month.startMilliseconds
        let step = (month.endMilliseconds - start) / 1_000_000
        return (0..<Int64(1_000_000)).map { index in
            let state = AvailabilityState.allCases[Int(generator.next() % 3)]
            return StateChange(
                milliseconds: start + index * step + Int64(generator.next() % UInt64(step)),
                state: state)
        }
    }()
}
