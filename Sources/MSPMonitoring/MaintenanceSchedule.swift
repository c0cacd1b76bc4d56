import Foundation
import MSPCore

/// When a service is in scheduled maintenance: explicit ranges plus recurring weekly windows
/// in a time zone.
///
/// The recurring windows are a `BusinessCalendar` whose open spans are the maintenance
/// windows (`"Sunday 02:00-06:00 Europe/Berlin"` is a calendar open Sunday `02:00-06:00`),
/// so overnight windows, holidays that cancel a window, and daylight-saving days follow the
/// calendar's documented rules. Maintenance suppresses notifications and is counted apart
/// in availability; it is never an outage.
///
/// JSON: `{"ranges": [{"start": "…", "end": "…"}], "weekly": {…BusinessCalendar…}}`;
/// `weekly` is absent when there are no recurring windows.
public struct MaintenanceSchedule: Sendable, Hashable, Codable {
    /// The one-off maintenance ranges, merged and sorted.
    public let ranges: [DateRange]
    /// The recurring weekly windows, if any.
    public let weekly: BusinessCalendar?

    /// Creates a schedule.
    ///
    /// - Parameters:
    ///   - ranges: One-off maintenance ranges; overlapping ones are merged.
    ///   - weekly: A calendar whose open spans are the recurring windows.
    public init(ranges: [DateRange] = [], weekly: BusinessCalendar? = nil) {
        self.ranges = DateRange.union(ranges)
        self.weekly = weekly
    }

    /// No maintenance at all.
    public static let none = MaintenanceSchedule()

    /// The maintenance windows that meet `range`, cut to it, merged and sorted.
    ///
    /// - Throws: ``MonitoringError`` `invalidCalendar` when the weekly calendar cannot be
    ///   compiled over `range` (longer than `BusinessCalendar.maximumHorizonDays`).
    /// - Complexity: O(k log k) for k windows in the range.
    public func windows(in range: DateRange) throws(MonitoringError) -> [DateRange] {
        var pieces = ranges.compactMap { $0.intersection(range) }.filter { !$0.isEmpty }
        if let weekly, !range.isEmpty {
            do {
                pieces += try weekly.compiled(for: range).openIntervals(
                    from: range.start, to: range.end)
            } catch {
                throw .invalidCalendar(
                    weekly.timeZoneIdentifier, field: "weekly", reason: error.message)
            }
        }
        return DateRange.union(pieces)
    }

    private enum CodingKeys: String, CodingKey { case ranges, weekly }

    /// Decodes the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            ranges: try container.decodeIfPresent([DateRange].self, forKey: .ranges) ?? [],
            weekly: try container.decodeIfPresent(BusinessCalendar.self, forKey: .weekly))
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ranges, forKey: .ranges)
        try container.encodeIfPresent(weekly, forKey: .weekly)
    }
}
