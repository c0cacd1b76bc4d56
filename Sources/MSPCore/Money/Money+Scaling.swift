/// Multiplication, division, percentages and cash rounding.
///
/// Multiplying by a whole quantity is exact. Every other scaling computes the exact rational
/// result in 128-bit arithmetic and rounds it once, to the minor unit, with the rule you name.
///
/// Worked values (USD):
///
/// | operation | exact | halfUp | halfEven | down |
/// |---|---|---|---|---|
/// | 10.00 × 1/3 | 3.3333… | 3.33 | 3.33 | 3.33 |
/// | 0.05 ÷ 2 | 0.025 | 0.03 | 0.02 | 0.02 |
/// | 0.15 ÷ 2 | 0.075 | 0.08 | 0.08 | 0.07 |
/// | -0.05 ÷ 2 | -0.025 | -0.03 | -0.02 | -0.02 |
/// | 19.99 × 7.25% | 1.449275 | 1.45 | 1.45 | 1.44 |
/// | 200.00 × 17/31 | 109.677… | 109.68 | 109.68 | 109.67 |
extension Money {
    /// The amount times a whole quantity, exactly: `12.50 USD * 3 == 37.50 USD`.
    ///
    /// - Throws: ``MoneyError`` `overflow`.
    @inlinable
    public static func * (lhs: Money, rhs: Int64) throws(MoneyError) -> Money {
        let (value, overflow) = lhs.minorUnits.multipliedReportingOverflow(by: rhs)
        guard !overflow else { throw .overflow(operation: "multiply", operands: "\(lhs) × \(rhs)") }
        return Money(minorUnits: value, currency: lhs.currency)
    }

    /// The amount times a whole quantity, exactly. - Throws: ``MoneyError`` `overflow`.
    @inlinable
    public static func * (lhs: Int64, rhs: Money) throws(MoneyError) -> Money {
        try rhs * lhs
    }

    /// The amount times an exact ratio, rounded once to the minor unit.
    ///
    /// `200.00 USD × 17/31` is 109.677419… and rounds `halfEven` to 109.68 USD.
    ///
    /// - Parameters:
    ///   - factor: Any exact ratio: a quantity (`1.25` hours), a proration fraction (`17/31`).
    ///   - rule: How the fraction of a minor unit is rounded.
    /// - Throws: ``MoneyError`` `overflow`, or `roundingNecessary` under `.unnecessary`.
    @inlinable
    @inline(__always)
    public func multiplied(by factor: Rational, rounding rule: RoundingRule) throws(MoneyError)
        -> Money
    {
        try scaled(factor.numerator, factor.denominator, rounding: rule, operation: "multiply")
    }

    /// The amount divided by a whole number, rounded to the minor unit: `0.05 USD ÷ 2` is
    /// 0.03 under `halfUp` and 0.02 under `halfEven`. To split an amount into parts that sum
    /// back to it, use ``split(into:limits:)`` instead.
    ///
    /// - Throws: ``MoneyError`` `divisionByZero`, `overflow`, or `roundingNecessary`.
    @inlinable
    public func divided(by divisor: Int64, rounding rule: RoundingRule) throws(MoneyError) -> Money
    {
        try scaled(1, divisor, rounding: rule, operation: "divide")
    }

    /// The amount divided by an exact ratio, rounded to the minor unit.
    ///
    /// - Throws: ``MoneyError`` `divisionByZero`, `overflow`, or `roundingNecessary`.
    public func divided(by divisor: Rational, rounding rule: RoundingRule) throws(MoneyError)
        -> Money
    {
        guard !divisor.isZero else {
            throw .divisionByZero(operation: "divide", dividend: description)
        }
        return try scaled(
            divisor.denominator, divisor.numerator, rounding: rule, operation: "divide")
    }

    /// The given percentage of the amount, rounded to the minor unit.
    ///
    /// `19.99 USD` at 7.25% is 1.449275 and rounds `halfUp` to 1.45 USD.
    ///
    /// - Throws: ``MoneyError`` `overflow`, or `roundingNecessary`.
    @inlinable
    @inline(__always)
    public func percentage(_ percent: Percentage, rounding rule: RoundingRule) throws(MoneyError)
        -> Money
    {
        let fraction = percent.fraction
        switch ExactArithmetic.multiplyDivide(
            minorUnits, fraction.numerator, fraction.denominator, reciprocal: percent.reciprocal,
            rounding: rule)
        {
        case .success(let value):
            return Money(minorUnits: value, currency: currency)
        case .failure(let failure):
            throw scalingError(
                failure, fraction.numerator, fraction.denominator, operation: "multiply")
        }
    }

    /// The amount rounded to the currency's cash increment (CHF to 0.05), or unchanged when
    /// the currency has none.
    ///
    /// `12.32 CHF` rounds `halfUp` to 12.30, `12.33 CHF` to 12.35, and `12.325 CHF` cannot
    /// occur (a `Money` is already whole minor units); `12.375` as a ``PreciseMoney`` must be
    /// rounded to the minor unit first.
    ///
    /// - Throws: ``MoneyError`` `overflow`, or `roundingNecessary` under `.unnecessary`.
    public func roundedToCashIncrement(_ rule: RoundingRule) throws(MoneyError) -> Money {
        guard let increment = currency.cashIncrement else { return self }
        let steps = try scaled(1, increment, rounding: rule, operation: "cash rounding").minorUnits
        let (value, overflow) = steps.multipliedReportingOverflow(by: increment)
        guard !overflow else { throw .overflow(operation: "cash rounding", operands: description) }
        return Money(minorUnits: value, currency: currency)
    }

    /// `round(minorUnits × numerator / denominator)` in this currency.
    ///
    /// The hot path stays small enough to inline into a caller's loop; building the error's
    /// text happens out of line, in ``scalingError(_:_:_:operation:)``.
    @inlinable
    @inline(__always)
    internal func scaled(
        _ numerator: Int64, _ denominator: Int64, rounding rule: RoundingRule, operation: String
    ) throws(MoneyError) -> Money {
        switch ExactArithmetic.multiplyDivide(minorUnits, numerator, denominator, rounding: rule) {
        case .success(let value):
            return Money(minorUnits: value, currency: currency)
        case .failure(let failure):
            throw scalingError(failure, numerator, denominator, operation: operation)
        }
    }

    /// The error for a failed ``scaled(_:_:rounding:operation:)``.
    @usableFromInline
    @inline(never)
    internal func scalingError(
        _ failure: ExactArithmetic.Failure, _ numerator: Int64, _ denominator: Int64,
        operation: String
    ) -> MoneyError {
        switch failure {
        case .overflow:
            .overflow(operation: operation, operands: "\(self) × \(numerator)/\(denominator)")
        case .divisionByZero:
            .divisionByZero(operation: operation, dividend: description)
        case .roundingNecessary:
            .roundingNecessary(
                operation: operation, value: "\(self) × \(numerator)/\(denominator)")
        }
    }
}
