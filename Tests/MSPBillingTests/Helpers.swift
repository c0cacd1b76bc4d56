import Foundation
import MSPBilling
import MSPCore

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
