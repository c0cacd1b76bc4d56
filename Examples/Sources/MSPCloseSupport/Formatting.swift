import Foundation
import MSPCore

/// Exact text for the numbers people read in the reports.
package enum Formatting {
    /// A fraction as a percentage with two decimals, truncated toward zero so that a
    /// fraction below one never reads `100.00%`: 19,999/20,000 is `99.99%` (99.995%
    /// truncated), 1 is `100.00%`.
    package static func percent(_ fraction: Rational) -> String {
        guard let points = try? fraction * Rational(100) else { return "\(fraction)" }
        return percent(points: points)
    }

    /// A value already in percent (`99.95` for 99.95%) with two decimals, truncated
    /// toward zero: the library's availability and compliance figures.
    package static func percent(points: Rational) -> String {
        guard let scaled = try? (points * Rational(100)).rounded(.towardZeroRule) else {
            return "\(points)%"
        }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fractionDigits = String(magnitude % 100)
        let padded = String(repeating: "0", count: 2 - fractionDigits.count) + fractionDigits
        return "\(sign)\(magnitude / 100).\(padded)%"
    }

    /// A fraction as a `Double` for chart geometry only, never for a number shown.
    package static func geometry(_ fraction: Rational) -> Double {
        Double(fraction.numerator) / Double(fraction.denominator)
    }

    /// An amount as a `Double` for chart geometry only (pixel heights), never shown.
    package static func geometry(_ money: Money) -> Double {
        Double(money.minorUnits)
    }

    /// A duration as `2h 05m`, `45m`, `3d 4h 00m` or `12s`.
    package static func duration(_ duration: Duration) -> String {
        let milliseconds =
            duration.components.seconds * 1000 + duration.components.attoseconds
            / 1_000_000_000_000_000
        let sign = milliseconds < 0 ? "-" : ""
        let seconds = abs(milliseconds) / 1000
        let days = seconds / 86_400
        let hours = seconds % 86_400 / 3600
        let minutes = seconds % 3600 / 60
        if seconds < 60 { return "\(sign)\(seconds)s" }
        let paddedMinutes = minutes < 10 ? "0\(minutes)" : "\(minutes)"
        if days > 0 { return "\(sign)\(days)d \(hours)h \(paddedMinutes)m" }
        if hours > 0 { return "\(sign)\(hours)h \(paddedMinutes)m" }
        return "\(sign)\(minutes)m"
    }

    /// An instant as ISO 8601 UTC text with seconds, `2026-10-05T14:30:00Z`.
    package static func instant(_ date: Date) -> String {
        DocumentLoader.iso8601(date)
    }
}

extension RoundingRule {
    /// Truncation toward zero (`down` in MSPCore's naming).
    fileprivate static var towardZeroRule: RoundingRule { .down }
}
