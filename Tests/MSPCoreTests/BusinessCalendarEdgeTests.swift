import Foundation
import MSPCore
import Testing

/// Edge cases found in review: equal definitions compare equal, sub-millisecond durations,
/// and an opening exactly at the horizon end.
@Suite struct BusinessCalendarEdgeTests {
    @Test func midnightAsAnEndIsTheEndOfTheDay() throws {
        let toMidnight = try span("09:00", "00:00")
        #expect(toMidnight == (try span("09:00", "24:00")))
        #expect(!toMidnight.isOvernight)
        #expect(toMidnight.wallClockMinutes == 900)
        // A real overnight span is unchanged.
        #expect(try span("22:00", "06:00").isOvernight)
    }

    @Test func aWholeDayClosureIsAWholeDayHoliday() throws {
        let christmas = try day("2026-12-25")
        #expect(
            BusinessCalendar.Holiday(date: christmas, closed: .wholeDay)
                == BusinessCalendar.Holiday(date: christmas))
    }

    @Test func anyPositiveDurationNeedsAtLeastOneMillisecond() throws {
        let office = try newYorkOffice()
        let saturday = try instant("2026-03-07T01:00:00-05:00")
        let justAfterOpening = try instant("2026-03-09T09:00:00.001-04:00")
        #expect(
            try office.deadline(after: saturday, adding: .nanoseconds(400_000)) == justAfterOpening)
        #expect(try office.deadline(after: saturday, adding: .milliseconds(1)) == justAfterOpening)
    }

    @Test func anOpeningAtTheHorizonEndIsFound() throws {
        let calendar = try BusinessCalendar(
            timeZone: "America/New_York", weeklyHours: [.monday: [span("09:00", "17:00")]])
        let compiled = try calendar.compiled(
            for: horizon("2026-03-01T00:00:00-05:00", "2026-03-09T09:00:00-04:00"))
        let saturday = try instant("2026-03-07T12:00:00-05:00")
        #expect(try compiled.nextOpening(after: saturday) == instant("2026-03-09T09:00:00-04:00"))
        #expect(try compiled.isOpen(at: saturday) == false)
    }

    @Test func openIntervalsAreTheSpansBusinessTimeCounts() throws {
        let office = try newYorkOffice()
        let from = try instant("2026-03-06T16:00:00-05:00")  // Friday 16:00
        let to = try instant("2026-03-09T10:00:00-04:00")  // Monday 10:00
        let spans = try office.openIntervals(from: from, to: to)
        #expect(
            spans == [
                try horizon("2026-03-06T16:00:00-05:00", "2026-03-06T17:00:00-05:00"),
                try horizon("2026-03-09T09:00:00-04:00", "2026-03-09T10:00:00-04:00"),
            ])
        let total = spans.reduce(Duration.zero) { $0 + $1.duration }
        #expect(try office.businessDuration(from: from, to: to) == total)
        #expect(throws: CalendarError.endBeforeStart(start: to, end: from)) {
            try office.openIntervals(from: to, to: from)
        }
    }
}
