/// What a flap detector concluded after one recorded check result.
public struct FlapEvaluation: Sendable, Hashable {
    /// The weighted percent state change over the detector's history, 0...100.
    public let percentStateChange: Double
    /// Whether the check is flapping after this result.
    public let isFlapping: Bool
    /// Whether this result changed ``isFlapping`` (started or stopped flapping).
    public let changed: Bool

    /// Creates an evaluation.
    public init(percentStateChange: Double, isFlapping: Bool, changed: Bool) {
        self.percentStateChange = percentStateChange
        self.isFlapping = isFlapping
        self.changed = changed
    }
}

/// A start or stop of flapping found by a batch run: which result caused it.
public struct FlapChange: Sendable, Hashable, Codable {
    /// The index of the result in the batch.
    public let index: Int
    /// `true` when flapping started, `false` when it stopped.
    public let started: Bool
    /// The percent state change that decided it.
    public let percentStateChange: Double

    /// Creates a change.
    public init(index: Int, started: Bool, percentStateChange: Double) {
        self.index = index
        self.started = started
        self.percentStateChange = percentStateChange
    }
}

/// A flap-detection algorithm: the seam where a caller adds their own.
///
/// A detector is a pure reducer over check statuses. The caller decides which results it
/// records (Nagios records hard states and soft recoveries only; Icinga 2 every result).
/// Two built-ins are documented exactly: ``NagiosFlapDetector`` and ``IcingaFlapDetector``.
public protocol FlapDetector: Sendable {
    /// Everything the detector remembers between results.
    associatedtype State: Sendable, Hashable, Codable

    /// The state before the first result, for a check currently in `status` and not flapping.
    func initialState(status: CheckStatus) -> State

    /// Records one check result and says whether the check is flapping.
    func record(_ status: CheckStatus, in state: inout State) -> FlapEvaluation
}

extension FlapDetector {
    /// Records results in order: exactly the outcome of calling ``record(_:in:)`` for each.
    ///
    /// - Returns: The state after the last result and every start or stop of flapping.
    /// - Complexity: O(n) for the built-ins.
    public func record(_ statuses: [CheckStatus], from state: State) -> (
        state: State, changes: [FlapChange]
    ) {
        var state = state
        var changes: [FlapChange] = []
        for index in statuses.indices {
            let evaluation = record(statuses[index], in: &state)
            if evaluation.changed {
                changes.append(
                    FlapChange(
                        index: index, started: evaluation.isFlapping,
                        percentStateChange: evaluation.percentStateChange))
            }
        }
        return (state, changes)
    }
}

/// The memory of the built-in detectors: the last status, which of the last 20 results
/// changed the status, and whether the check is flapping.
///
/// A history of 21 statuses has 20 possible changes, so both the Nagios 21-entry history and
/// the Icinga 2 20-entry change buffer are kept as 20 bits: bit `i` is set when the result
/// at position `i` (0 oldest, 19 newest) differed from the one before it.
///
/// JSON: `{"lastStatus": "ok", "changes": 0, "isFlapping": false}` (`changes` is the 20-bit
/// mask as an integer).
public struct FlapHistory: Sendable, Hashable, Codable {
    /// The most recently recorded status.
    public internal(set) var lastStatus: CheckStatus
    /// The change bits, bit 19 newest.
    public internal(set) var changes: UInt32
    /// Whether the check is flapping.
    public internal(set) var isFlapping: Bool

    /// A history with no changes: 21 results all equal to `status`, not flapping.
    public init(status: CheckStatus) {
        lastStatus = status
        changes = 0
        isFlapping = false
    }

    private enum CodingKeys: String, CodingKey { case lastStatus, changes, isFlapping }

    /// Decodes the documented JSON object; `changes` must fit 20 bits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lastStatus = try container.decode(CheckStatus.self, forKey: .lastStatus)
        changes = try container.decode(UInt32.self, forKey: .changes)
        isFlapping = try container.decode(Bool.self, forKey: .isFlapping)
        guard changes < 1 << 20 else {
            throw DecodingError.dataCorruptedError(
                forKey: .changes, in: container, debugDescription: "changes must fit 20 bits")
        }
    }

    /// Records `status`: shifts the change bits one position older and sets bit 19 when the
    /// status differs from the last one.
    @inline(__always)
    mutating func push(_ status: CheckStatus) {
        let changed: UInt32 = status == lastStatus ? 0 : 1
        changes = (changes >> 1) | (changed << 19)
        lastStatus = status
    }

    /// The number of changes and the sum of their positions, `Σ i` over set bits.
    @inline(__always)
    var countAndPositionSum: (count: Int, positionSum: Int) {
        let bits = changes
        let positionSum =
            (bits & 0xAAAAA).nonzeroBitCount + 2 * (bits & 0xCCCCC).nonzeroBitCount
            + 4 * (bits & 0x0F0F0).nonzeroBitCount + 8 * (bits & 0x0FF00).nonzeroBitCount
            + 16 * (bits & 0xF0000).nonzeroBitCount
        return (bits.nonzeroBitCount, positionSum)
    }
}

/// Validates a low/high threshold pair.
private func validatedThresholds(low: Double, high: Double) throws(MonitoringError) -> (
    Double, Double
) {
    guard low.isFinite, high.isFinite, low >= 0, high <= 100, low <= high else {
        throw .invalidThresholds(low: low, high: high)
    }
    return (low, high)
}

/// The built-in detectors: a percent from the change count and position sum, and a
/// start/stop decision; the record loops are shared.
protocol WeightedFlapRule: FlapDetector where State == FlapHistory {
    /// The percent state change for `count` changes whose positions sum to `positionSum`.
    func percent(count: Int, positionSum: Int) -> Double
    /// Whether the check flaps after a result with `percent`, given whether it did before.
    func decide(wasFlapping: Bool, percent: Double) -> Bool
}

extension WeightedFlapRule {
    /// Records one result.
    @inline(__always)
    func recordOne(_ status: CheckStatus, in state: inout FlapHistory) -> FlapEvaluation {
        state.push(status)
        let (count, positionSum) = state.countAndPositionSum
        let percent = percent(count: count, positionSum: positionSum)
        let was = state.isFlapping
        state.isFlapping = decide(wasFlapping: was, percent: percent)
        return FlapEvaluation(
            percentStateChange: percent, isFlapping: state.isFlapping,
            changed: was != state.isFlapping)
    }

    /// Records results in order, keeping the change count and position sum incrementally:
    /// when the bits move one position older every remaining change's position drops by
    /// one, so the sum drops by the number of changes that stay.
    func recordAll(_ statuses: [CheckStatus], from state: FlapHistory) -> (
        state: FlapHistory, changes: [FlapChange]
    ) {
        var bits = state.changes
        var last = state.lastStatus
        var flapping = state.isFlapping
        var (count, positionSum) = state.countAndPositionSum
        var changes: [FlapChange] = []
        statuses.withUnsafeBufferPointer { statuses in
            for index in statuses.indices {
                let status = statuses[index]
                let oldest = Int(bits & 1)
                positionSum -= count - oldest
                count -= oldest
                let changed = status == last ? 0 : 1
                bits = (bits >> 1) | (UInt32(truncatingIfNeeded: changed) << 19)
                count += changed
                positionSum += 19 * changed
                last = status
                let percent = percent(count: count, positionSum: positionSum)
                let now = decide(wasFlapping: flapping, percent: percent)
                if now != flapping {
                    changes.append(
                        FlapChange(index: index, started: now, percentStateChange: percent))
                    flapping = now
                }
            }
        }
        var result = state
        result.changes = bits
        result.lastStatus = last
        result.isFlapping = flapping
        return (result, changes)
    }
}

/// Nagios Core flap detection (`base/flapping.c`), exactly.
///
/// The last 21 recorded statuses give 20 possible changes. The change between entries
/// `x - 1` and `x` (x = 1 oldest ... 20 newest) weighs `0.75 + (x - 1) · 0.5 / 19`, rising
/// linearly from 0.75 to 1.25, so recent changes count more. The percent state change is
/// `Σ weights · 100 / 20`. In exact integers: with `S = Σ (57 + 2i)` over the changes at
/// positions `i = x - 1`, the percent is `5 · S / 76`, computed here as one correctly rounded
/// division (Nagios accumulates the weights in floating point; the two agree except on
/// values within rounding of a threshold).
///
/// Flapping **starts** when the percent is `>= high`, **stops** when it is `<= low`, and in
/// between the previous verdict is held. Nagios' defaults are low 20, high 30 (services).
///
/// Worked example (low 20, high 30), from ok, alternating crit/ok six times then ok:
///
/// ```
/// result      1     2      3      4      5      6      7 ... 21   22
/// percent   6.25  12.37  18.36  24.21  29.93  35.53  34.74 ... 20.07 15.79
/// flapping    -     -      -      -      -    start   yes  ... yes  stop
/// ```
public struct NagiosFlapDetector: FlapDetector, WeightedFlapRule, Hashable, Codable {
    /// The percent at or below which flapping stops.
    public let lowThreshold: Double
    /// The percent at or above which flapping starts.
    public let highThreshold: Double

    /// Creates a detector.
    ///
    /// - Throws: ``MonitoringError`` `invalidThresholds` unless `0 <= low <= high <= 100`.
    public init(lowThreshold: Double = 20, highThreshold: Double = 30) throws(MonitoringError) {
        (self.lowThreshold, self.highThreshold) = try validatedThresholds(
            low: lowThreshold, high: highThreshold)
    }

    /// A history of 21 copies of `status`.
    public func initialState(status: CheckStatus) -> FlapHistory { FlapHistory(status: status) }

    /// Records one result.
    @inline(__always)
    public func record(_ status: CheckStatus, in state: inout FlapHistory) -> FlapEvaluation {
        recordOne(status, in: &state)
    }

    /// `5 · (57 · count + 2 · positionSum) / 76`.
    @inline(__always)
    func percent(count: Int, positionSum: Int) -> Double {
        Double(5 * (57 * count + 2 * positionSum)) / 76
    }

    /// Start at `>= high`, stop at `<= low`, hold in between.
    @inline(__always)
    func decide(wasFlapping: Bool, percent: Double) -> Bool {
        if percent >= highThreshold { return true }
        if percent <= lowThreshold { return false }
        return wasFlapping
    }

    /// Records results in order (a specialised copy of the protocol's batch method).
    ///
    /// - Complexity: O(n).
    public func record(_ statuses: [CheckStatus], from state: FlapHistory) -> (
        state: FlapHistory, changes: [FlapChange]
    ) {
        recordAll(statuses, from: state)
    }

    private enum CodingKeys: String, CodingKey { case lowThreshold, highThreshold }

    /// Decodes `{"lowThreshold": 20, "highThreshold": 30}` and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            lowThreshold: container.decode(Double.self, forKey: .lowThreshold),
            highThreshold: container.decode(Double.self, forKey: .highThreshold))
    }
}

/// Icinga 2 flap detection (`lib/icinga/checkable-flapping.cpp`), exactly.
///
/// A ring of 20 change flags, one per recorded result: set when the status differs from
/// the previous one. The flag at position `i` (0 oldest ... 19 newest) weighs
/// `0.8 + 0.02 · i`; the flapping value is `Σ weights · 100 / 20`. In exact integers: with
/// `S = Σ (40 + i)` over the set flags, the value is `S / 10`, one correctly rounded division.
///
/// A check that is not flapping **starts** when the value is `> high` (strictly); a flapping
/// check **stops** when the value is `<= low` (it stays while `> low`). Icinga 2's defaults are
/// low 25, high 30.
///
/// Worked example (low 25, high 30), from ok, alternating crit/ok six times then ok:
///
/// ```
/// result      1     2     3     4     5     6     7 ... 20    21
/// value      5.9  11.7  17.4  23.0  28.5  33.9  33.3 ... 25.5  21.0
/// flapping    -     -     -     -     -   start  yes  ... yes  stop
/// ```
public struct IcingaFlapDetector: FlapDetector, WeightedFlapRule, Hashable, Codable {
    /// The value at or below which flapping stops.
    public let lowThreshold: Double
    /// The value above which flapping starts.
    public let highThreshold: Double

    /// Creates a detector.
    ///
    /// - Throws: ``MonitoringError`` `invalidThresholds` unless `0 <= low <= high <= 100`.
    public init(lowThreshold: Double = 25, highThreshold: Double = 30) throws(MonitoringError) {
        (self.lowThreshold, self.highThreshold) = try validatedThresholds(
            low: lowThreshold, high: highThreshold)
    }

    /// No changes yet; the last status is `status`.
    public func initialState(status: CheckStatus) -> FlapHistory { FlapHistory(status: status) }

    /// Records one result.
    @inline(__always)
    public func record(_ status: CheckStatus, in state: inout FlapHistory) -> FlapEvaluation {
        recordOne(status, in: &state)
    }

    /// `(40 · count + positionSum) / 10`.
    @inline(__always)
    func percent(count: Int, positionSum: Int) -> Double {
        Double(40 * count + positionSum) / 10
    }

    /// A flapping check stays while `> low`; another starts at `> high`.
    @inline(__always)
    func decide(wasFlapping: Bool, percent: Double) -> Bool {
        wasFlapping ? percent > lowThreshold : percent > highThreshold
    }

    /// Records results in order (a specialised copy of the protocol's batch method).
    ///
    /// - Complexity: O(n).
    public func record(_ statuses: [CheckStatus], from state: FlapHistory) -> (
        state: FlapHistory, changes: [FlapChange]
    ) {
        recordAll(statuses, from: state)
    }

    private enum CodingKeys: String, CodingKey { case lowThreshold, highThreshold }

    /// Decodes `{"lowThreshold": 25, "highThreshold": 30}` and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            lowThreshold: container.decode(Double.self, forKey: .lowThreshold),
            highThreshold: container.decode(Double.self, forKey: .highThreshold))
    }
}
