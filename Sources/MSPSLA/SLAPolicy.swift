import MSPCore

/// An SLA policy: targets per priority, the statuses that pause each clock, and the clock
/// options.
///
/// ```swift
/// let policy = try SLAPolicy(
///     targets: [
///         "P1": [
///             try SLATarget(kind: .firstResponse, duration: .seconds(3600), calendar: "24x7"),
///             try SLATarget(kind: .resolution, duration: .seconds(4 * 3600), calendar: "24x7"),
///         ],
///         "P3": [
///             try SLATarget(
///                 kind: .resolution, duration: .seconds(16 * 3600), calendar: "business"),
///         ],
///     ],
///     pauses: [.waitingOnCustomer: [.resolution, .nextResponse]])
/// ```
///
/// A policy is a definition; ``SLAEngine/init(policy:calendars:)`` binds its calendar names to compiled
/// business calendars and gives the ``SLAEngine`` that evaluates tickets.
///
/// JSON: `{"priorities": [{"priority": "P1", "targets": [SLATarget…]}], "pauses":
/// [{"status": "on hold", "kinds": ["resolution"]}], "options": {"priorityChange":
/// "keepElapsed", "reopen": "resume", "firstResponseAtResolution": false}}`.
public struct SLAPolicy: Sendable, Hashable {
    /// What a priority change does to a clock that is running or paused.
    public enum PriorityChangeRule: String, Sendable, Hashable, Codable, CaseIterable {
        /// The default: the clock keeps its elapsed business time (pauses stay excluded)
        /// and is measured against the new priority's target from the ticket's start. If
        /// the elapsed time already reaches the new target, the target is breached at the
        /// change: a breach is never dated before the priority that causes it was set.
        ///
        /// P3 (8 h) raised to P1 (4 h) after 3 business hours: 1 hour remains. Raised after
        /// 5 business hours: breached at the change. A breach already reached stays: lowering
        /// the priority afterwards changes the target but does not undo it.
        case keepElapsed
        /// The clock starts a new cycle at the change with the new priority's target and
        /// zero elapsed time; the earlier cycle is counted in
        /// ``SLATargetEvaluation/earlierCycles`` (and in `earlierBreaches` if it was
        /// already breached).
        case restartFromChange
    }

    /// What a reopen does to the resolution clock.
    public enum ReopenRule: String, Sendable, Hashable, Codable, CaseIterable {
        /// The default: the resolution clock resumes with the elapsed time it had at the
        /// resolve; the time between resolve and reopen is not counted. A 4 h target
        /// resolved after 3 h and reopened has 1 h left.
        case resume
        /// The reopen starts a new resolution cycle with the full target; the earlier cycle
        /// keeps its outcome in ``SLATargetEvaluation/earlierCycles`` and `earlierBreaches`.
        case newCycle
    }

    /// The clock options.
    public struct Options: Sendable, Hashable, Codable {
        /// What a priority change does; ``PriorityChangeRule/keepElapsed`` by default.
        public var priorityChange: PriorityChangeRule
        /// What a reopen does; ``ReopenRule/resume`` by default.
        public var reopen: ReopenRule
        /// Whether a resolution without any public reply before it counts as the first
        /// response (met or breached at the resolve). When `false`, the default, the first
        /// response target of such a ticket ends ``SLATargetStatus/cancelled`` unless it was
        /// already breached.
        public var firstResponseAtResolution: Bool

        /// Creates options; the defaults are keep-elapsed, resume, and no first response at
        /// resolution.
        public init(
            priorityChange: PriorityChangeRule = .keepElapsed, reopen: ReopenRule = .resume,
            firstResponseAtResolution: Bool = false
        ) {
            self.priorityChange = priorityChange
            self.reopen = reopen
            self.firstResponseAtResolution = firstResponseAtResolution
        }
    }

    /// The priorities the policy defines, sorted by name.
    public let priorities: [TicketPriority]
    /// The targets of each priority, in the order of ``priorities``; each list sorted by
    /// kind.
    public let targets: [TicketPriority: [SLATarget]]
    /// The target kinds each status pauses; a status not listed pauses nothing.
    public let pauses: [TicketStatus: Set<SLATargetKind>]
    /// The clock options.
    public let options: Options

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - targets: The targets of each priority; at most one per kind. A priority without
    ///     a target of some kind simply has no clock of that kind.
    ///   - pauses: The target kinds each status pauses.
    ///   - options: The clock options.
    /// - Throws: ``SLAError`` `emptyPolicy` without priorities, `duplicateTarget` for two
    ///   targets of one kind in a priority.
    public init(
        targets: [TicketPriority: [SLATarget]],
        pauses: [TicketStatus: Set<SLATargetKind>] = [:],
        options: Options = Options()
    ) throws(SLAError) {
        guard !targets.isEmpty else { throw .emptyPolicy() }
        var normalised: [TicketPriority: [SLATarget]] = [:]
        for (priority, list) in targets {
            let sorted = list.sorted { $0.kind < $1.kind }
            for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.kind == next.kind
            {
                throw .duplicateTarget(next.kind, priority: priority)
            }
            normalised[priority] = sorted
        }
        self.priorities = normalised.keys.sorted()
        self.targets = normalised
        self.pauses = pauses.filter { !$0.value.isEmpty }
        self.options = options
    }

    /// The target of `kind` for `priority`, if the policy has one.
    ///
    /// - Throws: ``SLAError`` `unknownPriority` for a priority the policy does not define.
    public func target(_ kind: SLATargetKind, for priority: TicketPriority) throws(SLAError)
        -> SLATarget?
    {
        guard let list = targets[priority] else { throw .unknownPriority(priority) }
        return list.first { $0.kind == kind }
    }
}

extension SLAPolicy: Codable {
    private enum CodingKeys: String, CodingKey { case priorities, pauses, options }
    private struct PriorityEntry: Codable {
        var priority: TicketPriority
        var targets: [SLATarget]
    }
    private struct PauseEntry: Codable {
        var status: TicketStatus
        var kinds: [SLATargetKind]
    }

    /// Decodes the documented JSON object and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let entries = try container.decode([PriorityEntry].self, forKey: .priorities)
        var targets: [TicketPriority: [SLATarget]] = [:]
        for entry in entries {
            targets[entry.priority, default: []].append(contentsOf: entry.targets)
        }
        var pauses: [TicketStatus: Set<SLATargetKind>] = [:]
        for entry in try container.decodeIfPresent([PauseEntry].self, forKey: .pauses) ?? [] {
            pauses[entry.status, default: []].formUnion(entry.kinds)
        }
        try self.init(
            targets: targets, pauses: pauses,
            options: try container.decodeIfPresent(Options.self, forKey: .options) ?? Options())
    }

    /// Encodes the documented JSON object, priorities and statuses sorted by name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            priorities.map { PriorityEntry(priority: $0, targets: targets[$0] ?? []) },
            forKey: .priorities)
        try container.encode(
            pauses.keys.sorted().map { PauseEntry(status: $0, kinds: (pauses[$0] ?? []).sorted()) },
            forKey: .pauses)
        try container.encode(options, forKey: .options)
    }
}
