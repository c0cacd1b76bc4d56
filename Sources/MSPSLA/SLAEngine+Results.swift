import Foundation
import MSPCore

/// The numbers of one clock at the evaluation instant, in milliseconds.
struct ClockFigures: Sendable, Hashable {
    var status: SLATargetStatus
    var remaining: Int64
    var deadline: Int64?
    var breachInstant: Int64?
    var nextWarningIndex: Int?
    var nextWarningAt: Int64?
    var warningsReached: Int
}

extension SLAEngine {
    /// The status, deadline and next warning of `clock` at `asOf`.
    @inline(__always)
    func figures<Calendars: CalendarAccess>(
        of clock: Clock, kind: Int, mask: UInt8, asOf: Int64,
        calendars: Calendars, memo: inout CumulativeMemo
    ) throws(SLAError) -> ClockFigures {
        let remaining = max(0, clock.target &- clock.elapsed)
        var figures = ClockFigures(
            status: .notStarted, remaining: remaining, deadline: nil, breachInstant: nil,
            nextWarningIndex: nil, nextWarningAt: nil, warningsReached: 0)
        let slot = Int(clock.priority) &* 3 &+ kind
        if clock.phase != 0 {
            let low = warningStart[slot]
            let high = warningStart[slot &+ 1]
            var reached = 0
            var index = low
            while index < high, warnings[index] <= clock.elapsed {
                reached &+= 1
                index &+= 1
            }
            figures.warningsReached = reached
            if index < high { figures.nextWarningIndex = index }
        }
        if clock.reachedAt != .max { figures.deadline = clock.reachedAt }
        switch clock.phase {
        case 0:
            return figures
        case 2:
            figures.status = clock.outcome == 0 ? .met : clock.outcome == 1 ? .breached : .cancelled
        default:
            if clock.reachedAt < asOf {
                figures.status = .breached
            } else if mask & (1 << UInt8(kind)) != 0 {
                figures.status = .paused
            } else {
                figures.status = .running
                // Running and not yet consumed: `remaining > 0` and the next warning lies
                // ahead, so both are positive additions to the business time at `asOf`.
                do {
                    let now = try memo.value(clock.calendar, asOf, calendars)
                    if clock.reachedAt == .max {
                        figures.deadline = try calendars.instant(
                            clock.calendar, reaching: now &+ remaining)
                    }
                    if let next = figures.nextWarningIndex {
                        figures.nextWarningAt = try calendars.instant(
                            clock.calendar, reaching: now &+ warnings[next] &- clock.elapsed)
                    }
                } catch { throw .calendar(error) }
            }
        }
        if figures.status == .breached {
            figures.breachInstant = clock.reachedAt
            figures.remaining = 0
        }
        if figures.status != .running { figures.nextWarningIndex = nil }
        return figures
    }

    /// Builds the public evaluation from a replay.
    func makeEvaluation(_ outcome: KernelOutcome, asOf: Date, asOfMilliseconds: Int64)
        throws(SLAError) -> SLAEvaluation
    {
        try compiledCalendars.withUnsafeBufferPointer { calendars throws(SLAError) in
            var memo = CumulativeMemo()
            return try makeEvaluation(
                outcome, asOf: asOf, asOfMilliseconds: asOfMilliseconds,
                calendars: CalendarBuffer(buffer: calendars), memo: &memo)
        }
    }

    /// Builds the public evaluation from a replay.
    private func makeEvaluation(
        _ outcome: KernelOutcome, asOf: Date, asOfMilliseconds: Int64,
        calendars: CalendarBuffer, memo: inout CumulativeMemo
    ) throws(SLAError) -> SLAEvaluation {
        let mask = pauseMask[Int(outcome.statusCode)]
        var targets: [SLATargetEvaluation] = []
        for kind in SLATargetKind.allCases {
            let clock = outcome.clocks[kind.index]
            let currentSlot = Int(outcome.priority) * 3 + kind.index
            var shown = clock
            if clock.phase == 0 {
                // Not started: show the target the current priority would start with.
                guard targetMilliseconds[currentSlot] >= 0 else {
                    if clock.earlierCycles == 0 { continue }
                    shown.target = 0
                    shown.priority = outcome.priority
                    targets.append(
                        evaluation(
                            of: shown, kind: kind, mask: mask, asOf: asOfMilliseconds,
                            figures: try figures(
                                of: shown, kind: kind.index, mask: mask, asOf: asOfMilliseconds,
                                calendars: calendars, memo: &memo),
                            statusCode: outcome.statusCode))
                    continue
                }
                shown.target = targetMilliseconds[currentSlot]
                shown.calendar = calendarIndex[currentSlot]
                shown.priority = outcome.priority
            }
            let numbers = try figures(
                of: shown, kind: kind.index, mask: mask, asOf: asOfMilliseconds,
                calendars: calendars, memo: &memo)
            targets.append(
                evaluation(
                    of: shown, kind: kind, mask: mask, asOf: asOfMilliseconds, figures: numbers,
                    statusCode: outcome.statusCode))
        }
        let status =
            Int(outcome.statusCode) < pausingStatuses.count
            ? pausingStatuses[Int(outcome.statusCode)] : nil
        return SLAEvaluation(
            asOf: asOf, state: outcome.state, priority: priorities[Int(outcome.priority)],
            pausingStatus: status, targets: targets)
    }

    /// One target's public evaluation.
    private func evaluation(
        of clock: Clock, kind: SLATargetKind, mask: UInt8, asOf: Int64, figures: ClockFigures,
        statusCode: Int32
    ) -> SLATargetEvaluation {
        let warning = figures.nextWarningIndex.flatMap { index in
            figures.nextWarningAt.map {
                SLAWarning(threshold: warningFractions[index], instant: SLAEngine.date($0))
            }
        }
        let pausedBy: TicketStatus? =
            figures.status == .paused && Int(statusCode) < pausingStatuses.count
            ? pausingStatuses[Int(statusCode)] : nil
        return SLATargetEvaluation(
            kind: kind, status: figures.status, priority: priorities[Int(clock.priority)],
            target: .milliseconds(max(0, clock.target)),
            calendar: calendarNames.isEmpty ? "" : calendarNames[clock.calendar],
            cycleStart: clock.phase == 0 ? nil : SLAEngine.date(clock.cycleStart),
            elapsed: .milliseconds(clock.elapsed), remaining: .milliseconds(figures.remaining),
            deadline: figures.deadline.map(SLAEngine.date),
            breachInstant: figures.breachInstant.map(SLAEngine.date),
            stoppedAt: clock.phase == 2 ? SLAEngine.date(clock.stoppedAt) : nil,
            nextWarning: warning, warningsReached: figures.warningsReached, pausedBy: pausedBy,
            earlierCycles: Int(clock.earlierCycles), earlierBreaches: Int(clock.earlierBreaches))
    }
}
