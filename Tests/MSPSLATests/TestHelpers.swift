import Foundation
import MSPCore
import MSPSLA
import Testing

// Helpers shared by the MSPSLA test files.

/// The instant of an ISO 8601 text with an offset, such as `2026-03-06T16:00:00-05:00`.
func instant(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return try #require(formatter.date(from: text), "not an ISO 8601 instant: \(text)")
}

/// Hours as a `Duration`.
func hours(_ value: Int64) -> Duration { .seconds(value * 3600) }

/// Minutes as a `Duration`.
func minutes(_ value: Int64) -> Duration { .seconds(value * 60) }

/// A fraction.
func fraction(_ numerator: Int64, _ denominator: Int64) throws -> Rational {
    try Rational(numerator, denominator)
}

/// The same spans Monday to Friday.
func weekdays(_ spans: [BusinessCalendar.Span]) -> [Weekday: [BusinessCalendar.Span]] {
    [.monday: spans, .tuesday: spans, .wednesday: spans, .thursday: spans, .friday: spans]
}

/// The compile horizon used by the tests: all of 2026 and January 2027, UTC.
func testHorizon() throws -> DateRange {
    try DateRange(
        start: instant("2026-01-01T00:00:00Z"), end: instant("2027-02-01T00:00:00Z"))
}

/// Monday to Friday 09:00-17:00 in New York, with holidays given as `YYYY-MM-DD`.
func newYorkOffice(holidays: [String] = []) throws -> BusinessCalendar.Compiled {
    let calendar = try BusinessCalendar(
        timeZone: "America/New_York",
        weeklyHours: weekdays([try BusinessCalendar.Span("09:00", "17:00")]),
        holidays: try holidays.map { .init(date: try LocalDate(parsing: $0)) })
    return try calendar.compiled(for: testHorizon())
}

/// Every day 22:00-06:00 (overnight) in `zone`.
func overnightDesk(_ zone: String) throws -> BusinessCalendar.Compiled {
    let span = try BusinessCalendar.Span("22:00", "06:00")
    var hours: [Weekday: [BusinessCalendar.Span]] = [:]
    for weekday in Weekday.allCases { hours[weekday] = [span] }
    return try BusinessCalendar(timeZone: zone, weeklyHours: hours).compiled(for: testHorizon())
}

/// Around the clock in `zone`.
func allDay(_ zone: String) throws -> BusinessCalendar.Compiled {
    try BusinessCalendar.twentyFourSeven(timeZone: zone).compiled(for: testHorizon())
}

/// A one-priority engine with one target of each given kind on calendar `"cal"`.
func engine(
    _ targets: [(SLATargetKind, Duration)], calendar: BusinessCalendar.Compiled,
    warnings: [Rational] = [], pauses: [TicketStatus: Set<SLATargetKind>] = [:],
    options: SLAPolicy.Options = .init()
) throws -> SLAEngine {
    let list = try targets.map {
        try SLATarget(kind: $0.0, duration: $0.1, calendar: "cal", warningThresholds: warnings)
    }
    let policy = try SLAPolicy(targets: ["P1": list], pauses: pauses, options: options)
    return try SLAEngine(policy: policy, calendars: ["cal": calendar])
}

/// `created(P1)` at `text`.
func created(_ text: String, _ priority: TicketPriority = "P1") throws -> TicketEvent {
    TicketEvent(.created(priority: priority), at: try instant(text))
}

/// An event of `kind` at `text`.
func event(_ kind: TicketEvent.Kind, _ text: String) throws -> TicketEvent {
    TicketEvent(kind, at: try instant(text))
}
