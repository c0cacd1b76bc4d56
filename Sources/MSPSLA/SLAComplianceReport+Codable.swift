import Foundation
import MSPCore

/// JSON of duration statistics: the count, the exact mean and median in milliseconds as
/// `Rational` strings and the 90th percentile in whole milliseconds; the three figures are
/// omitted when the count is 0:
///
/// ```json
/// {"count": 3, "meanMilliseconds": "4200000", "medianMilliseconds": "3600000",
///  "percentile90Milliseconds": 7200000}
/// ```
///
/// Decoding checks that the count is non-negative, that the figures are present exactly
/// when the count is positive, and that the median and the 90th percentile are whole or
/// half milliseconds no smaller than zero; the individual durations are not kept, so the
/// figures cannot be recomputed.
extension SLADurationStatistics: Codable {
    private enum CodingKeys: String, CodingKey {
        case count, meanMilliseconds, medianMilliseconds, percentile90Milliseconds
    }

    /// Decodes the documented JSON object and re-checks its invariants.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int.self, forKey: .count)
        meanMilliseconds = try container.decodeIfPresent(Rational.self, forKey: .meanMilliseconds)
        medianMilliseconds = try container.decodeIfPresent(
            Rational.self, forKey: .medianMilliseconds)
        percentile90 =
            container.contains(.percentile90Milliseconds)
            ? try container.decodeMilliseconds(forKey: .percentile90Milliseconds) : nil
        let present = [meanMilliseconds != nil, medianMilliseconds != nil, percentile90 != nil]
        guard count >= 0, present.allSatisfy({ $0 == (count > 0) }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .count, in: container,
                debugDescription: "count \(count): figures must be present exactly when count > 0")
        }
        for value in [meanMilliseconds, medianMilliseconds] {
            guard let value, value < Rational.zero else { continue }
            throw DecodingError.dataCorruptedError(
                forKey: .meanMilliseconds, in: container, debugDescription: "negative \(value)")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encodeIfPresent(meanMilliseconds, forKey: .meanMilliseconds)
        try container.encodeIfPresent(medianMilliseconds, forKey: .medianMilliseconds)
        if let percentile90 {
            try container.encodeMilliseconds(percentile90, forKey: .percentile90Milliseconds)
        }
    }
}

/// JSON of a compliance row:
/// `{"priority": "P1", "kind": "firstResponse", "met": 2, "breached": 1, "percentMet": "200/3"}`.
///
/// Decoding checks `met >= 0`, `breached >= 0`, `met + breached > 0` and that `percentMet`
/// is `100 × met / (met + breached)`.
extension SLAComplianceReport.Row: Codable {
    private enum CodingKeys: String, CodingKey { case priority, kind, met, breached, percentMet }

    /// Decodes the documented JSON object and re-checks its invariants.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        priority = try container.decode(TicketPriority.self, forKey: .priority)
        kind = try container.decode(SLATargetKind.self, forKey: .kind)
        met = try container.decode(Int.self, forKey: .met)
        breached = try container.decode(Int.self, forKey: .breached)
        percentMet = try container.decode(Rational.self, forKey: .percentMet)
        guard met >= 0, breached >= 0, met.addingReportingOverflow(breached).partialValue > 0,
            let expected = try? Rational(100) * (try Rational(Int64(met), Int64(met + breached))),
            expected == percentMet
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .percentMet, in: container,
                debugDescription:
                    "percentMet must be 100 × met / (met + breached), met + breached > 0")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(priority, forKey: .priority)
        try container.encode(kind, forKey: .kind)
        try container.encode(met, forKey: .met)
        try container.encode(breached, forKey: .breached)
        try container.encode(percentMet, forKey: .percentMet)
    }
}

/// JSON of a compliance report, when the ticket key is `Codable`: the period as an MSPCore
/// `DateRange` object, rows as ``SLAComplianceReport/Row`` objects, the breached tickets as
/// encoded keys (a `TicketID` as its string) and the statistics as
/// ``SLADurationStatistics`` objects:
///
/// ```json
/// {"period": {"start": "2026-03-01T00:00:00.000Z", "end": "2026-04-01T00:00:00.000Z"},
///  "rows": [{"priority": "P1", "kind": "firstResponse", "met": 2, "breached": 1,
///            "percentMet": "200/3"}],
///  "breachedTickets": ["T-3"],
///  "timeToFirstResponse": {"count": 3, …}, "timeToResolution": {"count": 0}}
/// ```
///
/// Decoding re-checks each row and that no ticket is listed twice. Row order follows the
/// policy's priority order, which the report does not keep, so it is not re-checked; nor
/// can the counts be re-checked against the tickets.
extension SLAComplianceReport: Codable where TicketKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case period, rows, breachedTickets, timeToFirstResponse, timeToResolution
    }

    /// Decodes the documented JSON object and re-checks its invariants.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(DateRange.self, forKey: .period)
        rows = try container.decode([Row].self, forKey: .rows)
        breachedTickets = try container.decode([TicketKey].self, forKey: .breachedTickets)
        timeToFirstResponse = try container.decode(
            SLADurationStatistics.self, forKey: .timeToFirstResponse)
        timeToResolution = try container.decode(
            SLADurationStatistics.self, forKey: .timeToResolution)
        guard Set(breachedTickets).count == breachedTickets.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .breachedTickets, in: container,
                debugDescription: "a ticket is listed twice")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(rows, forKey: .rows)
        try container.encode(breachedTickets, forKey: .breachedTickets)
        try container.encode(timeToFirstResponse, forKey: .timeToFirstResponse)
        try container.encode(timeToResolution, forKey: .timeToResolution)
    }
}
