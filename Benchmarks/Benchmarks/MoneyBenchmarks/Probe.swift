import MSPCore

/// Copies and variants of MSPCore kernels, used only to explain the measurements.
///
/// Benchmarks may not change `Sources/`, so a proposed change is measured here first: each
/// probe is either a verbatim copy of the library code compiled into this module (to see
/// whether crossing the module boundary costs anything) or a candidate replacement that
/// returns exactly what the library returns (checked by ``verifyMultiplyKernels()`` and
/// ``verifySums()`` in the benchmarks' setup, before anything is measured).
enum Probe {
    // MARK: Sum

    /// A verbatim copy of `Money.sum(_:currency:)`.
    static func sumCopy(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError)
        -> Money
    {
        var total: Int64 = 0
        for amount in amounts {
            guard amount.currency == currency else {
                throw .currencyMismatch(currency, amount.currency, operation: "sum")
            }
            let (value, overflow) = total.addingReportingOverflow(amount.minorUnits)
            guard !overflow else {
                throw .overflow(
                    operation: "sum", operands: "\(total) + \(amount.minorUnits) minor units")
            }
            total = value
        }
        return Money(minorUnits: total, currency: currency)
    }

    /// Proposed fast path for `Money.sum` over contiguous storage; same result, same errors.
    ///
    /// One branch-free pass that the optimiser can vectorise: a wrapping sum, an OR of every
    /// amount's currency bits XOR the expected currency's, and an OR of the magnitudes. When
    /// no currency differs and `count × 2^bitWidth(max magnitude) < 2^63`, no partial sum can
    /// have overflowed, so the wrapping sum *is* the checked sum. Otherwise, rarely, the
    /// existing checked loop runs again to find and name the first bad amount, so errors are
    /// unchanged.
    ///
    /// In MSPCore the currency comparison would read `Currency.packed` directly; this probe
    /// outside the module reinterprets the 8-byte `Currency` as a `UInt64` instead.
    static func sumVectorisable(_ amounts: [Money], currency: Currency) throws(MoneyError) -> Money
    {
        let expected = unsafeBitCast(currency, to: UInt64.self)
        let (wrapped, currencyBits, magnitudeBits) = amounts.withUnsafeBufferPointer { buffer in
            var wrapped: Int64 = 0
            var currencyBits: UInt64 = 0
            var magnitudeBits: UInt64 = 0
            for amount in buffer {
                let value = amount.minorUnits
                wrapped &+= value
                currencyBits |= unsafeBitCast(amount.currency, to: UInt64.self) ^ expected
                // `value ^ (value >> 63)` is |value| for value ≥ 0 and |value| - 1 below zero:
                // an upper bound on the magnitude's bit width without a branch.
                magnitudeBits |= UInt64(bitPattern: value ^ (value >> 63))
            }
            return (wrapped, currencyBits, magnitudeBits)
        }
        let magnitudeWidth = UInt64.bitWidth - magnitudeBits.leadingZeroBitCount + 1
        let countWidth = UInt64.bitWidth - UInt64(amounts.count).leadingZeroBitCount
        guard currencyBits == 0, magnitudeWidth + countWidth <= 63 else {
            return try sumCopy(amounts, currency: currency)
        }
        return Money(minorUnits: wrapped, currency: currency)
    }

    /// Proposal for a columnar batch type (one `Currency` + `[Int64]` minor units, 8 bytes per
    /// amount instead of 16): the same bound-checked, vectorisable sum over the column.
    static func sumColumn(_ minorUnits: [Int64], currency: Currency) throws(MoneyError) -> Money {
        let (wrapped, magnitudeBits) = minorUnits.withUnsafeBufferPointer { buffer in
            var wrapped: Int64 = 0
            var magnitudeBits: UInt64 = 0
            for value in buffer {
                wrapped &+= value
                magnitudeBits |= UInt64(bitPattern: value ^ (value >> 63))
            }
            return (wrapped, magnitudeBits)
        }
        let magnitudeWidth = UInt64.bitWidth - magnitudeBits.leadingZeroBitCount + 1
        let countWidth = UInt64.bitWidth - UInt64(minorUnits.count).leadingZeroBitCount
        guard magnitudeWidth + countWidth <= 63 else {
            return try sumCopy(
                minorUnits.lazy.map { Money(minorUnits: $0, currency: currency) },
                currency: currency)
        }
        return Money(minorUnits: wrapped, currency: currency)
    }

    /// Checks that the sum proposal agrees with `Money.sum`, including its errors.
    static func verifySums() throws {
        let probes: [[Money]] = [
            [],
            money1M,
            [Money(minorUnits: .max, currency: .usd), Money(minorUnits: 1, currency: .usd)],
            [Money(minorUnits: .min, currency: .usd), Money(minorUnits: -1, currency: .usd)],
            [Money(minorUnits: .max, currency: .usd), Money(minorUnits: .min, currency: .usd)],
            [Money(minorUnits: 5, currency: .usd), Money(minorUnits: 5, currency: .eur)],
            [Money(minorUnits: -7, currency: .usd), Money(minorUnits: -(1 << 40), currency: .usd)],
        ]
        for amounts in probes {
            let expected = Result { () throws(MoneyError) in try Money.sum(amounts, currency: .usd)
            }
            let actual = Result { () throws(MoneyError) in
                try sumVectorisable(amounts, currency: .usd)
            }
            let column = Result { () throws(MoneyError) in
                try sumColumn(amounts.map(\.minorUnits), currency: .usd)
            }
            guard expected == actual,
                amounts.contains(where: { $0.currency != .usd }) || expected == column
            else {
                throw ProbeMismatch(kernel: "sum", input: "\(amounts.prefix(2))")
            }
        }
    }

    // MARK: Multiply and round

    /// A copy of MSPCore's `round(a × b / c)` kernel (128-bit product, `dividingFullWidth`),
    /// specialised to half-even as the inlined library code is.
    @inline(__always)
    static func multiplyDivide128(_ a: Int64, _ b: Int64, _ c: Int64) throws(MoneyError) -> Int64 {
        guard c != 0 else { throw .divisionByZero(operation: "multiply", dividend: "\(a)") }
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        guard product.high < divisor else { throw overflow(a, b, c) }
        let (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        return try signedHalfEven(quotient, remainder, divisor, negative, a, b, c)
    }

    /// Proposal: the same kernel with a 64-bit fast path when the product fits in 64 bits,
    /// which is every realistic amount × rate (|a × b| < 1.8 × 10^19).
    @inline(__always)
    static func multiplyDivideFast(_ a: Int64, _ b: Int64, _ c: Int64) throws(MoneyError) -> Int64 {
        guard c != 0 else { throw .divisionByZero(operation: "multiply", dividend: "\(a)") }
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        let quotient: UInt64
        let remainder: UInt64
        if product.high == 0 {
            (quotient, remainder) = product.low.quotientAndRemainder(dividingBy: divisor)
        } else {
            guard product.high < divisor else { throw overflow(a, b, c) }
            (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        }
        return try signedHalfEven(quotient, remainder, divisor, negative, a, b, c)
    }

    /// A rate prepared once for many amounts: the batch-API proposal.
    ///
    /// For `|amount × numerator| < 2^32` and `denominator < 2^32` the quotient and remainder
    /// come from two 64-bit multiplications by `ceil(2^64 / denominator)` (Lemire, Kaser &
    /// Kurz, "Faster remainder by direct computation", 2019), exact for all such inputs, so no
    /// division instruction runs per amount. Other inputs take the general kernel.
    struct PreparedRate {
        let numerator: Int64
        let denominator: Int64
        let reciprocal: UInt64  // ceil(2^64 / denominator), 0 when the fast path is off

        init(_ rate: Rational) {
            numerator = rate.numerator
            denominator = rate.denominator
            let divisor = rate.denominator.magnitude
            reciprocal =
                divisor > 1 && divisor < 1 << 32 && rate.numerator.magnitude < 1 << 32
                ? UInt64.max / divisor + 1 : 0
        }

        @inline(__always)
        func apply(_ a: Int64) throws(MoneyError) -> Int64 {
            let product = a.magnitude &* numerator.magnitude
            guard reciprocal != 0, a.magnitude < 1 << 32, product < 1 << 32 else {
                return try multiplyDivideFastBranchless(a, numerator, denominator)
            }
            let divisor = denominator.magnitude
            let low = reciprocal &* product
            let quotient = reciprocal.multipliedFullWidth(by: product).high
            let remainder = low.multipliedFullWidth(by: divisor).high
            return try signedHalfEvenBranchless(
                quotient, remainder, divisor, (a < 0) != (numerator < 0), a, numerator, denominator)
        }
    }

    /// Proposal for `PreciseMoney.rounded(_:)`: the same division by 10^6 (the compiler already
    /// folds `extraScale` and divides by multiply-and-shift in the library path too), with
    /// branch-free half-even rounding.
    @inline(__always)
    static func roundPrecise(_ scaledUnits: Int64) throws(MoneyError) -> Int64 {
        let divisor: UInt64 = 1_000_000
        let (quotient, remainder) = scaledUnits.magnitude.quotientAndRemainder(dividingBy: divisor)
        return try signedHalfEvenBranchless(
            quotient, remainder, divisor, scaledUnits < 0, scaledUnits, 1, 1_000_000)
    }

    @inline(__always)
    private static func signedHalfEven(
        _ quotient: UInt64, _ remainder: UInt64, _ divisor: UInt64, _ negative: Bool,
        _ a: Int64, _ b: Int64, _ c: Int64
    ) throws(MoneyError) -> Int64 {
        let other = divisor - remainder
        let up = remainder != 0 && (remainder > other || (remainder == other && quotient & 1 == 1))
        let magnitude = up ? quotient &+ 1 : quotient
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw overflow(a, b, c) }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw overflow(a, b, c) }
        return Int64(magnitude)
    }

    /// The same rounding without data-dependent branches: whether a random amount rounds up
    /// is a coin flip the branch predictor loses half the time (~15–20 cycles each), so the
    /// decision is computed as 0/1 arithmetic and the sign applied with a conditional move.
    @inline(__always)
    static func signedHalfEvenBranchless(
        _ quotient: UInt64, _ remainder: UInt64, _ divisor: UInt64, _ negative: Bool,
        _ a: Int64, _ b: Int64, _ c: Int64
    ) throws(MoneyError) -> Int64 {
        let other = divisor &- remainder
        let above: UInt64 = remainder > other ? 1 : 0
        let tie: UInt64 = remainder == other ? 1 : 0
        let magnitude = quotient &+ (above | (tie & quotient & 1))
        // |result| ≤ Int64.max, or exactly 2^63 when negative; one well-predicted branch.
        guard magnitude <= UInt64(Int64.max) &+ (negative ? 1 : 0) else { throw overflow(a, b, c) }
        let value = Int64(bitPattern: magnitude)
        return negative ? 0 &- value : value
    }

    /// Proposal: the 64-bit fast path plus branch-free half-even rounding.
    @inline(__always)
    static func multiplyDivideFastBranchless(_ a: Int64, _ b: Int64, _ c: Int64) throws(MoneyError)
        -> Int64
    {
        guard c != 0 else { throw .divisionByZero(operation: "multiply", dividend: "\(a)") }
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        let quotient: UInt64
        let remainder: UInt64
        if product.high == 0 {
            (quotient, remainder) = product.low.quotientAndRemainder(dividingBy: divisor)
        } else {
            guard product.high < divisor else { throw overflow(a, b, c) }
            (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        }
        return try signedHalfEvenBranchless(quotient, remainder, divisor, negative, a, b, c)
    }

    private static func overflow(_ a: Int64, _ b: Int64, _ c: Int64) -> MoneyError {
        .overflow(operation: "multiply", operands: "\(a) × \(b)/\(c)")
    }

    /// Checks every probe against MSPCore on the benchmark inputs and on edge cases (ties,
    /// negatives, products beyond 64 bits, overflow).
    static func verifyMultiplyKernels() throws {
        let rate = try taxRate().fraction
        var cases = money1M.prefix(100_000).map {
            ($0.minorUnits, rate.numerator, rate.denominator)
        }
        let edges: [Int64] = [
            0, 1, -1, 5, -5, 15, -15, 25, -25, 200, 4_294_967_295, -4_294_967_295, 148_102_320,
            -148_102_320, 1 << 40, -(1 << 40), .max, .min,
        ]
        let ratios: [(Int64, Int64)] = [
            (1, 2), (1, 10), (3, 2), (29, 400), (17, 31), (1, 4_294_967_295), (2, 4_294_967_291),
            (.max, 3), (-7, 2), (5, 1),
        ]
        for a in edges {
            for (b, c) in ratios { cases.append((a, b, c)) }
        }
        for (a, b, c) in cases {
            let money = Money(minorUnits: a, currency: .usd)
            let factor = try Rational(b, c)
            let expected = Result { () throws(MoneyError) in
                try money.multiplied(by: factor, rounding: .halfEven).minorUnits
            }
            let slow = Result { () throws(MoneyError) in
                try multiplyDivide128(a, factor.numerator, factor.denominator)
            }
            let fast = Result { () throws(MoneyError) in
                try multiplyDivideFast(a, factor.numerator, factor.denominator)
            }
            let prepared = Result { () throws(MoneyError) in try PreparedRate(factor).apply(a) }
            let branchless = Result { () throws(MoneyError) in
                try multiplyDivideFastBranchless(a, factor.numerator, factor.denominator)
            }
            guard expected.value == branchless.value, expected.succeeded == branchless.succeeded
            else {
                throw ProbeMismatch(
                    kernel: "multiplyDivideFastBranchless", input: "\(a) × \(b)/\(c)")
            }
            guard expected.value == slow.value, expected.value == fast.value,
                expected.value == prepared.value, expected.succeeded == slow.succeeded,
                expected.succeeded == fast.succeeded, expected.succeeded == prepared.succeeded
            else { throw ProbeMismatch(kernel: "multiplyDivide", input: "\(a) × \(b)/\(c)") }
        }
        let scaled =
            unitPriceScaledUnits1M.prefix(100_000).map { $0 * 7 }
            + [0, 500_000, 1_500_000, 2_500_000, -500_000, -1_500_000, 1_499_999, .max, .min]
        for units in scaled {
            let precise = PreciseMoney(scaledUnits: units, currency: .usd)
            let expected = Result { () throws(MoneyError) in
                try precise.rounded(.halfEven).minorUnits
            }
            let actual = Result { () throws(MoneyError) in try roundPrecise(units) }
            guard expected.value == actual.value, expected.succeeded == actual.succeeded else {
                throw ProbeMismatch(kernel: "roundPrecise", input: "\(units)")
            }
        }
    }
}

/// A probe disagreed with MSPCore: the proposal is wrong and its timing meaningless.
struct ProbeMismatch: Error, CustomStringConvertible {
    let kernel: String
    let input: String
    var description: String { "probe \(kernel) disagrees with MSPCore for \(input)" }
}

extension Result {
    fileprivate var value: Success? { try? get() }
    fileprivate var succeeded: Bool { value != nil }
}
