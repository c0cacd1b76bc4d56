import Foundation
import MSPTestSupport
import Testing

@testable import MSPCore

/// Milliseconds since the epoch of an ISO 8601 text.
private func ms(_ text: String) throws -> Int64 {
    Int64((try instant(text).timeIntervalSince1970 * 1000).rounded())
}

private let minute: Int64 = 60_000
private let hour: Int64 = 3_600_000

@Suite struct BusinessCalendarHolidayTimeTests {
    /// New York, Monday to Friday 09:00-17:00, compiled over 2026.
    private func office(
        _ holidays: [BusinessCalendar.Holiday],
        extraOpenings: [BusinessCalendar.ExtraOpening] = []
    ) throws -> BusinessCalendar.Compiled {
        try newYorkOffice(holidays: holidays, extraOpenings: extraOpenings)
    }

    @Test func christmasStraddlingMidnight() throws {
        // Friday 2026-12-25 is a whole-day holiday. Thursday 23:30 EST to Friday 00:40 EST:
        // 23:30-24:00 is ordinary closed time (Thursday evening), 00:00-00:40 is holiday
        // time: 40 minutes = 2_400_000 ms; no business time.
        let compiled = try office([.init(date: day("2026-12-25"))])
        let start = try ms("2026-12-24T23:30:00-05:00")
        let end = try ms("2026-12-25T00:40:00-05:00")
        #expect(try compiled.holidayMilliseconds(from: start, to: end) == 40 * minute)
        #expect(try compiled.businessMilliseconds(from: start, to: end) == 0)
        #expect(
            try compiled.holidayDuration(
                from: instant("2026-12-24T23:30:00-05:00"),
                to: instant("2026-12-25T00:40:00-05:00")) == .seconds(2400))
        // The whole day: 24 hours of holiday time, none of business time.
        let dayStart = try ms("2026-12-25T00:00:00-05:00")
        let dayEnd = try ms("2026-12-26T00:00:00-05:00")
        #expect(try compiled.holidayMilliseconds(from: dayStart, to: dayEnd) == 24 * hour)
        #expect(
            compiled.holidayIntervals == [
                DateRange(milliseconds: dayStart, dayEnd)
            ])
    }

    @Test func partialClosureKeepsTheMorningAsBusinessTime() throws {
        // Thursday 2026-12-24 closed 12:00-24:00. 11:30-12:30 is 30 business minutes
        // (11:30-12:00) and 30 holiday minutes (12:00-12:30). The whole day: business
        // 09:00-12:00 = 3 h, holiday 12:00-24:00 = 12 h, ordinary closed 00:00-09:00 = 9 h.
        let compiled = try office([.init(date: day("2026-12-24"), closed: span("12:00", "24:00"))])
        let start = try ms("2026-12-24T11:30:00-05:00")
        let end = try ms("2026-12-24T12:30:00-05:00")
        #expect(try compiled.holidayMilliseconds(from: start, to: end) == 30 * minute)
        #expect(try compiled.businessMilliseconds(from: start, to: end) == 30 * minute)
        let dayStart = try ms("2026-12-24T00:00:00-05:00")
        let dayEnd = try ms("2026-12-25T00:00:00-05:00")
        #expect(try compiled.holidayMilliseconds(from: dayStart, to: dayEnd) == 12 * hour)
        #expect(try compiled.businessMilliseconds(from: dayStart, to: dayEnd) == 3 * hour)
    }

    @Test func anExtraOpeningOnAHolidayStaysBusinessTime() throws {
        // Friday 2026-12-25 is a holiday with an extra opening 10:00-14:00: of its 24 hours,
        // 4 are business time and 20 holiday time.
        let compiled = try office(
            [.init(date: day("2026-12-25"))],
            extraOpenings: [.init(date: day("2026-12-25"), open: span("10:00", "14:00"))])
        let dayStart = try ms("2026-12-25T00:00:00-05:00")
        let dayEnd = try ms("2026-12-26T00:00:00-05:00")
        #expect(try compiled.holidayMilliseconds(from: dayStart, to: dayEnd) == 20 * hour)
        #expect(try compiled.businessMilliseconds(from: dayStart, to: dayEnd) == 4 * hour)
        #expect(compiled.holidayIntervals.count == 2)
    }

    @Test func aHolidayWithoutHoursIsStillHolidayTime() throws {
        // Saturday 2026-12-26 has no weekly hours; as a holiday its 24 hours are holiday
        // time, not ordinary closed time.
        let compiled = try office([.init(date: day("2026-12-26"))])
        let dayStart = try ms("2026-12-26T00:00:00-05:00")
        let dayEnd = try ms("2026-12-27T00:00:00-05:00")
        #expect(try compiled.holidayMilliseconds(from: dayStart, to: dayEnd) == 24 * hour)
    }

    @Test func holidaysOnDaylightSavingDaysFollowTheWallClock() throws {
        // New York: Sunday 2026-03-08 springs forward (23 real hours), Sunday 2026-11-01
        // falls back (25 real hours). Whole-day holidays on them hold 23 h and 25 h.
        let compiled = try office([.init(date: day("2026-03-08")), .init(date: day("2026-11-01"))])
        #expect(
            try compiled.holidayMilliseconds(
                from: ms("2026-03-08T00:00:00-05:00"), to: ms("2026-03-09T00:00:00-04:00"))
                == 23 * hour)
        #expect(
            try compiled.holidayMilliseconds(
                from: ms("2026-11-01T00:00:00-04:00"), to: ms("2026-11-02T00:00:00-05:00"))
                == 25 * hour)
        // The whole year holds exactly those 48 hours.
        #expect(
            try compiled.holidayDuration(from: compiled.horizon.start, to: compiled.horizon.end)
                == .seconds(48 * 3600))
    }

    @Test func noHolidaysMeansNoHolidayTime() throws {
        let compiled = try office([])
        #expect(compiled.holidayIntervals.isEmpty)
        #expect(
            try compiled.holidayMilliseconds(
                from: compiled.horizon.startMilliseconds, to: compiled.horizon.endMilliseconds)
                == 0)
    }

    @Test func errorsMatchTheBusinessTimeQueries() throws {
        let compiled = try office([.init(date: day("2026-12-25"))])
        let start = compiled.horizon.startMilliseconds
        let end = compiled.horizon.endMilliseconds
        let before = #expect(throws: CalendarError.self) {
            try compiled.holidayMilliseconds(from: start - 1, to: start)
        }
        #expect(before?.code == .outsideHorizon)
        #expect(before?.field == "start")
        let after = #expect(throws: CalendarError.self) {
            try compiled.holidayMilliseconds(from: start, to: end + 1)
        }
        #expect(after?.code == .outsideHorizon)
        #expect(after?.field == "end")
        #expect(
            throws: CalendarError.endBeforeStart(
                start: DateRange.instant(milliseconds: start + 10),
                end: DateRange.instant(milliseconds: start))
        ) {
            try compiled.holidayMilliseconds(from: start + 10, to: start)
        }
        #expect(
            throws: CalendarError.endBeforeStart(
                start: compiled.horizon.end, end: compiled.horizon.start)
        ) {
            try compiled.holidayDuration(from: compiled.horizon.end, to: compiled.horizon.start)
        }
        // The horizon's bounds themselves are allowed.
        #expect(try compiled.holidayMilliseconds(from: start, to: end) == 24 * hour)
    }
}

// MARK: Properties

/// A small random calendar on a 15-minute grid, with its horizon and, per minute of the
/// horizon, the running count of holiday minutes by the naive reference.
private struct SmallCalendar {
    let calendar: BusinessCalendar
    let compiled: BusinessCalendar.Compiled
    /// `holidayMinutesBefore[k]`: holiday minutes among the first `k` minutes.
    let holidayMinutesBefore: [Int64]

    init(_ generator: inout SplitMix64) throws {
        let zones = ["America/New_York", "UTC", "Australia/Lord_Howe", "Europe/London"]
        // Two weeks around a DST change of the northern and the southern zones.
        let horizons = [
            ("2026-03-01T00:00:00Z", "2026-03-15T00:00:00Z"),
            ("2026-10-25T00:00:00Z", "2026-11-08T00:00:00Z"),
            ("2026-03-29T00:00:00Z", "2026-04-12T00:00:00Z"),
            ("2026-09-28T00:00:00Z", "2026-10-12T00:00:00Z"),
        ]
        func time(_ quarter: Int) throws -> BusinessCalendar.LocalTime {
            try BusinessCalendar.LocalTime(hour: quarter / 4, minute: quarter % 4 * 15)
        }
        var hours: [Weekday: [BusinessCalendar.Span]] = [:]
        for weekday in Weekday.allCases {
            var spans: [BusinessCalendar.Span] = []
            if generator.chance(3, in: 4) {
                // A daytime span within 06:00-20:00.
                let start: Int = generator.int(in: 24...76)
                let end: Int = generator.int(in: (start + 1)...80)
                spans.append(try .init(start: time(start), end: time(end)))
            }
            if generator.chance(1, in: 4) {
                // An overnight span from 21:00-23:45 to 00:15-05:45.
                spans.append(
                    try .init(
                        start: time(generator.int(in: 84...95)),
                        end: time(generator.int(in: 1...23))
                    ))
            }
            hours[weekday] = spans
        }
        let bounds = generator.element(of: horizons)
        let range = try horizon(bounds.0, bounds.1)
        let firstDay = try LocalDate(parsing: String(bounds.0.prefix(10)))
        func randomSpan(_ generator: inout SplitMix64) throws -> BusinessCalendar.Span? {
            if generator.chance(1, in: 3) { return nil }
            let start: Int = generator.int(in: 0...95)
            var end: Int = generator.int(in: 1...96)
            if end == start { end = start + 1 }
            return try .init(start: time(start), end: time(end))
        }
        var holidays: [BusinessCalendar.Holiday] = []
        for _ in 0..<generator.int(in: 0...6) {
            let date = try firstDay.adding(days: generator.int(in: -1...14))
            holidays.append(.init(date: date, closed: try randomSpan(&generator)))
        }
        var extras: [BusinessCalendar.ExtraOpening] = []
        for _ in 0..<generator.int(in: 0...2) {
            let date = try firstDay.adding(days: generator.int(in: -1...14))
            if let open = try randomSpan(&generator) {
                extras.append(.init(date: date, open: open))
            }
        }
        calendar = try BusinessCalendar(
            timeZone: generator.element(of: zones), weeklyHours: hours, holidays: holidays,
            extraOpenings: extras)
        compiled = try calendar.compiled(for: range)
        let reference = try ReferenceCalendar(calendar, over: range)
        var running: [Int64] = [0]
        var time = range.startMilliseconds
        while time < range.endMilliseconds {
            // Every bound lies on a whole minute, so the minute's first instant decides it.
            let holiday =
                !reference.isOpen(time) && ReferenceCalendar.contains(reference.closures, time)
            running.append(running[running.count - 1] + (holiday ? 1 : 0))
            time += minute
        }
        holidayMinutesBefore = running
    }
}

@Suite struct BusinessCalendarHolidayTimePropertyTests {
    @Test func holidayTimeIsClosedTime() throws {
        let compiled = try busyCalendar().compiled(for: twoYears())
        #expect(compiled.invariantViolations().isEmpty)
        #expect(compiled.holidayIntervals.count >= 10)
        let instants = InstantGenerator(compiled, boundsOf: compiled.holidayIntervals)
        try checkProperty(seed: 0x4011_DA71) { generator in
            let start = instants.any(&generator)
            let end = instants.after(start, withinDays: 30, &generator)
            let holiday = try compiled.holidayMilliseconds(from: start, to: end)
            let business = try compiled.businessMilliseconds(from: start, to: end)
            let holds = holiday >= 0 && holiday + business <= end - start
            return ("\(start)...\(end)", holds ? nil : "holiday \(holiday), business \(business)")
        }
    }

    @Test func holidayTimeIsAdditive() throws {
        let compiled = try busyCalendar().compiled(for: twoYears())
        let instants = InstantGenerator(compiled, boundsOf: compiled.holidayIntervals)
        try checkProperty(seed: 0x4011_DA72) { generator in
            var triple = [
                instants.any(&generator), instants.any(&generator), instants.any(&generator),
            ]
            if generator.chance(1, in: 2) {
                triple[1] = instants.after(triple[0], withinDays: 3, &generator)
                triple[2] = instants.after(triple[1], withinDays: 3, &generator)
            }
            triple.sort()
            let whole = try compiled.holidayMilliseconds(from: triple[0], to: triple[2])
            let parts =
                try compiled.holidayMilliseconds(from: triple[0], to: triple[1])
                + compiled.holidayMilliseconds(from: triple[1], to: triple[2])
            let duration = try compiled.holidayDuration(
                from: DateRange.instant(milliseconds: triple[0]),
                to: DateRange.instant(milliseconds: triple[2]))
            let holds = whole == parts && duration == .milliseconds(whole)
            return ("\(triple)", holds ? nil : "\(whole) != \(parts) or \(duration)")
        }
    }

    @Test func aCalendarWithoutHolidaysHasNoHolidayTime() throws {
        let busy = try busyCalendar()
        let plain = try BusinessCalendar(
            timeZone: busy.timeZoneIdentifier, weeklyHours: busy.weeklyHours,
            extraOpenings: busy.extraOpenings)
        let compiled = try plain.compiled(for: twoYears())
        #expect(compiled.holidayIntervals.isEmpty)
        let instants = InstantGenerator(compiled, boundsOf: compiled.holidayIntervals)
        try checkProperty(seed: 0x4011_DA73) { generator in
            let start = instants.any(&generator)
            let end = instants.after(start, withinDays: 400, &generator)
            let holiday = try compiled.holidayMilliseconds(from: start, to: end)
            return ("\(start)...\(end)", holiday == 0 ? nil : "holiday \(holiday)")
        }
    }

    @Test func holidayTimeMatchesAMinuteWalk() throws {
        var setup = SplitMix64(seed: 0x4011_DA74)
        var calendars: [SmallCalendar] = []
        for _ in 0..<24 { calendars.append(try SmallCalendar(&setup)) }
        for small in calendars {
            #expect(small.compiled.invariantViolations().isEmpty, "\(small.calendar)")
        }
        try checkProperty(seed: 0x4011_DA75) { generator in
            let small = generator.element(of: calendars)
            let minutes = Int64(small.holidayMinutesBefore.count - 1)
            let first = generator.int(in: 0...minutes)
            let last = generator.int(in: first...minutes)
            let low = small.compiled.horizon.startMilliseconds
            let holiday = try small.compiled.holidayMilliseconds(
                from: low + first * minute, to: low + last * minute)
            let expected =
                (small.holidayMinutesBefore[Int(last)] - small.holidayMinutesBefore[Int(first)])
                * minute
            return (
                "\(small.calendar) minutes \(first)..<\(last)",
                holiday == expected ? nil : "holiday \(holiday), minute walk \(expected)"
            )
        }
    }
}
