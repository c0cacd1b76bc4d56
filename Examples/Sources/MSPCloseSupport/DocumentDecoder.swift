import Foundation

/// Decodes the data folder's documents: any `Decodable` from strict JSON (RFC 8259), with
/// dates as ISO 8601 text, several times faster than Foundation's `JSONDecoder` on
/// documents made of many small objects.
///
/// The document is parsed and checked once into a ``JSONTape``; decoding then reads the
/// tape, looking keys up by comparing their UTF-8 bytes (no dictionary per object) and
/// materialising a string only when a value asks for it. The errors are Foundation's
/// `DecodingError` cases with the same coding paths and the same wording Foundation uses,
/// so ``DocumentError`` describes a broken document the same way whichever decoder read
/// it:
///
/// - a value of the wrong JSON type: `typeMismatch`, "Expected to decode String but found
///   number instead.";
/// - `null` where a value is needed: `valueNotFound`;
/// - a missing key: `keyNotFound`;
/// - text that is not JSON: `dataCorrupted` at the root, "The given data was not valid
///   JSON.", with a ``JSONSyntaxError`` (reason, line and column) as the underlying error;
/// - a `Date` that is not ISO 8601 text: `dataCorrupted`, `expected ISO 8601 date, found
///   "yesterday"`.
///
/// When a key occurs twice in an object the last one counts, as with Foundation.
package struct DocumentDecoder: Sendable {
    /// Creates a decoder.
    package init() {}

    /// Decodes a `T` from the JSON document `data`.
    ///
    /// - Throws: `DecodingError` as described above, or whatever `T`'s initialiser throws.
    package func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let tape: JSONTape
        do {
            tape = try JSONTape(bytes: [UInt8](data))
        } catch {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [], debugDescription: "The given data was not valid JSON.",
                    underlyingError: error))
        }
        return try TapeDecoder(tape: tape, node: 0, parent: nil, key: nil).value(
            type, at: 0, key: nil)
    }
}

/// The `Decoder` over one value of a ``JSONTape``; it is its own single-value container.
private final class TapeDecoder: Decoder, SingleValueDecodingContainer {
    let tape: JSONTape
    /// The value this decoder reads.
    let node: Int
    /// The decoder of the enclosing array or object, `nil` at the root.
    let parent: TapeDecoder?
    /// The key of this value in its parent.
    let key: (any CodingKey)?

    init(tape: JSONTape, node: Int, parent: TapeDecoder?, key: (any CodingKey)?) {
        self.tape = tape
        self.node = node
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var decoder: TapeDecoder? = self
        while let current = decoder, let key = current.key {
            keys.append(key)
            decoder = current.parent
        }
        return keys.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.object, [String: Any].self, at: node, key: nil)
        return KeyedDecodingContainer(KeyedTapeContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.array, [Any].self, at: node, key: nil)
        return UnkeyedTapeContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Values (shared by the three containers)

    /// The coding path of the value `key` of this decoder's value (or of this value).
    func path(_ key: (any CodingKey)?) -> [any CodingKey] {
        key.map { codingPath + [$0] } ?? codingPath
    }

    /// Throws unless node `index` is of `kind`: `valueNotFound` for `null`, otherwise
    /// `typeMismatch` naming `type` and what was found.
    func expect(_ kind: JSONTape.Kind, _ type: Any.Type, at index: Int, key: (any CodingKey)?)
        throws
    {
        let found = tape.nodes[index].kind
        guard found != kind else { return }
        if found == .null {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: path(key),
                    debugDescription: "Cannot get value of type \(type) -- found null value instead"
                ))
        }
        throw DecodingError.typeMismatch(
            type,
            .init(
                codingPath: path(key),
                debugDescription:
                    "Expected to decode \(type) but found \(Self.name(found)) instead."))
    }

    /// Foundation's names of the JSON types in its messages.
    static func name(_ kind: JSONTape.Kind) -> String {
        switch kind {
        case .object: "a dictionary"
        case .array: "an array"
        case .string: "a string"
        case .number: "number"
        case .true, .false: "bool"
        case .null: "null"
        }
    }

    func string(at index: Int, key: (any CodingKey)?) throws -> String {
        try expect(.string, String.self, at: index, key: key)
        return tape.string(at: index)
    }

    func bool(at index: Int, key: (any CodingKey)?) throws -> Bool {
        switch tape.nodes[index].kind {
        case .true: return true
        case .false: return false
        default:
            try expect(.true, Bool.self, at: index, key: key)
            return false
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at index: Int, key: (any CodingKey)?)
        throws -> T
    {
        try expect(.number, type, at: index, key: key)
        if let value = tape.integer(at: index, as: type) { return value }
        throw DecodingError.dataCorrupted(
            .init(
                codingPath: path(key),
                debugDescription:
                    "Number \(tape.numberText(at: index)) is not representable in Swift."
            ))
    }

    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: T.Type, at index: Int, key: (any CodingKey)?
    ) throws -> T {
        try expect(.number, type, at: index, key: key)
        let text = tape.numberText(at: index)
        if let value = T(text), value.isFinite { return value }
        throw DecodingError.dataCorrupted(
            .init(
                codingPath: path(key),
                debugDescription: "Number \(text) is not representable in Swift."))
    }

    /// Decodes node `index` as `T`: dates from ISO 8601 text, everything else through
    /// `T.init(from:)` with a decoder for the node.
    func value<T: Decodable>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        if type == Date.self { return try date(type, at: index, key: key) }
        if index == node && key == nil { return try T(from: self) }
        return try T(from: TapeDecoder(tape: tape, node: index, parent: self, key: key))
    }

    /// Node `index` as a `Date` (`T` is `Date`): ISO 8601 text. Kept out of ``value(_:at:key:)``
    /// so that the cast's metadata is looked up only for dates.
    @inline(never)
    func date<T>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        let text = try string(at: index, key: key)
        if let date = DocumentLoader.parseISO8601(text) as? T { return date }
        throw DecodingError.dataCorrupted(
            .init(
                codingPath: path(key),
                debugDescription: "expected ISO 8601 date, found \"\(text)\""))
    }

    /// A decoder for node `index`, the value of `key`.
    func child(at index: Int, key: any CodingKey) -> TapeDecoder {
        TapeDecoder(tape: tape, node: index, parent: self, key: key)
    }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { tape.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(at: node, key: nil) }
    func decode(_ type: String.Type) throws -> String { try string(at: node, key: nil) }
    func decode(_ type: Double.Type) throws -> Double {
        try floatingPoint(type, at: node, key: nil)
    }
    func decode(_ type: Float.Type) throws -> Float { try floatingPoint(type, at: node, key: nil) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type, at: node, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type, at: node, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type, at: node, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type, at: node, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type, at: node, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type, at: node, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type, at: node, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type, at: node, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type, at: node, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type, at: node, key: nil) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type, at: node, key: nil) }
}

/// An object's members, found by comparing key bytes; the last of duplicate keys wins.
private struct KeyedTapeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        var keys: [Key] = []
        var index = decoder.node + 1
        let nodes = decoder.tape.nodes
        for _ in 0..<nodes[decoder.node].count {
            if let key = Key(stringValue: decoder.tape.string(at: index)) { keys.append(key) }
            index = Int(nodes[index + 1].next)
        }
        return keys
    }

    /// The node of the value of the key named `name`, or `nil`.
    func lookup(_ name: String) -> Int? {
        let tape = decoder.tape
        let count = tape.nodes[decoder.node].count
        var index = decoder.node + 1
        var found: Int?
        for _ in 0..<count {
            if tape.string(at: index, equals: name) { found = index + 1 }
            index = Int(tape.nodes[index + 1].next)
        }
        return found
    }

    /// The node of `key`'s value; `keyNotFound` when absent.
    func require(_ key: some CodingKey) throws -> Int {
        if let index = lookup(key.stringValue) { return index }
        throw DecodingError.keyNotFound(
            key,
            .init(
                codingPath: codingPath,
                debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
    }

    /// The node of `key`'s value, or `nil` when it is absent or `null`.
    func optional(_ key: Key) -> Int? {
        guard let index = lookup(key.stringValue), decoder.tape.nodes[index].kind != .null
        else { return nil }
        return index
    }

    func contains(_ key: Key) -> Bool { lookup(key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        decoder.tape.nodes[try require(key)].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try decoder.bool(at: require(key), key: key)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decoder.string(at: require(key), key: key)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decoder.floatingPoint(type, at: require(key), key: key)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try decoder.floatingPoint(type, at: require(key), key: key)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try decoder.integer(type, at: require(key), key: key)
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.value(type, at: require(key), key: key)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = optional(key) else { return nil }
        return try decoder.bool(at: index, key: key)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = optional(key) else { return nil }
        return try decoder.string(at: index, key: key)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = optional(key) else { return nil }
        return try decoder.integer(type, at: index, key: key)
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard let index = optional(key) else { return nil }
        return try decoder.integer(type, at: index, key: key)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = optional(key) else { return nil }
        return try decoder.value(type, at: index, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(at: require(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(at: require(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder.child(at: try require(SuperKey()), key: SuperKey())
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(at: try require(key), key: key)
    }
}

/// An array's elements in order.
private struct UnkeyedTapeContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    /// The node of the element at ``currentIndex``.
    var cursor: Int
    var currentIndex = 0
    let elementCount: Int

    init(decoder: TapeDecoder) {
        self.decoder = decoder
        self.cursor = decoder.node + 1
        self.elementCount = Int(decoder.tape.nodes[decoder.node].count)
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elementCount }
    var isAtEnd: Bool { currentIndex >= elementCount }

    /// The node of the current element; `valueNotFound` at the end.
    func current(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: decoder.path(IndexKey(index: currentIndex)),
                    debugDescription: "Unkeyed container is at end."))
        }
        return cursor
    }

    mutating func advance() {
        cursor = Int(decoder.tape.nodes[cursor].next)
        currentIndex += 1
    }

    /// Decodes the current element with `read` and moves past it.
    mutating func next<T>(_ type: T.Type, _ read: (Int, IndexKey) throws -> T) throws -> T {
        let value = try read(current(type), IndexKey(index: currentIndex))
        advance()
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard decoder.tape.nodes[try current(Never.self)].kind == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next(type) { [decoder] in try decoder.bool(at: $0, key: $1) }
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try next(type) { [decoder] in try decoder.string(at: $0, key: $1) }
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try next(type) { [decoder] in try decoder.floatingPoint(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        try next(type) { [decoder] in try decoder.floatingPoint(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try next(type) { [decoder] in try decoder.integer(type, at: $0, key: $1) }
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next(type) { [decoder] in try decoder.value(type, at: $0, key: $1) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next(KeyedDecodingContainer<NestedKey>.self) { [decoder] in
            try decoder.child(at: $0, key: $1).container(keyedBy: type)
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { [decoder] in
            try decoder.child(at: $0, key: $1).unkeyedContainer()
        }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { [decoder] in decoder.child(at: $0, key: $1) }
    }
}
