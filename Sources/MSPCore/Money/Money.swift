/// An exact amount of money: an integer number of the currency's minor unit.
///
/// `Money` is the type of every amount due: an invoice line, a total, a credit. It holds a
/// signed 64-bit count of minor units (cents for USD, yen for JPY, fils for KWD), so the
/// range is ±9,223,372,036,854,775,807 minor units: ±92 quadrillion USD, far beyond the
/// ±9×10¹² major units MSPKit promises at cent precision. There is no floating point
/// anywhere in it.
///
/// Amounts finer than the minor unit (a per-GB price of 0.000125 USD, 3.685 USD before
/// rounding) are ``PreciseMoney``; they become `Money` at one named rounding step.
///
/// Arithmetic is checked: combining two currencies throws ``MoneyError`` `currencyMismatch`
/// and a result out of range throws `overflow`. Operations that can produce a fraction of the
/// minor unit (multiplying by a ratio, dividing, taking a percentage) take a ``RoundingRule``.
///
/// ```swift
/// let fee = try Money(parsing: "1234.56", currency: .usd)
/// let total = try fee * 3                                          // 3703.68 USD
/// let tax = try total.percentage(Percentage(parsing: "7.25"), rounding: .halfUp)  // 268.52 USD
/// let parts = try total.allocated(by: [1, 1, 1])                   // 1234.56 × 3
/// ```
public struct Money: Sendable, Hashable {
    /// The amount as an integer count of the currency's minor unit (`123456` for 1234.56 USD).
    public let minorUnits: Int64
    /// The currency.
    public let currency: Currency

    /// Creates an amount from a count of minor units: `Money(minorUnits: 1999, currency: .usd)`
    /// is 19.99 USD. Every `Int64` is a valid amount.
    @inlinable
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Creates a whole amount of major units: `Money(major: 50, currency: .usd)` is 50.00 USD.
    ///
    /// - Throws: ``MoneyError`` `overflow` when the amount does not fit.
    public init(major: Int64, currency: Currency) throws(MoneyError) {
        let (value, overflow) = major.multipliedReportingOverflow(
            by: currency.minorUnitsPerMajorUnit)
        guard !overflow else {
            throw .overflow(operation: "major units", operands: "\(major) \(currency.code)")
        }
        self.init(minorUnits: value, currency: currency)
    }

    /// Zero in `currency`.
    @inlinable
    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// Whether the amount is zero.
    @inlinable
    public var isZero: Bool { minorUnits == 0 }
    /// Whether the amount is below zero (a credit).
    @inlinable
    public var isNegative: Bool { minorUnits < 0 }
    /// Whether the amount is above zero.
    @inlinable
    public var isPositive: Bool { minorUnits > 0 }

    /// The amount as an exact ratio of major units (`1234.56 USD` → `30864/25`).
    public var majorUnits: Rational {
        // The denominator is a power of ten, so the reduction cannot overflow.
        (try? Rational(minorUnits, currency.minorUnitsPerMajorUnit)) ?? .zero
    }
}

// MARK: - Addition and subtraction

extension Money {
    /// The exact sum.
    ///
    /// - Throws: ``MoneyError`` `currencyMismatch` or `overflow`.
    @inlinable
    public static func + (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
        guard lhs.currency == rhs.currency else {
            throw .currencyMismatch(lhs.currency, rhs.currency, operation: "add")
        }
        let (value, overflow) = lhs.minorUnits.addingReportingOverflow(rhs.minorUnits)
        guard !overflow else { throw .overflow(operation: "add", operands: "\(lhs), \(rhs)") }
        return Money(minorUnits: value, currency: lhs.currency)
    }

    /// The exact difference.
    ///
    /// - Throws: ``MoneyError`` `currencyMismatch` or `overflow`.
    @inlinable
    public static func - (lhs: Money, rhs: Money) throws(MoneyError) -> Money {
        guard lhs.currency == rhs.currency else {
            throw .currencyMismatch(lhs.currency, rhs.currency, operation: "subtract")
        }
        let (value, overflow) = lhs.minorUnits.subtractingReportingOverflow(rhs.minorUnits)
        guard !overflow else {
            throw .overflow(operation: "subtract", operands: "\(lhs), \(rhs)")
        }
        return Money(minorUnits: value, currency: lhs.currency)
    }

    /// Adds `rhs` in place. - Throws: ``MoneyError`` `currencyMismatch` or `overflow`.
    @inlinable
    public static func += (lhs: inout Money, rhs: Money) throws(MoneyError) {
        lhs = try lhs + rhs
    }

    /// Subtracts `rhs` in place. - Throws: ``MoneyError`` `currencyMismatch` or `overflow`.
    @inlinable
    public static func -= (lhs: inout Money, rhs: Money) throws(MoneyError) {
        lhs = try lhs - rhs
    }

    /// The amount with its sign flipped.
    ///
    /// - Throws: ``MoneyError`` `overflow` for the one amount with no opposite, `Int64.min`.
    @inlinable
    public func negated() throws(MoneyError) -> Money {
        guard minorUnits != .min else { throw .overflow(operation: "negate", operands: "\(self)") }
        return Money(minorUnits: -minorUnits, currency: currency)
    }

    /// The amount with its sign flipped. - Throws: ``MoneyError`` `overflow`.
    @inlinable
    public static prefix func - (operand: Money) throws(MoneyError) -> Money {
        try operand.negated()
    }

    /// The absolute value. - Throws: ``MoneyError`` `overflow` for `Int64.min`.
    public func magnitude() throws(MoneyError) -> Money {
        minorUnits < 0 ? try negated() : self
    }

    /// The exact sum of `amounts`, zero in `currency` when there are none.
    ///
    /// Every amount must be in `currency`. The running total is kept in 128 bits, so the sum
    /// fails only when the exact total does not fit, whatever the order of the amounts
    /// (`[max, 1, -1]` sums to `max`). The loop allocates nothing. For columns of amounts in
    /// one currency, ``MoneyColumn/sum()`` reads half the memory and vectorises.
    ///
    /// - Throws: ``MoneyError`` `currencyMismatch` naming the first amount in another
    ///   currency, or `overflow` when the total does not fit.
    /// - Complexity: O(*n*).
    @inlinable
    public static func sum(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError)
        -> Money
    {
        var total = WideAccumulator()
        for amount in amounts {
            guard amount.currency == currency else {
                throw .currencyMismatch(currency, amount.currency, operation: "sum")
            }
            total.add(amount.minorUnits)
        }
        guard let value = total.value else { throw sumOverflow(currency) }
        return Money(minorUnits: value, currency: currency)
    }

    /// The error for a total that does not fit, built out of line.
    @usableFromInline
    @inline(never)
    internal static func sumOverflow(_ currency: Currency) -> MoneyError {
        .overflow(operation: "sum", operands: "amounts in \(currency.code)")
    }
}

// MARK: - Comparison

extension Money {
    /// Compares two amounts of the same currency: negative, zero or positive as `self` is
    /// less than, equal to or greater than `other`.
    ///
    /// Money is not `Comparable` because amounts in different currencies have no order; the
    /// comparison operators below throw instead of inventing one.
    ///
    /// - Throws: ``MoneyError`` `currencyMismatch`.
    @inlinable
    public func compare(to other: Money) throws(MoneyError) -> Int {
        guard currency == other.currency else {
            throw .currencyMismatch(currency, other.currency, operation: "compare")
        }
        return minorUnits < other.minorUnits ? -1 : (minorUnits == other.minorUnits ? 0 : 1)
    }

    /// Whether `lhs` is less than `rhs`. - Throws: ``MoneyError`` `currencyMismatch`.
    @inlinable
    public static func < (lhs: Money, rhs: Money) throws(MoneyError) -> Bool {
        try lhs.compare(to: rhs) < 0
    }

    /// Whether `lhs` is at most `rhs`. - Throws: ``MoneyError`` `currencyMismatch`.
    @inlinable
    public static func <= (lhs: Money, rhs: Money) throws(MoneyError) -> Bool {
        try lhs.compare(to: rhs) <= 0
    }

    /// Whether `lhs` is greater than `rhs`. - Throws: ``MoneyError`` `currencyMismatch`.
    @inlinable
    public static func > (lhs: Money, rhs: Money) throws(MoneyError) -> Bool {
        try lhs.compare(to: rhs) > 0
    }

    /// Whether `lhs` is at least `rhs`. - Throws: ``MoneyError`` `currencyMismatch`.
    @inlinable
    public static func >= (lhs: Money, rhs: Money) throws(MoneyError) -> Bool {
        try lhs.compare(to: rhs) >= 0
    }

    /// The smaller of two amounts. - Throws: ``MoneyError`` `currencyMismatch`.
    public static func minimum(_ a: Money, _ b: Money) throws(MoneyError) -> Money {
        try a <= b ? a : b
    }

    /// The larger of two amounts. - Throws: ``MoneyError`` `currencyMismatch`.
    public static func maximum(_ a: Money, _ b: Money) throws(MoneyError) -> Money {
        try a >= b ? a : b
    }
}
