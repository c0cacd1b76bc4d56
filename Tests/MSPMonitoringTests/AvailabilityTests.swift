import Foundation
import MSPCore
import MSPMonitoring
import MSPTestSupport
import Testing

/// 2026-01-01T00:00:00Z in milliseconds.
let newYear2026: Int64 = 1_767_225_600_000
/// One hour in milliseconds.
let hour: Int64 = 3_600_000
/// One day in milliseconds.
let day: Int64 = 86_400_000

/// `[start, end)` in milliseconds.
func range(_ start: Int64, _ end: Int64) throws -> DateRange {
    try DateRange(startMilliseconds: start, endMilliseconds: end)
}

/// A change at `newYear2026 + offset`.
func change(_ offset: Int64, _ state: AvailabilityState) -> StateChange {
    StateChange(milliseconds: newYear2026 + offset, state: state)
}

@Suite struct AvailabilityTests {
    @Test func outagesFromATimeline() throws {
        // 10:00 up, 10:20 down, 10:25 up, 10:40 unknown, 10:45 up; report [10:00, 11:00):
        // down [10:20, 10:25), unknown [10:40, 10:45).
        let timeline = try StateTimeline(changes: [
            change(10 * hour, .up), change(10 * hour + 20 * minute, .down),
            change(10 * hour + 25 * minute, .up), change(10 * hour + 40 * minute, .unknown),
            change(10 * hour + 45 * minute, .up),
        ])
        let outages = timeline.outages(
            in: try range(newYear2026 + 10 * hour, newYear2026 + 11 * hour), cause: "ping")
        #expect(
            outages == [
                Outage(
                    range: try range(
                        newYear2026 + 10 * hour + 20 * minute, newYear2026 + 10 * hour + 25 * minute
                    ),
                    kind: .down, cause: "ping"),
                Outage(
                    range: try range(
                        newYear2026 + 10 * hour + 40 * minute, newYear2026 + 10 * hour + 45 * minute
                    ),
                    kind: .unknown, cause: "ping"),
            ])
        // Before the first change nothing is known: [09:00, 10:00) is one unknown outage.
        let early = timeline.outages(in: try range(newYear2026 + 9 * hour, newYear2026 + 10 * hour))
        #expect(early.map(\.kind) == [.unknown])
        #expect(early.first?.range.duration == .milliseconds(hour))
    }

    @Test func outagesFromARulesTransitions() throws {
        // > 80 warning, > 90 critical, unknown after 15 min of silence; samples at minutes
        // 0 (50), 10 (85), 20 (95), 21 (95), then nothing until 40 (50):
        //   warning firing [10, 20) is up (below critical), down [20, 36), unknown [36, 40)
        //   (the silence starts at 21 + 15), up from 40. Over [0, 60): up 10 + 10 + 20 =
        //   40 min, down 16 min, unknown 4 min.
        let rule = try ThresholdRule(
            comparison: .greaterThan, warning: 80, critical: 90,
            noData: .init(silenceMilliseconds: 15 * minute, action: .unknown))
        let run = try rule.evaluate(
            values: [50, 85, 95, 95, 50],
            instants: [0, 10, 20, 21, 40].map { newYear2026 + $0 * minute },
            from: ThresholdRuleState())
        let timeline = try StateTimeline(
            transitions: run.transitions, startMilliseconds: newYear2026)
        let outages = timeline.outages(in: try range(newYear2026, newYear2026 + hour))
        #expect(
            outages == [
                Outage(
                    range: try range(newYear2026 + 20 * minute, newYear2026 + 36 * minute),
                    kind: .down),
                Outage(
                    range: try range(newYear2026 + 36 * minute, newYear2026 + 40 * minute),
                    kind: .unknown),
            ])
        let report = timeline.availability(in: try range(newYear2026, newYear2026 + hour))
        #expect(report.upMilliseconds == 40 * minute)
        #expect(report.downMilliseconds == 16 * minute)
        #expect(report.unknownMilliseconds == 4 * minute)
    }

    @Test func outOfOrderChangesAreOrderedAndTheLastAtAnInstantWins() throws {
        let ordered = try StateTimeline(changes: [
            change(0, .up), change(20 * minute, .down), change(25 * minute, .up),
        ])
        let shuffled = try StateTimeline(changes: [
            change(25 * minute, .up), change(0, .up), change(20 * minute, .down),
        ])
        #expect(shuffled == ordered)
        // Two changes at 20 min: the later given (up) wins, and merges with the up before.
        let overwritten = try StateTimeline(changes: [
            change(0, .up), change(20 * minute, .down), change(20 * minute, .up),
        ])
        #expect(overwritten.changes == [change(0, .up)])
        // Repeated states merge.
        let repeated = try StateTimeline(changes: [
            change(0, .up), change(5, .up), change(9, .down),
        ])
        #expect(repeated.changes == [change(0, .up), change(9, .down)])
    }

    @Test func heartbeatsWithAMaximumGap() throws {
        // Heartbeats at 0, 60, 120 and 400 s (given out of order and with a duplicate),
        // maximum gap 90 s: up [0, 210), down [210, 400), up [400, 490), down from 490.
        // Over [0, 600 s): up 210 + 90 = 300 s, down 190 + 110 = 300 s, strict 1/2.
        let second: Int64 = 1_000
        let beats = [120, 0, 60, 60, 400].map { newYear2026 + $0 * second }
        let timeline = try StateTimeline(heartbeats: beats, maximumGap: 90 * second)
        #expect(
            timeline.changes == [
                change(0, .up), change(210 * second, .down), change(400 * second, .up),
                change(490 * second, .down),
            ])
        let report = timeline.availability(in: try range(newYear2026, newYear2026 + 600 * second))
        #expect(report.upMilliseconds == 300 * second)
        #expect(report.downMilliseconds == 300 * second)
        #expect(report.strict == (try Rational(1, 2)))
    }

    @Test func aDayWithDowntimeUnknownAndMaintenance() throws {
        // Down 01:00-01:30, unknown 02:00-02:10, maintenance 03:00-04:00, up otherwise:
        // up = 1440 - 30 - 10 - 60 = 1340 min; strict = 1340/1380 = 67/69;
        // excluding unknown = 1340/1370 = 134/137.
        let timeline = try StateTimeline(changes: [
            change(-hour, .up), change(hour, .down), change(hour + 30 * minute, .up),
            change(2 * hour, .unknown), change(2 * hour + 10 * minute, .up),
        ])
        let report = timeline.availability(
            in: try range(newYear2026, newYear2026 + day),
            maintenance: [try range(newYear2026 + 3 * hour, newYear2026 + 4 * hour)])
        #expect(report.upMilliseconds == 1340 * minute)
        #expect(report.downMilliseconds == 30 * minute)
        #expect(report.unknownMilliseconds == 10 * minute)
        #expect(report.maintenanceMilliseconds == 60 * minute)
        #expect(report.strict == (try Rational(67, 69)))
        #expect(report.excludingUnknown == (try Rational(134, 137)))
    }

    @Test func maintenanceWinsOverDowntime() throws {
        // Down 01:00-03:00, maintenance 02:00-05:00 and 04:00-06:00 (overlapping) over
        // [00:00, 08:00): maintenance 4 h, down 1 h, up 3 h.
        let timeline = try StateTimeline(changes: [
            change(0, .up), change(hour, .down), change(3 * hour, .up),
        ])
        let report = timeline.availability(
            in: try range(newYear2026, newYear2026 + 8 * hour),
            maintenance: [
                try range(newYear2026 + 2 * hour, newYear2026 + 5 * hour),
                try range(newYear2026 + 4 * hour, newYear2026 + 6 * hour),
            ])
        #expect(report.maintenanceMilliseconds == 4 * hour)
        #expect(report.downMilliseconds == hour)
        #expect(report.upMilliseconds == 3 * hour)
        #expect(report.strict == (try Rational(3, 4)))
    }

    @Test func daysFollowTheTimeZoneAcrossDaylightSaving() throws {
        // New York, 2026-03-07 to 2026-03-10 local: Saturday 24 h, Sunday 23 h (clocks spring
        // forward at 02:00), Monday 24 h. Midnight EST is 05:00Z, midnight EDT 04:00Z.
        let start = try LocalDate(year: 2026, month: 3, day: 7).firstInstant(
            inTimeZone: "America/New_York")
        let end = try LocalDate(year: 2026, month: 3, day: 10).firstInstant(
            inTimeZone: "America/New_York")
        let periods = try AvailabilityGranularity.day.periods(
            covering: DateRange(start: start, end: end), timeZone: "America/New_York")
        #expect(periods.map(\.duration) == [.seconds(86_400), .seconds(82_800), .seconds(86_400)])
        #expect(periods.first?.start == Date(timeIntervalSince1970: 1_772_859_600))
    }

    @Test func weeklyMaintenanceWindowsAndWeeks() throws {
        // UTC, maintenance every Sunday 02:00-06:00. January 2026 starts on a Thursday; the
        // ISO weeks meeting [Jan 1, Jan 15) are cut to it: Jan 1-5 (Thu-Sun), Jan 5-12,
        // Jan 12-15. Sundays Jan 4 and Jan 11 each hold 4 h of maintenance.
        let weekly = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: [.sunday: [try .init("02:00", "06:00")]])
        let timeline = try StateTimeline(changes: [change(0, .up)])
        let reports = try timeline.availability(
            per: .week, in: try range(newYear2026, newYear2026 + 14 * day), timeZone: "UTC",
            maintenance: MaintenanceSchedule(weekly: weekly))
        #expect(reports.map(\.totalMilliseconds) == [4 * day, 7 * day, 3 * day])
        #expect(reports.map(\.maintenanceMilliseconds) == [4 * hour, 4 * hour, 0])
        #expect(reports.map(\.strict) == [.one, .one, .one])
    }

    @Test func badInput() throws {
        #expect(throws: PeriodError.self) {
            try DateRange(startMilliseconds: 10, endMilliseconds: 5)
        }
        #expect(throws: MonitoringError.invalidDuration(0, field: "maximumGap", minimum: 1)) {
            try StateTimeline(heartbeats: [0], maximumGap: 0)
        }
        #expect(throws: MonitoringError.instantOutOfRange(.max, field: "changes[1]")) {
            try StateTimeline(changes: [
                StateChange(milliseconds: 0, state: .up),
                StateChange(milliseconds: .max, state: .up),
            ])
        }
        #expect(throws: MonitoringError.invalidDuration(-1, field: "down", minimum: 0)) {
            try AvailabilityReport(
                period: range(0, 10), upMilliseconds: 11, downMilliseconds: -1,
                unknownMilliseconds: 0, maintenanceMilliseconds: 0)
        }
        let error = #expect(throws: MonitoringError.self) {
            try AvailabilityGranularity.day.periods(covering: range(0, day), timeZone: "Mars/Base")
        }
        #expect(error?.code == .invalidCalendar)
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = try AvailabilityReport(
            period: range(newYear2026, newYear2026 + hour), upMilliseconds: 3_000_000,
            downMilliseconds: 600_000, unknownMilliseconds: 0, maintenanceMilliseconds: 0)
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(AvailabilityReport.self, from: data) == report)
        let timeline = try StateTimeline(changes: [change(0, .up), change(hour, .down)])
        #expect(
            try JSONDecoder().decode(StateTimeline.self, from: JSONEncoder().encode(timeline))
                == timeline)
    }
}

@Suite struct AvailabilityPropertyTests {
    private static let zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"]

    @Test func monthEqualsTheSumOfItsDaysAndBucketsSumToTotal() throws {
        // Random timelines (changes in any order, around and inside a month) and random
        // maintenance: each report's four buckets sum to its length and are >= 0, both
        // figures lie in 0...1, and a month's buckets equal the sums over its days.
        try checkProperty(seed: 0xA7A1_1AB1) { generator in
            let zone = generator.element(of: Self.zones)
            let month = generator.int(in: 1...12)
            let first = try LocalDate(year: 2026, month: month, day: 1)
            let start = try first.firstInstant(inTimeZone: zone)
            let end = try first.adding(months: 1).firstInstant(inTimeZone: zone)
            let monthRange = try DateRange(start: start, end: end)
            let low = monthRange.startMilliseconds - day
            let high = monthRange.endMilliseconds + day
            var changes: [StateChange] = []
            for _ in 0..<generator.int(in: 0...40) {
                changes.append(
                    StateChange(
                        milliseconds: generator.int64(in: low...high),
                        state: generator.element(of: AvailabilityState.allCases)))
            }
            var ranges: [DateRange] = []
            for _ in 0..<generator.int(in: 0...4) {
                let a = generator.int64(in: low...high)
                ranges.append(try range(a, a + generator.int64(in: 0...(3 * day))))
            }
            let timeline = try StateTimeline(changes: changes)
            let schedule = MaintenanceSchedule(ranges: ranges)
            let monthly = try timeline.availability(
                per: .month, in: monthRange, timeZone: zone, maintenance: schedule)
            let daily = try timeline.availability(
                per: .day, in: monthRange, timeZone: zone, maintenance: schedule)
            let input = "zone \(zone) month \(month) changes \(changes) maintenance \(ranges)"
            guard monthly.count == 1, let whole = monthly.first else {
                return (input, "expected one month, got \(monthly.count)")
            }
            for report in monthly + daily {
                let buckets = [
                    report.upMilliseconds, report.downMilliseconds, report.unknownMilliseconds,
                    report.maintenanceMilliseconds,
                ]
                if buckets.contains(where: { $0 < 0 }) { return (input, "negative bucket") }
                if buckets.reduce(0, +) != report.totalMilliseconds {
                    return (input, "buckets do not sum to the total in \(report)")
                }
                for figure in [report.strict, report.excludingUnknown].compactMap({ $0 })
                where figure < .zero || .one < figure {
                    return (input, "figure outside 0...1 in \(report)")
                }
            }
            let sums = (
                daily.map(\.upMilliseconds).reduce(0, +),
                daily.map(\.downMilliseconds).reduce(0, +),
                daily.map(\.unknownMilliseconds).reduce(0, +),
                daily.map(\.maintenanceMilliseconds).reduce(0, +)
            )
            if sums != (
                whole.upMilliseconds, whole.downMilliseconds, whole.unknownMilliseconds,
                whole.maintenanceMilliseconds
            ) {
                return (input, "days \(sums) differ from the month \(whole)")
            }
            return (input, nil)
        }
    }

    @Test func shufflingChangesNeverChangesTheTimeline() throws {
        try checkProperty(seed: 0x5EED_5EED) { generator in
            var changes: [StateChange] = []
            var instant = generator.int64(in: 0...1_000)
            for _ in 0..<generator.int(in: 0...30) {
                instant += generator.int64(in: 1...500)
                changes.append(
                    StateChange(
                        milliseconds: instant,
                        state: generator.element(of: AvailabilityState.allCases)))
            }
            let ordered = try StateTimeline(changes: changes)
            let shuffled = try StateTimeline(changes: changes.shuffled(using: &generator))
            return ("\(changes)", ordered == shuffled ? nil : "shuffled timeline differs")
        }
    }
}
