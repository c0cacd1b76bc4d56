/// An effect with the instant it happened at.
public struct TimedAlertEffect: Sendable, Hashable {
    /// When, in milliseconds since 1970.
    public let milliseconds: Int64
    /// What happened.
    public let effect: AlertEffect

    /// Creates a timed effect.
    public init(milliseconds: Int64, effect: AlertEffect) {
        self.milliseconds = milliseconds
        self.effect = effect
    }
}

/// What a rule and a policy would have done over a stored history.
public struct AlertBacktestResult: Sendable, Hashable {
    /// The rule's status changes.
    public let transitions: [RuleTransition]
    /// The alert effects, in order.
    public let effects: [TimedAlertEffect]
    /// The rule state after the history (to continue live from it).
    public let ruleState: ThresholdRuleState
    /// The alert book after the history.
    public let book: AlertBook

    /// Only the notifications, with their instants.
    public var notifications: [(milliseconds: Int64, notification: AlertNotification)] {
        effects.compactMap { timed in
            if case .notify(let notification) = timed.effect {
                return (timed.milliseconds, notification)
            }
            return nil
        }
    }
}

extension AlertPolicy {
    /// Runs `rule` over a stored history and feeds its transitions to this policy, playing
    /// time forward exactly: between two transitions the book is ticked at every
    /// ``nextWakeUp(_:)``, so reminders, escalations and maintenance exits land on their
    /// instants. Use it to tune a rule and a policy before deploying them.
    ///
    /// A transition to ``RuleStatus/firing(_:)`` is a ``AlertEvent/problem(_:subject:severity:)``;
    /// a transition from firing to anything else (ok, pending, unknown) is a
    /// ``AlertEvent/recovery(_:)``.
    ///
    /// - Parameters:
    ///   - rule: The rule to try.
    ///   - values: The stored sample values.
    ///   - instants: Their instants, non-decreasing.
    ///   - key: The alert key the rule raises.
    ///   - subject: What the alert is about.
    ///   - book: The alert book to start from; empty by default.
    ///   - end: Keep ticking until this instant after the last sample, if given.
    /// - Throws: ``MonitoringError`` from the rule's batch evaluation or the reducer.
    /// - Complexity: O(n) for the samples plus O(t) reductions for t transitions and
    ///   wake-ups.
    public func backtest(
        rule: ThresholdRule, values: [Double], instants: [Int64], key: AlertKey,
        subject: AlertSubject, from book: AlertBook = AlertBook(), until end: Int64? = nil
    ) throws(MonitoringError) -> AlertBacktestResult {
        let run = try rule.evaluate(values: values, instants: instants, from: ThresholdRuleState())
        var book = book
        var effects: [TimedAlertEffect] = []
        func advance(before limit: Int64) throws(MonitoringError) {
            while let wake = nextWakeUp(book), wake < limit {
                let step = try reduce(book, .tick, at: wake)
                book = step.book
                effects += step.effects.map { TimedAlertEffect(milliseconds: wake, effect: $0) }
            }
        }
        for transition in run.transitions {
            let event: AlertEvent
            switch (transition.from, transition.to) {
            case (_, .firing(let severity)):
                event = .problem(key, subject: subject, severity: severity)
            case (.firing, _):
                event = .recovery(key)
            default:
                continue
            }
            try advance(before: transition.milliseconds)
            let step = try reduce(book, event, at: transition.milliseconds)
            book = step.book
            effects += step.effects.map {
                TimedAlertEffect(milliseconds: transition.milliseconds, effect: $0)
            }
        }
        if let end {
            try advance(before: end + 1)
        }
        return AlertBacktestResult(
            transitions: run.transitions, effects: effects, ruleState: run.state, book: book)
    }
}
