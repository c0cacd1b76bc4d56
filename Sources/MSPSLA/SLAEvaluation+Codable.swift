import Foundation
import MSPCore

/// Instants and durations in result JSON: whole milliseconds, as ``TicketEvent`` codes `at`.
extension KeyedEncodingContainer {
    /// Encodes `instant` as whole milliseconds since 1970-01-01T00:00:00Z.
    mutating func encodeInstant(_ instant: Date, forKey key: Key) throws {
        guard let milliseconds = DateRange.milliseconds(of: instant) else {
            throw EncodingError.invalidValue(
                instant,
                .init(codingPath: codingPath + [key], debugDescription: "instant out of range"))
        }
        try encode(milliseconds, forKey: key)
    }

    /// Encodes `instant`, when present, as whole milliseconds since 1970.
    mutating func encodeInstantIfPresent(_ instant: Date?, forKey key: Key) throws {
        if let instant { try encodeInstant(instant, forKey: key) }
    }

    /// Encodes `duration` as whole milliseconds (results are whole milliseconds).
    mutating func encodeMilliseconds(_ duration: Duration, forKey key: Key) throws {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        let (total, sumOverflow) = scaled.addingReportingOverflow(
            attoseconds / 1_000_000_000_000_000)
        guard !overflow, !sumOverflow, attoseconds % 1_000_000_000_000_000 == 0 else {
            throw EncodingError.invalidValue(
                duration,
                .init(codingPath: codingPath + [key], debugDescription: "not whole milliseconds"))
        }
        try encode(total, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Decodes whole milliseconds since 1970 as an instant.
    func decodeInstant(forKey key: Key) throws -> Date {
        let milliseconds = try decode(Int64.self, forKey: key)
        guard DateRange.supportedMilliseconds.contains(milliseconds) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "instant \(milliseconds) out of range")
        }
        return DateRange.instant(milliseconds: milliseconds)
    }

    /// Decodes whole milliseconds since 1970 as an instant, when the key is present.
    func decodeInstantIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeInstant(forKey: key)
    }

    /// Decodes whole non-negative milliseconds as a duration.
    func decodeMilliseconds(forKey key: Key) throws -> Duration {
        let milliseconds = try decode(Int64.self, forKey: key)
        guard milliseconds >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(milliseconds) ms is negative")
        }
        return .milliseconds(milliseconds)
    }
}

extension SLAWarning: Codable {
    private enum CodingKeys: String, CodingKey { case threshold, instant }

    /// Decodes `{"threshold": "3/4", "instant": 1773070200000}` (milliseconds since 1970)
    /// and re-validates that the threshold is in `(0, 1]`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let threshold = try container.decode(Rational.self, forKey: .threshold)
        guard Rational.zero < threshold, !(Rational.one < threshold) else {
            throw DecodingError.dataCorruptedError(
                forKey: .threshold, in: container,
                debugDescription: "threshold \(threshold) not in (0, 1]")
        }
        self.init(threshold: threshold, instant: try container.decodeInstant(forKey: .instant))
    }

    /// Encodes `{"threshold": "3/4", "instant": 1773070200000}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(threshold, forKey: .threshold)
        try container.encodeInstant(instant, forKey: .instant)
    }
}

/// JSON of one target's evaluation: instants are whole milliseconds since 1970, durations
/// whole milliseconds, absent optionals are omitted:
///
/// ```json
/// {"kind": "resolution", "status": "running", "priority": "P1",
///  "targetMilliseconds": 14400000, "calendar": "cal", "cycleStart": 1772832600000,
///  "elapsedMilliseconds": 1800000, "remainingMilliseconds": 12600000,
///  "deadline": 1773073800000,
///  "nextWarning": {"threshold": "0.5", "instant": 1773066600000},
///  "warningsReached": 0, "earlierCycles": 0, "earlierBreaches": 0}
/// ```
///
/// `breachInstant`, `stoppedAt` and `pausedBy` appear when set. This is an output type:
/// decoding re-checks what the values alone determine (non-negative durations and counts,
/// `elapsed + remaining == target` while running, `remaining == 0` and a breach instant
/// once breached, `pausedBy` only while paused, no more earlier breaches than earlier
/// cycles) but cannot re-check the instants, which come from the policy's calendars.
extension SLATargetEvaluation: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, status, priority, targetMilliseconds, calendar, cycleStart
        case elapsedMilliseconds, remainingMilliseconds, deadline, breachInstant, stoppedAt
        case nextWarning, warningsReached, pausedBy, earlierCycles, earlierBreaches
    }

    /// Decodes the documented JSON object and re-checks its invariants.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(SLATargetKind.self, forKey: .kind)
        status = try container.decode(SLATargetStatus.self, forKey: .status)
        priority = try container.decode(TicketPriority.self, forKey: .priority)
        target = try container.decodeMilliseconds(forKey: .targetMilliseconds)
        calendar = try container.decode(String.self, forKey: .calendar)
        cycleStart = try container.decodeInstantIfPresent(forKey: .cycleStart)
        elapsed = try container.decodeMilliseconds(forKey: .elapsedMilliseconds)
        remaining = try container.decodeMilliseconds(forKey: .remainingMilliseconds)
        deadline = try container.decodeInstantIfPresent(forKey: .deadline)
        breachInstant = try container.decodeInstantIfPresent(forKey: .breachInstant)
        stoppedAt = try container.decodeInstantIfPresent(forKey: .stoppedAt)
        nextWarning = try container.decodeIfPresent(SLAWarning.self, forKey: .nextWarning)
        warningsReached = try container.decode(Int.self, forKey: .warningsReached)
        pausedBy = try container.decodeIfPresent(TicketStatus.self, forKey: .pausedBy)
        earlierCycles = try container.decode(Int.self, forKey: .earlierCycles)
        earlierBreaches = try container.decode(Int.self, forKey: .earlierBreaches)
        guard status != .running || elapsed + remaining == target else {
            throw DecodingError.dataCorruptedError(
                forKey: .remainingMilliseconds, in: container,
                debugDescription: "running: elapsed + remaining must equal the target")
        }
        guard status != .breached || (remaining == .zero && breachInstant != nil) else {
            throw DecodingError.dataCorruptedError(
                forKey: .remainingMilliseconds, in: container,
                debugDescription: "breached: remaining must be 0 and breachInstant set")
        }
        guard pausedBy == nil || status == .paused else {
            throw DecodingError.dataCorruptedError(
                forKey: .pausedBy, in: container, debugDescription: "pausedBy set while \(status)")
        }
        guard warningsReached >= 0, earlierCycles >= 0, earlierBreaches >= 0,
            earlierBreaches <= earlierCycles
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .earlierBreaches, in: container,
                debugDescription: "counts must be >= 0 and earlierBreaches <= earlierCycles")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(status, forKey: .status)
        try container.encode(priority, forKey: .priority)
        try container.encodeMilliseconds(target, forKey: .targetMilliseconds)
        try container.encode(calendar, forKey: .calendar)
        try container.encodeInstantIfPresent(cycleStart, forKey: .cycleStart)
        try container.encodeMilliseconds(elapsed, forKey: .elapsedMilliseconds)
        try container.encodeMilliseconds(remaining, forKey: .remainingMilliseconds)
        try container.encodeInstantIfPresent(deadline, forKey: .deadline)
        try container.encodeInstantIfPresent(breachInstant, forKey: .breachInstant)
        try container.encodeInstantIfPresent(stoppedAt, forKey: .stoppedAt)
        try container.encodeIfPresent(nextWarning, forKey: .nextWarning)
        try container.encode(warningsReached, forKey: .warningsReached)
        try container.encodeIfPresent(pausedBy, forKey: .pausedBy)
        try container.encode(earlierCycles, forKey: .earlierCycles)
        try container.encode(earlierBreaches, forKey: .earlierBreaches)
    }
}

/// JSON of a ticket's evaluation: `asOf` in whole milliseconds since 1970, `pausingStatus`
/// omitted when `nil`, `targets` as ``SLATargetEvaluation`` objects sorted by kind:
///
/// ```json
/// {"asOf": 1772836200000, "state": "open", "priority": "P1",
///  "targets": [{"kind": "resolution", "status": "running", …}]}
/// ```
///
/// Decoding re-checks each target and that the kinds are distinct and sorted.
extension SLAEvaluation: Codable {
    private enum CodingKeys: String, CodingKey {
        case asOf, state, priority, pausingStatus, targets
    }

    /// Decodes the documented JSON object and re-checks its invariants.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try container.decodeInstant(forKey: .asOf)
        state = try container.decode(TicketState.self, forKey: .state)
        priority = try container.decode(TicketPriority.self, forKey: .priority)
        pausingStatus = try container.decodeIfPresent(TicketStatus.self, forKey: .pausingStatus)
        targets = try container.decode([SLATargetEvaluation].self, forKey: .targets)
        for (earlier, later) in zip(targets, targets.dropFirst()) where !(earlier.kind < later.kind)
        {
            throw DecodingError.dataCorruptedError(
                forKey: .targets, in: container,
                debugDescription: "targets must have distinct kinds sorted by kind")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeInstant(asOf, forKey: .asOf)
        try container.encode(state, forKey: .state)
        try container.encode(priority, forKey: .priority)
        try container.encodeIfPresent(pausingStatus, forKey: .pausingStatus)
        try container.encode(targets, forKey: .targets)
    }
}
