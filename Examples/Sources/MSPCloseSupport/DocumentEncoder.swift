import Foundation

/// Encodes any `Encodable` as the tools' JSON: object keys sorted by their UTF-8 bytes
/// (stable diffs between runs, whatever the locale), slashes not escaped, dates as ISO 8601
/// UTC text with milliseconds only when the instant has them; compact, or pretty-printed
/// with two-space indents and `"key" : value` as Foundation prints it.
///
/// It builds a small tree of the values (objects keep their members in a list, not a
/// dictionary) and writes it once into one byte buffer, several times faster than
/// Foundation's `JSONEncoder` for results made of many small objects. When a key is encoded
/// twice into one object the last value counts; a value that encodes nothing is `{}`; a
/// non-finite `Double` or `Float` is an `EncodingError.invalidValue`, as with Foundation's
/// default strategy.
package struct DocumentEncoder: Sendable {
    /// Whether the output is indented for people.
    package var pretty: Bool

    /// Creates an encoder.
    package init(pretty: Bool) {
        self.pretty = pretty
    }

    /// The JSON of `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite floating-point value, or
    ///   whatever `value`'s `encode(to:)` throws.
    package func encode(_ value: some Encodable) throws -> Data {
        let encoder = TreeEncoder(parent: nil, key: nil)
        let node = try encoder.node(for: value, key: nil)
        var writer = JSONWriter(pretty: pretty)
        writer.write(node, depth: 0)
        return Data(writer.bytes)
    }
}

/// One value of the tree.
private enum JSONNode {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    /// A finite floating-point number, already as JSON text.
    case float(String)
    case string(String)
    case object(ObjectBox)
    case array(ArrayBox)
    /// What a super-encoder wrote, read when the tree is written.
    case deferred(TreeEncoder)
}

/// An object's members in the order encoded (sorted and de-duplicated when written).
private final class ObjectBox {
    var members: [(key: String, value: JSONNode)] = []

    func set(_ key: String, _ value: JSONNode) {
        if members.isEmpty { members.reserveCapacity(8) }
        members.append((key, value))
    }
}

/// An array's elements.
private final class ArrayBox {
    var values: [JSONNode] = []
}

/// The `Encoder` of one value; it is its own single-value container.
private final class TreeEncoder: Encoder, SingleValueEncodingContainer {
    /// The encoder of the enclosing value, `nil` at the root.
    let parent: TreeEncoder?
    /// The key of this value in its parent.
    let key: (any CodingKey)?
    /// What was encoded, `nil` until something is.
    var value: JSONNode?

    init(parent: TreeEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    /// The keys from the root, built only when asked (errors and the rare value that reads
    /// it), so that encoding a nested value costs no array.
    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var encoder: TreeEncoder? = self
        while let current = encoder, let key = current.key {
            keys.append(key)
            encoder = current.parent
        }
        return keys.reversed()
    }

    /// An encoder for the value of `key` inside this encoder's value.
    func child(_ key: any CodingKey) -> TreeEncoder {
        TreeEncoder(parent: self, key: key)
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The value encoded, `{}` when nothing was.
    var result: JSONNode { value ?? .object(ObjectBox()) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = value {
            box = existing
        } else {
            box = ObjectBox()
            value = .object(box)
        }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(encoder: self, box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = value {
            box = existing
        } else {
            box = ArrayBox()
            value = .array(box)
        }
        return UnkeyedTreeContainer(encoder: self, box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // MARK: Values

    /// The node for `value`, the value of `key` inside this encoder's value (or this value
    /// itself when `key` is `nil`).
    func node<T: Encodable>(for value: T, key: (any CodingKey)?) throws -> JSONNode {
        if T.self == Date.self, let date = value as? Date {
            return .string(DocumentLoader.iso8601(date))
        }
        let child = key.map { self.child($0) } ?? self
        try value.encode(to: child)
        return child.result
    }

    /// The node of a floating-point number; `invalidValue` unless it is finite.
    func float<T: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: T, key: (any CodingKey)?
    ) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                .init(
                    codingPath: key.map { codingPath + [$0] } ?? codingPath,
                    debugDescription: "Unable to encode \(T.self).\(value) directly in JSON."))
        }
        return .float(value.description)
    }

    // MARK: SingleValueEncodingContainer

    func encodeNil() { value = .null }
    func encode(_ value: Bool) { self.value = .bool(value) }
    func encode(_ value: String) { self.value = .string(value) }
    func encode(_ value: Double) throws { self.value = try float(value, key: nil) }
    func encode(_ value: Float) throws { self.value = try float(value, key: nil) }
    func encode(_ value: Int) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int8) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int16) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int32) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int64) { self.value = .integer(value) }
    func encode(_ value: UInt) { self.value = .unsigned(UInt64(value)) }
    func encode(_ value: UInt8) { self.value = .unsigned(UInt64(value)) }
    func encode(_ value: UInt16) { self.value = .unsigned(UInt64(value)) }
    func encode(_ value: UInt32) { self.value = .unsigned(UInt64(value)) }
    func encode(_ value: UInt64) { self.value = .unsigned(value) }
    func encode<T: Encodable>(_ value: T) throws { self.value = try node(for: value, key: nil) }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let box: ObjectBox

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) {
        box.set(key.stringValue, .string(value))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        box.set(key.stringValue, try encoder.float(value, key: key))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        box.set(key.stringValue, try encoder.float(value, key: key))
    }
    mutating func encode(_ value: Int, forKey key: Key) {
        box.set(key.stringValue, .integer(Int64(value)))
    }
    mutating func encode(_ value: Int8, forKey key: Key) {
        box.set(key.stringValue, .integer(Int64(value)))
    }
    mutating func encode(_ value: Int16, forKey key: Key) {
        box.set(key.stringValue, .integer(Int64(value)))
    }
    mutating func encode(_ value: Int32, forKey key: Key) {
        box.set(key.stringValue, .integer(Int64(value)))
    }
    mutating func encode(_ value: Int64, forKey key: Key) {
        box.set(key.stringValue, .integer(value))
    }
    mutating func encode(_ value: UInt, forKey key: Key) {
        box.set(key.stringValue, .unsigned(UInt64(value)))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) {
        box.set(key.stringValue, .unsigned(UInt64(value)))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) {
        box.set(key.stringValue, .unsigned(UInt64(value)))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) {
        box.set(key.stringValue, .unsigned(UInt64(value)))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) {
        box.set(key.stringValue, .unsigned(value))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try encoder.node(for: value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBox()
        box.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(
            KeyedTreeContainer<NestedKey>(
                encoder: encoder.child(key), box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        box.set(key.stringValue, .array(nested))
        return UnkeyedTreeContainer(
            encoder: encoder.child(key), box: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoder.child(SuperKey())
        box.set("super", .deferred(child))
        return child
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = encoder.child(key)
        box.set(key.stringValue, .deferred(child))
        return child
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let box: ArrayBox

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { box.values.count }

    private var nextKey: IndexKey { IndexKey(index: box.values.count) }

    mutating func encodeNil() { box.values.append(.null) }
    mutating func encode(_ value: Bool) { box.values.append(.bool(value)) }
    mutating func encode(_ value: String) { box.values.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        box.values.append(try encoder.float(value, key: nextKey))
    }
    mutating func encode(_ value: Float) throws {
        box.values.append(try encoder.float(value, key: nextKey))
    }
    mutating func encode(_ value: Int) { box.values.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) { box.values.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) { box.values.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) { box.values.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) { box.values.append(.integer(value)) }
    mutating func encode(_ value: UInt) { box.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) { box.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) { box.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) { box.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) { box.values.append(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.values.append(try encoder.node(for: value, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = ObjectBox()
        let key = nextKey
        box.values.append(.object(nested))
        return KeyedEncodingContainer(
            KeyedTreeContainer<NestedKey>(
                encoder: encoder.child(key), box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ArrayBox()
        let key = nextKey
        box.values.append(.array(nested))
        return UnkeyedTreeContainer(
            encoder: encoder.child(key), box: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoder.child(nextKey)
        box.values.append(.deferred(child))
        return child
    }
}

/// Writes a tree as JSON text into one buffer.
private struct JSONWriter {
    let pretty: Bool
    var bytes: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ node: JSONNode, depth: Int) {
        switch node {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .integer(let value): writeInteger(value)
        case .unsigned(let value): append(String(value))
        case .float(let text): append(text)
        case .string(let text): writeString(text)
        case .deferred(let encoder): write(encoder.result, depth: depth)
        case .array(let box):
            guard !box.values.isEmpty else { return append("[]") }
            bytes.append(UInt8(ascii: "["))
            for (index, value) in box.values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let box):
            guard !box.members.isEmpty else { return append("{}") }
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for member in Self.sortedLastOfEachKey(box.members) {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                newline(depth + 1)
                writeString(member.key)
                append(pretty ? " : " : ":")
                write(member.value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The members in key order (by UTF-8 bytes), keeping only the last member of each key.
    static func sortedLastOfEachKey(_ members: [(key: String, value: JSONNode)])
        -> [(key: String, value: JSONNode)]
    {
        var sorted = members
        if sorted.count <= 16 {
            // Insertion sort: stable, and no allocation for the small objects that dominate.
            for index in 1..<max(1, sorted.count) {
                let member = sorted[index]
                var slot = index
                while slot > 0, member.key.utf8.lexicographicallyPrecedes(sorted[slot - 1].key.utf8)
                {
                    sorted[slot] = sorted[slot - 1]
                    slot -= 1
                }
                sorted[slot] = member
            }
        } else {
            // Stable: equal keys keep their encoding order.
            sorted = members.indices.sorted {
                let (a, b) = (members[$0].key.utf8, members[$1].key.utf8)
                return a.elementsEqual(b) ? $0 < $1 : a.lexicographicallyPrecedes(b)
            }.map { members[$0] }
        }
        var kept = 0
        for index in sorted.indices {
            if kept > 0, sorted[kept - 1].key.utf8.elementsEqual(sorted[index].key.utf8) {
                sorted[kept - 1] = sorted[index]
            } else {
                sorted[kept] = sorted[index]
                kept += 1
            }
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func writeInteger(_ value: Int64) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            append(String(value))
        }
    }

    /// `text` in quotes: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`
    /// escapes, everything else (including `/` and non-ASCII) as is.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        let utf8 = text.utf8
        guard
            utf8.contains(where: {
                $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
            })
        else { return bytes.append(contentsOf: utf8) }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                append("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }
}
