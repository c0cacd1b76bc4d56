extension BusinessCalendar {
    /// A date on which the calendar is closed, all day or for part of the day.
    ///
    /// A whole-day holiday closes the local date from 00:00 to 24:00, including the tail of
    /// an overnight span that started the evening before. A partial closure closes only its
    /// ``closed`` span, which may itself run overnight. A holiday on a day that has no open
    /// hours changes nothing. ``ExtraOpening``s take precedence over holidays.
    ///
    /// The JSON form is `{"date": "2026-12-25"}` for a whole day and
    /// `{"date": "2026-12-24", "closed": {"start": "12:00", "end": "24:00"}}` for a partial
    /// closure.
    public struct Holiday: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
        /// The local date.
        public let date: LocalDate
        /// The closed span, or `nil` when the whole day is closed.
        public let closed: Span?

        /// Creates a holiday closing `closed` on `date`, or the whole day when `closed` is
        /// `nil` or ``Span/wholeDay`` (stored as `nil`, so the two are the same holiday).
        public init(date: LocalDate, closed: Span? = nil) {
            self.date = date
            self.closed = closed == .wholeDay ? nil : closed
        }

        /// The span the holiday closes: ``closed``, or `00:00-24:00`.
        public var closedSpan: Span { closed ?? .wholeDay }

        /// `"2026-12-25"` or `"2026-12-24 closed 12:00-24:00"`.
        public var description: String {
            guard let closed else { return date.description }
            return "\(date) closed \(closed)"
        }

        /// Orders by date, then whole days first, then by span.
        public static func < (lhs: Holiday, rhs: Holiday) -> Bool {
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            switch (lhs.closed, rhs.closed) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let left?, let right?): return left < right
            }
        }
    }

    /// A span on a given date when the calendar is open even if it would otherwise be closed
    /// by its weekly hours or a holiday.
    ///
    /// The JSON form is `{"date": "2026-12-26", "open": {"start": "10:00", "end": "14:00"}}`.
    public struct ExtraOpening: Sendable, Hashable, Comparable, CustomStringConvertible,
        Codable
    {
        /// The local date the span starts on.
        public let date: LocalDate
        /// The open span; it may run overnight into the next date.
        public let open: Span

        /// Creates an extra opening of `open` on `date`.
        public init(date: LocalDate, open: Span) {
            self.date = date
            self.open = open
        }

        /// `"2026-12-26 open 10:00-14:00"`.
        public var description: String { "\(date) open \(open)" }

        /// Orders by date, then by span.
        public static func < (lhs: ExtraOpening, rhs: ExtraOpening) -> Bool {
            (lhs.date, lhs.open) < (rhs.date, rhs.open)
        }
    }
}
