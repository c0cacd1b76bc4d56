import Foundation
import MSPCore

extension InventoryHistory {
    /// Unit-days per customer and category over `period`, with every customer's days taken
    /// from the period's own time zone: the usage MSPBilling prorates in arrears.
    ///
    /// A unit contributes one unit-day for every local day of the period in which it is
    /// under management (counted, as ``countDecisions(at:)`` decides) for any part of the
    /// day; this is how ``MSPCore/BillingPeriod/billableDays(of:)`` counts a sub-range. A
    /// device added on the 10th at 00:00 and retired at 00:00 on the 20th of a 30-day month
    /// is under management on days 10 to 19: 10 unit-days. A device that leaves one customer
    /// for another at noon counts that day for both. A day touched twice by the same device
    /// for the same customer and category (inactive in the morning, active again after
    /// lunch) counts once. A 23- or 25-hour DST day is one day.
    ///
    /// Only non-zero quantities are returned, by customer identifier then category name.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` for a period at the edge of years
    ///   1...9999.
    /// - Complexity: O(*s* log *d*) for *s* billing segments and *d* days in the period.
    public func unitDays(in period: BillingPeriod) throws(InventoryError) -> [UnitUsage] {
        let boundaries = try dayBoundaries(
            from: period.startDate, to: period.endDate, timeZone: period.timeZoneIdentifier)
        let totals = accumulate(
            zoneOfCustomer: [Int](repeating: 0, count: customers.count), zones: [boundaries],
            countingDays: true)
        return try usages(totals) { .unitDays($0, period: period) }
    }

    /// Unit-days per customer and category over the local days `startDate ..< endDate`,
    /// each customer's days counted in its own time zone; each usage's period is that
    /// customer's ``MSPCore/BillingPeriod`` of those days.
    ///
    /// The counting rule is ``unitDays(in:)``'s.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` unless `startDate < endDate` (field
    ///   `"end"`), or for dates at the edge of years 1...9999.
    public func unitDays(from startDate: LocalDate, to endDate: LocalDate)
        throws(InventoryError) -> [UnitUsage]
    {
        guard startDate < endDate else {
            throw .invalidInstant("\(startDate)..<\(endDate)", field: "end")
        }
        var zoneNumber: [String: Int] = [:]
        var zones: [[Int64]] = []
        var periods: [BillingPeriod] = []
        var zoneOfCustomer: [Int] = []
        for customer in customers {
            if let known = zoneNumber[customer.timeZoneIdentifier] {
                zoneOfCustomer.append(known)
                continue
            }
            do {
                periods.append(
                    try BillingPeriod(
                        startDate: startDate, endDate: endDate,
                        timeZoneIdentifier: customer.timeZoneIdentifier))
            } catch {
                throw InventoryError(period: error)
            }
            zones.append(
                try dayBoundaries(
                    from: startDate, to: endDate, timeZone: customer.timeZoneIdentifier))
            zoneNumber[customer.timeZoneIdentifier] = zones.count - 1
            zoneOfCustomer.append(zones.count - 1)
        }
        let totals = accumulate(zoneOfCustomer: zoneOfCustomer, zones: zones, countingDays: true)
        let width = categories.count
        var result: [UnitUsage] = []
        for customer in customers.indices.sorted(by: { customers[$0].id < customers[$1].id }) {
            let period = periods[zoneOfCustomer[customer]]
            for category in 0..<width where totals[customer * width + category] > 0 {
                do {
                    result.append(
                        try UnitUsage(
                            customer: customers[customer].id, category: categories[category],
                            measure: .unitDays(totals[customer * width + category], period: period)
                        ))
                } catch {
                    throw InventoryError(period: error)
                }
            }
        }
        return result
    }

    /// Unit-seconds per customer and category over `period`: the exact time each unit was
    /// under management within the period, for ``MSPCore/ProrationBasis/elapsedTime``
    /// proration.
    ///
    /// Milliseconds are summed exactly per customer and category and the total is then
    /// rounded down to whole seconds.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` only on internal failure to build a usage.
    /// - Complexity: O(*s*) for *s* billing segments.
    public func unitSeconds(in period: BillingPeriod) throws(InventoryError) -> [UnitUsage] {
        let boundaries = [period.range.startMilliseconds, period.range.endMilliseconds]
        let totals = accumulate(
            zoneOfCustomer: [Int](repeating: 0, count: customers.count), zones: [boundaries],
            countingDays: false)
        return try usages(totals.map { $0 / 1000 }) { .unitSeconds($0, period: period) }
    }

    /// The first instant of each local day `startDate ... endDate` in `timeZone`.
    internal func dayBoundaries(from startDate: LocalDate, to endDate: LocalDate, timeZone: String)
        throws(InventoryError) -> [Int64]
    {
        guard startDate < endDate else {
            throw .invalidInstant("\(startDate)..<\(endDate)", field: "end")
        }
        var boundaries: [Int64] = []
        boundaries.reserveCapacity(startDate.days(to: endDate) + 1)
        var date = startDate
        do {
            while date <= endDate {
                boundaries.append(
                    try milliseconds(of: date.firstInstant(inTimeZone: timeZone), field: "period"))
                date = try date.adding(days: 1)
            }
        } catch let error as PeriodError {
            throw InventoryError(period: error)
        } catch let error as InventoryError {
            throw error
        } catch {
            throw .invalidInstant(date.description, field: "period")
        }
        return boundaries
    }

    /// Sums, per customer × category, the local days (or milliseconds) each unit is
    /// counted within the period whose day boundaries are `zones[zoneOfCustomer[c]]`.
    ///
    /// For milliseconds, `zones` holds only the period's start and end.
    internal func accumulate(zoneOfCustomer: [Int], zones: [[Int64]], countingDays: Bool)
        -> [Int64]
    {
        var accumulator = UsageAccumulator(
            width: categories.count, zoneOfCustomer: zoneOfCustomer, zones: zones,
            countingDays: countingDays)
        let isMerged = mergeGroups.isMerged
        let width = categories.count
        segmentStart.withUnsafeBufferPointer { starts in
            segmentKey.withUnsafeBufferPointer { keys in
                segmentOffsets.withUnsafeBufferPointer { offsets in
                    for device in 0..<(offsets.count - 1) {
                        if !isMerged.isEmpty, isMerged[device] { continue }
                        accumulator.startUnit()
                        let last = offsets[device + 1]
                        for segment in offsets[device]..<last {
                            let key = Int(keys[segment])
                            guard key >= 0 else { continue }
                            accumulator.add(
                                start: starts[segment],
                                end: segment + 1 < last ? starts[segment + 1] : .max,
                                key: key)
                        }
                    }
                }
            }
        }
        // A merged machine: the union of its records' counted intervals, per key.
        for group in mergeGroups.groups {
            accumulator.startUnit()
            var intervals: [(key: Int, start: Int64, end: Int64)] = []
            for member in group {
                let last = segmentOffsets[Int(member) + 1]
                for segment in segmentOffsets[Int(member)]..<last where segmentKey[segment] >= 0 {
                    intervals.append(
                        (
                            Int(segmentKey[segment]), segmentStart[segment],
                            segment + 1 < last ? segmentStart[segment + 1] : Int64.max
                        ))
                }
            }
            intervals.sort { ($0.key, $0.start) < ($1.key, $1.start) }
            var index = 0
            while index < intervals.count {
                var current = intervals[index]
                index += 1
                while index < intervals.count, intervals[index].key == current.key,
                    intervals[index].start <= current.end
                {
                    current.end = max(current.end, intervals[index].end)
                    index += 1
                }
                accumulator.add(
                    start: current.start, end: current.end, key: current.key)
            }
        }
        for (index, seat) in seats.enumerated() {
            accumulator.startUnit()
            for range in seat.activeRanges {
                let customer = Int(seatCustomer[index])
                accumulator.add(
                    start: range.startMilliseconds, end: range.endMilliseconds,
                    key: customer * width + Int(seatCategory[index]))
            }
        }
        return accumulator.totals
    }
}

/// Adds counted intervals of units to per customer × category totals of local days (or
/// milliseconds), counting a day touched twice by one unit for one key once.
private struct UsageAccumulator {
    let width: Int
    let countingDays: Bool
    /// Every zone's day boundaries, one after another.
    let bounds: [Int64]
    /// For each key (customer × width + category), where its customer's zone's boundaries
    /// start in ``bounds``, and how many days they delimit.
    let keyBase: [Int]
    let keyDays: [Int]
    var totals: [Int64]
    /// The keys the current unit has counted and the end day of the last counted interval
    /// of each.
    var seenKeys: [Int] = []
    var seenEnds: [Int] = []
    /// How many entries of ``seenKeys`` and ``seenEnds`` belong to the current unit.
    var seenCount = 0

    init(width: Int, zoneOfCustomer: [Int], zones: [[Int64]], countingDays: Bool) {
        self.width = width
        self.countingDays = countingDays
        var bounds: [Int64] = []
        var zoneStart: [Int] = []
        for zone in zones {
            zoneStart.append(bounds.count)
            bounds.append(contentsOf: zone)
        }
        self.bounds = bounds
        var keyBase: [Int] = []
        var keyDays: [Int] = []
        keyBase.reserveCapacity(zoneOfCustomer.count * width)
        keyDays.reserveCapacity(zoneOfCustomer.count * width)
        for zone in zoneOfCustomer {
            for _ in 0..<width {
                keyBase.append(zoneStart[zone])
                keyDays.append(zones[zone].count - 1)
            }
        }
        self.keyBase = keyBase
        self.keyDays = keyDays
        totals = [Int64](repeating: 0, count: zoneOfCustomer.count * width)
        seenKeys.reserveCapacity(8)
        seenEnds.reserveCapacity(8)
    }

    /// Starts a new unit: no day counted yet.
    @inline(__always)
    mutating func startUnit() {
        seenCount = 0
    }

    /// Adds the interval `[start, end)` in which the unit counts under `key`
    /// (`customer × width + category`).
    @inline(__always)
    mutating func add(start: Int64, end: Int64, key: Int) {
        let base = keyBase[key]
        let days = keyDays[key]
        let periodStart = bounds[base]
        let periodEnd = bounds[base + days]
        let clippedStart = max(start, periodStart)
        let clippedEnd = min(end, periodEnd)
        guard clippedStart < clippedEnd else { return }
        guard countingDays else {
            totals[key] += clippedEnd - clippedStart
            return
        }
        // Days are 23 to 25 hours long, so dividing by 24 hours lands within one day of the
        // answer; step to it. First day: the last day starting at or before the start.
        // A unit counted from the period's start or to its end (the common case) needs no
        // search at that end.
        var first = 0
        if clippedStart != periodStart {
            first = min(Int((clippedStart - periodStart) / 86_400_000), days - 1)
            while first + 1 < days, bounds[base + first + 1] <= clippedStart { first += 1 }
            while first > 0, bounds[base + first] > clippedStart { first -= 1 }
        }
        // End day: the first day starting at or after the end.
        var endDay = days
        if clippedEnd != periodEnd {
            endDay = min(Int((clippedEnd - periodStart + 86_399_999) / 86_400_000), days)
            while endDay > 0, bounds[base + endDay - 1] >= clippedEnd { endDay -= 1 }
            while endDay < days, bounds[base + endDay] < clippedEnd { endDay += 1 }
        }
        var from = first
        var seen = 0
        while seen < seenCount, seenKeys[seen] != key { seen += 1 }
        if seen < seenCount {
            from = max(from, seenEnds[seen])
            seenEnds[seen] = max(seenEnds[seen], endDay)
        } else {
            if seenCount == seenKeys.count {
                seenKeys.append(key)
                seenEnds.append(endDay)
            } else {
                seenKeys[seenCount] = key
                seenEnds[seenCount] = endDay
            }
            seenCount += 1
        }
        if endDay > from { totals[key] += Int64(endDay - from) }
    }
}
