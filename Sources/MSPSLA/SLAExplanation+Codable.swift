import Foundation
import MSPCore

extension SLASpan: Codable {
    private enum CodingKeys: String, CodingKey {
        case start, end, reason, calendar, holidays, status
    }

    /// Decodes one span: `start` and `end` in whole milliseconds since 1970 (half-open),
    /// and `reason` one of `counted` (with `calendar`), `closed` (with `calendar` and
    /// `holidays`, local dates), `paused` (with `status`) or `stopped`.
    ///
    /// ```json
    /// {"start": 1772832600000, "end": 1772834400000, "reason": "counted",
    ///  "calendar": "office"}
    /// {"start": 1772834400000, "end": 1773061200000, "reason": "closed",
    ///  "calendar": "office", "holidays": []}
    /// {"start": 1773061200000, "end": 1773064800000, "reason": "paused",
    ///  "status": "waitingOnCustomer"}
    /// ```
    ///
    /// - Throws: `DecodingError` for an unknown reason or an end before the start.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decodeInstant(forKey: .start)
        let end = try container.decodeInstant(forKey: .end)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "span ends before it starts")
        }
        let reason: SLASpanReason
        switch try container.decode(String.self, forKey: .reason) {
        case "counted":
            reason = .counted(calendar: try container.decode(String.self, forKey: .calendar))
        case "closed":
            reason = .closed(
                calendar: try container.decode(String.self, forKey: .calendar),
                holidays: try container.decode([LocalDate].self, forKey: .holidays))
        case "paused":
            reason = .paused(by: try container.decode(TicketStatus.self, forKey: .status))
        case "stopped":
            reason = .stopped
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .reason, in: container, debugDescription: "unknown reason \"\(other)\"")
        }
        let range: DateRange
        do {
            range = try DateRange(start: start, end: end)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "\(error)")
        }
        self.init(range: range, reason: reason)
    }

    /// Encodes the object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range.startMilliseconds, forKey: .start)
        try container.encode(range.endMilliseconds, forKey: .end)
        switch reason {
        case .counted(let calendar):
            try container.encode("counted", forKey: .reason)
            try container.encode(calendar, forKey: .calendar)
        case .closed(let calendar, let holidays):
            try container.encode("closed", forKey: .reason)
            try container.encode(calendar, forKey: .calendar)
            try container.encode(holidays, forKey: .holidays)
        case .paused(let status):
            try container.encode("paused", forKey: .reason)
            try container.encode(status, forKey: .status)
        case .stopped:
            try container.encode("stopped", forKey: .reason)
        }
    }
}

extension SLAExplanation: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, spans, countedMilliseconds
    }

    /// Decodes `{"kind": "resolution", "spans": [...]}` (spans as in ``SLASpan``). The
    /// `countedMilliseconds` written by ``encode(to:)`` is for readers and is recomputed
    /// from the spans.
    ///
    /// - Throws: `DecodingError` for spans out of time order or overlapping.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let spans = try container.decode([SLASpan].self, forKey: .spans)
        for (previous, span) in zip(spans, spans.dropFirst())
        where span.range.startMilliseconds < previous.range.endMilliseconds {
            throw DecodingError.dataCorruptedError(
                forKey: .spans, in: container,
                debugDescription: "span \(span) starts before the previous one ends")
        }
        self.init(kind: try container.decode(SLATargetKind.self, forKey: .kind), spans: spans)
    }

    /// Encodes the kind, the spans and the counted business time in milliseconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(spans, forKey: .spans)
        try container.encodeMilliseconds(counted, forKey: .countedMilliseconds)
    }
}

extension SLATargetChange: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, before, after, breachChanged, deadlineShiftMilliseconds
    }

    /// Decodes `{"kind": ..., "before": {...}, "after": {...}}` (target evaluations as in
    /// ``SLATargetEvaluation``, each absent when the ticket has no such target). The
    /// `breachChanged` and `deadlineShiftMilliseconds` written by ``encode(to:)`` are for
    /// readers and are recomputed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(SLATargetKind.self, forKey: .kind),
            before: try container.decodeIfPresent(SLATargetEvaluation.self, forKey: .before),
            after: try container.decodeIfPresent(SLATargetEvaluation.self, forKey: .after))
    }

    /// Encodes the object described in ``init(from:)`` with the derived fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(before, forKey: .before)
        try container.encodeIfPresent(after, forKey: .after)
        try container.encode(breachChanged, forKey: .breachChanged)
        // Signed: an earlier deadline is negative.
        if let old = before?.deadline, let new = after?.deadline,
            let oldMilliseconds = DateRange.milliseconds(of: old),
            let newMilliseconds = DateRange.milliseconds(of: new)
        {
            try container.encode(
                newMilliseconds - oldMilliseconds, forKey: .deadlineShiftMilliseconds)
        }
    }
}

extension SLAWhatIfResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case before, after, changes
    }

    /// Decodes `{"before": {...}, "after": {...}}` (evaluations as in ``SLAEvaluation``);
    /// the `changes` written by ``encode(to:)`` are recomputed from the two evaluations, so
    /// a decoded result is always consistent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            before: try container.decode(SLAEvaluation.self, forKey: .before),
            after: try container.decode(SLAEvaluation.self, forKey: .after))
    }

    /// Encodes both evaluations and the targets that differ.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(changes, forKey: .changes)
    }
}

extension SLAWhatIfResult {
    /// The result of comparing `before` with `after`, target kind by target kind.
    internal init(before: SLAEvaluation, after: SLAEvaluation) {
        var changes: [SLATargetChange] = []
        for kind in SLATargetKind.allCases where before[kind] != after[kind] {
            changes.append(SLATargetChange(kind: kind, before: before[kind], after: after[kind]))
        }
        self.init(before: before, after: after, changes: changes)
    }
}
