import Foundation

/// Opening hours in a time zone: weekly spans, holidays and extra openings.
///
/// A business calendar answers "how much business time lies between two instants" and
/// "when has a given amount of business time elapsed" — the clock behind SLA deadlines. The
/// calendar itself is a small, `Codable` definition; ``compiled(for:limits:)`` turns it into a
/// ``Compiled`` form over an explicit horizon that answers each query in O(log *n*).
///
/// ```swift
/// let calendar = try BusinessCalendar(
///     timeZone: "America/New_York",
///     weeklyHours: [
///         .monday: [try .init("09:00", "17:00")], .tuesday: [try .init("09:00", "17:00")],
///         .wednesday: [try .init("09:00", "17:00")], .thursday: [try .init("09:00", "17:00")],
///         .friday: [try .init("09:00", "17:00")],
///     ],
///     holidays: [.init(date: try .init(parsing: "2026-12-25"))])
/// let compiled = try calendar.compiled(for: year2026)
/// // Friday 2026-03-06 16:00 EST plus 2 business hours is Monday 2026-03-09 10:00 EDT.
/// let due = try compiled.deadline(after: fridayAt4pm, adding: .seconds(7200))
/// ```
///
/// ## Open time
///
/// The open time is the weekly spans of each date, minus the holidays and partial
/// closures, plus the extra openings (an extra opening wins over a holiday). A span belongs
/// to the date it starts on: an overnight span `22:00-06:00` on Friday is open from Friday
/// 22:00 to Saturday 06:00, and a whole-day holiday on Saturday closes its 00:00-06:00
/// tail. Spans are wall-clock times in the calendar's time zone; their union is taken after
/// each has been converted to instants, so touching or overlapping spans never count time
/// twice.
///
/// ## Daylight saving time
///
/// Each span bound is converted from wall-clock time to an instant with the zone's real
/// UTC offsets, and business time is the real time elapsed between those instants. Two rules
/// settle the wall-clock times that do not name exactly one instant:
///
/// - **A time that does not exist** (in the gap when clocks spring forward) maps to the
///   first instant after the gap, for a start and an end alike. So the skipped wall-clock
///   time is never counted. New York, Sunday 2026-03-08, clocks go from 02:00 EST to
///   03:00 EDT: a span `01:00-05:00` runs from 01:00 EST (06:00Z) to 05:00 EDT (09:00Z),
///   **3 real hours**; a span `02:30-05:00` starts at 03:00 EDT (07:00Z), 2 real hours; a
///   span `02:00-02:30` lies wholly in the gap and is empty.
/// - **A time that happens twice** (when clocks fall back) maps to its *first* occurrence
///   when it starts a span and to its *second* occurrence when it ends one, so the whole
///   repeated hour is counted, as the real time it is. New York, Sunday 2026-11-01, clocks
///   go from 02:00 EDT back to 01:00 EST: a span `00:00-04:00` runs from 00:00 EDT (04:00Z)
///   to 04:00 EST (09:00Z), **5 real hours**; a span `01:00-01:30` runs from 01:00 EDT
///   (05:00Z) to 01:30 EST (06:30Z), 1.5 real hours. A holiday or partial closure follows
///   the same rules, so a closure of `01:00-02:00` on that day closes 2 real hours. One
///   consequence: a closure that *ends* at a repeated time and a span that *starts* at it
///   meet at different instants. A closure `00:00-01:30` and a span `01:30-05:00` that day
///   overlap by the repeated hour, so the span opens at 01:30 EST (06:30Z), not 01:30 EDT.
///
/// Zones without DST (`Asia/Kolkata`, `UTC`) need neither rule; zones with a 30-minute shift
/// (`Australia/Lord_Howe`) or an offset such as +12:45 (`Pacific/Chatham`) follow them the
/// same way.
///
/// ## Validation
///
/// Building a calendar checks that the time zone is a known IANA identifier and that no two
/// weekly spans share a minute of the week — including an overnight span that runs into the
/// next day's first span, or Sunday's overnight span into Monday. Holidays and extra
/// openings may overlap each other; they are merged. The definition is normalised: spans,
/// holidays and extra openings are sorted and exact duplicates dropped, so two calendars
/// with the same content compare equal.
public struct BusinessCalendar: Sendable, Hashable {
    /// The IANA time-zone identifier, such as `"America/New_York"`.
    public let timeZoneIdentifier: String
    /// The open spans of each weekday, sorted by start; weekdays with no hours are absent.
    public let weeklyHours: [Weekday: [Span]]
    /// The holidays and partial closures, sorted, without duplicates.
    public let holidays: [Holiday]
    /// The extra openings, sorted, without duplicates.
    public let extraOpenings: [ExtraOpening]

    /// The longest horizon ``compiled(for:limits:)`` accepts: 18,300 days, 50 years of 366 days.
    public static let maximumHorizonDays = 18_300
    /// The most open intervals ``compiled(for:limits:)`` may produce: 2,000,000 (three `Int64`
    /// arrays, 48 MB). Compilation checks, before doing any work, that the weekly spans
    /// falling in the horizon plus the holidays and extra openings stay within it, and
    /// throws ``CalendarError`` `tooManyIntervals` otherwise.
    public static let maximumCompiledIntervals = 2_000_000

    /// Creates a calendar.
    ///
    /// - Parameters:
    ///   - timeZone: An IANA time-zone identifier, such as `"Europe/London"`.
    ///   - weeklyHours: The open spans of each weekday. An overnight span runs into the next
    ///     day; `00:00-24:00` is a whole day.
    ///   - holidays: Whole-day holidays and partial closures.
    ///   - extraOpenings: Spans open on given dates even if otherwise closed.
    /// - Throws: ``CalendarError`` `unknownTimeZone` for an identifier the system does not
    ///   know, `overlappingSpans` for two weekly spans that share time.
    /// - Complexity: O(*s* log *s* + *h* log *h*) for *s* weekly spans and *h* holidays and
    ///   extra openings.
    public init(
        timeZone: String,
        weeklyHours: [Weekday: [Span]],
        holidays: [Holiday] = [],
        extraOpenings: [ExtraOpening] = []
    ) throws(CalendarError) {
        guard ZonedClock(named: timeZone) != nil else { throw .unknownTimeZone(timeZone) }
        var normalisedHours: [Weekday: [Span]] = [:]
        for (weekday, spans) in weeklyHours where !spans.isEmpty {
            normalisedHours[weekday] = spans.sorted()
        }
        try BusinessCalendar.checkNoOverlap(normalisedHours)
        self.timeZoneIdentifier = timeZone
        self.weeklyHours = normalisedHours
        self.holidays = BusinessCalendar.sortedUnique(holidays)
        self.extraOpenings = BusinessCalendar.sortedUnique(extraOpenings)
    }

    /// A calendar open around the clock, every day: each weekday is `00:00-24:00`.
    ///
    /// Its business time equals wall-clock time, except on the given holidays.
    ///
    /// - Throws: ``CalendarError`` `unknownTimeZone`.
    public static func twentyFourSeven(
        timeZone: String = "UTC", holidays: [Holiday] = []
    ) throws(CalendarError) -> BusinessCalendar {
        var hours: [Weekday: [Span]] = [:]
        for weekday in Weekday.allCases { hours[weekday] = [.wholeDay] }
        return try BusinessCalendar(timeZone: timeZone, weeklyHours: hours, holidays: holidays)
    }

    /// The spans of `weekday`, empty when the day has no hours.
    public func spans(on weekday: Weekday) -> [Span] { weeklyHours[weekday] ?? [] }

    /// Throws `overlappingSpans` for the first two spans of the week that share a minute.
    private static func checkNoOverlap(_ hours: [Weekday: [Span]]) throws(CalendarError) {
        // Lay the week out as minutes 0..<10080 from Monday 00:00; spans are sorted per day,
        // so the list is sorted by start once the days are in order.
        var laidOut: [(start: Int, end: Int, span: Span, day: Weekday)] = []
        for weekday in Weekday.allCases {
            for span in hours[weekday] ?? [] {
                let dayStart = (weekday.isoNumber - 1) * minutesPerDay
                laidOut.append(
                    (
                        dayStart + span.start.minutesSinceMidnight,
                        dayStart + span.endMinutesFromStartDay, span, weekday
                    ))
            }
        }
        for (previous, next) in zip(laidOut, laidOut.dropFirst()) where previous.end > next.start {
            throw .overlappingSpans(previous.span, on: previous.day, next.span, on: next.day)
        }
        // Sunday's overnight span wraps around into Monday.
        let week = 7 * minutesPerDay
        if let last = laidOut.last, let first = laidOut.first, last.end > week,
            last.end - week > first.start
        {
            throw .overlappingSpans(last.span, on: last.day, first.span, on: first.day)
        }
    }

    /// `values` sorted with exact duplicates removed.
    private static func sortedUnique<T: Comparable>(_ values: [T]) -> [T] {
        var result: [T] = []
        for value in values.sorted() where result.last != value { result.append(value) }
        return result
    }
}

extension BusinessCalendar: CustomStringConvertible {
    /// A one-line summary, such as
    /// `America/New_York monday 09:00-17:00, friday 09:00-17:00; 1 holiday, 0 extra openings`.
    public var description: String {
        let days = Weekday.allCases.compactMap { weekday -> String? in
            guard let spans = weeklyHours[weekday] else { return nil }
            return "\(weekday.rawValue) " + spans.map(\.description).joined(separator: " ")
        }
        let holidayText = holidays.count == 1 ? "1 holiday" : "\(holidays.count) holidays"
        let extraText =
            extraOpenings.count == 1 ? "1 extra opening" : "\(extraOpenings.count) extra openings"
        let hours = days.isEmpty ? "no weekly hours" : days.joined(separator: ", ")
        return "\(timeZoneIdentifier) \(hours); \(holidayText), \(extraText)"
    }
}
