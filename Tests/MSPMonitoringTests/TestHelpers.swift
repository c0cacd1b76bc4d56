import MSPMonitoring

/// One minute in milliseconds.
let minute: Int64 = 60_000

/// Feeds `samples` one by one and returns the transitions, the final state and the status
/// after each sample.
func feed(
    _ rule: ThresholdRule, _ samples: [(Int64, Double)],
    from state: ThresholdRuleState = ThresholdRuleState()
) throws -> (transitions: [RuleTransition], state: ThresholdRuleState, statuses: [RuleStatus]) {
    var state = state
    var transitions: [RuleTransition] = []
    var statuses: [RuleStatus] = []
    for (instant, value) in samples {
        let result = try rule.evaluate(
            state, sample: MetricSample(value: value, milliseconds: instant))
        state = result.state
        transitions += result.transitions
        statuses.append(state.status)
    }
    return (transitions, state, statuses)
}

/// A transition written as in the hand-worked tables: `(instant, from, to)`.
func transition(_ instant: Int64, _ from: RuleStatus, _ to: RuleStatus) -> [String] {
    ["\(instant)", "\(from)", "\(to)"]
}

/// The `(instant, from, to)` of each transition, for comparing with hand-worked tables.
func outline(_ transitions: [RuleTransition]) -> [[String]] {
    transitions.map { transition($0.milliseconds, $0.from, $0.to) }
}
