/// How an exact value that falls between two representable values is rounded.
///
/// MSPKit never rounds implicitly: every operation that can lose precision takes a
/// `RoundingRule`, so the point where a fraction of a cent disappears is named in the code
/// that does it. The rules follow the usual definitions (Java's `RoundingMode`, dinero.js,
/// swift-numerics' `RoundingRule`); "up" and "down" are about magnitude, "ceiling" and
/// "floor" about the number line.
///
/// Worked values, rounding to a whole number:
///
/// | value | up | down | ceiling | floor | halfUp | halfDown | halfEven | unnecessary |
/// |------:|---:|-----:|--------:|------:|-------:|---------:|---------:|------------:|
/// |   5.5 |  6 |    5 |       6 |     5 |      6 |        5 |        6 |     throws  |
/// |   2.5 |  3 |    2 |       3 |     2 |      3 |        2 |        2 |     throws  |
/// |   1.6 |  2 |    1 |       2 |     1 |      2 |        2 |        2 |     throws  |
/// |   1.1 |  2 |    1 |       2 |     1 |      1 |        1 |        1 |     throws  |
/// |   1.0 |  1 |    1 |       1 |     1 |      1 |        1 |        1 |          1  |
/// |  -1.0 | -1 |   -1 |      -1 |    -1 |     -1 |       -1 |       -1 |         -1  |
/// |  -1.1 | -2 |   -1 |      -1 |    -2 |     -1 |       -1 |       -1 |     throws  |
/// |  -1.6 | -2 |   -1 |      -1 |    -2 |     -2 |       -2 |       -2 |     throws  |
/// |  -2.5 | -3 |   -2 |      -2 |    -3 |     -3 |       -2 |       -2 |     throws  |
/// |  -5.5 | -6 |   -5 |      -5 |    -6 |     -6 |       -5 |       -6 |     throws  |
///
/// Money amounts round to the currency's minor unit, so `12.345 USD` rounded `halfEven`
/// is `12.34 USD` and rounded `halfUp` is `12.35 USD`.
public enum RoundingRule: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible
{
    /// Away from zero: any discarded fraction increases the magnitude (`1.1 → 2`, `-1.1 → -2`).
    case up
    /// Toward zero: the discarded fraction is dropped (truncation; `1.9 → 1`, `-1.9 → -1`).
    case down
    /// Toward positive infinity (`1.1 → 2`, `-1.9 → -1`).
    case ceiling
    /// Toward negative infinity (`1.9 → 1`, `-1.1 → -2`).
    case floor
    /// To the nearest neighbour; a tie goes away from zero (`2.5 → 3`, `-2.5 → -3`).
    /// Commercial rounding, the usual rule for invoices.
    case halfUp
    /// To the nearest neighbour; a tie goes toward zero (`2.5 → 2`, `-2.5 → -2`).
    case halfDown
    /// To the nearest neighbour; a tie goes to the even neighbour (`2.5 → 2`, `3.5 → 4`).
    /// Banker's rounding: ties do not drift in one direction over many roundings.
    case halfEven
    /// Asserts that no rounding is needed: an exact value passes, anything else throws
    /// ``MoneyError/Code-swift.struct/roundingNecessary``.
    case unnecessary

    /// The rule's name, as used in the JSON form (`"halfEven"`).
    public var description: String { rawValue }
}

extension RoundingRule {
    /// Rounds the magnitude quotient `quotient + remainder / divisor` of a value with the
    /// given sign. Returns the rounded magnitude, or `nil` when the rule is `.unnecessary`
    /// and the remainder is not zero.
    ///
    /// The decision is computed as 0/1 arithmetic rather than with branches: for real
    /// amounts, rounding up or down is a coin flip that a branch predictor loses half the
    /// time. `remainder < divisor` must hold; the caller checks that the result fits.
    @inlinable
    @inline(__always)
    internal func roundMagnitude(
        quotient: UInt64, remainder: UInt64, divisor: UInt64, negative: Bool
    ) -> UInt64? {
        let other = divisor &- remainder  // distance to the next multiple
        let inexact: UInt64 = remainder != 0 ? 1 : 0
        let above: UInt64 = remainder > other ? 1 : 0
        let tie: UInt64 = remainder == other ? 1 : 0
        let sign: UInt64 = negative ? 1 : 0
        let increment: UInt64
        switch self {
        case .up: increment = inexact
        case .down: increment = 0
        case .ceiling: increment = inexact & (sign ^ 1)
        case .floor: increment = inexact & sign
        case .halfUp: increment = above | tie
        case .halfDown: increment = above
        case .halfEven: increment = above | (tie & quotient & 1)
        case .unnecessary:
            if remainder != 0 { return nil }
            increment = 0
        }
        return quotient &+ increment
    }
}
