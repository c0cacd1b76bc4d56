/// An error from money, currency, decimal, ratio or percentage input or arithmetic.
///
/// Like `Errno` in swift-system, the error is a struct with a ``code-swift.property`` that
/// callers switch over, so adding a code in a later release does not break a caller's
/// `switch`. Every error names the ``field`` it is about and the offending ``value`` as
/// text, so a message can point at the exact input:
///
/// ```swift
/// do { _ = try Money(parsing: "12.345", currency: .usd) }
/// catch let error as MoneyError where error.code == .tooManyDecimals {
///     print(error)  // tooManyDecimals: amount "12.345" has 3 decimals; USD allows 2
/// }
/// ```
public struct MoneyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// Two operands have different currencies.
        public static let currencyMismatch = Code(rawValue: "currencyMismatch")
        /// A result does not fit the fixed-point representation.
        public static let overflow = Code(rawValue: "overflow")
        /// A division or ratio has a zero divisor.
        public static let divisionByZero = Code(rawValue: "divisionByZero")
        /// ``RoundingRule/unnecessary`` was asked for but the value is not exact.
        public static let roundingNecessary = Code(rawValue: "roundingNecessary")
        /// A currency code is not 3 or 4 uppercase ASCII letters.
        public static let malformedCurrency = Code(rawValue: "malformedCurrency")
        /// A currency code is well formed but not in the table consulted.
        public static let unknownCurrency = Code(rawValue: "unknownCurrency")
        /// A minor-unit exponent is outside the supported range.
        public static let invalidMinorUnits = Code(rawValue: "invalidMinorUnits")
        /// A cash-rounding increment is not positive.
        public static let invalidCashIncrement = Code(rawValue: "invalidCashIncrement")
        /// A string is not a decimal number in the accepted syntax.
        public static let invalidNumber = Code(rawValue: "invalidNumber")
        /// A number has more decimal places than the target allows.
        public static let tooManyDecimals = Code(rawValue: "tooManyDecimals")
        /// A ratio or weight list is unusable (empty, negative, or all zero).
        public static let invalidRatio = Code(rawValue: "invalidRatio")
        /// A count of parts or a quantity is outside its allowed range.
        public static let invalidCount = Code(rawValue: "invalidCount")
    }

    /// The kind of failure.
    public var code: Code
    /// The input or operation the error is about, such as `"amount"`, `"currency"`,
    /// `"ratios"` or `"multiply"`.
    public var field: String
    /// The offending value as text.
    public var value: String
    /// A sentence for people.
    public var message: String

    /// Creates an error. Prefer the static factories, which fill in a consistent message.
    public init(code: Code, field: String, value: String, message: String) {
        self.code = code
        self.field = field
        self.value = value
        self.message = message
    }
}

extension MoneyError {
    /// Two operands of one operation have different currencies.
    public static func currencyMismatch(
        _ lhs: Currency, _ rhs: Currency, operation: String
    ) -> MoneyError {
        // Same code, different exponent: name the exponents, or the message says nothing.
        let (left, right) =
            lhs.code == rhs.code
            ? ("\(lhs.code)(\(lhs.minorUnits))", "\(rhs.code)(\(rhs.minorUnits))")
            : (lhs.code, rhs.code)
        return MoneyError(
            code: .currencyMismatch, field: operation, value: "\(left)/\(right)",
            message: "\(operation) mixes \(left) and \(right)")
    }

    /// The result of `operation` on `operands` does not fit.
    public static func overflow(operation: String, operands: String) -> MoneyError {
        MoneyError(
            code: .overflow, field: operation, value: operands,
            message: "\(operation) of \(operands) overflows the fixed-point range")
    }

    /// `operation` divides by zero.
    public static func divisionByZero(operation: String, dividend: String) -> MoneyError {
        MoneyError(
            code: .divisionByZero, field: operation, value: dividend,
            message: "\(operation) of \(dividend) divides by zero")
    }

    /// Exact rounding was required but `value` is not exact at the target precision.
    public static func roundingNecessary(operation: String, value: String) -> MoneyError {
        MoneyError(
            code: .roundingNecessary, field: operation, value: value,
            message: "\(operation) of \(value) is not exact and the rule is .unnecessary")
    }

    /// `value` is not a valid currency code.
    public static func malformedCurrency(_ value: String) -> MoneyError {
        MoneyError(
            code: .malformedCurrency, field: "currency", value: value,
            message: "currency code \"\(value)\" is not 3 or 4 uppercase ASCII letters")
    }

    /// `value` is a well-formed code that the table does not list.
    public static func unknownCurrency(_ value: String) -> MoneyError {
        MoneyError(
            code: .unknownCurrency, field: "currency", value: value,
            message: "currency \"\(value)\" is not an active ISO 4217 currency")
    }

    /// A minor-unit exponent outside `Currency.minorUnitRange`.
    public static func invalidMinorUnits(_ value: Int, code: String) -> MoneyError {
        MoneyError(
            code: .invalidMinorUnits, field: "minorUnits", value: String(value),
            message:
                "\(code) minor units \(value) is outside \(Currency.minorUnitRange.lowerBound)"
                + "...\(Currency.minorUnitRange.upperBound)")
    }

    /// A cash-rounding increment that is not positive or does not fit.
    public static func invalidCashIncrement(_ value: String, code: String) -> MoneyError {
        MoneyError(
            code: .invalidCashIncrement, field: "cashIncrement", value: value,
            message: "\(code) cash increment \(value) must be a positive number of minor units")
    }

    /// `text` is not a number in the accepted syntax.
    public static func invalidNumber(_ text: String, field: String) -> MoneyError {
        MoneyError(
            code: .invalidNumber, field: field, value: text,
            message: "\(field) \"\(text)\" is not a plain decimal number like -1234.56")
    }

    /// `text` has `decimals` decimal places where `allowed` is the most the target takes.
    public static func tooManyDecimals(
        _ text: String, field: String, decimals: Int, allowed: Int, target: String
    ) -> MoneyError {
        MoneyError(
            code: .tooManyDecimals, field: field, value: text,
            message: "\(field) \"\(text)\" has \(decimals) decimals; \(target) allows \(allowed)")
    }

    /// An unusable ratio or weight list.
    public static func invalidRatio(_ value: String, reason: String) -> MoneyError {
        MoneyError(
            code: .invalidRatio, field: "ratios", value: value,
            message: "ratios \(value): \(reason)")
    }

    /// A count outside its allowed range.
    public static func invalidCount(_ value: Int, field: String, reason: String) -> MoneyError {
        MoneyError(
            code: .invalidCount, field: field, value: String(value),
            message: "\(field) \(value): \(reason)")
    }
}

extension MoneyError: MSPError {}
