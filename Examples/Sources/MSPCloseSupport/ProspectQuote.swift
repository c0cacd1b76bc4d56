import Foundation
import MSPBilling
import MSPCore

/// A prospect's counts priced under each price plan and ranked, cheapest first.
///
/// Each plan is rated with MSPBilling's `PricePlan.rate` for one billing period of its own
/// cycle (the one containing `instant`), with the prospect's counts as usage in the
/// measure each component expects: a count at the period start for in-advance components,
/// whole-period unit-days for in-arrears ones. A category the plan does not price is left
/// out of that plan's usage and listed in ``Option/unpriced``, so a monitoring-only plan
/// still gets a price, with what it leaves out said next to it. The plans that price
/// everything the prospect has come first; within each group the ranking follows
/// `Quote.rank`: by total, then by plan ID.
package enum ProspectQuote {
    /// One plan's price.
    package struct Option: Sendable {
        /// The plan.
        package var plan: PricePlan
        /// The invoice the prospect would receive for one period.
        package var invoice: Invoice
        /// Categories the prospect has that the plan does not price, with their counts.
        package var unpriced: [(category: BillableCategory, count: Int64)]
    }

    /// Prices `counts` under every plan in `plans` and ranks the results.
    ///
    /// - Parameters:
    ///   - plans: The plans to compare.
    ///   - counts: Units per category (devices, users, endpoints); zero counts are skipped.
    ///   - instant: An instant in the period priced (each plan's own cycle).
    /// - Throws: `BillingError` or `PeriodError` from rating, naming the field and value.
    package static func rank(
        plans: [PricePlan], counts: [(category: BillableCategory, count: Int64)],
        at instant: Date
    ) throws -> [Option] {
        let prospect = try CustomerID("prospect")
        var options: [Option] = []
        for plan in plans {
            let period = try plan.cycle.period(containing: instant)
            var usage: [UnitUsage] = []
            var unpriced: [(category: BillableCategory, count: Int64)] = []
            for (category, count) in counts where count != 0 {
                guard let slot = plan.componentIndex(for: category) else {
                    unpriced.append((category, count))
                    continue
                }
                if plan.components[slot].timing == .inArrears {
                    let (days, overflow) = count.multipliedReportingOverflow(
                        by: Int64(period.dayCount))
                    guard !overflow else {
                        throw BillingError.arithmetic(
                            .overflow(operation: "unit-days", operands: "\(count) × days"))
                    }
                    usage.append(
                        try UnitUsage(
                            customer: prospect, category: category,
                            measure: .unitDays(days, period: period)))
                } else {
                    usage.append(
                        try UnitUsage(
                            customer: prospect, category: category,
                            measure: .count(count, at: period.start)))
                }
            }
            let invoice = try plan.rate(customer: prospect, period: period, usage: usage)
            options.append(Option(plan: plan, invoice: invoice, unpriced: unpriced))
        }
        return options.sorted { a, b in
            if a.unpriced.isEmpty != b.unpriced.isEmpty { return a.unpriced.isEmpty }
            return a.invoice.total.minorUnits != b.invoice.total.minorUnits
                ? a.invoice.total.minorUnits < b.invoice.total.minorUnits
                : a.plan.id < b.plan.id
        }
    }
}
