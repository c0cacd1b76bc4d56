import Foundation
import MSPCore

/// The identity of an alert, used to deduplicate: one open alert per key.
///
/// Build keys from what makes a problem the same problem, e.g. `"device-42/cpu"`.
/// JSON: the key as a string.
public struct AlertKey: RawRepresentable, Sendable, Hashable, Comparable, Codable,
    CustomStringConvertible
{
    /// The key's text.
    public let rawValue: String
    /// Creates a key.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a key.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Keys order by their text.
    public static func < (lhs: AlertKey, rhs: AlertKey) -> Bool { lhs.rawValue < rhs.rawValue }
    /// The key's text.
    public var description: String { rawValue }

    /// Decodes a string.
    public init(from decoder: any Decoder) throws {
        self.init(try String(from: decoder))
    }

    /// Encodes a string.
    public func encode(to encoder: any Encoder) throws { try rawValue.encode(to: encoder) }
}

/// What an alert is about: its device, site and customer, for grouping, maintenance scopes
/// and dependencies. Any may be absent.
///
/// JSON: `{"customer": "c1", "site": "s1", "device": "d1"}`, absent keys for absent values.
public struct AlertSubject: Sendable, Hashable, Codable {
    /// The customer.
    public let customer: CustomerID?
    /// The site.
    public let site: SiteID?
    /// The device.
    public let device: DeviceID?

    /// Creates a subject.
    public init(customer: CustomerID? = nil, site: SiteID? = nil, device: DeviceID? = nil) {
        self.customer = customer
        self.site = site
        self.device = device
    }
}

/// A set of subjects: everything, one customer, one site or one device.
///
/// JSON: `{"scope": "everything"}`, `{"scope": "site", "id": "s1"}`, and so on.
public enum AlertScope: Sendable, Hashable {
    /// Every subject.
    case everything
    /// Subjects of this customer.
    case customer(CustomerID)
    /// Subjects at this site.
    case site(SiteID)
    /// Subjects on this device.
    case device(DeviceID)

    /// Whether `subject` lies in the scope.
    public func contains(_ subject: AlertSubject) -> Bool {
        switch self {
        case .everything: true
        case .customer(let id): subject.customer == id
        case .site(let id): subject.site == id
        case .device(let id): subject.device == id
        }
    }
}

extension AlertScope: Codable {
    private enum CodingKeys: String, CodingKey { case scope, id }

    /// Decodes the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scope = try container.decode(String.self, forKey: .scope)
        switch scope {
        case "everything": self = .everything
        case "customer": self = .customer(try container.decode(CustomerID.self, forKey: .id))
        case "site": self = .site(try container.decode(SiteID.self, forKey: .id))
        case "device": self = .device(try container.decode(DeviceID.self, forKey: .id))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .scope, in: container, debugDescription: "unknown scope \(scope)")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .everything: try container.encode("everything", forKey: .scope)
        case .customer(let id):
            try container.encode("customer", forKey: .scope)
            try container.encode(id, forKey: .id)
        case .site(let id):
            try container.encode("site", forKey: .scope)
            try container.encode(id, forKey: .id)
        case .device(let id):
            try container.encode("device", forKey: .scope)
            try container.encode(id, forKey: .id)
        }
    }
}

/// Maintenance windows that apply to a scope.
///
/// Build the windows from a ``MaintenanceSchedule`` over the horizon the policy serves
/// (`schedule.windows(in: horizon)`); they are merged and sorted here.
/// JSON: `{"scope": {"scope": "site", "id": "s1"}, "windows": [{"start": "…", "end": "…"}]}`.
public struct ScopedMaintenance: Sendable, Hashable, Codable {
    /// Whom the windows apply to.
    public let scope: AlertScope
    /// The windows, merged and sorted.
    public let windows: [DateRange]

    /// Creates scoped windows.
    public init(scope: AlertScope, windows: [DateRange]) {
        self.scope = scope
        self.windows = DateRange.union(windows)
    }

    private enum CodingKeys: String, CodingKey { case scope, windows }

    /// Decodes the documented JSON object, merging the windows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            scope: try container.decode(AlertScope.self, forKey: .scope),
            windows: try container.decode([DateRange].self, forKey: .windows))
    }

    /// The end of the window containing `instant`, or `nil` when none does.
    ///
    /// - Complexity: O(log n).
    func windowEnd(containing instant: Int64) -> Int64? {
        var low = 0
        var high = windows.count
        while low < high {
            let middle = (low + high) / 2
            if windows[middle].startMilliseconds <= instant {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low > 0, windows[low - 1].endMilliseconds > instant else { return nil }
        return windows[low - 1].endMilliseconds
    }
}

/// A dependency: while the `parent` alert is open, alerts in `scope` notify nobody (a site's
/// firewall down suppresses its devices' alerts).
///
/// JSON: `{"parent": "site-1/firewall", "scope": {"scope": "site", "id": "site-1"}}`.
public struct AlertDependency: Sendable, Hashable, Codable {
    /// The alert whose being open suppresses the others.
    public let parent: AlertKey
    /// The alerts it suppresses (the parent itself never is).
    public let scope: AlertScope

    /// Creates a dependency.
    public init(parent: AlertKey, scope: AlertScope) {
        self.parent = parent
        self.scope = scope
    }
}

/// How notifications produced at one instant are bundled.
public enum AlertGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    /// One notification per alert.
    case alert
    /// One per device (alerts without a device group by key).
    case device
    /// One per site (alerts without a site group by key).
    case site
    /// One per customer (alerts without a customer group by key).
    case customer

    /// The group of an alert: `"site:s1"`, or `"alert:<key>"` when the subject lacks the field.
    func group(of key: AlertKey, _ subject: AlertSubject) -> String {
        switch self {
        case .device: if let id = subject.device { return "device:\(id)" }
        case .site: if let id = subject.site { return "site:\(id)" }
        case .customer: if let id = subject.customer { return "customer:\(id)" }
        case .alert: break
        }
        return "alert:\(key)"
    }
}

/// How alerts notify: re-notification, escalation, grouping, maintenance and dependencies.
///
/// JSON: `{"renotifyMilliseconds": 3600000, "escalationMilliseconds": [900000, 3600000],
/// "grouping": "site", "maintenance": [...], "dependencies": [...]}`; `renotifyMilliseconds`
/// is absent when reminders are off.
public struct AlertPolicy: Sendable, Hashable {
    /// Re-notify an open, unacknowledged alert this long after its last notification.
    public let renotifyMilliseconds: Int64?
    /// Escalate an open, unacknowledged alert to level `i + 1` this long after it opened.
    public let escalationMilliseconds: [Int64]
    /// How notifications at one instant are bundled.
    public let grouping: AlertGrouping
    /// Maintenance windows by scope.
    public let maintenance: [ScopedMaintenance]
    /// Dependencies between alerts.
    public let dependencies: [AlertDependency]

    /// Creates a policy.
    ///
    /// - Throws: ``MonitoringError`` `invalidDuration` for a re-notify interval below 1 ms or
    ///   an escalation delay below 0 or not after the previous one (field
    ///   `escalationMilliseconds[i]`).
    public init(
        renotifyMilliseconds: Int64? = nil,
        escalationMilliseconds: [Int64] = [],
        grouping: AlertGrouping = .alert,
        maintenance: [ScopedMaintenance] = [],
        dependencies: [AlertDependency] = []
    ) throws(MonitoringError) {
        if let renotifyMilliseconds {
            try InstantBounds.checkDuration(
                renotifyMilliseconds, field: "renotifyMilliseconds", minimum: 1)
        }
        for (index, delay) in escalationMilliseconds.enumerated() {
            let minimum = index == 0 ? 0 : escalationMilliseconds[index - 1] + 1
            try InstantBounds.checkDuration(
                delay, field: "escalationMilliseconds[\(index)]", minimum: minimum)
        }
        self.renotifyMilliseconds = renotifyMilliseconds
        self.escalationMilliseconds = escalationMilliseconds
        self.grouping = grouping
        self.maintenance = maintenance
        self.dependencies = dependencies
    }
}

extension AlertPolicy: Codable {
    private enum CodingKeys: String, CodingKey {
        case renotifyMilliseconds, escalationMilliseconds, grouping, maintenance, dependencies
    }

    /// Decodes and validates the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            renotifyMilliseconds: container.decodeIfPresent(
                Int64.self, forKey: .renotifyMilliseconds),
            escalationMilliseconds: container.decodeIfPresent(
                [Int64].self, forKey: .escalationMilliseconds) ?? [],
            grouping: container.decodeIfPresent(AlertGrouping.self, forKey: .grouping) ?? .alert,
            maintenance: container.decodeIfPresent(
                [ScopedMaintenance].self, forKey: .maintenance) ?? [],
            dependencies: container.decodeIfPresent(
                [AlertDependency].self, forKey: .dependencies) ?? [])
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(renotifyMilliseconds, forKey: .renotifyMilliseconds)
        try container.encode(escalationMilliseconds, forKey: .escalationMilliseconds)
        try container.encode(grouping, forKey: .grouping)
        try container.encode(maintenance, forKey: .maintenance)
        try container.encode(dependencies, forKey: .dependencies)
    }
}
