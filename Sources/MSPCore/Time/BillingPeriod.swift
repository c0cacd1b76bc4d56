import Foundation

/// One period of a ``BillingCycle``: a half-open range of instants together with the local
/// calendar dates it spans.
///
/// ``startDate`` is the local date of the first day and ``endDate`` the local date of the
/// first day *after* the period (the next period's start date), so the period covers
/// ``dayCount`` local days. With anchor day 31, the February 2026 period has start date
/// 2026-02-28, end date 2026-03-31 and 31 days.
///
/// JSON, with instants as ISO 8601 strings in UTC:
///
/// ```json
/// {"index": 0, "startDate": "2026-03-01", "endDate": "2026-04-01",
///  "start": "2026-03-01T05:00:00.000Z", "end": "2026-04-01T04:00:00.000Z",
///  "timeZone": "America/New_York"}
/// ```
///
/// Decoding checks that `start` and `end` are the first instants of `startDate` and
/// `endDate` in the time zone.
public struct BillingPeriod: Sendable {
    /// The position of the period in its cycle: 0 starts on the cycle's anchor date.
    public let index: Int
    /// The local date of the period's first day.
    public let startDate: LocalDate
    /// The local date of the first day after the period (exclusive).
    public let endDate: LocalDate
    /// The instants of the period, `[start, end)`.
    public let range: DateRange
    /// The IANA identifier of the time zone the dates are local to.
    public let timeZoneIdentifier: String

    internal let clock: ZonedClock

    internal init(
        index: Int, startDate: LocalDate, endDate: LocalDate, range: DateRange,
        timeZoneIdentifier: String, clock: ZonedClock
    ) {
        self.index = index
        self.startDate = startDate
        self.endDate = endDate
        self.range = range
        self.timeZoneIdentifier = timeZoneIdentifier
        self.clock = clock
        #if DEBUG
            _checkInvariants()
        #endif
    }

    /// Asserts the period's invariants: at least one local day, and a non-empty range.
    /// Runs in debug builds, so every period built by the tests is checked.
    internal func _checkInvariants() {
        assert(startDate < endDate, "period \(startDate)..<\(endDate) has no day")
        assert(!range.isEmpty, "period \(startDate)..<\(endDate) has an empty range \(range)")
    }

    /// Creates a period covering the local days `startDate ..< endDate`, for proration
    /// against a period that does not come from a ``BillingCycle``.
    ///
    /// - Parameters:
    ///   - startDate: The local date of the first day.
    ///   - endDate: The local date of the first day after the period.
    ///   - timeZoneIdentifier: The IANA time zone the dates are local to.
    ///   - index: A caller-chosen position; 0 by default.
    /// - Throws: ``PeriodError`` `endBeforeStart` unless `startDate < endDate`,
    ///   `unknownTimeZone`, `outOfRange`.
    public init(
        startDate: LocalDate, endDate: LocalDate, timeZoneIdentifier: String, index: Int = 0
    ) throws(PeriodError) {
        let clock = try ZonedClock(identifier: timeZoneIdentifier)
        let start = try clock.startOfDay(startDate)
        let end = try clock.startOfDay(endDate)
        guard startDate < endDate, start < end else {
            throw .endBeforeStart(
                start: Instant.date(milliseconds: start), end: Instant.date(milliseconds: end))
        }
        self.init(
            index: index, startDate: startDate, endDate: endDate,
            range: DateRange(milliseconds: start, end), timeZoneIdentifier: timeZoneIdentifier,
            clock: clock)
    }

    /// The first instant of the period.
    public var start: Date { range.start }
    /// The first instant after the period.
    public var end: Date { range.end }
    /// The exact length of the period; 23 or 25 hours off whole days across a DST switch.
    public var duration: Duration { range.duration }
    /// The number of local calendar days in the period, `startDate` to `endDate`.
    public var dayCount: Int { startDate.days(to: endDate) }
    /// The local date of the period's last day.
    public var lastDate: LocalDate {
        (try? endDate.adding(days: -1)) ?? startDate
    }

    /// Whether `instant` lies in the period.
    public func contains(_ instant: Date) -> Bool { range.contains(instant) }
}

/// Equal when every stored property is; the zone's clock follows from its identifier.
extension BillingPeriod: Hashable {}

extension BillingPeriod: CustomStringConvertible {
    /// `"#0 2026-01-31..<2026-02-28 America/New_York [2026-01-31T05:00:00.000Z, …)"`.
    public var description: String {
        "#\(index) \(startDate)..<\(endDate) \(timeZoneIdentifier) \(range)"
    }
}
