import MSPCore

/// When a component is billed relative to the period it covers.
public enum BillingTiming: String, Sendable, Hashable, Codable {
    /// Billed at the start of the period from a count at an instant (usage measure
    /// `.count`).
    case inAdvance
    /// Billed after the period from unit-days or unit-seconds over it, which prorates
    /// mid-period additions and removals (usage measure `.unitDays` / `.unitSeconds`).
    case inArrears
}

/// One priced part of a plan: a billable category, a pricing model and a timing.
///
/// A component prices the usage of its ``category`` (devices of a kind, users, monitored
/// endpoints, licences, or any caller text). A ``Pricing-swift.enum/flat(_:)`` component
/// ignores quantities; a ``Pricing-swift.enum/percentage(_:)`` component takes its
/// percentage of the pass-through costs booked in its category.
public struct PlanComponent: Sendable {
    /// The model that prices a component: a built-in (Codable) or a caller's own.
    public enum Pricing: Sendable {
        /// A fixed fee per period.
        case flat(FlatFee)
        /// A price per unit with included units and limits.
        case perUnit(PerUnitPrice)
        /// A tier table in any mode.
        case tiered(TierTable)
        /// A percentage of the pass-through costs in the component's category.
        case percentage(PercentageOfAmount)
        /// A caller's own model; it cannot be encoded (encoding throws `notEncodable`).
        case custom(any PricingModel)

        /// The model's ``PricingModel/modelName``.
        public var modelName: String {
            switch self {
            case .flat(let model): model.modelName
            case .perUnit(let model): model.modelName
            case .tiered(let model): model.modelName
            case .percentage(let model): model.modelName
            case .custom(let model): model.modelName
            }
        }

        /// The currency of a built-in model's prices; `nil` for percentages and custom
        /// models, which take theirs from the context.
        internal var currency: Currency? {
            switch self {
            case .flat(let model): model.amount.currency
            case .perUnit(let model): model.unitPrice.currency
            case .tiered(let model): model.currency
            case .percentage, .custom: nil
            }
        }

        /// Prices `quantity` with a static dispatch for the built-ins.
        @inline(__always)
        internal func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
            -> PricedAmount
        {
            switch self {
            case .flat(let model): try model.price(quantity, in: context)
            case .perUnit(let model): try model.price(quantity, in: context)
            case .tiered(let model): try model.price(quantity, in: context)
            case .percentage(let model): try model.price(quantity, in: context)
            case .custom(let model): try model.price(quantity, in: context)
            }
        }
    }

    /// The component's name, unique in its plan, e.g. `"Servers"`.
    public var name: String
    /// The billable category it prices, unique in its plan.
    public var category: BillableCategory
    /// Its pricing model.
    public var pricing: Pricing
    /// In advance (counts) or in arrears (unit-days / unit-seconds).
    public var timing: BillingTiming

    /// Creates a component.
    public init(
        name: String, category: BillableCategory, pricing: Pricing,
        timing: BillingTiming = .inAdvance
    ) {
        self.name = name
        self.category = category
        self.pricing = pricing
        self.timing = timing
    }
}

// JSON shape: {"name": "Servers", "category": "server", "timing": "inAdvance",
//   "pricing": {"kind": "perUnit" | "flat" | "tiered" | "percentage", "model": {...}}}
extension PlanComponent: Codable {
    private enum CodingKeys: String, CodingKey { case name, category, timing, pricing }
    private enum PricingKeys: String, CodingKey { case kind, model }

    /// Decodes the shape above; a `"custom"` kind cannot be decoded.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let pricingContainer = try container.nestedContainer(
            keyedBy: PricingKeys.self, forKey: .pricing)
        let kind = try pricingContainer.decode(String.self, forKey: .kind)
        let pricing: Pricing
        switch kind {
        case "flat": pricing = .flat(try pricingContainer.decode(FlatFee.self, forKey: .model))
        case "perUnit":
            pricing = .perUnit(try pricingContainer.decode(PerUnitPrice.self, forKey: .model))
        case "tiered":
            pricing = .tiered(try pricingContainer.decode(TierTable.self, forKey: .model))
        case "percentage":
            pricing = .percentage(
                try pricingContainer.decode(PercentageOfAmount.self, forKey: .model))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: pricingContainer,
                debugDescription: "unknown pricing kind \"\(kind)\"")
        }
        self.init(
            name: try container.decode(String.self, forKey: .name),
            category: try container.decode(BillableCategory.self, forKey: .category),
            pricing: pricing,
            timing: try container.decodeIfPresent(BillingTiming.self, forKey: .timing)
                ?? .inAdvance)
    }

    /// Encodes the shape above.
    ///
    /// - Throws: `EncodingError.invalidValue` wrapping ``BillingError/notEncodable(modelName:)``
    ///   for a custom model.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(category, forKey: .category)
        try container.encode(timing, forKey: .timing)
        var pricingContainer = container.nestedContainer(
            keyedBy: PricingKeys.self, forKey: .pricing)
        switch pricing {
        case .flat(let model):
            try pricingContainer.encode("flat", forKey: .kind)
            try pricingContainer.encode(model, forKey: .model)
        case .perUnit(let model):
            try pricingContainer.encode("perUnit", forKey: .kind)
            try pricingContainer.encode(model, forKey: .model)
        case .tiered(let model):
            try pricingContainer.encode("tiered", forKey: .kind)
            try pricingContainer.encode(model, forKey: .model)
        case .percentage(let model):
            try pricingContainer.encode("percentage", forKey: .kind)
            try pricingContainer.encode(model, forKey: .model)
        case .custom(let model):
            throw EncodingError.invalidValue(
                name,
                EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: BillingError.notEncodable(modelName: model.modelName)
                        .description,
                    underlyingError: BillingError.notEncodable(modelName: model.modelName)))
        }
    }
}
