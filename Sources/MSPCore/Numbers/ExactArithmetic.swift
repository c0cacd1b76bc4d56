/// Exact integer kernels shared by the money and ratio types.
///
/// Each kernel works on 64-bit signed values with a 128-bit intermediate, so `a × b / c`
/// never loses a digit before the single, named rounding step. They return `nil` instead of
/// trapping; the public types turn `nil` into a ``MoneyError`` that names the operation.
@usableFromInline
internal enum ExactArithmetic {
    /// Powers of ten that fit in `Int64`, `10^0 ... 10^18`.
    @usableFromInline
    static let powersOfTen: [Int64] = {
        var result: [Int64] = [1]
        for _ in 1...18 { result.append(result[result.count - 1] * 10) }
        return result
    }()

    /// The outcome of a rounded division.
    @usableFromInline
    enum Failure: Error, Sendable {
        case overflow
        case divisionByZero
        case roundingNecessary
    }

    /// `round(a × b / c)` under `rule`, exactly.
    ///
    /// The product is formed in 128 bits; when it fits 64 bits (every realistic amount times
    /// a rate) the division is a single 64-bit one, otherwise a 128-by-64-bit one.
    ///
    /// - Returns: the rounded quotient, or the reason it cannot be produced.
    @inlinable
    @inline(__always)
    static func multiplyDivide(
        _ a: Int64, _ b: Int64, _ c: Int64, rounding rule: RoundingRule
    ) -> Result<Int64, Failure> {
        if c == 0 { return .failure(.divisionByZero) }
        let (product, overflow) = a.magnitude.multipliedReportingOverflow(by: b.magnitude)
        // The 128-bit case is rare and large; keeping it out of line keeps this kernel small
        // enough to inline into callers' loops.
        if overflow { return multiplyDivideWide(a, b, c, rounding: rule) }
        let divisor = c.magnitude
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: divisor)
        return rounded(
            quotient, remainder, divisor, negative: ((a < 0) != (b < 0)) != (c < 0), rule)
    }

    /// ``multiplyDivide(_:_:_:rounding:)`` for a product that needs 128 bits.
    @usableFromInline
    @inline(never)
    static func multiplyDivideWide(
        _ a: Int64, _ b: Int64, _ c: Int64, rounding rule: RoundingRule
    ) -> Result<Int64, Failure> {
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        // The quotient fits in 64 bits only when the high word is below the divisor.
        if product.high >= divisor { return .failure(.overflow) }
        let (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        return rounded(
            quotient, remainder, divisor, negative: ((a < 0) != (b < 0)) != (c < 0), rule)
    }

    /// Rounds `quotient + remainder / divisor` with a sign and checks that it fits.
    @inlinable
    @inline(__always)
    static func rounded(
        _ quotient: UInt64, _ remainder: UInt64, _ divisor: UInt64, negative: Bool,
        _ rule: RoundingRule
    ) -> Result<Int64, Failure> {
        // No Int64 has a magnitude above 2^63; checking before rounding also keeps the
        // increment from wrapping at UInt64.max.
        if quotient > UInt64(Int64.max) + 1 { return .failure(.overflow) }
        guard
            let magnitude = rule.roundMagnitude(
                quotient: quotient, remainder: remainder, divisor: divisor, negative: negative)
        else { return .failure(.roundingNecessary) }
        return signed(magnitude, negative: negative)
    }

    /// The reciprocal `ceil(2^64 / (2 × divisor))` that lets
    /// ``multiplyDivide(_:_:_:reciprocal:rounding:)`` divide without a division instruction,
    /// or 0 when the fast path does not apply (a divisor of 0, or twice the divisor wider
    /// than 32 bits).
    @inlinable
    static func reciprocal(of divisor: UInt64) -> UInt64 {
        divisor > 0 && divisor <= UInt64(UInt32.max) / 2 ? UInt64.max / (divisor &* 2) &+ 1 : 0
    }

    /// `round(a × b / c)` under `rule`, with `reciprocal == reciprocal(of: c.magnitude)`
    /// prepared once for many `a`.
    ///
    /// Every rule becomes one floor division by `2c`: the magnitude `p = |a × b|` is doubled
    /// and offset so that the floor lands on the rounded result (`up` adds `2c − 1`, `halfUp`
    /// adds `c`, `halfDown` `c − 1`, `down` nothing). The floor comes from one high
    /// multiplication by the reciprocal and exact divisibility from one low multiplication
    /// (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019), both exact
    /// for 32-bit dividends and divisors: divisibility tells `halfEven` a tie (an odd quotient
    /// then steps back) and `unnecessary` an exact result. When `2p + offset` does not fit
    /// 32 bits this is ``multiplyDivide(_:_:_:rounding:)``.
    @inlinable
    @inline(__always)
    static func multiplyDivide(
        _ a: Int64, _ b: Int64, _ c: Int64, reciprocal: UInt64, rounding rule: RoundingRule
    ) -> Result<Int64, Failure> {
        let (product, overflow) = a.magnitude.multipliedReportingOverflow(by: b.magnitude)
        let divisor = c.magnitude
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let offset: UInt64
        switch rule {
        case .down, .unnecessary: offset = 0
        case .up: offset = divisor &* 2 &- 1
        case .ceiling: offset = negative ? 0 : divisor &* 2 &- 1
        case .floor: offset = negative ? divisor &* 2 &- 1 : 0
        case .halfUp, .halfEven: offset = divisor
        case .halfDown: offset = divisor &- 1
        }
        // product < 2^32 and offset < 2^33 when the reciprocal is set, so nothing wraps.
        let dividend = product &<< 1 &+ offset
        guard reciprocal != 0, !overflow, product <= UInt64(UInt32.max),
            dividend <= UInt64(UInt32.max)
        else {
            return multiplyDivide(a, b, c, rounding: rule)
        }
        var magnitude = reciprocal.multipliedFullWidth(by: dividend).high
        let divisible = reciprocal &* dividend < reciprocal
        switch rule {
        case .halfEven:
            // A tie rounded up to an odd quotient goes back to the even one below.
            magnitude &-= divisible ? magnitude & 1 : 0
        case .unnecessary:
            if !divisible { return .failure(.roundingNecessary) }
        default:
            break
        }
        // magnitude < 2^31, so it fits either sign.
        let value = Int64(truncatingIfNeeded: magnitude)
        return .success(negative ? 0 &- value : value)
    }

    /// `round(a / c)` under `rule`.
    @inlinable
    static func divide(_ a: Int64, _ c: Int64, rounding rule: RoundingRule)
        -> Result<Int64, Failure>
    {
        multiplyDivide(a, 1, c, rounding: rule)
    }

    /// A magnitude with a sign, or `.overflow` when it does not fit `Int64`.
    @inlinable
    @inline(__always)
    static func signed(_ magnitude: UInt64, negative: Bool) -> Result<Int64, Failure> {
        // 2^63 fits only as Int64.min.
        guard magnitude <= UInt64(Int64.max) &+ (negative ? 1 : 0) else {
            return .failure(.overflow)
        }
        let value = Int64(bitPattern: magnitude)
        return .success(negative ? 0 &- value : value)
    }

    /// The greatest common divisor of two magnitudes (binary GCD); `gcd(0, x) == x`.
    @inlinable
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var a = a
        var b = b
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        a >>= a.trailingZeroBitCount
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return a << shift
    }

    /// `10^exponent` for `0...18`, or `nil`.
    @inlinable
    static func powerOfTen(_ exponent: Int) -> Int64? {
        exponent >= 0 && exponent <= 18 ? powersOfTen[exponent] : nil
    }
}
