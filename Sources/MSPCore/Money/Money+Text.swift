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

/// The JSON shape shared by ``Money`` and ``PreciseMoney``:
/// `{"amount": "1234.56", "currency": "USD"}`.
private enum MoneyCodingKeys: String, CodingKey {
    case amount
    case currency
}

extension Money: Codable {
    /// Decodes `{"amount": "1234.56", "currency": "USD"}`.
    ///
    /// The amount must be a JSON string: a JSON number is rejected, because it may already
    /// have passed through binary floating point. The amount is validated as by
    /// ``init(parsing:currency:)``; the currency must be in the ISO table.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the problem (`tooManyDecimals: amount
    ///   "12.345" has 3 decimals; USD allows 2`), or `typeMismatch` for a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MoneyCodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try decodeAmountText(container)
        do {
            try self.init(parsing: text, currency: currency)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    /// Encodes `{"amount": "1234.56", "currency": "USD"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MoneyCodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}

extension PreciseMoney: Codable {
    /// Decodes `{"amount": "0.000125", "currency": "USD"}`; as for ``Money``, the amount
    /// must be a JSON string with at most `minorUnits + 6` decimals.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MoneyCodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try decodeAmountText(container)
        do {
            try self.init(parsing: text, currency: currency)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    /// Encodes `{"amount": "0.000125", "currency": "USD"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MoneyCodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}

/// Reads the amount as a string, with a clear message when it is a JSON number.
private func decodeAmountText(_ container: KeyedDecodingContainer<MoneyCodingKeys>) throws
    -> String
{
    do {
        return try container.decode(String.self, forKey: .amount)
    } catch DecodingError.typeMismatch {
        throw DecodingError.typeMismatch(
            String.self,
            DecodingError.Context(
                codingPath: container.codingPath + [MoneyCodingKeys.amount],
                debugDescription:
                    "amount must be a JSON string such as \"1234.56\", not a number"))
    }
}
