import Foundation

/// The JSON the tools write: keys sorted by their UTF-8 bytes (stable diffs between runs), slashes unescaped,
/// dates as ISO 8601 (as `DocumentLoader.encoder(pretty:)`); pretty-printed for people
/// (standard output), compact for files.
package enum JSONOutput {
    /// Encodes `value` as the tools' JSON.
    ///
    /// - Throws: `EncodingError` from the value's `encode(to:)`.
    package static func encode(_ value: some Encodable, pretty: Bool = true) throws -> Data {
        try DocumentLoader.encoder(pretty: pretty).encode(value)
    }
}
