/// What a threshold rule reports: ok, pending, firing or unknown.
///
/// JSON: `{"phase": "ok"}`, `{"phase": "pending", "severity": "warning"}`,
/// `{"phase": "firing", "severity": "critical"}`, `{"phase": "unknown"}`.
public enum RuleStatus: Sendable, Hashable, CustomStringConvertible {
    /// No problem (or a problem that has not started).
    case ok
    /// A failing value that is not yet confirmed (a Nagios soft state, a Prometheus pending
    /// alert).
    case pending(Severity)
    /// A confirmed problem (a Nagios hard state, a Prometheus firing alert).
    case firing(Severity)
    /// The explicit unknown state of the no-data policy ``ThresholdRule/NoDataAction/unknown``.
    case unknown

    /// The check status: pending reads as ok (not yet confirmed), firing as its severity.
    public var checkStatus: CheckStatus {
        switch self {
        case .ok, .pending: .ok
        case .firing(let severity): severity.status
        case .unknown: .unknown
        }
    }

    /// `ok`, `pending(warning)`, `firing(critical)`, `unknown`.
    public var description: String {
        switch self {
        case .ok: "ok"
        case .pending(let severity): "pending(\(severity))"
        case .firing(let severity): "firing(\(severity))"
        case .unknown: "unknown"
        }
    }
}

/// A change of a rule's status, at the instant of the sample (or silence) that caused it.
///
/// JSON: `{"milliseconds": 1767225600000, "from": {"phase": "ok"}, "to": {"phase":
/// "pending", "severity": "critical"}, "value": 95}`; `value` is absent for a silence.
public struct RuleTransition: Sendable, Hashable, CustomStringConvertible {
    /// When, in milliseconds since 1970: the sample's instant, or for a silence the last
    /// sample's instant plus the silence length.
    public let milliseconds: Int64
    /// The status before.
    public let from: RuleStatus
    /// The status after.
    public let to: RuleStatus
    /// The aggregated value that caused the change; `nil` for a silence.
    public let value: Double?

    /// Creates a transition.
    public init(milliseconds: Int64, from: RuleStatus, to: RuleStatus, value: Double?) {
        self.milliseconds = milliseconds
        self.from = from
        self.to = to
        self.value = value
    }

    /// `@1767225600000 ok -> pending(critical) (95.0)`.
    public var description: String {
        let cause = value.map { " (\($0))" } ?? " (silence)"
        return "@\(milliseconds) \(from) -> \(to)\(cause)"
    }
}

/// The complete, Codable memory of one rule over one series: a snapshot restored later
/// continues exactly, mid-pending or mid-firing (a `for` timer is never reset by a restart).
///
/// Start from ``init()``; every evaluation returns the next state. JSON (all keys always
/// present): `{"status": {...}, "level": 2, "pendingCount": 2, "pendingSince":
/// 1767225600000, "recoveringSince": null, "lastSample": 1767225660000, "silent": false,
/// "recentValues": [], "recentInstants": []}`.
public struct ThresholdRuleState: Sendable, Hashable {
    /// What the rule reports now.
    public internal(set) var status: RuleStatus
    /// The hysteresis level of the last evaluation: 0 ok, 1 warning, 2 critical.
    var level: UInt8
    /// Consecutive failing evaluations in the current pending run.
    var pendingCount: Int64
    /// The instant of the first failing evaluation of the current run.
    var pendingSince: Int64
    /// The instant of the first healthy evaluation while firing (keep-firing-for).
    var recoveringSince: Int64?
    /// The instant of the newest sample, if any.
    public internal(set) var lastSampleMilliseconds: Int64?
    /// Whether the current gap has already been handled as a silence.
    var silent: Bool
    /// The samples kept for aggregation, oldest first.
    var recentValues: [Double]
    /// The instants of ``recentValues``.
    var recentInstants: [Int64]

    /// The state of a rule that has seen nothing yet: ok, no samples.
    public init() {
        status = .ok
        level = 0
        pendingCount = 0
        pendingSince = 0
        recoveringSince = nil
        lastSampleMilliseconds = nil
        silent = false
        recentValues = []
        recentInstants = []
    }

    /// Traps when an invariant is broken (level 0...2, a firing or pending status with a
    /// non-zero level unless recovering, equal aggregation buffers); run in debug builds and
    /// tests.
    func _checkInvariants() {
        var consistent =
            level <= 2 && pendingCount >= 0 && recentValues.count == recentInstants.count
        switch status {
        case .pending: consistent = consistent && level != 0 && pendingCount >= 1
        case .unknown: consistent = consistent && level == 0
        case .ok, .firing: break
        }
        precondition(consistent, "\(self)")  // justified: internal invariant
    }

    /// The hysteresis level of the last evaluation: `nil` when healthy.
    public var hysteresisLevel: Severity? {
        level == 0 ? nil : (level == 1 ? .warning : .critical)
    }
}
