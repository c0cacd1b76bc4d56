import MSPCore

/// A fixed charge per period whatever the quantity: an all-inclusive or fixed monthly fee.
///
/// Prorated by the context's fraction: a 1,500.00 fee for 17 of 31 days is
/// 1,500 × 17 / 31 = 822.580645… → 822.58 (half-up).
public struct FlatFee: PricingModel, Hashable, Codable {
    /// The full-period fee.
    public var amount: Money

    /// Creates a flat fee.
    ///
    /// - Throws: ``BillingError/negativeQuantity(_:field:)`` for a negative fee.
    public init(_ amount: Money) throws(BillingError) {
        guard !amount.isNegative else {
            throw .negativeQuantity(amount.description, field: "amount")
        }
        self.amount = amount
    }

    /// `"flat-fee"`.
    public var modelName: String { "flat-fee" }

    /// The fee times the proration fraction, rounded once; the quantity is ignored.
    public func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
        -> PricedAmount
    {
        try checkCurrency(amount.currency, context, field: "amount")
        return try .rounding(minorUnits: Rational(amount.minorUnits), in: context)
    }

    /// Decodes `{"amount": {"amount": "1500.00", "currency": "USD"}}`, re-validating.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(container.decode(Money.self, forKey: .amount))
    }
}

/// A percentage of another amount, e.g. a 10 % management fee on third-party licence costs.
///
/// The base comes from ``RatingContext/baseAmount``; in a ``PricePlan`` it is the sum of the
/// pass-through costs of the component's categories. 10 % of 1,234.56 is 123.456 → 123.46
/// (half-up).
public struct PercentageOfAmount: PricingModel, Hashable, Codable {
    /// The percentage taken, 0 or more.
    public var percent: Percentage

    /// Creates a percentage model.
    ///
    /// - Throws: ``BillingError/negativeQuantity(_:field:)`` for a negative percentage.
    public init(_ percent: Percentage) throws(BillingError) {
        guard !percent.percent.isNegative else {
            throw .negativeQuantity(percent.description, field: "percent")
        }
        self.percent = percent
    }

    /// `"percentage-of-amount"`.
    public var modelName: String { "percentage-of-amount" }

    /// `percent × context.baseAmount`, prorated, rounded once; the quantity is ignored, and
    /// the result's ``PricedAmount/quantity`` is the base amount in major units.
    public func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
        -> PricedAmount
    {
        let exactAmount = try exact { () throws(MoneyError) in
            try Rational(context.baseAmount.minorUnits) * percent.fraction
        }
        return try PricedAmount.rounding(
            minorUnits: exactAmount, quantity: context.baseAmount.majorUnits, in: context)
    }

    /// Decodes `{"percent": "10%"}`, re-validating.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(container.decode(Percentage.self, forKey: .percent))
    }
}
