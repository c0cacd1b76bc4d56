/// A typed identifier: a string that knows what it identifies.
///
/// `Identifier<Customer>` and `Identifier<Device>` are different types, so a customer's ID
/// cannot be passed where a device's is expected, yet both are plain strings underneath
/// (the phantom-type technique of pointfreeco/swift-tagged). `Owner` is only a marker; it
/// need not be `Sendable` or `Codable`.
///
/// ```swift
/// enum Customer {}
/// let id = try Identifier<Customer>("cust-0042")
/// ```
///
/// An identifier is 1 to ``maximumLength`` UTF-8 bytes, not only white space, with no
/// control characters. It is
/// `Codable` as a plain JSON string; equality and order are by UTF-8 bytes, so sorting is
/// stable across platforms and locales and two IDs are never merged by Unicode
/// normalisation.
public struct Identifier<Owner>: RawRepresentable {
    /// The most UTF-8 bytes an identifier may have.
    public static var maximumLength: Int { 256 }

    /// The identifier's text.
    public let rawValue: String

    /// Creates an identifier, validating it.
    ///
    /// - Throws: ``IdentifierError`` `empty`, `blank` (only white space), `tooLong` or
    ///   `controlCharacter`.
    public init(_ rawValue: String) throws(IdentifierError) {
        // Most identifiers are short printable ASCII: one pass over the bytes settles them
        // without the Unicode property tables the general rules below need.
        if Self.isPrintableASCII(rawValue) {
            self.rawValue = rawValue
            return
        }
        guard !rawValue.isEmpty else { throw .empty }
        guard rawValue.contains(where: { !$0.isWhitespace }) else { throw .blank(rawValue) }
        guard rawValue.utf8.count <= Self.maximumLength else {
            throw .tooLong(rawValue, limit: Self.maximumLength)
        }
        if rawValue.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .controlCharacter(rawValue)
        }
        self.rawValue = rawValue
    }

    /// Whether `text` is 1 to ``maximumLength`` bytes of printable ASCII (U+0020…U+007E)
    /// with at least one character other than a space: exactly the ASCII strings the general
    /// rules accept.
    private static func isPrintableASCII(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= maximumLength else { return false }
        var printable = false
        for byte in utf8 {
            guard byte >= 0x20, byte <= 0x7E else { return false }
            printable = printable || byte != 0x20
        }
        return printable
    }

    /// Creates an identifier from text known to be valid (the library's own constants).
    internal init(validated rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an identifier when `rawValue` is valid, or `nil`.
    public init?(rawValue: String) {
        guard let value = try? Identifier(rawValue) else { return nil }
        self = value
    }
}

extension Identifier: Sendable {}
extension Identifier: Hashable {
    /// Identifiers are equal when their UTF-8 bytes are: an identifier is an opaque key, so
    /// `"caf\u{E9}"` and `"cafe\u{301}"` (the same text to a reader) are different IDs, as
    /// they are in a database column or a URL.
    ///
    /// Fast for a rating loop or a hash table over millions of IDs: two values with one
    /// storage are equal at once, and two that differ as `String`s (which compare
    /// canonically equivalent text as equal, a wider equality) differ at once; only equal
    /// text in two storages has its bytes compared.
    @inlinable
    public static func == (lhs: Identifier, rhs: Identifier) -> Bool {
        let left = lhs.rawValue
        let right = rhs.rawValue
        // Identical representations are the same string: a shared buffer, or the same
        // small string held inline. (`String` is two words on 64-bit platforms; elsewhere
        // the branch is never taken.)
        if MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size {
            let leftBits = unsafeBitCast(left, to: (UInt64, UInt64).self)
            let rightBits = unsafeBitCast(right, to: (UInt64, UInt64).self)
            if leftBits == rightBits { return true }
        }
        return left == right && left.utf8.elementsEqual(right.utf8)
    }

    /// Hashes the UTF-8 bytes that ``==(_:_:)`` compares, in one call, and their count.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        var text = rawValue
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}

extension Identifier: Comparable {
    /// Orders by UTF-8 bytes (the same order as Unicode scalar values), independent of
    /// locale and consistent with ``==(_:_:)``.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

extension Identifier: CustomStringConvertible {
    /// The identifier's text.
    public var description: String { rawValue }
}

extension Identifier: Codable {
    /// Decodes a plain JSON string and validates it.
    public init(from decoder: any Decoder) throws {
        // Written out rather than through `TextCoding.decode`: a document holds millions of
        // identifiers, and the generic helper cost a metadata lookup for each.
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.description)
        }
    }

    /// Encodes the plain string.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encode(rawValue, to: encoder)
    }
}

/// An invalid ``Identifier``.
public struct IdentifierError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rules an identifier can break.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The rule's name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The rule's name.
        public var description: String { rawValue }

        /// The identifier is the empty string.
        public static let empty = Code(rawValue: "empty")
        /// The identifier is only white space.
        public static let blank = Code(rawValue: "blank")
        /// The identifier is longer than ``Identifier/maximumLength`` UTF-8 bytes.
        public static let tooLong = Code(rawValue: "tooLong")
        /// The identifier contains a control character.
        public static let controlCharacter = Code(rawValue: "controlCharacter")
    }

    /// The rule the identifier broke.
    public var code: Code
    /// Always `"identifier"`: an identifier does not know the field it was read from (a
    /// document decoder reports the coding path).
    public var field: String { "identifier" }
    /// The offending text.
    public var value: String
    /// A sentence for a person, the value cut to 64 characters.
    public var message: String {
        let shown = value.count > 64 ? String(value.prefix(64)) + "…" : value
        let quoted = "identifier \"\(shown.debugDescription.dropFirst().dropLast())\""
        switch code {
        case .empty: return "an identifier must not be empty"
        case .blank: return "\(quoted) is only white space"
        case .tooLong: return "\(quoted) is longer than \(Identifier<Never>.maximumLength) bytes"
        case .controlCharacter: return "\(quoted) contains a control character"
        default: return "\(quoted) is invalid"
        }
    }

    /// Creates an error from its parts.
    public init(code: Code, value: String) {
        self.code = code
        self.value = value
    }

    /// The identifier is the empty string.
    public static let empty = IdentifierError(code: .empty, value: "")

    /// The identifier is only white space.
    public static func blank(_ value: String) -> IdentifierError {
        IdentifierError(code: .blank, value: value)
    }

    /// The identifier has more than `limit` UTF-8 bytes.
    public static func tooLong(_ value: String, limit: Int) -> IdentifierError {
        IdentifierError(code: .tooLong, value: value)
    }

    /// The identifier contains a control character (a newline, a tab, NUL).
    public static func controlCharacter(_ value: String) -> IdentifierError {
        IdentifierError(code: .controlCharacter, value: value)
    }
}

extension IdentifierError: MSPError {}
