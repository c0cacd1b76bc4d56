// The JSON shape of ``Money`` and ``PreciseMoney``: `{"amount": "1234.56", "currency": "USD"}`,
// the amount always a string in the canonical form of `Money+Text.swift`.
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
        self = try TextCoding.decodeMoney(from: decoder, parse: Money.init(parsing:currency:))
    }

    /// Encodes `{"amount": "1234.56", "currency": "USD"}`.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encodeMoney(amountText: amountText, currency: currency, to: encoder)
    }
}

extension PreciseMoney: Codable {
    /// Decodes `{"amount": "0.000125", "currency": "USD"}`; as for ``Money``, the amount
    /// must be a JSON string with at most `minorUnits + 6` decimals.
    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decodeMoney(
            from: decoder, parse: PreciseMoney.init(parsing:currency:))
    }

    /// Encodes `{"amount": "0.000125", "currency": "USD"}`.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encodeMoney(amountText: amountText, currency: currency, to: encoder)
    }
}
