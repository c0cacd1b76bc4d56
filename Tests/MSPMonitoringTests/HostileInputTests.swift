import Foundation
import MSPCore
import MSPMonitoring
import MSPTestSupport
import Testing

private func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// CPU above 80 % is critical.
private func cpu() throws -> ThresholdRule {
    try ThresholdRule(comparison: .greaterThan, critical: 80)
}

/// 2026-01-01T00:00:00Z in milliseconds.
private let start2026: Int64 = 1_767_225_600_000

/// Hostile inputs to MSPMonitoring: NaN and infinite samples and levels, instants at the
/// ends of time, out-of-order and mismatched batches, a million samples, impossible rules,
/// 100,000 unsorted and duplicate state changes, and JSON of the wrong shape.
let hostileMonitoringInputs: [HostileInput] = [
    // Samples
    HostileInput(name: "a NaN sample", expected: "MonitoringError.nonFiniteValue") {
        outcome { try MetricSample(value: .nan, milliseconds: start2026) }
    },
    HostileInput(name: "a +infinity sample", expected: "MonitoringError.nonFiniteValue") {
        outcome { try MetricSample(value: .infinity, milliseconds: start2026) }
    },
    HostileInput(name: "a -infinity sample", expected: "MonitoringError.nonFiniteValue") {
        outcome { try MetricSample(value: -.infinity, milliseconds: start2026) }
    },
    HostileInput(name: "a signalling NaN sample", expected: "MonitoringError.nonFiniteValue") {
        outcome { try MetricSample(value: .signalingNaN, milliseconds: start2026) }
    },
    HostileInput(name: "a sample at Int64.max ms", expected: "MonitoringError.instantOutOfRange") {
        outcome { try MetricSample(value: 1, milliseconds: .max) }
    },
    HostileInput(name: "a sample at Int64.min ms", expected: "MonitoringError.instantOutOfRange") {
        outcome { try MetricSample(value: 1, milliseconds: .min) }
    },
    HostileInput(name: "the largest finite sample", expected: "valid: firing(critical)") {
        // Double.greatestFiniteMagnitude > 80: critical at once.
        outcome {
            try cpu().evaluate(
                ThresholdRuleState(),
                sample: MetricSample(value: .greatestFiniteMagnitude, milliseconds: start2026)
            ).state.status
        }
    },
    HostileInput(name: "a sample older than the last", expected: "MonitoringError.outOfOrder") {
        outcome {
            let rule = try cpu()
            let first = try rule.evaluate(
                ThresholdRuleState(), sample: MetricSample(value: 50, milliseconds: start2026))
            return try rule.evaluate(
                first.state, sample: MetricSample(value: 50, milliseconds: start2026 - 1))
        }
    },
    // Batches
    HostileInput(name: "NaN at sample 500,000 of 10^6", expected: "MonitoringError.nonFiniteValue")
    {
        outcome {
            var values = [Double](repeating: 50, count: 1_000_000)
            values[500_000] = .nan
            return try cpu().evaluate(
                values: values, startMilliseconds: start2026, intervalMilliseconds: 1_000,
                from: ThresholdRuleState())
        }
    },
    HostileInput(name: "10^6 healthy samples", expected: "valid: 0 transitions, ok") {
        outcome {
            let result = try cpu().evaluate(
                values: [Double](repeating: 50, count: 1_000_000), startMilliseconds: start2026,
                intervalMilliseconds: 1_000, from: ThresholdRuleState())
            return "\(result.transitions.count) transitions, \(result.state.status)"
        }
    },
    HostileInput(name: "3 values and 2 instants", expected: "MonitoringError.lengthMismatch") {
        outcome {
            try cpu().evaluate(
                values: [1, 2, 3], instants: [start2026, start2026 + 1],
                from: ThresholdRuleState())
        }
    },
    HostileInput(name: "a batch going back in time", expected: "MonitoringError.outOfOrder") {
        outcome {
            try cpu().evaluate(
                values: [1, 2, 3], instants: [start2026, start2026 + 2, start2026 + 1],
                from: ThresholdRuleState())
        }
    },
    HostileInput(
        name: "a series every Int64.max / 2 ms", expected: "MonitoringError.invalidDuration"
    ) {
        // Longer than the whole supported range of instants (years 1...9999).
        outcome {
            try cpu().evaluate(
                values: [1, 2], startMilliseconds: start2026, intervalMilliseconds: .max / 2,
                from: ThresholdRuleState())
        }
    },
    HostileInput(name: "a series every 0 ms", expected: "MonitoringError.invalidDuration") {
        outcome {
            try cpu().evaluate(
                values: [1, 2], startMilliseconds: start2026, intervalMilliseconds: 0,
                from: ThresholdRuleState())
        }
    },
    HostileInput(
        name: "a series running past year 9999", expected: "MonitoringError.instantOutOfRange"
    ) {
        outcome {
            try cpu().evaluate(
                values: [1, 2, 3], startMilliseconds: start2026,
                intervalMilliseconds: 4_000 * 31_557_600_000,  // 4,000 years: the third is in 10026
                from: ThresholdRuleState())
        }
    },
    // Rules
    HostileInput(name: "a rule without levels", expected: "MonitoringError.missingLevel") {
        outcome { try ThresholdRule(comparison: .greaterThan) }
    },
    HostileInput(name: "a NaN critical level", expected: "MonitoringError.nonFiniteValue") {
        outcome { try ThresholdRule(comparison: .greaterThan, critical: .nan) }
    },
    HostileInput(name: "an infinite warning level", expected: "MonitoringError.nonFiniteValue") {
        outcome { try ThresholdRule(comparison: .lessThan, warning: -.infinity) }
    },
    HostileInput(
        name: "warning beyond critical", expected: "MonitoringError.warningBeyondCritical"
    ) {
        outcome { try ThresholdRule(comparison: .greaterThan, warning: 90, critical: 80) }
    },
    HostileInput(
        name: "recovery on the failing side", expected: "MonitoringError.recoveryNotHysteresis"
    ) {
        outcome {
            try ThresholdRule(comparison: .greaterThan, critical: 80, criticalRecovery: 85)
        }
    },
    HostileInput(name: "an average of 0 samples", expected: "MonitoringError.invalidCount") {
        outcome {
            try ThresholdRule(
                comparison: .greaterThan, critical: 80, aggregation: .lastSamples(0, .mean))
        }
    },
    HostileInput(name: "Int.min consecutive samples", expected: "MonitoringError.invalidCount") {
        outcome {
            try ThresholdRule(
                comparison: .greaterThan, critical: 80, confirmation: .consecutive(.min))
        }
    },
    HostileInput(name: "a silence of -1 ms", expected: "MonitoringError.invalidDuration") {
        outcome { try ThresholdRule.NoDataPolicy(silenceMilliseconds: -1, action: .unknown) }
    },
    // Timelines
    HostileInput(
        name: "a state change at Int64.max ms", expected: "MonitoringError.instantOutOfRange"
    ) {
        outcome { try StateTimeline(changes: [StateChange(milliseconds: .max, state: .down)]) }
    },
    HostileInput(
        name: "172,800 unsorted duplicate changes", expected: "valid: up 43200000, down 43200000"
    ) {
        // Changes every second of the first day, each second given twice (up, then down:
        // the last given wins) and in reverse order; even seconds end down, odd seconds up.
        // 86,400 s alternate, so 43,200 s of each: 43,200,000 ms up and down.
        outcome {
            var changes: [StateChange] = []
            for second in (0..<Int64(86_400)).reversed() {
                let state: AvailabilityState = second % 2 == 0 ? .down : .up
                changes.append(StateChange(milliseconds: start2026 + second * 1_000, state: .up))
                changes.append(StateChange(milliseconds: start2026 + second * 1_000, state: state))
            }
            let day = try DateRange(
                startMilliseconds: start2026, endMilliseconds: start2026 + 86_400_000)
            let report = try StateTimeline(changes: changes).availability(in: day)
            return "up \(report.upMilliseconds), down \(report.downMilliseconds)"
        }
    },
    HostileInput(
        name: "availability in an unknown zone", expected: "MonitoringError.invalidCalendar"
    ) {
        outcome {
            let day = try DateRange(
                startMilliseconds: start2026, endMilliseconds: start2026 + 86_400_000)
            return try StateTimeline(changes: []).availability(
                per: .day, in: day, timeZone: "Mars/Olympus_Mons")
        }
    },
    // JSON
    HostileInput(name: "an unknown comparison", expected: "DecodingError") {
        outcome { try json(ThresholdRule.self, #"{"comparison": "!=", "critical": 80}"#) }
    },
    HostileInput(name: "a sample value as text", expected: "DecodingError") {
        outcome { try json(MetricSample.self, #"{"value": "NaN", "milliseconds": 0}"#) }
    },
    HostileInput(name: "a JSON critical level of 1e400", expected: "DecodingError") {
        outcome { try json(ThresholdRule.self, #"{"comparison": ">", "critical": 1e400}"#) }
    },
    HostileInput(name: "an unknown state", expected: "DecodingError") {
        outcome { try json(StateChange.self, #"{"milliseconds": 0, "state": "degraded"}"#) }
    },
    HostileInput(name: "a timeline of 100,000 nested arrays", expected: "DecodingError") {
        outcome {
            try json(
                StateTimeline.self,
                String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        }
    },
    HostileInput(
        name: "a JSON sample far in the future", expected: "MonitoringError.instantOutOfRange"
    ) {
        outcome {
            try json(MetricSample.self, #"{"value": 1, "milliseconds": 9223372036854775807}"#)
        }
    },
]

@Suite struct HostileInputTests {
    @Test(arguments: hostileMonitoringInputs)
    func hostileInputIsRejectedOrDocumented(_ input: HostileInput) {
        #expect(input.run() == input.expected)
    }

    @Test func namesAreUnique() {
        #expect(Set(hostileMonitoringInputs.map(\.name)).count == hostileMonitoringInputs.count)
    }
}
