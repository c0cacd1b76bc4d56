import Foundation
import MSPCore
import MSPInventory
import MSPTestSupport
import Testing

/// A random small inventory: 1 to 3 customers in one random zone, 1 to 6 devices, each
/// added somewhere around March to May 2026 and then changed 0 to 4 times.
private struct RandomInventory {
    static let zones = [
        "UTC", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Santiago",
    ]
    static let kinds: [DeviceKind] = [.workstation, .laptop, .server, .printer, .mobile]
    /// 2026-02-15T00:00:00Z in milliseconds.
    static let windowStart: Int64 = 1_771_113_600_000
    /// About 110 days.
    static let windowLength: Int64 = 110 * 86_400_000

    var customers: [Customer]
    var events: [InventoryEvent]
    var zone: String

    init(_ random: inout SplitMix64) throws {
        let zone = random.element(of: Self.zones)
        self.zone = zone
        let customerCount = random.int(in: 1...3)
        customers = try (0..<customerCount).map { index in
            try Customer(
                id: CustomerID("c\(index)"), name: "C\(index)", timeZoneIdentifier: zone,
                billableCategories: index == 1
                    ? BillableCategoryMap.standard.setting(.printer, to: .monitoredEndpoint)
                    : .standard)
        }
        var raw: [(device: DeviceID, at: Int64, change: InventoryEvent.Change)] = []
        for deviceNumber in 0..<random.int(in: 1...6) {
            let id = try DeviceID("d\(deviceNumber)")
            var at = Self.windowStart + random.int64(in: 0...Self.windowLength)
            let record = try DeviceRecord(
                id: id, kind: random.element(of: Self.kinds),
                customer: CustomerID("c\(random.int(in: 0...(customerCount - 1)))"),
                status: random.chance(4, in: 5) ? .active : .planned)
            raw.append((id, at, .added(record)))
            for _ in 0..<random.int(in: 0...4) {
                // Mostly whole hours, so that day boundaries are hit exactly now and then.
                at +=
                    random.chance(1, in: 2)
                    ? random.int64(in: 1...400) * 3_600_000
                    : random.int64(in: 1...2_000_000_000)
                let change: InventoryEvent.Change
                switch random.int(in: 0...3) {
                case 0:
                    change = .statusChanged(random.element(of: LifecycleStatus.allCases))
                case 1:
                    change = .moved(
                        customer: try CustomerID("c\(random.int(in: 0...(customerCount - 1)))"),
                        site: nil)
                case 2: change = .fieldsChanged([.kind(random.element(of: Self.kinds))])
                default: change = .retired
                }
                raw.append((id, at, change))
            }
        }
        // Unique sequences in a random order, increasing within each device.
        var sequences = Array(1...Int64(raw.count)).map { $0 * 3 }
        sequences.shuffle(using: &random)
        var byDevice: [DeviceID: [Int64]] = [:]
        var cursor = 0
        for item in raw {
            byDevice[item.device, default: []].append(sequences[cursor])
            cursor += 1
        }
        for key in byDevice.keys { byDevice[key]?.sort() }
        var used: [DeviceID: Int] = [:]
        events = try raw.map { item in
            let position = used[item.device, default: 0]
            used[item.device] = position + 1
            return try InventoryEvent(
                sequence: byDevice[item.device]?[position] ?? 0, device: item.device,
                effective: Date(timeIntervalSince1970: Double(item.at) / 1000),
                change: item.change)
        }
    }

    func history(shuffledWith random: inout SplitMix64) throws -> InventoryHistory {
        try InventoryHistory(customers: customers, events: events.shuffled(using: &random))
    }

    /// The history with, half the time, device d1 merged into d0 when the merge is allowed
    /// (both always under one customer).
    func historyWithMerges(shuffledWith random: inout SplitMix64) throws -> InventoryHistory {
        let history = try history(shuffledWith: &random)
        guard random.chance(1, in: 2), history.deviceCount > 1 else { return history }
        let (duplicate, survivor) = (try DeviceID("d1"), try DeviceID("d0"))
        do {
            return try history.merging(duplicate, into: survivor)
        } catch  where error.code == .mergeConflict {
            return history
        }
    }
}

/// Usage quantities keyed by "customer/category".
private func table(_ usages: [UnitUsage]) -> [String: Int64] {
    var result: [String: Int64] = [:]
    for usage in usages {
        let key = "\(usage.customer)/\(usage.category)"
        switch usage.measure {
        case .count(let units, _): result[key, default: 0] += units
        case .unitDays(let days, _): result[key, default: 0] += days
        case .unitSeconds(let seconds, _): result[key, default: 0] += seconds
        }
    }
    return result
}

@Suite struct PropertyTests {
    @Test func unitDaysOverAPeriodSplitInTwoEqualTheWhole() throws {
        try checkProperty(seed: 0x1D_A7_5011) { random in
            let inventory = try RandomInventory(&random)
            let history = try inventory.historyWithMerges(shuffledWith: &random)
            let start = try LocalDate(year: 2026, month: 3, day: 1).adding(
                days: random.int(in: 0...40))
            let length = random.int(in: 2...62)
            let split = random.int(in: 1...(length - 1))
            let middle = try start.adding(days: split)
            let end = try start.adding(days: length)
            func days(_ from: LocalDate, _ to: LocalDate) throws -> [String: Int64] {
                table(
                    try history.unitDays(
                        in: BillingPeriod(
                            startDate: from, endDate: to, timeZoneIdentifier: inventory.zone)))
            }
            let whole = try days(start, end)
            let first = try days(start, middle)
            let second = try days(middle, end)
            let joined = first.merging(second, uniquingKeysWith: +)
            return (
                "\(inventory.zone) \(start)..<\(middle)..<\(end) \(inventory.events.count) events",
                whole == joined ? nil : "whole \(whole) != halves \(joined)"
            )
        }
    }

    @Test func aHistoryBuiltFromShuffledEventsEqualsOneBuiltFromSortedEvents() throws {
        try checkProperty(seed: 0x5A_FF1E) { random in
            let inventory = try RandomInventory(&random)
            let sorted = inventory.events.sorted {
                ($0.effectiveMilliseconds, $0.sequence) < ($1.effectiveMilliseconds, $1.sequence)
            }
            let fromSorted = try InventoryHistory(customers: inventory.customers, events: sorted)
            let fromShuffled = try inventory.history(shuffledWith: &random)
            let at = Date(
                timeIntervalSince1970: Double(
                    RandomInventory.windowStart
                        + random.int64(in: 0...RandomInventory.windowLength * 2)) / 1000)
            let snapshots = (try fromSorted.snapshot(at: at), try fromShuffled.snapshot(at: at))
            let counts = (
                try fromSorted.billableCounts(at: at), try fromShuffled.billableCounts(at: at)
            )
            let same =
                fromSorted == fromShuffled && snapshots.0 == snapshots.1 && counts.0 == counts.1
            return ("\(inventory.events.count) events at \(at)", same ? nil : "histories differ")
        }
    }

    @Test func countsEqualTheItemsWhoseReasonsSayCounted() throws {
        try checkProperty(seed: 0xC0_057) { random in
            let inventory = try RandomInventory(&random)
            let history = try inventory.historyWithMerges(shuffledWith: &random)
            let at = Date(
                timeIntervalSince1970: Double(
                    RandomInventory.windowStart
                        + random.int64(in: 0...RandomInventory.windowLength * 2)) / 1000)
            let counts = table(try history.billableCounts(at: at))
            var expected: [String: Int64] = [:]
            for decision in try history.countDecisions(at: at) where decision.isCounted {
                guard let customer = decision.customer, let category = decision.category else {
                    return ("at \(at)", "a counted decision without customer or category")
                }
                expected["\(customer)/\(category)", default: 0] += 1
            }
            return (
                "\(inventory.events.count) events at \(at)",
                counts == expected ? nil : "counts \(counts) != reasons \(expected)"
            )
        }
    }

    @Test func mergingNeverAddsUnitDays() throws {
        // A merged machine's days are the union of its records' days: never more than the
        // records' days added up.
        try checkProperty(seed: 0x3E_D6E) { random in
            let inventory = try RandomInventory(&random)
            let history = try inventory.history(shuffledWith: &random)
            guard history.deviceCount > 1,
                let merged = try? history.merging(DeviceID("d1"), into: DeviceID("d0"))
            else { return ("no merge possible", nil) }
            let period = try BillingPeriod(
                startDate: LocalDate(year: 2026, month: 3, day: 1),
                endDate: LocalDate(year: 2026, month: 6, day: 1),
                timeZoneIdentifier: inventory.zone)
            let before = table(try history.unitDays(in: period))
            let after = table(try merged.unitDays(in: period))
            let grows = after.contains { key, value in value > before[key, default: 0] }
            return (
                "\(inventory.events.count) events",
                grows ? "merged \(after) exceeds unmerged \(before)" : nil
            )
        }
    }

    @Test func oneDevicesUnitDaysAreTheBillingPeriodsBillableDays() throws {
        // One device active over [added, retired): its unit-days must be MSPCore's
        // BillingPeriod.billableDays of that range clipped to the period.
        try checkProperty(seed: 0xB111_AB1E) { random in
            let zone = random.element(of: RandomInventory.zones)
            let period = try BillingPeriod(
                startDate: LocalDate(year: 2026, month: 3, day: 1).adding(
                    days: random.int(in: 0...300)),
                endDate: LocalDate(year: 2027, month: 1, day: 1), timeZoneIdentifier: zone)
            let span = period.range.endMilliseconds - period.range.startMilliseconds
            let added = period.range.startMilliseconds + random.int64(in: -span / 4...span)
            let retired = added + random.int64(in: 1...span)
            var list: [InventoryEvent] = []
            list.append(
                try InventoryEvent(
                    sequence: 1, effective: Date(timeIntervalSince1970: Double(added) / 1000),
                    added: DeviceRecord(id: DeviceID("d"), kind: .server, customer: CustomerID("c"))
                ))
            list.append(
                try InventoryEvent(
                    sequence: 2, device: DeviceID("d"),
                    effective: Date(timeIntervalSince1970: Double(retired) / 1000), change: .retired
                ))
            let history = try InventoryHistory(
                customers: [Customer(id: CustomerID("c"), name: "C", timeZoneIdentifier: zone)],
                events: list)
            let range = try DateRange(startMilliseconds: added, endMilliseconds: retired)
            let expected: Int64
            if let inside = period.range.intersection(range) {
                expected = Int64(try period.billableDays(of: inside))
            } else {
                expected = 0
            }
            let actual = table(try history.unitDays(in: period))["c/server"] ?? 0
            return (
                "\(zone) \(period) \(range)", actual == expected ? nil : "\(actual) != \(expected)"
            )
        }
    }
}
