extension BillingCycle {
    /// A monthly cycle starting each period on `anchorDay`, clamped to the month's end.
    ///
    /// Anchor day 31 starts periods on Jan 31, Feb 28 (29 in a leap year), Mar 31, Apr 30.
    ///
    /// The anchor date is the anchor day of January 2000, so period 0 is the one starting
    /// in January 2000; indexes count months from there.
    ///
    /// - Throws: ``PeriodError`` `invalidAnchorDay` outside 1...31, `unknownTimeZone`.
    public static func monthly(
        anchorDay: Int, timeZoneIdentifier: String
    ) throws(PeriodError) -> BillingCycle {
        guard (1...31).contains(anchorDay) else { throw .invalidAnchorDay(anchorDay) }
        // January has 31 days, so any anchor day is a valid start date in it.
        return try BillingCycle(
            unit: .month, interval: 1, anchorDate: LocalDate(unchecked: 2000, 1, anchorDay),
            anchorDay: anchorDay, timeZoneIdentifier: timeZoneIdentifier)
    }

    /// A cycle of `interval` months with one period starting on `anchorDate`, such as a
    /// contract's start date.
    ///
    /// The anchor day is `anchorDay`, or the anchor date's day when `nil`. A contract
    /// starting 2026-02-28 that should bill on month ends passes `anchorDay: 31`.
    ///
    /// - Throws: ``PeriodError`` `invalidInterval` outside 1...1200, `invalidAnchorDay`,
    ///   `anchorMismatch`, `unknownTimeZone`.
    public static func monthly(
        every interval: Int = 1, anchoredAt anchorDate: LocalDate, anchorDay: Int? = nil,
        timeZoneIdentifier: String
    ) throws(PeriodError) -> BillingCycle {
        try BillingCycle(
            unit: .month, interval: interval, anchorDate: anchorDate, anchorDay: anchorDay,
            timeZoneIdentifier: timeZoneIdentifier)
    }

    /// A cycle of three months with one period starting on `anchorDate`.
    ///
    /// Anchored at 2025-11-30, periods start 2025-11-30, 2026-02-28, 2026-05-30, ...
    ///
    /// - Throws: See ``monthly(every:anchoredAt:anchorDay:timeZoneIdentifier:)``.
    public static func quarterly(
        anchoredAt anchorDate: LocalDate, anchorDay: Int? = nil, timeZoneIdentifier: String
    ) throws(PeriodError) -> BillingCycle {
        try monthly(
            every: 3, anchoredAt: anchorDate, anchorDay: anchorDay,
            timeZoneIdentifier: timeZoneIdentifier)
    }

    /// A cycle of six months with one period starting on `anchorDate`.
    ///
    /// - Throws: See ``monthly(every:anchoredAt:anchorDay:timeZoneIdentifier:)``.
    public static func semiannual(
        anchoredAt anchorDate: LocalDate, anchorDay: Int? = nil, timeZoneIdentifier: String
    ) throws(PeriodError) -> BillingCycle {
        try monthly(
            every: 6, anchoredAt: anchorDate, anchorDay: anchorDay,
            timeZoneIdentifier: timeZoneIdentifier)
    }

    /// A cycle of twelve months with one period starting on `anchorDate`.
    ///
    /// Anchored at 2028-02-29, periods start 2028-02-29, 2029-02-28, 2030-02-28, ...,
    /// 2032-02-29.
    ///
    /// - Throws: See ``monthly(every:anchoredAt:anchorDay:timeZoneIdentifier:)``.
    public static func annual(
        anchoredAt anchorDate: LocalDate, anchorDay: Int? = nil, timeZoneIdentifier: String
    ) throws(PeriodError) -> BillingCycle {
        try monthly(
            every: 12, anchoredAt: anchorDate, anchorDay: anchorDay,
            timeZoneIdentifier: timeZoneIdentifier)
    }

    /// A cycle of one week starting on `weekday`.
    ///
    /// The anchor date is `weekday` in the week of Monday 2001-01-01, so period 0 is that
    /// week; indexes count weeks from there.
    ///
    /// - Throws: ``PeriodError`` `unknownTimeZone`.
    public static func weekly(
        on weekday: Weekday, timeZoneIdentifier: String
    ) throws(PeriodError) -> BillingCycle {
        // 2001-01-01 was a Monday.
        let anchor = LocalDate(unchecked: 2001, 1, weekday.isoNumber)
        return try BillingCycle(
            unit: .week, interval: 1, anchorDate: anchor, timeZoneIdentifier: timeZoneIdentifier)
    }

    /// A cycle of `interval` weeks with one period starting on `anchorDate`.
    ///
    /// - Throws: ``PeriodError`` `invalidInterval` outside 1...5200, `unknownTimeZone`.
    public static func weekly(
        every interval: Int, anchoredAt anchorDate: LocalDate, timeZoneIdentifier: String
    ) throws(PeriodError) -> BillingCycle {
        try BillingCycle(
            unit: .week, interval: interval, anchorDate: anchorDate,
            timeZoneIdentifier: timeZoneIdentifier)
    }
}
