import Foundation

/// Conversions between `Date` and MSPKit's internal time base: signed milliseconds since
/// 1970-01-01T00:00:00Z, rounded to the nearest millisecond.
internal enum Instant {
    /// Milliseconds of 0001-01-01T00:00:00Z.
    static let minimum: Int64 = -62_135_596_800_000
    /// Milliseconds of 10000-01-01T00:00:00Z (exclusive bound).
    static let maximum: Int64 = 253_402_300_800_000

    /// The millisecond of `date`, or `nil` when it is not finite or outside years 1...9999.
    static func millisecondsIfValid(_ date: Date) -> Int64? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return nil }
        let scaled = (seconds * 1000).rounded(.toNearestOrEven)
        guard scaled >= Double(minimum), scaled < Double(maximum) else { return nil }
        return Int64(scaled)
    }

    /// The millisecond of `date`. - Throws: ``PeriodError`` `invalidInstant`.
    static func milliseconds(_ date: Date, field: String) throws(PeriodError) -> Int64 {
        guard let value = millisecondsIfValid(date) else {
            throw .invalidInstant(date, field: field)
        }
        return value
    }

    /// The `Date` of a millisecond count.
    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
