import MSPBilling
import MSPCore
import MSPSLA

extension SyntheticMSP {
    /// The provider every generated data set uses: USD, New York office hours and 24×7,
    /// six plans (one per pricing model), three service levels and a break/fix rate card.
    ///
    /// Plans (monthly from the 1st, New York):
    /// - `per-device`: servers 95.00 in advance, workstations 25.00 in arrears (unit-days),
    ///   network devices 15.00 in advance;
    /// - `per-user`: users 45.00 in advance;
    /// - `tiered`: workstations graduated in arrears (first 10 at 30.00, next 40 at 25.00,
    ///   the rest 20.00), servers 90.00 in advance;
    /// - `all-inclusive`: 2,500.00 flat plus users beyond 25 at 40.00 in advance;
    /// - `monitoring-only`: workstations 4.00 and servers 8.00 in advance;
    /// - `break-fix`: a 49.00 flat account fee; work is billed as time and materials.
    ///
    /// Service levels: `managed` (P1 1 h first response and 8 h resolution 24×7, P2 4 h /
    /// 16 h and P3 8 h / 40 h office hours; waiting on customer pauses resolution; 99.9%
    /// availability in New York; credits 10% below 99.9%, 25% below 99%, 50% below 95%,
    /// 2% per breached resolution, capped at 30%), `monitoring` (the same objective and
    /// bands, no ticket credits) and `basic` (P1–P3 office-hours resolution 16/40/80 h,
    /// no availability).
    ///
    /// Rate card: engineer remote 120.00 and onsite 150.00 an hour, project 135.00; 15-minute
    /// increments, 30 minutes minimum, 1.5× after hours rounded before the multiplier.
    public static func standardProvider() throws -> ProviderDocument {
        let usd = Currency.usd
        func price(_ text: String) throws -> PreciseMoney {
            try PreciseMoney(parsing: text, currency: usd)
        }
        let zone = "America/New_York"
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: zone)
        let nineToFive = try BusinessCalendar.Span("09:00", "17:00")
        let office = try BusinessCalendar(
            timeZone: zone,
            weeklyHours: [
                .monday: [nineToFive], .tuesday: [nineToFive], .wednesday: [nineToFive],
                .thursday: [nineToFive], .friday: [nineToFive],
            ])
        let always = try BusinessCalendar.twentyFourSeven(timeZone: zone)
        let networkDevice = BillableCategory.networkDevice
        let plans: [PricePlan] = [
            try PricePlan(
                id: PricePlanID("per-device"), name: "Per device", currency: usd, cycle: cycle,
                components: [
                    PlanComponent(
                        name: "Servers", category: .server,
                        pricing: .perUnit(try PerUnitPrice(unitPrice: price("95.00")))),
                    PlanComponent(
                        name: "Workstations", category: .workstation,
                        pricing: .perUnit(try PerUnitPrice(unitPrice: price("25.00"))),
                        timing: .inArrears),
                    PlanComponent(
                        name: "Network devices", category: networkDevice,
                        pricing: .perUnit(try PerUnitPrice(unitPrice: price("15.00")))),
                ]),
            try PricePlan(
                id: PricePlanID("per-user"), name: "Per user", currency: usd, cycle: cycle,
                components: [
                    PlanComponent(
                        name: "Users", category: .user,
                        pricing: .perUnit(try PerUnitPrice(unitPrice: price("45.00"))))
                ]),
            try PricePlan(
                id: PricePlanID("tiered"), name: "Tiered", currency: usd, cycle: cycle,
                components: [
                    PlanComponent(
                        name: "Workstations", category: .workstation,
                        pricing: .tiered(
                            try TierTable(
                                mode: .graduated,
                                tiers: [
                                    .init(from: 0, upTo: 10, unitPrice: price("30.00")),
                                    .init(from: 10, upTo: 50, unitPrice: price("25.00")),
                                    .init(from: 50, upTo: nil, unitPrice: price("20.00")),
                                ])), timing: .inArrears),
                    PlanComponent(
                        name: "Servers", category: .server,
                        pricing: .perUnit(try PerUnitPrice(unitPrice: price("90.00")))),
                ]),
            try PricePlan(
                id: PricePlanID("all-inclusive"), name: "All inclusive", currency: usd,
                cycle: cycle,
                components: [
                    PlanComponent(
                        name: "Managed services", category: BillableCategory("managed-services"),
                        pricing: .flat(try FlatFee(Money(parsing: "2500.00", currency: usd)))),
                    PlanComponent(
                        name: "Users beyond 25", category: .user,
                        pricing: .perUnit(
                            try PerUnitPrice(unitPrice: price("40.00"), includedQuantity: 25))),
                ]),
            try PricePlan(
                id: PricePlanID("monitoring-only"), name: "Monitoring only", currency: usd,
                cycle: cycle,
                components: [
                    PlanComponent(
                        name: "Monitored workstations", category: .workstation,
                        pricing: .perUnit(try PerUnitPrice(unitPrice: price("4.00")))),
                    PlanComponent(
                        name: "Monitored servers", category: .server,
                        pricing: .perUnit(try PerUnitPrice(unitPrice: price("8.00")))),
                ]),
            try PricePlan(
                id: PricePlanID("break-fix"), name: "Break/fix", currency: usd, cycle: cycle,
                components: [
                    PlanComponent(
                        name: "Account", category: BillableCategory("account"),
                        pricing: .flat(try FlatFee(Money(parsing: "49.00", currency: usd))))
                ]),
        ]
        func hours(_ count: Int64) -> Duration { .seconds(count * 3600) }
        let waiting: [TicketStatus: Set<SLATargetKind>] = [.waitingOnCustomer: [.resolution]]
        let managedPolicy = try SLAPolicy(
            targets: [
                "P1": [
                    try SLATarget(kind: .firstResponse, duration: hours(1), calendar: "24x7"),
                    try SLATarget(kind: .resolution, duration: hours(8), calendar: "24x7"),
                ],
                "P2": [
                    try SLATarget(kind: .firstResponse, duration: hours(4), calendar: "office"),
                    try SLATarget(kind: .resolution, duration: hours(16), calendar: "office"),
                ],
                "P3": [
                    try SLATarget(kind: .firstResponse, duration: hours(8), calendar: "office"),
                    try SLATarget(kind: .resolution, duration: hours(40), calendar: "office"),
                ],
            ], pauses: waiting)
        let basicPolicy = try SLAPolicy(
            targets: [
                "P1": [try SLATarget(kind: .resolution, duration: hours(16), calendar: "office")],
                "P2": [try SLATarget(kind: .resolution, duration: hours(40), calendar: "office")],
                "P3": [try SLATarget(kind: .resolution, duration: hours(80), calendar: "office")],
            ], pauses: waiting)
        let objective = try AvailabilityObjective(
            objective: Percentage(parsing: "99.9"), timeZone: zone)
        let bands = [
            CreditBand(lower: nil, upper: .exclusive(Percentage(95)), credit: Percentage(50)),
            CreditBand(
                lower: .inclusive(Percentage(95)), upper: .exclusive(Percentage(99)),
                credit: Percentage(25)),
            CreditBand(
                lower: .inclusive(Percentage(99)),
                upper: .exclusive(try Percentage(parsing: "99.9")), credit: Percentage(10)),
        ]
        let levels = [
            ServiceLevel(
                id: try SLAPolicyID("managed"), policy: managedPolicy, availability: objective,
                credits: try CreditSchedule(
                    bands: bands, ticketCredits: [.resolution: Percentage(2)],
                    cap: Percentage(30))),
            ServiceLevel(
                id: try SLAPolicyID("monitoring"), policy: basicPolicy, availability: objective,
                credits: try CreditSchedule(bands: bands)),
            ServiceLevel(id: try SLAPolicyID("basic"), policy: basicPolicy),
        ]
        let card = try TimeAndMaterials(
            rates: [
                .init(role: "engineer", workType: "remote", hourly: price("120.00")),
                .init(role: "engineer", workType: "onsite", hourly: price("150.00")),
                .init(role: "engineer", workType: "project", hourly: price("135.00")),
            ], incrementMinutes: 15, minimumMinutes: 30, afterHoursMultiplier: try Rational(3, 2),
            roundingOrder: .beforeMultiplier, labourCategory: BillableCategory("labour"),
            materialCategory: BillableCategory("parts"))
        return ProviderDocument(
            name: "Northwind Managed Services", currency: usd,
            calendars: ["office": office, "24x7": always], pricePlans: plans,
            serviceLevels: levels, timeAndMaterials: card, timeAndMaterialsCalendar: "office")
    }
}
