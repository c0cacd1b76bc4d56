extension BusinessCalendar {
    /// A wall-clock span of a day, `[start, end)`, that may run past midnight.
    ///
    /// A span belongs to the date (or weekday) it starts on. When `end` is after `start`,
    /// the span lies within that day: `09:00-17:00`, or the whole day `00:00-24:00`. When
    /// `end` is before `start`, the span is *overnight*: `22:00-06:00` on a Friday runs from
    /// Friday 22:00 to Saturday 06:00. A span whose start equals its end is rejected, and
    /// `24:00` may only be an end. An end of `00:00` means midnight at the end of the day and
    /// is stored as `24:00`, so `09:00-00:00` and `09:00-24:00` are the same span.
    ///
    /// The JSON form is `{"start": "HH:MM", "end": "HH:MM"}`.
    public struct Span: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The first minute of the span.
        public let start: LocalTime
        /// The minute after the span; before ``start`` for an overnight span.
        public let end: LocalTime

        /// Creates `[start, end)`; an `end` before `start` makes an overnight span.
        ///
        /// - Throws: ``CalendarError`` `invalidTime` when `start` is 24:00, `emptySpan`
        ///   when `start == end`.
        public init(start: LocalTime, end: LocalTime) throws(CalendarError) {
            guard start < .endOfDay else { throw .invalidTime(hour: 24, minute: 0, field: "start") }
            guard start != end else { throw .emptySpan(start: start, end: end) }
            self.start = start
            // Midnight as an end is the end of the day, not an overnight span of 0 minutes.
            self.end = end == .startOfDay ? .endOfDay : end
        }

        /// Creates a span from two `"HH:MM"` texts, such as `Span("09:00", "17:00")`.
        ///
        /// - Throws: ``CalendarError`` `invalidFormat`, `invalidTime` or `emptySpan`.
        public init(_ start: String, _ end: String) throws(CalendarError) {
            try self.init(start: LocalTime(parsing: start), end: LocalTime(parsing: end))
        }

        /// The whole day, `00:00-24:00`.
        public static let wholeDay = Span(validatedStart: .startOfDay, end: .endOfDay)

        /// Creates a span whose bounds are already known to be valid.
        init(validatedStart start: LocalTime, end: LocalTime) {
            self.start = start
            self.end = end
        }

        /// Whether the span runs past midnight into the next day.
        public var isOvernight: Bool { end < start }

        /// The span's length in wall-clock minutes (not real minutes on a DST day).
        public var wallClockMinutes: Int {
            let length = end.minutesSinceMidnight - start.minutesSinceMidnight
            return isOvernight ? length + minutesPerDay : length
        }

        /// Minutes from the start of the span's own day to its end, past 1440 when overnight.
        var endMinutesFromStartDay: Int {
            start.minutesSinceMidnight + wallClockMinutes
        }

        /// `"HH:MM-HH:MM"`.
        public var description: String { "\(start)-\(end)" }

        /// Orders by start, then by end.
        public static func < (lhs: Span, rhs: Span) -> Bool {
            (lhs.start, lhs.endMinutesFromStartDay) < (rhs.start, rhs.endMinutesFromStartDay)
        }
    }
}

extension BusinessCalendar.Span: Codable {
    private enum CodingKeys: String, CodingKey { case start, end }

    /// Decodes `{"start": "HH:MM", "end": "HH:MM"}` and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(BusinessCalendar.LocalTime.self, forKey: .start)
        let end = try container.decode(BusinessCalendar.LocalTime.self, forKey: .end)
        do {
            try self.init(start: start, end: end)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: error.description)
        }
    }

    /// Encodes `{"start": "HH:MM", "end": "HH:MM"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
