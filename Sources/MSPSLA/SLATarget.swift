import MSPCore

/// One promise of an SLA policy: a business duration for one ``SLATargetKind``, counted on
/// a named calendar, with warning thresholds.
///
/// A P1 first response within 1 business hour on `"business"`, warning at 50% and 75%:
///
/// ```swift
/// let target = try SLATarget(
///     kind: .firstResponse, duration: .seconds(3600), calendar: "business",
///     warningThresholds: [try Rational(1, 2), try Rational(3, 4)])
/// ```
///
/// The duration is business time on the calendar: a 4-hour target on Monday to Friday
/// 09:00-17:00 that starts Friday 16:30 is due Monday 12:30. A 24×7 target names a calendar
/// built with `BusinessCalendar.twentyFourSeven(timeZone:)`.
///
/// A threshold `w` is reached when the elapsed business time is at least `w` × duration,
/// taken in whole milliseconds rounded up.
///
/// JSON: `{"kind": "firstResponse", "milliseconds": 3600000, "calendar": "business",
/// "warningThresholds": ["0.5", "0.75"]}`.
public struct SLATarget: Sendable, Hashable {
    /// What the target measures.
    public let kind: SLATargetKind
    /// The business time allowed.
    public let duration: Duration
    /// The name of the calendar the duration is counted on.
    public let calendar: String
    /// Fractions of the duration at which a warning is due, in `(0, 1]`, sorted ascending,
    /// without duplicates.
    public let warningThresholds: [Rational]

    /// The duration in whole milliseconds.
    let milliseconds: Int64

    /// Creates a target.
    ///
    /// - Parameters:
    ///   - kind: What the target measures.
    ///   - duration: The business time allowed; zero or more, counted in whole
    ///     milliseconds (a fraction of a millisecond is rounded up).
    ///   - calendar: The name of the calendar to count on.
    ///   - warningThresholds: Fractions in `(0, 1]`; sorted and de-duplicated.
    /// - Throws: ``SLAError`` `negativeTarget`, `targetTooLong` (over 100 years),
    ///   `invalidThreshold`.
    public init(
        kind: SLATargetKind, duration: Duration, calendar: String,
        warningThresholds: [Rational] = []
    ) throws(SLAError) {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else {
            throw .negativeTarget(duration, kind: kind)
        }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        let rounded = whole.addingReportingOverflow(
            (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        guard !overflow, !rounded.overflow, rounded.partialValue <= SLATarget.maximumMilliseconds
        else {
            throw SLAError(
                code: .targetTooLong, field: "target", value: String(describing: duration),
                message: "the \(kind.rawValue) target \(duration) exceeds 100 years")
        }
        var thresholds: [Rational] = []
        for threshold in warningThresholds.sorted(by: <) {
            guard !threshold.isNegative, !threshold.isZero, !(Rational.one < threshold) else {
                throw .invalidThreshold(threshold)
            }
            if thresholds.last != threshold { thresholds.append(threshold) }
        }
        self.kind = kind
        self.duration = .milliseconds(rounded.partialValue)
        self.calendar = calendar
        self.warningThresholds = thresholds
        self.milliseconds = rounded.partialValue
    }

    /// The longest target accepted: 100 years of milliseconds.
    static let maximumMilliseconds: Int64 = 100 * 366 * 86_400_000

    /// The elapsed milliseconds at which each warning is reached: ⌈w × duration⌉.
    func warningMilliseconds() throws(SLAError) -> [Int64] {
        var result: [Int64] = []
        for threshold in warningThresholds {
            do {
                let exact = try Rational(milliseconds) * threshold
                result.append(try exact.rounded(.ceiling))
            } catch { throw .arithmetic(error) }
        }
        return result
    }
}

extension SLATarget: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, milliseconds, calendar, warningThresholds
    }

    /// Decodes the documented JSON object and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let thresholds =
            try container.decodeIfPresent([Rational].self, forKey: .warningThresholds) ?? []
        try self.init(
            kind: try container.decode(SLATargetKind.self, forKey: .kind),
            duration: .milliseconds(try container.decode(Int64.self, forKey: .milliseconds)),
            calendar: try container.decode(String.self, forKey: .calendar),
            warningThresholds: thresholds)
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(milliseconds, forKey: .milliseconds)
        try container.encode(calendar, forKey: .calendar)
        try container.encode(warningThresholds, forKey: .warningThresholds)
    }
}
