extension BillingPeriod: Codable {
    private enum CodingKeys: String, CodingKey {
        case index, startDate, endDate, start, end
        case timeZoneIdentifier = "timeZone"
    }

    /// Decodes the documented JSON object and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let index = try container.decode(Int.self, forKey: .index)
        let startDate = try container.decode(LocalDate.self, forKey: .startDate)
        let endDate = try container.decode(LocalDate.self, forKey: .endDate)
        let start = try container.decode(String.self, forKey: .start)
        let end = try container.decode(String.self, forKey: .end)
        let zone = try container.decode(String.self, forKey: .timeZoneIdentifier)
        do {
            try self.init(
                startDate: startDate, endDate: endDate, timeZoneIdentifier: zone, index: index)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .startDate, in: container, debugDescription: error.description)
        }
        guard Instant.milliseconds(iso8601: start) == range.startMilliseconds,
            Instant.milliseconds(iso8601: end) == range.endMilliseconds
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .start, in: container,
                debugDescription: "start and end are not the first instants of startDate and "
                    + "endDate in \(zone): expected \(range)")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(startDate, forKey: .startDate)
        try container.encode(endDate, forKey: .endDate)
        try container.encode(Instant.iso8601(range.startMilliseconds), forKey: .start)
        try container.encode(Instant.iso8601(range.endMilliseconds), forKey: .end)
        try container.encode(timeZoneIdentifier, forKey: .timeZoneIdentifier)
    }
}
