import Foundation

extension KeyedDecodingContainer {
    /// Decodes an instant written as MSPKit documents write it: ISO 8601 / RFC 3339 text
    /// such as `"2026-01-05T14:30:00.000Z"` (``DateRange/instant(iso8601:)``), whatever
    /// the decoder's date strategy; a JSON number is refused.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at `key` for text of another shape or an
    ///   instant outside years 1...9999.
    public func decodeISO8601Instant(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let instant = DateRange.instant(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "\(key.stringValue) \"\(text)\" is not an ISO 8601 instant "
                    + "like 2026-01-05T14:30:00.000Z in years 1...9999")
        }
        return instant
    }
}

extension KeyedEncodingContainer {
    /// Encodes an instant as the ISO 8601 text MSPKit documents write, UTC with
    /// milliseconds (``DateRange/iso8601(_:)``), whatever the encoder's date strategy.
    ///
    /// - Throws: `EncodingError.invalidValue` for an instant outside years 1...9999.
    public mutating func encodeISO8601Instant(_ instant: Date, forKey key: Key) throws {
        guard let text = DateRange.iso8601(instant) else {
            throw EncodingError.invalidValue(
                instant,
                .init(
                    codingPath: codingPath + [key],
                    debugDescription: "instant outside years 1...9999"))
        }
        try encode(text, forKey: key)
    }
}
