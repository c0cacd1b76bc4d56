import Foundation
import MSPCore

/// Where a target's clock stands at the evaluation instant.
public enum SLATargetStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The clock has not started (a next-response target before the first reply).
    case notStarted
    /// The clock is counting business time and the target is not yet consumed.
    case running
    /// A status in the policy's pause table holds the clock.
    case paused
    /// The clock stopped at or before the instant the target was consumed.
    case met
    /// The target was consumed and the clock did not stop by then (running, paused or
    /// stopped late).
    case breached
    /// The clock stopped without an outcome: a first response at a resolution that does
    /// not count as one, a next-response cycle ended by the resolution, or a change to a
    /// priority with no target of the kind.
    case cancelled
}

/// One target of one ticket, evaluated at an instant.
///
/// While the status is ``SLATargetStatus/running``, `elapsed + remaining == target` exactly.
/// ``deadline``, ``breachInstant`` and ``nextWarning`` come from the calendar's
/// `deadline(after:adding:)`, so they fall in business time: a warning due at 75% of a
/// target that is consumed overnight is dated at the next opening plus what remains, never
/// at midnight.
public struct SLATargetEvaluation: Sendable, Hashable {
    /// What the target measures.
    public let kind: SLATargetKind
    /// The status at the evaluation instant.
    public let status: SLATargetStatus
    /// The priority whose target is in force.
    public let priority: TicketPriority
    /// The target in force.
    public let target: Duration
    /// The calendar the target counts on.
    public let calendar: String
    /// When the current cycle started; `nil` before the clock starts.
    public let cycleStart: Date?
    /// The business time counted in the current cycle.
    public let elapsed: Duration
    /// `target - elapsed`, never below zero; zero once breached (a priority lowered after a
    /// breach gives a larger target but does not undo the breach).
    public let remaining: Duration
    /// The instant the target is consumed: in the past once reached, projected from the
    /// evaluation instant while running; `nil` while paused (it moves with the pause), when
    /// not started, or when the clock stopped before consuming its target.
    public let deadline: Date?
    /// The instant the target was breached, if it was (the instant it was consumed, or the
    /// priority change that made it so).
    public let breachInstant: Date?
    /// When the clock stopped, for a met, cancelled or late-stopped target.
    public let stoppedAt: Date?
    /// The next warning threshold not yet reached and the instant it will be reached if
    /// nothing changes; `nil` when paused, stopped, or every threshold is reached.
    public let nextWarning: SLAWarning?
    /// How many of the target's warning thresholds the elapsed time has reached.
    public let warningsReached: Int
    /// The status that pauses the clock, when ``status`` is ``SLATargetStatus/paused``.
    public let pausedBy: TicketStatus?
    /// Cycles that ended before the current one (next-response replies, new cycles at
    /// reopen or restart-from-change).
    public let earlierCycles: Int
    /// How many of ``earlierCycles`` were breached.
    public let earlierBreaches: Int
}

/// A warning threshold and the instant it is (or will be) reached.
///
/// JSON: `{"threshold": "0.75", "instant": 1773070200000}`, the instant in whole milliseconds
/// since 1970-01-01T00:00:00Z.
public struct SLAWarning: Sendable, Hashable {
    /// The fraction of the target, in `(0, 1]`.
    public let threshold: Rational
    /// The instant, in business time.
    public let instant: Date
}

/// The state of a ticket's lifecycle at the evaluation instant.
public enum TicketState: String, Sendable, Hashable, Codable {
    /// Open (including after a reopen).
    case open
    /// Resolved, not closed.
    case resolved
    /// Closed.
    case closed
}

/// A ticket's SLA at one instant: every target of its priority.
public struct SLAEvaluation: Sendable, Hashable {
    /// The instant evaluated.
    public let asOf: Date
    /// The ticket's lifecycle state.
    public let state: TicketState
    /// The priority in force.
    public let priority: TicketPriority
    /// The status in force when it is one the policy's pause table lists (it may pause
    /// some clocks and not others); `nil` when the status in force pauses nothing.
    public let pausingStatus: TicketStatus?
    /// One evaluation per target kind the ticket has had a target for, sorted by kind.
    public let targets: [SLATargetEvaluation]

    /// The evaluation of `kind`, if the ticket has such a target.
    public subscript(kind: SLATargetKind) -> SLATargetEvaluation? {
        targets.first { $0.kind == kind }
    }
}
