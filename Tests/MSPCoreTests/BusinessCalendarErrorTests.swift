import Foundation
import MSPCore
import MSPTestSupport
import Testing

// MARK: Errors

@Suite struct BusinessCalendarErrorTests {
    @Test func invalidTimes() {
        #expect(throws: CalendarError.invalidTime(hour: 25, minute: 0, field: "time")) {
            try BusinessCalendar.LocalTime(hour: 25)
        }
        #expect(throws: CalendarError.invalidTime(hour: -1, minute: 0, field: "time")) {
            try BusinessCalendar.LocalTime(hour: -1)
        }
        #expect(throws: CalendarError.invalidTime(hour: 9, minute: 60, field: "time")) {
            try BusinessCalendar.LocalTime(hour: 9, minute: 60)
        }
        #expect(throws: CalendarError.invalidTime(hour: 24, minute: 30, field: "time")) {
            try BusinessCalendar.LocalTime(parsing: "24:30")
        }
        #expect(throws: CalendarError.invalidFormat("9:00", field: "time", expected: "HH:MM")) {
            try BusinessCalendar.LocalTime(parsing: "9:00")
        }
    }

    @Test func twentyFourHundredOnlyAsEnd() throws {
        #expect(throws: CalendarError.invalidTime(hour: 24, minute: 0, field: "start")) {
            try span("24:00", "06:00")
        }
        #expect(try span("18:00", "24:00").wallClockMinutes == 360)
        #expect(try span("00:00", "24:00") == .wholeDay)
    }

    @Test func emptySpan() throws {
        let nine = try BusinessCalendar.LocalTime(hour: 9)
        #expect(throws: CalendarError.emptySpan(start: nine, end: nine)) {
            try span("09:00", "09:00")
        }
    }

    @Test func invalidDates() {
        // Dates are MSPCore's LocalDate, shared with billing periods: their errors are
        // PeriodError.
        for text in ["2027-02-29", "2026-13-01", "0000-01-01", "2026-1-05"] {
            #expect(throws: PeriodError.invalidDate(text, field: "date")) { try day(text) }
        }
    }

    @Test func overlappingSpansOnOneDay() throws {
        let morning = try span("09:00", "12:00")
        let midday = try span("11:00", "13:00")
        #expect(throws: CalendarError.overlappingSpans(morning, on: .monday, midday, on: .monday)) {
            try BusinessCalendar(timeZone: "UTC", weeklyHours: [.monday: [midday, morning]])
        }
    }

    @Test func overnightSpanOverlappingTheNextDay() throws {
        let night = try span("22:00", "06:00")
        let early = try span("05:00", "09:00")
        #expect(throws: CalendarError.overlappingSpans(night, on: .monday, early, on: .tuesday)) {
            try BusinessCalendar(
                timeZone: "UTC", weeklyHours: [.monday: [night], .tuesday: [early]])
        }
        // Sunday's overnight span runs into Monday.
        #expect(
            throws: CalendarError.overlappingSpans(night, on: .sunday, .wholeDay, on: .monday)
        ) {
            try BusinessCalendar(
                timeZone: "UTC", weeklyHours: [.sunday: [night], .monday: [.wholeDay]])
        }
        // Touching is fine: 22:00-06:00 then 06:00-09:00.
        _ = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: [.monday: [night], .tuesday: [span("06:00", "09:00")]])
    }

    @Test func unknownTimeZone() {
        #expect(throws: CalendarError.unknownTimeZone("Mars/Olympus_Mons")) {
            try BusinessCalendar(timeZone: "Mars/Olympus_Mons", weeklyHours: [:])
        }
    }

    @Test func horizonTooLong() throws {
        let calendar = try BusinessCalendar.twentyFourSeven()
        let century = try horizon("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")
        #expect(throws: CalendarError.horizonTooLong(century)) {
            try calendar.compiled(for: century)
        }
        // Exactly the maximum is accepted.
        let start = try instant("2000-01-01T00:00:00Z")
        let longest = try DateRange(
            start: start,
            end: start.addingTimeInterval(Double(BusinessCalendar.maximumHorizonDays) * 86_400))
        #expect(try calendar.compiled(for: longest).intervalCount == 1)
    }

    @Test func tooManyIntervals() throws {
        var spans: [BusinessCalendar.Span] = []
        for minute in stride(from: 0, to: 1440, by: 2) {
            spans.append(
                try BusinessCalendar.Span(
                    start: .init(hour: minute / 60, minute: minute % 60),
                    end: .init(hour: (minute + 1) / 60, minute: (minute + 1) % 60)))
        }
        var hours: [Weekday: [BusinessCalendar.Span]] = [:]
        for weekday in Weekday.allCases { hours[weekday] = spans }
        let calendar = try BusinessCalendar(timeZone: "UTC", weeklyHours: hours)
        let range = try horizon("2000-01-01T00:00:00Z", "2040-01-01T00:00:00Z")
        #expect(throws: CalendarError.tooManyIntervals(range)) {
            try calendar.compiled(for: range)
        }
    }

    @Test func queryErrors() throws {
        let office = try newYorkOffice()
        let start = try instant("2026-03-06T16:00:00-05:00")
        let earlier = try instant("2026-03-06T15:00:00-05:00")
        #expect(throws: CalendarError.endBeforeStart(start: start, end: earlier)) {
            try office.businessDuration(from: start, to: earlier)
        }
        #expect(throws: CalendarError.negativeDuration(.seconds(-1))) {
            try office.deadline(after: start, adding: .seconds(-1))
        }
        let outside = try instant("2027-06-01T00:00:00Z")
        #expect(
            throws: CalendarError.outsideHorizon(outside, field: "instant", horizon: office.horizon)
        ) {
            try office.isOpen(at: outside)
        }
        #expect(
            throws: CalendarError.outsideHorizon(outside, field: "end", horizon: office.horizon)
        ) {
            try office.businessDuration(from: start, to: outside)
        }
        // The horizon end is a valid end, but not a valid instant for isOpen.
        #expect(try office.businessDuration(from: start, to: office.horizon.end) > .zero)
        #expect(
            throws: CalendarError.outsideHorizon(
                office.horizon.end, field: "instant", horizon: office.horizon)
        ) {
            try office.isOpen(at: office.horizon.end)
        }
        #expect(
            throws: CalendarError.answerOutsideHorizon(
                field: "deadline", after: start, horizon: office.horizon)
        ) {
            try office.deadline(after: start, adding: hours(24 * 365))
        }
        let lastEvening = try instant("2026-12-31T18:00:00-05:00")
        #expect(
            throws: CalendarError.answerOutsideHorizon(
                field: "nextOpening", after: lastEvening, horizon: office.horizon)
        ) {
            try office.nextOpening(after: lastEvening)
        }
        let notANumber = Date(timeIntervalSince1970: .nan)
        #expect(
            throws: CalendarError.outsideHorizon(
                notANumber, field: "instant", horizon: office.horizon)
        ) {
            try office.isOpen(at: notANumber)
        }
    }

    @Test func nextClosingClippedByTheHorizonIsAnError() throws {
        let calendar = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: weekdays([span("09:00", "17:00")]))
        // Monday 2026-03-02, horizon ends at 12:00 inside the open span.
        let clipped = try calendar.compiled(
            for: horizon("2026-03-02T00:00:00Z", "2026-03-02T12:00:00Z"))
        let morning = try instant("2026-03-02T10:00:00Z")
        #expect(
            throws: CalendarError.answerOutsideHorizon(
                field: "nextClosing", after: morning, horizon: clipped.horizon)
        ) {
            try clipped.nextClosing(after: morning)
        }
        // A horizon ending exactly at closing time knows that closing.
        let exact = try calendar.compiled(
            for: horizon("2026-03-02T00:00:00Z", "2026-03-02T17:00:00Z"))
        #expect(try exact.nextClosing(after: morning) == instant("2026-03-02T17:00:00Z"))
    }
}
