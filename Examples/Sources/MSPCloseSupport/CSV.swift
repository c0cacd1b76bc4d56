import Foundation

/// Comma-separated values as RFC 4180 defines them: records end with CRLF, and a field that
/// holds a comma, a double quote, a CR or an LF (or starts or ends with a space) is enclosed
/// in double quotes with each inner double quote doubled.
///
/// | field | written |
/// |---|---|
/// | `Acme, Inc.` | `"Acme, Inc."` |
/// | `12" rack` | `"12"" rack"` |
/// | `1890.00` | `1890.00` |
package enum CSV {
    /// One field, quoted when it needs to be.
    package static func field(_ text: String) -> String {
        // The four characters and the space are ASCII, so the UTF-8 bytes tell.
        let utf8 = text.utf8
        let needsQuotes =
            utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r")
                    || $0 == UInt8(ascii: "\n")
            })
            || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, with its CRLF.
    package static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A header record followed by the rows.
    package static func document(header: [String], rows: [[String]]) -> String {
        var text = record(header)
        for row in rows { text += record(row) }
        return text
    }
}
