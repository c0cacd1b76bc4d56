import Foundation
import MSPCore

/// Many tickets' events packed into contiguous arrays for ``SLAEngine/evaluate(_:asOf:into:)``.
///
/// Packing sorts and validates each ticket's events once (the same checks as
/// ``SLAEngine/evaluate(_:asOf:)``) and interns priorities and statuses to small integers,
/// so a batch evaluation only replays plain values: no dictionary lookups, no allocation per
/// ticket. A batch is bound to the policy it was packed for; evaluating it with an engine of
/// another policy throws.
public struct SLATicketBatch: Sendable, Hashable {
    /// The policy whose priorities and statuses the events were interned with.
    public let policy: SLAPolicy
    /// Every ticket's events, sorted per ticket.
    var events: [PackedEvent] = []
    /// The end offset of each ticket's events in ``events``.
    var ends: [Int] = []

    /// The number of tickets.
    public var count: Int { ends.count }

    /// An empty batch for `policy`.
    init(policy: SLAPolicy) { self.policy = policy }
}

/// One target of one ticket from a batch evaluation, in milliseconds since the epoch.
public struct SLAClockSummary: Sendable, Hashable {
    /// The status at the evaluation instant; ``SLATargetStatus/notStarted`` also for a
    /// ticket whose priority has no target of the kind.
    public var status: SLATargetStatus
    /// Business milliseconds counted in the current cycle.
    public var elapsedMilliseconds: Int64
    /// Business milliseconds left; zero once breached.
    public var remainingMilliseconds: Int64
    /// The deadline, as in ``SLATargetEvaluation/deadline``.
    public var deadlineMilliseconds: Int64?
    /// The next warning instant, as in ``SLATargetEvaluation/nextWarning``.
    public var nextWarningMilliseconds: Int64?

    /// Creates a summary; ``SLAEngine/evaluate(_:asOf:into:)`` fills them in.
    public init(
        status: SLATargetStatus, elapsedMilliseconds: Int64, remainingMilliseconds: Int64,
        deadlineMilliseconds: Int64?, nextWarningMilliseconds: Int64?
    ) {
        self.status = status
        self.elapsedMilliseconds = elapsedMilliseconds
        self.remainingMilliseconds = remainingMilliseconds
        self.deadlineMilliseconds = deadlineMilliseconds
        self.nextWarningMilliseconds = nextWarningMilliseconds
    }

    /// A summary of a target with no clock.
    static let none = SLAClockSummary(
        status: .notStarted, elapsedMilliseconds: 0, remainingMilliseconds: 0,
        deadlineMilliseconds: nil, nextWarningMilliseconds: nil)
}

extension SLAEngine {
    /// An empty batch for this engine's policy.
    public func makeBatch() -> SLATicketBatch { SLATicketBatch(policy: policy) }

    /// Packs a ticket's events (in any order) and appends them to `batch`.
    ///
    /// - Throws: ``SLAError`` as ``evaluate(_:asOf:)`` for the timeline; `unknownPriority`
    ///   with field `batch` when the batch was made for another policy.
    /// - Complexity: O(*e* log *e*) for *e* events.
    public func append(_ events: [TicketEvent], to batch: inout SLATicketBatch) throws(SLAError) {
        try checkPolicy(of: batch)
        let packed = try pack(events)
        batch.events.append(contentsOf: packed)
        batch.ends.append(batch.events.count)
    }

    /// Evaluates every ticket of `batch` at `asOf`, writing three summaries per ticket
    /// (first response, next response, resolution) into `results`, which is resized to
    /// `3 × batch.count` and reused without reallocating when it is large enough.
    ///
    /// The summary of ticket `t` and kind `k` is `results[3 * t + k.index]`, in the order
    /// of `SLATargetKind.allCases`.
    ///
    /// - Throws: ``SLAError`` `asOfBeforeCreation` for a ticket created after `asOf`,
    ///   `calendar` for an instant or deadline outside a compiled horizon; `unknownPriority`
    ///   with field `batch` for a batch made for another policy.
    /// - Complexity: O(*e*) calendar queries of O(1) each for *e* events in the batch.
    public func evaluate(
        _ batch: SLATicketBatch, asOf: Date, into results: inout [SLAClockSummary]
    ) throws(SLAError) {
        try checkPolicy(of: batch)
        let time = try SLAEngine.milliseconds(asOf, field: "asOf")
        let needed = batch.ends.count &* 3
        if results.count != needed {
            results = [SLAClockSummary](repeating: .none, count: needed)
        }
        if compiledCalendars.count == 1 {
            try evaluate(
                batch, asOf: time, calendars: SingleCalendar(compiled: compiledCalendars[0]),
                into: &results)
        } else {
            try compiledCalendars.withUnsafeBufferPointer { (calendars) throws(SLAError) in
                try evaluate(
                    batch, asOf: time, calendars: CalendarBuffer(buffer: calendars),
                    into: &results)
            }
        }
    }

    /// The batch loop over one way of reading the calendars.
    private func evaluate<Calendars: CalendarAccess>(
        _ batch: SLATicketBatch, asOf time: Int64, calendars: Calendars,
        into results: inout [SLAClockSummary]
    ) throws(SLAError) {
        try batch.events.withUnsafeBufferPointer { (events) throws(SLAError) in
            try results.withUnsafeMutableBufferPointer { (output) throws(SLAError) in
                var start = 0
                var slot = 0
                var sink = NoSink()
                var memo = CumulativeMemo()
                for end in batch.ends {
                    let ticket = UnsafeBufferPointer(rebasing: events[start..<end])
                    let outcome = try run(
                        ticket, asOf: time, calendars: calendars, memo: &memo, sink: &sink)
                    let mask = pauseMask[Int(outcome.statusCode)]
                    for kind in 0..<3 {
                        let clock = outcome.clocks[kind]
                        if clock.phase == 0 && clock.target < 0 {
                            output[slot] = .none
                        } else {
                            let numbers = try figures(
                                of: clock, kind: kind, mask: mask, asOf: time,
                                calendars: calendars, memo: &memo)
                            output[slot] = SLAClockSummary(
                                status: numbers.status, elapsedMilliseconds: clock.elapsed,
                                remainingMilliseconds: numbers.remaining,
                                deadlineMilliseconds: numbers.deadline,
                                nextWarningMilliseconds: numbers.nextWarningAt)
                        }
                        slot &+= 1
                    }
                    start = end
                }
            }
        }
    }

    /// Throws unless `batch` was packed for this engine's policy.
    private func checkPolicy(of batch: SLATicketBatch) throws(SLAError) {
        guard batch.policy == policy else {
            throw SLAError(
                code: .unknownPriority, field: "batch", value: "\(batch.count) tickets",
                message: "the batch was packed for another policy")
        }
    }
}
