import Foundation
import MSPCore

/// JSON of an availability report: durations in whole milliseconds, exact figures as
/// `Rational` strings, the objective as a `Percentage` string, the period and the evidence
/// intervals as MSPCore `DateRange` objects (ISO 8601 bounds):
///
/// ```json
/// {"objective": "99.9%",
///  "period": {"start": "2026-03-01T00:00:00.000Z", "end": "2026-04-01T00:00:00.000Z"},
///  "measuredMilliseconds": 2671200000, "maintenanceMilliseconds": 7200000,
///  "downtimeMilliseconds": 3600000, "unknownMilliseconds": 0,
///  "strictAvailability": "…", "availabilityExcludingUnknown": "…",
///  "allowedDowntimeMilliseconds": "2671200", "meetsObjective": false,
///  "downtimeIntervals": [{"start": "…", "end": "…"}], "unknownIntervals": [],
///  "outagesCounted": 1}
/// ```
///
/// Decoding rebuilds the report from `objective`, `period`, `maintenanceMilliseconds`, the
/// intervals and `outagesCounted`, after checking that the intervals lie in the period,
/// are sorted and merged (neither overlapping nor touching), that downtime and unknown
/// time do not overlap, and that maintenance fits in what the period leaves; every other
/// field must equal the recomputed value. The maintenance intervals themselves are not
/// kept, so their disjointness from the evidence cannot be re-checked.
extension AvailabilityReport: Codable {
    private enum CodingKeys: String, CodingKey {
        case objective, period, measuredMilliseconds, maintenanceMilliseconds
        case downtimeMilliseconds, unknownMilliseconds, strictAvailability
        case availabilityExcludingUnknown, allowedDowntimeMilliseconds, meetsObjective
        case downtimeIntervals, unknownIntervals, outagesCounted
    }

    /// Decodes the documented JSON object and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let period = try container.decode(DateRange.self, forKey: .period)
        let down = try Self.intervals(container, .downtimeIntervals, in: period)
        let unknown = try Self.intervals(container, .unknownIntervals, in: period)
        var all = down + unknown
        all.sort { $0.start < $1.start }
        for (earlier, later) in zip(all, all.dropFirst()) where later.start < earlier.end {
            throw DecodingError.dataCorruptedError(
                forKey: .unknownIntervals, in: container,
                debugDescription: "downtime and unknown intervals overlap")
        }
        let maintenance = try container.decode(Int64.self, forKey: .maintenanceMilliseconds)
        let free =
            period.endMilliseconds - period.startMilliseconds - MillisecondInterval.total(all)
        guard maintenance >= 0, maintenance <= free else {
            throw DecodingError.dataCorruptedError(
                forKey: .maintenanceMilliseconds, in: container,
                debugDescription: "maintenance \(maintenance) ms not in 0...\(free)")
        }
        let outages = try container.decode(Int.self, forKey: .outagesCounted)
        guard outages >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .outagesCounted, in: container, debugDescription: "\(outages) < 0")
        }
        let objective = try container.decode(Percentage.self, forKey: .objective)
        do {
            try self.init(
                objective: objective, period: period, maintenance: maintenance, downtime: down,
                unknown: unknown, outagesCounted: outages)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .objective, in: container, debugDescription: error.message)
        }
        try check(container, .measuredMilliseconds, Int64.self, measuredTime)
        try check(container, .downtimeMilliseconds, Int64.self, downtime)
        try check(container, .unknownMilliseconds, Int64.self, unknownTime)
        try check(container, .strictAvailability, strictAvailability)
        try check(container, .availabilityExcludingUnknown, availabilityExcludingUnknown)
        try check(container, .allowedDowntimeMilliseconds, allowedDowntimeMilliseconds)
        try check(container, .meetsObjective, meetsObjective)
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(objective, forKey: .objective)
        try container.encode(period, forKey: .period)
        try container.encodeMilliseconds(measuredTime, forKey: .measuredMilliseconds)
        try container.encodeMilliseconds(maintenanceTime, forKey: .maintenanceMilliseconds)
        try container.encodeMilliseconds(downtime, forKey: .downtimeMilliseconds)
        try container.encodeMilliseconds(unknownTime, forKey: .unknownMilliseconds)
        try container.encode(strictAvailability, forKey: .strictAvailability)
        try container.encode(availabilityExcludingUnknown, forKey: .availabilityExcludingUnknown)
        try container.encode(allowedDowntimeMilliseconds, forKey: .allowedDowntimeMilliseconds)
        try container.encode(meetsObjective, forKey: .meetsObjective)
        try container.encode(downtimeIntervals, forKey: .downtimeIntervals)
        try container.encode(unknownIntervals, forKey: .unknownIntervals)
        try container.encode(outagesCounted, forKey: .outagesCounted)
    }

    /// Merged, sorted, non-empty intervals inside `period`.
    private static func intervals(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, in period: DateRange
    ) throws -> [MillisecondInterval] {
        let ranges = try container.decode([DateRange].self, forKey: key)
        var result: [MillisecondInterval] = []
        for range in ranges {
            let interval = MillisecondInterval(
                start: range.startMilliseconds, end: range.endMilliseconds)
            guard interval.start < interval.end, interval.start >= period.startMilliseconds,
                interval.end <= period.endMilliseconds,
                result.last.map({ $0.end < interval.start }) ?? true
            else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription:
                        "intervals must be non-empty, inside the period, sorted and merged")
            }
            result.append(interval)
        }
        return result
    }

    /// Throws unless the millisecond value at `key` equals `expected`.
    private func check(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _: Int64.Type,
        _ expected: Duration
    ) throws {
        let value = try container.decode(Int64.self, forKey: key)
        try require(container, key, Duration.milliseconds(value) == expected)
    }

    /// Throws unless the value at `key` equals `expected`.
    private func check<Value: Decodable & Equatable>(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ expected: Value
    ) throws {
        try require(container, key, try container.decode(Value.self, forKey: key) == expected)
    }

    /// Throws unless `matches`.
    private func require(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ matches: Bool
    ) throws {
        guard matches else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "\(key.stringValue) does not match the recomputed value")
        }
    }
}
