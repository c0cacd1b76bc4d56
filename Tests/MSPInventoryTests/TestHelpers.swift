import Foundation
import MSPCore
import MSPInventory
import Testing

// Helpers shared by the MSPInventory test files.

/// The instant of an ISO 8601 text with an offset, such as `2026-04-10T00:00:00-04:00`.
func instant(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return try #require(formatter.date(from: text), "not an ISO 8601 instant: \(text)")
}

/// A local date from `YYYY-MM-DD`.
func day(_ text: String) throws -> LocalDate {
    try LocalDate(parsing: text)
}

/// An amount in US dollars from its canonical text, `"12.34"`.
func usd(_ text: String) throws -> Money {
    try Money(parsing: text, currency: .usd)
}

/// A customer in New York with the standard category map unless told otherwise.
func customer(
    _ id: String, zone: String = "America/New_York", map: BillableCategoryMap = .standard
) throws -> Customer {
    try Customer(
        id: CustomerID(id), name: "Customer \(id)", timeZoneIdentifier: zone,
        billableCategories: map)
}

/// A minimal device record.
func device(
    _ id: String, _ kind: DeviceKind = .workstation, customer: String = "acme",
    status: LifecycleStatus = .active, serial: String? = nil, agent: String? = nil,
    macs: [String] = [], site: String? = nil
) throws -> DeviceRecord {
    try DeviceRecord(
        id: DeviceID(id), kind: kind, customer: CustomerID(customer),
        site: site.map { try SiteID($0) }, serialNumber: serial,
        macAddresses: macs.map { try MACAddress($0) }, agentID: agent, status: status)
}

/// Builds events with sequence numbers in list order.
struct EventList {
    var events: [InventoryEvent] = []

    mutating func add(_ record: DeviceRecord, at text: String) throws {
        events.append(
            try InventoryEvent(
                sequence: Int64(events.count + 1), effective: instant(text), added: record))
    }

    mutating func change(_ id: String, _ change: InventoryEvent.Change, at text: String) throws {
        events.append(
            try InventoryEvent(
                sequence: Int64(events.count + 1), device: DeviceID(id), effective: instant(text),
                change: change))
    }
}

/// April 2026 (30 days) in `zone`.
func april(_ zone: String = "America/New_York") throws -> BillingPeriod {
    try BillingPeriod(
        startDate: day("2026-04-01"), endDate: day("2026-05-01"), timeZoneIdentifier: zone)
}

/// The quantity of the usage for `customer` and `category`, or 0 when there is none.
func quantity(_ usages: [UnitUsage], _ customer: String, _ category: BillableCategory) -> Int64 {
    for usage in usages where usage.customer.rawValue == customer && usage.category == category {
        switch usage.measure {
        case .count(let units, _): return units
        case .unitDays(let days, _): return days
        case .unitSeconds(let seconds, _): return seconds
        }
    }
    return 0
}
