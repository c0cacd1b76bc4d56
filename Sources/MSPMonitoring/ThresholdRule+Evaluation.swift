/// One metric sample: a finite value at an instant (milliseconds since 1970).
///
/// JSON: `{"value": 85.5, "milliseconds": 1767225600000}`; decoding validates as the
/// initialiser does.
public struct MetricSample: Sendable, Hashable, Codable {
    /// The measured value.
    public let value: Double
    /// When it was measured, in milliseconds since 1970-01-01T00:00:00Z.
    public let milliseconds: Int64

    /// Creates a sample.
    ///
    /// - Throws: ``MonitoringError`` `nonFiniteValue` for NaN or ±infinity,
    ///   `instantOutOfRange` for an instant outside years 1...9999.
    public init(value: Double, milliseconds: Int64) throws(MonitoringError) {
        guard value.isFinite else { throw .nonFiniteValue(value, field: "value") }
        try InstantBounds.check(milliseconds, field: "milliseconds")
        self.value = value
        self.milliseconds = milliseconds
    }

    private enum CodingKeys: String, CodingKey { case value, milliseconds }

    /// Decodes and validates the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            value: container.decode(Double.self, forKey: .value),
            milliseconds: container.decode(Int64.self, forKey: .milliseconds))
    }
}

extension ThresholdRule {
    /// Feeds one sample to the rule: the pure reducer `(state, sample) -> (state, transitions)`.
    ///
    /// In order: a gap longer than the no-data silence first applies the no-data action at
    /// `last + silence`; the sample is aggregated; the hysteresis level is the worst level
    /// the value fails at, where a level already reached is held until the value stops
    /// failing at its recovery level; then pending, confirmation, keep-firing-for and
    /// resolution follow. At most two transitions result (a silence, then the sample).
    ///
    /// - Parameters:
    ///   - state: The rule's state before the sample.
    ///   - sample: The sample; its instant must not be before the state's last sample.
    /// - Returns: The next state and the status changes, oldest first.
    /// - Throws: ``MonitoringError`` `outOfOrder` when the sample is older than the last one.
    /// - Complexity: O(1) for ``Aggregation/latest``, O(k) for k aggregated samples.
    public func evaluate(_ state: ThresholdRuleState, sample: MetricSample) throws(MonitoringError)
        -> (state: ThresholdRuleState, transitions: [RuleTransition])
    {
        var next = state
        var transitions: [RuleTransition] = []
        try advanceChecked(&next, value: sample.value, at: sample.milliseconds, into: &transitions)
        return (next, transitions)
    }

    /// Applies the no-data policy at instant `milliseconds` without a sample (a timer tick).
    ///
    /// When the newest sample is older than the silence length, the no-data action is taken
    /// at `last + silence`, exactly as the next sample would have taken it; otherwise nothing
    /// changes. Ticks never change what later samples produce.
    ///
    /// - Throws: ``MonitoringError`` `instantOutOfRange`, or `outOfOrder` for a tick before
    ///   the last sample.
    public func evaluate(_ state: ThresholdRuleState, silenceCheckAt milliseconds: Int64)
        throws(MonitoringError) -> (state: ThresholdRuleState, transitions: [RuleTransition])
    {
        try InstantBounds.check(milliseconds, field: "milliseconds")
        var next = state
        var transitions: [RuleTransition] = []
        if let last = state.lastSampleMilliseconds {
            guard milliseconds >= last else {
                throw .outOfOrder(milliseconds, previous: last, field: "milliseconds")
            }
            checkSilence(&next, at: milliseconds, last: last, into: &transitions)
        }
        return (next, transitions)
    }

    /// Feeds a contiguous series of samples, giving exactly the states and transitions of
    /// feeding them one by one with ``evaluate(_:sample:)``.
    ///
    /// The batch is atomic: when any sample is invalid the error of the first invalid one
    /// (in order) is thrown and no state is returned. With ``Aggregation/latest`` the loop
    /// runs on the raw buffers and only leaves its fast path on samples that change
    /// something.
    ///
    /// - Parameters:
    ///   - values: The sample values.
    ///   - instants: Their instants in milliseconds, non-decreasing, as many as `values`.
    ///   - state: The state before the first sample.
    /// - Returns: The state after the last sample and every transition, oldest first.
    /// - Throws: ``MonitoringError`` `lengthMismatch`, `nonFiniteValue` (field
    ///   `values[i]`), `instantOutOfRange` or `outOfOrder` (field `instants[i]`).
    /// - Complexity: O(n) for ``Aggregation/latest``; O(n·k) with k aggregated samples.
    public func evaluate(values: [Double], instants: [Int64], from state: ThresholdRuleState)
        throws(MonitoringError) -> (state: ThresholdRuleState, transitions: [RuleTransition])
    {
        guard values.count == instants.count else {
            throw .lengthMismatch(field: "instants", expected: values.count, actual: instants.count)
        }
        var next = state
        var transitions: [RuleTransition] = []
        guard let first = instants.first, let last = instants.last else { return (next, []) }
        if case .latest = aggregation, InstantBounds.contains(first), InstantBounds.contains(last) {
            let completed = instants.withUnsafeBufferPointer { buffer in
                dispatchFastBatch(values, BufferInstants(base: buffer), &next, &transitions)
            }
            if completed { return (next, transitions) }
            next = state
            transitions = []
        }
        for index in values.indices {
            try advanceChecked(
                &next, value: values[index], at: instants[index], into: &transitions,
                index: index)
        }
        return (next, transitions)
    }

    /// Feeds a regular series, one sample every `intervalMilliseconds` from
    /// `startMilliseconds`: exactly ``evaluate(values:instants:from:)`` with the instants
    /// `start + i · interval`, without reading an instant column (half the memory traffic).
    ///
    /// - Parameters:
    ///   - values: The sample values.
    ///   - startMilliseconds: The instant of `values[0]`.
    ///   - intervalMilliseconds: The sampling interval, at least 1 ms.
    ///   - state: The state before the first sample.
    /// - Throws: ``MonitoringError`` `invalidDuration` for an interval below 1 ms,
    ///   `instantOutOfRange` when the series leaves years 1...9999 (field
    ///   `startMilliseconds` or `intervalMilliseconds`), otherwise as
    ///   ``evaluate(values:instants:from:)``.
    /// - Complexity: O(n) for ``Aggregation/latest``; O(n·k) with k aggregated samples.
    public func evaluate(
        values: [Double], startMilliseconds: Int64, intervalMilliseconds: Int64,
        from state: ThresholdRuleState
    ) throws(MonitoringError) -> (state: ThresholdRuleState, transitions: [RuleTransition]) {
        try InstantBounds.checkDuration(
            intervalMilliseconds, field: "intervalMilliseconds", minimum: 1)
        try InstantBounds.check(startMilliseconds, field: "startMilliseconds")
        guard !values.isEmpty else { return (state, []) }
        let (span, spanOverflow) = Int64(values.count - 1).multipliedReportingOverflow(
            by: intervalMilliseconds)
        let (last, lastOverflow) = startMilliseconds.addingReportingOverflow(span)
        guard !spanOverflow, !lastOverflow, InstantBounds.contains(last) else {
            throw .instantOutOfRange(
                lastOverflow || spanOverflow ? .max : last, field: "intervalMilliseconds")
        }
        if case .latest = aggregation,
            state.lastSampleMilliseconds.map({ $0 <= startMilliseconds }) ?? true
        {
            var next = state
            var transitions: [RuleTransition] = []
            let column = RegularInstants(start: startMilliseconds, interval: intervalMilliseconds)
            if dispatchFastBatch(values, column, &next, &transitions) {
                return (next, transitions)
            }
        }
        let instants = (0..<Int64(values.count)).map {
            startMilliseconds + $0 * intervalMilliseconds
        }
        return try evaluate(values: values, instants: instants, from: state)
    }

    /// Runs the fast loop specialised for the rule's comparison.
    private func dispatchFastBatch<Column: InstantColumn>(
        _ values: [Double], _ instants: Column, _ state: inout ThresholdRuleState,
        _ transitions: inout [RuleTransition]
    ) -> Bool {
        switch comparison {
        case .greaterThan:
            fastBatch(GreaterThanTest.self, values, instants, &state, &transitions)
        case .greaterThanOrEqual:
            fastBatch(GreaterThanOrEqualTest.self, values, instants, &state, &transitions)
        case .lessThan:
            fastBatch(LessThanTest.self, values, instants, &state, &transitions)
        case .lessThanOrEqual:
            fastBatch(LessThanOrEqualTest.self, values, instants, &state, &transitions)
        }
    }

    /// The batch loop for ``Aggregation/latest``: returns `false` (and leaves garbage in
    /// `state`) when a sample is invalid, so that the caller replays the checked path.
    private func fastBatch<Test: FailTest, Column: InstantColumn>(
        _: Test.Type, _ values: [Double], _ instants: Column,
        _ state: inout ThresholdRuleState, _ transitions: inout [RuleTransition]
    ) -> Bool {
        let table = HysteresisLevels(self)
        let silence = noDataSilence
        return values.withUnsafeBufferPointer { values in
            do {
                var index = 0
                let count = values.count
                if state.lastSampleMilliseconds == nil {
                    guard values[0].isFinite else { return false }
                    advance(&state, value: values[0], at: instants.instant(0), into: &transitions)
                    index = 1
                }
                var last = state.lastSampleMilliseconds ?? instants.instant(0)
                var level = state.level
                var (critical, warning) = table.levels(for: level)
                var quiet = QuietRange(
                    comparison: comparison, level: level, critical: critical, warning: warning)
                var stable = isStable(state)
                let silenceBound = UInt64(bitPattern: silence)
                while index < count {
                    // Skip whole blocks that change nothing but the last instant.
                    if stable, index + quietBlockSize <= count,
                        instants.gapsWithin(
                            from: index, count: quietBlockSize, after: last,
                            silence: silenceBound),
                        quiet.contains(values, from: index)
                    {
                        last = instants.instant(index + quietBlockSize - 1)
                        index += quietBlockSize
                        continue
                    }
                    let value = values[index]
                    let instant = instants.instant(index)
                    guard value.magnitude < .infinity, instant >= last else { return false }
                    let newLevel: UInt8 =
                        Test.fails(value, critical) ? 2 : (Test.fails(value, warning) ? 1 : 0)
                    if stable && newLevel == level && instant &- last <= silence {
                        last = instant
                        index &+= 1
                        continue
                    }
                    guard InstantBounds.contains(instant) else { return false }
                    state.lastSampleMilliseconds = last
                    advance(&state, value: value, at: instant, into: &transitions)
                    last = instant
                    level = state.level
                    (critical, warning) = table.levels(for: level)
                    quiet = QuietRange(
                        comparison: comparison, level: level, critical: critical,
                        warning: warning)
                    stable = isStable(state)
                    index &+= 1
                }
                state.lastSampleMilliseconds = last
                return true
            }
        }
    }

    /// Whether a sample that keeps the hysteresis level and arrives without a silence
    /// changes nothing but the last instant: healthy, or firing without recovering.
    @inline(__always)
    private func isStable(_ state: ThresholdRuleState) -> Bool {
        guard !state.silent else { return false }
        switch state.status {
        case .ok: return state.level == 0
        case .firing: return state.level != 0 && state.recoveringSince == nil
        case .pending, .unknown: return false
        }
    }

    /// The silence length, or `Int64.max` when silences are not watched or change nothing.
    private var noDataSilence: Int64 {
        guard let noData else { return .max }
        if case .keepLastState = noData.action { return .max }
        return noData.silenceMilliseconds
    }

    /// Validates one sample, then advances.
    /// Errors name `value`/`milliseconds`, or `values[i]`/`instants[i]` in a batch.
    private func advanceChecked(
        _ state: inout ThresholdRuleState, value: Double, at instant: Int64,
        into transitions: inout [RuleTransition], index: Int? = nil
    ) throws(MonitoringError) {
        guard value.isFinite else {
            throw .nonFiniteValue(value, field: index.map { "values[\($0)]" } ?? "value")
        }
        guard InstantBounds.contains(instant) else {
            throw .instantOutOfRange(
                instant, field: index.map { "instants[\($0)]" } ?? "milliseconds")
        }
        if let last = state.lastSampleMilliseconds, instant < last {
            throw .outOfOrder(
                instant, previous: last, field: index.map { "instants[\($0)]" } ?? "milliseconds")
        }
        advance(&state, value: value, at: instant, into: &transitions)
    }

    /// Applies the no-data action when the gap from `last` to `instant` is a silence.
    private func checkSilence(
        _ state: inout ThresholdRuleState, at instant: Int64, last: Int64,
        into transitions: inout [RuleTransition]
    ) {
        let silence = noDataSilence
        guard !state.silent, silence != .max, instant - last > silence, let noData else {
            return
        }
        let before = state.status
        switch noData.action {
        case .keepLastState: return
        case .unknown:
            state.status = .unknown
            state.level = 0
        case .alert(let severity):
            state.status = .firing(severity)
            state.level = severity == .warning ? 1 : 2
        }
        state.silent = true
        state.pendingCount = 0
        state.recoveringSince = nil
        state.recentValues.removeAll()
        state.recentInstants.removeAll()
        if before != state.status {
            transitions.append(
                RuleTransition(
                    milliseconds: last + silence, from: before, to: state.status, value: nil))
        }
    }

    /// Advances the state by one valid sample (the one place the rule's semantics live).
    private func advance(
        _ state: inout ThresholdRuleState, value: Double, at instant: Int64,
        into transitions: inout [RuleTransition]
    ) {
        if let last = state.lastSampleMilliseconds {
            checkSilence(&state, at: instant, last: last, into: &transitions)
        }
        let before = state.status
        if state.silent {
            state.silent = false
            if state.status == .unknown { state.status = .ok }
        }
        state.lastSampleMilliseconds = instant
        let aggregated = aggregate(&state, value: value, at: instant)
        let (critical, warning) = HysteresisLevels(self).levels(for: state.level)
        let level: UInt8 =
            comparison.fails(aggregated, critical)
            ? 2 : (comparison.fails(aggregated, warning) ? 1 : 0)
        state.level = level
        let severity: Severity = level == 2 ? .critical : .warning
        switch state.status {
        case .ok, .unknown:
            if level != 0 {
                state.pendingCount = 1
                state.pendingSince = instant
                state.status =
                    isConfirmed(state, at: instant) ? .firing(severity) : .pending(severity)
            }
        case .pending:
            if level == 0 {
                state.status = .ok
                state.pendingCount = 0
            } else {
                state.pendingCount = state.pendingCount &+ (state.pendingCount < .max ? 1 : 0)
                state.status =
                    isConfirmed(state, at: instant) ? .firing(severity) : .pending(severity)
            }
        case .firing:
            if level == 0 {
                let since = state.recoveringSince ?? instant
                if instant - since >= keepFiringMilliseconds {
                    state.status = .ok
                    state.recoveringSince = nil
                    state.pendingCount = 0
                } else {
                    state.recoveringSince = since
                }
            } else {
                state.recoveringSince = nil
                state.status = .firing(severity)
            }
        }
        if before != state.status {
            transitions.append(
                RuleTransition(
                    milliseconds: instant, from: before, to: state.status, value: aggregated))
        }
        #if DEBUG
            state._checkInvariants()
        #endif
    }

    /// Whether the current pending run is confirmed at `instant`.
    @inline(__always)
    private func isConfirmed(_ state: ThresholdRuleState, at instant: Int64) -> Bool {
        switch confirmation {
        case .immediately: true
        case .consecutive(let count): state.pendingCount >= Int64(count)
        case .duration(let milliseconds): instant - state.pendingSince >= milliseconds
        }
    }

    /// Adds the sample to the aggregation buffer and returns the aggregated value.
    private func aggregate(_ state: inout ThresholdRuleState, value: Double, at instant: Int64)
        -> Double
    {
        let function: AggregationFunction
        switch aggregation {
        case .latest:
            return value
        case .lastSamples(let count, let chosen):
            function = chosen
            state.recentValues.append(value)
            state.recentInstants.append(instant)
            let excess = state.recentValues.count - count
            if excess > 0 {
                state.recentValues.removeFirst(excess)
                state.recentInstants.removeFirst(excess)
            }
        case .window(let milliseconds, let chosen):
            function = chosen
            state.recentValues.append(value)
            state.recentInstants.append(instant)
            let cutoff = instant - milliseconds
            let stale = state.recentInstants.prefix { $0 <= cutoff }.count
            if stale > 0 {
                state.recentValues.removeFirst(stale)
                state.recentInstants.removeFirst(stale)
            }
        }
        return Self.combine(state.recentValues, function)
    }

    /// Combines the kept values; the mean falls back to summing quotients when the plain sum
    /// overflows, so that the mean of finite values stays finite.
    static func combine(_ values: [Double], _ function: AggregationFunction) -> Double {
        switch function {
        case .minimum: return values.min() ?? .nan
        case .maximum: return values.max() ?? .nan
        case .mean:
            let count = Double(values.count)
            let sum = values.reduce(0, +)
            if sum.isFinite { return sum / count }
            return values.reduce(0) { $0 + $1 / count }
        }
    }
}
