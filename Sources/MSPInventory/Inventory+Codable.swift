import Foundation
import MSPCore

// JSON shapes of the inventory model. Every decoder goes through the validating
// initialiser, so decoded values obey the same rules as built ones.

extension BillableCategoryMap: Codable {
    /// Decodes `{"laptop": "workstation", "server": "server", …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode([String: BillableCategory].self)
        var categories: [DeviceKind: BillableCategory] = [:]
        for (kind, category) in raw { categories[try DeviceKind(kind)] = category }
        self.init(categories)
    }

    /// Encodes an object from kind name to category name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        var raw: [String: BillableCategory] = [:]
        for (kind, category) in categories { raw[kind.name] = category }
        try container.encode(raw)
    }
}

extension Customer: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, timeZone, billableCategories
    }

    /// Decodes `{"id": "acme", "name": "Acme", "timeZone": "America/New_York",
    /// "billableCategories": {…}}`; a missing map is ``BillableCategoryMap/standard``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: container.decode(CustomerID.self, forKey: .id),
            name: container.decode(String.self, forKey: .name),
            timeZoneIdentifier: container.decode(String.self, forKey: .timeZone),
            billableCategories: container.decodeIfPresent(
                BillableCategoryMap.self, forKey: .billableCategories) ?? .standard)
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(timeZoneIdentifier, forKey: .timeZone)
        try container.encode(billableCategories, forKey: .billableCategories)
    }
}

extension Site: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, customer, name
    }

    /// Decodes `{"id": "hq", "customer": "acme", "name": "Head office"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: container.decode(SiteID.self, forKey: .id),
            customer: container.decode(CustomerID.self, forKey: .customer),
            name: container.decode(String.self, forKey: .name))
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(customer, forKey: .customer)
        try container.encode(name, forKey: .name)
    }
}

extension Seat: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, customer, category, activeRanges
    }

    /// Decodes `{"id": "jo", "customer": "acme", "category": "user", "activeRanges":
    /// [{"start": "…", "end": "…"}]}`; a missing category is `user`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(UserID.self, forKey: .id),
            customer: try container.decode(CustomerID.self, forKey: .customer),
            category: try container.decodeIfPresent(BillableCategory.self, forKey: .category)
                ?? .user,
            activeRanges: try container.decode([DateRange].self, forKey: .activeRanges))
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(customer, forKey: .customer)
        try container.encode(category, forKey: .category)
        try container.encode(activeRanges, forKey: .activeRanges)
    }
}

extension OperatingSystem: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, version
    }

    /// Decodes `{"name": "Windows 11 Pro", "version": "10.0.22631"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            version: container.decode(String.self, forKey: .version))
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(version, forKey: .version)
    }
}

extension Purchase: Codable {
    private enum CodingKeys: String, CodingKey {
        case date, cost
    }

    /// Decodes `{"date": "2026-01-15", "cost": {"amount": "1200.00", "currency": "USD"}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            date: container.decode(LocalDate.self, forKey: .date),
            cost: container.decode(Money.self, forKey: .cost))
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(cost, forKey: .cost)
    }
}

extension DeviceRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, kind, customer, site, hostname, serialNumber, macAddresses, agentID
        case operatingSystem, purchase, warrantyEnd, endOfLife, status, assignedUser
    }

    /// Decodes `{"id": "pc-1", "kind": "laptop", "customer": "acme", "status": "active",
    /// "macAddresses": ["00:1A:2B:3C:4D:5E"], …}`; optional fields may be absent or null,
    /// `macAddresses` defaults to none and `status` to `active`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: container.decode(DeviceID.self, forKey: .id),
            kind: container.decode(DeviceKind.self, forKey: .kind),
            customer: container.decode(CustomerID.self, forKey: .customer),
            site: container.decodeIfPresent(SiteID.self, forKey: .site),
            hostname: container.decodeIfPresent(String.self, forKey: .hostname),
            serialNumber: container.decodeIfPresent(String.self, forKey: .serialNumber),
            macAddresses: container.decodeIfPresent([MACAddress].self, forKey: .macAddresses)
                ?? [],
            agentID: container.decodeIfPresent(String.self, forKey: .agentID),
            operatingSystem: container.decodeIfPresent(
                OperatingSystem.self, forKey: .operatingSystem),
            purchase: container.decodeIfPresent(Purchase.self, forKey: .purchase),
            warrantyEnd: container.decodeIfPresent(LocalDate.self, forKey: .warrantyEnd),
            endOfLife: container.decodeIfPresent(LocalDate.self, forKey: .endOfLife),
            status: container.decodeIfPresent(LifecycleStatus.self, forKey: .status) ?? .active,
            assignedUser: container.decodeIfPresent(UserID.self, forKey: .assignedUser))
    }

    /// Encodes the shape above, leaving out absent optional fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(customer, forKey: .customer)
        try container.encodeIfPresent(site, forKey: .site)
        try container.encodeIfPresent(hostname, forKey: .hostname)
        try container.encodeIfPresent(serialNumber, forKey: .serialNumber)
        try container.encode(macAddresses, forKey: .macAddresses)
        try container.encodeIfPresent(agentID, forKey: .agentID)
        try container.encodeIfPresent(operatingSystem, forKey: .operatingSystem)
        try container.encodeIfPresent(purchase, forKey: .purchase)
        try container.encodeIfPresent(warrantyEnd, forKey: .warrantyEnd)
        try container.encodeIfPresent(endOfLife, forKey: .endOfLife)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(assignedUser, forKey: .assignedUser)
    }
}
