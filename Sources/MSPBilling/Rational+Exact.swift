import MSPCore

// Addition and subtraction of `Rational`s for the rating hot paths. MSPCore's `+` and `-`
// format their overflow error text before they know whether it is needed, which costs more
// than the arithmetic; these build the error only when an overflow actually happens.
extension Rational {
    /// `self + other`, exactly.
    @inline(__always)
    internal func plus(_ other: Rational) throws(BillingError) -> Rational {
        if denominator == other.denominator {
            let (sum, overflow) = numerator.addingReportingOverflow(other.numerator)
            guard !overflow else { throw overflowError(other, "add") }
            if denominator == 1 { return Rational(sum) }
            return try exact { () throws(MoneyError) in try Rational(sum, denominator) }
        }
        let common = Int64(
            greatestCommonDivisor(denominator.magnitude, other.denominator.magnitude))
        let leftScale = other.denominator / common
        let rightScale = denominator / common
        let (a, o1) = numerator.multipliedReportingOverflow(by: leftScale)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: rightScale)
        let (d, o3) = denominator.multipliedReportingOverflow(by: leftScale)
        let (n, o4) = a.addingReportingOverflow(b)
        guard !o1, !o2, !o3, !o4 else { throw overflowError(other, "add") }
        return try exact { () throws(MoneyError) in try Rational(n, d) }
    }

    /// `self − other`, exactly.
    @inline(__always)
    internal func minus(_ other: Rational) throws(BillingError) -> Rational {
        guard other.numerator != .min else { throw overflowError(other, "subtract") }
        return try plus(Rational(unreducedNegationOf: other))
    }

    /// `-other`; the numerator is not `Int64.min`, so the negation fits and stays reduced.
    private init(unreducedNegationOf other: Rational) {
        // A reduced fraction negated is still reduced: the error path cannot be taken.
        self = (try? Rational(-other.numerator, other.denominator)) ?? .zero
    }

    @inline(never)
    private func overflowError(_ other: Rational, _ operation: String) -> BillingError {
        .arithmetic(.overflow(operation: operation, operands: "\(self), \(other)"))
    }
}

/// Euclid's algorithm on magnitudes.
@inline(__always)
internal func greatestCommonDivisor(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
