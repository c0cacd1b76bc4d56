import MSPCore

/// A discount on a plan or on one component, optionally limited to the first N periods.
///
/// A percentage discount takes `percent` of the amount it applies to, rounded with the
/// plan's rule; a fixed discount takes its amount but never more than the amount it
/// applies to (a discount never turns a charge into a credit). A plan-wide discount is
/// spread over the component lines in proportion to their amounts with
/// `Money.allocated(by:)`, so each line's tax base is right and no cent is lost.
public struct Discount: Sendable, Hashable {
    /// How much is taken off.
    public enum Value: Sendable, Hashable {
        /// A percentage in 0...100.
        case percent(Percentage)
        /// A fixed amount, 0 or more.
        case fixed(Money)
    }

    /// What the discount applies to.
    public enum Scope: Sendable, Hashable {
        /// The plan's charges after any component discounts.
        case plan
        /// The charge of the component with this name.
        case component(String)
    }

    /// A label for the invoice line, e.g. `"Launch offer"`.
    public var name: String
    /// The amount taken off.
    public var value: Value
    /// Where it applies.
    public var scope: Scope
    /// The number of periods it lasts, counted by `BillingPeriod.index` of the plan's cycle
    /// (periods `0..<periodCount`); `nil` for ever.
    public var periodCount: Int?

    /// Creates a validated discount.
    ///
    /// - Throws: ``BillingError/invalidDiscount(_:field:)`` for a percentage outside
    ///   0...100, a negative amount, or a period count below 1.
    public init(name: String, value: Value, scope: Scope = .plan, periodCount: Int? = nil)
        throws(BillingError)
    {
        switch value {
        case .percent(let percent):
            guard !percent.percent.isNegative, percent <= .hundred else {
                throw .invalidDiscount(percent.description, field: "value.percent")
            }
        case .fixed(let amount):
            guard !amount.isNegative else {
                throw .invalidDiscount(amount.description, field: "value.fixed")
            }
        }
        if let periodCount, periodCount < 1 {
            throw .invalidDiscount(String(periodCount), field: "periodCount")
        }
        self.name = name
        self.value = value
        self.scope = scope
        self.periodCount = periodCount
    }

    /// Whether the discount applies to the period with `index` in the plan's cycle.
    public func applies(toPeriodIndex index: Int) -> Bool {
        periodCount.map { index < $0 } ?? true
    }

    /// The discount on `amount`, as a positive amount at most `amount`.
    internal func amount(on base: Money, rounding: RoundingRule) throws(BillingError) -> Money {
        guard base.isPositive else { return .zero(base.currency) }
        switch value {
        case .percent(let percent):
            return try exact { () throws(MoneyError) in
                try base.percentage(percent, rounding: rounding)
            }
        case .fixed(let amount):
            guard amount.currency == base.currency else {
                throw .currencyMismatch(
                    expected: base.currency, found: amount.currency, field: "value.fixed")
            }
            return amount.minorUnits < base.minorUnits ? amount : base
        }
    }
}

/// Tax rates per line category and where the rounding happens.
///
/// With ``RoundingPoint-swift.enum/perLine`` each line's tax is rounded and the rounded
/// taxes are summed; with ``RoundingPoint-swift.enum/perInvoice`` the lines are summed per
/// rate and each rate's tax is rounded once. Three lines of 0.10 at 7.5 %: per line
/// 3 × round(0.0075) = 3 × 0.01 = 0.03 (half-up); per invoice round(0.0225) = 0.02.
public struct TaxPolicy: Sendable, Hashable {
    /// Where tax is rounded.
    public enum RoundingPoint: String, Sendable, Hashable, Codable {
        /// Round each line's tax, then sum.
        case perLine
        /// Sum the lines per rate, then round each rate's tax once.
        case perInvoice
    }

    /// The rate for each line category.
    public var rates: [BillableCategory: Percentage]
    /// The rate for categories not in ``rates``.
    public var defaultRate: Percentage
    /// Per line or per invoice.
    public var roundingPoint: RoundingPoint
    /// The rule for tax rounding.
    public var rounding: RoundingRule

    /// No tax.
    public static let none = TaxPolicy(
        rates: [:], defaultRate: .zero, roundingPoint: .perInvoice, rounding: .halfUp)

    /// Creates a tax policy.
    public init(
        rates: [BillableCategory: Percentage], defaultRate: Percentage,
        roundingPoint: RoundingPoint, rounding: RoundingRule = .halfUp
    ) {
        self.rates = rates
        self.defaultRate = defaultRate
        self.roundingPoint = roundingPoint
        self.rounding = rounding
    }

    /// The rate for a line category.
    public func rate(for category: BillableCategory) -> Percentage {
        rates[category] ?? defaultRate
    }
}
