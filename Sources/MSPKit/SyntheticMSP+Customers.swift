import Foundation
import MSPBilling
import MSPContracts
import MSPCore
import MSPInventory
import MSPMonitoring
import MSPSLA

/// SplitMix64 (Steele, Lea and Flood): a small, fast, seedable generator; the same seed
/// always gives the same sequence on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0 ..< bound` (bound > 0), with negligible bias for small bounds.
    mutating func below(_ bound: Int64) -> Int64 {
        Int64(next() % UInt64(bound))
    }
}

/// Generates one customer document after another from one random sequence per customer
/// (seeded from the data set's seed and the customer's index, so a customer's data does
/// not depend on the others').
struct CustomerGenerator {
    let period: BillingPeriod
    let seed: UInt64
    let start: Int64
    let end: Int64
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
    static let plans = [
        "per-device", "per-user", "tiered", "all-inclusive", "monitoring-only", "break-fix",
    ]
    /// The period's Sundays 02:00–04:00 local: the weekly maintenance window.
    let maintenance: [DateRange]

    init(period: BillingPeriod, seed: UInt64) {
        self.period = period
        self.seed = seed
        self.start = period.range.startMilliseconds
        self.end = period.range.endMilliseconds
        var windows: [DateRange] = []
        var date = period.startDate
        while date < period.endDate {
            if date.weekday == .sunday,
                let midnight = try? date.firstInstant(inTimeZone: period.timeZoneIdentifier),
                let ms = DateRange.milliseconds(of: midnight),
                let window = try? DateRange(
                    startMilliseconds: ms + 2 * Self.hour, endMilliseconds: ms + 4 * Self.hour)
            {
                windows.append(window)
            }
            guard let next = try? date.adding(days: 1) else { break }
            date = next
        }
        self.maintenance = windows
    }

    static func date(_ ms: Int64) -> Date { DateRange.instant(milliseconds: ms) }

    /// A random instant in `lower ..< upper` (milliseconds), on a whole minute.
    static func minute(in lower: Int64, _ upper: Int64, _ rng: inout SplitMix64) -> Int64 {
        let at = lower + rng.below(Swift.max(1, upper - lower))
        return at - (at - lower) % minute
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    mutating func customer(_ index: Int, devices: Int, users: Int, tickets: Int, outages: Int)
        throws -> CustomerDocument
    {
        var rng = SplitMix64(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let number = Self.padded(index + 1, 5)
        let id = try CustomerID("c\(number)")
        let zone = period.timeZoneIdentifier
        let customer = try Customer(id: id, name: "Customer \(number)", timeZoneIdentifier: zone)
        let model = index % 6
        let plan = try PricePlanID(Self.plans[model])
        let level = try SLAPolicyID(model == 5 ? "basic" : model == 4 ? "monitoring" : "managed")
        let type: AgreementType =
            model == 4 ? .monitoringOnly : model == 5 ? .breakFix : .fullyManaged

        // Agreement: most started in 2025; some start mid-period (new), some gave notice,
        // some ended before the period (churn), some return after a gap (reactivation).
        let startsInPeriod = index % 20 == 7
        let ended = index % 50 == 11
        let inNotice = index % 20 == 13
        let returning = index % 50 == 23
        let startDate =
            startsInPeriod
            ? try period.startDate.adding(days: 9)
            : try LocalDate(year: 2025, month: 1 + index % 12, day: 1)
        let agreement = try Agreement(
            id: AgreementID("a\(number)"), customer: id, type: type, startDate: startDate,
            initialTermMonths: 12, renewal: .tacit(months: 12), noticePeriod: .months(1),
            timeZoneIdentifier: zone, pricePlans: DatedAssignments(plan, from: startDate),
            slaPolicies: DatedAssignments(level, from: startDate))
        var events = [AgreementEvent(.signed, on: startDate)]
        if inNotice {
            events.append(
                AgreementEvent(
                    .noticeGiven(by: .customer), on: try period.startDate.adding(days: 4)))
        }
        if ended {
            events.append(
                AgreementEvent(
                    .terminated(.convenience), on: try period.startDate.adding(days: -10)))
        }
        let coverage: Coverage? =
            switch model {
            case 5: nil
            case 4:
                try Coverage(
                    includedWorkTypes: [], excludedWorkTypes: ["remote", "onsite", "project"])
            default:
                try Coverage(
                    includedWorkTypes: ["remote", "onsite"], excludedWorkTypes: ["project"])
            }
        var blockHours: BlockHours?
        if model == 5 {
            let block = try PrepaidBlock(
                id: "b\(number)-\(period.startDate)", kind: .hours, quantity: 600,
                validity: period.range)
            var draws: [BlockDraw] = []
            for draw in 0..<Int(2 + rng.below(5)) {
                let at = Self.minute(in: start, end - Self.day, &rng)
                draws.append(
                    try BlockDraw(
                        id: "d\(number)-\(draw + 1)", kind: .hours, workDate: Self.date(at),
                        quantity: 60 + 15 * rng.below(13)))
            }
            blockHours = BlockHours(
                blocks: [block], draws: draws,
                overageRate: try PreciseMoney(parsing: "150.00", currency: .usd))
        }
        let record = AgreementRecord(
            agreement: agreement, events: events, coverage: coverage, blockHours: blockHours)

        let deviceEvents = try self.devices(devices, customer: id, number: number, rng: &rng)
        let seats = try self.seats(users, customer: id, number: number, rng: &rng)
        let ticketList = try self.tickets(
            tickets, customer: id, number: number, breakFix: model == 5, rng: &rng)
        let services = try self.services(outages, customer: id, index: index, rng: &rng)

        let existing = !startsInPeriod && !returning
        let previous =
            existing ? Money(minorUnits: 20_000 + rng.below(580_000), currency: .usd) : nil
        return CustomerDocument(
            customer: customer, agreement: record, seats: seats, deviceEvents: deviceEvents,
            tickets: ticketList, services: services, previousMRR: previous,
            previouslyActive: existing || returning)
    }

    func devices(_ count: Int, customer: CustomerID, number: String, rng: inout SplitMix64)
        throws -> [InventoryEvent]
    {
        var events: [InventoryEvent] = []
        events.reserveCapacity(count + count / 20)
        var sequence: Int64 = 0
        for device in 0..<count {
            let roll = rng.below(100)
            let kind: DeviceKind =
                roll < 55
                ? .workstation
                : roll < 70 ? .laptop : roll < 85 ? .server : roll < 95 ? .networkDevice : .printer
            let id = try DeviceID("\(customer.rawValue)-d\(Self.padded(device + 1, 5))")
            let lifecycle = rng.below(100)
            let added =
                lifecycle < 4
                ? Self.minute(in: start, end, &rng)
                : start - Self.day * (1 + rng.below(700))
            sequence += 1
            events.append(
                try InventoryEvent(
                    sequence: sequence, effective: Self.date(added),
                    added: try DeviceRecord(id: id, kind: kind, customer: customer)))
            if lifecycle >= 96 {
                sequence += 1
                let retired = Self.minute(in: start, end, &rng)
                events.append(
                    try InventoryEvent(
                        sequence: sequence, device: id, effective: Self.date(retired),
                        change: .retired))
            }
        }
        return events
    }

    func seats(_ count: Int, customer: CustomerID, number: String, rng: inout SplitMix64)
        throws -> [Seat]
    {
        var seats: [Seat] = []
        seats.reserveCapacity(count)
        for user in 0..<count {
            let from =
                rng.below(100) < 5
                ? Self.minute(in: start, end, &rng) : start - Self.day * (1 + rng.below(700))
            seats.append(
                Seat(
                    id: try UserID("\(customer.rawValue)-u\(Self.padded(user + 1, 5))"),
                    customer: customer,
                    activeRanges: [
                        try DateRange(
                            startMilliseconds: from, endMilliseconds: end + 365 * Self.day)
                    ]))
        }
        return seats
    }

    func tickets(
        _ count: Int, customer: CustomerID, number: String, breakFix: Bool,
        rng: inout SplitMix64
    ) throws -> [Ticket] {
        var tickets: [Ticket] = []
        tickets.reserveCapacity(count)
        let workTypes = ["remote", "remote", "remote", "onsite", "onsite", "project"]
        for ticket in 0..<count {
            let created = Self.minute(in: start, end - 4 * Self.day, &rng)
            let roll = rng.below(10)
            let priority: TicketPriority = roll == 0 ? "P1" : roll < 4 ? "P2" : "P3"
            var events = [TicketEvent(.created(priority: priority), at: Self.date(created))]
            events.append(
                TicketEvent(
                    .publicReply, at: Self.date(created + Self.minute * (5 + rng.below(600)))))
            if rng.below(5) == 0 {
                events.append(
                    TicketEvent(
                        .statusChanged(to: .waitingOnCustomer),
                        at: Self.date(created + 2 * Self.hour)))
                events.append(
                    TicketEvent(.statusChanged(to: .open), at: Self.date(created + 26 * Self.hour)))
            }
            if priority != "P1", rng.below(10) == 0 {
                events.append(
                    TicketEvent(.priorityChanged(to: "P1"), at: Self.date(created + Self.hour)))
            }
            let resolved = created + Self.hour * (1 + rng.below(72))
            events.append(TicketEvent(.resolved, at: Self.date(resolved)))
            let ticketID = "\(customer.rawValue)-t\(Self.padded(ticket + 1, 5))"
            var entries: [TimeEntry] = []
            if rng.below(2) == 0 {
                let begin = created + 30 * Self.minute
                entries.append(
                    try TimeEntry(
                        id: "\(ticketID)-e1", customer: customer, role: "engineer",
                        workType: workTypes[Int(rng.below(6))], start: Self.date(begin),
                        end: Self.date(begin + Self.minute * (15 + rng.below(165)))))
            }
            var materials: [MaterialCharge] = []
            if breakFix, rng.below(10) == 0 {
                materials.append(
                    try MaterialCharge(
                        description: "Replacement part",
                        unitCost: Money(minorUnits: 2_500 + rng.below(20_000), currency: .usd),
                        quantity: 1 + rng.below(3), markup: Percentage(20)))
            }
            tickets.append(
                Ticket(
                    id: try TicketID(ticketID), customer: customer, events: events,
                    timeEntries: entries, materials: materials))
        }
        return tickets
    }

    func services(_ count: Int, customer: CustomerID, index: Int, rng: inout SplitMix64)
        throws -> [MonitoredService]
    {
        let serviceCount = 1 + index % 3
        let names = ["Email", "File server", "Line of business app"]
        var services: [MonitoredService] = []
        for service in 0..<serviceCount {
            let share = SyntheticMSP.share(count, of: service, among: serviceCount)
            var outages: [Outage] = []
            outages.reserveCapacity(share)
            for _ in 0..<share {
                let roll = rng.below(100)
                let from: Int64
                if roll < 5, !maintenance.isEmpty {
                    let window = maintenance[Int(rng.below(Int64(maintenance.count)))]
                    from = window.startMilliseconds + 10 * Self.minute
                } else {
                    from = Self.minute(in: start, end - 2 * Self.hour, &rng)
                }
                let length = Self.minute * (1 + rng.below(90))
                outages.append(
                    Outage(
                        range: try DateRange(
                            startMilliseconds: from, endMilliseconds: from + length),
                        kind: roll >= 90 ? .unknown : .down))
            }
            services.append(
                MonitoredService(
                    id: try ServiceID("s\(service + 1)"), customer: customer, name: names[service],
                    outages: outages, maintenance: MaintenanceSchedule(ranges: maintenance)))
        }
        return services
    }
}
