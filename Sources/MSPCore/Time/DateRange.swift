import Foundation

/// A half-open interval of instants, `[start, end)`.
///
/// The start belongs to the range and the end does not, so consecutive periods
/// `[Jan 1, Feb 1)` and `[Feb 1, Mar 1)` share no instant and their durations add up. A range
/// whose start equals its end is empty: it contains nothing and has zero duration.
///
/// Instants are Foundation `Date`s. MSPKit's time arithmetic works at a resolution of one
/// millisecond: each bound is rounded to the nearest millisecond when the range is created,
/// so durations are exact integers of milliseconds and `Date`'s floating-point representation
/// never leaks into a sum.
public struct DateRange: Sendable, Hashable {
    /// The first instant in the range.
    public let start: Date
    /// The first instant after the range.
    public let end: Date

    /// Creates `[start, end)`.
    ///
    /// - Throws: ``PeriodError`` `invalidInstant` for a non-finite bound or one outside years
    ///   1...9999, `endBeforeStart` when `end < start`.
    public init(start: Date, end: Date) throws(PeriodError) {
        let startMilliseconds = try Instant.milliseconds(start, field: "start")
        let endMilliseconds = try Instant.milliseconds(end, field: "end")
        guard startMilliseconds <= endMilliseconds else {
            throw .endBeforeStart(start: start, end: end)
        }
        self.init(milliseconds: startMilliseconds, endMilliseconds)
    }

    /// Creates a range from millisecond bounds already validated, `start <= end`.
    internal init(milliseconds start: Int64, _ end: Int64) {
        self.start = Instant.date(milliseconds: start)
        self.end = Instant.date(milliseconds: end)
        self.startMilliseconds = start
        self.endMilliseconds = end
    }

    /// Creates `[start, end)` from milliseconds since 1970-01-01T00:00:00Z, the form hot
    /// loops keep instants in.
    ///
    /// - Throws: ``PeriodError`` `invalidInstant` for a bound outside years 1...9999,
    ///   `endBeforeStart` when `end < start`.
    public init(startMilliseconds start: Int64, endMilliseconds end: Int64) throws(PeriodError) {
        guard Instant.minimum <= start, start < Instant.maximum else {
            throw .invalidInstant(Instant.date(milliseconds: start), field: "start")
        }
        guard Instant.minimum <= end, end < Instant.maximum else {
            throw .invalidInstant(Instant.date(milliseconds: end), field: "end")
        }
        guard start <= end else {
            throw .endBeforeStart(
                start: Instant.date(milliseconds: start), end: Instant.date(milliseconds: end))
        }
        self.init(milliseconds: start, end)
    }

    /// The instants MSPKit supports, as milliseconds since 1970-01-01T00:00:00Z: from
    /// 0001-01-01T00:00:00Z up to (not including) 10000-01-01T00:00:00Z.
    public static let supportedMilliseconds: Range<Int64> = Instant.minimum..<Instant.maximum

    /// `date` as milliseconds since 1970-01-01T00:00:00Z, rounded to the nearest
    /// millisecond (ties to even), or `nil` when it is not finite or falls outside
    /// ``supportedMilliseconds``: the conversion every MSPKit range uses.
    public static func milliseconds(of date: Date) -> Int64? {
        Instant.millisecondsIfValid(date)
    }

    /// The instant `milliseconds` after 1970-01-01T00:00:00Z: the inverse of
    /// ``milliseconds(of:)`` for every value in ``supportedMilliseconds``.
    @inlinable
    public static func instant(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` as the ISO 8601 text every MSPKit document writes: UTC with milliseconds,
    /// `"2026-01-31T05:00:00.000Z"`; `nil` when ``milliseconds(of:)`` is.
    public static func iso8601(_ date: Date) -> String? {
        Instant.millisecondsIfValid(date).map(Instant.iso8601)
    }

    /// The instant of ISO 8601 / RFC 3339 text `YYYY-MM-DDTHH:MM:SS[.f…]` followed by `Z`
    /// or `±HH:MM` (0 to 9 fraction digits, rounded to the nearest millisecond, ties to
    /// even; years 1...9999), as MSPKit documents read it; `nil` for any other text.
    public static func instant(iso8601 text: String) -> Date? {
        Instant.milliseconds(iso8601: text).map { Instant.date(milliseconds: $0) }
    }

    /// Milliseconds since 1970-01-01T00:00:00Z of ``start``: MSPKit's exact time base.
    public let startMilliseconds: Int64
    /// Milliseconds since 1970-01-01T00:00:00Z of ``end``.
    public let endMilliseconds: Int64

    /// Whether the range contains no instant.
    public var isEmpty: Bool { startMilliseconds == endMilliseconds }

    /// The exact length of the range.
    public var duration: Duration { .milliseconds(endMilliseconds - startMilliseconds) }

    /// Whether `instant` lies in `[start, end)`.
    public func contains(_ instant: Date) -> Bool {
        guard let t = Instant.millisecondsIfValid(instant) else { return false }
        return startMilliseconds <= t && t < endMilliseconds
    }

    /// Whether every instant of `other` lies in this range. An empty range is contained when
    /// its position lies within `[start, end]`.
    public func contains(_ other: DateRange) -> Bool {
        startMilliseconds <= other.startMilliseconds && other.endMilliseconds <= endMilliseconds
    }

    /// Whether the two ranges share at least one instant. Ranges that only touch
    /// (`a.end == b.start`) do not overlap, and an empty range overlaps nothing.
    public func overlaps(_ other: DateRange) -> Bool {
        startMilliseconds < other.endMilliseconds && other.startMilliseconds < endMilliseconds
            && !isEmpty && !other.isEmpty
    }

    /// The instants in both ranges, or `nil` when they do not overlap.
    public func intersection(_ other: DateRange) -> DateRange? {
        guard overlaps(other) else { return nil }
        return DateRange(
            milliseconds: max(startMilliseconds, other.startMilliseconds),
            min(endMilliseconds, other.endMilliseconds))
    }

    /// Merges ranges that overlap or touch into a sorted list of disjoint, non-empty ranges.
    ///
    /// `[09:00, 10:00)`, `[09:30, 11:00)` and `[11:00, 12:00)` merge into `[09:00, 12:00)`:
    /// touching ranges join because no instant separates them. Empty ranges disappear.
    ///
    /// - Complexity: O(*n* log *n*) for *n* ranges.
    public static func union(_ ranges: some Sequence<DateRange>) -> [DateRange] {
        IntervalSet.union(ranges.map(\.milliseconds)).map(DateRange.init(milliseconds:))
    }

    /// The parts of this range not covered by any of `ranges`, in order.
    ///
    /// - Complexity: O(*n* log *n*) for *n* ranges.
    public func subtracting(_ ranges: some Sequence<DateRange>) -> [DateRange] {
        IntervalSet.subtract(
            isEmpty ? [] : [milliseconds], IntervalSet.union(ranges.map(\.milliseconds))
        ).map(DateRange.init(milliseconds:))
    }

    /// The bounds in milliseconds, `(start, end)`.
    internal var milliseconds: (Int64, Int64) { (startMilliseconds, endMilliseconds) }

    /// Creates a range from validated millisecond bounds.
    internal init(milliseconds bounds: (Int64, Int64)) {
        self.init(milliseconds: bounds.0, bounds.1)
    }
}

extension DateRange: Comparable {
    /// Orders by start, then by end.
    public static func < (lhs: DateRange, rhs: DateRange) -> Bool {
        (lhs.startMilliseconds, lhs.endMilliseconds) < (rhs.startMilliseconds, rhs.endMilliseconds)
    }
}

extension DateRange: CustomStringConvertible {
    /// `[2026-01-01T00:00:00.000Z, 2026-02-01T00:00:00.000Z)`.
    public var description: String { "[\(start.iso8601Text), \(end.iso8601Text))" }
}

extension DateRange: Codable {
    private enum CodingKeys: String, CodingKey { case start, end }

    /// Decodes `{"start": "…", "end": "…"}` with ISO 8601 strings and re-validates
    /// `start <= end`.
    ///
    /// Each bound is `YYYY-MM-DDTHH:MM:SS`, optionally with up to nine fraction digits (rounded to the millisecond),
    /// followed by `Z` or an offset `±HH:MM`; a JSON number is rejected whatever the
    /// decoder's date strategy, so no bound passes through binary floating point.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try Self.decodeInstant(container, .start)
        let end = try Self.decodeInstant(container, .end)
        guard start <= end else {
            let error = PeriodError.endBeforeStart(
                start: Instant.date(milliseconds: start), end: Instant.date(milliseconds: end))
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: error.description)
        }
        self.init(milliseconds: start, end)
    }

    private static func decodeInstant(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> Int64 {
        let text = try container.decode(String.self, forKey: key)
        guard let milliseconds = Instant.milliseconds(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "\(key.stringValue) \"\(text)\" is not an ISO 8601 instant "
                    + "like 2026-01-31T05:00:00.000Z in years 1...9999")
        }
        return milliseconds
    }

    /// Encodes `{"start": "2026-01-01T00:00:00.000Z", "end": "2026-02-01T00:00:00.000Z"}`:
    /// ISO 8601 in UTC with milliseconds, whatever the encoder's date strategy.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Instant.iso8601(startMilliseconds), forKey: .start)
        try container.encode(Instant.iso8601(endMilliseconds), forKey: .end)
    }
}
