import Foundation
import MSPCore

/// Whether a service was up, down or in an unknown state.
public enum AvailabilityState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Working.
    case up
    /// Known to be down.
    case down
    /// Nothing known: no data, a monitoring gap.
    case unknown
}

/// From an instant on, a service was in a state: one point of a ``StateTimeline``.
///
/// JSON: `{"milliseconds": 1767225600000, "state": "down"}`.
public struct StateChange: Sendable, Hashable, Codable {
    /// When the state began, in milliseconds since 1970.
    public let milliseconds: Int64
    /// The state from that instant until the next change.
    public let state: AvailabilityState

    /// Creates a change.
    public init(milliseconds: Int64, state: AvailabilityState) {
        self.milliseconds = milliseconds
        self.state = state
    }
}

/// A service's state as a step function of time: the source of outages and availability.
///
/// Each change holds from its instant until the next change; before the first change the
/// state is ``AvailabilityState/unknown``. Changes may arrive out of order (clock skew,
/// late delivery): they are ordered by instant, and of several changes at one instant the
/// last given wins. So no interval ever has negative length, and consecutive equal states
/// merge.
///
/// ```
/// changes   10:00 up      10:20 down      10:25 up
/// timeline  [10:00, 10:20) up, [10:20, 10:25) down, [10:25, ...) up
/// ```
public struct StateTimeline: Sendable, Hashable {
    /// The instants of the changes, strictly increasing.
    let instants: [Int64]
    /// The state from each instant on; no two neighbours equal.
    let states: [AvailabilityState]

    /// The normalised changes: sorted, merged, one per instant.
    public var changes: [StateChange] {
        zip(instants, states).map { StateChange(milliseconds: $0, state: $1) }
    }

    /// Creates a timeline from changes in any order.
    ///
    /// - Throws: ``MonitoringError`` `instantOutOfRange` (field `changes[i]`) for an instant
    ///   outside years 1...9999.
    /// - Complexity: O(n) when already sorted, O(n log n) otherwise.
    public init(changes: [StateChange]) throws(MonitoringError) {
        var sorted = true
        for index in changes.indices {
            guard InstantBounds.contains(changes[index].milliseconds) else {
                throw .instantOutOfRange(
                    changes[index].milliseconds, field: "changes[\(index)]")
            }
            if index > 0, changes[index].milliseconds < changes[index - 1].milliseconds {
                sorted = false
            }
        }
        var ordered = changes
        if !sorted {
            // Stable: of equal instants the later input stays later and so wins below.
            ordered = changes.enumerated().sorted {
                ($0.element.milliseconds, $0.offset) < ($1.element.milliseconds, $1.offset)
            }.map(\.element)
        }
        var instants: [Int64] = []
        var states: [AvailabilityState] = []
        instants.reserveCapacity(ordered.count)
        states.reserveCapacity(ordered.count)
        for change in ordered {
            if let last = instants.last, last == change.milliseconds {
                states[states.count - 1] = change.state
                if states.count >= 2, states[states.count - 2] == change.state {
                    instants.removeLast()
                    states.removeLast()
                }
                continue
            }
            if let previous = states.last, previous == change.state { continue }
            instants.append(change.milliseconds)
            states.append(change.state)
        }
        self.instants = instants
        self.states = states
        #if DEBUG
            _checkInvariants()
        #endif
    }

    /// Traps when an invariant is broken (instants strictly increasing, no two equal
    /// neighbouring states, parallel arrays); run in debug builds and tests.
    func _checkInvariants() {
        let ordered = zip(instants, instants.dropFirst()).allSatisfy { $0 < $1 }
        let merged = zip(states, states.dropFirst()).allSatisfy { $0 != $1 }
        let valid = instants.count == states.count && ordered && merged
        precondition(valid)  // justified: internal invariant
    }

    /// Creates a timeline from agent heartbeats: up for `maximumGap` after each heartbeat,
    /// `missing` when none arrived for longer.
    ///
    /// A heartbeat at `h` covers `[h, h + maximumGap)`; time covered by no heartbeat after
    /// the first is `missing`; before the first heartbeat nothing is known. Heartbeats may
    /// be out of order or duplicated; coverage is a union, so availability can never exceed
    /// 100 % however many heartbeats arrive.
    ///
    /// ```
    /// heartbeats 0, 60 s, 120 s, 400 s; maximum gap 90 s
    /// up [0, 210 s), down [210 s, 400 s), up [400 s, 490 s), down from 490 s
    /// ```
    ///
    /// - Throws: ``MonitoringError`` `invalidDuration` for a gap below 1 ms,
    ///   `instantOutOfRange` (field `heartbeats[i]`).
    /// - Complexity: O(n log n).
    public init(
        heartbeats: [Int64], maximumGap: Int64, missing: AvailabilityState = .down
    ) throws(MonitoringError) {
        try InstantBounds.checkDuration(maximumGap, field: "maximumGap", minimum: 1)
        for index in heartbeats.indices where !InstantBounds.contains(heartbeats[index]) {
            throw .instantOutOfRange(heartbeats[index], field: "heartbeats[\(index)]")
        }
        var changes: [StateChange] = []
        var coveredUntil: Int64?
        for heartbeat in heartbeats.sorted() {
            if let end = coveredUntil, heartbeat <= end {
                coveredUntil = max(end, heartbeat + maximumGap)
                continue
            }
            if let end = coveredUntil {
                changes.append(StateChange(milliseconds: end, state: missing))
            }
            changes.append(StateChange(milliseconds: heartbeat, state: .up))
            coveredUntil = heartbeat + maximumGap
        }
        if let end = coveredUntil, InstantBounds.contains(end) {
            changes.append(StateChange(milliseconds: end, state: missing))
        }
        try self.init(changes: changes)
    }

    /// Creates a timeline from a threshold rule's transitions: firing at `downFrom` or
    /// worse is down, the explicit unknown state is unknown, anything else (ok, pending,
    /// firing below `downFrom`) is up.
    ///
    /// ```
    /// start 0 (ok); 10:00 ok -> firing(critical); 10:05 firing -> unknown; 10:20 unknown -> ok
    /// up [0, 10:00), down [10:00, 10:05), unknown [10:05, 10:20), up from 10:20
    /// ```
    ///
    /// - Parameters:
    ///   - transitions: The rule's transitions, oldest first (as evaluations return them).
    ///   - startMilliseconds: When monitoring began, in the state before the first
    ///     transition (the `from` of the first, or ok).
    ///   - downFrom: The least firing severity that counts as down; critical by default.
    /// - Throws: ``MonitoringError`` `instantOutOfRange`.
    public init(
        transitions: [RuleTransition], startMilliseconds: Int64, downFrom: Severity = .critical
    ) throws(MonitoringError) {
        try InstantBounds.check(startMilliseconds, field: "startMilliseconds")
        func state(_ status: RuleStatus) -> AvailabilityState {
            switch status {
            case .firing(let severity): severity >= downFrom ? .down : .up
            case .unknown: .unknown
            case .ok, .pending: .up
            }
        }
        let initial = transitions.first.map { state($0.from) } ?? .up
        try self.init(
            changes: [StateChange(milliseconds: startMilliseconds, state: initial)]
                + transitions.map {
                    StateChange(milliseconds: $0.milliseconds, state: state($0.to))
                })
    }

    /// The index of the last change at or before `instant`, or -1.
    func indexOfChange(atOrBefore instant: Int64) -> Int {
        var low = 0
        var high = instants.count
        while low < high {
            let middle = (low + high) / 2
            if instants[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// The state at `instant`.
    public func state(at milliseconds: Int64) -> AvailabilityState {
        let index = indexOfChange(atOrBefore: milliseconds)
        return index < 0 ? .unknown : states[index]
    }

    /// Calls `body(start, end, state)` for each maximal constant piece of `[start, end)`.
    @inline(__always)
    func forEachSegment(
        from start: Int64, to end: Int64, _ body: (Int64, Int64, AvailabilityState) -> Void
    ) {
        guard start < end else { return }
        var index = indexOfChange(atOrBefore: start)
        var cursor = start
        var state = index < 0 ? AvailabilityState.unknown : states[index]
        index += 1
        while index < instants.count, instants[index] < end {
            body(cursor, instants[index], state)
            cursor = instants[index]
            state = states[index]
            index += 1
        }
        body(cursor, end, state)
    }

    /// The down and unknown intervals within `range`, as MSPCore outages.
    ///
    /// Maintenance is not considered here: it is not an outage, and an availability
    /// objective receives it beside the outages.
    ///
    /// - Parameters:
    ///   - range: The period to report.
    ///   - cause: The cause written on every outage.
    /// - Returns: The outages in order, each cut to `range`.
    /// - Complexity: O(log n + k) for k changes in the range.
    public func outages(in range: DateRange, cause: String = "") -> [Outage] {
        var result: [Outage] = []
        forEachSegment(from: range.startMilliseconds, to: range.endMilliseconds) {
            start, end, state in
            guard state != .up,
                let piece = try? DateRange(startMilliseconds: start, endMilliseconds: end)
            else { return }
            result.append(
                Outage(range: piece, kind: state == .down ? .down : .unknown, cause: cause))
        }
        return result
    }
}

extension StateTimeline: Codable {
    /// Decodes an array of ``StateChange`` objects, normalising as ``init(changes:)``.
    public init(from decoder: any Decoder) throws {
        try self.init(changes: try [StateChange](from: decoder))
    }

    /// Encodes the normalised changes as an array.
    public func encode(to encoder: any Encoder) throws {
        try changes.encode(to: encoder)
    }
}
