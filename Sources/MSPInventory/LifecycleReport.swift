import Foundation
import MSPCore

/// Devices whose warranty or support is ending or over, as of one instant.
///
/// Each device is judged on the local date the instant falls on in its customer's time
/// zone (*today*):
///
/// - ``outOfWarranty``: the warranty end (the last covered day) is before today.
/// - ``warrantyEndingSoon``: the warranty end is today or within the next `withinDays` days.
/// - ``pastEndOfLife``: the end-of-life date is today or earlier (support ends *on* it).
/// - ``reachingEndOfLife``: the end-of-life date is within the next `withinDays` days.
///
/// Retired and lost devices are left out; devices without the date are in no list.
///
/// With today 2026-04-10 and `withinDays` 30, a warranty ending 2026-05-10 is ending soon,
/// one ending 2026-05-11 is not, and one that ended 2026-04-09 is out of warranty.
///
/// JSON: `{"warrantyEndingSoon": ["pc-1"], "outOfWarranty": [], "reachingEndOfLife": [],
/// "pastEndOfLife": ["srv-2"]}`.
public struct LifecycleReport: Sendable, Hashable, Codable {
    /// Warranty ends within the window.
    public let warrantyEndingSoon: [DeviceID]
    /// Warranty already ended.
    public let outOfWarranty: [DeviceID]
    /// End of life falls within the window.
    public let reachingEndOfLife: [DeviceID]
    /// End of life reached.
    public let pastEndOfLife: [DeviceID]

    /// Classifies `devices`, each against its own `today`.
    internal init(
        devices: [DeviceRecord], withinDays: Int, today: (DeviceRecord) -> LocalDate?
    ) {
        var endingSoon: [DeviceID] = []
        var out: [DeviceID] = []
        var reaching: [DeviceID] = []
        var past: [DeviceID] = []
        for device in devices where device.status != .retired && device.status != .lost {
            guard let today = today(device), let horizon = try? today.adding(days: withinDays)
            else { continue }
            if let end = device.warrantyEnd {
                if end < today {
                    out.append(device.id)
                } else if end <= horizon {
                    endingSoon.append(device.id)
                }
            }
            if let end = device.endOfLife {
                if end <= today {
                    past.append(device.id)
                } else if end <= horizon {
                    reaching.append(device.id)
                }
            }
        }
        warrantyEndingSoon = endingSoon
        outOfWarranty = out
        reachingEndOfLife = reaching
        pastEndOfLife = past
    }
}

extension InventoryHistory {
    /// The warranty and end-of-life report for every device at `instant`.
    ///
    /// - Parameters:
    ///   - instant: The instant; each device's *today* is its local date in its
    ///     customer's zone.
    ///   - withinDays: The look-ahead window in days, 0...36,500.
    /// - Throws: ``InventoryError`` `invalidInstant` (field `"instant"`), `outOfRange`
    ///   (field `"withinDays"`).
    public func lifecycleReport(at instant: Date, withinDays: Int) throws(InventoryError)
        -> LifecycleReport
    {
        guard (0...36_500).contains(withinDays) else {
            throw .outOfRange(Int64(withinDays), allowed: "0...36500", field: "withinDays")
        }
        let snapshot = try snapshot(at: instant)
        let today = try localDates(at: instant)
        return LifecycleReport(devices: snapshot.devices, withinDays: withinDays) {
            today[$0.customer]
        }
    }

    /// The local date of `instant` for each customer, in its zone.
    internal func localDates(at instant: Date) throws(InventoryError) -> [CustomerID: LocalDate] {
        var byZone: [String: LocalDate] = [:]
        var result: [CustomerID: LocalDate] = [:]
        for customer in customers {
            if let known = byZone[customer.timeZoneIdentifier] {
                result[customer.id] = known
                continue
            }
            do {
                let date = try LocalDate(
                    containing: instant, inTimeZone: customer.timeZoneIdentifier)
                byZone[customer.timeZoneIdentifier] = date
                result[customer.id] = date
            } catch {
                throw InventoryError(period: error)
            }
        }
        return result
    }
}
