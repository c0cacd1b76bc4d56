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

    /// Decodes an instant written as ISO 8601 text, e.g. `"2026-01-05T14:30:00.000Z"`
    /// (MSPCore's `DateRange.instant(iso8601:)`: `Z` or `±HH:MM`, 0 to 9 fraction digits, rounded to the millisecond).
    internal func decodeInstant(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = DateRange.instant(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "\(key.stringValue) \"\(text)\" is not an ISO 8601 "
                    + "instant like 2026-01-05T14:30:00.000Z in years 1...9999")
        }
        return date
    }
}

extension KeyedEncodingContainer {
    /// Encodes an instant as ISO 8601 text in UTC with milliseconds
    /// (MSPCore's `DateRange.iso8601(_:)`).
    internal mutating func encodeInstant(_ date: Date, forKey key: Key) throws {
        guard let text = DateRange.iso8601(date) else {
            throw EncodingError.invalidValue(
                date,
                EncodingError.Context(
                    codingPath: codingPath + [key],
                    debugDescription: "instant outside years 1...9999"))
        }
        try encode(text, forKey: key)
    }
}
