/// How a part of a billing period is measured against the whole period.
///
/// Encoded in JSON by its case name: `"calendarDays"` or `"elapsedTime"`.
///
/// | basis | part | whole | [Jan 15 00:00, Feb 1 00:00) of January | March 8–15 2026, New York |
/// |---|---|---|---|---|
/// | ``calendarDays`` | local days touched | local days | 17/31 | 7/31 |
/// | ``elapsedTime`` | milliseconds | milliseconds | 17/31 | 167 h / 743 h |
///
/// The two agree whenever the bounds are local midnights and no DST switch falls in the
/// period. They differ across a switch, because March 2026 in New York lasts 30 days 23
/// hours (743 hours), and for bounds inside a day.
public enum ProrationBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Counts local calendar days in the period's time zone.
    ///
    /// The part is the number of local days from the day containing the sub-range's start
    /// (inclusive) to the day containing its end (exclusive), where an end that is not the
    /// first instant of a day rounds up to the next day: *any use of a day counts the whole
    /// day*. An empty sub-range counts 0 days. A device removed at Jan 15 00:00 used
    /// Jan 1...14, 14/31 of January; one removed at Jan 15 09:30 used 15/31.
    ///
    /// Because a day touched by two sub-ranges counts in both, the fractions of a partition
    /// of a period add up to exactly 1 only when the cuts fall on local midnights. Use
    /// ``elapsedTime`` when parts must always add up.
    case calendarDays
    /// Counts elapsed milliseconds; a DST day has 23 or 25 hours.
    ///
    /// The fractions of any partition of a period add up to exactly 1.
    case elapsedTime
}
