import BenchmarkSupport
import Foundation
import MSPCore
import MSPInventory

/// The inventory: 1,000,000 devices and 3,000,000 events over 2026, for 1,000
/// customers in three time zones. Built once per process, outside any measured region.
///
/// Every device has three events: `added` (a third of them before 2026, the rest during the
/// year), then two changes during the year drawn from: status change, move to another
/// customer, kind change, retirement. The same events are also kept as plain parallel arrays
/// for the baseline, which scans each event once.
enum InventoryData {
    static let seed: UInt64 = 0x494E_5645_4E54_4F52  // "INVENTOR"
    static let deviceCount = 1_000_000
    static let customerCount = 1_000
    /// 2026-01-01T00:00:00Z.
    static let yearStart: Int64 = 1_767_225_600_000
    static let year: Int64 = 365 * 86_400_000

    static let customers: [Customer] = (0..<customerCount).compactMap { index in
        let zones = ["America/New_York", "Europe/Berlin", "UTC"]
        guard let id = try? CustomerID("customer-\(index)") else { return nil }
        return try? Customer(
            id: id, name: "Customer \(index)", timeZoneIdentifier: zones[index % 3])
    }

    /// The events, and the same events as plain arrays for the baseline.
    static let generated: (events: [InventoryEvent], times: [Int64], customers: [Int32]) = {
        var random = SplitMix64(seed: seed)
        let kinds: [DeviceKind] = [
            .workstation, .laptop, .server, .virtualServer, .printer, .mobile,
        ]
        let statuses: [LifecycleStatus] = [.active, .inactive, .inRepair, .active]
        var events: [InventoryEvent] = []
        var times: [Int64] = []
        var owners: [Int32] = []
        events.reserveCapacity(deviceCount * 3)
        times.reserveCapacity(deviceCount * 3)
        owners.reserveCapacity(deviceCount * 3)
        var sequence: Int64 = 0
        func append(_ event: InventoryEvent?, customer: Int) {
            guard let event else { return }
            events.append(event)
            times.append(event.effectiveMilliseconds)
            owners.append(Int32(customer))
        }
        for index in 0..<deviceCount {
            guard let id = try? DeviceID("device-\(index)") else { continue }
            var customer = Int.random(in: 0..<customerCount, using: &random)
            var at =
                Int.random(in: 0..<3, using: &random) == 0
                ? yearStart - 86_400_000
                : yearStart + Int64.random(in: 0..<year / 2, using: &random)
            let record = try? DeviceRecord(
                id: id, kind: kinds[Int.random(in: 0..<kinds.count, using: &random)],
                customer: customers[customer].id)
            sequence += 1
            if let record {
                append(
                    try? InventoryEvent(sequence: sequence, effective: date(at), added: record),
                    customer: customer)
            }
            for _ in 0..<2 {
                at += Int64.random(in: 1...(year / 4), using: &random)
                sequence += 1
                let change: InventoryEvent.Change
                switch Int.random(in: 0..<8, using: &random) {
                case 0..<4: change = .statusChanged(statuses[Int.random(in: 0..<4, using: &random)])
                case 4, 5:
                    customer = Int.random(in: 0..<customerCount, using: &random)
                    change = .moved(customer: customers[customer].id, site: nil)
                case 6:
                    change = .fieldsChanged([
                        .kind(kinds[Int.random(in: 0..<kinds.count, using: &random)])
                    ])
                default: change = .retired
                }
                append(
                    try? InventoryEvent(
                        sequence: sequence, device: id, effective: date(at), change: change),
                    customer: customer)
            }
        }
        // Present the events in a scrambled order, as an export would.
        var order = Array(events.indices)
        order.shuffle(using: &random)
        return (order.map { events[$0] }, order.map { times[$0] }, order.map { owners[$0] })
    }()

    static let history: Result<InventoryHistory, InventoryError> = Result {
        () throws(InventoryError) -> InventoryHistory in
        try InventoryHistory(customers: customers, events: generated.events)
    }

    /// The history, or the error that stopped it being built (the benchmark then fails).
    static func requiredHistory() throws(InventoryError) -> InventoryHistory {
        try history.get()
    }

    /// June 2026's first day and the first day after it.
    static func requiredJune() throws(PeriodError) -> (LocalDate, LocalDate) {
        (try LocalDate(year: 2026, month: 6, day: 1), try LocalDate(year: 2026, month: 7, day: 1))
    }

    /// 2026-06-15T12:00:00Z.
    static let instant = date(yearStart + 165 * 86_400_000 + 43_200_000)
    /// June 2026 in each customer's zone.

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
