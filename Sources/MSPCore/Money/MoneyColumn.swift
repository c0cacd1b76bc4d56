/// A column of amounts in one currency, stored as contiguous `Int64` minor units.
///
/// `[Money]` spends 16 bytes per amount (8 for the amount, 8 for its currency) and checks
/// the currency of every element. A billing run that totals millions of lines in one
/// currency is bound by memory bandwidth, so `MoneyColumn` keeps the currency once and the
/// amounts as a plain `[Int64]`: half the bytes, and a ``sum()`` that the compiler
/// vectorises. It is a `RandomAccessCollection` of ``Money``.
///
/// ```swift
/// var lines = MoneyColumn(currency: .usd)
/// try lines.append(Money(parsing: "45.00", currency: .usd))
/// try lines.append(Money(parsing: "19.99", currency: .usd))
/// try lines.sum()                                                    // 64.99 USD
/// try lines.multiplied(by: Rational(1, 2), rounding: .halfEven)      // 22.50, 10.00
/// ```
public struct MoneyColumn: Sendable, Hashable {
    /// The currency of every amount.
    public let currency: Currency
    /// The amounts, in minor units of ``currency``.
    public private(set) var minorUnits: [Int64]

    /// Amounts summed per chunk in the vectorised loop of ``sum()``: 4096 amounts of
    /// magnitude at most 2^49 minor units (5.6 trillion USD) cannot overflow a 64-bit sum.
    @usableFromInline
    internal static let chunkLength = 4096

    /// A column of `minorUnits` in `currency`; every `Int64` is a valid amount.
    public init(currency: Currency, minorUnits: [Int64] = []) {
        self.currency = currency
        self.minorUnits = minorUnits
    }

    /// A column of `amounts`, which must all be in `currency`.
    ///
    /// - Throws: ``MoneyError`` `currencyMismatch` naming the first amount in another currency.
    /// - Complexity: O(*n*).
    public init(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError) {
        self.currency = currency
        self.minorUnits = []
        minorUnits.reserveCapacity(amounts.underestimatedCount)
        for amount in amounts { try append(amount) }
    }

    /// Appends an amount. - Throws: ``MoneyError`` `currencyMismatch`.
    public mutating func append(_ amount: Money) throws(MoneyError) {
        guard amount.currency == currency else {
            throw .currencyMismatch(currency, amount.currency, operation: "append")
        }
        minorUnits.append(amount.minorUnits)
    }

    /// Reserves room for `capacity` amounts.
    public mutating func reserveCapacity(_ capacity: Int) {
        minorUnits.reserveCapacity(capacity)
    }

    /// The exact total, zero when the column is empty.
    ///
    /// The amounts are added in chunks of 4096 with wrapping 64-bit arithmetic, which the
    /// compiler vectorises, while the largest magnitude in the chunk is tracked; a chunk whose
    /// magnitudes are small enough that its sum cannot wrap (2^49 each at most) is taken as is,
    /// any other chunk is added term by term. Chunk totals go into a 128-bit accumulator, so
    /// like ``Money/sum(_:currency:)`` the sum fails only when the exact total does not fit.
    ///
    /// - Throws: ``MoneyError`` `overflow` when the total does not fit.
    /// - Complexity: O(*n*), without allocation.
    @inlinable
    public func sum() throws(MoneyError) -> Money {
        let total: Int64? = minorUnits.withUnsafeBufferPointer { buffer in
            var total = WideAccumulator()
            var start = 0
            while start < buffer.count {
                let end = Swift.min(start &+ MoneyColumn.chunkLength, buffer.count)
                var wrapped: Int64 = 0
                var magnitudeBits: UInt64 = 0
                for index in start..<end {
                    let value = buffer[index]
                    wrapped &+= value
                    // |value| or |value| - 1: its bit width bounds the magnitude's.
                    magnitudeBits |= UInt64(bitPattern: value ^ (value &>> 63))
                }
                // 2^12 terms of magnitude at most 2^49 stay within 2^61.
                if magnitudeBits < 1 << 49 {
                    total.add(wrapped)
                } else {
                    for index in start..<end { total.add(buffer[index]) }
                }
                start = end
            }
            return total.value
        }
        guard let total else { throw Money.sumOverflow(currency) }
        return Money(minorUnits: total, currency: currency)
    }

    /// Every amount times `factor`, each rounded once to the minor unit with `rule`: the
    /// batch form of ``Money/multiplied(by:rounding:)``, with the same results.
    ///
    /// The factor is prepared once for the whole column: when twice its denominator fits 32
    /// bits, each product below about 2^31 (an amount under about 740,000 USD times a 7.25%
    /// rate) is divided by multiplying with a precomputed reciprocal (Lemire, Kaser and
    /// Kurz, "Faster remainder by direct computation", 2019), exact for all such inputs, so
    /// no division instruction runs per amount. The loop is specialised per rounding rule
    /// and writes straight into the result. Larger products take the general 128-bit path.
    ///
    /// - Throws: ``MoneyError`` `overflow` or `roundingNecessary` for the first amount that
    ///   fails.
    /// - Complexity: O(*n*).
    @inlinable
    public func multiplied(by factor: Rational, rounding rule: RoundingRule) throws(MoneyError)
        -> MoneyColumn
    {
        // One loop per rule, each with the rule as a constant, so the rounding step folds to
        // a few branch-free instructions instead of a switch per amount.
        let outcome: (values: [Int64], failed: Int?)
        switch rule {
        case .up: outcome = scaledMinorUnits(by: factor, .up)
        case .down: outcome = scaledMinorUnits(by: factor, .down)
        case .ceiling: outcome = scaledMinorUnits(by: factor, .ceiling)
        case .floor: outcome = scaledMinorUnits(by: factor, .floor)
        case .halfUp: outcome = scaledMinorUnits(by: factor, .halfUp)
        case .halfDown: outcome = scaledMinorUnits(by: factor, .halfDown)
        case .halfEven: outcome = scaledMinorUnits(by: factor, .halfEven)
        case .unnecessary: outcome = scaledMinorUnits(by: factor, .unnecessary)
        }
        if let failed = outcome.failed {
            let amount = Money(minorUnits: minorUnits[failed], currency: currency)
            switch ExactArithmetic.multiplyDivide(
                amount.minorUnits, factor.numerator, factor.denominator, rounding: rule)
            {
            case .success: break
            case .failure(let failure):
                throw amount.scalingError(
                    failure, factor.numerator, factor.denominator, operation: "multiply")
            }
        }
        return MoneyColumn(currency: currency, minorUnits: outcome.values)
    }

    /// The scaled minor units, written straight into a new array, and the position of the
    /// first amount that failed (the array is then incomplete and must not be used).
    @inlinable
    @inline(__always)
    internal func scaledMinorUnits(by factor: Rational, _ rule: RoundingRule)
        -> (values: [Int64], failed: Int?)
    {
        let numerator = factor.numerator
        let denominator = factor.denominator
        let reciprocal = ExactArithmetic.reciprocal(of: denominator.magnitude)
        var failed: Int? = nil
        let values = minorUnits.withUnsafeBufferPointer { source in
            [Int64](unsafeUninitializedCapacity: source.count) { target, initialized in
                for index in source.indices {
                    switch ExactArithmetic.multiplyDivide(
                        source[index], numerator, denominator, reciprocal: reciprocal,
                        rounding: rule)
                    {
                    case .success(let value):
                        target[index] = value
                    case .failure:
                        failed = index
                        initialized = index
                        return
                    }
                }
                initialized = source.count
            }
        }
        return (values, failed)
    }
}

extension MoneyColumn: RandomAccessCollection {
    /// The position of the first amount, `0`.
    public var startIndex: Int { 0 }
    /// The position after the last amount, ``count``.
    public var endIndex: Int { minorUnits.count }

    /// The amount at `position`.
    public subscript(position: Int) -> Money {
        Money(minorUnits: minorUnits[position], currency: currency)
    }
}
