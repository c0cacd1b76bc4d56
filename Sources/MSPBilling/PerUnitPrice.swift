import MSPCore

/// A price per unit of one billable category (per device, per user, per monitored
/// endpoint, per licence), with included units and a minimum and maximum charge.
///
/// Rule, in order: billable = max(0, quantity − included); exact = unitPrice × billable;
/// prorate; round once; then clamp to `minimum...maximum` (the limits are per period and
/// are not prorated).
///
/// Worked example: servers at 45.00 with 5 included and 8 servers:
/// (8 − 5) × 45.00 = 135.00. With a minimum of 150.00 the charge is 150.00.
public struct PerUnitPrice: PricingModel, Hashable, Codable {
    /// The price of one unit for a full period (sub-cent precision allowed).
    public var unitPrice: PreciseMoney
    /// Units included at no charge ("first 5 servers included").
    public var includedQuantity: Int64
    /// The least this component charges, if any.
    public var minimum: Money?
    /// The most this component charges, if any.
    public var maximum: Money?

    /// Creates a per-unit price.
    ///
    /// - Throws: ``BillingError/negativeQuantity(_:field:)`` for a negative price or
    ///   included quantity; ``BillingError/invalidLimits(minimum:maximum:)`` when the limits
    ///   are negative or crossed; ``BillingError/currencyMismatch(expected:found:field:)``
    ///   when a limit is in another currency.
    public init(
        unitPrice: PreciseMoney, includedQuantity: Int64 = 0, minimum: Money? = nil,
        maximum: Money? = nil
    ) throws(BillingError) {
        guard unitPrice.scaledUnits >= 0 else {
            throw .negativeQuantity(unitPrice.description, field: "unitPrice")
        }
        guard includedQuantity >= 0 else {
            throw .negativeQuantity(String(includedQuantity), field: "includedQuantity")
        }
        for (limit, field) in [(minimum, "minimum"), (maximum, "maximum")] {
            guard let limit else { continue }
            guard limit.currency == unitPrice.currency else {
                throw .currencyMismatch(
                    expected: unitPrice.currency, found: limit.currency, field: field)
            }
            guard !limit.isNegative else {
                throw .invalidLimits(minimum: minimum, maximum: maximum)
            }
        }
        if let minimum, let maximum, minimum.minorUnits > maximum.minorUnits {
            throw .invalidLimits(minimum: minimum, maximum: maximum)
        }
        self.unitPrice = unitPrice
        self.includedQuantity = includedQuantity
        self.minimum = minimum
        self.maximum = maximum
    }

    /// `"per-unit"`.
    public var modelName: String { "per-unit" }

    /// Prices `quantity` units; see the type's rule.
    public func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
        -> PricedAmount
    {
        try checkQuantity(quantity)
        try checkCurrency(unitPrice.currency, context, field: "unitPrice")
        let included = Rational(includedQuantity)
        let billable =
            quantity > included
            ? try quantity.minus(included) : .zero
        let full = try unitPrice.exactMinorUnits(times: billable)
        var priced = try PricedAmount.rounding(minorUnits: full, quantity: quantity, in: context)
        if let minimum, priced.amount.minorUnits < minimum.minorUnits {
            priced.amount = minimum
            priced.note = "minimum \(minimum) applied"
        } else if let maximum, priced.amount.minorUnits > maximum.minorUnits {
            priced.amount = maximum
            priced.note = "maximum \(maximum) applied"
        }
        return priced
    }

    private enum CodingKeys: String, CodingKey {
        case unitPrice, includedQuantity, minimum, maximum
    }

    /// Decodes `{"unitPrice": {...}, "includedQuantity": 5, "minimum": {...}}`,
    /// re-validating; `includedQuantity` defaults to 0 and the limits to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            unitPrice: container.decode(PreciseMoney.self, forKey: .unitPrice),
            includedQuantity: container.decodeIfPresent(Int64.self, forKey: .includedQuantity)
                ?? 0,
            minimum: container.decodeIfPresent(Money.self, forKey: .minimum),
            maximum: container.decodeIfPresent(Money.self, forKey: .maximum))
    }
}
