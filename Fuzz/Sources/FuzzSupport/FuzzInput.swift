/// Reads a fuzzer's bytes as a stream of small choices, so one input drives a structured
/// test (a calendar, a list of instants) and libFuzzer's mutations stay meaningful.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    /// Wraps the fuzzer's input.
    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Wraps bytes already copied out of the fuzzer's input.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// All bytes of the input.
    public var all: [UInt8] { bytes }

    /// Whether every byte has been read.
    public var isExhausted: Bool { position >= bytes.count }

    /// The next byte, or 0 once the input is exhausted.
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A value in `range` built from the next eight bytes.
    public mutating func int(in range: ClosedRange<Int64>) -> Int64 {
        var raw: UInt64 = 0
        for _ in 0..<8 { raw = raw << 8 | UInt64(byte()) }
        let width = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        let offset = width == 0 ? raw : raw % width
        return range.lowerBound &+ Int64(bitPattern: offset)
    }

    /// One of `choices` (which must not be empty).
    public mutating func element<T>(of choices: [T]) -> T {
        choices[Int(byte()) % choices.count]
    }
}

/// Stops the fuzzer with a message when a checked property does not hold: a finding.
public func fuzzCheck(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String
) {
    if !condition() {
        fatalError("property violated: \(message())")
    }
}
