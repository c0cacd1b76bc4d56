import MSPCore

/// An operating system's name and version as the RMM reports them.
public struct OperatingSystem: Sendable, Hashable {
    /// The product name, such as `"Windows 11 Pro"` or `"Ubuntu"`.
    public let name: String
    /// The version text, such as `"10.0.22631"` or `"24.04"`.
    public let version: String

    /// Creates an operating system record.
    ///
    /// - Throws: ``InventoryError`` `invalidText` (fields `"operatingSystem.name"`,
    ///   `"operatingSystem.version"`) for blank text or text over 128 bytes.
    public init(name: String, version: String) throws(InventoryError) {
        self.name = try validatedText(name, field: "operatingSystem.name", limit: 128)
        self.version = try validatedText(version, field: "operatingSystem.version", limit: 128)
    }
}

/// When a device was bought and what it cost.
public struct Purchase: Sendable, Hashable {
    /// The purchase (in-service) date.
    public let date: LocalDate
    /// The price paid.
    public let cost: Money

    /// Creates a purchase record.
    ///
    /// - Throws: ``InventoryError`` `negativeAmount` (field `"purchase.cost"`).
    public init(date: LocalDate, cost: Money) throws(InventoryError) {
        guard !cost.isNegative else { throw .negativeAmount(cost, field: "purchase.cost") }
        self.date = date
        self.cost = cost
    }
}

/// Everything the inventory knows about one device at one moment: the state that the
/// history's events build up.
///
/// A record is valid when built: text fields are non-blank, the MAC addresses are sorted and
/// unique, the site (when set) is checked against the customer by the history, and the
/// warranty end and end-of-life dates are not before the purchase date.
public struct DeviceRecord: Sendable, Hashable, Identifiable {
    /// The device's identifier.
    public let id: DeviceID
    /// What sort of device it is.
    public internal(set) var kind: DeviceKind
    /// The customer the device is managed for.
    public internal(set) var customer: CustomerID
    /// The customer's site the device is at, if known.
    public internal(set) var site: SiteID?
    /// The host name.
    public internal(set) var hostname: String?
    /// The manufacturer's serial number.
    public internal(set) var serialNumber: String?
    /// The network adapters' hardware addresses, sorted and unique.
    public internal(set) var macAddresses: [MACAddress]
    /// The RMM agent's identifier for this installation; it changes when the machine is
    /// re-imaged.
    public internal(set) var agentID: String?
    /// The operating system.
    public internal(set) var operatingSystem: OperatingSystem?
    /// The purchase date and cost.
    public internal(set) var purchase: Purchase?
    /// The last day covered by the manufacturer's warranty.
    public internal(set) var warrantyEnd: LocalDate?
    /// The manufacturer's end-of-life (end of support) date.
    public internal(set) var endOfLife: LocalDate?
    /// The lifecycle status.
    public internal(set) var status: LifecycleStatus
    /// The person the device is assigned to.
    public internal(set) var assignedUser: UserID?

    /// Creates a device record.
    ///
    /// - Throws: ``InventoryError`` `invalidText` for a blank `hostname`, `serialNumber` or
    ///   `agentID` (or one over 256 bytes); `dateBeforePurchase` (fields `"warrantyEnd"`,
    ///   `"endOfLife"`) for a date before the purchase date.
    public init(
        id: DeviceID, kind: DeviceKind, customer: CustomerID, site: SiteID? = nil,
        hostname: String? = nil, serialNumber: String? = nil, macAddresses: [MACAddress] = [],
        agentID: String? = nil, operatingSystem: OperatingSystem? = nil,
        purchase: Purchase? = nil, warrantyEnd: LocalDate? = nil, endOfLife: LocalDate? = nil,
        status: LifecycleStatus = .active, assignedUser: UserID? = nil
    ) throws(InventoryError) {
        self.id = id
        self.kind = kind
        self.customer = customer
        self.site = site
        self.hostname = try validatedOptionalText(hostname, field: "hostname", limit: 256)
        self.serialNumber = try validatedOptionalText(
            serialNumber, field: "serialNumber", limit: 256)
        self.macAddresses = Array(Set(macAddresses)).sorted()
        self.agentID = try validatedOptionalText(agentID, field: "agentID", limit: 256)
        self.operatingSystem = operatingSystem
        self.purchase = purchase
        self.warrantyEnd = warrantyEnd
        self.endOfLife = endOfLife
        self.status = status
        self.assignedUser = assignedUser
        try validateDates()
    }

    /// Checks that the warranty end and end of life are not before the purchase date.
    internal func validateDates() throws(InventoryError) {
        guard let purchased = purchase?.date else { return }
        if let warrantyEnd, warrantyEnd < purchased {
            throw .dateBeforePurchase(warrantyEnd, purchase: purchased, field: "warrantyEnd")
        }
        if let endOfLife, endOfLife < purchased {
            throw .dateBeforePurchase(endOfLife, purchase: purchased, field: "endOfLife")
        }
    }

    /// Applies one field change, validating text; dates are checked by the caller once all
    /// fields of an event are applied.
    internal mutating func apply(_ field: DeviceField) throws(InventoryError) {
        switch field {
        case .kind(let value): kind = value
        case .hostname(let value):
            hostname = try validatedOptionalText(value, field: "hostname", limit: 256)
        case .serialNumber(let value):
            serialNumber = try validatedOptionalText(value, field: "serialNumber", limit: 256)
        case .macAddresses(let value): macAddresses = Array(Set(value)).sorted()
        case .agentID(let value):
            agentID = try validatedOptionalText(value, field: "agentID", limit: 256)
        case .operatingSystem(let value): operatingSystem = value
        case .purchase(let value): purchase = value
        case .warrantyEnd(let value): warrantyEnd = value
        case .endOfLife(let value): endOfLife = value
        case .assignedUser(let value): assignedUser = value
        }
    }
}

/// One field of a ``DeviceRecord`` set to a new value (`nil` clears it), as carried by a
/// ``InventoryEvent/Change/fieldsChanged(_:)`` event.
///
/// Status, customer and site change through their own events (``InventoryEvent/Change``'s
/// `statusChanged`, `moved`, `retired`), because they decide what is billed.
public enum DeviceField: Sendable, Hashable {
    /// A new kind.
    case kind(DeviceKind)
    /// A new host name.
    case hostname(String?)
    /// A new serial number.
    case serialNumber(String?)
    /// A new set of MAC addresses.
    case macAddresses([MACAddress])
    /// A new RMM agent id (after a re-image or an agent reinstall).
    case agentID(String?)
    /// A new operating system.
    case operatingSystem(OperatingSystem?)
    /// A new purchase record.
    case purchase(Purchase?)
    /// A new warranty end.
    case warrantyEnd(LocalDate?)
    /// A new end-of-life date.
    case endOfLife(LocalDate?)
    /// A new assigned user.
    case assignedUser(UserID?)
}
