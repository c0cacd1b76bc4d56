import Foundation
import MSPCore

/// One hypothetical change to a ticket, for ``SLAEngine/whatIf(_:events:asOf:)``.
public enum SLAWhatIf: Sendable, Hashable {
    /// The ticket has `priority` from `instant` on: later priority changes are dropped and
    /// a change to `priority` is added at `instant` (or the creation takes it, when
    /// `instant` is the creation instant or earlier).
    case priority(TicketPriority, from: Date)
    /// The same policy counted on other compiled calendars (another calendar version), by
    /// the policy's calendar names.
    case calendars([String: BusinessCalendar.Compiled])
    /// The pause that starts at `instant` never happened: the status changes at `instant`
    /// to a status that pauses something are dropped, so the status before it continues.
    case removePause(at: Date)
}

/// How one target differs under a what-if.
public struct SLATargetChange: Sendable, Hashable {
    /// The target kind.
    public let kind: SLATargetKind
    /// The evaluation without the change; `nil` if the ticket had no such target.
    public let before: SLATargetEvaluation?
    /// The evaluation with the change; `nil` if the ticket has no such target then.
    public let after: SLATargetEvaluation?

    /// Whether the outcome moved between met (or on track) and breached.
    public var breachChanged: Bool {
        (before?.status == .breached) != (after?.status == .breached)
    }

    /// How far the deadline moved (`after − before`), when both have one.
    public var deadlineShift: Duration? {
        guard let old = before?.deadline, let new = after?.deadline else { return nil }
        let milliseconds = ((new.timeIntervalSince1970 - old.timeIntervalSince1970) * 1000)
            .rounded()
        return .milliseconds(Int64(milliseconds))
    }
}

/// The outcome of a what-if: both evaluations and the targets that differ.
public struct SLAWhatIfResult: Sendable, Hashable {
    /// The evaluation as the events are.
    public let before: SLAEvaluation
    /// The evaluation with the change.
    public let after: SLAEvaluation
    /// The targets whose evaluation differs, by kind.
    public let changes: [SLATargetChange]
}

extension SLAEngine {
    /// Evaluates a ticket as it is and with one change, and reports what changed.
    ///
    /// Worked example (Mon-Fri 09:00-17:00 New York; P3 resolution 8 h, P1 4 h): created
    /// Monday 2026-03-09 09:00 EDT as P3 and unresolved at 15:00 EDT: running, due Monday
    /// 17:00 EDT. What if it had been P1 from 09:00: breached at 13:00 EDT, the deadline moved
    /// 4 hours earlier.
    ///
    /// - Throws: ``SLAError`` as ``evaluate(_:asOf:)``; `unknownPriority`;
    ///   `unknownCalendar` when the calendars lack a name the policy uses.
    public func whatIf(_ change: SLAWhatIf, events: [TicketEvent], asOf: Date) throws(SLAError)
        -> SLAWhatIfResult
    {
        let before = try evaluate(events, asOf: asOf)
        let after: SLAEvaluation
        switch change {
        case .priority(let priority, let instant):
            guard priorityIndex[priority] != nil else { throw .unknownPriority(priority) }
            var changed: [TicketEvent] = []
            var placed = false
            for event in events {
                switch event.kind {
                case .created where event.instant >= instant:
                    changed.append(TicketEvent(.created(priority: priority), at: event.instant))
                    placed = true
                case .priorityChanged where event.instant >= instant:
                    continue
                default:
                    changed.append(event)
                }
            }
            if !placed { changed.append(TicketEvent(.priorityChanged(to: priority), at: instant)) }
            after = try evaluate(changed, asOf: asOf)
        case .calendars(let calendars):
            after = try SLAEngine(policy: policy, calendars: calendars).evaluate(
                events, asOf: asOf)
        case .removePause(let instant):
            let changed = events.filter { event in
                guard case .statusChanged(let status) = event.kind, event.instant == instant
                else { return true }
                return policy.pauses[status] == nil
            }
            after = try evaluate(changed, asOf: asOf)
        }
        return SLAWhatIfResult(before: before, after: after)
    }
}
