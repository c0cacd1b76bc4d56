import Foundation
import MSPCore
import MSPTestSupport
import Testing

// MARK: Helpers shared by the BusinessCalendar test files

/// `[start, end)` from two ISO 8601 texts.
func horizon(_ start: String, _ end: String) throws -> DateRange {
    try DateRange(start: instant(start), end: instant(end))
}

/// A span from two `HH:MM` texts.
func span(_ start: String, _ end: String) throws -> BusinessCalendar.Span {
    try BusinessCalendar.Span(start, end)
}

/// The same spans Monday to Friday.
func weekdays(_ spans: [BusinessCalendar.Span]) -> [Weekday: [BusinessCalendar
    .Span]]
{
    [.monday: spans, .tuesday: spans, .wednesday: spans, .thursday: spans, .friday: spans]
}

/// Hours as a `Duration`.
func hours(_ value: Int64) -> Duration { .seconds(value * 3600) }

/// Minutes as a `Duration`.
func minutes(_ value: Int64) -> Duration { .seconds(value * 60) }

/// Monday to Friday 09:00-17:00 in New York with the given holidays and extra openings,
/// compiled over 2026.
func newYorkOffice(
    holidays: [BusinessCalendar.Holiday] = [], extraOpenings: [BusinessCalendar.ExtraOpening] = []
) throws -> BusinessCalendar.Compiled {
    let calendar = try BusinessCalendar(
        timeZone: "America/New_York", weeklyHours: weekdays([span("09:00", "17:00")]),
        holidays: holidays, extraOpenings: extraOpenings)
    return try calendar.compiled(
        for: horizon("2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00"))
}

// MARK: Worked examples

@Suite struct BusinessCalendarTests {
    @Test func fridayAfternoonPlusTwoHoursIsMondayMorning() throws {
        let office = try newYorkOffice()
        // The weekend of 2026-03-07/08 also springs forward; it is closed, so no effect.
        let friday = try instant("2026-03-06T16:00:00-05:00")
        let monday = try instant("2026-03-09T10:00:00-04:00")
        #expect(try office.deadline(after: friday, adding: hours(2)) == monday)
        #expect(try office.businessDuration(from: friday, to: monday) == hours(2))
    }

    @Test func deadlineAtClosingTimeStaysAtClosingTime() throws {
        let office = try newYorkOffice()
        let friday = try instant("2026-03-06T16:00:00-05:00")
        let closing = try instant("2026-03-06T17:00:00-05:00")
        #expect(try office.deadline(after: friday, adding: hours(1)) == closing)
        // One millisecond more moves to Monday's opening.
        let mondayOpening = try instant("2026-03-09T09:00:00.001-04:00")
        #expect(
            try office.deadline(after: friday, adding: hours(1) + .milliseconds(1))
                == mondayOpening)
    }

    @Test func zeroDurationDeadlineIsTheStartEvenWhenClosed() throws {
        let office = try newYorkOffice()
        let saturday = try instant("2026-03-07T12:00:00-05:00")
        #expect(try office.deadline(after: saturday, adding: .zero) == saturday)
        #expect(
            try office.deadline(after: saturday, adding: .milliseconds(1))
                == instant("2026-03-09T09:00:00.001-04:00"))
    }

    @Test func wholeDayHolidayIsSkipped() throws {
        // 2026-12-25 is a Friday.
        let office = try newYorkOffice(holidays: [.init(date: day("2026-12-25"))])
        let thursday = try instant("2026-12-24T16:00:00-05:00")
        #expect(
            try office.deadline(after: thursday, adding: hours(2))
                == instant("2026-12-28T10:00:00-05:00"))
        #expect(
            try office.businessDuration(
                from: instant("2026-12-21T00:00:00-05:00"), to: instant("2026-12-28T00:00:00-05:00")
            )
                == hours(32))
    }

    @Test func partialClosureClosesTheAfternoon() throws {
        let office = try newYorkOffice(holidays: [
            .init(date: day("2026-12-24"), closed: span("12:00", "24:00")),
            .init(date: day("2026-12-25")),
        ])
        let thursdayMorning = try instant("2026-12-24T11:00:00-05:00")
        #expect(
            try office.deadline(after: thursdayMorning, adding: hours(2))
                == instant("2026-12-28T10:00:00-05:00"))
        #expect(
            try office.businessDuration(
                from: instant("2026-12-24T00:00:00-05:00"), to: instant("2026-12-25T00:00:00-05:00")
            )
                == hours(3))
        #expect(
            try office.nextClosing(after: thursdayMorning) == instant("2026-12-24T12:00:00-05:00"))
    }

    @Test func extraOpeningOnASaturday() throws {
        let office = try newYorkOffice(
            holidays: [
                .init(date: day("2026-12-24"), closed: span("12:00", "24:00")),
                .init(date: day("2026-12-25")),
            ],
            extraOpenings: [.init(date: day("2026-12-26"), open: span("10:00", "14:00"))])
        let thursdayMorning = try instant("2026-12-24T11:00:00-05:00")
        #expect(
            try office.deadline(after: thursdayMorning, adding: hours(2))
                == instant("2026-12-26T11:00:00-05:00"))
        #expect(try office.isOpen(at: instant("2026-12-26T13:59:00-05:00")))
        #expect(try !office.isOpen(at: instant("2026-12-26T14:00:00-05:00")))
    }

    @Test func extraOpeningWinsOverHoliday() throws {
        let office = try newYorkOffice(
            holidays: [.init(date: day("2026-12-25"))],
            extraOpenings: [.init(date: day("2026-12-25"), open: span("10:00", "12:00"))])
        #expect(
            try office.businessDuration(
                from: instant("2026-12-25T00:00:00-05:00"), to: instant("2026-12-26T00:00:00-05:00")
            )
                == hours(2))
    }

    @Test func nextOpeningAndClosing() throws {
        let office = try newYorkOffice()
        let fridayEvening = try instant("2026-03-06T17:00:00-05:00")
        let mondayOpening = try instant("2026-03-09T09:00:00-04:00")
        #expect(try office.nextOpening(after: fridayEvening) == mondayOpening)
        #expect(
            try office.nextClosing(after: fridayEvening) == instant("2026-03-09T17:00:00-04:00"))
        // Strictly after: from an opening instant, the next opening is the next day's.
        #expect(
            try office.nextOpening(after: mondayOpening) == instant("2026-03-10T09:00:00-04:00"))
        #expect(
            try office.nextClosing(after: mondayOpening) == instant("2026-03-09T17:00:00-04:00"))
        #expect(try office.isOpen(at: mondayOpening))
        #expect(try !office.isOpen(at: instant("2026-03-09T17:00:00-04:00")))
        #expect(try !office.isOpen(at: fridayEvening))
    }

    @Test func openIntervalsExplainTheCount() throws {
        let office = try newYorkOffice()
        let intervals = try office.openIntervals(
            from: instant("2026-03-06T16:00:00-05:00"), to: instant("2026-03-09T10:00:00-04:00"))
        #expect(
            intervals == [
                try horizon("2026-03-06T16:00:00-05:00", "2026-03-06T17:00:00-05:00"),
                try horizon("2026-03-09T09:00:00-04:00", "2026-03-09T10:00:00-04:00"),
            ])
    }

    @Test func calendarWithoutHoursIsNeverOpen() throws {
        let never = try BusinessCalendar(timeZone: "Europe/London", weeklyHours: [:])
            .compiled(for: horizon("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
        let start = try instant("2026-06-01T12:00:00Z")
        #expect(never.intervalCount == 0)
        #expect(try !never.isOpen(at: start))
        #expect(try never.businessDuration(from: start, to: never.horizon.end) == .zero)
        #expect(try never.deadline(after: start, adding: .zero) == start)
        #expect(
            throws: CalendarError.answerOutsideHorizon(
                field: "deadline", after: start, horizon: never.horizon)
        ) {
            try never.deadline(after: start, adding: .milliseconds(1))
        }
    }

    @Test func twentyFourSevenIsTheWholeTimeline() throws {
        let calendar = try BusinessCalendar.twentyFourSeven(timeZone: "America/New_York")
        let compiled = try calendar.compiled(
            for: horizon("2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z"))
        #expect(compiled.intervalCount == 1)
        #expect(compiled.totalBusinessTime == hours(2 * 365 * 24))
    }

    @Test func overnightSpanBelongsToTheDayItStarts() throws {
        // Friday 22:00 to Saturday 06:00; a holiday on Saturday closes the 00:00-06:00 tail.
        let calendar = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: [.friday: [span("22:00", "06:00")]],
            holidays: [.init(date: day("2026-06-13"))])
        let compiled = try calendar.compiled(
            for: horizon("2026-06-01T00:00:00Z", "2026-06-30T00:00:00Z"))
        #expect(
            try compiled.businessDuration(
                from: instant("2026-06-05T00:00:00Z"), to: instant("2026-06-07T00:00:00Z"))
                == hours(8))
        #expect(
            try compiled.businessDuration(
                from: instant("2026-06-12T00:00:00Z"), to: instant("2026-06-14T00:00:00Z"))
                == hours(2))
    }

    @Test func holidayOnAWeekendChangesNothing() throws {
        let plain = try newYorkOffice()
        let withWeekendHoliday = try newYorkOffice(holidays: [
            .init(date: day("2026-07-04")),
            .init(date: day("2026-07-05"), closed: span("10:00", "12:00")),
        ])
        #expect(plain.totalBusinessTime == withWeekendHoliday.totalBusinessTime)
        #expect(plain.openIntervals == withWeekendHoliday.openIntervals)
    }

    @Test func leapDay2028() throws {
        let leapDay = try day("2028-02-29")
        #expect(leapDay.weekday == .tuesday)
        let window = try horizon("2028-02-01T00:00:00-05:00", "2028-04-01T00:00:00-04:00")
        let calendar = try BusinessCalendar(
            timeZone: "America/New_York", weeklyHours: weekdays([span("09:00", "17:00")]))
        let monday = try instant("2028-02-28T09:00:00-05:00")
        let wednesday = try instant("2028-03-01T09:00:00-05:00")
        #expect(
            try calendar.compiled(for: window).businessDuration(from: monday, to: wednesday)
                == hours(16))
        let withHoliday = try BusinessCalendar(
            timeZone: "America/New_York", weeklyHours: weekdays([span("09:00", "17:00")]),
            holidays: [.init(date: leapDay)])
        #expect(
            try withHoliday.compiled(for: window).businessDuration(from: monday, to: wednesday)
                == hours(8))
    }
}

// MARK: Descriptions

@Suite struct BusinessCalendarDescriptionTests {
    @Test func valuesReadAsTheyAreWritten() throws {
        #expect(try span("22:00", "06:00").description == "22:00-06:00")
        #expect(try span("22:00", "06:00").isOvernight)
        #expect(try day("0800-02-29").description == "0800-02-29")
        #expect(
            BusinessCalendar.Holiday(
                date: try day("2026-12-24"), closed: try span("12:00", "24:00")
            )
            .description == "2026-12-24 closed 12:00-24:00")
        let calendar = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: [.friday: [span("09:00", "17:00")]],
            holidays: [.init(date: day("2026-12-25"))])
        #expect(calendar.description == "UTC friday 09:00-17:00; 1 holiday, 0 extra openings")
        #expect(
            try BusinessCalendar(timeZone: "UTC", weeklyHours: [:]).description
                == "UTC no weekly hours; 0 holidays, 0 extra openings")
    }

    @Test func errorsNameTheFieldAndValue() {
        let error = CalendarError.invalidTime(hour: 24, minute: 30, field: "time")
        #expect(error.description == "invalidTime: time 24:30 is outside 00:00...24:00")
        #expect(error.value == "24:30")
        #expect(
            CalendarError.invalidTime(hour: 24, minute: 0, field: "start").message
                == "start 24:00 is not allowed: 24:00 may only end a span")
    }
}
