/// The one decimal syntax MSPKit reads and writes: `-?[0-9]+(\.[0-9]+)?`.
///
/// No exponent (`1e3` is rejected: a contract never writes one, and accepting it invites
/// `1e300`), no grouping separators, no leading `+`, no leading or trailing `.`, no
/// whitespace. Parsing works on the UTF-8 bytes and never touches `Double`.
internal enum DecimalText {
    /// A parsed decimal: `significand / 10^scale`.
    struct Parsed {
        var significand: Int64
        var scale: Int
    }

    /// Parses `text`. Trailing zeros after the point are exact and dropped (`"1.50"` parses
    /// as 15 at scale 1), so `"1.0000000000000000000"` is 1, however many zeros it has.
    ///
    /// - Throws: ``MoneyError`` `invalidNumber` for bad syntax, `tooManyDecimals` for more
    ///   than 18 significant decimals, `overflow` when the digits do not fit 64 bits.
    static func parse(_ text: String, field: String) throws(MoneyError) -> Parsed {
        var negative = false
        var magnitude: UInt64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        var digitsAfterPoint = 0
        // Zeros after the point not yet known to be followed by another digit.
        var pendingZeros = 0
        var index = 0
        for byte in text.utf8 {
            defer { index += 1 }
            if byte == UInt8(ascii: "-") && index == 0 {
                negative = true
                continue
            }
            if byte == UInt8(ascii: ".") && !seenPoint && digits > 0 {
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw .invalidNumber(text, field: field)
            }
            digits += 1
            if seenPoint {
                digitsAfterPoint += 1
                if byte == UInt8(ascii: "0") {
                    pendingZeros += 1
                    continue
                }
                scale += pendingZeros + 1
                guard scale <= maximumScale else {
                    throw .tooManyDecimals(
                        text, field: field, decimals: scale, allowed: maximumScale,
                        target: "an exact decimal")
                }
                for _ in 0..<pendingZeros {
                    guard appendDigit(0, to: &magnitude) else {
                        throw .overflow(operation: field, operands: "\"\(text)\"")
                    }
                }
                pendingZeros = 0
            }
            guard appendDigit(byte - UInt8(ascii: "0"), to: &magnitude) else {
                throw .overflow(operation: field, operands: "\"\(text)\"")
            }
        }
        guard digits > 0, !seenPoint || digitsAfterPoint > 0 else {
            throw .invalidNumber(text, field: field)
        }
        guard case .success(let significand) = ExactArithmetic.signed(magnitude, negative: negative)
        else {
            throw .overflow(operation: field, operands: "\"\(text)\"")
        }
        return Parsed(significand: significand, scale: scale)
    }

    /// The value of a short run of ASCII digits (a date or time field), or `nil` when a byte
    /// is not a digit or the run is empty. Callers pass at most 4 bytes, so it cannot overflow.
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The most decimals a parsed number may have: `10^18` is the largest power of ten in
    /// `Int64`.
    static let maximumScale = 18

    /// `magnitude × 10 + digit`, or `false` when it does not fit 64 bits.
    private static func appendDigit(_ digit: UInt8, to magnitude: inout UInt64) -> Bool {
        let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
        guard !o1, !o2 else { return false }
        magnitude = sum
        return true
    }

    /// Drops trailing zero decimals down to `minimumScale`.
    static func trimmed(_ parsed: Parsed, minimumScale: Int) -> Parsed {
        var result = parsed
        while result.scale > minimumScale && result.significand % 10 == 0 {
            result.significand /= 10
            result.scale -= 1
        }
        return result
    }

    /// Formats `significand / 10^scale` with exactly `scale` decimals (`12345, 2 → "123.45"`,
    /// `-5, 2 → "-0.05"`).
    static func format(_ significand: Int64, scale: Int) -> String {
        let digits = String(significand.magnitude)
        let sign = significand < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded =
            digits.count <= scale
            ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }
}
