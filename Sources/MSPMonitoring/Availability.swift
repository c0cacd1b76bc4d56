import Foundation
import MSPCore

/// Time-weighted availability of one period: up, down, unknown and maintenance time kept
/// apart, summing to the period's length.
///
/// Maintenance wins: time inside a maintenance window counts as maintenance whatever the
/// service's state. Two figures, both exact `Rational` values within 0...1 by construction
/// (every piece of time is counted once, in one bucket, inside the period, so neither can
/// exceed 100 %):
///
/// - ``strict``: `up / (total − maintenance)`; unknown time counts against the service.
/// - ``excludingUnknown``: `up / (up + down)`; unknown time is left out.
///
/// A day with 30 minutes down, 10 minutes unknown and 60 minutes of maintenance:
/// `up = 1440 − 30 − 10 − 60 = 1340` minutes; strict = 1340/1380 = 67/69 ≈ 97.10 %;
/// excluding unknown = 1340/1370 = 134/137 ≈ 97.81 %.
///
/// JSON: `{"period": {"start": "…", "end": "…"}, "up": 80400000, "down": 1800000,
/// "unknown": 600000, "maintenance": 3600000}` (milliseconds).
public struct AvailabilityReport: Sendable, Hashable, Codable {
    /// The period measured.
    public let period: DateRange
    /// Milliseconds up (outside maintenance).
    public let upMilliseconds: Int64
    /// Milliseconds down (outside maintenance).
    public let downMilliseconds: Int64
    /// Milliseconds in an unknown state (outside maintenance).
    public let unknownMilliseconds: Int64
    /// Milliseconds in maintenance.
    public let maintenanceMilliseconds: Int64

    /// The period's length: the sum of the four buckets.
    public var totalMilliseconds: Int64 { period.endMilliseconds - period.startMilliseconds }

    /// `up / (total − maintenance)`, or `nil` when the whole period was maintenance.
    public var strict: Rational? {
        ratio(upMilliseconds, totalMilliseconds - maintenanceMilliseconds)
    }

    /// `up / (up + down)`, or `nil` when nothing was known outside maintenance.
    public var excludingUnknown: Rational? {
        ratio(upMilliseconds, upMilliseconds + downMilliseconds)
    }

    private func ratio(_ part: Int64, _ whole: Int64) -> Rational? {
        guard whole > 0 else { return nil }
        return try? Rational(min(max(part, 0), whole), whole)
    }

    /// Creates a report from its buckets.
    ///
    /// - Throws: ``MonitoringError`` `invalidDuration` for a negative bucket,
    ///   `lengthMismatch` (field `buckets`) when they do not sum to the period's length.
    public init(
        period: DateRange, upMilliseconds: Int64, downMilliseconds: Int64,
        unknownMilliseconds: Int64, maintenanceMilliseconds: Int64
    ) throws(MonitoringError) {
        let buckets = [
            ("up", upMilliseconds), ("down", downMilliseconds), ("unknown", unknownMilliseconds),
            ("maintenance", maintenanceMilliseconds),
        ]
        for (field, value) in buckets where value < 0 {
            throw .invalidDuration(value, field: field, minimum: 0)
        }
        let total = period.endMilliseconds - period.startMilliseconds
        let sum = upMilliseconds + downMilliseconds + unknownMilliseconds + maintenanceMilliseconds
        guard sum == total else {
            throw MonitoringError(
                code: .lengthMismatch, field: "buckets", value: String(sum),
                message: "the buckets sum to \(sum) ms but the period lasts \(total) ms")
        }
        self.init(
            validated: period, up: upMilliseconds, down: downMilliseconds,
            unknown: unknownMilliseconds, maintenance: maintenanceMilliseconds)
    }

    init(validated period: DateRange, up: Int64, down: Int64, unknown: Int64, maintenance: Int64) {
        self.period = period
        self.upMilliseconds = up
        self.downMilliseconds = down
        self.unknownMilliseconds = unknown
        self.maintenanceMilliseconds = maintenance
        #if DEBUG
            _checkInvariants()
        #endif
    }

    /// Traps when an invariant is broken (buckets non-negative and summing to the
    /// period); run in debug builds and tests.
    func _checkInvariants() {
        let buckets = [
            upMilliseconds, downMilliseconds, unknownMilliseconds, maintenanceMilliseconds,
        ]
        let valid = buckets.allSatisfy { $0 >= 0 } && buckets.reduce(0, +) == totalMilliseconds
        precondition(valid, "\(self)")  // justified: internal invariant
    }

    private enum CodingKeys: String, CodingKey { case period, up, down, unknown, maintenance }

    /// Decodes and validates the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            period: container.decode(DateRange.self, forKey: .period),
            upMilliseconds: container.decode(Int64.self, forKey: .up),
            downMilliseconds: container.decode(Int64.self, forKey: .down),
            unknownMilliseconds: container.decode(Int64.self, forKey: .unknown),
            maintenanceMilliseconds: container.decode(Int64.self, forKey: .maintenance))
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(upMilliseconds, forKey: .up)
        try container.encode(downMilliseconds, forKey: .down)
        try container.encode(unknownMilliseconds, forKey: .unknown)
        try container.encode(maintenanceMilliseconds, forKey: .maintenance)
    }
}

/// The calendar periods availability is reported by.
public enum AvailabilityGranularity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Local calendar days.
    case day
    /// ISO weeks, Monday to Sunday.
    case week
    /// Calendar months.
    case month

    /// The local periods of this granularity that meet `range`, cut to it, in the time zone
    /// named `timeZone`. Each period runs from the first instant of its first local day (usually
    /// midnight; after a DST gap over midnight, the first instant that shows the date).
    ///
    /// - Throws: ``MonitoringError`` `invalidCalendar` for an unknown zone or a date outside
    ///   years 1...9999.
    /// - Complexity: O(p) zone lookups for p periods.
    public func periods(covering range: DateRange, timeZone: String) throws(MonitoringError)
        -> [DateRange]
    {
        do {
            var date = try LocalDate(containing: range.start, inTimeZone: timeZone)
            switch self {
            case .day: break
            case .week: date = try date.adding(days: -(date.weekday.isoNumber - 1))
            case .month: date = try LocalDate(year: date.year, month: date.month, day: 1)
            }
            var result: [DateRange] = []
            var start = try date.firstInstant(inTimeZone: timeZone)
            while start < range.end || (range.isEmpty && result.isEmpty) {
                let next: LocalDate
                switch self {
                case .day: next = try date.adding(days: 1)
                case .week: next = try date.adding(days: 7)
                case .month: next = try date.adding(months: 1)
                }
                let end = try next.firstInstant(inTimeZone: timeZone)
                let piece = try DateRange(start: max(start, range.start), end: min(end, range.end))
                if !piece.isEmpty || range.isEmpty { result.append(piece) }
                if range.isEmpty { break }
                date = next
                start = end
            }
            return result
        } catch {
            throw .invalidCalendar(timeZone, field: "timeZone", reason: error.message)
        }
    }
}

extension StateTimeline {
    /// The availability of `period`, with `maintenance` windows counted apart.
    ///
    /// - Parameters:
    ///   - period: The period to measure.
    ///   - maintenance: Maintenance windows, in any order, possibly overlapping.
    /// - Returns: The four buckets and the two figures.
    /// - Complexity: O(log n + k + m log m) for k changes in the period and m windows.
    public func availability(in period: DateRange, maintenance: [DateRange] = [])
        -> AvailabilityReport
    {
        let windows = DateRange.union(maintenance.compactMap { $0.intersection(period) })
        return availability(in: period, mergedWindows: windows)
    }

    /// The availability of each day, week or month meeting `range` in the time zone named
    /// `timeZone`, with the schedule's maintenance counted apart.
    ///
    /// The periods partition `range`, so the buckets of the periods add up to those of
    /// `range`: a month's report equals the sum of its days'.
    ///
    /// - Throws: ``MonitoringError`` `invalidCalendar`.
    /// - Complexity: O(p log n + k) for p periods and k changes.
    public func availability(
        per granularity: AvailabilityGranularity, in range: DateRange, timeZone: String,
        maintenance: MaintenanceSchedule = .none
    ) throws(MonitoringError) -> [AvailabilityReport] {
        let windows = try maintenance.windows(in: range)
        return try granularity.periods(covering: range, timeZone: timeZone).map { period in
            let inside = windows.compactMap { $0.intersection(period) }.filter { !$0.isEmpty }
            return availability(in: period, mergedWindows: inside)
        }
    }

    /// The buckets of `period` given disjoint, sorted windows inside it.
    func availability(in period: DateRange, mergedWindows windows: [DateRange])
        -> AvailabilityReport
    {
        var up: Int64 = 0
        var down: Int64 = 0
        var unknown: Int64 = 0
        var maintenance: Int64 = 0
        var windowIndex = 0
        // Walk the state segments and the maintenance windows together.
        forEachSegment(from: period.startMilliseconds, to: period.endMilliseconds) {
            start, end, state in
            var covered: Int64 = 0
            while windowIndex < windows.count, windows[windowIndex].endMilliseconds <= start {
                windowIndex += 1
            }
            var index = windowIndex
            while index < windows.count, windows[index].startMilliseconds < end {
                let low = max(windows[index].startMilliseconds, start)
                let high = min(windows[index].endMilliseconds, end)
                if low < high { covered += high - low }
                index += 1
            }
            maintenance += covered
            let remaining = end - start - covered
            switch state {
            case .up: up += remaining
            case .down: down += remaining
            case .unknown: unknown += remaining
            }
        }
        return AvailabilityReport(
            validated: period, up: up, down: down, unknown: unknown, maintenance: maintenance)
    }
}
