extension BillingCycle: Codable {
    private enum CodingKeys: String, CodingKey {
        case unit, interval, anchorDate, anchorDay
        case timeZoneIdentifier = "timeZone"
    }

    /// Decodes the documented JSON object and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let unit = try container.decode(Unit.self, forKey: .unit)
        let interval = try container.decode(Int.self, forKey: .interval)
        let anchorDate = try container.decode(LocalDate.self, forKey: .anchorDate)
        let anchorDay = try container.decodeIfPresent(Int.self, forKey: .anchorDay)
        let zone = try container.decode(String.self, forKey: .timeZoneIdentifier)
        do {
            try self.init(
                unit: unit, interval: interval, anchorDate: anchorDate, anchorDay: anchorDay,
                timeZoneIdentifier: zone)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .unit, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the documented JSON object; `anchorDay` is omitted for weekly cycles.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(interval, forKey: .interval)
        try container.encode(anchorDate, forKey: .anchorDate)
        try container.encodeIfPresent(anchorDay, forKey: .anchorDay)
        try container.encode(timeZoneIdentifier, forKey: .timeZoneIdentifier)
    }
}
