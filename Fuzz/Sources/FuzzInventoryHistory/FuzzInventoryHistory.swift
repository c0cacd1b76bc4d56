import Foundation
import FuzzSupport
import MSPCore
import MSPInventory

/// Inventory histories decoded from arbitrary JSON (the bytes before the first zero byte),
/// then counted over dates from the bytes after it. Checks:
///
/// - decoding never traps (it re-validates every customer, site, seat, event and merge),
///   and a decoded history round-trips;
/// - unit-days are additive: the days of `a ..< b` plus those of `b ..< c` are the days of
///   `a ..< c`, per customer and category (each local day counts on its own);
/// - unit-seconds of a calendar-month period never exceed 25 hours per unit-day of it;
/// - count decisions at an instant either succeed or throw an `InventoryError`.
func fuzzInventoryHistory(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var (document, input) = splitDocument(data, size)
    guard let history = decodeRoundTripping(InventoryHistory.self, document),
        let origin = try? LocalDate(year: 2025, month: 1, day: 1),
        let a = try? origin.adding(days: Int(input.int(in: 0...1_500))),
        let b = try? a.adding(days: Int(input.int(in: 1...62))),
        let c = try? b.adding(days: Int(input.int(in: 1...62)))
    else { return 0 }
    if let left = try? history.unitDays(from: a, to: b),
        let right = try? history.unitDays(from: b, to: c),
        let whole = try? history.unitDays(from: a, to: c)
    {
        let split = quantities(left).merging(quantities(right), uniquingKeysWith: +)
        fuzzCheck(
            split == quantities(whole),
            "unit-days of \(a)..<\(b) and \(b)..<\(c) do not add up to \(a)..<\(c)")
    }
    if let cycle = try? BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC"),
        let period = try? cycle.period(containing: a.firstInstant(inTimeZone: "UTC")),
        let days = try? history.unitDays(in: period),
        let seconds = try? history.unitSeconds(in: period)
    {
        let dayTotals = quantities(days)
        for (key, value) in quantities(seconds) {
            fuzzCheck(
                value <= (dayTotals[key] ?? 0) * 90_000,
                "\(value) unit-seconds but \(dayTotals[key] ?? 0) unit-days for \(key)")
        }
    }
    let instant = Date(
        timeIntervalSince1970: Double(input.int(in: 1_735_689_600_000...1_893_456_000_000)) / 1000)
    _ = try? history.countDecisions(at: instant)
    return 0
}

/// The raw quantity of each usage by customer and category.
private func quantities(_ usage: [UnitUsage]) -> [String: Int64] {
    var result: [String: Int64] = [:]
    for record in usage {
        let quantity: Int64
        switch record.measure {
        case .count(let units, _): quantity = units
        case .unitDays(let days, _): quantity = days
        case .unitSeconds(let seconds, _): quantity = seconds
        }
        result["\(record.customer.rawValue)/\(record.category.rawValue)", default: 0] += quantity
    }
    return result
}
