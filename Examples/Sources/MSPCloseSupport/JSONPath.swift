import Foundation

/// JSON paths for messages: `$.tickets[3].events[1].at`.
package enum JSONPath {
    /// The path of a decoder's coding path.
    ///
    /// Integer keys (array elements) become `[n]`; keys that are not plain identifiers are
    /// quoted: `$["odd key"]`.
    package static func text(_ codingPath: [any CodingKey]) -> String {
        var text = "$"
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += member(key.stringValue)
            }
        }
        return text
    }

    /// The path of a coding path followed by a library error's `field` (already written
    /// as `components[1].category`).
    package static func text(_ codingPath: [any CodingKey], appending field: String) -> String {
        let base = text(codingPath)
        guard !field.isEmpty else { return base }
        return field.hasPrefix("[") ? base + field : base + "." + field
    }

    /// A library error's `field` as a path from the document root.
    package static func text(field: String) -> String {
        text([], appending: field)
    }

    private static func member(_ name: String) -> String {
        let plain =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
                    || $0 == "_" || $0 == "-"
            }
        if plain { return "." + name }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "[\"\(escaped)\"]"
    }
}
