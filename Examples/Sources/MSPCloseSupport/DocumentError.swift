import Foundation
import MSPCore

/// An input document that could not be read, parsed, decoded or validated.
///
/// It names the file (as the user wrote it, or relative to the data folder), the JSON path
/// of the offending value (`$.tickets[3].events[1].at`, from `DecodingError`'s coding path)
/// and the reason, so that a person can open the file and fix that one value:
///
/// ```
/// customers/acme.json: $.tickets[3].events[1].at: expected Int64, found a string
/// ```
package struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as shown to the user.
    package var file: String
    /// The JSON path of the value, `$` for the whole document; `nil` when the file could
    /// not be read at all.
    package var jsonPath: String?
    /// Why the value was rejected, one sentence.
    package var reason: String

    /// Creates an error.
    package init(file: String, jsonPath: String?, reason: String) {
        self.file = file
        self.jsonPath = jsonPath
        self.reason = reason
    }

    /// `file: $.path: reason`.
    package var description: String {
        if let jsonPath { return "\(file): \(jsonPath): \(reason)" }
        return "\(file): \(reason)"
    }
}

extension DocumentError {
    /// Describes any error thrown while decoding `file`: a `DecodingError` with its path,
    /// a library validation error (a struct with `code`, `field`, `value` and `message`,
    /// like MSPCore's `PeriodError`) with its field and value, or anything else as text.
    ///
    /// A library error reached through a `DecodingError.dataCorrupted` (a document type
    /// that wraps validation errors with the coding path) gets both the path and the field.
    package init(file: String, decoding error: any Error) {
        self.file = file
        if let decoding = error as? DecodingError {
            let described = DocumentError.describe(decoding)
            self.jsonPath = described.path
            self.reason = described.reason
        } else {
            self.jsonPath =
                ValidationFailure(error).map { JSONPath.text(field: $0.field) }
                ?? "$"
            self.reason = ValidationFailure(error)?.reason ?? String(describing: error)
        }
    }

    private static func describe(_ error: DecodingError) -> (path: String, reason: String) {
        switch error {
        case .typeMismatch(let type, let context):
            // Foundation writes "Expected to decode Int64 but found a string instead."
            let text = sentence(context.debugDescription)
            if let found = text.range(of: " but found "), text.hasSuffix(" instead") {
                let what = text[found.upperBound...].dropLast(" instead".count)
                return (
                    JSONPath.text(context.codingPath), "expected \(typeName(type)), found \(what)"
                )
            }
            return (JSONPath.text(context.codingPath), "expected \(typeName(type)): \(text)")
        case .valueNotFound(let type, let context):
            return (
                JSONPath.text(context.codingPath),
                "expected \(typeName(type)), found null or nothing"
            )
        case .keyNotFound(let key, let context):
            return (
                JSONPath.text(context.codingPath),
                "missing required key \"\(key.stringValue)\""
            )
        case .dataCorrupted(let context):
            var path = JSONPath.text(context.codingPath)
            var reason = sentence(context.debugDescription)
            if let underlying = context.underlyingError {
                if let failure = ValidationFailure(underlying) {
                    path = JSONPath.text(context.codingPath, appending: failure.field)
                    reason = failure.reason
                } else if context.codingPath.isEmpty {
                    reason += " (\(sentence(String(describing: underlying))))"
                }
            }
            if context.codingPath.isEmpty && reason.isEmpty { reason = "not valid JSON" }
            return (path, reason)
        @unknown default:
            return ("$", String(describing: error))
        }
    }

    /// The short name of a type: `Int64`, `Date`, `an object`, `an array`.
    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary<") { return "an object" }
        if name.hasPrefix("Array<") { return "an array" }
        if name.hasPrefix("Date") { return "Date" }
        return name
    }

    /// Trims the trailing full stop from Foundation's debug descriptions.
    private static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A library validation error read by shape: MSPKit's errors are structs with a `code`, the
/// `field` and `value` they are about and a `message` (see MSPCore's `PeriodError`); they
/// share no protocol, so the fields are read by name.
package struct ValidationFailure: Sendable, Hashable {
    /// The error's code, e.g. `duplicateComponent`.
    package var code: String
    /// The input field, e.g. `components[1].category`.
    package var field: String
    /// The offending value as text.
    package var value: String
    /// The sentence for people.
    package var message: String

    /// Reads a library validation error (any `MSPError`); `nil` for any other error.
    package init?(_ error: any Error) {
        guard let error = error as? any MSPError else { return nil }
        self.code = error.codeName
        self.field = error.field
        self.value = error.value
        self.message = error.message
    }

    /// `message (code, value "…")`.
    package var reason: String {
        value.isEmpty
            ? "\(message) (\(code))" : "\(message) (\(code), value \"\(value)\")"
    }
}
