import Foundation
import MSPCore
import Testing

/// How holidays and extra openings sort (a calendar lists them in this order) and how
/// they and usage records read in logs and error messages.
@Suite struct OrderingAndDescriptionTests {
    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    /// By date; on one date the whole-day closure first, then partial closures by span.
    @Test func holidaysSortByDateThenWholeDayThenSpan() throws {
        let christmas = BusinessCalendar.Holiday(date: try day("2026-12-25"))
        let eveAfternoon = BusinessCalendar.Holiday(
            date: try day("2026-12-24"), closed: try BusinessCalendar.Span("12:00", "24:00"))
        let eveMorning = BusinessCalendar.Holiday(
            date: try day("2026-12-24"), closed: try BusinessCalendar.Span("09:00", "12:00"))
        let eve = BusinessCalendar.Holiday(date: try day("2026-12-24"))
        #expect(
            [christmas, eveAfternoon, eve, eveMorning].sorted() == [
                eve, eveMorning, eveAfternoon, christmas,
            ])
        #expect(!(eve < eve))
        #expect(christmas.description == "2026-12-25")
        #expect(eveAfternoon.description == "2026-12-24 closed 12:00-24:00")
        #expect(eveAfternoon.closedSpan == (try BusinessCalendar.Span("12:00", "24:00")))
    }

    @Test func extraOpeningsSortByDateThenSpan() throws {
        let late = BusinessCalendar.ExtraOpening(
            date: try day("2026-12-26"), open: try BusinessCalendar.Span("14:00", "16:00"))
        let early = BusinessCalendar.ExtraOpening(
            date: try day("2026-12-26"), open: try BusinessCalendar.Span("10:00", "14:00"))
        let before = BusinessCalendar.ExtraOpening(
            date: try day("2026-12-20"), open: try BusinessCalendar.Span("10:00", "12:00"))
        #expect([late, early, before].sorted() == [before, early, late])
        #expect(early.description == "2026-12-26 open 10:00-14:00")
    }

    @Test func usageRecordsDescribeTheirMeasure() throws {
        let april = try BillingPeriod(
            startDate: day("2026-04-01"), endDate: day("2026-05-01"), timeZoneIdentifier: "UTC")
        let days = try UnitUsage(
            customer: CustomerID("acme"), category: .workstation,
            measure: .unitDays(1_190, period: april))
        let seconds = try UnitUsage(
            customer: CustomerID("acme"), category: .server,
            measure: .unitSeconds(86_400, period: april))
        #expect(days.description == "acme workstation: 1190 unit-days in 2026-04-01..<2026-05-01")
        #expect(
            seconds.description == "acme server: 86400 unit-seconds in 2026-04-01..<2026-05-01")
    }
}
