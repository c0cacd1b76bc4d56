import MSPCore

// Addition and subtraction of `Rational`s for the rating code, reporting overflow as a
// `BillingError`. MSPCore's `+` and `-` do the arithmetic (and build their error text only
// when an overflow happens).
extension Rational {
    /// `self + other`, exactly.
    @inline(__always)
    internal func plus(_ other: Rational) throws(BillingError) -> Rational {
        try exact { () throws(MoneyError) in try self + other }
    }

    /// `self − other`, exactly.
    @inline(__always)
    internal func minus(_ other: Rational) throws(BillingError) -> Rational {
        try exact { () throws(MoneyError) in try self - other }
    }
}
