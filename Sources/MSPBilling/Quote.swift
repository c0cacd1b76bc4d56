import MSPCore

/// One plan's price for a prospect's usage.
public struct QuoteOption: Sendable, Hashable {
    /// The plan priced.
    public var plan: PricePlanID
    /// The plan's name.
    public var name: String
    /// The invoice the usage would produce, with its full breakdown.
    public var invoice: Invoice
}

/// Prices one customer's usage under several plans and ranks them, cheapest first.
///
/// To compare pricing models rather than bundles (per unit against tiers against a flat
/// fee, say), offer each model as a one-component plan over the same category: a model is
/// always priced inside a plan, which gives it its currency, cycle, taxes and rounding.
public enum Quote {
    /// Rates `usage` under every plan and sorts the results by total (ties by plan ID).
    ///
    /// All plans must bill in one currency; a plan that does not price a category in the
    /// usage throws `unknownCategory`, so a quote never silently drops what a prospect uses.
    ///
    /// - Throws: ``BillingError`` from rating, or `currencyMismatch` between plans.
    public static func rank(
        plans: [PricePlan], customer: CustomerID, period: BillingPeriod, usage: [UnitUsage],
        passThroughCosts: [PassThroughCost] = []
    ) throws(BillingError) -> [QuoteOption] {
        var options: [QuoteOption] = []
        for (index, plan) in plans.enumerated() {
            if let first = plans.first, plan.currency != first.currency {
                throw .currencyMismatch(
                    expected: first.currency, found: plan.currency, field: "plans[\(index)]")
            }
            let invoice = try plan.rate(
                customer: customer, period: period, usage: usage,
                passThroughCosts: passThroughCosts)
            options.append(QuoteOption(plan: plan.id, name: plan.name, invoice: invoice))
        }
        return ranked(options)
    }

    /// `options` cheapest first, ties by plan ID.
    internal static func ranked(_ options: [QuoteOption]) -> [QuoteOption] {
        options.sorted {
            $0.invoice.total.minorUnits != $1.invoice.total.minorUnits
                ? $0.invoice.total.minorUnits < $1.invoice.total.minorUnits
                : $0.plan < $1.plan
        }
    }
}
