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

    /// Parses `text`. Trailing zeros after the point are kept in the scale (`"1.50"` has scale 2).
    ///
    /// - Throws: ``MoneyError`` `invalidNumber` for bad syntax, `overflow` when the digits do
    ///   not fit 64 bits or there are more than 18 decimals.
    static func parse(_ text: String, field: String) throws(MoneyError) -> Parsed {
        var negative = false
        var magnitude: UInt64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        var digitsAfterPoint = 0
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
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { throw .overflow(operation: field, operands: "\"\(text)\"") }
            magnitude = sum
            digits += 1
            if seenPoint {
                digitsAfterPoint += 1
                scale += 1
            }
        }
        guard digits > 0, !seenPoint || digitsAfterPoint > 0 else {
            throw .invalidNumber(text, field: field)
        }
        guard scale <= 18,
            case .success(let significand) = ExactArithmetic.signed(magnitude, negative: negative)
        else {
            throw .overflow(operation: field, operands: "\"\(text)\"")
        }
        return Parsed(significand: significand, scale: scale)
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
