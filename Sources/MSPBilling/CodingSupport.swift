import Foundation
import MSPCore

// Shared plumbing for MSPBilling's JSON: every decoder re-validates through the type's
// public initialiser (or the same checks), and reports a `BillingError` as
// `DecodingError.dataCorrupted` whose coding path ends at the field the error names, whose
// description starts with that field, and whose `underlyingError` is the `BillingError`.

extension KeyedDecodingContainer {
    /// Runs a validating initialiser; a ``BillingError`` becomes `dataCorrupted` at the key
    /// the error's field names (when the container has such a key).
    internal func validated<T>(_ body: () throws(BillingError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            let root = String(error.field.prefix { $0 != "[" && $0 != "." })
            let path = codingPath + (Key(stringValue: root).map { [$0] } ?? [])
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: path, debugDescription: "\(error.field): \(error)",
                    underlyingError: error))
        }
    }

    /// Decodes an instant written as ISO 8601 text in UTC, e.g.
    /// `"2026-01-05T14:30:00.000Z"`.
    internal func decodeInstant(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = InstantText.date(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "\(key.stringValue) \"\(text)\" is not an ISO 8601 UTC "
                    + "instant like 2026-01-05T14:30:00.000Z in years 1...9999")
        }
        return date
    }
}

extension KeyedEncodingContainer {
    /// Encodes an instant as ISO 8601 text in UTC with milliseconds.
    internal mutating func encodeInstant(_ date: Date, forKey key: Key) throws {
        guard let text = InstantText.text(date) else {
            throw EncodingError.invalidValue(
                date,
                EncodingError.Context(
                    codingPath: codingPath + [key],
                    debugDescription: "instant outside years 1...9999"))
        }
        try encode(text, forKey: key)
    }
}

/// Instants as `YYYY-MM-DDTHH:MM:SS.mmmZ`, the form MSPCore's `DateRange` writes.
internal enum InstantText {
    private static let day: Int64 = 86_400_000

    /// The text of `date` at millisecond resolution; `nil` outside years 1...9999.
    static func text(_ date: Date) -> String? {
        guard let milliseconds = DateRange.milliseconds(of: date) else { return nil }
        let days = milliseconds >= 0 ? milliseconds / day : -((-milliseconds - 1) / day) - 1
        let inDay = milliseconds - days * day
        guard let epoch = try? LocalDate(year: 1970, month: 1, day: 1),
            let date = try? epoch.adding(days: Int(days))
        else { return nil }
        func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(date)T\(padded(inDay / 3_600_000, 2)):\(padded(inDay / 60_000 % 60, 2))"
            + ":\(padded(inDay / 1000 % 60, 2)).\(padded(inDay % 1000, 3))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` with 0 to 3 fraction digits and `Z`; `nil` otherwise.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let date = try? LocalDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
            let epoch = try? LocalDate(year: 1970, month: 1, day: 1),
            let hour = number(bytes[11..<13]), hour < 24,
            let minute = number(bytes[14..<16]), minute < 60,
            let second = number(bytes[17..<19]), second < 60
        else { return nil }
        var fraction: Int64 = 0
        let tail = bytes[19..<(bytes.count - 1)]
        if !tail.isEmpty {
            guard tail.first == UInt8(ascii: "."), (2...4).contains(tail.count),
                let digits = number(tail.dropFirst())
            else { return nil }
            fraction = digits
            for _ in tail.count..<4 { fraction *= 10 }
        }
        let days = Int64(epoch.days(to: date))
        let milliseconds =
            days * day + hour * 3_600_000 + minute * 60_000 + second * 1000 + fraction
        guard DateRange.supportedMilliseconds.contains(milliseconds) else { return nil }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
