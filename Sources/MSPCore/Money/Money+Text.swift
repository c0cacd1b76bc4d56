/// Parsing and the canonical string form.
///
/// The accepted syntax is `-?[0-9]+(\.[0-9]+)?`, read byte by byte without `Double`:
///
/// | input (USD) | result |
/// |---|---|
/// | `"1234.56"` | 1234.56 USD |
/// | `"-0.05"` | -0.05 USD |
/// | `"7"` | 7.00 USD |
/// | `"12.340"` | 12.34 USD (trailing zeros beyond the minor unit are exact, so accepted) |
/// | `"12.345"` | throws `tooManyDecimals`: an amount due has at most 2 decimals |
/// | `"1e3"`, `"1,234.56"`, `"+5"`, `" 5"`, `".5"`, `"5."`, `""` | throws `invalidNumber` |
///
/// The canonical form has exactly the currency's number of decimals (`"7.00"`, `"-0.05"`,
/// `"1200"` for JPY) and parses back to the same value.
extension Money {
    /// Parses an amount in `currency` (see the table above).
    ///
    /// - Throws: ``MoneyError`` `invalidNumber`, `tooManyDecimals`, or `overflow`.
    public init(parsing text: String, currency: Currency) throws(MoneyError) {
        let parsed = DecimalText.trimmed(
            try DecimalText.parse(text, field: "amount"), minimumScale: 0)
        guard parsed.scale <= currency.minorUnits else {
            throw .tooManyDecimals(
                text, field: "amount", decimals: parsed.scale, allowed: currency.minorUnits,
                target: currency.code)
        }
        let (value, overflow) = parsed.significand.multipliedReportingOverflow(
            by: ExactArithmetic.powersOfTen[currency.minorUnits - parsed.scale])
        guard !overflow else { throw .overflow(operation: "amount", operands: "\"\(text)\"") }
        self.init(minorUnits: value, currency: currency)
    }

    /// The canonical amount string without the currency: `"1234.56"`, `"-0.05"`, `"1200"`.
    public var amountText: String {
        DecimalText.format(minorUnits, scale: currency.minorUnits)
    }
}

extension Money: CustomStringConvertible {
    /// The canonical amount and the code: `"1234.56 USD"`.
    public var description: String { "\(amountText) \(currency.code)" }
}
