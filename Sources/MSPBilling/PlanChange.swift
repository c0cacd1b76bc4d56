import Foundation
import MSPCore

/// A charge already billed for part of a billing period: the amount and the time it paid
/// for. Plan changes credit the unused part of *this* amount, never a re-priced one.
///
/// JSON: `{"component": "Plan", "category": "plan", "amount": {"amount": "135.48",
/// "currency": "USD"}, "coverage": {"start": "2026-01-11T00:00:00.000Z", "end":
/// "2026-02-01T00:00:00.000Z"}}`; every value is valid, and the coverage re-validates
/// `start <= end` as MSPCore's `DateRange` does.
public struct BilledCharge: Sendable, Hashable, Codable {
    /// The component billed.
    public var component: String
    /// The line category (chooses the tax rate of credits).
    public var category: BillableCategory
    /// The amount billed.
    public var amount: Money
    /// The time it paid for, within one billing period.
    public var coverage: DateRange

    /// Creates a billed charge.
    public init(component: String, category: BillableCategory, amount: Money, coverage: DateRange) {
        self.component = component
        self.category = category
        self.amount = amount
        self.coverage = coverage
    }

    /// The charge billed by an invoice line for `coverage` (default: the invoice period).
    public init(line: InvoiceLine, coverage: DateRange) {
        self.init(
            component: line.component ?? line.description, category: line.category,
            amount: line.amount, coverage: coverage)
    }
}

/// The result of changing a component's pricing mid-period.
public struct PlanChange: Sendable, Hashable {
    /// The part of the earlier charge that paid for time before the change.
    public var used: BilledCharge
    /// The credit for the unused part of the earlier charge (zero or negative).
    public var credit: InvoiceLine
    /// The charge for the new pricing from the change to the end of the period.
    public var charge: InvoiceLine
    /// What is now billed for the rest of the period; the input to a further change.
    public var billed: BilledCharge

    /// Changes `billed` to `pricing` at `instant`.
    ///
    /// The earlier amount is split between the time before and after `instant` in
    /// proportion to their shares of the period (by `basis`), with
    /// `Money.allocated(by:)`, so used + unused is exactly the amount billed; the unused
    /// part is credited. The new pricing is charged for the rest of the period, prorated
    /// and rounded once. Chained changes therefore net exactly: the amounts billed minus
    /// the credits equal the sum of the used parts, each within one minor unit of its exact
    /// price.
    ///
    /// Worked example (January, 31 days): Bronze 100.00 billed for the month; upgrade to
    /// Gold (200.00) on Jan 11 00:00: used 10/31 and unused 21/31 of 100.00 are 32.26 and
    /// 67.74 (the leftover cent to the larger remainder), so the credit is −67.74 and the
    /// charge 200.00 × 21/31 = 135.48. Downgrade to Silver (150.00) on Jan 21: 135.48 splits
    /// 10 : 11 into 64.51 and 70.97: credit −70.97, charge 150.00 × 11/31 = 53.23. All lines:
    /// 100.00 − 67.74 + 135.48 − 70.97 + 53.23 = 150.00 = 32.26 + 64.51 + 53.23.
    ///
    /// - Parameters:
    ///   - billed: What was billed for the rest of the period before the change.
    ///   - instant: When the change takes effect, within `billed.coverage`.
    ///   - pricing: The new pricing model.
    ///   - quantity: The quantity the new pricing bills.
    ///   - period: The billing period `billed.coverage` lies in.
    ///   - basis: Calendar days (in the period's time zone) or elapsed time.
    ///   - rounding: The rule for the new charge.
    /// - Throws: ``BillingError/outsidePeriod(_:field:period:)`` when `instant` is outside
    ///   the coverage or the coverage outside the period; pricing and arithmetic errors.
    public init(
        changing billed: BilledCharge, at instant: Date, to pricing: PlanComponent.Pricing,
        quantity: Rational, period: BillingPeriod, basis: ProrationBasis,
        rounding: RoundingRule = .halfUp
    ) throws(BillingError) {
        let coverage = billed.coverage
        guard period.range.contains(coverage) else {
            throw .outsidePeriod(coverage.description, field: "billed.coverage", period: period)
        }
        guard coverage.contains(instant) || instant == coverage.end else {
            let text = (try? DateRange(start: instant, end: instant))?.description ?? "\(instant)"
            throw .outsidePeriod(text, field: "instant", period: period)
        }
        let before = try inPeriod { () throws(PeriodError) in
            try DateRange(start: coverage.start, end: instant)
        }
        let at = before.endMilliseconds
        let after = try inPeriod { () throws(PeriodError) in
            try DateRange(startMilliseconds: at, endMilliseconds: period.range.endMilliseconds)
        }
        let usedShare = try inPeriod { () throws(PeriodError) in
            try period.prorationFraction(of: before, basis: basis)
        }
        let restShare = try inPeriod { () throws(PeriodError) in
            try period.prorationFraction(
                of: DateRange(startMilliseconds: at, endMilliseconds: coverage.endMilliseconds),
                basis: basis)
        }
        let parts: [Money] =
            if usedShare.isZero && restShare.isZero {
                [billed.amount, .zero(billed.amount.currency)]
            } else {
                try exact { () throws(MoneyError) in
                    try billed.amount.allocated(by: [usedShare, restShare])
                }
            }
        let currency = billed.amount.currency
        let fraction = try inPeriod { () throws(PeriodError) in
            try period.prorationFraction(of: after, basis: basis)
        }
        let context = try RatingContext(
            currency: currency, rounding: rounding, prorationFraction: fraction)
        let priced = try pricing.price(quantity, in: context)
        self.used = BilledCharge(
            component: billed.component, category: billed.category, amount: parts[0],
            coverage: before)
        self.credit = InvoiceLine(
            kind: .prorationCredit, description: "Unused \(billed.component)",
            component: billed.component, category: billed.category, model: "proration",
            prorationFraction: restShare,
            note: "unused part of \(billed.amount) billed for \(coverage)",
            amount: Money(minorUnits: -parts[1].minorUnits, currency: currency))
        self.charge = InvoiceLine(
            kind: .prorationCharge, description: "\(pricing.modelName) from \(after)",
            component: billed.component, category: billed.category, model: pricing.modelName,
            quantity: quantity, tiers: priced.tiers, prorationFraction: fraction,
            exactMinorUnits: priced.exactMinorUnits, rounding: priced.rounding, note: priced.note,
            amount: priced.amount)
        self.billed = BilledCharge(
            component: billed.component, category: billed.category, amount: priced.amount,
            coverage: after)
    }
}
