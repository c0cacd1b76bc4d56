/// JSON of a rule:
///
/// ```json
/// {"comparison": ">", "warning": 70, "critical": 80, "warningRecovery": 60,
///  "criticalRecovery": 70, "aggregation": {"function": "mean", "samples": 5},
///  "confirmation": {"consecutive": 3}, "keepFiringMilliseconds": 0,
///  "noData": {"silenceMilliseconds": 600000, "action": "unknown"}}
/// ```
///
/// Absent levels are absent keys. `aggregation` is absent for ``Aggregation/latest``, or has
/// `function` and one of `samples` / `windowMilliseconds`. `confirmation` is absent for
/// ``Confirmation/immediately``, or has `consecutive` or `milliseconds`. The no-data `action`
/// is `"unknown"`, `"keepLastState"`, `"warning"` or `"critical"` (alert at that severity).
/// Decoding validates exactly as ``init(comparison:warning:critical:warningRecovery:criticalRecovery:aggregation:confirmation:keepFiringMilliseconds:noData:)``.
extension ThresholdRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case comparison, warning, critical, warningRecovery, criticalRecovery, aggregation
        case confirmation, keepFiringMilliseconds, noData
    }
    private enum AggregationKeys: String, CodingKey { case function, samples, windowMilliseconds }
    private enum ConfirmationKeys: String, CodingKey { case consecutive, milliseconds }
    private enum NoDataKeys: String, CodingKey { case silenceMilliseconds, action }

    /// Decodes and validates the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var aggregation = Aggregation.latest
        if container.contains(.aggregation) {
            let nested = try container.nestedContainer(
                keyedBy: AggregationKeys.self, forKey: .aggregation)
            let function = try nested.decode(AggregationFunction.self, forKey: .function)
            if let samples = try nested.decodeIfPresent(Int.self, forKey: .samples) {
                aggregation = .lastSamples(samples, function)
            } else {
                let window = try nested.decode(Int64.self, forKey: .windowMilliseconds)
                aggregation = .window(milliseconds: window, function)
            }
        }
        var confirmation = Confirmation.immediately
        if container.contains(.confirmation) {
            let nested = try container.nestedContainer(
                keyedBy: ConfirmationKeys.self, forKey: .confirmation)
            if let count = try nested.decodeIfPresent(Int.self, forKey: .consecutive) {
                confirmation = .consecutive(count)
            } else {
                confirmation = .duration(
                    milliseconds: try nested.decode(Int64.self, forKey: .milliseconds))
            }
        }
        var noData: NoDataPolicy?
        if container.contains(.noData) {
            let nested = try container.nestedContainer(keyedBy: NoDataKeys.self, forKey: .noData)
            let silence = try nested.decode(Int64.self, forKey: .silenceMilliseconds)
            let text = try nested.decode(String.self, forKey: .action)
            let action: NoDataAction
            switch text {
            case "unknown": action = .unknown
            case "keepLastState": action = .keepLastState
            case "warning": action = .alert(.warning)
            case "critical": action = .alert(.critical)
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .action, in: nested, debugDescription: "unknown no-data action \(text)")
            }
            noData = try NoDataPolicy(silenceMilliseconds: silence, action: action)
        }
        try self.init(
            comparison: container.decode(Comparison.self, forKey: .comparison),
            warning: container.decodeIfPresent(Double.self, forKey: .warning),
            critical: container.decodeIfPresent(Double.self, forKey: .critical),
            warningRecovery: container.decodeIfPresent(Double.self, forKey: .warningRecovery),
            criticalRecovery: container.decodeIfPresent(Double.self, forKey: .criticalRecovery),
            aggregation: aggregation,
            confirmation: confirmation,
            keepFiringMilliseconds: container.decodeIfPresent(
                Int64.self, forKey: .keepFiringMilliseconds) ?? 0,
            noData: noData)
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(comparison, forKey: .comparison)
        try container.encodeIfPresent(warning, forKey: .warning)
        try container.encodeIfPresent(critical, forKey: .critical)
        try container.encodeIfPresent(warningRecovery, forKey: .warningRecovery)
        try container.encodeIfPresent(criticalRecovery, forKey: .criticalRecovery)
        switch aggregation {
        case .latest: break
        case .lastSamples(let count, let function):
            var nested = container.nestedContainer(
                keyedBy: AggregationKeys.self, forKey: .aggregation)
            try nested.encode(function, forKey: .function)
            try nested.encode(count, forKey: .samples)
        case .window(let milliseconds, let function):
            var nested = container.nestedContainer(
                keyedBy: AggregationKeys.self, forKey: .aggregation)
            try nested.encode(function, forKey: .function)
            try nested.encode(milliseconds, forKey: .windowMilliseconds)
        }
        switch confirmation {
        case .immediately: break
        case .consecutive(let count):
            var nested = container.nestedContainer(
                keyedBy: ConfirmationKeys.self, forKey: .confirmation)
            try nested.encode(count, forKey: .consecutive)
        case .duration(let milliseconds):
            var nested = container.nestedContainer(
                keyedBy: ConfirmationKeys.self, forKey: .confirmation)
            try nested.encode(milliseconds, forKey: .milliseconds)
        }
        try container.encode(keepFiringMilliseconds, forKey: .keepFiringMilliseconds)
        if let noData {
            var nested = container.nestedContainer(keyedBy: NoDataKeys.self, forKey: .noData)
            try nested.encode(noData.silenceMilliseconds, forKey: .silenceMilliseconds)
            let action: String
            switch noData.action {
            case .unknown: action = "unknown"
            case .keepLastState: action = "keepLastState"
            case .alert(let severity): action = severity.rawValue
            }
            try nested.encode(action, forKey: .action)
        }
    }
}

extension RuleStatus: Codable {
    private enum CodingKeys: String, CodingKey { case phase, severity }

    /// Decodes `{"phase": ..., "severity": ...}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let phase = try container.decode(String.self, forKey: .phase)
        switch phase {
        case "ok": self = .ok
        case "unknown": self = .unknown
        case "pending": self = .pending(try container.decode(Severity.self, forKey: .severity))
        case "firing": self = .firing(try container.decode(Severity.self, forKey: .severity))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .phase, in: container, debugDescription: "unknown phase \(phase)")
        }
    }

    /// Encodes `{"phase": ..., "severity": ...}`; `severity` only for pending and firing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ok: try container.encode("ok", forKey: .phase)
        case .unknown: try container.encode("unknown", forKey: .phase)
        case .pending(let severity):
            try container.encode("pending", forKey: .phase)
            try container.encode(severity, forKey: .severity)
        case .firing(let severity):
            try container.encode("firing", forKey: .phase)
            try container.encode(severity, forKey: .severity)
        }
    }
}

extension RuleTransition: Codable {
    private enum CodingKeys: String, CodingKey { case milliseconds, from, to, value }

    /// Decodes the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            milliseconds: try container.decode(Int64.self, forKey: .milliseconds),
            from: try container.decode(RuleStatus.self, forKey: .from),
            to: try container.decode(RuleStatus.self, forKey: .to),
            value: try container.decodeIfPresent(Double.self, forKey: .value))
    }

    /// Encodes the documented JSON object; `value` is absent for a silence.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(milliseconds, forKey: .milliseconds)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encodeIfPresent(value, forKey: .value)
    }
}

extension ThresholdRuleState: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, level, pendingCount, pendingSince, recoveringSince, lastSample, silent
        case recentValues, recentInstants
    }

    /// Decodes the documented JSON object and checks its invariants (level 0...2, equal
    /// buffer lengths, finite kept values).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        status = try container.decode(RuleStatus.self, forKey: .status)
        level = try container.decode(UInt8.self, forKey: .level)
        pendingCount = try container.decode(Int64.self, forKey: .pendingCount)
        pendingSince = try container.decode(Int64.self, forKey: .pendingSince)
        recoveringSince = try container.decodeIfPresent(Int64.self, forKey: .recoveringSince)
        lastSampleMilliseconds = try container.decodeIfPresent(Int64.self, forKey: .lastSample)
        silent = try container.decode(Bool.self, forKey: .silent)
        recentValues = try container.decode([Double].self, forKey: .recentValues)
        recentInstants = try container.decode([Int64].self, forKey: .recentInstants)
        let instants =
            [pendingSince] + [recoveringSince, lastSampleMilliseconds].compactMap { $0 }
            + recentInstants
        guard level <= 2, pendingCount >= 0, recentValues.count == recentInstants.count,
            recentValues.allSatisfy(\.isFinite), instants.allSatisfy(InstantBounds.contains)
        else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "threshold rule state breaks its invariants"))
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(level, forKey: .level)
        try container.encode(pendingCount, forKey: .pendingCount)
        try container.encode(pendingSince, forKey: .pendingSince)
        try container.encode(recoveringSince, forKey: .recoveringSince)
        try container.encode(lastSampleMilliseconds, forKey: .lastSample)
        try container.encode(silent, forKey: .silent)
        try container.encode(recentValues, forKey: .recentValues)
        try container.encode(recentInstants, forKey: .recentInstants)
    }
}
