import Foundation

extension UnitUsage: Codable {
    private enum CodingKeys: String, CodingKey { case customer, category, measure }
    private enum MeasureKeys: String, CodingKey { case count, at, unitDays, unitSeconds, period }

    /// Decodes the documented JSON object and re-validates it: exactly one of `count`,
    /// `unitDays` and `unitSeconds`, a quantity of 0 or more, and an `at` instant (for a
    /// count) or a `period` (otherwise).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let customer = try container.decode(CustomerID.self, forKey: .customer)
        let category = try container.decode(BillableCategory.self, forKey: .category)
        let nested = try container.nestedContainer(keyedBy: MeasureKeys.self, forKey: .measure)
        let present = [MeasureKeys.count, .unitDays, .unitSeconds].filter(nested.contains)
        guard present.count == 1, let key = present.first else {
            throw DecodingError.dataCorruptedError(
                forKey: .measure, in: container,
                debugDescription: "measure must have exactly one of count, unitDays and "
                    + "unitSeconds; found \(present.map(\.stringValue))")
        }
        let quantity = try nested.decode(Int64.self, forKey: key)
        let measure: Measure
        switch key {
        case .count:
            let text = try nested.decode(String.self, forKey: .at)
            guard let milliseconds = Instant.milliseconds(iso8601: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .at, in: nested,
                    debugDescription: "at \"\(text)\" is not an ISO 8601 instant like "
                        + "2026-04-01T04:00:00.000Z in years 1...9999")
            }
            measure = .count(quantity, at: Instant.date(milliseconds: milliseconds))
        case .unitDays:
            measure = .unitDays(
                quantity, period: try nested.decode(BillingPeriod.self, forKey: .period))
        default:
            measure = .unitSeconds(
                quantity, period: try nested.decode(BillingPeriod.self, forKey: .period))
        }
        do {
            try self.init(customer: customer, category: category, measure: measure)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: nested, debugDescription: error.description)
        }
    }

    /// Encodes the documented JSON object, with instants as ISO 8601 strings in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customer, forKey: .customer)
        try container.encode(category, forKey: .category)
        var nested = container.nestedContainer(keyedBy: MeasureKeys.self, forKey: .measure)
        switch measure {
        case .count(let units, let instant):
            try nested.encode(units, forKey: .count)
            let milliseconds = Instant.millisecondsIfValid(instant) ?? 0
            try nested.encode(Instant.iso8601(milliseconds), forKey: .at)
        case .unitDays(let days, let period):
            try nested.encode(days, forKey: .unitDays)
            try nested.encode(period, forKey: .period)
        case .unitSeconds(let seconds, let period):
            try nested.encode(seconds, forKey: .unitSeconds)
            try nested.encode(period, forKey: .period)
        }
    }
}

extension UnitUsage: CustomStringConvertible {
    /// `acme workstation: 1190 unit-days in 2026-04-01..<2026-05-01`.
    public var description: String {
        switch measure {
        case .count(let units, let instant):
            return "\(customer) \(category): \(units) at \(instant.iso8601Text)"
        case .unitDays(let days, let period):
            return "\(customer) \(category): \(days) unit-days in "
                + "\(period.startDate)..<\(period.endDate)"
        case .unitSeconds(let seconds, let period):
            return "\(customer) \(category): \(seconds) unit-seconds in "
                + "\(period.startDate)..<\(period.endDate)"
        }
    }
}
