import Foundation
import MSPCore

extension DeviceField: Codable {
    private enum CodingKeys: String, CodingKey {
        case field, value
    }

    /// Decodes `{"field": "hostname", "value": "PC-7"}`; `"value": null` clears a field.
    /// Field names are the case names: `kind`, `hostname`, `serialNumber`, `macAddresses`,
    /// `agentID`, `operatingSystem`, `purchase`, `warrantyEnd`, `endOfLife`,
    /// `assignedUser`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let field = try container.decode(String.self, forKey: .field)
        switch field {
        case "kind": self = .kind(try container.decode(DeviceKind.self, forKey: .value))
        case "hostname":
            self = .hostname(try container.decodeIfPresent(String.self, forKey: .value))
        case "serialNumber":
            self = .serialNumber(try container.decodeIfPresent(String.self, forKey: .value))
        case "macAddresses":
            self = .macAddresses(try container.decode([MACAddress].self, forKey: .value))
        case "agentID": self = .agentID(try container.decodeIfPresent(String.self, forKey: .value))
        case "operatingSystem":
            self = .operatingSystem(
                try container.decodeIfPresent(OperatingSystem.self, forKey: .value))
        case "purchase":
            self = .purchase(try container.decodeIfPresent(Purchase.self, forKey: .value))
        case "warrantyEnd":
            self = .warrantyEnd(try container.decodeIfPresent(LocalDate.self, forKey: .value))
        case "endOfLife":
            self = .endOfLife(try container.decodeIfPresent(LocalDate.self, forKey: .value))
        case "assignedUser":
            self = .assignedUser(try container.decodeIfPresent(UserID.self, forKey: .value))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .field, in: container, debugDescription: "unknown device field \(field)")
        }
    }

    /// Encodes the shape above; a cleared field encodes `"value": null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .kind(let value):
            try container.encode("kind", forKey: .field)
            try container.encode(value, forKey: .value)
        case .hostname(let value):
            try container.encode("hostname", forKey: .field)
            try container.encode(value, forKey: .value)
        case .serialNumber(let value):
            try container.encode("serialNumber", forKey: .field)
            try container.encode(value, forKey: .value)
        case .macAddresses(let value):
            try container.encode("macAddresses", forKey: .field)
            try container.encode(value, forKey: .value)
        case .agentID(let value):
            try container.encode("agentID", forKey: .field)
            try container.encode(value, forKey: .value)
        case .operatingSystem(let value):
            try container.encode("operatingSystem", forKey: .field)
            try container.encode(value, forKey: .value)
        case .purchase(let value):
            try container.encode("purchase", forKey: .field)
            try container.encode(value, forKey: .value)
        case .warrantyEnd(let value):
            try container.encode("warrantyEnd", forKey: .field)
            try container.encode(value, forKey: .value)
        case .endOfLife(let value):
            try container.encode("endOfLife", forKey: .field)
            try container.encode(value, forKey: .value)
        case .assignedUser(let value):
            try container.encode("assignedUser", forKey: .field)
            try container.encode(value, forKey: .value)
        }
    }
}

extension InventoryEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case sequence, device, effective, change
    }

    private enum ChangeKeys: String, CodingKey {
        case type, record, fields, status, customer, site
    }

    /// Decodes `{"sequence": 2, "device": "pc-1", "effective": "2026-04-20T04:00:00.000Z",
    /// "change": {"type": "retired"}}`. The change is one of
    /// `{"type": "added", "record": {…}}`, `{"type": "fieldsChanged", "fields": […]}`,
    /// `{"type": "statusChanged", "status": "inactive"}`,
    /// `{"type": "moved", "customer": "globex", "site": "berlin"}` (site optional) and
    /// `{"type": "retired"}`. The instant is RFC 3339: `YYYY-MM-DDTHH:MM:SS`, optionally 1 to 9
    /// fractional digits, then `Z` or `±HH:MM`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let effective = try container.decodeISO8601Instant(forKey: .effective)
        let changeContainer = try container.nestedContainer(
            keyedBy: ChangeKeys.self, forKey: .change)
        let type = try changeContainer.decode(String.self, forKey: .type)
        let change: Change
        switch type {
        case "added":
            change = .added(try changeContainer.decode(DeviceRecord.self, forKey: .record))
        case "fieldsChanged":
            change = .fieldsChanged(try changeContainer.decode([DeviceField].self, forKey: .fields))
        case "statusChanged":
            change = .statusChanged(
                try changeContainer.decode(LifecycleStatus.self, forKey: .status))
        case "moved":
            change = .moved(
                customer: try changeContainer.decode(CustomerID.self, forKey: .customer),
                site: try changeContainer.decodeIfPresent(SiteID.self, forKey: .site))
        case "retired": change = .retired
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: changeContainer, debugDescription: "unknown change \(type)")
        }
        try self.init(
            sequence: container.decode(Int64.self, forKey: .sequence),
            device: container.decode(DeviceID.self, forKey: .device), effective: effective,
            change: change)
    }

    /// Encodes the shape above, the instant in UTC with milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(device, forKey: .device)
        try container.encodeISO8601Instant(effective, forKey: .effective)
        var changeContainer = container.nestedContainer(keyedBy: ChangeKeys.self, forKey: .change)
        switch change {
        case .added(let record):
            try changeContainer.encode("added", forKey: .type)
            try changeContainer.encode(record, forKey: .record)
        case .fieldsChanged(let fields):
            try changeContainer.encode("fieldsChanged", forKey: .type)
            try changeContainer.encode(fields, forKey: .fields)
        case .statusChanged(let status):
            try changeContainer.encode("statusChanged", forKey: .type)
            try changeContainer.encode(status, forKey: .status)
        case .moved(let customer, let site):
            try changeContainer.encode("moved", forKey: .type)
            try changeContainer.encode(customer, forKey: .customer)
            try changeContainer.encodeIfPresent(site, forKey: .site)
        case .retired:
            try changeContainer.encode("retired", forKey: .type)
        }
    }
}

extension InventoryHistory: Codable {
    private enum CodingKeys: String, CodingKey {
        case customers, sites, seats, events, merges
    }

    /// Decodes `{"customers": […], "sites": […], "seats": […], "events": […],
    /// "merges": […]}` (all but `customers` and `events` optional) and builds the history,
    /// with every check of ``init(customers:sites:seats:events:merges:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        try self.init(
            customers: limits.decodeArray(Customer.self, forKey: .customers, in: container),
            sites: limits.decodeArrayIfPresent(Site.self, forKey: .sites, in: container) ?? [],
            seats: limits.decodeArrayIfPresent(Seat.self, forKey: .seats, in: container) ?? [],
            events: limits.decodeArray(InventoryEvent.self, forKey: .events, in: container),
            merges: limits.decodeArrayIfPresent(DeviceMerge.self, forKey: .merges, in: container)
                ?? [])
    }

    /// Encodes the shape above, events grouped by device in application order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customers, forKey: .customers)
        try container.encode(sites, forKey: .sites)
        try container.encode(seats, forKey: .seats)
        try container.encode(events, forKey: .events)
        try container.encode(merges, forKey: .merges)
    }
}
