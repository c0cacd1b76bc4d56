import MSPCore

// JSON shape of a tier table:
// {"mode": "graduated" | "volume" | "stairstep" | "package",
//  "packageSize": 10, "packageRounding": "up",          (package mode only)
//  "tiers": [{"from": 0, "upTo": 250, "unitPrice": {...}, "flatPrice": {...}}, ...]}
// The last band omits "upTo". Decoding re-validates every rule of `init(mode:tiers:)`.
extension TierTable: Codable {
    private enum CodingKeys: String, CodingKey {
        case mode, packageSize, packageRounding, tiers
    }

    /// Decodes the shape above and re-validates the table.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        let modeText = try container.decode(String.self, forKey: .mode)
        let mode: Mode
        switch modeText {
        case "graduated": mode = .graduated
        case "volume": mode = .volume
        case "stairstep": mode = .stairstep
        case "package":
            mode = .package(
                size: try container.decode(Int64.self, forKey: .packageSize),
                rounding: try container.decodeIfPresent(
                    PackageRounding.self, forKey: .packageRounding) ?? .up)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .mode, in: container,
                debugDescription: "unknown tier mode \"\(modeText)\"")
        }
        try self.init(
            mode: mode, tiers: limits.decodeArray(Tier.self, forKey: .tiers, in: container))
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch mode {
        case .graduated: try container.encode("graduated", forKey: .mode)
        case .volume: try container.encode("volume", forKey: .mode)
        case .stairstep: try container.encode("stairstep", forKey: .mode)
        case .package(let size, let rounding):
            try container.encode("package", forKey: .mode)
            try container.encode(size, forKey: .packageSize)
            try container.encode(rounding, forKey: .packageRounding)
        }
        try container.encode(tiers, forKey: .tiers)
    }
}
