import Foundation
import MSPCore

/// An availability objective: a percentage of time a service must be up, measured per
/// calendar month in a time zone.
///
/// ```swift
/// let objective = try AvailabilityObjective(objective: try Percentage(parsing: "99.9"),
///                                           timeZone: "America/New_York")
/// let march = try objective.measure(
///     year: 2026, month: 3, outages: outages, maintenance: windows)
/// march.strictAvailability   // exact Rational percent
/// ```
///
/// ## Rules
///
/// - The period is the calendar month in the objective's zone, `[first 00:00, next first
///   00:00)`: March 2026 in New York has 743 hours (clocks spring forward).
/// - Outages are clipped to the period (an outage spanning two months counts in each for
///   its part), and overlapping outages are merged, so no instant counts twice.
/// - Scheduled maintenance is removed from both the downtime and the measured time.
/// - `Outage.Kind.unknown` time (no data) is reported apart: the strict figure counts it
///   as down, the other figure leaves it out of both the numerator and the measured time.
///   Unknown time that overlaps downtime counts as downtime only.
/// - Figures are exact `Rational` percentages and always in `0...100`; a period whose
///   measured time is zero (all maintenance) is 100%.
/// - The allowed downtime is `measured × (100 − objective) / 100`: 99.9% allows 40.32
///   minutes in a 28-day month and 44.64 in a 31-day one.
///
/// JSON: `{"objective": "99.9", "timeZone": "America/New_York"}`.
public struct AvailabilityObjective: Sendable, Hashable {
    /// The percentage of measured time the service must be up, in `(0, 100]`.
    public let objective: Percentage
    /// The IANA zone whose calendar months are the periods.
    public let timeZone: String

    /// Creates an objective.
    ///
    /// - Throws: ``SLAError`` `invalidObjective` outside `(0, 100]`; `invalidPeriod` with
    ///   an unknown time zone.
    public init(objective: Percentage, timeZone: String = "UTC") throws(SLAError) {
        guard Percentage.zero < objective, objective <= Percentage.hundred else {
            throw .invalidObjective(objective)
        }
        do {
            _ = try LocalDate(year: 2000, month: 1, day: 1).firstInstant(inTimeZone: timeZone)
        } catch { throw .invalidPeriod(error) }
        self.objective = objective
        self.timeZone = timeZone
    }

    /// The calendar month `year`-`month` in the objective's zone.
    ///
    /// - Throws: ``SLAError`` `invalidPeriod` for a month outside 1...12 or a year outside
    ///   the supported range.
    public func period(year: Int, month: Int) throws(SLAError) -> DateRange {
        do {
            let first = try LocalDate(year: year, month: month, day: 1)
            let next = try first.adding(months: 1)
            return try DateRange(
                start: try first.firstInstant(inTimeZone: timeZone),
                end: try next.firstInstant(inTimeZone: timeZone))
        } catch { throw .invalidPeriod(error) }
    }

    /// Measures the calendar month `year`-`month`.
    ///
    /// - Throws: ``SLAError`` as ``period(year:month:)`` and
    ///   ``measure(period:outages:maintenance:)``.
    /// - Complexity: O(*n* log *n*) for *n* outages and maintenance windows.
    public func measure(year: Int, month: Int, outages: [Outage], maintenance: [DateRange] = [])
        throws(SLAError) -> AvailabilityReport
    {
        try measure(
            period: try period(year: year, month: month), outages: outages,
            maintenance: maintenance)
    }

    /// Measures any period against the objective.
    ///
    /// - Parameters:
    ///   - period: The period measured.
    ///   - outages: Outages from any source, in any order, overlapping or not.
    ///   - maintenance: Scheduled maintenance windows.
    /// - Returns: The figures with their evidence.
    /// - Throws: ``SLAError`` `arithmetic` if an exact figure overflows (not for periods
    ///   under 290 years).
    /// - Complexity: O(*n* log *n*): the outages are clipped, sorted and merged once.
    public func measure(period: DateRange, outages: [Outage], maintenance: [DateRange] = [])
        throws(SLAError) -> AvailabilityReport
    {
        let low = period.startMilliseconds
        let high = period.endMilliseconds
        var counted = 0
        let mergedDown: [MillisecondInterval]
        let mergedUnknown: [MillisecondInterval]
        if high - low < 1 << 32 {
            // Periods under 49.7 days: each clipped outage packs into one UInt64, its start
            // offset above its length, so the sort compares plain integers.
            var down: [UInt64] = []
            var unknown: [UInt64] = []
            down.reserveCapacity(outages.count)
            for outage in outages {
                let start = max(outage.range.startMilliseconds, low)
                let end = min(outage.range.endMilliseconds, high)
                guard start < end else { continue }
                counted &+= 1
                let key = UInt64(start &- low) << 32 | UInt64(end &- start)
                if outage.kind == .down { down.append(key) } else { unknown.append(key) }
            }
            mergedDown = MillisecondInterval.merged(packed: &down, origin: low)
            mergedUnknown = MillisecondInterval.merged(packed: &unknown, origin: low)
        } else {
            var down: [MillisecondInterval] = []
            var unknown: [MillisecondInterval] = []
            for outage in outages {
                let start = max(outage.range.startMilliseconds, low)
                let end = min(outage.range.endMilliseconds, high)
                guard start < end else { continue }
                counted &+= 1
                if outage.kind == .down {
                    down.append(MillisecondInterval(start: start, end: end))
                } else {
                    unknown.append(MillisecondInterval(start: start, end: end))
                }
            }
            mergedDown = MillisecondInterval.merged(&down)
            mergedUnknown = MillisecondInterval.merged(&unknown)
        }
        var windows: [MillisecondInterval] = []
        for window in maintenance {
            let start = max(window.startMilliseconds, low)
            let end = min(window.endMilliseconds, high)
            if start < end { windows.append(MillisecondInterval(start: start, end: end)) }
        }
        let mergedWindows = MillisecondInterval.merged(&windows)
        let downtime = MillisecondInterval.subtracting(mergedWindows, from: mergedDown)
        let unknownTime = MillisecondInterval.subtracting(
            mergedWindows,
            from: MillisecondInterval.subtracting(
                mergedDown, from: mergedUnknown))
        return try AvailabilityReport(
            objective: objective, period: period,
            maintenance: MillisecondInterval.total(mergedWindows),
            downtime: downtime, unknown: unknownTime, outagesCounted: counted)
    }
}

extension AvailabilityObjective: Codable {
    private enum CodingKeys: String, CodingKey { case objective, timeZone }

    /// Decodes the documented JSON object and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            objective: try container.decode(Percentage.self, forKey: .objective),
            timeZone: try container.decode(String.self, forKey: .timeZone))
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(objective, forKey: .objective)
        try container.encode(timeZone, forKey: .timeZone)
    }
}

/// A half-open interval of milliseconds, the plain value the availability kernels sort and
/// merge.
struct MillisecondInterval: Sendable, Hashable {
    var start: Int64
    var end: Int64

    /// Sorts `intervals` by start and merges overlapping or touching ones.
    static func merged(_ intervals: inout [MillisecondInterval]) -> [MillisecondInterval] {
        guard !intervals.isEmpty else { return [] }
        intervals.sort { $0.start < $1.start }
        var result: [MillisecondInterval] = []
        var current = intervals[0]
        for interval in intervals.dropFirst() {
            if interval.start <= current.end {
                if interval.end > current.end { current.end = interval.end }
            } else {
                result.append(current)
                current = interval
            }
        }
        result.append(current)
        return result
    }

    /// Sorts packed `(start - origin) << 32 | length` keys and merges them like
    /// ``merged(_:)``.
    static func merged(packed keys: inout [UInt64], origin: Int64) -> [MillisecondInterval] {
        guard !keys.isEmpty else { return [] }
        sortByStart(&keys)
        var result: [MillisecondInterval] = []
        func decode(_ key: UInt64) -> MillisecondInterval {
            let start = origin &+ Int64(key >> 32)
            return MillisecondInterval(start: start, end: start &+ Int64(key & 0xFFFF_FFFF))
        }
        var current = decode(keys[0])
        for key in keys.dropFirst() {
            let interval = decode(key)
            if interval.start <= current.end {
                if interval.end > current.end { current.end = interval.end }
            } else {
                result.append(current)
                current = interval
            }
        }
        result.append(current)
        return result
    }

    /// Sorts packed keys by their upper 32 bits (the start offset); keys with one start
    /// may end in any order, which merging does not mind. Large arrays take a stable
    /// two-pass radix sort on 16-bit digits, O(*n*), about 5× faster than a comparison sort
    /// of a million keys; small ones the standard sort.
    static func sortByStart(_ keys: inout [UInt64]) {
        let count = keys.count
        guard count >= 4096 else {
            keys.sort()
            return
        }
        var scratch = [UInt64](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift: UInt64 in [32, 48] {
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { bucket in
                        for index in bucket.indices { bucket[index] = 0 }
                        for key in source {
                            bucket[Int(truncatingIfNeeded: key >> shift) & 0xFFFF] &+= 1
                        }
                        var offset = 0
                        for index in bucket.indices {
                            let size = bucket[index]
                            bucket[index] = offset
                            offset &+= size
                        }
                        for key in source {
                            let digit = Int(truncatingIfNeeded: key >> shift) & 0xFFFF
                            target[bucket[digit]] = key
                            bucket[digit] &+= 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
    }

    /// `base` minus `removed`; both sorted, disjoint.
    static func subtracting(_ removed: [MillisecondInterval], from base: [MillisecondInterval])
        -> [MillisecondInterval]
    {
        guard !removed.isEmpty else { return base }
        var result: [MillisecondInterval] = []
        var cut = 0
        for interval in base {
            var start = interval.start
            while cut < removed.count, removed[cut].end <= start { cut &+= 1 }
            var probe = cut
            while probe < removed.count, removed[probe].start < interval.end {
                if removed[probe].start > start {
                    result.append(MillisecondInterval(start: start, end: removed[probe].start))
                }
                start = max(start, removed[probe].end)
                probe &+= 1
            }
            if start < interval.end {
                result.append(MillisecondInterval(start: start, end: interval.end))
            }
        }
        return result
    }

    /// The summed length of sorted, disjoint intervals.
    static func total(_ intervals: [MillisecondInterval]) -> Int64 {
        intervals.reduce(0) { $0 &+ ($1.end &- $1.start) }
    }
}
