import Foundation

extension BusinessCalendar {
    /// Compiles the calendar's open time over `horizon` into sorted instants with cumulative
    /// business time, ready for O(log *n*) queries.
    ///
    /// Every weekly span, holiday and extra opening whose date touches the horizon is
    /// converted to instants with the DST rules described in ``BusinessCalendar``; the open
    /// intervals are merged and clipped to the horizon. Queries on the result accept
    /// instants inside the horizon only, so compile for the period you evaluate plus
    /// whatever a deadline may need beyond it.
    ///
    /// - Parameter horizon: The instants to answer for, at most
    ///   ``maximumHorizonDays`` days long.
    /// - Returns: The compiled calendar.
    /// - Throws: ``CalendarError`` `horizonTooLong` for a horizon over
    ///   ``maximumHorizonDays`` days; `tooManyIntervals` when the weekly spans in the horizon
    ///   plus the holidays and extra openings exceed ``maximumCompiledIntervals`` (checked
    ///   before any work is done); `unknownTimeZone` when the system no longer knows the
    ///   zone.
    /// - Complexity: O(*d* × *s* + *n* log *n*) for *d* days in the horizon, *s* spans per
    ///   day and *n* intervals; one time-zone lookup per span bound.
    public func compiled(for horizon: DateRange) throws(CalendarError) -> Compiled {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw .unknownTimeZone(timeZoneIdentifier)
        }
        let horizonStart = horizon.startMilliseconds
        let horizonEnd = horizon.endMilliseconds
        guard horizonEnd - horizonStart <= Int64(BusinessCalendar.maximumHorizonDays) * 86_400_000
        else { throw .horizonTooLong(horizon) }

        let resolver = WallClockResolver(timeZone: zone)
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
        guard bound <= Int64(BusinessCalendar.maximumCompiledIntervals) else {
            throw .tooManyIntervals(horizon)
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
        let open = IntervalSet.union(
            IntervalSet.subtract(IntervalSet.union(weekly), IntervalSet.union(closures)),
            IntervalSet.union(extras))
        return Compiled(
            calendar: self, horizon: horizon, unclippedIntervals: open)
    }
}

/// Converts wall-clock times in one zone to instants with the calendar's DST rules.
struct WallClockResolver {
    /// The zone.
    let timeZone: TimeZone

    /// The zone's offset from UTC in seconds at `second` since the epoch.
    func offset(atSecond second: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))))
    }

    /// The local day number (days since 1970-01-01 on the wall calendar) of an instant.
    func localDay(ofSecond second: Int64) -> Int64 {
        floorDivide(second + offset(atSecond: second), 86_400)
    }

    /// The instants of `span` on local day `day`, in milliseconds, or `nil` when the span
    /// lies wholly in a spring-forward gap.
    func interval(of span: BusinessCalendar.Span, onDay day: Int64) -> (Int64, Int64)? {
        let dayStart = day * 86_400
        let start = instants(
            ofLocalSecond: dayStart + Int64(span.start.minutesSinceMidnight) * 60
        ).first
        let end = instants(ofLocalSecond: dayStart + Int64(span.endMinutesFromStartDay) * 60).last
        guard start < end else { return nil }
        return (start * 1000, end * 1000)
    }

    /// The first and last instants (seconds since the epoch) whose wall-clock reading is
    /// `local` (seconds since 1970-01-01T00:00 on the wall clock).
    ///
    /// A reading that happens once gives the same instant twice; a repeated reading gives
    /// its two occurrences; a reading in a gap gives the first instant after the gap twice.
    func instants(ofLocalSecond local: Int64) -> (first: Int64, last: Int64) {
        let before = offset(atSecond: local - 86_400)
        let after = offset(atSecond: local + 86_400)
        var candidates = [before, after]
        if before != after {
            candidates.append(offset(atSecond: local - before))
            candidates.append(offset(atSecond: local - after))
        }
        var first = Int64.max
        var last = Int64.min
        for candidate in candidates where offset(atSecond: local - candidate) == candidate {
            first = min(first, local - candidate)
            last = max(last, local - candidate)
        }
        if first <= last { return (first, last) }
        // In a gap: the first instant whose wall-clock reading is past `local`.
        var low = local - (candidates.max() ?? before)
        var high = local - (candidates.min() ?? before)
        while low < high {
            let middle = low + (high - low) / 2
            if middle + offset(atSecond: middle) > local {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return (high, high)
    }
}

/// Set operations on sorted, disjoint half-open intervals of milliseconds.
enum IntervalSet {
    /// The union of `intervals` (in any order) as sorted, disjoint, non-touching intervals.
    static func union(_ intervals: [(Int64, Int64)]) -> [(Int64, Int64)] {
        let sorted = intervals.sorted { $0.0 < $1.0 }
        var result: [(Int64, Int64)] = []
        result.reserveCapacity(sorted.count)
        for interval in sorted where interval.0 < interval.1 {
            if let last = result.last, interval.0 <= last.1 {
                result[result.count - 1].1 = max(last.1, interval.1)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// The union of two sorted, disjoint lists.
    static func union(_ lhs: [(Int64, Int64)], _ rhs: [(Int64, Int64)]) -> [(Int64, Int64)] {
        rhs.isEmpty ? lhs : union(lhs + rhs)
    }

    /// `lhs` without the instants of `rhs`; both sorted and disjoint.
    static func subtract(_ lhs: [(Int64, Int64)], _ rhs: [(Int64, Int64)]) -> [(Int64, Int64)] {
        guard !rhs.isEmpty else { return lhs }
        var result: [(Int64, Int64)] = []
        result.reserveCapacity(lhs.count)
        var cut = 0
        for (start, end) in lhs {
            var cursor = start
            while cut < rhs.count, rhs[cut].1 <= cursor { cut += 1 }
            var index = cut
            while index < rhs.count, rhs[index].0 < end {
                if rhs[index].0 > cursor { result.append((cursor, rhs[index].0)) }
                cursor = max(cursor, rhs[index].1)
                index += 1
            }
            if cursor < end { result.append((cursor, end)) }
        }
        return result
    }
}
