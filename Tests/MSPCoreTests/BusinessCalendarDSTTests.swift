import Foundation
import MSPCore
import MSPTestSupport
import Testing

/// One span on one date in one zone, with the instants it must compile to.
///
/// Each expected interval was worked out by hand from the zone's transitions in 2026, which
/// were checked with Foundation (`TimeZone.nextDaylightSavingTimeTransition(after:)`):
///
/// | zone | DST ends (fall back) | DST starts (spring forward) |
/// |---|---|---|
/// | America/New_York | 2026-11-01 02:00 EDT → 01:00 EST | 2026-03-08 02:00 EST → 03:00 EDT |
/// | Europe/London | 2026-10-25 02:00 BST → 01:00 GMT | 2026-03-29 01:00 GMT → 02:00 BST |
/// | Australia/Lord_Howe | 2026-04-05 02:00 (+11) → 01:30 (+10:30) | 2026-10-04 02:00 → 02:30 |
/// | Pacific/Chatham | 2026-04-05 03:45 (+13:45) → 02:45 (+12:45) | 2026-09-27 02:45 → 03:45 |
/// | Asia/Kolkata, UTC | none | none |
struct DSTCase: Sendable, CustomStringConvertible {
    var zone: String
    /// The local date the span starts on.
    var date: String
    var start: String
    var end: String
    /// The expected instants, ISO 8601 UTC; `nil` when the span lies wholly in a gap.
    var expected: (String, String)?
    /// What the case shows.
    var note: String

    var description: String { "\(zone) \(date) \(start)-\(end): \(note)" }
}

@Suite struct BusinessCalendarDSTTests {
    static let cases: [DSTCase] = [
        // America/New_York
        .init(
            zone: "America/New_York", date: "2026-03-08", start: "01:00", end: "05:00",
            expected: ("2026-03-08T06:00:00Z", "2026-03-08T09:00:00Z"),
            note: "spring forward: 4 wall hours are 3 real hours"),
        .init(
            zone: "America/New_York", date: "2026-03-08", start: "02:30", end: "05:00",
            expected: ("2026-03-08T07:00:00Z", "2026-03-08T09:00:00Z"),
            note: "a start in the gap maps to 03:00 EDT"),
        .init(
            zone: "America/New_York", date: "2026-03-08", start: "02:00", end: "02:30",
            expected: nil, note: "a span wholly in the gap is empty"),
        .init(
            zone: "America/New_York", date: "2026-03-08", start: "00:00", end: "24:00",
            expected: ("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z"),
            note: "the spring-forward day has 23 hours"),
        .init(
            zone: "America/New_York", date: "2026-11-01", start: "00:00", end: "04:00",
            expected: ("2026-11-01T04:00:00Z", "2026-11-01T09:00:00Z"),
            note: "fall back: 4 wall hours are 5 real hours"),
        .init(
            zone: "America/New_York", date: "2026-11-01", start: "01:00", end: "01:30",
            expected: ("2026-11-01T05:00:00Z", "2026-11-01T06:30:00Z"),
            note: "start at the first 01:00 (EDT), end at the second 01:30 (EST)"),
        .init(
            zone: "America/New_York", date: "2026-11-01", start: "01:30", end: "03:00",
            expected: ("2026-11-01T05:30:00Z", "2026-11-01T08:00:00Z"),
            note: "a start in the repeated hour takes its first occurrence"),
        .init(
            zone: "America/New_York", date: "2026-11-01", start: "00:00", end: "24:00",
            expected: ("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z"),
            note: "the fall-back day has 25 hours"),
        .init(
            zone: "America/New_York", date: "2026-03-07", start: "22:00", end: "06:00",
            expected: ("2026-03-08T03:00:00Z", "2026-03-08T10:00:00Z"),
            note: "overnight across spring forward: 7 real hours"),
        .init(
            zone: "America/New_York", date: "2026-10-31", start: "22:00", end: "06:00",
            expected: ("2026-11-01T02:00:00Z", "2026-11-01T11:00:00Z"),
            note: "overnight across fall back: 9 real hours"),
        // Europe/London
        .init(
            zone: "Europe/London", date: "2026-03-29", start: "00:00", end: "04:00",
            expected: ("2026-03-29T00:00:00Z", "2026-03-29T03:00:00Z"),
            note: "spring forward at 01:00 GMT"),
        .init(
            zone: "Europe/London", date: "2026-03-29", start: "01:30", end: "02:30",
            expected: ("2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"),
            note: "01:30 does not exist and maps to 02:00 BST"),
        .init(
            zone: "Europe/London", date: "2026-10-25", start: "00:00", end: "04:00",
            expected: ("2026-10-24T23:00:00Z", "2026-10-25T04:00:00Z"),
            note: "fall back: 5 real hours"),
        .init(
            zone: "Europe/London", date: "2026-10-25", start: "01:00", end: "02:00",
            expected: ("2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"),
            note: "the repeated hour counts twice, as real time"),
        .init(
            zone: "Europe/London", date: "2026-03-28", start: "22:00", end: "06:00",
            expected: ("2026-03-28T22:00:00Z", "2026-03-29T05:00:00Z"),
            note: "overnight across spring forward: 7 real hours"),
        // Australia/Lord_Howe: 30-minute shifts
        .init(
            zone: "Australia/Lord_Howe", date: "2026-04-05", start: "00:00", end: "04:00",
            expected: ("2026-04-04T13:00:00Z", "2026-04-04T17:30:00Z"),
            note: "fall back 30 minutes: 4.5 real hours"),
        .init(
            zone: "Australia/Lord_Howe", date: "2026-04-05", start: "01:30", end: "01:45",
            expected: ("2026-04-04T14:30:00Z", "2026-04-04T15:15:00Z"),
            note: "first 01:30 (+11) to second 01:45 (+10:30)"),
        .init(
            zone: "Australia/Lord_Howe", date: "2026-10-04", start: "00:00", end: "04:00",
            expected: ("2026-10-03T13:30:00Z", "2026-10-03T17:00:00Z"),
            note: "spring forward 30 minutes: 3.5 real hours"),
        .init(
            zone: "Australia/Lord_Howe", date: "2026-10-04", start: "02:00", end: "02:15",
            expected: nil, note: "wholly in the 02:00-02:30 gap"),
        .init(
            zone: "Australia/Lord_Howe", date: "2026-10-04", start: "02:15", end: "03:00",
            expected: ("2026-10-03T15:30:00Z", "2026-10-03T16:00:00Z"),
            note: "02:15 maps to 02:30 (+11), the first instant after the gap"),
        // Asia/Kolkata: +05:30, no DST
        .init(
            zone: "Asia/Kolkata", date: "2026-03-08", start: "09:00", end: "17:00",
            expected: ("2026-03-08T03:30:00Z", "2026-03-08T11:30:00Z"),
            note: "half-hour offset, no DST"),
        .init(
            zone: "Asia/Kolkata", date: "2026-03-07", start: "22:00", end: "06:00",
            expected: ("2026-03-07T16:30:00Z", "2026-03-08T00:30:00Z"),
            note: "overnight, 8 hours"),
        // Pacific/Chatham: +12:45 / +13:45
        .init(
            zone: "Pacific/Chatham", date: "2026-04-05", start: "00:00", end: "06:00",
            expected: ("2026-04-04T10:15:00Z", "2026-04-04T17:15:00Z"),
            note: "fall back at 03:45: 7 real hours"),
        .init(
            zone: "Pacific/Chatham", date: "2026-04-05", start: "03:00", end: "03:30",
            expected: ("2026-04-04T13:15:00Z", "2026-04-04T14:45:00Z"),
            note: "first 03:00 (+13:45) to second 03:30 (+12:45)"),
        .init(
            zone: "Pacific/Chatham", date: "2026-09-27", start: "00:00", end: "06:00",
            expected: ("2026-09-26T11:15:00Z", "2026-09-26T16:15:00Z"),
            note: "spring forward at 02:45: 5 real hours"),
        .init(
            zone: "Pacific/Chatham", date: "2026-09-27", start: "03:00", end: "04:00",
            expected: ("2026-09-26T14:00:00Z", "2026-09-26T14:15:00Z"),
            note: "03:00 maps to 03:45 (+13:45)"),
        // UTC
        .init(
            zone: "UTC", date: "2026-03-08", start: "00:00", end: "04:00",
            expected: ("2026-03-08T00:00:00Z", "2026-03-08T04:00:00Z"), note: "no offset"),
        .init(
            zone: "UTC", date: "2028-02-29", start: "22:00", end: "06:00",
            expected: ("2028-02-29T22:00:00Z", "2028-03-01T06:00:00Z"),
            note: "overnight from the leap day"),
    ]

    @Test(arguments: cases)
    func spanCompilesToTheWorkedInstants(_ example: DSTCase) throws {
        let date = try day(example.date)
        let calendar = try BusinessCalendar(
            timeZone: example.zone, weeklyHours: [date.weekday: [span(example.start, example.end)]])
        // Five days around the date hold exactly one occurrence of the weekday.
        let noon = try instant("\(example.date)T12:00:00Z")
        let window = try DateRange(
            start: noon.addingTimeInterval(-2.5 * 86_400),
            end: noon.addingTimeInterval(2.5 * 86_400))
        let compiled = try calendar.compiled(for: window)
        if let (start, end) = example.expected {
            let interval = try horizon(start, end)
            #expect(compiled.openIntervals == [interval])
            #expect(compiled.totalBusinessTime == interval.duration)
            #expect(try compiled.nextOpening(after: window.start) == interval.start)
            #expect(try compiled.nextClosing(after: window.start) == interval.end)
            #expect(
                try compiled.deadline(after: window.start, adding: interval.duration)
                    == interval.end)
        } else {
            #expect(compiled.openIntervals.isEmpty)
            #expect(compiled.totalBusinessTime == .zero)
        }
    }

    @Test func partialClosureInTheRepeatedHourClosesBothOccurrences() throws {
        let closure = BusinessCalendar.Holiday(
            date: try day("2026-11-01"), closed: try span("01:00", "02:00"))
        let calendar = try BusinessCalendar.twentyFourSeven(
            timeZone: "America/New_York", holidays: [closure])
        let compiled = try calendar.compiled(
            for: horizon("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z"))
        #expect(compiled.totalBusinessTime == hours(23))
        #expect(
            compiled.openIntervals == [
                try horizon("2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z"),
                try horizon("2026-11-01T07:00:00Z", "2026-11-02T05:00:00Z"),
            ])
    }

    @Test func wholeDayHolidayOnDSTDaysClosesTheRealDay() throws {
        let calendar = try BusinessCalendar.twentyFourSeven(
            timeZone: "America/New_York",
            holidays: [.init(date: day("2026-03-08")), .init(date: day("2026-11-01"))])
        let spring = try calendar.compiled(
            for: horizon("2026-03-07T00:00:00-05:00", "2026-03-10T00:00:00-04:00"))
        #expect(spring.totalBusinessTime == hours(3 * 24 - 1 - 23))
        let fall = try calendar.compiled(
            for: horizon("2026-10-31T00:00:00-04:00", "2026-11-03T00:00:00-05:00"))
        #expect(fall.totalBusinessTime == hours(3 * 24 + 1 - 25))
    }

    @Test func closureInsideTheGapClosesNothing() throws {
        // London's 01:00-02:00 does not exist on 2026-03-29.
        let calendar = try BusinessCalendar.twentyFourSeven(
            timeZone: "Europe/London",
            holidays: [.init(date: day("2026-03-29"), closed: span("01:00", "02:00"))])
        let compiled = try calendar.compiled(
            for: horizon("2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z"))
        #expect(compiled.openIntervals == [compiled.horizon])
    }

    @Test func businessTimeAcrossBothNewYorkTransitions() throws {
        // Every Sunday 01:00-05:00 in New York, over 2026: 52 Sundays of 4 hours, except the
        // spring-forward Sunday (3 hours) and the fall-back Sunday (5 hours) — 208 in all.
        let calendar = try BusinessCalendar(
            timeZone: "America/New_York", weeklyHours: [.sunday: [span("01:00", "05:00")]])
        let year = try calendar.compiled(
            for: horizon("2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00"))
        #expect(year.intervalCount == 52)
        #expect(year.totalBusinessTime == hours(208))
        #expect(
            try year.businessDuration(
                from: instant("2026-03-08T00:00:00-05:00"), to: instant("2026-03-09T00:00:00-04:00")
            )
                == hours(3))
        #expect(
            try year.businessDuration(
                from: instant("2026-11-01T00:00:00-04:00"), to: instant("2026-11-02T00:00:00-05:00")
            )
                == hours(5))
    }

    @Test func kolkataAndChathamOffsetsInQueries() throws {
        let kolkata = try BusinessCalendar(
            timeZone: "Asia/Kolkata", weeklyHours: weekdays([span("09:00", "17:00")])
        )
        .compiled(for: horizon("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"))
        // Friday 2026-03-06 16:00 IST plus 2 hours is Monday 10:00 IST.
        #expect(
            try kolkata.deadline(after: instant("2026-03-06T16:00:00+05:30"), adding: hours(2))
                == instant("2026-03-09T10:00:00+05:30"))
        let chatham = try BusinessCalendar(
            timeZone: "Pacific/Chatham", weeklyHours: weekdays([span("09:00", "17:00")])
        )
        .compiled(for: horizon("2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z"))
        // Friday 2026-04-03 16:00 (+13:45) plus 2 hours is Monday 2026-04-06 10:00 (+12:45).
        #expect(
            try chatham.deadline(after: instant("2026-04-03T16:00:00+13:45"), adding: hours(2))
                == instant("2026-04-06T10:00:00+12:45"))
    }
}
