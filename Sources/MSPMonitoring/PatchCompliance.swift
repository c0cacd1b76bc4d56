import Foundation
import MSPCore

/// One patch as it applies to one device: released when, installed when (if yet), and
/// whether it is critical.
///
/// JSON: `{"device": "d1", "releasedAt": 1767225600000, "installedAt": null,
/// "critical": true}`.
public struct PatchRecord: Sendable, Hashable {
    /// The device the patch applies to.
    public let device: DeviceID
    /// When the patch was released.
    public let releasedAt: Int64
    /// When it was installed on the device, if it was.
    public let installedAt: Int64?
    /// Whether it is a critical (security) patch.
    public let critical: Bool

    /// Creates a record.
    ///
    /// - Throws: ``MonitoringError`` `instantOutOfRange`, `endBeforeStart` (field
    ///   `installedAt`) for an installation before the release.
    public init(device: DeviceID, releasedAt: Int64, installedAt: Int64?, critical: Bool)
        throws(MonitoringError)
    {
        try InstantBounds.check(releasedAt, field: "releasedAt")
        if let installedAt {
            try InstantBounds.check(installedAt, field: "installedAt")
            guard installedAt >= releasedAt else {
                throw .endBeforeStart(start: releasedAt, end: installedAt, field: "installedAt")
            }
        }
        self.device = device
        self.releasedAt = releasedAt
        self.installedAt = installedAt
        self.critical = critical
    }
}

extension PatchRecord: Codable {
    private enum CodingKeys: String, CodingKey { case device, releasedAt, installedAt, critical }

    /// Decodes and validates the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            device: container.decode(DeviceID.self, forKey: .device),
            releasedAt: container.decode(Int64.self, forKey: .releasedAt),
            installedAt: container.decodeIfPresent(Int64.self, forKey: .installedAt),
            critical: container.decode(Bool.self, forKey: .critical))
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(device, forKey: .device)
        try container.encode(releasedAt, forKey: .releasedAt)
        try container.encode(installedAt, forKey: .installedAt)
        try container.encode(critical, forKey: .critical)
    }
}

/// Patch compliance: a device is out of compliance at an instant when a critical patch
/// released more than ``maximumAgeDays`` days earlier is still not installed.
///
/// Worked example, 14 days, at day 30: device A misses a critical patch released on day 10
/// (20 days old: out); device B misses one released on day 20 (10 days old: in); device C
/// installed the day-10 patch on day 25 (in); device D has no patches (in). Out of
/// compliance: 1 of 4, so the compliant share is 3/4.
public struct PatchCompliancePolicy: Sendable, Hashable, Codable {
    /// How many whole days a critical patch may stay uninstalled.
    public let maximumAgeDays: Int

    /// Creates a policy.
    ///
    /// - Throws: ``MonitoringError`` `invalidCount` for a negative number of days or one
    ///   beyond the supported span of years.
    public init(maximumAgeDays: Int) throws(MonitoringError) {
        guard maximumAgeDays >= 0, Int64(maximumAgeDays) <= InstantBounds.span / 86_400_000
        else {
            throw .invalidCount(maximumAgeDays, field: "maximumAgeDays", minimum: 0)
        }
        self.maximumAgeDays = maximumAgeDays
    }

    private enum CodingKeys: String, CodingKey { case maximumAgeDays }

    /// Decodes and validates `{"maximumAgeDays": 14}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(maximumAgeDays: container.decode(Int.self, forKey: .maximumAgeDays))
    }

    /// Which of `devices` are out of compliance at `instant`.
    ///
    /// A patch counts when it is critical, released at or before `instant`, more than the
    /// allowed days old (`instant − releasedAt > days · 86,400,000 ms`), and not installed by
    /// `instant`. Records of devices outside `devices` are ignored; a device without records
    /// is compliant.
    ///
    /// - Throws: ``MonitoringError`` `instantOutOfRange`.
    /// - Complexity: O(p + d log d).
    public func evaluate(_ patches: [PatchRecord], devices: [DeviceID], at instant: Int64)
        throws(MonitoringError) -> PatchComplianceReport
    {
        try InstantBounds.check(instant, field: "instant")
        let population = Set(devices)
        let limit = Int64(maximumAgeDays) * 86_400_000
        var late: Set<DeviceID> = []
        for patch in patches where patch.critical && population.contains(patch.device) {
            let installed = patch.installedAt.map { $0 <= instant } ?? false
            if !installed, patch.releasedAt <= instant, instant - patch.releasedAt > limit {
                late.insert(patch.device)
            }
        }
        return PatchComplianceReport(
            instant: instant, deviceCount: population.count,
            nonCompliantDevices: late.sorted())
    }
}

/// Patch compliance at an instant.
public struct PatchComplianceReport: Sendable, Hashable, Codable {
    /// The instant measured.
    public let instant: Int64
    /// How many distinct devices were measured.
    public let deviceCount: Int
    /// The devices out of compliance, sorted.
    public let nonCompliantDevices: [DeviceID]

    /// The share of devices in compliance, exact; `nil` when there are no devices.
    public var compliantShare: Rational? {
        guard deviceCount > 0 else { return nil }
        return try? Rational(Int64(deviceCount - nonCompliantDevices.count), Int64(deviceCount))
    }

    /// The share of devices out of compliance, exact; `nil` when there are no devices.
    public var nonCompliantShare: Rational? {
        guard deviceCount > 0 else { return nil }
        return try? Rational(Int64(nonCompliantDevices.count), Int64(deviceCount))
    }
}
