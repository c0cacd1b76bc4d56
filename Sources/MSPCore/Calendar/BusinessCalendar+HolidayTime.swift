import Foundation

extension BusinessCalendar.Compiled {
    /// The holiday time in `[start, end)` in milliseconds: the closed time that falls inside
    /// a holiday's closed span.
    ///
    /// Holiday time is closed time, so it never overlaps business time: an extra opening on
    /// a holiday, or the open part of a day with a partial closure, stays business time.
    /// A holiday's span is converted to instants with the DST rules of ``BusinessCalendar``,
    /// exactly as the closure it makes. A whole-day holiday on a day without weekly hours
    /// (a Saturday, say) still makes that day holiday time rather than ordinary closed time.
    ///
    /// New York, Monday to Friday 09:00-17:00, holiday Friday 2026-12-25: from Thursday
    /// 2026-12-24 23:30 EST to Friday 2026-12-25 00:40 EST is 40 minutes of holiday time,
    /// the 30 minutes before midnight being ordinary closed time.
    ///
    /// - Parameters:
    ///   - start: The first instant counted, ms since the epoch, in `[horizon.start,
    ///     horizon.end]`.
    ///   - end: The instant after the last one counted; not before `start`.
    /// - Returns: The holiday milliseconds, `0` when `start == end` or the calendar has no
    ///   holiday in the horizon.
    /// - Throws: ``CalendarError`` `endBeforeStart`, `outsideHorizon`, as
    ///   ``businessMilliseconds(from:to:)``.
    /// - Complexity: O(log *h*) for *h* holiday intervals in the horizon.
    @inlinable
    public func holidayMilliseconds(from start: Int64, to end: Int64) throws(CalendarError)
        -> Int64
    {
        try checkRange(start, end)
        guard !holidayStarts.isEmpty else { return 0 }
        return holidayMilliseconds(before: end) - holidayMilliseconds(before: start)
    }

    /// The holiday time in `[start, end)`: ``holidayMilliseconds(from:to:)`` for `Date`s.
    ///
    /// - Throws: ``CalendarError`` `endBeforeStart` when `end < start`, `outsideHorizon`
    ///   when an instant is not in `[horizon.start, horizon.end]`.
    /// - Complexity: O(log *h*) for *h* holiday intervals in the horizon.
    public func holidayDuration(from start: Date, to end: Date) throws(CalendarError)
        -> Duration
    {
        let low = try milliseconds(start, field: "start", allowingEnd: true)
        let high = try milliseconds(end, field: "end", allowingEnd: true)
        guard low <= high else { throw .endBeforeStart(start: start, end: end) }
        guard !holidayStarts.isEmpty else { return .zero }
        return .milliseconds(holidayMilliseconds(before: high) - holidayMilliseconds(before: low))
    }

    /// The holiday-closed intervals in the horizon, sorted and disjoint; the first and last
    /// may be clipped by the horizon.
    ///
    /// - Complexity: O(*h*) for *h* holiday intervals.
    public var holidayIntervals: [DateRange] {
        zip(holidayStarts, holidayEnds).map { DateRange(milliseconds: $0, $1) }
    }

    /// Holiday ms in the horizon before `time`.
    @inlinable
    func holidayMilliseconds(before time: Int64) -> Int64 {
        let count = SortedSearchIndex.count(
            of: holidayStarts, below: time &+ 1, in: 0, holidayStarts.count)
        guard count > 0 else { return 0 }
        let index = count - 1
        return holidayBefore[index] + min(time, holidayEnds[index]) - holidayStarts[index]
    }

    /// Descriptions of broken holiday-interval invariants; empty when they are sound.
    func holidayInvariantViolations() -> [String] {
        var problems: [String] = []
        guard holidayStarts.count == holidayEnds.count,
            holidayBefore.count == holidayStarts.count + 1
        else { return ["holiday array lengths"] }
        var open = 0
        for index in holidayStarts.indices {
            let (start, end) = (holidayStarts[index], holidayEnds[index])
            if start >= end { problems.append("empty holiday interval \(index)") }
            if index > 0, holidayEnds[index - 1] > start {
                problems.append("holiday intervals \(index - 1) and \(index) overlap")
            }
            if holidayBefore[index + 1] != holidayBefore[index] + end - start {
                problems.append("holiday cumulative sum wrong at \(index)")
            }
            if start < horizonStart || end > horizonEnd {
                problems.append("holiday interval \(index) outside the horizon")
            }
            // Holiday time is closed time: no open interval overlaps it.
            while open < starts.count, ends[open] <= start { open += 1 }
            if open < starts.count, starts[open] < end {
                problems.append("holiday interval \(index) overlaps open interval \(open)")
            }
        }
        return problems
    }
}
