import Foundation
import MSPCore

/// ISO 8601 text for instants in UTC, for the millions of dates a large data set holds
/// (Foundation's format styles cost microseconds each), through MSPCore's reader and writer.
///
/// Writes `2026-10-01T09:00:00Z`, or `2026-10-01T09:00:00.250Z` when the instant has
/// milliseconds; reads any RFC 3339 instant the library reads.
package enum ISO8601Text {
    /// The text of `date`: MSPCore's ISO 8601 text (`DateRange.iso8601(_:)`) without the
    /// fraction when it is `.000`; the seconds since 1970 for an instant outside years
    /// 0001...9999, which the library never produces.
    package static func format(_ date: Date) -> String {
        DateRange.iso8601(date).map(trimmed) ?? String(describing: date.timeIntervalSince1970)
    }

    /// The text of `milliseconds` since 1970-01-01T00:00:00Z, as ``format(_:)`` writes it;
    /// the decimal count itself outside years 0001...9999.
    package static func format(milliseconds: Int64) -> String {
        DateRange.iso8601(DateRange.instant(milliseconds: milliseconds)).map(trimmed)
            ?? String(milliseconds)
    }

    /// The instant of `text`, or `nil` when it is not ISO 8601: MSPCore's strict RFC 3339
    /// reading (`DateRange.instant(iso8601:)`), `Z` or `±HH:MM`, up to nine fraction digits
    /// rounded to the millisecond.
    package static func date(_ text: String) -> Date? {
        DateRange.instant(iso8601: text)
    }

    /// The instant of `text` in milliseconds since 1970, as ``date(_:)`` reads it.
    package static func milliseconds(_ text: String) -> Int64? {
        date(text).flatMap { DateRange.milliseconds(of: $0) }
    }

    /// `2026-10-01T09:00:00.000Z` → `2026-10-01T09:00:00Z`; other text as it is.
    private static func trimmed(_ text: String) -> String {
        text.hasSuffix(".000Z") ? text.dropLast(5) + "Z" : text
    }
}
