import Foundation
import MSPCore
import Testing

// Helpers shared by the MSPCore test files.

/// The instant of an ISO 8601 text with an offset, such as `2026-03-06T16:00:00-05:00`.
func instant(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return try #require(formatter.date(from: text), "not an ISO 8601 instant: \(text)")
}

/// A local date from `YYYY-MM-DD`.
func day(_ text: String) throws -> LocalDate {
    try LocalDate(parsing: text)
}

/// An amount in US dollars from its canonical text, `"12.34"`.
func usd(_ text: String) throws -> Money {
    try Money(parsing: text, currency: .usd)
}
