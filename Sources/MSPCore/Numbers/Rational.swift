/// An exact fraction of two 64-bit integers, always in lowest terms with a positive
/// denominator.
///
/// `Rational` is MSPKit's exact number for anything that is not itself money: quantities
/// (`1.25` hours), ratios for allocation, proration fractions (`17/31` of a month) and the
/// fraction behind a ``Percentage``. Every decimal written in a contract is representable
/// exactly (`0.000125 == 1/8000`), and so is every day-count fraction, which `Double`
/// cannot do.
///
/// Arithmetic is exact and throws ``MoneyError`` with code `overflow` when a result does
/// not fit; it never traps and never rounds. Converting to an integer or to money takes a
/// ``RoundingRule``.
///
/// ```swift
/// let hours = try Rational(parsing: "1.25")      // 5/4
/// let used = try Rational(17, 31)                // 17 of 31 days
/// let product = try hours * used                 // 85/124
/// ```
public struct Rational: Sendable, Hashable {
    /// The numerator; carries the sign.
    public let numerator: Int64
    /// The denominator; always positive.
    public let denominator: Int64

    /// Zero.
    public static let zero = Rational(unchecked: 0, 1)
    /// One.
    public static let one = Rational(unchecked: 1, 1)

    /// Creates `numerator / denominator` in lowest terms.
    ///
    /// - Throws: ``MoneyError`` `divisionByZero` when `denominator` is zero, `overflow` when
    ///   the normalised value does not fit (only for `Int64.min` with a negative denominator).
    public init(_ numerator: Int64, _ denominator: Int64) throws(MoneyError) {
        guard denominator != 0 else {
            throw .divisionByZero(operation: "ratio", dividend: String(numerator))
        }
        let divisor = ExactArithmetic.gcd(numerator.magnitude, denominator.magnitude)
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude / divisor
        let d = denominator.magnitude / divisor
        guard case .success(let signedNumerator) = ExactArithmetic.signed(n, negative: negative),
            d <= UInt64(Int64.max)
        else { throw .overflow(operation: "ratio", operands: "\(numerator)/\(denominator)") }
        self.init(unchecked: signedNumerator, Int64(d))
    }

    /// Creates the whole number `value`.
    public init(_ value: Int64) {
        self.init(unchecked: value, 1)
    }

    /// `part / whole` in lowest terms, for `0 <= part` and `whole > 0`: a fraction of a
    /// count or a duration, which cannot overflow and so needs no error (0 for a `whole`
    /// that is not positive).
    internal init(part: Int64, of whole: Int64) {
        guard whole > 0, part >= 0 else {
            self.init(unchecked: 0, 1)
            return
        }
        let divisor = Int64(ExactArithmetic.gcd(part.magnitude, whole.magnitude))
        self.init(unchecked: part / divisor, whole / divisor)
    }

    /// Creates a value from parts already in lowest terms with a positive denominator.
    @usableFromInline
    internal init(unchecked numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Whether the value is zero.
    public var isZero: Bool { numerator == 0 }
    /// Whether the value is below zero.
    public var isNegative: Bool { numerator < 0 }
    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The value rounded to a whole number under `rule`.
    ///
    /// - Throws: ``MoneyError`` `roundingNecessary` when `rule` is `.unnecessary` and the value
    ///   is not whole.
    public func rounded(_ rule: RoundingRule) throws(MoneyError) -> Int64 {
        switch ExactArithmetic.divide(numerator, denominator, rounding: rule) {
        case .success(let value): return value
        case .failure: throw .roundingNecessary(operation: "round", value: description)
        }
    }
}

// MARK: - Arithmetic

extension Rational {
    /// The exact sum. - Throws: ``MoneyError`` `overflow`.
    public static func + (lhs: Rational, rhs: Rational) throws(MoneyError) -> Rational {
        try combine(lhs, rhs, negateRight: false, operation: "add")
    }

    /// The exact difference. - Throws: ``MoneyError`` `overflow`.
    public static func - (lhs: Rational, rhs: Rational) throws(MoneyError) -> Rational {
        try combine(lhs, rhs, negateRight: true, operation: "subtract")
    }

    /// The exact product. - Throws: ``MoneyError`` `overflow`.
    public static func * (lhs: Rational, rhs: Rational) throws(MoneyError) -> Rational {
        // Cross-reduce first so that the products stay as small as possible.
        let g1 = Int64(ExactArithmetic.gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let g2 = Int64(ExactArithmetic.gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        let (n, o1) = (lhs.numerator / max(g1, 1)).multipliedReportingOverflow(
            by: rhs.numerator / max(g2, 1))
        let (d, o2) = (lhs.denominator / max(g2, 1)).multipliedReportingOverflow(
            by: rhs.denominator / max(g1, 1))
        if o1 || o2 { throw .overflow(operation: "multiply", operands: "\(lhs) × \(rhs)") }
        return Rational(unchecked: n, d)
    }

    /// The exact quotient.
    /// - Throws: ``MoneyError`` `divisionByZero` when `rhs` is zero, `overflow`.
    public static func / (lhs: Rational, rhs: Rational) throws(MoneyError) -> Rational {
        guard !rhs.isZero else { throw .divisionByZero(operation: "divide", dividend: "\(lhs)") }
        return try lhs * rhs.reciprocalOfNonZero()
    }

    /// The value with its sign flipped. - Throws: ``MoneyError`` `overflow` for `Int64.min`.
    public func negated() throws(MoneyError) -> Rational {
        guard numerator != .min else { throw .overflow(operation: "negate", operands: "\(self)") }
        return Rational(unchecked: -numerator, denominator)
    }

    private func reciprocalOfNonZero() throws(MoneyError) -> Rational {
        try Rational(denominator, numerator)
    }

    private static func combine(
        _ lhs: Rational, _ rhs: Rational, negateRight: Bool, operation: String
    ) throws(MoneyError) -> Rational {
        // Equal denominators (prices and quantities on one scale, whole numbers) need no
        // scaling; the error text is built only when an overflow actually happens.
        if lhs.denominator == rhs.denominator {
            let (n, overflow) =
                negateRight
                ? lhs.numerator.subtractingReportingOverflow(rhs.numerator)
                : lhs.numerator.addingReportingOverflow(rhs.numerator)
            guard !overflow else { throw combineOverflow(lhs, rhs, operation) }
            return lhs.denominator == 1
                ? Rational(unchecked: n, 1) : try Rational(n, lhs.denominator)
        }
        let g = Int64(ExactArithmetic.gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let lhsScale = rhs.denominator / g
        let rhsScale = lhs.denominator / g
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: lhsScale)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: rhsScale)
        let (d, o3) = lhs.denominator.multipliedReportingOverflow(by: lhsScale)
        guard !o1, !o2, !o3 else { throw combineOverflow(lhs, rhs, operation) }
        let (n, o4) = negateRight ? a.subtractingReportingOverflow(b) : a.addingReportingOverflow(b)
        guard !o4 else { throw combineOverflow(lhs, rhs, operation) }
        return try Rational(n, d)
    }

    /// The error of an overflowing sum or difference, built out of line and only when thrown.
    @inline(never)
    private static func combineOverflow(_ lhs: Rational, _ rhs: Rational, _ operation: String)
        -> MoneyError
    {
        .overflow(operation: operation, operands: "\(lhs), \(rhs)")
    }
}

// MARK: - Comparison

extension Rational: Comparable {
    /// Compares exactly by cross-multiplying in 128 bits.
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return left.high < right.high || (left.high == right.high && left.low < right.low)
    }
}

#if DEBUG
    extension Rational {
        /// Traps when the representation invariants do not hold: a positive denominator and
        /// lowest terms. Compiled into debug builds only and called by the tests.
        internal func _checkInvariants() {
            let reduced = ExactArithmetic.gcd(numerator.magnitude, denominator.magnitude) == 1
            precondition(denominator > 0 && reduced)  // justified: internal invariant
        }
    }
#endif
