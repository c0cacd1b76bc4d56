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
}
