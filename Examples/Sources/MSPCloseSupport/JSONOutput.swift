import Foundation

/// The JSON the tools write: pretty-printed, keys sorted (stable diffs between runs),
/// slashes unescaped, dates as ISO 8601 (as `DocumentLoader.encoder(pretty:)`).
package enum JSONOutput {
    /// Encodes `value` as the tools' JSON.
    ///
    /// - Throws: `EncodingError` from the value's `encode(to:)`.
    package static func encode(_ value: some Encodable) throws -> Data {
        try DocumentLoader.encoder(pretty: true).encode(value)
    }
}
