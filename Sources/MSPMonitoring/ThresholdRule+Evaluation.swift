/// One metric sample: a finite value at an instant (milliseconds since 1970).
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
}

/// The trigger levels of a rule, by hysteresis level (0 ok, 1 warning, 2 critical).
///
/// A missing level becomes an infinity on the healthy side, which no finite value fails.
struct HysteresisLevels: Sendable {
    /// Critical trigger when healthy, when warning, when critical.
    let critical: (Double, Double, Double)
    /// Warning trigger when healthy, when warning, when critical.
    let warning: (Double, Double, Double)

    init(_ rule: ThresholdRule) {
        let never: Double = rule.comparison.higherIsWorse ? .infinity : -.infinity
        let critical = rule.critical ?? never
        let warning = rule.warning ?? never
        let criticalRecovery = rule.criticalRecovery ?? critical
        let warningRecovery = rule.warningRecovery ?? warning
        self.critical = (critical, critical, criticalRecovery)
        self.warning = (warning, warningRecovery, warningRecovery)
    }

    @inline(__always)
    func levels(for level: UInt8) -> (critical: Double, warning: Double) {
        switch level {
        case 0: (critical.0, warning.0)
        case 1: (critical.1, warning.1)
        default: (critical.2, warning.2)
        }
    }
}

/// A comparison fixed at compile time, so that the batch loop specialises per operator.
protocol FailTest {
    static func fails(_ value: Double, _ level: Double) -> Bool
}

enum GreaterThanTest: FailTest {
    @inline(__always) static func fails(_ value: Double, _ level: Double) -> Bool { value > level }
}
enum GreaterThanOrEqualTest: FailTest {
    @inline(__always) static func fails(_ value: Double, _ level: Double) -> Bool { value >= level }
}
enum LessThanTest: FailTest {
    @inline(__always) static func fails(_ value: Double, _ level: Double) -> Bool { value < level }
}
enum LessThanOrEqualTest: FailTest {
    @inline(__always) static func fails(_ value: Double, _ level: Double) -> Bool { value <= level }
}

/// Where the batch loop reads instants from: an array, or a regular series.
protocol InstantColumn {
    func instant(_ index: Int) -> Int64
    /// Whether every gap in `start..<start + count`, the first measured from `last`, lies in
    /// `0...silence` (a negative gap wraps to a huge unsigned one).
    func gapsWithin(from start: Int, count: Int, after last: Int64, silence: UInt64) -> Bool
}

/// Instants read from a buffer.
struct BufferInstants: InstantColumn {
    let base: UnsafeBufferPointer<Int64>
    @inline(__always) func instant(_ index: Int) -> Int64 { base[index] }

    /// Branch-free in 64-bit integers so that it vectorises: a gap `d` is in
    /// `0...silence` exactly when neither `d` nor `silence - d` is negative (for `d < 0`
    /// the first already is, whatever the second wraps to).
    @inline(__always)
    func gapsWithin(from start: Int, count: Int, after last: Int64, silence: UInt64) -> Bool {
        let limit = Int64(bitPattern: silence)
        let first = base[start] &- last
        var signs = first | (limit &- first)
        for index in (start + 1)..<(start + count) {
            let gap = base[index] &- base[index - 1]
            signs |= gap | (limit &- gap)
        }
        return signs >= 0
    }
}

/// Instants `start + index · interval`, validated to stay in range.
struct RegularInstants: InstantColumn {
    let start: Int64
    let interval: Int64
    @inline(__always) func instant(_ index: Int) -> Int64 { start &+ Int64(index) &* interval }

    @inline(__always)
    func gapsWithin(from start: Int, count: Int, after last: Int64, silence: UInt64) -> Bool {
        UInt64(bitPattern: instant(start) &- last) <= silence
            && UInt64(bitPattern: interval) <= silence
    }
}

/// Samples the batch loop checks at once before skipping them.
let quietBlockSize = 32

/// The finite values that keep a hysteresis level, as a closed range `low...high` of
/// doubles: a sample inside it changes nothing in a stable state.
///
/// Strict comparisons become closed bounds through the neighbouring double (`v > x` is
/// `v >= x.nextUp`), and the bounds stay finite, so NaN and the infinities are never
/// inside; −0.0 and +0.0 compare equal here exactly as in the comparisons themselves.
struct QuietRange {
    let low: Double
    let high: Double

    /// The quiet values at `level` with trigger levels `critical` and `warning` (missing
    /// levels are infinities on the healthy side).
    init(comparison: ThresholdRule.Comparison, level: UInt8, critical: Double, warning: Double) {
        var low = -Double.greatestFiniteMagnitude
        var high = Double.greatestFiniteMagnitude
        func passes(_ level: Double) {
            switch comparison {
            case .greaterThan: high = min(high, level)
            case .greaterThanOrEqual: high = min(high, level.nextDown)
            case .lessThan: low = max(low, level)
            case .lessThanOrEqual: low = max(low, level.nextUp)
            }
        }
        func fails(_ level: Double) {
            switch comparison {
            case .greaterThan: low = max(low, level.nextUp)
            case .greaterThanOrEqual: low = max(low, level)
            case .lessThan: high = min(high, level.nextDown)
            case .lessThanOrEqual: high = min(high, level)
            }
        }
        switch level {
        case 0:
            passes(critical)
            passes(warning)
        case 1:
            passes(critical)
            fails(warning)
        default:
            fails(critical)
        }
        self.low = low
        self.high = high
    }

    /// Whether every value of `values[start..<start + quietBlockSize]` lies in the range:
    /// a block that changes nothing. Branch-free, so that it vectorises.
    @inline(__always)
    func contains(_ values: UnsafeBufferPointer<Double>, from start: Int) -> Bool {
        guard let base = values.baseAddress, start + quietBlockSize <= values.count else {
            return false
        }
        let raw = UnsafeRawPointer(base + start)
        let lows = SIMD8<Double>(repeating: low)
        let highs = SIMD8<Double>(repeating: high)
        var outside = SIMDMask<SIMD8<Int64>>(repeating: false)
        for chunk in 0..<(quietBlockSize / 8) {
            let vector = raw.loadUnaligned(
                fromByteOffset: chunk * 8 * MemoryLayout<Double>.stride, as: SIMD8<Double>.self)
            // NaN fails both ordered comparisons, so it is caught by `vector .!= vector`.
            outside .|= (vector .< lows) .| (vector .> highs) .| (vector .!= vector)
        }
        return !any(outside)
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
