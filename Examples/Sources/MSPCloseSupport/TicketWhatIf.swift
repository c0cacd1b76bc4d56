import Foundation
import MSPCore
import MSPSLA

/// One ticket's SLA evaluated as of an instant, and optionally again with a change (a
/// priority from an instant, or a pause that never happened), with MSPSLA's `SLAEngine`.
package struct TicketWhatIf: Sendable {
    /// The evaluation as the events are, and with the change when one was asked.
    package var result: SLAWhatIfResult?
    /// The evaluation as the events are.
    package var evaluation: SLAEvaluation
    /// Why each target stands where it stands: the business spans counted and not counted.
    package var explanations: [SLAExplanation]

    /// Evaluates `events` under `policy` as of `asOf`, and with `change` when given.
    ///
    /// The calendars are compiled over the ticket's life plus a year beyond the evaluation
    /// instant (the longest deadline a target can project).
    ///
    /// - Throws: `CalendarError` when a calendar cannot be compiled; `SLAError` from the
    ///   engine (unknown priority, unknown calendar, events out of order).
    package init(
        policy: SLAPolicy, calendars: [String: BusinessCalendar], events: [TicketEvent],
        asOf: Date, change: SLAWhatIf?
    ) throws {
        let earliest = min(events.map(\.instant).min() ?? asOf, asOf)
        let latest = max(events.map(\.instant).max() ?? asOf, asOf)
        let horizon = try DateRange(
            start: earliest.addingTimeInterval(-86_400 * 7),
            end: latest.addingTimeInterval(86_400 * 400))
        var compiled: [String: BusinessCalendar.Compiled] = [:]
        for (name, calendar) in calendars {
            compiled[name] = try calendar.compiled(for: horizon)
        }
        let engine = try SLAEngine(policy: policy, calendars: compiled)
        self.evaluation = try engine.evaluate(events, asOf: asOf)
        self.explanations = try engine.explain(events, asOf: asOf)
        self.result = try change.map { change throws(SLAError) in
            try engine.whatIf(change, events: events, asOf: asOf)
        }
    }

    /// The evaluation as a table: one row per target.
    package static func table(_ evaluation: SLAEvaluation) -> TextTable {
        var table = TextTable([
            .init("Target"), .init("Status"), .init("Priority"), .init("Allowed", .right),
            .init("Elapsed", .right), .init("Remaining", .right), .init("Deadline"),
            .init("Breached at"),
        ])
        for target in evaluation.targets {
            table.append(row(target))
        }
        return table
    }

    /// The targets that differ, before and after.
    package func changesTable() -> TextTable? {
        guard let result else { return nil }
        var table = TextTable([
            .init("Target"), .init("Case"), .init("Status"), .init("Priority"),
            .init("Allowed", .right), .init("Elapsed", .right), .init("Remaining", .right),
            .init("Deadline"), .init("Breached at"),
        ])
        for change in result.changes {
            for (label, target) in [("before", change.before), ("after", change.after)] {
                let cells = target.map(TicketWhatIf.row) ?? [change.kind.rawValue, "no target"]
                table.append([cells[0], label] + cells.dropFirst())
            }
        }
        return table
    }

    /// One target's cells.
    package static func row(_ target: SLATargetEvaluation) -> [String] {
        [
            target.kind.rawValue, target.status.rawValue, target.priority.rawValue,
            Formatting.duration(target.target), Formatting.duration(target.elapsed),
            Formatting.duration(target.remaining),
            target.deadline.map(Formatting.instant) ?? "–",
            target.breachInstant.map(Formatting.instant) ?? "–",
        ]
    }

    /// A line per target: `resolution: 6h 30m counted, 14h 00m closed, 2h 00m paused`, and
    /// the time stopped between a resolve and a resumed reopen when there was any.
    package func explanationLines() -> [String] {
        explanations.map { explanation in
            var closed = Duration.zero
            var paused = Duration.zero
            var stopped = Duration.zero
            for span in explanation.spans {
                switch span.reason {
                case .counted: break
                case .closed: closed += span.range.duration
                case .paused: paused += span.range.duration
                case .stopped: stopped += span.range.duration
                }
            }
            let resolved =
                stopped == .zero ? "" : ", \(Formatting.duration(stopped)) stopped until reopened"
            return "\(explanation.kind.rawValue): \(Formatting.duration(explanation.counted)) "
                + "counted, \(Formatting.duration(closed)) closed, "
                + "\(Formatting.duration(paused)) paused\(resolved) "
                + "(\(explanation.spans.count) spans)"
        }
    }
}
