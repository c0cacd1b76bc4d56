import Foundation

extension BusinessCalendar.Compiled {
    /// The business time in `[start, end)` in milliseconds, for instants already held as
    /// milliseconds since 1970-01-01T00:00:00Z: ``businessDuration(from:to:)`` without the
    /// `Date` and `Duration` conversions, for hot loops over contiguous arrays.
    ///
    /// - Parameters:
    ///   - start: The first instant counted, ms since the epoch, in `[horizon.start,
    ///     horizon.end]`.
    ///   - end: The instant after the last one counted; not before `start`.
    /// - Returns: The business milliseconds, `0` when `start == end`.
    /// - Throws: ``CalendarError`` `endBeforeStart`, `outsideHorizon`, as
    ///   ``businessDuration(from:to:)``.
    /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars.
    @inlinable
    public func businessMilliseconds(from start: Int64, to end: Int64) throws(CalendarError)
        -> Int64
    {
        try checkRange(start, end)
        return businessMilliseconds(before: end) - businessMilliseconds(before: start)
    }

    /// The earliest instant, in ms since the epoch, at which `milliseconds` of business time
    /// has elapsed since `start`: ``deadline(after:adding:)`` for instants held as
    /// milliseconds.
    ///
    /// - Parameters:
    ///   - start: The instant the clock starts, ms since the epoch, in `[horizon.start,
    ///     horizon.end]`.
    ///   - milliseconds: The business time to add, not negative.
    /// - Returns: The deadline in ms, in `[start, horizon.end]`; `start` itself for `0`.
    /// - Throws: ``CalendarError`` `negativeDuration`, `outsideHorizon` when `start` is
    ///   outside the horizon or the deadline would lie beyond it.
    /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars.
    @inlinable
    public func deadlineMilliseconds(after start: Int64, adding milliseconds: Int64)
        throws(CalendarError) -> Int64
    {
        try checkMilliseconds(start, field: "start")
        guard milliseconds >= 0 else { throw .negativeDuration(.milliseconds(milliseconds)) }
        let total = businessBefore[businessBefore.count - 1]
        let reached = businessMilliseconds(before: start)
        guard milliseconds <= total - reached else {
            throw .answerOutsideHorizon(
                field: "deadline", after: DateRange.instant(milliseconds: start),
                horizon: horizon)
        }
        if milliseconds == 0 { return start }
        let target = reached + milliseconds
        let index = businessIndex.count(of: businessBefore, below: target) - 1
        return starts[index] + (target - businessBefore[index])
    }

    /// Throws `outsideHorizon` unless `start` and `end` are in the horizon, then
    /// `endBeforeStart` if `end` is before `start`: the checks of every `[start, end)` query.
    @inlinable
    func checkRange(_ start: Int64, _ end: Int64) throws(CalendarError) {
        try checkMilliseconds(start, field: "start")
        try checkMilliseconds(end, field: "end")
        guard start <= end else {
            throw .endBeforeStart(
                start: DateRange.instant(milliseconds: start),
                end: DateRange.instant(milliseconds: end))
        }
    }

    /// Throws `outsideHorizon` unless `time` is in `[horizon.start, horizon.end]`.
    @inlinable
    func checkMilliseconds(_ time: Int64, field: String) throws(CalendarError) {
        guard time >= horizonStart, time <= horizonEnd else {
            throw .outsideHorizon(
                DateRange.instant(milliseconds: time), field: field, horizon: horizon)
        }
    }
}

extension BusinessCalendar.Compiled {
    /// The business time from the horizon start to `time`, in milliseconds: the running
    /// total from which every business duration is a difference.
    ///
    /// `businessMilliseconds(from: a, to: b)` equals
    /// `cumulativeBusinessMilliseconds(at: b) - cumulativeBusinessMilliseconds(at: a)`, so a
    /// caller that measures many consecutive spans looks up each instant once.
    ///
    /// - Parameter time: ms since the epoch, in `[horizon.start, horizon.end]`.
    /// - Throws: ``CalendarError`` `outsideHorizon`.
    /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars.
    @inlinable
    public func cumulativeBusinessMilliseconds(at time: Int64) throws(CalendarError) -> Int64 {
        try checkMilliseconds(time, field: "instant")
        return businessMilliseconds(before: time)
    }

    /// The earliest instant, in ms since the epoch, at which the business time since the
    /// horizon start reaches `cumulative`: the inverse of
    /// ``cumulativeBusinessMilliseconds(at:)``.
    ///
    /// `deadlineMilliseconds(after: a, adding: d)` for `d > 0` equals
    /// `instant(reachingCumulativeBusinessMilliseconds: cumulativeBusinessMilliseconds(at: a)
    /// + d)`.
    ///
    /// - Parameter cumulative: At least 1 and at most the horizon's total business time.
    /// - Throws: ``CalendarError`` `outsideHorizon` for a value outside that range.
    /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars.
    @inlinable
    public func instant(reachingCumulativeBusinessMilliseconds cumulative: Int64)
        throws(CalendarError) -> Int64
    {
        let total = businessBefore[businessBefore.count - 1]
        guard cumulative > 0, cumulative <= total else {
            throw .answerOutsideHorizon(
                field: "deadline", after: DateRange.instant(milliseconds: horizonStart),
                horizon: horizon)
        }
        let index = businessIndex.count(of: businessBefore, below: cumulative) - 1
        return starts[index] + (cumulative - businessBefore[index])
    }
}
