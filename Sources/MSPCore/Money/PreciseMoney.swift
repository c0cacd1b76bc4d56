/// An exact amount of money with six decimal places beyond the currency's minor unit.
///
/// Unit prices and rates are often finer than a cent: storage at 0.000125 USD per GB, a tier
/// price of 0.067 USD per unit. `PreciseMoney` holds such values exactly, as an `Int64` count
/// of `10^-(minorUnits + 6)` of the major unit (for USD, units of 0.00000001), and keeps
/// extended amounts exact until the one point where they are rounded to ``Money``:
///
/// ```swift
/// let price = try PreciseMoney(parsing: "0.067", currency: .usd)
/// let extended = try price * 55                     // 3.685 USD, exact
/// let due = try extended.rounded(.halfEven)         // 3.68 USD
/// let dueUp = try extended.rounded(.halfUp)         // 3.69 USD
/// ```
///
/// The range is ±92,233,720,368.54775807 for a two-decimal currency (±9.2×10¹⁰ major units),
/// ample for a unit price or a line's extended amount; totals of a whole invoice belong in
/// ``Money``, whose range is a million times larger.
public struct PreciseMoney: Sendable, Hashable {
    /// Decimal places beyond the currency's minor unit.
    public static let extraDecimals = 6
    /// `10^extraDecimals`.
    @usableFromInline
    internal static let extraScale: Int64 = 1_000_000

    /// The amount in units of `10^-(currency.minorUnits + 6)` major units.
    public let scaledUnits: Int64
    /// The currency.
    public let currency: Currency

    /// Creates an amount from its scaled units: `PreciseMoney(scaledUnits: 12_500, currency:
    /// .usd)` is 0.000125 USD.
    @inlinable
    public init(scaledUnits: Int64, currency: Currency) {
        self.scaledUnits = scaledUnits
        self.currency = currency
    }

    /// The exact precise form of an amount due.
    ///
    /// - Throws: ``MoneyError`` `overflow` when the amount is beyond the precise range.
    public init(_ money: Money) throws(MoneyError) {
        let (value, overflow) = money.minorUnits.multipliedReportingOverflow(by: Self.extraScale)
        guard !overflow else { throw .overflow(operation: "precise money", operands: "\(money)") }
        self.init(scaledUnits: value, currency: money.currency)
    }

    /// Parses a decimal amount with up to `currency.minorUnits + 6` decimals (`"0.000125"`).
    ///
    /// - Throws: ``MoneyError`` `invalidNumber`, `tooManyDecimals`, or `overflow`.
    public init(parsing text: String, currency: Currency) throws(MoneyError) {
        let scale = currency.minorUnits + Self.extraDecimals
        let parsed = DecimalText.trimmed(
            try DecimalText.parse(text, field: "amount"), minimumScale: 0)
        guard parsed.scale <= scale else {
            throw .tooManyDecimals(
                text, field: "amount", decimals: parsed.scale, allowed: scale,
                target: "precise \(currency.code)")
        }
        let (value, overflow) = parsed.significand.multipliedReportingOverflow(
            by: ExactArithmetic.powersOfTen[scale - parsed.scale])
        guard !overflow else { throw .overflow(operation: "amount", operands: "\"\(text)\"") }
        self.init(scaledUnits: value, currency: currency)
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> PreciseMoney {
        PreciseMoney(scaledUnits: 0, currency: currency)
    }

    /// The value as an exact ratio of major units.
    public var majorUnits: Rational {
        // The denominator is a power of ten of at most 10^15, so this cannot fail.
        (try? Rational(
            scaledUnits, ExactArithmetic.powersOfTen[currency.minorUnits + Self.extraDecimals]))
            ?? .zero
    }

    /// Rounds to the currency's minor unit with `rule`.
    ///
    /// - Throws: ``MoneyError`` `roundingNecessary` under `.unnecessary` when the amount has
    ///   a fraction of the minor unit.
    @inlinable
    public func rounded(_ rule: RoundingRule) throws(MoneyError) -> Money {
        // The literal divisor (`extraScale`) lets the compiler divide by multiplying and
        // shifting. The result's magnitude is at most 2^63 / 10^6 + 1, so it always fits.
        let magnitude = scaledUnits.magnitude
        guard
            let rounded = rule.roundMagnitude(
                quotient: magnitude / 1_000_000, remainder: magnitude % 1_000_000,
                divisor: 1_000_000, negative: scaledUnits < 0)
        else { throw roundingError() }
        let value = Int64(truncatingIfNeeded: rounded)
        return Money(minorUnits: scaledUnits < 0 ? 0 &- value : value, currency: currency)
    }

    /// The error for an inexact ``rounded(_:)`` under `.unnecessary`, built out of line so
    /// that the rounding itself inlines into a caller's loop.
    @usableFromInline
    @inline(never)
    internal func roundingError() -> MoneyError {
        .roundingNecessary(operation: "round", value: description)
    }

    /// The price times a whole quantity, exactly: `0.067 USD * 55 == 3.685 USD`.
    ///
    /// - Throws: ``MoneyError`` `overflow`.
    @inlinable
    public static func * (lhs: PreciseMoney, rhs: Int64) throws(MoneyError) -> PreciseMoney {
        let (value, overflow) = lhs.scaledUnits.multipliedReportingOverflow(by: rhs)
        guard !overflow else { throw .overflow(operation: "multiply", operands: "\(lhs) × \(rhs)") }
        return PreciseMoney(scaledUnits: value, currency: lhs.currency)
    }

    /// The price times an exact quantity (`1.25` hours), rounded to the precise scale.
    ///
    /// - Throws: ``MoneyError`` `overflow`, or `roundingNecessary` under `.unnecessary`.
    public func multiplied(by factor: Rational, rounding rule: RoundingRule) throws(MoneyError)
        -> PreciseMoney
    {
        switch ExactArithmetic.multiplyDivide(
            scaledUnits, factor.numerator, factor.denominator, rounding: rule)
        {
        case .success(let value): return PreciseMoney(scaledUnits: value, currency: currency)
        case .failure(.roundingNecessary):
            throw .roundingNecessary(operation: "multiply", value: "\(self) × \(factor)")
        case .failure:
            throw .overflow(operation: "multiply", operands: "\(self) × \(factor)")
        }
    }

    /// The price times an exact quantity, rounded once, directly to the minor unit: the
    /// amount due for `quantity` units. `0.067 USD` for 55 units is 3.685 USD and rounds
    /// `halfUp` to 3.69 USD.
    ///
    /// - Throws: ``MoneyError`` `overflow`, or `roundingNecessary` under `.unnecessary`.
    public func amount(for quantity: Rational, rounding rule: RoundingRule) throws(MoneyError)
        -> Money
    {
        // scaledUnits × n / (d × 10^6): cancel the common factor of 10^6 and the amount
        // first, so that a fine quantity (1/10^13) does not overflow the divisor needlessly.
        let common = Int64(ExactArithmetic.gcd(scaledUnits.magnitude, UInt64(Self.extraScale)))
        let (denominator, overflow) = quantity.denominator.multipliedReportingOverflow(
            by: Self.extraScale / common)
        guard !overflow else {
            throw .overflow(operation: "multiply", operands: "\(self) × \(quantity)")
        }
        switch ExactArithmetic.multiplyDivide(
            scaledUnits / common, quantity.numerator, denominator, rounding: rule)
        {
        case .success(let value): return Money(minorUnits: value, currency: currency)
        case .failure(.roundingNecessary):
            throw .roundingNecessary(operation: "multiply", value: "\(self) × \(quantity)")
        case .failure:
            throw .overflow(operation: "multiply", operands: "\(self) × \(quantity)")
        }
    }

    /// The exact sum. - Throws: ``MoneyError`` `currencyMismatch` or `overflow`.
    @inlinable
    public static func + (lhs: PreciseMoney, rhs: PreciseMoney) throws(MoneyError) -> PreciseMoney {
        guard lhs.currency == rhs.currency else {
            throw .currencyMismatch(lhs.currency, rhs.currency, operation: "add")
        }
        let (value, overflow) = lhs.scaledUnits.addingReportingOverflow(rhs.scaledUnits)
        guard !overflow else { throw .overflow(operation: "add", operands: "\(lhs), \(rhs)") }
        return PreciseMoney(scaledUnits: value, currency: lhs.currency)
    }

    /// The exact difference. - Throws: ``MoneyError`` `currencyMismatch` or `overflow`.
    @inlinable
    public static func - (lhs: PreciseMoney, rhs: PreciseMoney) throws(MoneyError) -> PreciseMoney {
        guard lhs.currency == rhs.currency else {
            throw .currencyMismatch(lhs.currency, rhs.currency, operation: "subtract")
        }
        let (value, overflow) = lhs.scaledUnits.subtractingReportingOverflow(rhs.scaledUnits)
        guard !overflow else { throw .overflow(operation: "subtract", operands: "\(lhs), \(rhs)") }
        return PreciseMoney(scaledUnits: value, currency: lhs.currency)
    }
}

extension PreciseMoney: CustomStringConvertible {
    /// The canonical amount and the code: `"0.067 USD"`.
    public var description: String {
        "\(amountText) \(currency.code)"
    }

    /// The canonical amount string with trailing zeros beyond the minor unit removed:
    /// `"0.067"`, `"3.685"`, `"12.00"`, `"0.000125"`.
    public var amountText: String {
        let trimmed = DecimalText.trimmed(
            .init(significand: scaledUnits, scale: currency.minorUnits + Self.extraDecimals),
            minimumScale: currency.minorUnits)
        return DecimalText.format(trimmed.significand, scale: trimmed.scale)
    }
}
