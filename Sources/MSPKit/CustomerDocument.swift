import MSPBilling
import MSPContracts
import MSPCore
import MSPInventory
import MSPMonitoring
import MSPSLA

/// Everything about one customer that a period close needs: the customer, its agreement,
/// its inventory, tickets, monitored services and prepaid hours, and its MRR before the
/// period.
///
/// A data folder holds one per customer as `customers/<id>.json`; see
/// `Docs/DataFormats.md`. Every record carries its customer, and a record of another
/// customer is a ``PeriodCloseError`` `customerMismatch` when the period is closed. In
/// JSON every array may be omitted (empty), `previousMRR` may be omitted (zero) and
/// `previouslyActive` defaults to `false`.
public struct CustomerDocument: Sendable, Hashable, Codable {
    /// The customer, with its time zone and billable-category map.
    public var customer: Customer
    /// The agreement and what happened to it.
    public var agreement: AgreementRecord
    /// The customer's sites.
    public var sites: [Site]
    /// The customer's users and licence seats.
    public var seats: [Seat]
    /// Every change to every device of the customer, in any order.
    public var deviceEvents: [InventoryEvent]
    /// Tickets with their events, time entries and materials.
    public var tickets: [Ticket]
    /// Monitored services with their outages or state timeline and maintenance.
    public var services: [MonitoredService]
    /// Third-party costs billed at cost this period (licences), priced by percentage
    /// components of the plan.
    public var passThroughCosts: [PassThroughCost]
    /// The customer's MRR at the end of the previous period (`nil`: none).
    public var previousMRR: Money?
    /// Whether the customer had MRR at any time before the previous period's end: a
    /// return from zero is then a reactivation, not new business.
    public var previouslyActive: Bool

    /// Creates a customer document.
    public init(
        customer: Customer, agreement: AgreementRecord, sites: [Site] = [], seats: [Seat] = [],
        deviceEvents: [InventoryEvent] = [], tickets: [Ticket] = [],
        services: [MonitoredService] = [], passThroughCosts: [PassThroughCost] = [],
        previousMRR: Money? = nil, previouslyActive: Bool = false
    ) {
        self.customer = customer
        self.agreement = agreement
        self.sites = sites
        self.seats = seats
        self.deviceEvents = deviceEvents
        self.tickets = tickets
        self.services = services
        self.passThroughCosts = passThroughCosts
        self.previousMRR = previousMRR
        self.previouslyActive = previouslyActive
    }

    private enum CodingKeys: String, CodingKey {
        case customer, agreement, sites, seats, deviceEvents, tickets, services
        case passThroughCosts, previousMRR, previouslyActive
    }

    /// Decodes the documented JSON object; omitted arrays are empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        self.init(
            customer: try c.decode(Customer.self, forKey: .customer),
            agreement: try c.decode(AgreementRecord.self, forKey: .agreement),
            sites: try limits.decodeArrayIfPresent(Site.self, forKey: .sites, in: c) ?? [],
            seats: try limits.decodeArrayIfPresent(Seat.self, forKey: .seats, in: c) ?? [],
            deviceEvents: try limits.decodeArrayIfPresent(
                InventoryEvent.self, forKey: .deviceEvents, in: c) ?? [],
            tickets: try limits.decodeArrayIfPresent(Ticket.self, forKey: .tickets, in: c) ?? [],
            services: try limits.decodeArrayIfPresent(
                MonitoredService.self, forKey: .services, in: c) ?? [],
            passThroughCosts: try limits.decodeArrayIfPresent(
                PassThroughCost.self, forKey: .passThroughCosts, in: c) ?? [],
            previousMRR: try c.decodeIfPresent(Money.self, forKey: .previousMRR),
            previouslyActive: try c.decodeIfPresent(Bool.self, forKey: .previouslyActive) ?? false)
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customer, forKey: .customer)
        try c.encode(agreement, forKey: .agreement)
        try c.encode(sites, forKey: .sites)
        try c.encode(seats, forKey: .seats)
        try c.encode(deviceEvents, forKey: .deviceEvents)
        try c.encode(tickets, forKey: .tickets)
        try c.encode(services, forKey: .services)
        try c.encode(passThroughCosts, forKey: .passThroughCosts)
        try c.encodeIfPresent(previousMRR, forKey: .previousMRR)
        try c.encode(previouslyActive, forKey: .previouslyActive)
    }
}

/// A customer's agreement with its lifecycle events, what it covers and its prepaid hours.
///
/// JSON: `{"agreement": Agreement, "events": [AgreementEvent], "coverage": Coverage,
/// "blockHours": BlockHours}`; `events` may be omitted (empty), `coverage` (nothing
/// covered: every time entry is billable unless marked no charge) and `blockHours` too.
public struct AgreementRecord: Sendable, Hashable, Codable {
    /// The agreement: term, renewal, notice, price plans and SLA policies.
    public var agreement: Agreement
    /// Signed, notice, renewals, termination.
    public var events: [AgreementEvent]
    /// Which work the agreement covers; `nil` covers nothing.
    public var coverage: Coverage?
    /// Prepaid block hours, if the agreement has them.
    public var blockHours: BlockHours?

    /// Creates an agreement record.
    public init(
        agreement: Agreement, events: [AgreementEvent] = [], coverage: Coverage? = nil,
        blockHours: BlockHours? = nil
    ) {
        self.agreement = agreement
        self.events = events
        self.coverage = coverage
        self.blockHours = blockHours
    }

    private enum CodingKeys: String, CodingKey { case agreement, events, coverage, blockHours }

    /// Decodes the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        self.init(
            agreement: try c.decode(Agreement.self, forKey: .agreement),
            events: try limits.decodeArrayIfPresent(AgreementEvent.self, forKey: .events, in: c)
                ?? [],
            coverage: try c.decodeIfPresent(Coverage.self, forKey: .coverage),
            blockHours: try c.decodeIfPresent(BlockHours.self, forKey: .blockHours))
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agreement, forKey: .agreement)
        try c.encode(events, forKey: .events)
        try c.encodeIfPresent(coverage, forKey: .coverage)
        try c.encodeIfPresent(blockHours, forKey: .blockHours)
    }
}

/// Prepaid block hours: the blocks bought, the draws against them (minutes), and the price
/// of an hour beyond them.
///
/// JSON: `{"blocks": [PrepaidBlock], "draws": [BlockDraw], "rolloverCap": 120,
/// "overageRate": {"amount": "150.00", "currency": "USD"}}` (`rolloverCap` optional).
public struct BlockHours: Sendable, Hashable, Codable {
    /// The blocks of minutes bought, each with its validity.
    public var blocks: [PrepaidBlock]
    /// The minutes drawn, each on a work date.
    public var draws: [BlockDraw]
    /// The most minutes an expiring block carries over, or `nil` for no rollover.
    public var rolloverCap: Int64?
    /// The hourly price of minutes beyond the blocks.
    public var overageRate: PreciseMoney

    /// Creates block hours.
    public init(
        blocks: [PrepaidBlock], draws: [BlockDraw], rolloverCap: Int64? = nil,
        overageRate: PreciseMoney
    ) {
        self.blocks = blocks
        self.draws = draws
        self.rolloverCap = rolloverCap
        self.overageRate = overageRate
    }
}

/// A ticket: its SLA events, and the work logged on it.
///
/// JSON: `{"id": "T-1", "customer": "acme", "events": [TicketEvent], "timeEntries":
/// [TimeEntry], "materials": [MaterialCharge]}`; `timeEntries` and `materials` may be omitted.
public struct Ticket: Sendable, Hashable, Codable {
    /// The ticket's identifier, unique within the customer.
    public var id: TicketID
    /// The customer the ticket is for.
    public var customer: CustomerID
    /// Created, priority and status changes, replies, resolve, reopen, close.
    public var events: [TicketEvent]
    /// Work logged on the ticket; coverage decides covered or billable.
    public var timeEntries: [TimeEntry]
    /// Parts used, billed at cost plus markup.
    public var materials: [MaterialCharge]

    /// Creates a ticket.
    public init(
        id: TicketID, customer: CustomerID, events: [TicketEvent],
        timeEntries: [TimeEntry] = [], materials: [MaterialCharge] = []
    ) {
        self.id = id
        self.customer = customer
        self.events = events
        self.timeEntries = timeEntries
        self.materials = materials
    }

    private enum CodingKeys: String, CodingKey { case id, customer, events, timeEntries, materials }

    /// Decodes the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        self.init(
            id: try c.decode(TicketID.self, forKey: .id),
            customer: try c.decode(CustomerID.self, forKey: .customer),
            events: try limits.decodeArray(TicketEvent.self, forKey: .events, in: c),
            timeEntries: try limits.decodeArrayIfPresent(
                TimeEntry.self, forKey: .timeEntries, in: c) ?? [],
            materials: try limits.decodeArrayIfPresent(
                MaterialCharge.self, forKey: .materials, in: c) ?? [])
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(customer, forKey: .customer)
        try c.encode(events, forKey: .events)
        try c.encode(timeEntries, forKey: .timeEntries)
        try c.encode(materials, forKey: .materials)
    }
}

/// A monitored service: its outages (or a state timeline they are derived from) and its
/// maintenance, measured against the service level's availability objective.
///
/// JSON: `{"id": "mail", "customer": "acme", "name": "Mail", "outages": [Outage],
/// "timeline": StateTimeline, "maintenance": MaintenanceSchedule}`; give `outages` or
/// `timeline`, not both; `maintenance` may be omitted (none).
public struct MonitoredService: Sendable, Hashable, Codable {
    /// The service's identifier, unique within the customer.
    public var id: ServiceID
    /// The customer the service is monitored for.
    public var customer: CustomerID
    /// A name for reports.
    public var name: String
    /// Down and unknown intervals.
    public var outages: [Outage]
    /// A state timeline to derive the outages from, instead of `outages`.
    public var timeline: StateTimeline?
    /// Planned maintenance, excluded from downtime and from the measured time.
    public var maintenance: MaintenanceSchedule

    /// Creates a monitored service.
    public init(
        id: ServiceID, customer: CustomerID, name: String, outages: [Outage] = [],
        timeline: StateTimeline? = nil, maintenance: MaintenanceSchedule = .none
    ) {
        self.id = id
        self.customer = customer
        self.name = name
        self.outages = outages
        self.timeline = timeline
        self.maintenance = maintenance
    }

    private enum CodingKeys: String, CodingKey {
        case id, customer, name, outages, timeline, maintenance
    }

    /// Decodes the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        self.init(
            id: try c.decode(ServiceID.self, forKey: .id),
            customer: try c.decode(CustomerID.self, forKey: .customer),
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            outages: try limits.decodeArrayIfPresent(Outage.self, forKey: .outages, in: c) ?? [],
            timeline: try c.decodeIfPresent(StateTimeline.self, forKey: .timeline),
            maintenance: try c.decodeIfPresent(MaintenanceSchedule.self, forKey: .maintenance)
                ?? .none)
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(customer, forKey: .customer)
        try c.encode(name, forKey: .name)
        try c.encode(outages, forKey: .outages)
        try c.encodeIfPresent(timeline, forKey: .timeline)
        try c.encode(maintenance, forKey: .maintenance)
    }
}
