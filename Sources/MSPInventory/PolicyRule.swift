import MSPCore

/// A caller's rule over devices, checked during an ``EnvironmentAssessment``: "Windows
/// must be at least 10.0.19045", "warranty must be active", "servers need an agent".
///
/// Return `nil` when the device complies, or a sentence saying what is wrong.
///
/// ```swift
/// struct AgentRequired: PolicyRule {
///     let name = "agent-required"
///     func violation(of device: DeviceRecord, on date: LocalDate) -> String? {
///         device.agentID == nil ? "no RMM agent" : nil
///     }
/// }
/// ```
public protocol PolicyRule: Sendable {
    /// The rule's name, reported with each violation.
    var name: String { get }
    /// Why `device` breaks the rule on `date` (the customer's local date), or `nil`.
    func violation(of device: DeviceRecord, on date: LocalDate) -> String?
}

/// One device breaking one rule.
///
/// JSON: `{"device": "lap-1", "rule": "active-warranty", "message": "warranty ended
/// 2025-12-31"}`.
public struct PolicyViolation: Sendable, Hashable, Codable {
    /// The device.
    public let device: DeviceID
    /// The rule's name.
    public let rule: String
    /// What is wrong.
    public let message: String
}

/// Devices running a named operating system must run at least a minimum version.
///
/// Versions compare component by component on `.`: numeric components as numbers
/// (`10.0.9` < `10.0.19045`), others as text; a missing component counts as 0. Devices with
/// another operating system, or none, comply.
public struct MinimumOperatingSystemVersion: PolicyRule, Hashable {
    /// `"minimum-os-version"`.
    public var name: String { "minimum-os-version" }
    /// The operating-system name the rule applies to (exact match).
    public let operatingSystem: String
    /// The lowest allowed version.
    public let minimumVersion: String

    /// Creates the rule.
    public init(operatingSystem: String, minimumVersion: String) {
        self.operatingSystem = operatingSystem
        self.minimumVersion = minimumVersion
    }

    /// A message when the device runs the system below the minimum.
    public func violation(of device: DeviceRecord, on date: LocalDate) -> String? {
        guard let system = device.operatingSystem, system.name == operatingSystem,
            Self.compare(system.version, minimumVersion) < 0
        else { return nil }
        return "\(system.name) \(system.version) is below \(minimumVersion)"
    }

    /// -1, 0 or 1 as `lhs` is below, equal to or above `rhs`.
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        let left = lhs.split(separator: ".", omittingEmptySubsequences: false)
        let right = rhs.split(separator: ".", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "0"
            let b = index < right.count ? String(right[index]) : "0"
            if let x = UInt64(a), let y = UInt64(b) {
                if x != y { return x < y ? -1 : 1 }
            } else if a != b {
                return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
            }
        }
        return 0
    }
}

/// Devices must be under warranty: a warranty end on or after the date. Devices without a
/// warranty end break the rule too (unknown is not covered).
public struct ActiveWarrantyRequired: PolicyRule, Hashable {
    /// `"active-warranty"`.
    public var name: String { "active-warranty" }

    /// Creates the rule.
    public init() {}

    /// A message when the warranty is unknown or over.
    public func violation(of device: DeviceRecord, on date: LocalDate) -> String? {
        guard let end = device.warrantyEnd else { return "no warranty end recorded" }
        return end < date ? "warranty ended \(end)" : nil
    }
}
