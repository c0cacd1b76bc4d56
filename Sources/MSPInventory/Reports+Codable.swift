import Foundation
import MSPCore

extension MatchRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, evidence, confidence
    }

    /// Decodes `{"name": "same-serial", "evidence": "serialNumber", "confidence": 95}` and
    /// validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            evidence: container.decode(Evidence.self, forKey: .evidence),
            confidence: container.decode(Int.self, forKey: .confidence))
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(confidence, forKey: .confidence)
    }
}

extension CountDecision: Codable {
    private enum CodingKeys: String, CodingKey {
        case device, seat, customer, category, kind, status, reason, survivor
    }

    /// Decodes `{"device": "pc-1", "customer": "acme", "category": "workstation",
    /// "kind": "laptop", "status": "active", "reason": "counted"}`. The item is `"device"`
    /// or `"seat"`; `reason` is `counted`, `notYetAdded`, `status` (the status is in
    /// `"status"`), `kindNotBillable` (the kind is in `"kind"`), `seatInactive` or
    /// `mergedDuplicate` (with `"survivor"`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let device = try container.decodeIfPresent(DeviceID.self, forKey: .device) {
            item = .device(device)
        } else {
            item = .seat(try container.decode(UserID.self, forKey: .seat))
        }
        customer = try container.decodeIfPresent(CustomerID.self, forKey: .customer)
        category = try container.decodeIfPresent(BillableCategory.self, forKey: .category)
        kind = try container.decodeIfPresent(DeviceKind.self, forKey: .kind)
        status = try container.decodeIfPresent(LifecycleStatus.self, forKey: .status)
        let name = try container.decode(String.self, forKey: .reason)
        switch name {
        case "counted": reason = .counted
        case "notYetAdded": reason = .notYetAdded
        case "seatInactive": reason = .seatInactive
        case "status":
            reason = .status(try container.decode(LifecycleStatus.self, forKey: .status))
        case "kindNotBillable":
            reason = .kindNotBillable(try container.decode(DeviceKind.self, forKey: .kind))
        case "mergedDuplicate":
            reason = .mergedDuplicate(of: try container.decode(DeviceID.self, forKey: .survivor))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .reason, in: container, debugDescription: "unknown reason \(name)")
        }
    }

    /// Encodes the shape above, leaving out absent fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch item {
        case .device(let id): try container.encode(id, forKey: .device)
        case .seat(let id): try container.encode(id, forKey: .seat)
        }
        try container.encodeIfPresent(customer, forKey: .customer)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(kind, forKey: .kind)
        try container.encodeIfPresent(status, forKey: .status)
        switch reason {
        case .counted: try container.encode("counted", forKey: .reason)
        case .notYetAdded: try container.encode("notYetAdded", forKey: .reason)
        case .seatInactive: try container.encode("seatInactive", forKey: .reason)
        case .status: try container.encode("status", forKey: .reason)
        case .kindNotBillable: try container.encode("kindNotBillable", forKey: .reason)
        case .mergedDuplicate(let survivor):
            try container.encode("mergedDuplicate", forKey: .reason)
            try container.encode(survivor, forKey: .survivor)
        }
    }
}

extension Depreciation: Codable {
    private enum CodingKeys: String, CodingKey {
        case cost, salvage, inService, lifeMonths, method, annualRate, convention
    }

    /// Decodes the schedule's parameters and rebuilds it: `{"cost": {…}, "salvage": {…},
    /// "inService": "2026-03-15", "lifeMonths": 36, "method": "straightLine",
    /// "convention": "fullMonth"}`, or `"method": "decliningBalance"` with
    /// `"annualRate": "200"` (percent).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let methodName = try container.decode(String.self, forKey: .method)
        let method: Method
        switch methodName {
        case "straightLine": method = .straightLine
        case "decliningBalance":
            method = .decliningBalance(try container.decode(Percentage.self, forKey: .annualRate))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .method, in: container, debugDescription: "unknown method \(methodName)")
        }
        try self.init(
            cost: container.decode(Money.self, forKey: .cost),
            salvage: container.decode(Money.self, forKey: .salvage),
            inService: container.decode(LocalDate.self, forKey: .inService),
            lifeMonths: container.decode(Int.self, forKey: .lifeMonths), method: method,
            convention: container.decode(Convention.self, forKey: .convention))
    }

    /// Encodes the parameters (the months follow from them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cost, forKey: .cost)
        try container.encode(salvage, forKey: .salvage)
        try container.encode(inService, forKey: .inService)
        try container.encode(lifeMonths, forKey: .lifeMonths)
        switch method {
        case .straightLine: try container.encode("straightLine", forKey: .method)
        case .decliningBalance(let rate):
            try container.encode("decliningBalance", forKey: .method)
            try container.encode(rate, forKey: .annualRate)
        }
        try container.encode(convention, forKey: .convention)
    }
}

extension InventorySnapshot: Codable {
    private enum CodingKeys: String, CodingKey {
        case instant, devices, activeSeats
    }

    /// Decodes `{"instant": "2026-04-15T00:00:00.000Z", "devices": [DeviceRecord],
    /// "activeSeats": [Seat]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            instant: try container.decodeISO8601Instant(forKey: .instant),
            devices: try container.decode([DeviceRecord].self, forKey: .devices),
            activeSeats: try container.decode([Seat].self, forKey: .activeSeats))
    }

    /// Encodes the shape above, the instant in UTC with milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeISO8601Instant(instant, forKey: .instant)
        try container.encode(devices, forKey: .devices)
        try container.encode(activeSeats, forKey: .activeSeats)
    }
}

extension IdentityResolver: Codable {
    private enum CodingKeys: String, CodingKey {
        case rules, ignoredSerialNumbers, ignoredMACAddresses
    }

    /// Decodes `{"rules": [MatchRule], "ignoredSerialNumbers": ["DEFAULT STRING"],
    /// "ignoredMACAddresses": ["02:00:4C:4F:4F:50"]}`; absent lists take the defaults of
    /// ``init(rules:ignoredSerialNumbers:ignoredMACAddresses:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            rules: container.decodeIfPresent([MatchRule].self, forKey: .rules)
                ?? [.sameSerial, .sameAgentID, .sharedMAC],
            ignoredSerialNumbers: container.decodeIfPresent(
                Set<String>.self, forKey: .ignoredSerialNumbers)
                ?? IdentityResolver.placeholderSerialNumbers,
            ignoredMACAddresses: container.decodeIfPresent(
                Set<MACAddress>.self, forKey: .ignoredMACAddresses) ?? [])
    }

    /// Encodes the shape above, the lists sorted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rules, forKey: .rules)
        try container.encode(ignoredSerialNumbers.sorted(), forKey: .ignoredSerialNumbers)
        try container.encode(ignoredMACAddresses.sorted(), forKey: .ignoredMACAddresses)
    }
}

extension EnvironmentAssessment: Codable {
    private enum CodingKeys: String, CodingKey {
        case customer, date, deviceCount, devicesByKind, devicesByOperatingSystem
        case devicesBySite, devicesWithoutSite, outOfWarranty, pastEndOfLife, unassigned
        case suspectedDuplicates, violations
    }

    /// Decodes `{"customer": "acme", "date": "2026-04-10", "deviceCount": 4,
    /// "devicesByKind": {"laptop": 2}, "devicesByOperatingSystem": {"Windows": 3},
    /// "devicesBySite": {"hq": 2}, "devicesWithoutSite": 2, "outOfWarranty": ["lap-1"],
    /// "pastEndOfLife": [], "unassigned": [], "suspectedDuplicates": [DuplicateMatch],
    /// "violations": [PolicyViolation]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var byKind: [DeviceKind: Int] = [:]
        for (name, count) in try container.decode([String: Int].self, forKey: .devicesByKind) {
            byKind[try DeviceKind(name)] = count
        }
        var bySite: [SiteID: Int] = [:]
        for (name, count) in try container.decode([String: Int].self, forKey: .devicesBySite) {
            bySite[try SiteID(name)] = count
        }
        self.init(
            customer: try container.decode(CustomerID.self, forKey: .customer),
            date: try container.decode(LocalDate.self, forKey: .date),
            deviceCount: try container.decode(Int.self, forKey: .deviceCount),
            devicesByKind: byKind,
            devicesByOperatingSystem: try container.decode(
                [String: Int].self, forKey: .devicesByOperatingSystem),
            devicesBySite: bySite,
            devicesWithoutSite: try container.decode(Int.self, forKey: .devicesWithoutSite),
            outOfWarranty: try container.decode([DeviceID].self, forKey: .outOfWarranty),
            pastEndOfLife: try container.decode([DeviceID].self, forKey: .pastEndOfLife),
            unassigned: try container.decode([DeviceID].self, forKey: .unassigned),
            suspectedDuplicates: try container.decode(
                [DuplicateMatch].self, forKey: .suspectedDuplicates),
            violations: try container.decode([PolicyViolation].self, forKey: .violations))
    }

    /// Encodes the shape above; the per-kind and per-site counts are objects keyed by name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customer, forKey: .customer)
        try container.encode(date, forKey: .date)
        try container.encode(deviceCount, forKey: .deviceCount)
        var byKind: [String: Int] = [:]
        for (kind, count) in devicesByKind { byKind[kind.name] = count }
        try container.encode(byKind, forKey: .devicesByKind)
        try container.encode(devicesByOperatingSystem, forKey: .devicesByOperatingSystem)
        var bySite: [String: Int] = [:]
        for (site, count) in devicesBySite { bySite[site.rawValue] = count }
        try container.encode(bySite, forKey: .devicesBySite)
        try container.encode(devicesWithoutSite, forKey: .devicesWithoutSite)
        try container.encode(outOfWarranty, forKey: .outOfWarranty)
        try container.encode(pastEndOfLife, forKey: .pastEndOfLife)
        try container.encode(unassigned, forKey: .unassigned)
        try container.encode(suspectedDuplicates, forKey: .suspectedDuplicates)
        try container.encode(violations, forKey: .violations)
    }
}
