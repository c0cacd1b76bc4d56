import Foundation

extension BusinessCalendar {
    /// A business calendar compiled over a horizon: its open intervals as sorted instants
    /// with cumulative business time, so every query is a binary search.
    ///
    /// Build one with ``BusinessCalendar/compiled(for:limits:)`` and keep it: compiling converts
    /// every span with the time zone, querying touches only three contiguous `[Int64]`
    /// arrays (milliseconds since 1970-01-01T00:00:00Z) and two small bucket indexes over
    /// them, never calls Foundation's time-zone code and never allocates.
    ///
    /// Instants are handled at MSPKit's resolution of one millisecond (a `Date` is rounded to
    /// the nearest millisecond). Every query instant must lie in the ``horizon``
    /// `[start, end]` — the end is allowed as the end of a business-time query or as a
    /// deadline — and an answer beyond the horizon is an error rather than a guess: the
    /// compiled form knows nothing past its horizon.
    ///
    /// ## Deadlines at closing time
    ///
    /// ``deadline(after:adding:)`` returns the *earliest* instant at which the business
    /// time since the start reaches the duration. When that happens exactly at a closing
    /// time the deadline is the closing time — Friday 16:00 plus 1 business hour on a
    /// 09:00-17:00 calendar is Friday 17:00, not Monday 09:00 (pandas' business-hour offsets
    /// move it to the next opening; MSPKit does not). A zero duration gives the start itself,
    /// even when the calendar is closed at the start.
    ///
    /// So `deadline(after: s, adding: businessDuration(from: s, to: x)) == x` whenever
    /// `x == s` or the calendar is open just before `x` (inside an open interval or at its
    /// closing); for any other `x` — closed, or an opening instant — it is the last closing
    /// before `x`.
    public struct Compiled: Sendable, Hashable {
        /// The calendar this was compiled from.
        public let calendar: BusinessCalendar
        /// The instants the compiled form answers for.
        public let horizon: DateRange

        /// The start of each open interval, strictly increasing, ms since the epoch.
        @usableFromInline let starts: [Int64]
        /// The end of each open interval; `ends[i] < starts[i + 1]` (intervals never touch).
        @usableFromInline let ends: [Int64]
        /// Business ms before interval `i`; one more element than ``starts``, last is total.
        @usableFromInline let businessBefore: [Int64]
        /// ``horizon``'s start in ms.
        @usableFromInline let horizonStart: Int64
        /// ``horizon``'s end in ms.
        @usableFromInline let horizonEnd: Int64
        /// Whether the last interval really closes at the horizon end (rather than being
        /// clipped there).
        @usableFromInline let closesAtHorizonEnd: Bool
        /// Whether an open interval starts exactly at the horizon end: the one opening the
        /// compiled form knows of beyond its last interval.
        @usableFromInline let opensAtHorizonEnd: Bool
        /// Bucket index over ``starts`` for instants in the horizon.
        @usableFromInline let startIndex: SortedSearchIndex
        /// Bucket index over ``businessBefore`` for business times in `0...total`.
        @usableFromInline let businessIndex: SortedSearchIndex
        /// The start of each holiday-closed interval (closed time inside a holiday's closed
        /// span), strictly increasing, clipped to the horizon; empty without holidays.
        @usableFromInline let holidayStarts: [Int64]
        /// The end of each holiday-closed interval; `holidayEnds[i] <= holidayStarts[i + 1]`.
        @usableFromInline let holidayEnds: [Int64]
        /// Holiday ms before holiday interval `i`; one more element than ``holidayStarts``.
        @usableFromInline let holidayBefore: [Int64]

        /// Clips sorted, disjoint, non-touching open intervals and sorted, disjoint
        /// holiday-closed intervals to `horizon` and sums them.
        init(
            calendar: BusinessCalendar, horizon: DateRange, unclippedIntervals: [(Int64, Int64)],
            unclippedHolidayIntervals: [(Int64, Int64)]
        ) {
            let low = horizon.startMilliseconds
            let high = horizon.endMilliseconds
            var starts: [Int64] = []
            var ends: [Int64] = []
            var businessBefore: [Int64] = [0]
            var closesAtHorizonEnd = false
            var opensAtHorizonEnd = false
            for (start, end) in unclippedIntervals where end > low && start <= high {
                if start == high {
                    opensAtHorizonEnd = true
                    continue
                }
                let clippedStart = max(start, low)
                let clippedEnd = min(end, high)
                starts.append(clippedStart)
                ends.append(clippedEnd)
                businessBefore.append(
                    businessBefore[businessBefore.count - 1] + clippedEnd - clippedStart)
                closesAtHorizonEnd = end == high
            }
            self.calendar = calendar
            self.horizon = horizon
            self.starts = starts
            self.ends = ends
            self.businessBefore = businessBefore
            self.horizonStart = low
            self.horizonEnd = high
            self.closesAtHorizonEnd = closesAtHorizonEnd
            self.opensAtHorizonEnd = opensAtHorizonEnd
            self.startIndex = SortedSearchIndex(starts, origin: low, end: high + 1)
            self.businessIndex = SortedSearchIndex(
                businessBefore, origin: 0, end: businessBefore[businessBefore.count - 1])
            var holidayStarts: [Int64] = []
            var holidayEnds: [Int64] = []
            var holidayBefore: [Int64] = [0]
            for (start, end) in unclippedHolidayIntervals where end > low && start < high {
                let clippedStart = max(start, low)
                let clippedEnd = min(end, high)
                holidayStarts.append(clippedStart)
                holidayEnds.append(clippedEnd)
                holidayBefore.append(
                    holidayBefore[holidayBefore.count - 1] + clippedEnd - clippedStart)
            }
            self.holidayStarts = holidayStarts
            self.holidayEnds = holidayEnds
            self.holidayBefore = holidayBefore
            #if DEBUG
                _checkInvariants()
            #endif
        }

        /// The number of open intervals in the horizon.
        public var intervalCount: Int { starts.count }

        /// The business time in the whole horizon.
        public var totalBusinessTime: Duration {
            .milliseconds(businessBefore[businessBefore.count - 1])
        }

        /// The open intervals in the horizon, sorted; the first and last may be clipped by
        /// the horizon.
        ///
        /// - Complexity: O(*n*) for *n* intervals.
        public var openIntervals: [DateRange] {
            zip(starts, ends).map { DateRange(milliseconds: $0, $1) }
        }

        // MARK: Queries

        /// Whether the calendar is open at `instant`. Intervals are half-open: open at an
        /// opening instant, closed at a closing instant.
        ///
        /// - Throws: ``CalendarError`` `outsideHorizon` when `instant` is not in
        ///   `[horizon.start, horizon.end)`.
        /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars:
        ///   a bucket index narrows each search to the one or two intervals near the answer.
        @inlinable
        public func isOpen(at instant: Date) throws(CalendarError) -> Bool {
            let time = try milliseconds(instant, field: "instant", allowingEnd: false)
            let count = countOfStarts(notAfter: time)
            return count > 0 && time < ends[count - 1]
        }

        /// The business time in `[start, end)`: the real time during which the calendar is
        /// open.
        ///
        /// New York, Monday to Friday 09:00-17:00: from Friday 2026-03-06 16:00 EST to
        /// Monday 2026-03-09 10:00 EDT is 2 hours, though the weekend in between is 65 wall
        /// hours and clocks sprang forward on the Sunday.
        ///
        /// - Parameters:
        ///   - start: The first instant counted.
        ///   - end: The instant after the last one counted; not before `start`.
        /// - Returns: A duration in whole milliseconds, `.zero` when `start == end`.
        /// - Throws: ``CalendarError`` `endBeforeStart` when `end < start` (business time is
        ///   never negative), `outsideHorizon` when an instant is not in
        ///   `[horizon.start, horizon.end]`.
        /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars:
        ///   a bucket index narrows each search to the one or two intervals near the answer.
        @inlinable
        public func businessDuration(from start: Date, to end: Date) throws(CalendarError)
            -> Duration
        {
            let low = try milliseconds(start, field: "start", allowingEnd: true)
            let high = try milliseconds(end, field: "end", allowingEnd: true)
            guard low <= high else { throw .endBeforeStart(start: start, end: end) }
            return .milliseconds(
                businessMilliseconds(before: high) - businessMilliseconds(before: low))
        }

        /// The earliest instant at which `duration` of business time has elapsed since
        /// `start`.
        ///
        /// New York, Monday to Friday 09:00-17:00: Friday 2026-03-06 16:00 EST plus 2 hours is
        /// Monday 2026-03-09 10:00 EDT; Friday 16:00 plus 1 hour is Friday 17:00 — a deadline
        /// that lands on a closing time stays there. Plus `.zero` is `start` itself, open or
        /// not; from a closed instant, any positive duration starts counting at the next
        /// opening.
        ///
        /// - Parameters:
        ///   - start: The instant the clock starts, in `[horizon.start, horizon.end]`.
        ///   - duration: The business time to add, not negative; rounded up to whole
        ///     milliseconds, so any positive duration moves a closed start to an opening.
        /// - Returns: The deadline, in `[start, horizon.end]`.
        /// - Throws: ``CalendarError`` `negativeDuration`, `outsideHorizon` when `start` is
        ///   outside the horizon or the deadline would lie beyond it.
        /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars:
        ///   a bucket index narrows each search to the one or two intervals near the answer.
        @inlinable
        public func deadline(after start: Date, adding duration: Duration) throws(CalendarError)
            -> Date
        {
            let time = try milliseconds(start, field: "start", allowingEnd: true)
            let (seconds, attoseconds) = duration.components
            guard seconds >= 0, attoseconds >= 0 else { throw .negativeDuration(duration) }
            let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
            // Round up: any positive duration needs at least one millisecond of business time.
            let needed = whole &+ (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
            let total = businessBefore[businessBefore.count - 1]
            let reached = businessMilliseconds(before: time)
            guard !overflow, needed >= 0, needed <= total - reached else {
                throw .answerOutsideHorizon(field: "deadline", after: start, horizon: horizon)
            }
            if needed == 0 { return DateRange.instant(milliseconds: time) }
            let target = reached + needed
            // The first interval whose cumulative end reaches the target: the count of
            // cumulative sums below the target, less one (`businessBefore[0] == 0 < target`).
            let index = businessIndex.count(of: businessBefore, below: target) - 1
            let deadline = starts[index] + (target - businessBefore[index])
            return DateRange.instant(milliseconds: deadline)
        }

        /// The first opening strictly after `instant`: the next instant at which the calendar
        /// goes from closed to open.
        ///
        /// When the calendar is open at `instant`, this is the start of the *next* open
        /// interval, not the current one.
        ///
        /// - Throws: ``CalendarError`` `outsideHorizon` when `instant` is not in
        ///   `[horizon.start, horizon.end)` or no opening follows within the horizon.
        /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars:
        ///   a bucket index narrows each search to the one or two intervals near the answer.
        @inlinable
        public func nextOpening(after instant: Date) throws(CalendarError) -> Date {
            let time = try milliseconds(instant, field: "instant", allowingEnd: false)
            let count = countOfStarts(notAfter: time)
            if count < starts.count {
                return DateRange.instant(milliseconds: starts[count])
            }
            // `time` is before the horizon end, so an opening there is strictly after it.
            guard opensAtHorizonEnd else {
                throw .answerOutsideHorizon(field: "nextOpening", after: instant, horizon: horizon)
            }
            return DateRange.instant(milliseconds: horizonEnd)
        }

        /// The first closing strictly after `instant`: the end of the open interval that
        /// contains `instant`, or of the next one when the calendar is closed.
        ///
        /// - Throws: ``CalendarError`` `outsideHorizon` when `instant` is not in
        ///   `[horizon.start, horizon.end)` or no closing follows within the horizon.
        /// - Complexity: O(log *n*) at worst for *n* intervals, O(1) for ordinary calendars:
        ///   a bucket index narrows each search to the one or two intervals near the answer.
        @inlinable
        public func nextClosing(after instant: Date) throws(CalendarError) -> Date {
            let time = try milliseconds(instant, field: "instant", allowingEnd: false)
            let count = countOfStarts(notAfter: time)
            let index = count > 0 && time < ends[count - 1] ? count - 1 : count
            guard index < ends.count, ends[index] < horizonEnd || closesAtHorizonEnd else {
                throw .answerOutsideHorizon(field: "nextClosing", after: instant, horizon: horizon)
            }
            return DateRange.instant(milliseconds: ends[index])
        }

        /// The open intervals within `[start, end)`, cut to it: the business spans that
        /// ``businessDuration(from:to:)`` counts.
        ///
        /// - Throws: ``CalendarError`` as ``businessDuration(from:to:)``.
        /// - Complexity: O(log *n* + *k*) for *n* intervals and *k* in the result.
        public func openIntervals(from start: Date, to end: Date) throws(CalendarError)
            -> [DateRange]
        {
            let low = try milliseconds(start, field: "start", allowingEnd: true)
            let high = try milliseconds(end, field: "end", allowingEnd: true)
            guard low <= high else { throw .endBeforeStart(start: start, end: end) }
            var result: [DateRange] = []
            var index = max(0, countOfStarts(notAfter: low) - 1)
            while index < starts.count, starts[index] < high {
                let clippedStart = max(starts[index], low)
                let clippedEnd = min(ends[index], high)
                if clippedStart < clippedEnd {
                    result.append(DateRange(milliseconds: clippedStart, clippedEnd))
                }
                index += 1
            }
            return result
        }

        // MARK: Kernels

        /// `instant` in ms, checked against the horizon (its end included when
        /// `allowingEnd`).
        @inlinable
        func milliseconds(_ instant: Date, field: String, allowingEnd: Bool)
            throws(CalendarError) -> Int64
        {
            let scaled = (instant.timeIntervalSince1970 * 1000).rounded(.toNearestOrEven)
            guard scaled >= Double(horizonStart),
                allowingEnd ? scaled <= Double(horizonEnd) : scaled < Double(horizonEnd)
            else { throw .outsideHorizon(instant, field: field, horizon: horizon) }
            return Int64(scaled)
        }

        /// How many intervals start at or before `time`.
        @inlinable
        func countOfStarts(notAfter time: Int64) -> Int {
            startIndex.count(of: starts, below: time &+ 1)
        }

        /// Business ms in the horizon before `time`.
        @inlinable
        func businessMilliseconds(before time: Int64) -> Int64 {
            let count = countOfStarts(notAfter: time)
            guard count > 0 else { return 0 }
            let index = count - 1
            return businessBefore[index] + min(time, ends[index]) - starts[index]
        }

        /// Descriptions of broken invariants; empty when the compiled form is sound.
        func invariantViolations() -> [String] {
            var problems: [String] = []
            if starts.count != ends.count || businessBefore.count != starts.count + 1 {
                problems.append(
                    "array lengths \(starts.count), \(ends.count), \(businessBefore.count)")
                return problems
            }
            for index in starts.indices {
                if starts[index] >= ends[index] { problems.append("empty interval \(index)") }
                if index > 0, ends[index - 1] >= starts[index] {
                    problems.append("intervals \(index - 1) and \(index) touch or overlap")
                }
                if businessBefore[index + 1] != businessBefore[index] + ends[index] - starts[index]
                {
                    problems.append("cumulative sum wrong at \(index)")
                }
            }
            if !startIndex.agrees(with: starts) { problems.append("start index disagrees") }
            if !businessIndex.agrees(with: businessBefore) {
                problems.append("business index disagrees")
            }
            if let first = starts.first, first < horizonStart {
                problems.append("starts before horizon")
            }
            if let last = ends.last, last > horizonEnd { problems.append("ends after horizon") }
            problems += holidayInvariantViolations()
            return problems
        }

        /// Traps when an invariant is broken; run in debug builds and tests.
        func _checkInvariants() {
            let problems = invariantViolations()
            precondition(problems.isEmpty, "\(problems)")  // justified: internal invariant
        }
    }
}

extension BusinessCalendar.Compiled: CustomStringConvertible {
    /// A summary: zone, horizon, interval count and total business time.
    public var description: String {
        "BusinessCalendar.Compiled(\(calendar.timeZoneIdentifier), \(horizon), "
            + "\(starts.count) intervals, \(businessBefore[businessBefore.count - 1]) ms open)"
    }
}
