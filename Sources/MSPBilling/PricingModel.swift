import MSPCore

/// The seam every pricing model conforms to: a quantity in, a priced amount that explains
/// itself out.
///
/// The built-in models (``FlatFee``, ``PerUnitPrice``, ``TierTable``,
/// ``PercentageOfAmount``) are `Codable`; a caller's own model conforms to this protocol and
/// is mixed with them in a plan through ``PlanComponent/Pricing/custom(_:)``.
///
/// A model computes its amount exactly (as a `Rational` number of minor units),
/// applies the context's proration fraction, and rounds **once** with the context's rule.
///
/// ```swift
/// struct PerTicket: PricingModel {
///     var modelName: String { "per-ticket" }
///     func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
///         -> PricedAmount
///     {
///         try PricedAmount.rounding(minorUnits: quantity * Rational(500), in: context)
///     }
/// }
/// ```
public protocol PricingModel: Sendable {
    /// A stable name for invoice lines and quotes, e.g. `"graduated-tiers"`.
    ///
    /// A ``PricePlan`` reads it once, when the plan is created, and writes that name on
    /// every line the model prices.
    var modelName: String { get }

    /// Prices `quantity` units for one billing period.
    ///
    /// - Parameters:
    ///   - quantity: The units to price: a count (in advance) or an average over the period
    ///     from unit-days or unit-seconds (in arrears). Never negative.
    ///   - context: Currency, rounding rule, proration fraction and the base amount for
    ///     percentage models.
    /// - Returns: The rounded amount with the exact value and a tier breakdown.
    /// - Throws: ``BillingError`` for a negative quantity or arithmetic overflow.
    func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
        -> PricedAmount
}

/// What a pricing model needs besides the quantity.
public struct RatingContext: Sendable, Hashable {
    /// The currency of the plan; every price must be in it.
    public var currency: Currency
    /// The rule that rounds the exact amount to a minor unit, once, at the end.
    public var rounding: RoundingRule
    /// The part of the period charged, in 0...1: `1` for a full period, `17/31` for a
    /// service that started on 15 January.
    public let prorationFraction: Rational
    /// The amount a ``PercentageOfAmount`` model takes its percentage of (e.g. the
    /// third-party licence costs passed through); zero when not set.
    public var baseAmount: Money

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - currency: The plan currency.
    ///   - rounding: The rounding rule, `.halfUp` unless stated.
    ///   - prorationFraction: The charged part of the period in 0...1, `1` by default.
    ///   - baseAmount: The base of percentage models; zero by default.
    /// - Throws: ``BillingError/invalidFraction(_:field:)`` outside 0...1, or a currency
    ///   mismatch for `baseAmount`.
    public init(
        currency: Currency, rounding: RoundingRule = .halfUp, prorationFraction: Rational = .one,
        baseAmount: Money? = nil
    ) throws(BillingError) {
        guard !prorationFraction.isNegative, prorationFraction <= .one else {
            throw .invalidFraction(prorationFraction, field: "prorationFraction")
        }
        let base = baseAmount ?? .zero(currency)
        guard base.currency == currency else {
            throw .currencyMismatch(expected: currency, found: base.currency, field: "baseAmount")
        }
        self.currency = currency
        self.rounding = rounding
        self.prorationFraction = prorationFraction
        self.baseAmount = base
    }
}

/// A priced amount that explains itself: the rounded amount, the exact value it came from,
/// the rounding rule applied, and the bands that made it.
public struct PricedAmount: Sendable, Hashable {
    /// The amount charged, rounded once.
    public var amount: Money
    /// The exact amount in minor units before rounding (after proration).
    public var exactMinorUnits: Rational
    /// The rule that rounded ``exactMinorUnits`` to ``amount``.
    public var rounding: RoundingRule
    /// The quantity priced.
    public var quantity: Rational
    /// How each band contributed (empty for models without bands).
    public var tiers: [TierCharge]
    /// A remark such as `"minimum 50.00 USD applied"`; `nil` when there is none.
    public var note: String?

    /// Creates a priced amount from its parts.
    public init(
        amount: Money, exactMinorUnits: Rational, rounding: RoundingRule, quantity: Rational,
        tiers: [TierCharge] = [], note: String? = nil
    ) {
        self.amount = amount
        self.exactMinorUnits = exactMinorUnits
        self.rounding = rounding
        self.quantity = quantity
        self.tiers = tiers
        self.note = note
    }

    /// Prorates an exact number of minor units by the context's fraction and rounds it once.
    ///
    /// - Parameters:
    ///   - minorUnits: The exact full-period amount in minor units.
    ///   - quantity: The quantity priced, recorded on the result.
    ///   - tiers: The band contributions, recorded on the result.
    ///   - context: Supplies the fraction, the rule and the currency.
    /// - Throws: ``BillingError/arithmetic(_:)`` on overflow.
    public static func rounding(
        minorUnits: Rational, quantity: Rational = .one, tiers: [TierCharge] = [],
        in context: RatingContext
    ) throws(BillingError) -> PricedAmount {
        let fraction = context.prorationFraction
        let prorated =
            fraction == .one
            ? minorUnits : try exact { () throws(MoneyError) in try minorUnits * fraction }
        let rounded = try exact { () throws(MoneyError) in try prorated.rounded(context.rounding) }
        return PricedAmount(
            amount: Money(minorUnits: rounded, currency: context.currency),
            exactMinorUnits: prorated, rounding: context.rounding, quantity: quantity, tiers: tiers)
    }
}

/// How one band of a ``TierTable`` contributed to a price.
public struct TierCharge: Sendable, Hashable {
    /// The band's index in the table.
    public var band: Int
    /// The units priced in this band (for package mode, the packages).
    public var quantity: Rational
    /// The band's per-unit (or per-package) price.
    public var unitPrice: PreciseMoney
    /// The band's flat price, charged when the band is reached.
    public var flatPrice: PreciseMoney
    /// The exact contribution in minor units before proration and rounding.
    public var exactMinorUnits: Rational

    /// Creates a band contribution.
    public init(
        band: Int, quantity: Rational, unitPrice: PreciseMoney, flatPrice: PreciseMoney,
        exactMinorUnits: Rational
    ) {
        self.band = band
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.flatPrice = flatPrice
        self.exactMinorUnits = exactMinorUnits
    }
}

// MARK: - Exact helpers

extension PreciseMoney {
    /// The exact number of minor units of `self × quantity`.
    internal func exactMinorUnits(times quantity: Rational) throws(BillingError) -> Rational {
        // One reduction when the products fit; the cross-reducing product otherwise.
        let (numerator, o1) = scaledUnits.multipliedReportingOverflow(by: quantity.numerator)
        let (denominator, o2) = quantity.denominator.multipliedReportingOverflow(by: 1_000_000)
        if !o1, !o2 {
            return try exact { () throws(MoneyError) in try Rational(numerator, denominator) }
        }
        return try exact { () throws(MoneyError) in
            try Rational(scaledUnits, 1_000_000) * quantity
        }
    }
}

/// Rejects a negative quantity.
@inline(__always)
internal func checkQuantity(_ quantity: Rational) throws(BillingError) {
    guard !quantity.isNegative else {
        throw .negativeQuantity(quantity.description, field: "quantity")
    }
}

/// Rejects a price in another currency.
@inline(__always)
internal func checkCurrency(_ found: Currency, _ context: RatingContext, field: String)
    throws(BillingError)
{
    guard found == context.currency else {
        throw .currencyMismatch(expected: context.currency, found: found, field: field)
    }
}
