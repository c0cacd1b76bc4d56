import MSPBilling
import MSPCore
import MSPSLA

/// What an MSP offers, shared by every customer: the currency it bills in, its business
/// calendars by name, price plans, service levels and break/fix rate card.
///
/// A data folder holds this as `provider.json`; see `Docs/DataFormats.md` for the JSON
/// shape. Decoding checks each value (a plan's tiers, a policy's targets); whether the
/// pieces fit together (a policy naming a calendar that is not here, a plan in another
/// currency) is checked by ``PeriodClose/init(provider:period:)``.
public struct ProviderDocument: Sendable, Codable {
    /// The provider's name, for reports.
    public var name: String
    /// The currency every plan, rate and amount must be in.
    public var currency: Currency
    /// Business calendars by name; SLA targets and time and materials name them.
    public var calendars: [String: BusinessCalendar]
    /// The price plans agreements name.
    public var pricePlans: [PricePlan]
    /// The service levels agreements name by ``ServiceLevel/id``.
    public var serviceLevels: [ServiceLevel]
    /// The break/fix rate card: rates by role and work type, increments, after-hours rules.
    public var timeAndMaterials: TimeAndMaterials
    /// The calendar whose closed hours count as after hours for time and materials.
    public var timeAndMaterialsCalendar: String

    /// Creates a provider document.
    public init(
        name: String, currency: Currency, calendars: [String: BusinessCalendar],
        pricePlans: [PricePlan], serviceLevels: [ServiceLevel],
        timeAndMaterials: TimeAndMaterials, timeAndMaterialsCalendar: String
    ) {
        self.name = name
        self.currency = currency
        self.calendars = calendars
        self.pricePlans = pricePlans
        self.serviceLevels = serviceLevels
        self.timeAndMaterials = timeAndMaterials
        self.timeAndMaterialsCalendar = timeAndMaterialsCalendar
    }
}

/// One service level an agreement can name: the ticket SLA policy, and optionally an
/// availability objective for monitored services and the service-credit schedule the
/// provider owes when it misses them.
///
/// JSON: `{"id": "gold", "policy": SLAPolicy, "availability": AvailabilityObjective,
/// "credits": CreditSchedule, "creditRounding": "halfUp"}`; `availability`, `credits` and
/// `creditRounding` (half-up by default) may be omitted.
public struct ServiceLevel: Sendable, Hashable, Codable {
    /// The identifier agreements use in their SLA-policy assignments.
    public var id: SLAPolicyID
    /// Ticket targets per priority, pauses and options.
    public var policy: SLAPolicy
    /// The availability objective of the customer's monitored services, if any.
    public var availability: AvailabilityObjective?
    /// The credits owed for missed availability and breached tickets, if any.
    public var credits: CreditSchedule?
    /// How a credit is rounded to the currency's minor unit.
    public var creditRounding: RoundingRule

    /// Creates a service level.
    public init(
        id: SLAPolicyID, policy: SLAPolicy, availability: AvailabilityObjective? = nil,
        credits: CreditSchedule? = nil, creditRounding: RoundingRule = .halfUp
    ) {
        self.id = id
        self.policy = policy
        self.availability = availability
        self.credits = credits
        self.creditRounding = creditRounding
    }

    private enum CodingKeys: String, CodingKey {
        case id, policy, availability, credits, creditRounding
    }

    /// Decodes the documented JSON object; `creditRounding` defaults to half-up.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(SLAPolicyID.self, forKey: .id),
            policy: try container.decode(SLAPolicy.self, forKey: .policy),
            availability: try container.decodeIfPresent(
                AvailabilityObjective.self, forKey: .availability),
            credits: try container.decodeIfPresent(CreditSchedule.self, forKey: .credits),
            creditRounding: try container.decodeIfPresent(
                RoundingRule.self, forKey: .creditRounding) ?? .halfUp)
    }

    /// Encodes the documented JSON object, omitting absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(policy, forKey: .policy)
        try container.encodeIfPresent(availability, forKey: .availability)
        try container.encodeIfPresent(credits, forKey: .credits)
        try container.encode(creditRounding, forKey: .creditRounding)
    }
}
