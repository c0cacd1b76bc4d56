/// A threshold rule: when a metric is a problem, how bad, and how sure the rule must be
/// before it fires or resolves.
///
/// A rule compares an aggregated sample value with a **warning** and/or a **critical**
/// level. Each level may have a separate **recovery** level (hysteresis, as Zabbix recovery
/// expressions and Datadog recovery thresholds): a problem raised at the trigger level only
/// clears once the value no longer fails at the recovery level. A problem must be
/// **confirmed** (after N consecutive failing evaluations as Nagios' soft → hard states, or
/// after a duration as Prometheus' `for`) before it fires; a firing rule can **keep firing**
/// for a while after the value recovers (Prometheus' `keep_firing_for`); and a **no-data**
/// policy says what a silence longer than D means.
///
/// Worked example, `cpu > 80` critical with recovery at 70, confirmed after 3 samples:
///
/// ```
/// sample   95   90   85   75   72   65   90
/// level    C    C    C    C    C    ok   C      (75 and 72 still fail "> 70")
/// status   P    P    F    F    F    ok   P      (P pending, F firing critical)
/// ```
///
/// The rule is validated when built; ``evaluate(_:sample:)`` and the batch
/// ``evaluate(values:instants:from:)`` are pure functions of the rule, a
/// ``ThresholdRuleState`` and the samples.
public struct ThresholdRule: Sendable, Hashable {
    /// How a value is compared with a level: the value fails when `value <op> level`.
    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        /// Fails when the value is greater than the level (`>`); higher is worse.
        case greaterThan = ">"
        /// Fails when the value is greater than or equal to the level (`>=`).
        case greaterThanOrEqual = ">="
        /// Fails when the value is less than the level (`<`); lower is worse.
        case lessThan = "<"
        /// Fails when the value is less than or equal to the level (`<=`).
        case lessThanOrEqual = "<="

        /// Whether higher values are worse.
        public var higherIsWorse: Bool { self == .greaterThan || self == .greaterThanOrEqual }

        /// Whether `value` fails against `level`.
        @inline(__always)
        public func fails(_ value: Double, _ level: Double) -> Bool {
            switch self {
            case .greaterThan: value > level
            case .greaterThanOrEqual: value >= level
            case .lessThan: value < level
            case .lessThanOrEqual: value <= level
            }
        }
    }

    /// How the samples in an aggregation are combined.
    public enum AggregationFunction: String, Sendable, Hashable, Codable, CaseIterable {
        /// The arithmetic mean, summed in arrival order.
        case mean
        /// The smallest value.
        case minimum
        /// The largest value.
        case maximum
    }

    /// Which samples an evaluation looks at.
    public enum Aggregation: Sendable, Hashable {
        /// Only the newest sample.
        case latest
        /// The newest `count` samples (fewer while fewer have arrived), combined by `function`.
        case lastSamples(Int, AggregationFunction)
        /// The samples in `(t - milliseconds, t]` where `t` is the newest sample's instant.
        case window(milliseconds: Int64, AggregationFunction)
    }

    /// When a failing value becomes a firing alert.
    public enum Confirmation: Sendable, Hashable {
        /// On the first failing evaluation.
        case immediately
        /// On the N-th consecutive failing evaluation (Nagios `max_check_attempts`); N >= 1.
        case consecutive(Int)
        /// On the first failing evaluation at least `milliseconds` after the first failing
        /// evaluation of the run (Prometheus `for`).
        case duration(milliseconds: Int64)
    }

    /// What a silence means.
    public enum NoDataAction: Sendable, Hashable {
        /// The rule goes to the explicit unknown state; data afterwards starts afresh.
        case unknown
        /// The silence is itself a confirmed problem of this severity.
        case alert(Severity)
        /// Nothing changes: the rule keeps its last state.
        case keepLastState
    }

    /// A no-data policy: after a silence longer than ``silenceMilliseconds``, take ``action``.
    public struct NoDataPolicy: Sendable, Hashable {
        /// The longest gap between samples that is not a silence, in milliseconds (>= 1).
        public let silenceMilliseconds: Int64
        /// What the silence does.
        public let action: NoDataAction

        /// Creates a policy.
        ///
        /// - Throws: ``MonitoringError`` `invalidDuration` when `silenceMilliseconds < 1`.
        public init(silenceMilliseconds: Int64, action: NoDataAction) throws(MonitoringError) {
            try InstantBounds.checkDuration(
                silenceMilliseconds, field: "noData.silenceMilliseconds", minimum: 1)
            self.silenceMilliseconds = silenceMilliseconds
            self.action = action
        }
    }

    /// How values are compared with the levels.
    public let comparison: Comparison
    /// The warning trigger level, if any.
    public let warning: Double?
    /// The critical trigger level, if any.
    public let critical: Double?
    /// The level a warning must stop failing at to clear; `nil` means ``warning`` itself.
    public let warningRecovery: Double?
    /// The level a critical must stop failing at to clear; `nil` means ``critical`` itself.
    public let criticalRecovery: Double?
    /// Which samples an evaluation aggregates.
    public let aggregation: Aggregation
    /// When a failing value fires.
    public let confirmation: Confirmation
    /// How long a firing rule keeps firing after its value recovers, in milliseconds.
    public let keepFiringMilliseconds: Int64
    /// What a silence means; `nil` when silences are not watched.
    public let noData: NoDataPolicy?

    /// Creates a rule, validating every level and option.
    ///
    /// - Parameters:
    ///   - comparison: How values are compared with levels.
    ///   - warning: The warning trigger level, or `nil`.
    ///   - critical: The critical trigger level, or `nil`.
    ///   - warningRecovery: Where a warning clears; strictly on the healthy side of `warning`.
    ///   - criticalRecovery: Where a critical clears; strictly on the healthy side of
    ///     `critical`.
    ///   - aggregation: Which samples are combined; ``Aggregation/latest`` by default.
    ///   - confirmation: When a problem fires; ``Confirmation/immediately`` by default.
    ///   - keepFiringMilliseconds: Keep-firing-for after recovery; 0 by default.
    ///   - noData: The no-data policy, or `nil`.
    /// - Throws: ``MonitoringError`` `missingLevel`, `nonFiniteValue`,
    ///   `warningBeyondCritical` (warning not strictly on the healthy side of critical),
    ///   `recoveryNotHysteresis`, `invalidCount` (a count below 1) or `invalidDuration`.
    public init(
        comparison: Comparison,
        warning: Double? = nil,
        critical: Double? = nil,
        warningRecovery: Double? = nil,
        criticalRecovery: Double? = nil,
        aggregation: Aggregation = .latest,
        confirmation: Confirmation = .immediately,
        keepFiringMilliseconds: Int64 = 0,
        noData: NoDataPolicy? = nil
    ) throws(MonitoringError) {
        guard warning != nil || critical != nil else { throw .missingLevel() }
        let named: [(String, Double?)] = [
            ("warning", warning), ("critical", critical),
            ("warningRecovery", warningRecovery), ("criticalRecovery", criticalRecovery),
        ]
        for (field, level) in named {
            if let level, !level.isFinite { throw .nonFiniteValue(level, field: field) }
        }
        // `worse(a, b)`: a lies strictly on the failing side of b.
        let higher = comparison.higherIsWorse
        func worse(_ a: Double, _ b: Double) -> Bool { higher ? a > b : a < b }
        if let warning, let critical, !worse(critical, warning) {
            throw .warningBeyondCritical(warning: warning, critical: critical)
        }
        if let warningRecovery {
            guard let warning else {
                throw .recoveryNotHysteresis(
                    field: "warningRecovery", recovery: warningRecovery, trigger: .nan)
            }
            guard worse(warning, warningRecovery) else {
                throw .recoveryNotHysteresis(
                    field: "warningRecovery", recovery: warningRecovery, trigger: warning)
            }
        }
        if let criticalRecovery {
            guard let critical else {
                throw .recoveryNotHysteresis(
                    field: "criticalRecovery", recovery: criticalRecovery, trigger: .nan)
            }
            guard worse(critical, criticalRecovery) else {
                throw .recoveryNotHysteresis(
                    field: "criticalRecovery", recovery: criticalRecovery, trigger: critical)
            }
        }
        switch aggregation {
        case .latest: break
        case .lastSamples(let count, _):
            guard count >= 1 else {
                throw .invalidCount(count, field: "aggregation.samples", minimum: 1)
            }
        case .window(let milliseconds, _):
            try InstantBounds.checkDuration(
                milliseconds, field: "aggregation.windowMilliseconds", minimum: 1)
        }
        switch confirmation {
        case .immediately: break
        case .consecutive(let count):
            guard count >= 1 else {
                throw .invalidCount(count, field: "confirmation.consecutive", minimum: 1)
            }
        case .duration(let milliseconds):
            try InstantBounds.checkDuration(
                milliseconds, field: "confirmation.milliseconds", minimum: 0)
        }
        try InstantBounds.checkDuration(
            keepFiringMilliseconds, field: "keepFiringMilliseconds", minimum: 0)
        self.comparison = comparison
        self.warning = warning
        self.critical = critical
        self.warningRecovery = warningRecovery
        self.criticalRecovery = criticalRecovery
        self.aggregation = aggregation
        self.confirmation = confirmation
        self.keepFiringMilliseconds = keepFiringMilliseconds
        self.noData = noData
    }
}
