import Foundation
import FuzzSupport
import MSPCore
import MSPMonitoring

/// Threshold rules and state timelines decoded from arbitrary JSON (the bytes before the
/// first zero byte), then fed samples and ranges from the bytes after it: values around
/// the thresholds with NaN and ±infinity mixed in, instants mostly increasing, sometimes
/// repeated, going back or out of range. Checks:
///
/// - decoding never traps, and a decoded rule or timeline round-trips;
/// - the batch evaluation gives exactly the states and transitions of feeding the samples
///   one by one, or fails on the same sample with the same error code;
/// - a regular series gives what the batch gives for its instants;
/// - a timeline's outages lie in the range, in order, and add up to its down and unknown
///   time; the availability buckets add up to the range.
func fuzzMonitoringRule(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var (document, input) = splitDocument(data, size)
    if let rule = decodeRoundTripping(ThresholdRule.self, document) {
        checkRule(rule, &input)
    }
    if let timeline = decodeRoundTripping(StateTimeline.self, document) {
        checkTimeline(timeline, &input)
    }
    return 0
}

private let start2026: Int64 = 1_767_225_600_000

private func checkRule(_ rule: ThresholdRule, _ input: inout FuzzInput) {
    var values: [Double] = []
    var instants: [Int64] = []
    var instant = start2026 + input.int(in: 0...86_400_000)
    for _ in 0..<(input.byte() % 64) {
        let choice = input.byte()
        switch choice % 32 {
        case 0: values.append(.nan)
        case 1: values.append(choice % 2 == 0 ? .infinity : -.infinity)
        case 2: values.append(Double(bitPattern: UInt64(bitPattern: input.int(in: .min ... .max))))
        default: values.append(Double(input.int(in: -20...120)) + Double(input.byte()) / 256)
        }
        switch input.byte() % 32 {
        case 0: instant = instant &- input.int(in: 1...60_000)
        case 1: instant = input.int(in: .min ... .max)
        case 2: break
        default: instant = instant &+ input.int(in: 1...900_000)
        }
        instants.append(instant)
    }
    let batch = Result { () throws(MonitoringError) in
        try rule.evaluate(values: values, instants: instants, from: ThresholdRuleState())
    }
    var state = ThresholdRuleState()
    var transitions: [RuleTransition] = []
    var failure: MonitoringError?
    for index in values.indices {
        do {
            let sample = try MetricSample(value: values[index], milliseconds: instants[index])
            let step = try rule.evaluate(state, sample: sample)
            state = step.state
            transitions += step.transitions
        } catch {
            failure = error
            break
        }
    }
    switch batch {
    case .success(let result):
        fuzzCheck(
            failure == nil,
            "the batch succeeds but sample by sample fails: \(String(describing: failure))")
        fuzzCheck(
            result.state == state && result.transitions == transitions,
            "the batch and sample by sample differ on \(values) at \(instants)")
    case .failure(let error):
        fuzzCheck(
            failure?.code == error.code,
            "the batch throws \(error), sample by sample \(String(describing: failure))")
    }
    guard let first = instants.first else { return }
    let interval = input.int(in: 1...3_600_000)
    let regular = values.indices.map { first &+ Int64($0) &* interval }
    let series = try? rule.evaluate(
        values: values, startMilliseconds: first, intervalMilliseconds: interval,
        from: ThresholdRuleState())
    let listed = try? rule.evaluate(values: values, instants: regular, from: ThresholdRuleState())
    fuzzCheck(
        series?.state == listed?.state && series?.transitions == listed?.transitions,
        "a regular series differs from the batch with its instants")
}

private func checkTimeline(_ timeline: StateTimeline, _ input: inout FuzzInput) {
    let instants = timeline.changes.map(\.milliseconds)
    let low = (instants.min() ?? start2026) - input.int(in: 0...86_400_000)
    let high = (instants.max() ?? start2026) + input.int(in: 1...86_400_000)
    guard
        let range = try? DateRange(
            startMilliseconds: input.int(in: low...high), endMilliseconds: high)
    else { return }
    let outages = timeline.outages(in: range)
    var cursor = range.startMilliseconds
    var down: Int64 = 0
    var unknown: Int64 = 0
    for outage in outages {
        fuzzCheck(
            outage.range.startMilliseconds >= cursor
                && outage.range.endMilliseconds <= range.endMilliseconds,
            "outage \(outage.range) out of order or outside \(range)")
        cursor = outage.range.endMilliseconds
        let length = outage.range.endMilliseconds - outage.range.startMilliseconds
        if outage.kind == .down { down += length } else { unknown += length }
    }
    let report = timeline.availability(in: range)
    fuzzCheck(
        report.downMilliseconds == down && report.unknownMilliseconds == unknown
            && report.maintenanceMilliseconds == 0,
        "availability \(report) disagrees with the outages (down \(down), unknown \(unknown))")
    fuzzCheck(
        report.upMilliseconds + report.downMilliseconds + report.unknownMilliseconds
            == report.totalMilliseconds,
        "availability buckets do not add up to the range: \(report)")
    let middle = range.startMilliseconds + (range.endMilliseconds - range.startMilliseconds) / 2
    if let window = try? DateRange(
        startMilliseconds: middle, endMilliseconds: range.endMilliseconds
    ) {
        let withMaintenance = timeline.availability(in: range, maintenance: [window])
        fuzzCheck(
            withMaintenance.maintenanceMilliseconds == range.endMilliseconds - middle
                && withMaintenance.upMilliseconds + withMaintenance.downMilliseconds
                    + withMaintenance.unknownMilliseconds + withMaintenance.maintenanceMilliseconds
                    == withMaintenance.totalMilliseconds,
            "maintenance buckets do not add up: \(withMaintenance)")
    }
}
