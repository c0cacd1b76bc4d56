/// Shared Codable plumbing for values whose JSON form is a single string (currencies,
/// ratios, percentages, identifiers) or an `{"amount", "currency"}` object (money).
///
/// Decoding always re-validates through the type's own parser and reports its typed error's
/// message as the `DecodingError`'s description.
internal enum TextCoding {
    /// Decodes a JSON string and parses it with `parse`.
    static func decode<Value, Failure: Error & CustomStringConvertible>(
        from decoder: any Decoder, parse: (String) throws(Failure) -> Value
    ) throws -> Value {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            return try parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.description)
        }
    }

    /// Encodes `text` as a JSON string.
    static func encode(_ text: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The keys of the money object.
    enum MoneyKeys: String, CodingKey {
        case amount
        case currency
    }

    /// Decodes `{"amount": "1234.56", "currency": "USD"}` and parses the amount with `parse`.
    /// A JSON number as the amount is a `typeMismatch` that says to use a string.
    static func decodeMoney<Value>(
        from decoder: any Decoder,
        parse: (String, Currency) throws(MoneyError) -> Value
    ) throws -> Value {
        let container = try decoder.container(keyedBy: MoneyKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text: String
        do {
            text = try container.decode(String.self, forKey: .amount)
        } catch DecodingError.typeMismatch {
            throw DecodingError.typeMismatch(
                String.self,
                DecodingError.Context(
                    codingPath: container.codingPath + [MoneyKeys.amount],
                    debugDescription:
                        "amount must be a JSON string such as \"1234.56\", not a number"))
        }
        do {
            return try parse(text, currency)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    /// Encodes `{"amount": amountText, "currency": code}`.
    static func encodeMoney(amountText: String, currency: Currency, to encoder: any Encoder) throws
    {
        var container = encoder.container(keyedBy: MoneyKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
