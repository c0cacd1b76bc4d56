import MSPCore

// JSON shape of a plan:
// {"id": "gold", "name": "Gold", "currency": "USD", "cycle": {...BillingCycle...},
//  "components": [...PlanComponent...], "discounts": [...], "minimumCommitment": {...},
//  "taxes": {...TaxPolicy...}, "rounding": "halfUp", "prorationBasis": "calendarDays"}
// Decoding re-validates through `init`; a plan with a custom model throws when encoded.
extension PricePlan: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, currency, cycle, components, discounts, minimumCommitment, taxes
        case rounding, prorationBasis
    }

    /// Decodes the shape above and re-validates the plan.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        try self.init(
            id: container.decode(PricePlanID.self, forKey: .id),
            name: container.decode(String.self, forKey: .name),
            currency: container.decode(Currency.self, forKey: .currency),
            cycle: container.decode(BillingCycle.self, forKey: .cycle),
            components: limits.decodeArray(PlanComponent.self, forKey: .components, in: container),
            discounts: limits.decodeArrayIfPresent(Discount.self, forKey: .discounts, in: container)
                ?? [],
            minimumCommitment: container.decodeIfPresent(
                MinimumCommitment.self, forKey: .minimumCommitment),
            taxes: container.decodeIfPresent(TaxPolicy.self, forKey: .taxes) ?? .none,
            rounding: container.decodeIfPresent(RoundingRule.self, forKey: .rounding) ?? .halfUp,
            prorationBasis: container.decodeIfPresent(
                ProrationBasis.self, forKey: .prorationBasis) ?? .calendarDays)
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(currency, forKey: .currency)
        try container.encode(cycle, forKey: .cycle)
        try container.encode(components, forKey: .components)
        try container.encode(discounts, forKey: .discounts)
        try container.encodeIfPresent(minimumCommitment, forKey: .minimumCommitment)
        try container.encode(taxes, forKey: .taxes)
        try container.encode(rounding, forKey: .rounding)
        try container.encode(prorationBasis, forKey: .prorationBasis)
    }
}
