import Foundation

extension BusinessCalendar {
    /// Compiles the calendar's open time over `horizon` into sorted instants with cumulative
    /// business time, ready for O(log *n*) queries.
    ///
    /// Every weekly span, holiday and extra opening whose date touches the horizon is
    /// converted to instants with the DST rules described in ``BusinessCalendar``; the open
    /// intervals are merged and clipped to the horizon. The holiday time — closed time
    /// inside a holiday's closed span — is kept beside them for
    /// ``Compiled/holidayMilliseconds(from:to:)``. Queries on the result accept
    /// instants inside the horizon only, so compile for the period you evaluate plus
    /// whatever a deadline may need beyond it.
    ///
    /// - Parameters:
    ///   - horizon: The instants to answer for, at most
    ///     ``ResourceLimits/calendarHorizonDays`` days long (by default
    ///     ``maximumHorizonDays``).
    ///   - limits: The limits to enforce; ``ResourceLimits/default`` unless a host lowers
    ///     them.
    /// - Returns: The compiled calendar.
    /// - Throws: ``CalendarError`` `horizonTooLong` for a horizon over
    ///   `limits.calendarHorizonDays` days; `tooManyIntervals` when the weekly spans in the
    ///   horizon plus the holidays and extra openings exceed
    ///   `limits.compiledCalendarIntervals` (checked before any work is done);
    ///   `unknownTimeZone` when the system no longer knows the zone.
    /// - Complexity: O(*d* × *s* + *n* log *n*) for *d* days in the horizon, *s* spans per
    ///   day and *n* intervals; one time-zone lookup per span bound.
    public func compiled(for horizon: DateRange, limits: ResourceLimits = .default)
        throws(CalendarError) -> Compiled
    {
        guard let resolver = ZonedClock(named: timeZoneIdentifier) else {
            throw .unknownTimeZone(timeZoneIdentifier)
        }
        let horizonStart = horizon.startMilliseconds
        let horizonEnd = horizon.endMilliseconds
        guard horizonEnd - horizonStart <= Int64(limits.calendarHorizonDays) * 86_400_000 else {
            throw .horizonTooLong(horizon, limitDays: limits.calendarHorizonDays)
        }

        // Two days of margin on each side: one for overnight spans that start the evening
        // before, one for wall clocks that jump by a day (Pacific/Apia skipped 2011-12-30).
        let firstDay = resolver.localDay(ofSecond: floorDivide(horizonStart, 1000)) - 2
        let lastDay = resolver.localDay(ofSecond: floorDivide(horizonEnd, 1000) + 1) + 2
        let days = firstDay...lastDay

        // Bound the work before doing any: each weekday occurs at most ceil(days / 7) times,
        // and each holiday or extra opening adds at most one interval.
        let weeks = (lastDay - firstDay + 7) / 7
        let spansPerWeek = Int64(weeklyHours.values.reduce(0) { $0 + $1.count })
        let bound = spansPerWeek * weeks + Int64(holidays.count + extraOpenings.count)
        guard bound <= Int64(limits.compiledCalendarIntervals) else {
            throw .tooManyIntervals(horizon, limit: limits.compiledCalendarIntervals)
        }

        var weekly: [(Int64, Int64)] = []
        weekly.reserveCapacity(Int(spansPerWeek * weeks))
        var weekday = Weekday(daysSinceEpoch: firstDay)
        for day in days {
            for span in weeklyHours[weekday] ?? [] {
                if let interval = resolver.interval(of: span, onDay: day) {
                    weekly.append(interval)
                }
            }
            weekday = weekday.next
        }
        var closures: [(Int64, Int64)] = []
        for holiday in holidays where days.contains(Int64(holiday.date.daysSinceEpoch)) {
            if let interval = resolver.interval(
                of: holiday.closedSpan, onDay: Int64(holiday.date.daysSinceEpoch))
            {
                closures.append(interval)
            }
        }
        var extras: [(Int64, Int64)] = []
        for opening in extraOpenings where days.contains(Int64(opening.date.daysSinceEpoch)) {
            if let interval = resolver.interval(
                of: opening.open, onDay: Int64(opening.date.daysSinceEpoch))
            {
                extras.append(interval)
            }
        }
        let closed = IntervalSet.union(closures)
        let open = IntervalSet.union(
            IntervalSet.subtract(IntervalSet.union(weekly), closed), IntervalSet.union(extras))
        // Holiday time: the closed time inside a holiday's closed span.
        return Compiled(
            calendar: self, horizon: horizon, unclippedIntervals: open,
            unclippedHolidayIntervals: IntervalSet.subtract(closed, open))
    }
}

extension ZonedClock {
    /// The instants of `span` on local day `day`, in milliseconds, or `nil` when the span
    /// lies wholly in a spring-forward gap: a span starts at the first occurrence of its
    /// start reading and ends at the last occurrence of its end reading.
    func interval(of span: BusinessCalendar.Span, onDay day: Int64) -> (Int64, Int64)? {
        let dayStart = day * 86_400
        let start = instants(
            ofWallSecond: dayStart + Int64(span.start.minutesSinceMidnight) * 60
        ).first
        let end = instants(ofWallSecond: dayStart + Int64(span.endMinutesFromStartDay) * 60).last
        guard start < end else { return nil }
        return (start * 1000, end * 1000)
    }
}
