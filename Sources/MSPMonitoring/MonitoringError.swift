import MSPCore

/// An error from monitoring rules, samples, flap detectors, alert policies and availability.
///
/// A struct with a ``code-swift.property`` rather than an enum, so that new codes do not
/// break a caller's `switch`; every error names the ``field`` and the offending ``value``.
public struct MonitoringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// A rule with neither a warning nor a critical level.
        public static let missingLevel = Code(rawValue: "missingLevel")
        /// A warning level on the failing side of the critical level.
        public static let warningBeyondCritical = Code(rawValue: "warningBeyondCritical")
        /// A recovery level that does not lie strictly on the healthy side of its trigger.
        public static let recoveryNotHysteresis = Code(rawValue: "recoveryNotHysteresis")
        /// A level, threshold or sample value that is NaN or infinite.
        public static let nonFiniteValue = Code(rawValue: "nonFiniteValue")
        /// A count (confirmations, samples) below its minimum.
        public static let invalidCount = Code(rawValue: "invalidCount")
        /// A duration below its minimum.
        public static let invalidDuration = Code(rawValue: "invalidDuration")
        /// An interval whose end is before its start.
        public static let endBeforeStart = Code(rawValue: "endBeforeStart")
        /// An instant outside the supported years 1...9999.
        public static let instantOutOfRange = Code(rawValue: "instantOutOfRange")
        /// A sample, event or change older than one already processed.
        public static let outOfOrder = Code(rawValue: "outOfOrder")
        /// Parallel arrays of different lengths.
        public static let lengthMismatch = Code(rawValue: "lengthMismatch")
        /// Flap thresholds outside 0...100 or with low above high.
        public static let invalidThresholds = Code(rawValue: "invalidThresholds")
        /// A time-zone identifier or local date the calendar cannot use.
        public static let invalidCalendar = Code(rawValue: "invalidCalendar")
        /// A ratio that does not fit the exact 64-bit arithmetic.
        public static let overflow = Code(rawValue: "overflow")
    }

    /// The kind of failure.
    public var code: Code
    /// The input the error is about, such as `"warning"` or `"values[3]"`.
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

extension MonitoringError {
    /// A threshold rule with neither level.
    public static func missingLevel() -> MonitoringError {
        MonitoringError(
            code: .missingLevel, field: "levels", value: "none",
            message: "a threshold rule needs a warning level, a critical level or both")
    }

    /// A warning level that is not strictly on the healthy side of the critical level.
    public static func warningBeyondCritical(warning: Double, critical: Double) -> MonitoringError {
        MonitoringError(
            code: .warningBeyondCritical, field: "warning", value: "\(warning)",
            message:
                "warning level \(warning) must lie strictly on the healthy side of critical \(critical)"
        )
    }

    /// A recovery level that does not form hysteresis with its trigger level.
    public static func recoveryNotHysteresis(
        field: String, recovery: Double, trigger: Double
    ) -> MonitoringError {
        MonitoringError(
            code: .recoveryNotHysteresis, field: field, value: "\(recovery)",
            message:
                "\(field) \(recovery) must lie strictly on the healthy side of its trigger \(trigger)"
        )
    }

    /// A NaN or infinite number.
    public static func nonFiniteValue(_ value: Double, field: String) -> MonitoringError {
        MonitoringError(
            code: .nonFiniteValue, field: field, value: "\(value)",
            message: "\(field) \(value) is not a finite number")
    }

    /// A count below `minimum`.
    public static func invalidCount(_ count: Int, field: String, minimum: Int) -> MonitoringError {
        MonitoringError(
            code: .invalidCount, field: field, value: String(count),
            message: "\(field) \(count) is below the minimum \(minimum)")
    }

    /// A duration in milliseconds below `minimum`, or longer than the supported span of
    /// instants (years 1...9999).
    public static func invalidDuration(_ milliseconds: Int64, field: String, minimum: Int64)
        -> MonitoringError
    {
        MonitoringError(
            code: .invalidDuration, field: field, value: String(milliseconds),
            message:
                "\(field) \(milliseconds) ms is outside \(minimum)...\(InstantBounds.span) ms")
    }

    /// An interval `[start, end)` with `end < start`, in milliseconds.
    public static func endBeforeStart(start: Int64, end: Int64, field: String) -> MonitoringError {
        MonitoringError(
            code: .endBeforeStart, field: field, value: String(end),
            message: "\(field) ends at \(end) ms, before its start \(start) ms")
    }

    /// An instant outside years 1...9999.
    public static func instantOutOfRange(_ milliseconds: Int64, field: String) -> MonitoringError {
        MonitoringError(
            code: .instantOutOfRange, field: field, value: String(milliseconds),
            message: "\(field) \(milliseconds) ms falls outside the supported years 1...9999")
    }

    /// An instant earlier than the last one processed.
    public static func outOfOrder(_ milliseconds: Int64, previous: Int64, field: String)
        -> MonitoringError
    {
        MonitoringError(
            code: .outOfOrder, field: field, value: String(milliseconds),
            message: "\(field) at \(milliseconds) ms is earlier than the last one at \(previous) ms"
        )
    }

    /// Parallel arrays of different lengths.
    public static func lengthMismatch(field: String, expected: Int, actual: Int) -> MonitoringError
    {
        MonitoringError(
            code: .lengthMismatch, field: field, value: String(actual),
            message: "\(field) has \(actual) elements where \(expected) are needed")
    }

    /// Flap thresholds outside 0...100, or low above high.
    public static func invalidThresholds(low: Double, high: Double) -> MonitoringError {
        MonitoringError(
            code: .invalidThresholds, field: "thresholds", value: "\(low)...\(high)",
            message: "flap thresholds need 0 <= low <= high <= 100; got low \(low), high \(high)")
    }

    /// A time zone or date the calendar cannot use.
    public static func invalidCalendar(_ value: String, field: String, reason: String)
        -> MonitoringError
    {
        MonitoringError(
            code: .invalidCalendar, field: field, value: value,
            message: "\(field) \(value): \(reason)")
    }

    /// A ratio or sum that does not fit 64-bit arithmetic.
    public static func overflow(field: String, value: String) -> MonitoringError {
        MonitoringError(
            code: .overflow, field: field, value: value,
            message: "\(field) \(value) does not fit exact 64-bit arithmetic")
    }
}

/// Bounds of the instants MSPKit supports, in milliseconds since 1970: years 1...9999.
enum InstantBounds {
    /// 0001-01-01T00:00:00Z.
    static let minimum: Int64 = DateRange.supportedMilliseconds.lowerBound
    /// 10000-01-01T00:00:00Z (exclusive).
    static let maximum: Int64 = DateRange.supportedMilliseconds.upperBound

    /// Whether `milliseconds` is a supported instant.
    @inline(__always)
    static func contains(_ milliseconds: Int64) -> Bool {
        minimum <= milliseconds && milliseconds < maximum
    }

    /// Throws unless `milliseconds` is a supported instant.
    static func check(_ milliseconds: Int64, field: String) throws(MonitoringError) {
        guard contains(milliseconds) else { throw .instantOutOfRange(milliseconds, field: field) }
    }

    /// The longest duration between two supported instants.
    static let span: Int64 = maximum - minimum

    /// Throws unless `milliseconds` is a duration that keeps instants in range.
    static func checkDuration(_ milliseconds: Int64, field: String, minimum: Int64)
        throws(MonitoringError)
    {
        guard milliseconds >= minimum, milliseconds <= span else {
            throw .invalidDuration(milliseconds, field: field, minimum: minimum)
        }
    }
}

extension MonitoringError: MSPError {}
