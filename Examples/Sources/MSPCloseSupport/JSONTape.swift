import Foundation

/// A JSON document parsed once into a flat list of nodes (a "tape"), for
/// ``DocumentDecoder``.
///
/// Parsing checks the whole text against RFC 8259 before anything is decoded: one value with
/// optional white space around it (and an optional UTF-8 byte order mark first), no
/// trailing commas (which Foundation's `JSONDecoder` tolerates), no leading zeros, no control
/// characters or invalid UTF-8 in strings, escapes `\" \\ \/ \b \f \n \r \t \uXXXX` only
/// (a `\u` surrogate must be one half of a pair), and at most ``maximumDepth`` nested
/// arrays and objects. Each value is one node, in document order; an object's members are
/// its key and value nodes in turn, and every node records where its subtree ends, so a
/// decoder skips a member in O(1). Strings and numbers stay as byte ranges until a decoder
/// asks for them.
final class JSONTape: Sendable {
    /// What a node is.
    enum Kind: UInt8, Sendable {
        case object, array, string, number, `true`, `false`, null
    }

    /// One value of the document.
    struct Node: Sendable {
        /// The value's kind.
        var kind: Kind
        /// Whether a string holds escapes (so its bytes are not its text), or a number has a
        /// fraction or an exponent.
        var flag: Bool
        /// Objects: members; arrays: elements; otherwise 0.
        var count: Int32
        /// Strings: the first byte after the opening quote; numbers: the first byte.
        var start: Int32
        /// Strings: the closing quote; numbers: one past the last byte.
        var end: Int32
        /// The index of the first node after this value's subtree.
        var next: Int32
    }

    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 512
    /// The largest document accepted, in bytes (node positions are 32-bit).
    static let maximumBytes = Int(Int32.max)

    /// The document's bytes.
    let bytes: [UInt8]
    /// The nodes in document order; the root is node 0.
    let nodes: [Node]

    /// Parses `bytes`.
    ///
    /// - Throws: ``JSONSyntaxError`` for the first violation, with its line and column.
    init(bytes: [UInt8]) throws(JSONSyntaxError) {
        guard bytes.count <= Self.maximumBytes else {
            throw JSONSyntaxError(reason: "the document is larger than 2 GiB", line: 1, column: 1)
        }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) in
                var parser = JSONParser(bytes: buffer)
                return try parser.parseDocument()
            }
        }
        self.bytes = bytes
        self.nodes = try parsed.get()
    }

    /// The text of string node `index`, with its escapes resolved.
    func string(at index: Int) -> String {
        let node = nodes[index]
        return bytes.withUnsafeBufferPointer { buffer in
            let range = UnsafeBufferPointer(
                rebasing: buffer[Int(node.start)..<Int(node.end)])
            guard node.flag else { return String(decoding: range, as: UTF8.self) }
            return JSONTape.unescape(range)
        }
    }

    /// Whether string node `index` is exactly `text` (compared as UTF-8).
    func string(at index: Int, equals text: String) -> Bool {
        let node = nodes[index]
        guard !node.flag else { return string(at: index) == text }
        let length = Int(node.end - node.start)
        var text = text
        return text.withUTF8 { key in
            guard key.count == length else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                // Keys are short: a plain loop beats a call to memcmp.
                var offset = Int(node.start)
                for byte in key {
                    guard buffer[offset] == byte else { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    /// The source text of number node `index`.
    func numberText(at index: Int) -> String {
        let node = nodes[index]
        return String(decoding: bytes[Int(node.start)..<Int(node.end)], as: UTF8.self)
    }

    /// Number node `index` as an integer of type `T`, or `nil` when it has a fraction or an
    /// exponent or does not fit.
    func integer<T: FixedWidthInteger>(at index: Int, as type: T.Type) -> T? {
        let node = nodes[index]
        guard !node.flag else { return nil }
        var position = Int(node.start)
        let end = Int(node.end)
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative {
            guard T.isSigned else {
                return position + 2 == end && bytes[position + 1] == 0x30 ? 0 : nil
            }
            position += 1
        }
        var value: T = 0
        while position < end {
            let digit = T(bytes[position] &- 0x30)
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) =
                negative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = next
            position += 1
        }
        return value
    }

    /// Resolves the escapes of a string's bytes (already checked by the parser).
    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                position += 1
                continue
            }
            let escape = raw[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(hex4(raw, at: position))
                position += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = UInt32(hex4(raw, at: position + 2))
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                if let value = Unicode.Scalar(scalar) { result.append(contentsOf: value.utf8) }
            default: result.append(escape)  // " \ /
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The value of the four hex digits at `position` (checked by the parser).
    fileprivate static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt16 {
        var value: UInt16 = 0
        for offset in 0..<4 {
            value = value << 4 | UInt16(hexValue(bytes[position + offset]) ?? 0)
        }
        return value
    }

    /// The value of one hex digit, or `nil`.
    fileprivate static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// Why a document is not JSON, and where.
struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `unexpected character "}"`.
    var reason: String
    /// The 1-based line of the offending byte.
    var line: Int
    /// The 1-based column (in bytes) of the offending byte.
    var column: Int

    /// `reason at line L, column C`.
    var description: String { "\(reason) at line \(line), column \(column)" }
}

/// The recursive-descent parser behind ``JSONTape``.
private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0
    var nodes: [JSONTape.Node] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        nodes.reserveCapacity(bytes.count / 12 + 1)
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> [JSONTape.Node] {
        // RFC 8259 §8.1 lets a parser ignore a byte order mark; editors on Windows add one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the value") }
        return nodes
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) {
        guard position < bytes.count else { throw failure("unexpected end of the document") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"): try parseLiteral("true", kind: .true)
        case UInt8(ascii: "f"): try parseLiteral("false", kind: .false)
        case UInt8(ascii: "n"): try parseLiteral("null", kind: .null)
        case UInt8(ascii: "-"), 0x30...0x39: try parseNumber()
        default: throw failure("unexpected \(shown(bytes[position]))")
        }
    }

    private mutating func open(_ kind: JSONTape.Kind) throws(JSONSyntaxError) -> Int {
        depth += 1
        guard depth <= JSONTape.maximumDepth else {
            throw failure("more than \(JSONTape.maximumDepth) nested arrays and objects")
        }
        nodes.append(
            JSONTape.Node(
                kind: kind, flag: false, count: 0, start: Int32(position), end: 0, next: 0))
        position += 1
        skipWhitespace()
        return nodes.count - 1
    }

    private mutating func close(_ index: Int, count: Int32) {
        depth -= 1
        position += 1
        nodes[index].count = count
        nodes[index].end = Int32(position)
        nodes[index].next = Int32(nodes.count)
    }

    private mutating func parseObject() throws(JSONSyntaxError) {
        let index = try open(.object)
        var count: Int32 = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            close(index, count: 0)
            return
        }
        while true {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure(
                    position < bytes.count
                        ? "expected a key in quotes" : "unexpected end of the document")
            }
            try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure("expected \":\" after a key")
            }
            position += 1
            skipWhitespace()
            try parseValue()
            count += 1
            if try closesAfterMember(UInt8(ascii: "}"), in: "an object") {
                close(index, count: count)
                return
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        let index = try open(.array)
        var count: Int32 = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            close(index, count: 0)
            return
        }
        while true {
            try parseValue()
            count += 1
            if try closesAfterMember(UInt8(ascii: "]"), in: "an array") {
                close(index, count: count)
                return
            }
        }
    }

    /// After an object member or array element: skips white space, then either consumes a
    /// `,` and the white space after it (`false`: another member follows) or finds `closer`
    /// (`true`, left for ``close(_:count:)``). Anything else is an error naming `container`.
    private mutating func closesAfterMember(_ closer: UInt8, in container: String)
        throws(JSONSyntaxError) -> Bool
    {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of the document") }
        if bytes[position] == UInt8(ascii: ",") {
            position += 1
            skipWhitespace()
            return false
        }
        guard bytes[position] == closer else {
            throw failure(
                "expected \",\" or \"\(Character(Unicode.Scalar(closer)))\" in \(container)")
        }
        return true
    }

    private mutating func parseString() throws(JSONSyntaxError) {
        let opening = position
        position += 1
        let start = position
        var escaped = false
        var ascii = true
        while true {
            guard position < bytes.count else {
                position = opening
                throw failure("unterminated string")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw failure("control character \(shown(byte)) in a string") }
            if byte >= 0x80 {
                ascii = false
                position += 1
                continue
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try parseEscape()
                continue
            }
            position += 1
        }
        if !ascii {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
            guard String(validating: raw, as: UTF8.self) != nil else {
                position = opening
                throw failure("invalid UTF-8 in a string")
            }
        }
        nodes.append(
            JSONTape.Node(
                kind: .string, flag: escaped, count: 0, start: Int32(start),
                end: Int32(position), next: Int32(nodes.count + 1)))
        position += 1
    }

    /// Checks the escape at `position` (a backslash) and moves past it.
    private mutating func parseEscape() throws(JSONSyntaxError) {
        guard position + 1 < bytes.count else { throw failure("unterminated string") }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let first = try hexEscape(at: position)
            position += 6
            if (0xDC00...0xDFFF).contains(first) {
                position -= 6
                throw failure("a low surrogate \\u escape without a high one")
            }
            if (0xD800...0xDBFF).contains(first) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u"),
                    (0xDC00...0xDFFF).contains(try hexEscape(at: position))
                else { throw failure("a high surrogate \\u escape without a low one") }
                position += 6
            }
        default:
            throw failure("invalid escape after a backslash")
        }
    }

    /// The value of `\uXXXX` at `at` (the backslash).
    private func hexEscape(at start: Int) throws(JSONSyntaxError) -> UInt16 {
        guard start + 5 < bytes.count else { throw failure("unterminated string") }
        var value: UInt16 = 0
        for offset in 2..<6 {
            guard let digit = JSONTape.hexValue(bytes[start + offset]) else {
                throw failure("expected four hex digits after \\u")
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private mutating func parseLiteral(_ text: StaticString, kind: JSONTape.Kind)
        throws(JSONSyntaxError)
    {
        let length = text.utf8CodeUnitCount
        let matches =
            position + length <= bytes.count
            && (0..<length).allSatisfy { bytes[position + $0] == text.utf8Start[$0] }
        guard matches else { throw failure("unexpected \(shown(bytes[position]))") }
        nodes.append(
            JSONTape.Node(
                kind: kind, flag: false, count: 0, start: Int32(position),
                end: Int32(position + length), next: Int32(nodes.count + 1)))
        position += length
    }

    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = position
        var fractional = false
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw failure("expected a digit in a number")
        }
        if bytes[position] == 0x30 {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw failure("a number with a leading zero")
            }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            fractional = true
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure("expected a digit after the decimal point")
            }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            fractional = true
            position += 1
            if position < bytes.count,
                bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
            {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure("expected a digit in the exponent")
            }
            skipDigits()
        }
        nodes.append(
            JSONTape.Node(
                kind: .number, flag: fractional, count: 0, start: Int32(start),
                end: Int32(position), next: Int32(nodes.count + 1)))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    /// A byte for a message: `"x"`, or `byte 0x1F`.
    private func shown(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F
            ? "\"\(Character(Unicode.Scalar(byte)))\""
            : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// An error at the current position.
    private func failure(_ reason: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return JSONSyntaxError(reason: reason, line: line, column: position - lineStart + 1)
    }
}
