import Foundation

/// How much of one billable category one customer used: the plain data that inventory
/// measures and billing rates.
///
/// MSPInventory produces these values and MSPBilling consumes them, and neither module
/// imports the other: this type is their shared shape. A caller can also build usage by hand
/// (from an RMM export, say).
///
/// A measure is one of:
/// - ``Measure/count(_:at:)``: units under management at one instant, for billing in
///   advance ("40 workstations on the 1st").
/// - ``Measure/unitDays(_:period:)``: the sum over units of the local days each was under
///   management in a billing period, for billing in arrears. A device added on the 10th
///   and retired at the start of the 20th of a 30-day month contributes 10 unit-days:
///   10 / 30 of a unit.
/// - ``Measure/unitSeconds(_:period:)``: the same sum counted in seconds, for
///   ``ProrationBasis/elapsedTime`` proration.
///
/// ```swift
/// let usage = try UnitUsage(
///     customer: CustomerID("acme"), category: .workstation,
///     measure: .unitDays(1_190, period: april))   // 1,190 unit-days in a 30-day month
/// usage.averageUnits                               // 119/3, about 39.67 workstations
/// ```
///
/// JSON: `{"customer": "acme", "category": "workstation", "measure": {"unitDays": 1190,
/// "period": {…}}}`, with `{"count": 40, "at": "2026-04-01T04:00:00.000Z"}` or
/// `{"unitSeconds": …, "period": {…}}` as the other measures.
public struct UnitUsage: Sendable, Hashable {
    /// The customer the units belong to.
    public let customer: CustomerID
    /// What the units are billed as.
    public let category: BillableCategory
    /// The quantity and how it was measured.
    public let measure: Measure

    /// How a quantity was measured.
    public enum Measure: Sendable, Hashable {
        /// The number of units under management at one instant.
        case count(Int64, at: Date)
        /// Units × local days under management within a billing period, each day counted
        /// as ``BillingPeriod/billableDays(of:)`` counts it.
        case unitDays(Int64, period: BillingPeriod)
        /// Units × seconds under management within a billing period.
        case unitSeconds(Int64, period: BillingPeriod)
    }

    /// Creates a usage record, validating the quantity.
    ///
    /// - Throws: ``PeriodError`` `negativeQuantity` (field `"measure"`) for a quantity below
    ///   zero, `invalidInstant` for a count's instant outside years 1...9999.
    public init(customer: CustomerID, category: BillableCategory, measure: Measure)
        throws(PeriodError)
    {
        let quantity: Int64
        switch measure {
        case .count(let units, let instant):
            _ = try Instant.milliseconds(instant, field: "measure.at")
            quantity = units
        case .unitDays(let days, _): quantity = days
        case .unitSeconds(let seconds, _): quantity = seconds
        }
        guard quantity >= 0 else { throw .negativeQuantity(quantity, field: "measure") }
        self.customer = customer
        self.category = category
        self.measure = measure
    }

    /// The average number of units over the measure: the count itself, or unit-days
    /// divided by the period's days, or unit-seconds divided by the period's seconds.
    ///
    /// 1,190 unit-days in a 30-day period is 119/3 units; a unit-days quantity over the
    /// period's day count is an exact fraction, never a rounded decimal.
    public var averageUnits: Rational {
        switch measure {
        case .count(let units, _):
            return Rational(units)
        case .unitDays(let days, let period):
            return Rational(part: days, of: Int64(period.dayCount))
        case .unitSeconds(let seconds, let period):
            let periodMilliseconds = period.range.endMilliseconds - period.range.startMilliseconds
            return Rational(part: seconds, of: periodMilliseconds / 1000)
        }
    }
}

extension UnitUsage.Measure {
    /// The measure as plain numbers, for a rating loop over many records: `kind` is 0 for a
    /// count, 1 for unit-days and 2 for unit-seconds; `start` and `end` are the period's
    /// bounds in milliseconds, or, for a count, its instant twice (`Int64.min` if the
    /// instant is out of range, which the initialiser refuses).
    ///
    /// Inlined so that the caller reads the fields in place: a `switch` over a record of
    /// another module copies the whole payload, period and time zone included, twice.
    @inlinable package var fields: (kind: Int, quantity: Int64, start: Int64, end: Int64) {
        switch self {
        case .count(let units, let at):
            let instant = DateRange.milliseconds(of: at) ?? Int64.min
            return (0, units, instant, instant)
        case .unitDays(let days, let period):
            return (1, days, period.range.startMilliseconds, period.range.endMilliseconds)
        case .unitSeconds(let seconds, let period):
            return (2, seconds, period.range.startMilliseconds, period.range.endMilliseconds)
        }
    }
}
