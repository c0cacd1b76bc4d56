extension BillingPeriod {
    /// The exact fraction of this period that `subRange` covers, measured on `basis`.
    ///
    /// ```swift
    /// // January 2026, monthly on day 1, New York.
    /// let used = DateRange(start: jan1, end: jan15)         // removed Jan 15 00:00
    /// try january.prorationFraction(of: used, basis: .calendarDays)   // 14/31
    /// // March 2026 lasts 30 days 23 hours = 743 hours; its first week is whole days.
    /// try march.prorationFraction(of: firstWeek, basis: .elapsedTime) // 168/743
    /// try march.prorationFraction(of: firstWeek, basis: .calendarDays) // 7/31
    /// ```
    ///
    /// The whole period is exactly 1 and an empty sub-range exactly 0 on either basis.
    ///
    /// - Throws: ``PeriodError`` `notWithinPeriod` when `subRange` is not inside the
    ///   period's range; see ``prorationFraction(clamping:basis:)`` to clip instead.
    public func prorationFraction(
        of subRange: DateRange, basis: ProrationBasis
    ) throws(PeriodError) -> Rational {
        guard range.contains(subRange) else { throw .notWithinPeriod(subRange, period: range) }
        switch basis {
        case .calendarDays:
            return Rational(part: Int64(try billableDays(within: subRange)), of: Int64(dayCount))
        case .elapsedTime:
            return Rational(
                part: subRange.endMilliseconds - subRange.startMilliseconds,
                of: range.endMilliseconds - range.startMilliseconds)
        }
    }

    /// The exact fraction of this period covered by the part of `subRange` inside it; 0
    /// when they do not overlap.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` only for periods at the edge of years
    ///   1...9999.
    public func prorationFraction(
        clamping subRange: DateRange, basis: ProrationBasis
    ) throws(PeriodError) -> Rational {
        guard let part = range.intersection(subRange) else { return .zero }
        return try prorationFraction(of: part, basis: basis)
    }

    /// The number of local days `subRange` touches, counted as ``ProrationBasis/calendarDays``
    /// counts them: from the day of the start to the day of the end, rounding an end inside
    /// a day up to the next day. An empty sub-range touches no day.
    ///
    /// - Throws: ``PeriodError`` `notWithinPeriod` when `subRange` is not inside the period.
    public func billableDays(of subRange: DateRange) throws(PeriodError) -> Int {
        guard range.contains(subRange) else { throw .notWithinPeriod(subRange, period: range) }
        return try billableDays(within: subRange)
    }

    private func billableDays(within subRange: DateRange) throws(PeriodError) -> Int {
        guard !subRange.isEmpty else { return 0 }
        // First day: the latest day that starts at or before the sub-range's start.
        var first = try clock.localDate(at: subRange.startMilliseconds)
        while first < endDate,
            try clock.startOfDay(first.adding(days: 1)) <= subRange.startMilliseconds
        {
            first = try first.adding(days: 1)
        }
        // End day: the earliest day that starts at or after the sub-range's end.
        var last = try clock.localDate(at: subRange.endMilliseconds - 1).adding(days: 1)
        while last > first, try clock.startOfDay(last.adding(days: -1)) >= subRange.endMilliseconds
        {
            last = try last.adding(days: -1)
        }
        while try clock.startOfDay(last) < subRange.endMilliseconds, last < endDate {
            last = try last.adding(days: 1)
        }
        return max(0, min(first.days(to: last), dayCount))
    }
}
