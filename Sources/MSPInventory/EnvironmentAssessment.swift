import Foundation
import MSPCore

/// The first look at a customer's environment when onboarding: what is there, what is old,
/// what is doubtful, and what breaks the MSP's policies.
///
/// Built from the devices under the customer at an instant that are not retired or lost.
public struct EnvironmentAssessment: Sendable, Hashable {
    /// The customer assessed.
    public let customer: CustomerID
    /// The customer's local date at the instant, against which dates are judged.
    public let date: LocalDate
    /// The number of devices assessed.
    public let deviceCount: Int
    /// Devices per kind.
    public let devicesByKind: [DeviceKind: Int]
    /// Devices per operating-system name; devices without one are under `"unknown"`.
    public let devicesByOperatingSystem: [String: Int]
    /// Devices per site.
    public let devicesBySite: [SiteID: Int]
    /// Devices with no site.
    public let devicesWithoutSite: Int
    /// Devices whose warranty ended before ``date``.
    public let outOfWarranty: [DeviceID]
    /// Devices whose end of life is on or before ``date``.
    public let pastEndOfLife: [DeviceID]
    /// Workstations, laptops and mobiles with no assigned user.
    public let unassigned: [DeviceID]
    /// Records that look like the same machine.
    public let suspectedDuplicates: [DuplicateMatch]
    /// Every policy violation, by device order then rule order.
    public let violations: [PolicyViolation]
}

extension InventoryHistory {
    /// Assesses `customer`'s environment at `instant`.
    ///
    /// - Parameters:
    ///   - customer: The customer.
    ///   - instant: The instant; dates are judged on the customer's local date.
    ///   - rules: Policy rules to check every device against.
    ///   - resolver: How duplicates are found; the default rules when `nil`.
    /// - Throws: ``InventoryError`` `unknownCustomer` (field `"customer"`),
    ///   `invalidInstant` (field `"instant"`).
    public func assessment(
        of customer: CustomerID, at instant: Date, rules: [any PolicyRule] = [],
        resolver: IdentityResolver? = nil
    ) throws(InventoryError) -> EnvironmentAssessment {
        guard let index = customerIndex[customer] else {
            throw .unknownCustomer(customer, field: "customer")
        }
        let owner = customers[Int(index)]
        let date: LocalDate
        do {
            date = try LocalDate(containing: instant, inTimeZone: owner.timeZoneIdentifier)
        } catch {
            throw InventoryError(period: error)
        }
        let devices = try snapshot(at: instant).devices.filter {
            $0.customer == customer && $0.status != .retired && $0.status != .lost
        }
        var byKind: [DeviceKind: Int] = [:]
        var byOS: [String: Int] = [:]
        var bySite: [SiteID: Int] = [:]
        var withoutSite = 0
        var unassigned: [DeviceID] = []
        var violations: [PolicyViolation] = []
        let personal: Set<DeviceKind> = [.workstation, .laptop, .mobile]
        for device in devices {
            byKind[device.kind, default: 0] += 1
            byOS[device.operatingSystem?.name ?? "unknown", default: 0] += 1
            if let site = device.site { bySite[site, default: 0] += 1 } else { withoutSite += 1 }
            if device.assignedUser == nil, personal.contains(device.kind) {
                unassigned.append(device.id)
            }
            for rule in rules {
                if let message = rule.violation(of: device, on: date) {
                    violations.append(
                        PolicyViolation(device: device.id, rule: rule.name, message: message))
                }
            }
        }
        let lifecycle = LifecycleReport(devices: devices, withinDays: 0) { _ in date }
        let chosen: IdentityResolver
        if let resolver { chosen = resolver } else { chosen = try IdentityResolver() }
        let duplicates = chosen.resolve(devices).matches
        return EnvironmentAssessment(
            customer: customer, date: date, deviceCount: devices.count, devicesByKind: byKind,
            devicesByOperatingSystem: byOS, devicesBySite: bySite,
            devicesWithoutSite: withoutSite, outOfWarranty: lifecycle.outOfWarranty,
            pastEndOfLife: lifecycle.pastEndOfLife, unassigned: unassigned,
            suspectedDuplicates: duplicates, violations: violations)
    }
}
