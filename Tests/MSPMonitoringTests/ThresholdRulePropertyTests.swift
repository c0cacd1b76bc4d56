import Foundation
import MSPMonitoring
import MSPTestSupport
import Testing

/// A random valid rule around the levels 40/50 (or 60/50 when lower is worse).
private func randomRule(_ generator: inout SplitMix64) throws -> ThresholdRule {
    let comparison = generator.element(of: ThresholdRule.Comparison.allCases)
    let sign: Double = comparison.higherIsWorse ? 1 : -1
    let useWarning = generator.chance(2, in: 3)
    let useCritical = !useWarning || generator.chance(1, in: 2)
    let warning = useWarning ? 50 + sign * 0 : nil
    let critical = useCritical ? 50 + sign * 10 : nil
    let warningRecovery = useWarning && generator.chance(1, in: 2) ? 50 - sign * 5 : nil
    let criticalRecovery = useCritical && generator.chance(1, in: 2) ? 50 + sign * 2 : nil
    let aggregation: ThresholdRule.Aggregation
    let function = generator.element(of: ThresholdRule.AggregationFunction.allCases)
    switch generator.int(in: 0...3) {
    case 0: aggregation = .lastSamples(generator.int(in: 1...4), function)
    case 1: aggregation = .window(milliseconds: generator.int64(in: 1...300), function)
    default: aggregation = .latest
    }
    let confirmation: ThresholdRule.Confirmation
    switch generator.int(in: 0...2) {
    case 0: confirmation = .consecutive(generator.int(in: 1...4))
    case 1: confirmation = .duration(milliseconds: generator.int64(in: 0...200))
    default: confirmation = .immediately
    }
    var noData: ThresholdRule.NoDataPolicy?
    if generator.chance(1, in: 2) {
        let action = generator.element(
            of: [
                ThresholdRule.NoDataAction.unknown, .keepLastState, .alert(.warning),
                .alert(.critical),
            ])
        noData = try .init(silenceMilliseconds: generator.int64(in: 1...150), action: action)
    }
    return try ThresholdRule(
        comparison: comparison, warning: warning, critical: critical,
        warningRecovery: warningRecovery, criticalRecovery: criticalRecovery,
        aggregation: aggregation, confirmation: confirmation,
        keepFiringMilliseconds: generator.chance(1, in: 2) ? generator.int64(in: 0...200) : 0,
        noData: noData)
}

@Suite struct ThresholdRulePropertyTests {
    @Test func batchEqualsOneByOne() throws {
        // For random rules and series (values around the levels, mostly steady with bursts,
        // gaps that sometimes exceed the silence), the batch API in random chunks gives the
        // same transitions and the same final state as feeding samples one by one; a state
        // snapshot taken between chunks (JSON round trip) changes nothing.
        try checkProperty(seed: 0x6D6F_6E69_746F_7231) { generator in
            let rule = try randomRule(&generator)
            // Long steady runs (up to 200 samples) so that the batch loop's 32-sample quiet
            // blocks are exercised, with occasional jumps, bursts and long gaps.
            let count = generator.int(in: 0...200)
            let jumpOdds = generator.element(of: [3, 12, 40])
            var values: [Double] = []
            var instants: [Int64] = []
            var instant = generator.int64(in: 0...1_000)
            var value = Double(generator.int(in: 30...70))
            for _ in 0..<count {
                instant +=
                    generator.chance(1, in: 40)
                    ? generator.int64(in: 0...400) : generator.int64(in: 0...40)
                if generator.chance(1, in: jumpOdds) { value = Double(generator.int(in: 30...70)) }
                values.append(value + Double(generator.int(in: -2...2)) / 2)
                instants.append(instant)
            }
            var single = ThresholdRuleState()
            var singleTransitions: [RuleTransition] = []
            for (value, instant) in zip(values, instants) {
                let result = try rule.evaluate(
                    single, sample: MetricSample(value: value, milliseconds: instant))
                single = result.state
                singleTransitions += result.transitions
            }
            var batch = ThresholdRuleState()
            var batchTransitions: [RuleTransition] = []
            var start = 0
            while start < count {
                let end = min(count, start + generator.int(in: 1...120))
                let result = try rule.evaluate(
                    values: Array(values[start..<end]), instants: Array(instants[start..<end]),
                    from: batch)
                batch = try JSONDecoder().decode(
                    ThresholdRuleState.self, from: JSONEncoder().encode(result.state))
                batchTransitions += result.transitions
                start = end
            }
            let input = "rule \(rule) values \(values) instants \(instants)"
            if batch != single { return (input, "states differ: \(batch) vs \(single)") }
            if batchTransitions != singleTransitions {
                return (input, "transitions differ: \(batchTransitions) vs \(singleTransitions)")
            }
            return (input, nil)
        }
    }

    @Test func batchEqualsOneByOneAtZeroAndExtremes() throws {
        // Levels at zero and at the ends of the doubles, values from -0.0, +0.0, the
        // smallest subnormals and the largest finite magnitudes, in long steady runs: the
        // batch loop's ordered-key blocks agree with the one-by-one comparisons.
        let tiny = Double.leastNonzeroMagnitude
        let huge = Double.greatestFiniteMagnitude
        let pool: [Double] = [-0.0, 0.0, tiny, -tiny, 1, -1, huge, -huge, 0.5]
        try checkProperty(seed: 0x2E60) { generator in
            let comparison = generator.element(of: ThresholdRule.Comparison.allCases)
            let higher = comparison.higherIsWorse
            let (warning, critical): (Double, Double) =
                generator.element(of: [(0.0, 1.0), (-1.0, 0.0), (0.0, huge), (-huge, 0.0)])
            let rule = try ThresholdRule(
                comparison: comparison, warning: higher ? warning : critical,
                critical: higher ? critical : warning)
            var values: [Double] = []
            var value = generator.element(of: pool)
            for _ in 0..<generator.int(in: 0...200) {
                if generator.chance(1, in: 30) { value = generator.element(of: pool) }
                values.append(value)
            }
            let instants = (0..<Int64(values.count)).map { $0 * 10 }
            var single = ThresholdRuleState()
            var singleTransitions: [RuleTransition] = []
            for (value, instant) in zip(values, instants) {
                let step = try rule.evaluate(
                    single, sample: MetricSample(value: value, milliseconds: instant))
                single = step.state
                singleTransitions += step.transitions
            }
            let batch = try rule.evaluate(
                values: values, instants: instants, from: ThresholdRuleState())
            let input = "rule \(rule) values \(values)"
            if batch.state != single || batch.transitions != singleTransitions {
                return (input, "batch differs")
            }
            return (input, nil)
        }
    }

    @Test func regularSeriesEqualsExplicitInstants() throws {
        // The regular-series batch equals the batch with the instants written out.
        try checkProperty(seed: 0x5E61_0A12) { generator in
            let rule = try randomRule(&generator)
            let count = generator.int(in: 0...200)
            var values: [Double] = []
            var value = Double(generator.int(in: 30...70))
            for _ in 0..<count {
                if generator.chance(1, in: 20) { value = Double(generator.int(in: 30...70)) }
                values.append(value)
            }
            let start = generator.int64(in: 0...1_000)
            let interval = generator.int64(in: 1...120)
            let instants = (0..<Int64(count)).map { start + $0 * interval }
            let explicit = try rule.evaluate(
                values: values, instants: instants, from: ThresholdRuleState())
            let regular = try rule.evaluate(
                values: values, startMilliseconds: start, intervalMilliseconds: interval,
                from: ThresholdRuleState())
            let input = "rule \(rule) values \(values) start \(start) interval \(interval)"
            if explicit.state != regular.state || explicit.transitions != regular.transitions {
                return (input, "regular series differs")
            }
            return (input, nil)
        }
    }

    @Test func silenceChecksNeverChangeWhatSamplesProduce() throws {
        // Ticks between samples only bring a silence forward in time: the status after every
        // sample, and the set of transitions, are the same with or without them.
        try checkProperty(seed: 0x7469_636B) { generator in
            let rule = try randomRule(&generator)
            var plain = ThresholdRuleState()
            var ticked = ThresholdRuleState()
            var plainTransitions: [RuleTransition] = []
            var tickedTransitions: [RuleTransition] = []
            var instant: Int64 = 0
            for _ in 0..<generator.int(in: 1...30) {
                let gap = generator.int64(in: 0...300)
                if generator.chance(1, in: 2) {
                    let tick = try rule.evaluate(
                        ticked, silenceCheckAt: instant + generator.int64(in: 0...gap))
                    ticked = tick.state
                    tickedTransitions += tick.transitions
                }
                instant += gap
                let sample = try MetricSample(
                    value: Double(generator.int(in: 30...70)), milliseconds: instant)
                let a = try rule.evaluate(plain, sample: sample)
                let b = try rule.evaluate(ticked, sample: sample)
                plain = a.state
                ticked = b.state
                plainTransitions += a.transitions
                tickedTransitions += b.transitions
            }
            let input = "rule \(rule)"
            if plain != ticked { return (input, "states differ") }
            if plainTransitions != tickedTransitions { return (input, "transitions differ") }
            return (input, nil)
        }
    }
}
