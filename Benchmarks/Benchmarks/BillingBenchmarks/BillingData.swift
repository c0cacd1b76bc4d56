import BenchmarkSupport
import Foundation
import MSPBilling
import MSPCore

/// A synthetic MSP month, built once per process outside any measured region.
///
/// 10,000 customers; each has 100 devices (60 workstations, 10 servers, 15 network devices,
/// 10 mobiles, 5 monitored endpoints: 1,000,000 device records as unit-days in arrears,
/// every 20th one (5 %) present for only part of January), 25 users (250,000 in-advance
/// counts), 10 time entries (100,000) and one licence pass-through cost. Customers cycle
/// through three plans (Bronze, Silver, Gold) that each use every built-in model: per unit
/// with included units, graduated, volume, package and stairstep tiers, a flat fee and a
/// percentage of the licence cost, plus time and materials.
enum BillingData {
    static let customerCount = 10_000
    static let devicesPerCustomer = 100
    static let usersPerCustomer = 25
    static let entriesPerCustomer = 10

    /// Rated units per month: devices + users + time entries.
    static let ratedUnits =
        customerCount * (devicesPerCustomer + usersPerCustomer + entriesPerCustomer)

    /// The device categories, with their share of each customer's 100 devices.
    static let deviceMix: [(BillableCategory, Int)] = [
        (.workstation, 60), (.server, 10), (.networkDevice, 15), (.mobile, 10),
        (.monitoredEndpoint, 5),
    ]

    static let period: BillingPeriod = {
        do {
            let cycle = try BillingCycle.monthly(
                anchoredAt: LocalDate(year: 2026, month: 1, day: 1), timeZoneIdentifier: "UTC")
            return try cycle.period(at: 0)
        } catch {
            fatalError("benchmark fixture: \(error)")  // justified: benchmark fixture
        }
    }()

    static let calendar: BusinessCalendar.Compiled = {
        do {
            let hours = try BusinessCalendar.Span("09:00", "17:00")
            let week: [Weekday: [BusinessCalendar.Span]] = [
                .monday: [hours], .tuesday: [hours], .wednesday: [hours], .thursday: [hours],
                .friday: [hours],
            ]
            return try BusinessCalendar(timeZone: "UTC", weeklyHours: week)
                .compiled(for: period.range)
        } catch {
            fatalError("benchmark fixture: \(error)")  // justified: benchmark fixture
        }
    }()

    static func money(_ text: String) throws -> PreciseMoney {
        try PreciseMoney(parsing: text, currency: .usd)
    }

    static func tiers(_ mode: TierTable.Mode, _ prices: [(Int64, Int64?, String, String)])
        throws -> TierTable
    {
        try TierTable(
            mode: mode,
            tiers: prices.map {
                TierTable.Tier(
                    from: $0.0, upTo: $0.1, unitPrice: try money($0.2), flatPrice: try money($0.3))
            })
    }

    /// Plan `name` with every model; `scale` multiplies the unit prices (1, 2, 3).
    static func plan(_ name: String, scale: Int64) throws -> PricePlan {
        let s = String(scale)
        let components = [
            PlanComponent(
                name: "Workstations", category: .workstation,
                pricing: .perUnit(
                    try PerUnitPrice(unitPrice: money("2\(s).00"), includedQuantity: 5)),
                timing: .inArrears),
            PlanComponent(
                name: "Servers", category: .server,
                pricing: .tiered(
                    try tiers(.graduated, [(0, 5, "9\(s).00", "0"), (5, nil, "7\(s).50", "0")])),
                timing: .inArrears),
            PlanComponent(
                name: "Network", category: .networkDevice,
                pricing: .tiered(
                    try tiers(.package(size: 5, rounding: .up), [(0, nil, "4\(s).00", "0")])),
                timing: .inArrears),
            PlanComponent(
                name: "Mobile", category: .mobile,
                pricing: .tiered(
                    try tiers(.volume, [(0, 8, "\(s).067", "0"), (8, nil, "\(s).050", "1.00")])),
                timing: .inArrears),
            PlanComponent(
                name: "Monitoring", category: .monitoredEndpoint,
                pricing: .tiered(
                    try tiers(.stairstep, [(0, 3, "0", "1\(s).00"), (3, nil, "0", "3\(s).00")])),
                timing: .inArrears),
            PlanComponent(
                name: "Users", category: .user,
                pricing: .tiered(
                    try tiers(.graduated, [(0, 10, "1\(s).00", "0"), (10, nil, "\(s).00", "0")]))),
            PlanComponent(
                name: "Base", category: try BillableCategory("managed-services"),
                pricing: .flat(try FlatFee(Money(parsing: "\(s)50.00", currency: .usd)))),
            PlanComponent(
                name: "Licence management", category: .licence,
                pricing: .percentage(try PercentageOfAmount(Percentage(10)))),
        ]
        return try PricePlan(
            id: PricePlanID(name), name: name, currency: .usd,
            cycle: BillingCycle.monthly(
                anchoredAt: LocalDate(year: 2026, month: 1, day: 1), timeZoneIdentifier: "UTC"),
            components: components,
            discounts: [try Discount(name: "Loyalty", value: .percent(Percentage(5)))],
            taxes: TaxPolicy(
                rates: [.licence: .zero], defaultRate: Percentage(8), roundingPoint: .perInvoice))
    }

    static let plans: [PricePlan] = {
        do {
            return [
                try plan("bronze", scale: 1), try plan("silver", scale: 2),
                try plan("gold", scale: 3),
            ]
        } catch {
            fatalError("benchmark fixture: \(error)")  // justified: benchmark fixture
        }
    }()

    static let timeAndMaterials: TimeAndMaterials = {
        do {
            return try TimeAndMaterials(
                rates: [
                    .init(role: "engineer", workType: "remote", hourly: money("120.00")),
                    .init(role: "engineer", workType: "onsite", hourly: money("150.00")),
                ],
                incrementMinutes: 15, minimumMinutes: 60, afterHoursMultiplier: Rational(3, 2),
                labourCategory: BillableCategory("labour"),
                materialCategory: BillableCategory("parts"))
        } catch {
            fatalError("benchmark fixture: \(error)")  // justified: benchmark fixture
        }
    }()

    /// One customer's inputs; their usage is a slice of ``usage``.
    struct Customer: Sendable {
        var id: CustomerID
        var plan: Int
        var usage: Range<Int>
        var entries: Range<Int>
        var licences: [PassThroughCost]
    }

    /// Everything for the month: customers, usage records and time entries, contiguous.
    struct Month: Sendable {
        var customers: [Customer]
        var usage: [UnitUsage]
        var entries: [TimeEntry]
    }

    static let month: Month = {
        do { return try makeMonth() } catch {
            fatalError("benchmark fixture: \(error)")  // justified: benchmark fixture
        }
    }()

    static func makeMonth() throws -> Month {
        var random = SplitMix64(seed: 0x4249_4C4C_2026)
        let days = Int64(period.dayCount)
        let start = period.range.startMilliseconds
        var customers: [Customer] = []
        var usage: [UnitUsage] = []
        var entries: [TimeEntry] = []
        usage.reserveCapacity(customerCount * (devicesPerCustomer + usersPerCustomer))
        entries.reserveCapacity(customerCount * entriesPerCustomer)
        var device = 0
        for index in 0..<customerCount {
            let id = try CustomerID("c\(100_000 + index)")
            let usageStart = usage.count
            for (category, share) in deviceMix {
                for _ in 0..<share {
                    let present =
                        device % 20 == 0 ? Int64.random(in: 1..<days, using: &random) : days
                    usage.append(
                        try UnitUsage(
                            customer: id, category: category,
                            measure: .unitDays(present, period: period)))
                    device += 1
                }
            }
            for _ in 0..<usersPerCustomer {
                usage.append(
                    try UnitUsage(
                        customer: id, category: .user, measure: .count(1, at: period.start)))
            }
            let entryStart = entries.count
            for entry in 0..<entriesPerCustomer {
                let begin = start + Int64.random(in: 0..<(days - 1) * 86_400_000, using: &random)
                let length = Int64.random(in: 5...180, using: &random) * 60_000
                entries.append(
                    try TimeEntry(
                        id: "\(id.rawValue)-\(entry)", customer: id, role: "engineer",
                        workType: entry % 3 == 0 ? "onsite" : "remote",
                        start: Date(timeIntervalSince1970: Double(begin) / 1000),
                        end: Date(timeIntervalSince1970: Double(begin + length) / 1000),
                        status: entry % 7 == 0 ? .coveredByAgreement : .billable))
            }
            let licence = PassThroughCost(
                category: .licence,
                amount: Money(
                    minorUnits: Int64.random(in: 10_000...500_000, using: &random), currency: .usd),
                description: "Licences")
            customers.append(
                Customer(
                    id: id, plan: index % 3, usage: usageStart..<usage.count,
                    entries: entryStart..<entries.count, licences: [licence]))
        }
        return Month(customers: customers, usage: usage, entries: entries)
    }

    /// Unit prices per category slot for the baseline (minor units × 10^6), per plan.
    static let baselinePrices: [[Int64]] = [1, 2, 3].map { scale in
        [
            2_000_000_000 + scale * 100_000_000, 9_000_000_000 + scale * 100_000_000, 400_000_000,
            100_000_000, 1_000_000_000, 1_000_000_000, 0, 0,
        ]
    }
}
