import Foundation

/// A recurring billing schedule: every *N* months on an anchor day, or every *N* weeks on
/// an anchor weekday, in one IANA time zone.
///
/// A cycle divides time into consecutive half-open ``BillingPeriod``s. Each period starts at
/// the first instant (normally local midnight) of a *local start date* in the cycle's time
/// zone, and ends where the next one starts, so periods never overlap and leave no gap.
///
/// ## Monthly cycles
///
/// A monthly cycle starts a period on its ``anchorDay`` (1...31) of every *interval*-th
/// month. A month shorter than the anchor day starts the period on its last day instead,
/// and every start date is computed from the anchor, never from the previous start, so one
/// short month does not drag the later ones. With anchor day 31:
///
/// | period | start date | end date (exclusive) |
/// |---|---|---|
/// | January | 2026-01-31 | 2026-02-28 |
/// | February | 2026-02-28 | 2026-03-31 |
/// | March | 2026-03-31 | 2026-04-30 |
/// | April | 2026-04-30 | 2026-05-31 |
///
/// In a leap year the second row is 2028-02-29 ... 2028-03-31.
///
/// The ``anchorDate`` is a start date of one period (the one with index 0); it fixes which
/// months start a period when the interval is more than one month. A quarterly cycle
/// anchored at 2025-11-30 starts periods on 2025-11-30, 2026-02-28, 2026-05-30,
/// 2026-08-30, 2026-11-30.
///
/// ## Weekly cycles
///
/// A weekly cycle starts a period every *interval* × 7 days counted from the anchor date,
/// so every period starts on the anchor date's weekday.
///
/// ## Time zones and daylight saving time
///
/// Boundaries are local: a period of a New York cycle starts at New York midnight. A
/// period that contains a daylight-saving switch is an hour shorter or longer than its
/// days suggest: the weekly period from Sunday 2026-03-08 in America/New_York lasts 167
/// hours, and March 2026 lasts 30 days 23 hours. When local midnight does not exist
/// because clocks jump over it (America/Santiago on 2022-09-11), the period starts at the
/// first instant of that local day, the transition itself (local 01:00).
///
/// ## JSON
///
/// ```json
/// {"unit": "month", "interval": 1, "anchorDate": "2026-01-31", "anchorDay": 31,
///  "timeZone": "America/New_York"}
/// {"unit": "week", "interval": 2, "anchorDate": "2026-01-05", "timeZone": "Europe/London"}
/// ```
///
/// Decoding re-validates every field.
public struct BillingCycle: Sendable {
    /// The calendar unit a cycle counts in.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Calendar months; periods start on the anchor day, clamped to the month's end.
        case month
        /// Weeks of seven local days; periods start on the anchor date's weekday.
        case week
    }

    /// The most periods ``periods(overlapping:limits:)`` returns: 100,000, the hard maximum
    /// of ``ResourceLimits/periodsPerRequest``.
    public static let maximumPeriodCount = 100_000
    /// The allowed intervals of monthly cycles: up to 100 years.
    public static let monthIntervals: ClosedRange<Int> = 1...1200
    /// The allowed intervals of weekly cycles: up to about 100 years.
    public static let weekIntervals: ClosedRange<Int> = 1...5200

    /// Whether the cycle counts months or weeks.
    public let unit: Unit
    /// How many units each period spans: 1 for monthly, 3 for quarterly, 2 for fortnightly.
    public let interval: Int
    /// The start date of the period with index 0; every other start date is a whole number
    /// of intervals away from it.
    public let anchorDate: LocalDate
    /// For monthly cycles, the day of the month periods start on, 1...31, clamped to the
    /// month's last day. `nil` for weekly cycles.
    public let anchorDay: Int?
    /// The IANA identifier of the time zone that period boundaries are local to.
    public let timeZoneIdentifier: String

    internal let clock: ZonedClock

    /// Creates a cycle from its parts; the static factories cover the common cases.
    ///
    /// - Parameters:
    ///   - unit: Months or weeks.
    ///   - interval: Units per period, 1...1200 months or 1...5200 weeks.
    ///   - anchorDate: The start date of one period.
    ///   - anchorDay: Monthly cycles only: the day of the month periods start on, 1...31.
    ///     `nil` takes the anchor date's day. It may exceed the anchor date's day when that
    ///     date is its month's last day (anchor day 31 with anchor date 2026-02-28).
    ///   - timeZoneIdentifier: An IANA time-zone identifier such as `"Europe/London"`.
    /// - Throws: ``PeriodError`` `invalidInterval`, `invalidAnchorDay`, `anchorMismatch`
    ///   when the anchor date is not the (clamped) anchor day of its month, or when an
    ///   anchor day is given to a weekly cycle; `unknownTimeZone`.
    public init(
        unit: Unit, interval: Int, anchorDate: LocalDate, anchorDay: Int? = nil,
        timeZoneIdentifier: String
    ) throws(PeriodError) {
        switch unit {
        case .month:
            guard BillingCycle.monthIntervals.contains(interval) else {
                throw .invalidInterval(
                    interval, unit: unit.rawValue, allowed: BillingCycle.monthIntervals)
            }
            let day = anchorDay ?? anchorDate.day
            guard (1...31).contains(day) else { throw .invalidAnchorDay(day) }
            let clamped = min(
                day, LocalDate.daysInMonth(year: anchorDate.year, month: anchorDate.month))
            guard clamped == anchorDate.day else {
                throw .anchorMismatch(anchorDate: anchorDate, anchorDay: day)
            }
            self.anchorDay = day
        case .week:
            guard BillingCycle.weekIntervals.contains(interval) else {
                throw .invalidInterval(
                    interval, unit: unit.rawValue, allowed: BillingCycle.weekIntervals)
            }
            if let day = anchorDay {
                throw .anchorMismatch(anchorDate: anchorDate, anchorDay: day)
            }
            self.anchorDay = nil
        }
        self.unit = unit
        self.interval = interval
        self.anchorDate = anchorDate
        self.timeZoneIdentifier = timeZoneIdentifier
        self.clock = try ZonedClock(identifier: timeZoneIdentifier)
        #if DEBUG
            _checkInvariants()
        #endif
    }

    /// Asserts the cycle's invariants: an interval in range, and for monthly cycles an
    /// anchor day in 1...31 whose clamped day is the anchor date's day. Runs in debug builds.
    internal func _checkInvariants() {
        switch unit {
        case .month:
            assert(BillingCycle.monthIntervals.contains(interval), "interval \(interval)")
            let day = anchorDay ?? 0
            assert((1...31).contains(day), "anchor day \(day)")
            assert(
                min(day, LocalDate.daysInMonth(year: anchorDate.year, month: anchorDate.month))
                    == anchorDate.day, "anchor date \(anchorDate) is not on day \(day)")
        case .week:
            assert(BillingCycle.weekIntervals.contains(interval), "interval \(interval)")
            assert(anchorDay == nil, "weekly cycle with anchor day")
        }
    }

    /// The weekday every period starts on, for weekly cycles; `nil` for monthly ones.
    public var anchorWeekday: Weekday? { unit == .week ? anchorDate.weekday : nil }
}

// MARK: - Periods

extension BillingCycle {
    /// The period with index `index`: 0 starts on the anchor date, 1 is the next, -1 the
    /// one before.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` when the period reaches outside years
    ///   1...9999.
    public func period(at index: Int) throws(PeriodError) -> BillingPeriod {
        let (next, overflow) = index.addingReportingOverflow(1)
        guard !overflow else { throw .outOfRange("period \(index)", field: "index") }
        let first = try startDate(ofPeriod: index)
        let following = try startDate(ofPeriod: next)
        return BillingPeriod(
            index: index, startDate: first, endDate: following,
            range: DateRange(
                milliseconds: try clock.startOfDay(first), try clock.startOfDay(following)),
            timeZoneIdentifier: timeZoneIdentifier, clock: clock)
    }

    /// The period that contains `instant`.
    ///
    /// An instant exactly on a boundary belongs to the later period, because periods are
    /// half-open: 2026-02-01T00:00 in a monthly cycle on day 1 is in February.
    ///
    /// - Throws: ``PeriodError`` `invalidInstant` for a non-finite instant, `outOfRange`
    ///   when the period reaches outside years 1...9999.
    /// - Complexity: O(1): the index comes from month or day arithmetic on the anchor.
    public func period(containing instant: Date) throws(PeriodError) -> BillingPeriod {
        try locatePeriod(containing: Instant.milliseconds(instant, field: "instant"))
    }

    /// The period that follows `period`: the one containing its end.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` past year 9999.
    public func period(after period: BillingPeriod) throws(PeriodError) -> BillingPeriod {
        try locatePeriod(containing: period.range.endMilliseconds)
    }

    /// The period that precedes `period`: the one containing the last millisecond before
    /// its start.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` before year 1.
    public func period(before period: BillingPeriod) throws(PeriodError) -> BillingPeriod {
        try locatePeriod(containing: period.range.startMilliseconds - 1)
    }

    /// The periods that share at least one instant with `range`, in order. An empty range
    /// overlaps no period.
    ///
    /// - Parameters:
    ///   - range: The instants the periods must touch.
    ///   - limits: The limits to enforce; ``ResourceLimits/default`` unless a host lowers
    ///     them.
    /// - Throws: ``PeriodError`` `tooManyPeriods` when more than `limits.periodsPerRequest`
    ///   periods (by default ``maximumPeriodCount``) overlap the range (checked before any
    ///   is built), `outOfRange`.
    /// - Complexity: O(*p*) for *p* periods returned.
    public func periods(overlapping range: DateRange, limits: ResourceLimits = .default)
        throws(PeriodError) -> [BillingPeriod]
    {
        guard !range.isEmpty else { return [] }
        let first = try index(containing: range.startMilliseconds)
        let last = try index(containing: range.endMilliseconds - 1)
        let count = last - first + 1
        guard count <= limits.periodsPerRequest else {
            throw .tooManyPeriods(count, limit: limits.periodsPerRequest)
        }
        var result: [BillingPeriod] = []
        result.reserveCapacity(count)
        var startDate = try startDate(ofPeriod: first)
        var start = try clock.startOfDay(startDate)
        for index in first...last {
            let endDate = try self.startDate(ofPeriod: index + 1)
            let end = try clock.startOfDay(endDate)
            result.append(
                BillingPeriod(
                    index: index, startDate: startDate, endDate: endDate,
                    range: DateRange(milliseconds: start, end),
                    timeZoneIdentifier: timeZoneIdentifier, clock: clock))
            startDate = endDate
            start = end
        }
        return result
    }

    /// The local start date of period `index`.
    internal func startDate(ofPeriod index: Int) throws(PeriodError) -> LocalDate {
        let (steps, overflow) = index.multipliedReportingOverflow(by: interval)
        // Built only when thrown: this runs for every period a query touches.
        var outOfRange: PeriodError { .outOfRange("period \(index)", field: "index") }
        guard !overflow else { throw outOfRange }
        switch unit {
        case .month:
            let (month, overflow) = anchorDate.monthIndex.addingReportingOverflow(steps)
            guard !overflow else { throw outOfRange }
            do {
                return try LocalDate(monthIndex: month, clampingDay: anchorDay ?? anchorDate.day)
            } catch {
                throw outOfRange
            }
        case .week:
            let (days, overflow) = steps.multipliedReportingOverflow(by: 7)
            guard !overflow else { throw outOfRange }
            do {
                return try anchorDate.adding(days: days)
            } catch {
                throw outOfRange
            }
        }
    }

    /// The index of the period containing `milliseconds`.
    internal func index(containing milliseconds: Int64) throws(PeriodError) -> Int {
        try locatePeriod(containing: milliseconds).index
    }

    /// The period containing `milliseconds`, built from the one lookup that found it.
    internal func locatePeriod(containing milliseconds: Int64) throws(PeriodError)
        -> BillingPeriod
    {
        let date = try clock.localDate(at: milliseconds)
        var index: Int
        switch unit {
        case .month:
            index = floorDivide(date.monthIndex - anchorDate.monthIndex, interval)
            if date < (try startDate(ofPeriod: index)) { index -= 1 }
        case .week:
            index = floorDivide(anchorDate.days(to: date), 7 * interval)
        }
        var startDate = try startDate(ofPeriod: index)
        var endDate = try self.startDate(ofPeriod: index + 1)
        var start = try clock.startOfDay(startDate)
        var end = try clock.startOfDay(endDate)
        // The local date decides except around a transition that repeats or skips local
        // midnight; compare instants to settle those. Each step moves one period.
        for _ in 0..<4 {
            if milliseconds < start {
                index -= 1
                (endDate, end) = (startDate, start)
                startDate = try self.startDate(ofPeriod: index)
                start = try clock.startOfDay(startDate)
            } else if milliseconds >= end {
                index += 1
                (startDate, start) = (endDate, end)
                endDate = try self.startDate(ofPeriod: index + 1)
                end = try clock.startOfDay(endDate)
            } else {
                break
            }
        }
        return BillingPeriod(
            index: index, startDate: startDate, endDate: endDate,
            range: DateRange(milliseconds: start, end), timeZoneIdentifier: timeZoneIdentifier,
            clock: clock)
    }
}

/// Equal when every stored property is; the zone's clock follows from its identifier.
extension BillingCycle: Hashable {}

extension BillingCycle: CustomStringConvertible {
    /// `"every 1 month on day 31 from 2000-01-31 in America/New_York"`.
    public var description: String {
        switch unit {
        case .month:
            "every \(interval) month on day \(anchorDay ?? anchorDate.day) from \(anchorDate)"
                + " in \(timeZoneIdentifier)"
        case .week:
            "every \(interval) week on \(anchorDate.weekday.rawValue) from \(anchorDate)"
                + " in \(timeZoneIdentifier)"
        }
    }
}
