extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// Parses a decimal (`"1.25"`, `"-0.000125"`) or a fraction (`"17/31"`, `"-3/8"`).
    ///
    /// Returns `nil` for anything else; use ``init(parsing:)`` to learn why.
    public init?(_ description: String) {
        guard let value = try? Rational(parsing: description) else { return nil }
        self = value
    }

    /// Parses a decimal (`"1.25"`) or a fraction (`"17/31"`), the forms ``description``
    /// writes.
    ///
    /// - Throws: ``MoneyError`` `invalidNumber` for bad syntax (including exponents such as
    ///   `"1e3"`), `divisionByZero` for `"1/0"`, `tooManyDecimals` for more than 18
    ///   significant decimals, `overflow` when a part does not fit 64 bits.
    public init(parsing text: String) throws(MoneyError) {
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            let decimal = try DecimalText.parse(text, field: "ratio")
            self = try Rational(decimal.significand, ExactArithmetic.powersOfTen[decimal.scale])
        case 2:
            let numerator = try DecimalText.parse(String(parts[0]), field: "ratio")
            let denominator = try DecimalText.parse(String(parts[1]), field: "ratio")
            guard numerator.scale == 0, denominator.scale == 0, denominator.significand >= 0 else {
                throw .invalidNumber(text, field: "ratio")
            }
            self = try Rational(numerator.significand, denominator.significand)
        default:
            throw .invalidNumber(text, field: "ratio")
        }
    }

    /// The exact decimal when the denominator divides a power of ten (`"1.25"`,
    /// `"0.000125"`), otherwise the fraction (`"17/31"`).
    public var description: String {
        if let scale = decimalScale {
            let factor = ExactArithmetic.powersOfTen[scale] / denominator
            return DecimalText.format(numerator * factor, scale: scale)
        }
        return "\(numerator)/\(denominator)"
    }

    /// The number of decimals that write this value exactly, or `nil` when none do (or the
    /// decimal would not fit 64 bits).
    public var decimalScale: Int? {
        for scale in 0...18 {
            let power = ExactArithmetic.powersOfTen[scale]
            if power % denominator == 0 {
                let (_, overflow) = numerator.multipliedReportingOverflow(by: power / denominator)
                return overflow ? nil : scale
            }
        }
        return nil
    }
}

extension Rational: Codable {
    /// Decodes the string form (`"1.25"` or `"17/31"`); a JSON number is rejected so that no
    /// value passes through binary floating point.
    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(from: decoder, parse: Rational.init(parsing:))
    }

    /// Encodes ``description`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encode(description, to: encoder)
    }
}
