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
        DateRange.instant(milliseconds: milliseconds)
    }

    /// `milliseconds` as ISO 8601 in UTC with milliseconds: `"2026-01-31T05:00:00.000Z"`.
    ///
    /// Valid for instants in years 1...9999.
    static func iso8601(_ milliseconds: Int64) -> String {
        let day = floorDivide(milliseconds, 86_400_000)
        let inDay = Int(milliseconds - day * 86_400_000)
        let date = (try? LocalDate(daysSinceEpoch: Int(day))) ?? LocalDate(unchecked: 1, 1, 1)
        // 24 bytes written in place: this runs for every instant a report writes.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            func put(_ value: Int, at offset: Int, width: Int) {
                var rest = value
                for index in (offset..<(offset + width)).reversed() {
                    buffer[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                    rest /= 10
                }
            }
            put(date.year, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            put(date.month, at: 5, width: 2)
            buffer[7] = UInt8(ascii: "-")
            put(date.day, at: 8, width: 2)
            buffer[10] = UInt8(ascii: "T")
            put(inDay / 3_600_000, at: 11, width: 2)
            buffer[13] = UInt8(ascii: ":")
            put(inDay / 60_000 % 60, at: 14, width: 2)
            buffer[16] = UInt8(ascii: ":")
            put(inDay / 1000 % 60, at: 17, width: 2)
            buffer[19] = UInt8(ascii: ".")
            put(inDay % 1000, at: 20, width: 3)
            buffer[23] = UInt8(ascii: "Z")
            return String(decoding: UnsafeBufferPointer(buffer), as: UTF8.self)
        }
    }

    /// Parses ISO 8601 / RFC 3339 `YYYY-MM-DDTHH:MM:SS[.f…]` followed by `Z` or `±HH:MM`,
    /// with 0 to 9 fraction digits, in years 1...9999; a fraction finer than a millisecond
    /// is rounded to the nearest one (ties to even), MSPKit's resolution. Returns `nil` for
    /// anything else.
    static func milliseconds(iso8601 text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            return DecimalText.digits(bytes[range]).map(Int64.init)
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == UInt8(ascii: "T"),
            bytes[13] == 58, bytes[16] == 58, let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10),
            let date = try? LocalDate(year: Int(year), month: Int(month), day: Int(day)),
            let hour = number(11..<13), hour < 24, let minute = number(14..<16), minute < 60,
            let second = number(17..<19), second < 60
        else { return nil }
        var cursor = 19
        var fraction: Int64 = 0
        if bytes[cursor] == UInt8(ascii: ".") {
            var digits = 0
            var nanoseconds: Int64 = 0
            cursor += 1
            while cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 {
                guard digits < 9 else { return nil }
                nanoseconds = nanoseconds * 10 + Int64(bytes[cursor] - 48)
                digits += 1
                cursor += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanoseconds *= 10 }
            fraction = nanoseconds / 1_000_000
            let rest = nanoseconds % 1_000_000
            if rest > 500_000 || (rest == 500_000 && fraction % 2 == 1) { fraction += 1 }
        }
        guard cursor < bytes.count else { return nil }
        var offset: Int64 = 0
        switch bytes[cursor] {
        case UInt8(ascii: "Z"):
            guard cursor + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard cursor + 6 == bytes.count, bytes[cursor + 3] == 58,
                let hours = number((cursor + 1)..<(cursor + 3)), hours < 24,
                let minutes = number((cursor + 4)..<(cursor + 6)), minutes < 60
            else { return nil }
            offset = (hours * 60 + minutes) * 60_000
            if bytes[cursor] == UInt8(ascii: "-") { offset = -offset }
        default:
            return nil
        }
        let value =
            Int64(date.daysSinceEpoch) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000
            + fraction - offset
        guard value >= minimum, value < maximum else { return nil }
        return value
    }
}

extension Date {
    /// The instant as ISO 8601 in UTC with milliseconds (`"2026-01-31T05:00:00.000Z"`), the
    /// form `DateRange` writes to JSON, for messages and descriptions; an instant outside
    /// years 1...9999 is shown as its raw seconds since 1970.
    internal var iso8601Text: String {
        guard let milliseconds = Instant.millisecondsIfValid(self) else {
            return String(describing: timeIntervalSince1970)
        }
        return Instant.iso8601(milliseconds)
    }
}
