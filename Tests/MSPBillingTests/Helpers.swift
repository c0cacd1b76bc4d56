import Foundation
import MSPBilling
import MSPCore
import Testing

/// A precise US dollar price from text, e.g. `price("0.067")`.
func price(_ text: String, _ currency: Currency = .usd) throws -> PreciseMoney {
    try PreciseMoney(parsing: text, currency: currency)
}

/// US dollars from text, e.g. `usd("1450.00")`.
func usd(_ text: String) throws -> Money {
    try Money(parsing: text, currency: .usd)
}

/// A band `(from, upTo]` at a unit price and an optional flat price.
func tier(_ from: Int64, _ upTo: Int64?, _ unit: String, flat: String = "0") throws
    -> TierTable.Tier
{
    TierTable.Tier(from: from, upTo: upTo, unitPrice: try price(unit), flatPrice: try price(flat))
}

/// The table (0, 250] at 5.00 / (250, ∞) at 4.00 in `mode`.
func fiveFour(_ mode: TierTable.Mode) throws -> TierTable {
    try TierTable(mode: mode, tiers: [tier(0, 250, "5.00"), tier(250, nil, "4.00")])
}

/// A US dollar context with a proration fraction and rounding rule.
func context(
    _ fraction: Rational = .one, rounding: RoundingRule = .halfUp, base: Money? = nil
) throws -> RatingContext {
    try RatingContext(
        currency: .usd, rounding: rounding, prorationFraction: fraction, baseAmount: base)
}

/// An ISO 8601 instant.
func instant(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { throw HelperError.badInstant(text) }
    return date
}

/// A helper failed to read its own fixture.
enum HelperError: Error { case badInstant(String) }

/// The customer used throughout the tests.
func acme() throws -> CustomerID { try CustomerID("acme") }

/// 2026-01-01T00:00:00Z.
let newYear2026 = Date(timeIntervalSince1970: 1_767_225_600)

/// The UTC monthly cycle anchored at 2026-01-01, built once.
private let cycle2026 = Result { () throws -> BillingCycle in
    try BillingCycle.monthly(
        anchoredAt: LocalDate(year: 2026, month: 1, day: 1), timeZoneIdentifier: "UTC")
}

/// A UTC monthly cycle anchored at 2026-01-01 (so January 2026 is period 0).
func monthlyUTC() throws -> BillingCycle { try cycle2026.get() }

/// January 2026 (UTC), period index 0 of a cycle anchored 2026-01-01.
func january() throws -> BillingPeriod {
    try monthlyUTC().period(containing: instant("2026-01-10T00:00:00Z"))
}

/// A count of `units` of `category` for Acme at 2026-01-01.
func count(_ units: Int64, _ category: BillableCategory, customer: String = "acme") throws
    -> UnitUsage
{
    try UnitUsage(
        customer: CustomerID(customer), category: category,
        measure: .count(units, at: newYear2026))
}

/// A billable category from text.
func category(_ text: String) throws -> BillableCategory { try BillableCategory(text) }

/// A per-unit component at a price.
func perUnit(
    _ name: String, _ category: BillableCategory, _ unit: String,
    timing: BillingTiming = .inAdvance
) throws -> PlanComponent {
    PlanComponent(
        name: name, category: category,
        pricing: .perUnit(try PerUnitPrice(unitPrice: price(unit))), timing: timing)
}

/// A flat-fee component.
func flat(_ name: String, _ category: BillableCategory, _ amount: String) throws
    -> PlanComponent
{
    PlanComponent(name: name, category: category, pricing: .flat(try FlatFee(usd(amount))))
}

/// A plan called `id` over a UTC monthly cycle.
func plan(
    _ id: String = "gold", _ components: [PlanComponent], discounts: [Discount] = [],
    minimum: MinimumCommitment? = nil, taxes: TaxPolicy = .none
) throws -> PricePlan {
    try PricePlan(
        id: PricePlanID(id), name: id.capitalized, currency: .usd, cycle: monthlyUTC(),
        components: components, discounts: discounts, minimumCommitment: minimum, taxes: taxes)
}

/// Checks one time entry's billed minutes and line amount under two price lists that differ
/// only in their rounding order: `roundFirst` (`.beforeMultiplier`) must bill
/// `beforeMinutes` for `before`, `multiplyFirst` (`.afterMultiplier`) `afterMinutes` for
/// `after`.
func expectBilled(
    _ work: TimeEntry, calendar: BusinessCalendar.Compiled, roundFirst: TimeAndMaterials,
    multiplyFirst: TimeAndMaterials, beforeMinutes: String, before: String,
    afterMinutes: String, after: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(
        try roundFirst.billedMinutes(for: work, calendar: calendar)
            == Rational(parsing: beforeMinutes), sourceLocation: sourceLocation)
    #expect(
        try multiplyFirst.billedMinutes(for: work, calendar: calendar)
            == Rational(parsing: afterMinutes), sourceLocation: sourceLocation)
    #expect(
        try roundFirst.lines(for: [work], customer: acme(), calendar: calendar)[0].amount
            == usd(before), sourceLocation: sourceLocation)
    #expect(
        try multiplyFirst.lines(for: [work], customer: acme(), calendar: calendar)[0].amount
            == usd(after), sourceLocation: sourceLocation)
}
