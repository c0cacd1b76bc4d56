/// An exact percentage, such as a tax rate (7.25%), a discount (12.5%) or an uplift (3%).
///
/// A percentage is a ``Rational`` number of percent, so 7.25% is exactly `29/400` of an
/// amount: no binary fraction creeps into a tax computation. It may be negative (a decrease)
/// or above 100 (an uplift of 150%); rules that need a bound, such as "a discount is at most
/// 100%", check it where they apply.
///
/// ```swift
/// let tax = try Percentage(parsing: "7.25%")
/// tax.fraction          // 29/400
/// tax.description       // "7.25%"
/// ```
public struct Percentage: Sendable, Hashable, Comparable {
    /// The value in percent: `7.25` for 7.25%.
    public let percent: Rational

    /// The percentage as a fraction of one: 7.25% → `29/400`.
    public let fraction: Rational
    /// The reciprocal of twice ``fraction``'s denominator, prepared once so that applying the
    /// percentage to an amount needs no division instruction (see `ExactArithmetic`).
    @usableFromInline
    internal let reciprocal: UInt64

    /// Creates a percentage from its value in percent: `Percentage(Rational(29, 4))` is 7.25%.
    ///
    /// - Throws: ``MoneyError`` `overflow` when `percent / 100` does not fit a ``Rational``.
    public init(_ percent: Rational) throws(MoneyError) {
        self.percent = percent
        self.fraction = try percent / Rational(100)
        self.reciprocal = ExactArithmetic.reciprocal(of: fraction.denominator.magnitude)
    }

    /// Creates a whole percentage: `Percentage(3)` is 3%.
    public init(_ percent: Int64) {
        self.percent = Rational(percent)
        // A denominator of at most 100 always fits; the fallback is unreachable.
        self.fraction = (try? Rational(percent, 100)) ?? .zero
        self.reciprocal = ExactArithmetic.reciprocal(of: fraction.denominator.magnitude)
    }

    /// Parses `"7.25"`, `"7.25%"`, `"-3%"` or a fraction of percent such as `"100/3"`.
    ///
    /// - Throws: ``MoneyError`` `invalidNumber` (with field `percentage`), or `overflow`.
    public init(parsing text: String) throws(MoneyError) {
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        do {
            try self.init(Rational(parsing: number))
        } catch  where error.code == .invalidNumber {
            throw .invalidNumber(text, field: "percentage")
        }
    }

    /// Zero percent.
    public static let zero = Percentage(0)
    /// One hundred percent.
    public static let hundred = Percentage(100)

    /// Orders by value.
    public static func < (lhs: Percentage, rhs: Percentage) -> Bool {
        lhs.percent < rhs.percent
    }
}

extension Percentage: CustomStringConvertible {
    /// `"7.25%"`, or `"100/3%"` when the value has no finite decimal form.
    public var description: String { "\(percent)%" }
}

extension Percentage: Codable {
    /// Decodes the string form (`"7.25%"` or `"7.25"`); a JSON number is rejected.
    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(from: decoder, parse: Percentage.init(parsing:))
    }

    /// Encodes ``description``, `"7.25%"`.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encode(description, to: encoder)
    }
}
