import Foundation

/// An error from building, decoding, compiling or querying a ``BusinessCalendar``.
///
/// Like ``PeriodError`` and ``MoneyError``, the error is a struct with a
/// ``code-swift.property`` rather than an enum, so new codes do not break a caller's
/// `switch`. Every error names the ``field`` it is about and the offending ``value`` as text:
///
/// ```swift
/// do { _ = try BusinessCalendar.LocalTime(hour: 24, minute: 30) }
/// catch let error as CalendarError where error.code == .invalidTime {
///     print(error)  // invalidTime: time 24:30 is outside 00:00...24:00
/// }
/// ```
public struct CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// A local time with an hour outside 0...24, a minute outside 0...59, a time after
        /// 24:00, or 24:00 used as the start of a span.
        public static let invalidTime = Code(rawValue: "invalidTime")
        /// A text that is not a local time `HH:MM` or a date `YYYY-MM-DD`.
        public static let invalidFormat = Code(rawValue: "invalidFormat")
        /// A span whose start equals its end.
        public static let emptySpan = Code(rawValue: "emptySpan")
        /// Two weekly spans that share a minute of the week.
        public static let overlappingSpans = Code(rawValue: "overlappingSpans")
        /// A time-zone identifier the system does not know.
        public static let unknownTimeZone = Code(rawValue: "unknownTimeZone")
        /// A compilation horizon longer than ``ResourceLimits/calendarHorizonDays``.
        public static let horizonTooLong = Code(rawValue: "horizonTooLong")
        /// A compilation that would produce more than
        /// ``ResourceLimits/compiledCalendarIntervals`` open intervals.
        public static let tooManyIntervals = Code(rawValue: "tooManyIntervals")
        /// A query instant, or a query's answer, outside the compiled horizon.
        public static let outsideHorizon = Code(rawValue: "outsideHorizon")
        /// A business-time query whose end is before its start.
        public static let endBeforeStart = Code(rawValue: "endBeforeStart")
        /// A negative business duration.
        public static let negativeDuration = Code(rawValue: "negativeDuration")
    }

    /// The kind of failure.
    public var code: Code
    /// The input the error is about, such as `"start"`, `"weeklyHours"` or `"timeZone"`.
    public var field: String
    /// The offending value as text.
    public var value: String
    /// A sentence for people.
    public var message: String

    /// Creates an error. Prefer the static factories, which fill in a consistent message.
    public init(code: Code, field: String, value: String, message: String) {
        self.code = code
        self.field = field
        self.value = value
        self.message = message
    }
}

extension CalendarError {
    /// A local time outside `00:00...24:00`, or `24:00` where only an end may be.
    ///
    /// - Parameters:
    ///   - hour: The hour given.
    ///   - minute: The minute given.
    ///   - field: The input, such as `"start"` or `"end"`.
    public static func invalidTime(hour: Int, minute: Int, field: String) -> CalendarError {
        let text = "\(twoDigits(hour)):\(twoDigits(minute))"
        let message =
            hour == 24 && minute == 0
            ? "\(field) 24:00 is not allowed: 24:00 may only end a span"
            : "\(field) \(text) is outside 00:00...24:00"
        return CalendarError(code: .invalidTime, field: field, value: text, message: message)
    }

    /// A text that is not in the expected format.
    ///
    /// - Parameters:
    ///   - text: The text given.
    ///   - field: The input, such as `"start"` or `"date"`.
    ///   - expected: The format, such as `"HH:MM"` or `"YYYY-MM-DD"`.
    public static func invalidFormat(_ text: String, field: String, expected: String)
        -> CalendarError
    {
        CalendarError(
            code: .invalidFormat, field: field, value: text,
            message: "\(field) \"\(text)\" is not in the format \(expected)")
    }

    /// A span whose start equals its end, such as `09:00-09:00`.
    public static func emptySpan(
        start: BusinessCalendar.LocalTime, end: BusinessCalendar.LocalTime
    ) -> CalendarError {
        CalendarError(
            code: .emptySpan, field: "span", value: "\(start)-\(end)",
            message: "span \(start)-\(end) is empty: its start equals its end")
    }

    /// Two weekly spans that share time: `first` on `firstDay` and `second` on `secondDay`
    /// (the same day, or an overnight span running into the next day's first span).
    public static func overlappingSpans(
        _ first: BusinessCalendar.Span, on firstDay: Weekday,
        _ second: BusinessCalendar.Span, on secondDay: Weekday
    ) -> CalendarError {
        let text = "\(firstDay.rawValue) \(first), \(secondDay.rawValue) \(second)"
        return CalendarError(
            code: .overlappingSpans, field: "weeklyHours", value: text,
            message: "weekly spans overlap: \(text)")
    }

    /// An unknown IANA time-zone identifier.
    public static func unknownTimeZone(_ identifier: String) -> CalendarError {
        CalendarError(
            code: .unknownTimeZone, field: "timeZone", value: identifier,
            message: "time zone \"\(identifier)\" is not a known IANA identifier")
    }

    /// A compilation horizon longer than `limitDays` days.
    ///
    /// - Parameters:
    ///   - horizon: The horizon given.
    ///   - limitDays: The ``ResourceLimits/calendarHorizonDays`` in force, by default
    ///     ``BusinessCalendar/maximumHorizonDays``.
    public static func horizonTooLong(
        _ horizon: DateRange, limitDays: Int = BusinessCalendar.maximumHorizonDays
    ) -> CalendarError {
        CalendarError(
            code: .horizonTooLong, field: "horizon", value: horizon.description,
            message: "horizon \(horizon) is longer than \(limitDays) days")
    }

    /// A compilation whose weekly spans, holidays and extra openings in the horizon could
    /// produce more than `limit` open intervals.
    ///
    /// - Parameters:
    ///   - horizon: The horizon given.
    ///   - limit: The ``ResourceLimits/compiledCalendarIntervals`` in force, by default
    ///     ``BusinessCalendar/maximumCompiledIntervals``.
    public static func tooManyIntervals(
        _ horizon: DateRange, limit: Int = BusinessCalendar.maximumCompiledIntervals
    ) -> CalendarError {
        CalendarError(
            code: .tooManyIntervals, field: "horizon", value: horizon.description,
            message: "compiling over \(horizon) needs more than \(limit) open intervals")
    }

    /// A query instant outside the compiled horizon (or not a finite instant).
    ///
    /// - Parameters:
    ///   - instant: The instant given.
    ///   - field: The argument, such as `"instant"`, `"start"` or `"end"`.
    ///   - horizon: The compiled horizon.
    public static func outsideHorizon(_ instant: Date, field: String, horizon: DateRange)
        -> CalendarError
    {
        let text = instant.iso8601Text
        return CalendarError(
            code: .outsideHorizon, field: field, value: text,
            message: "\(field) \(text) is outside the compiled horizon \(horizon)")
    }

    /// A query whose answer lies after the compiled horizon: a deadline, a next opening or
    /// a next closing that the compiled intervals cannot reach.
    ///
    /// - Parameters:
    ///   - field: The answer asked for, such as `"deadline"`, `"nextOpening"`.
    ///   - instant: The instant the query started from.
    ///   - horizon: The compiled horizon.
    public static func answerOutsideHorizon(field: String, after instant: Date, horizon: DateRange)
        -> CalendarError
    {
        let text = instant.iso8601Text
        return CalendarError(
            code: .outsideHorizon, field: field, value: text,
            message: "the \(field) after \(text) lies beyond the compiled horizon \(horizon)")
    }

    /// A business-time query `from` a start after its end.
    public static func endBeforeStart(start: Date, end: Date) -> CalendarError {
        CalendarError(
            code: .endBeforeStart, field: "end", value: end.iso8601Text,
            message: "end \(end.iso8601Text) is before start \(start.iso8601Text)")
    }

    /// A negative business duration.
    public static func negativeDuration(_ duration: Duration) -> CalendarError {
        CalendarError(
            code: .negativeDuration, field: "duration", value: String(describing: duration),
            message: "duration \(duration) is negative")
    }

    /// `value` as at least two decimal digits.
    private static func twoDigits(_ value: Int) -> String {
        value >= 0 && value < 10 ? "0\(value)" : String(value)
    }
}

extension CalendarError: MSPError {}
