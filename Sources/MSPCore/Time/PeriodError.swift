import Foundation

/// An error from date ranges, billing cycles, billing periods and proration.
///
/// A struct with a ``code-swift.property`` rather than an enum, so that new codes do not
/// break a caller's `switch`; every error names the ``field`` and the offending ``value``.
public struct PeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// A range whose end is before its start.
        public static let endBeforeStart = Code(rawValue: "endBeforeStart")
        /// An instant that is not a finite date in the supported span.
        public static let invalidInstant = Code(rawValue: "invalidInstant")
        /// A billing-cycle anchor day outside 1...31.
        public static let invalidAnchorDay = Code(rawValue: "invalidAnchorDay")
        /// A cycle length (months or weeks) outside its range.
        public static let invalidInterval = Code(rawValue: "invalidInterval")
        /// A time-zone identifier the system does not know.
        public static let unknownTimeZone = Code(rawValue: "unknownTimeZone")
        /// A sub-range that is not inside the range it is a fraction of.
        public static let notWithinPeriod = Code(rawValue: "notWithinPeriod")
        /// A request that would produce more periods than the documented limit.
        public static let tooManyPeriods = Code(rawValue: "tooManyPeriods")
        /// A weekday number outside 1...7.
        public static let invalidWeekday = Code(rawValue: "invalidWeekday")
        /// A calendar date that does not exist or is not written `YYYY-MM-DD`.
        public static let invalidDate = Code(rawValue: "invalidDate")
        /// An anchor date that is not a period start for the anchor day it is given with.
        public static let anchorMismatch = Code(rawValue: "anchorMismatch")
        /// A date or period that falls outside the supported years 1...9999.
        public static let outOfRange = Code(rawValue: "outOfRange")
        /// A usage quantity (a count, unit-days or unit-seconds) below zero.
        public static let negativeQuantity = Code(rawValue: "negativeQuantity")
    }

    /// The kind of failure.
    public var code: Code
    /// The input the error is about, such as `"end"` or `"anchorDay"`.
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

extension PeriodError {
    /// A range `[start, end)` with `end < start`.
    public static func endBeforeStart(start: Date, end: Date) -> PeriodError {
        PeriodError(
            code: .endBeforeStart, field: "end", value: end.iso8601Text,
            message: "end \(end.iso8601Text) is before start \(start.iso8601Text)")
    }

    /// An instant that is NaN, infinite or outside years 1...9999.
    public static func invalidInstant(_ date: Date, field: String) -> PeriodError {
        PeriodError(
            code: .invalidInstant, field: field,
            value: String(describing: date.timeIntervalSince1970),
            message: "\(field) \(date.timeIntervalSince1970) s is not an instant in years 1...9999")
    }

    /// An unknown IANA time-zone identifier.
    public static func unknownTimeZone(_ identifier: String) -> PeriodError {
        PeriodError(
            code: .unknownTimeZone, field: "timeZone", value: identifier,
            message: "time zone \"\(identifier)\" is not a known IANA identifier")
    }
}

extension PeriodError {
    /// A monthly anchor day outside 1...31.
    public static func invalidAnchorDay(_ day: Int) -> PeriodError {
        PeriodError(
            code: .invalidAnchorDay, field: "anchorDay", value: String(day),
            message: "anchor day \(day) is outside 1...31")
    }

    /// A cycle interval outside `allowed`, for a cycle counted in `unit`s.
    public static func invalidInterval(
        _ interval: Int, unit: String, allowed: ClosedRange<Int>
    ) -> PeriodError {
        PeriodError(
            code: .invalidInterval, field: "interval", value: String(interval),
            message:
                "interval \(interval) \(unit)s is outside \(allowed.lowerBound)...\(allowed.upperBound)"
        )
    }

    /// A weekday number outside 1...7 (ISO 8601: Monday is 1, Sunday is 7).
    public static func invalidWeekday(_ number: Int) -> PeriodError {
        PeriodError(
            code: .invalidWeekday, field: "weekday", value: String(number),
            message: "weekday \(number) is outside 1...7 (Monday is 1)")
    }

    /// A calendar date that does not exist, or text that is not `YYYY-MM-DD`.
    public static func invalidDate(_ text: String, field: String) -> PeriodError {
        PeriodError(
            code: .invalidDate, field: field, value: text,
            message: "\(field) \(text) is not a date YYYY-MM-DD in years 1...9999")
    }

    /// An anchor date that does not fall on the (clamped) anchor day.
    public static func anchorMismatch(anchorDate: LocalDate, anchorDay: Int) -> PeriodError {
        PeriodError(
            code: .anchorMismatch, field: "anchorDate", value: anchorDate.description,
            message:
                "anchor date \(anchorDate) does not fall on anchor day \(anchorDay) of its month")
    }

    /// A date, instant or period that falls outside years 1...9999.
    public static func outOfRange(_ value: String, field: String) -> PeriodError {
        PeriodError(
            code: .outOfRange, field: field, value: value,
            message: "\(field) \(value) falls outside the supported years 1...9999")
    }

    /// A usage quantity below zero.
    public static func negativeQuantity(_ value: Int64, field: String) -> PeriodError {
        PeriodError(
            code: .negativeQuantity, field: field, value: String(value),
            message: "\(field) \(value) is negative; usage quantities are 0 or more")
    }

    /// A sub-range that is not inside the period it should be a fraction of.
    public static func notWithinPeriod(_ subRange: DateRange, period: DateRange) -> PeriodError {
        PeriodError(
            code: .notWithinPeriod, field: "subRange", value: subRange.description,
            message: "sub-range \(subRange) is not within period \(period)")
    }

    /// A request for `count` periods where at most `limit` are allowed.
    public static func tooManyPeriods(_ count: Int, limit: Int) -> PeriodError {
        PeriodError(
            code: .tooManyPeriods, field: "range", value: String(count),
            message: "the range spans \(count) periods; at most \(limit) are returned")
    }
}

extension PeriodError: MSPError {}
