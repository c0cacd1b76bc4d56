import MSPCore

/// A plan offered in a quote, with the break/fix price list that comes with it (an MSP's
/// tiers often differ in their hourly rates and after-hours or holiday multipliers too).
public struct QuoteCandidate: Sendable {
    /// The plan.
    public var plan: PricePlan
    /// The time-and-materials price list billed with the plan, or `nil` when it has none.
    public var timeAndMaterials: TimeAndMaterials?

    /// Creates a candidate.
    public init(plan: PricePlan, timeAndMaterials: TimeAndMaterials? = nil) {
        self.plan = plan
        self.timeAndMaterials = timeAndMaterials
    }
}

extension Quote {
    /// Rates one customer's usage, time entries and materials under several plans, each
    /// with its own time-and-materials price list, and ranks them, cheapest first (ties by
    /// plan ID).
    ///
    /// Each option's invoice carries the plan's charges and the labour and material lines
    /// its price list gives the same work (`TimeAndMaterials.lines(for:materials:customer:calendar:)`),
    /// so a prospect sees what the whole month would cost under each plan, break/fix
    /// included. A candidate without a price list is refused when there is work to bill,
    /// never priced as if the work were free.
    ///
    /// - Parameters:
    ///   - candidates: The plans and their price lists, in one currency.
    ///   - customer: The prospect.
    ///   - period: The period priced.
    ///   - usage: The recurring usage.
    ///   - passThroughCosts: Third-party costs billed at cost.
    ///   - timeEntries: The break/fix work, all of `customer`.
    ///   - materials: Parts and materials.
    ///   - calendar: The compiled calendar deciding after-hours and holiday time; its
    ///     horizon must cover every entry.
    /// - Returns: One option per candidate, cheapest first.
    /// - Throws: ``BillingError`` `currencyMismatch` between plans,
    ///   ``BillingError/missingPriceList(field:entries:materials:)`` for a candidate without
    ///   a price list when there are entries or materials, or any error from pricing the
    ///   labour or rating the plan.
    /// - Complexity: O(*c* × (usage + entries + materials)) for *c* candidates.
    public static func rank(
        _ candidates: [QuoteCandidate], customer: CustomerID, period: BillingPeriod,
        usage: [UnitUsage], passThroughCosts: [PassThroughCost] = [],
        timeEntries: [TimeEntry], materials: [MaterialCharge] = [],
        calendar: BusinessCalendar.Compiled
    ) throws(BillingError) -> [QuoteOption] {
        var options: [QuoteOption] = []
        options.reserveCapacity(candidates.count)
        let hasWork = !timeEntries.isEmpty || !materials.isEmpty
        for (index, candidate) in candidates.enumerated() {
            if let first = candidates.first, candidate.plan.currency != first.plan.currency {
                throw .currencyMismatch(
                    expected: first.plan.currency, found: candidate.plan.currency,
                    field: "candidates[\(index)].plan")
            }
            var labour: [InvoiceLine] = []
            if hasWork {
                guard let list = candidate.timeAndMaterials else {
                    throw .missingPriceList(
                        field: "candidates[\(index)].timeAndMaterials",
                        entries: timeEntries.count, materials: materials.count)
                }
                labour = try list.lines(
                    for: timeEntries, materials: materials, customer: customer,
                    calendar: calendar)
            }
            let invoice = try candidate.plan.rate(
                customer: customer, period: period, usage: usage,
                passThroughCosts: passThroughCosts, additionalLines: labour)
            options.append(
                QuoteOption(plan: candidate.plan.id, name: candidate.plan.name, invoice: invoice))
        }
        return ranked(options)
    }
}
