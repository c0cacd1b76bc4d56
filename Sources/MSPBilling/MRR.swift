import Foundation
import MSPCore

/// Monthly recurring revenue: normalising recurring charges to a month, and classifying the
/// change between two instants.
public enum MonthlyRecurringRevenue {
    /// `amount` billed every `cycle` period, as a monthly amount.
    ///
    /// Rule: a cycle of *n* months gives amount / *n* (annual / 12, quarterly / 3); a cycle
    /// of *n* weeks gives amount × 52 / (12 × *n*). Rounded once with `rounding`.
    /// 1,200.00 a year is 100.00 a month; 100.00 a week is 5,200 / 12 = 433.333… → 433.33
    /// (half-up).
    ///
    /// - Throws: ``BillingError/arithmetic(_:)`` on overflow.
    public static func monthly(
        _ amount: Money, cycle: BillingCycle, rounding: RoundingRule = .halfUp
    ) throws(BillingError) -> Money {
        let factor: Rational = try exact { () throws(MoneyError) in
            switch cycle.unit {
            case .month: try Rational(1, Int64(cycle.interval))
            case .week: try Rational(52, 12 * Int64(cycle.interval))
            }
        }
        return try exact { () throws(MoneyError) in
            try amount.multiplied(by: factor, rounding: rounding)
        }
    }

    /// The recurring part of an invoice, normalised to a month: its component charges and
    /// their discounts. Pass-through costs, time and materials, overage, proration and
    /// adjustments are left out, as are one-off lines (anything not a component charge).
    ///
    /// - Throws: ``BillingError/arithmetic(_:)`` on overflow.
    public static func monthly(
        of invoice: Invoice, cycle: BillingCycle, rounding: RoundingRule = .halfUp
    ) throws(BillingError) -> Money {
        let recurring = invoice.lines.lazy.filter {
            ($0.kind == .charge && $0.component != nil) || $0.kind == .discount
        }.map(\.amount)
        let sum = try exact { () throws(MoneyError) in
            try Money.sum(recurring, currency: invoice.currency)
        }
        return try monthly(sum, cycle: cycle, rounding: rounding)
    }
}

/// How a customer's MRR moved between two instants (ChartMogul's definitions).
public enum MRRMovementKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// From zero to positive, never active before.
    case new
    /// From positive to higher.
    case expansion
    /// From positive to lower but positive.
    case contraction
    /// From positive to zero.
    case churn
    /// From zero to positive, active at some time before.
    case reactivation
}

/// The MRR movements between two instants; they sum exactly to the change in total MRR.
public struct MRRMovements: Sendable, Hashable {
    /// One customer's movement.
    public struct Movement: Sendable, Hashable {
        /// The customer.
        public var customer: CustomerID
        /// The kind of movement.
        public var kind: MRRMovementKind
        /// MRR after minus MRR before.
        public var amount: Money

        /// Creates a movement whose sign fits its kind.
        ///
        /// - Throws: ``BillingError/inconsistent(field:found:expected:)`` for a zero amount,
        ///   a negative `new`, `expansion` or `reactivation`, or a positive `contraction` or
        ///   `churn`.
        public init(customer: CustomerID, kind: MRRMovementKind, amount: Money)
            throws(BillingError)
        {
            let rising = kind == .new || kind == .expansion || kind == .reactivation
            guard rising ? amount.isPositive : amount.isNegative else {
                throw .inconsistent(
                    field: "amount", found: amount.description,
                    expected: rising
                        ? "a positive amount for \(kind.rawValue)"
                        : "a negative amount for \(kind.rawValue)")
            }
            self.customer = customer
            self.kind = kind
            self.amount = amount
        }
    }

    /// Every non-zero movement, ordered by customer ID.
    public var movements: [Movement]
    /// The total per kind (zero for kinds with no movement).
    public var totals: [MRRMovementKind: Money]
    /// Total MRR after minus total MRR before.
    public var netChange: Money

    /// Classifies the change from `before` to `after`.
    ///
    /// A customer absent from a map has zero MRR there. Going from zero to positive is
    /// `reactivation` when the customer is in `previouslyActive` (had MRR at some earlier
    /// time), otherwise `new`.
    ///
    /// - Throws: ``BillingError/currencyMismatch(expected:found:field:)`` for an amount not in
    ///   `currency`, ``BillingError/negativeQuantity(_:field:)`` for a negative MRR, or
    ///   `arithmetic` on overflow.
    public init(
        before: [CustomerID: Money], after: [CustomerID: Money],
        previouslyActive: Set<CustomerID> = [], currency: Currency
    ) throws(BillingError) {
        for (label, map) in [("before", before), ("after", after)] {
            for (customer, amount) in map {
                guard amount.currency == currency else {
                    throw .currencyMismatch(
                        expected: currency, found: amount.currency, field: "\(label)[\(customer)]")
                }
                guard !amount.isNegative else {
                    throw .negativeQuantity(amount.description, field: "\(label)[\(customer)]")
                }
            }
        }
        var customers = Set(before.keys)
        customers.formUnion(after.keys)
        var movements: [Movement] = []
        var totals: [MRRMovementKind: Money] = [:]
        for kind in MRRMovementKind.allCases { totals[kind] = .zero(currency) }
        for customer in customers.sorted() {
            let old = before[customer]?.minorUnits ?? 0
            let new = after[customer]?.minorUnits ?? 0
            guard old != new else { continue }
            let kind: MRRMovementKind =
                if old == 0 {
                    previouslyActive.contains(customer) ? .reactivation : .new
                } else if new == 0 {
                    .churn
                } else {
                    new > old ? .expansion : .contraction
                }
            let amount = try exact { () throws(MoneyError) in
                try Money(minorUnits: new, currency: currency)
                    - Money(minorUnits: old, currency: currency)
            }
            movements.append(try Movement(customer: customer, kind: kind, amount: amount))
            totals[kind] = try exact { () throws(MoneyError) in
                try (totals[kind] ?? .zero(currency)) + amount
            }
        }
        let oldTotal = try exact { () throws(MoneyError) in
            try Money.sum(before.values, currency: currency)
        }
        let newTotal = try exact { () throws(MoneyError) in
            try Money.sum(after.values, currency: currency)
        }
        self.movements = movements
        self.totals = totals
        self.netChange = try exact { () throws(MoneyError) in try newTotal - oldTotal }
        #if DEBUG
            _checkInvariants()
        #endif
    }

    /// Checks that the movements sum to the net change.
    internal func _checkInvariants() {
        let sum = movements.reduce(Int64(0)) { $0 &+ $1.amount.minorUnits }
        precondition(sum == netChange.minorUnits)  // justified: internal invariant
    }
}

extension MonthlyRecurringRevenue {
    /// Each customer's MRR at `instant`: the recurring part of every invoice whose period
    /// contains the instant (half-open), normalised to a month by its plan's cycle with
    /// ``monthly(of:cycle:rounding:)``, summed per customer.
    ///
    /// A customer with no invoice covering the instant is absent (zero MRR), as
    /// ``MRRMovements/init(before:after:previouslyActive:currency:)`` expects. Worked
    /// example: Acme's January invoice on a monthly plan has 300.00 of component charges and
    /// Globex's 2026 invoice on an annual plan 1,200.00; on 15 January Acme has 300.00 and
    /// Globex 1,200.00 / 12 = 100.00; on 15 February only Globex has MRR.
    ///
    /// - Parameters:
    ///   - instant: The instant MRR is measured at.
    ///   - invoices: Invoices of any customers, plans and periods.
    ///   - plans: The plans the invoices were rated with (their cycles normalise).
    ///   - currency: The currency of every invoice.
    ///   - rounding: The rule for each invoice's normalisation, `.halfUp` unless stated.
    /// - Returns: MRR per customer with an invoice covering `instant`.
    /// - Throws: ``BillingError`` `unknownPlan` for an invoice whose plan is not in
    ///   `plans`, `duplicateComponent` for two invoices with one key covering the instant,
    ///   `currencyMismatch`, or `arithmetic` on overflow.
    public static func perCustomer(
        at instant: Date, invoices: [Invoice], plans: [PricePlan], currency: Currency,
        rounding: RoundingRule = .halfUp
    ) throws(BillingError) -> [CustomerID: Money] {
        var result: [CustomerID: Money] = [:]
        var seen = Set<InvoiceKey>()
        for index in invoices.indices where invoices[index].period.range.contains(instant) {
            let invoice = invoices[index]
            guard invoice.currency == currency else {
                throw .currencyMismatch(
                    expected: currency, found: invoice.currency, field: "invoices[\(index)]")
            }
            guard let plan = plans.first(where: { $0.id == invoice.plan }) else {
                throw .unknownPlan(invoice.plan, field: "invoices[\(index)].plan")
            }
            guard seen.insert(invoice.key).inserted else {
                throw .duplicateComponent(invoice.key.rawValue, field: "invoices[\(index)].key")
            }
            let monthly = try monthly(of: invoice, cycle: plan.cycle, rounding: rounding)
            let previous = result[invoice.customer] ?? .zero(currency)
            result[invoice.customer] = try exact { () throws(MoneyError) in try previous + monthly }
        }
        return result
    }
}
