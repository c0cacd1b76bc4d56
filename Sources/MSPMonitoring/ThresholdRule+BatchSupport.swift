// The pieces of the threshold batch loop: trigger levels by hysteresis level, comparisons
// fixed at compile time, instant columns, and the quiet-block test.

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
