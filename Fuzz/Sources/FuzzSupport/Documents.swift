import Foundation

/// Splits an input at its first zero byte: the JSON document before it, and the bytes after
/// it as a ``FuzzInput`` that drives what the target does with the decoded value (which
/// quantities, instants or samples to evaluate). An input without a zero byte is all
/// document, and the choices read as zeros.
public func splitDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> (Data, FuzzInput) {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let zero = bytes.firstIndex(of: 0) else {
        return (Data(bytes), FuzzInput(bytes: []))
    }
    return (Data(bytes[..<zero]), FuzzInput(bytes: Array(bytes[(zero + 1)...])))
}

/// Decodes `T` from `bytes`; when it decodes, checks that it re-encodes to JSON that decodes
/// to the same value, and returns it. Returns `nil` when `bytes` is not a valid `T` (a
/// thrown error is the expected outcome for most fuzzer inputs).
public func decodeRoundTripping<T: Codable & Equatable>(_ type: T.Type, _ bytes: Data) -> T? {
    guard let value = try? JSONDecoder().decode(T.self, from: bytes) else { return nil }
    guard let encoded = try? JSONEncoder().encode(value) else {
        fuzzCheck(false, "\(T.self) decoded but does not encode: \(value)")
        return nil
    }
    let again = try? JSONDecoder().decode(T.self, from: encoded)
    fuzzCheck(
        again == value,
        "\(T.self) does not round-trip: \(String(decoding: encoded, as: UTF8.self))")
    return value
}

/// For a `T` that is not `Equatable`: decodes it from `bytes`; when it decodes, checks that
/// its JSON is stable (encoding, decoding and encoding again gives the same bytes, keys
/// sorted), and returns it.
public func decodeStablyEncoding<T: Codable>(_ type: T.Type, _ bytes: Data) -> T? {
    guard let value = try? JSONDecoder().decode(T.self, from: bytes) else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let encoded = try? encoder.encode(value) else {
        fuzzCheck(false, "\(T.self) decoded but does not encode")
        return nil
    }
    let again = (try? JSONDecoder().decode(T.self, from: encoded)).flatMap {
        try? encoder.encode($0)
    }
    fuzzCheck(
        again == encoded,
        "\(T.self) JSON is not stable: \(String(decoding: encoded, as: UTF8.self))")
    return value
}
