import Foundation
import MSPCore

/// An ``SLAPolicy`` bound to compiled business calendars: the evaluator of ticket SLAs.
///
/// Build one per policy (and calendar version) and keep it: the targets, warning offsets and
/// pause table are laid out in flat arrays so that evaluating a ticket touches no
/// dictionary and allocates nothing beyond its result.
///
/// Evaluation is a pure function of (policy, calendars, the ticket's events, the instant
/// asked about): ``evaluate(_:asOf:)`` replays the events, so any past or future instant
/// can be evaluated exactly.
///
/// ## The clock
///
/// Each target kind has a clock. Between two events, a clock that has started, has not
/// stopped and is not paused by the current status counts the business time of its
/// target's calendar. The target is consumed at the earliest instant its elapsed time
/// reaches the target (the calendar's `deadline(after:adding:)`); a clock that stops at or
/// before that instant is met, one still going after it is breached.
///
/// Worked example (New York, Monday to Friday 09:00-17:00, 4 h resolution): created Friday
/// 2026-03-06 16:30 EST; the clock counts 30 minutes to 17:00, nothing over the weekend, and
/// 3.5 hours from Monday 09:00 EDT: the deadline is Monday 2026-03-09 12:30 EDT
/// (16:30Z). A pause in `"waiting on customer"` from Friday 16:45 to Monday 10:00 counts
/// 15 minutes on Friday, then resumes at 10:00: the deadline moves to 13:45 EDT.
public struct SLAEngine: Sendable {
    /// The policy.
    public let policy: SLAPolicy
    /// The calendars by name, as given.
    public let calendars: [String: BusinessCalendar.Compiled]

    /// The distinct calendars used, indexed by ``calendarIndex``.
    let compiledCalendars: [BusinessCalendar.Compiled]
    /// The calendar names of ``compiledCalendars``.
    let calendarNames: [String]
    /// Per `priority * 3 + kind`: the target in ms, or -1 for none.
    let targetMilliseconds: [Int64]
    /// Per `priority * 3 + kind`: the index into ``compiledCalendars``.
    let calendarIndex: [Int]
    /// Per `priority * 3 + kind`: the range of its warnings in ``warnings``.
    let warningStart: [Int]
    /// Elapsed ms at which each warning is reached, grouped per `priority * 3 + kind`.
    let warnings: [Int64]
    /// The thresholds matching ``warnings``.
    let warningFractions: [Rational]
    /// The priorities, by index.
    let priorities: [TicketPriority]
    /// Priority index by name.
    let priorityIndex: [TicketPriority: Int32]
    /// The statuses that pause something, sorted; code `pausingStatuses.count` is any
    /// other status.
    let pausingStatuses: [TicketStatus]
    /// Status code by name for the pausing statuses.
    let statusIndex: [TicketStatus: Int32]
    /// Per status code: bit `k` set when the status pauses kind `k`.
    let pauseMask: [UInt8]

    /// Binds `policy` to compiled calendars.
    ///
    /// - Parameters:
    ///   - policy: The policy.
    ///   - calendars: Compiled calendars by the names the policy's targets use. Compile
    ///     each over every instant you will evaluate plus the longest deadline beyond it.
    /// - Throws: ``SLAError`` `unknownCalendar` for a target naming a calendar not given.
    public init(policy: SLAPolicy, calendars: [String: BusinessCalendar.Compiled])
        throws(SLAError)
    {
        var names: [String] = []
        var compiled: [BusinessCalendar.Compiled] = []
        var nameIndex: [String: Int] = [:]
        var targets: [Int64] = []
        var calendarOfTarget: [Int] = []
        var warningStart: [Int] = [0]
        var warnings: [Int64] = []
        var fractions: [Rational] = []
        for priority in policy.priorities {
            let list = policy.targets[priority] ?? []
            for kind in SLATargetKind.allCases {
                guard let target = list.first(where: { $0.kind == kind }) else {
                    targets.append(-1)
                    calendarOfTarget.append(0)
                    warningStart.append(warnings.count)
                    continue
                }
                let index: Int
                if let known = nameIndex[target.calendar] {
                    index = known
                } else {
                    guard let calendar = calendars[target.calendar] else {
                        throw .unknownCalendar(target.calendar)
                    }
                    index = compiled.count
                    nameIndex[target.calendar] = index
                    names.append(target.calendar)
                    compiled.append(calendar)
                }
                targets.append(target.milliseconds)
                calendarOfTarget.append(index)
                warnings.append(contentsOf: try target.warningMilliseconds())
                fractions.append(contentsOf: target.warningThresholds)
                warningStart.append(warnings.count)
            }
        }
        let pausing = policy.pauses.keys.sorted()
        var statusIndex: [TicketStatus: Int32] = [:]
        var masks: [UInt8] = []
        for (index, status) in pausing.enumerated() {
            statusIndex[status] = Int32(index)
            var mask: UInt8 = 0
            for kind in policy.pauses[status] ?? [] { mask |= 1 << UInt8(kind.index) }
            masks.append(mask)
        }
        masks.append(0)
        var priorityIndex: [TicketPriority: Int32] = [:]
        for (index, priority) in policy.priorities.enumerated() {
            priorityIndex[priority] = Int32(index)
        }
        self.policy = policy
        self.calendars = calendars
        self.compiledCalendars = compiled
        self.calendarNames = names
        self.targetMilliseconds = targets
        self.calendarIndex = calendarOfTarget
        self.warningStart = warningStart
        self.warnings = warnings
        self.warningFractions = fractions
        self.priorities = policy.priorities
        self.priorityIndex = priorityIndex
        self.pausingStatuses = pausing
        self.statusIndex = statusIndex
        self.pauseMask = masks
    }

    /// Evaluates a ticket's targets at `asOf`.
    ///
    /// - Parameters:
    ///   - events: The ticket's events, in any order.
    ///   - asOf: The instant to evaluate; events after it are ignored, events at it apply.
    /// - Returns: Every target of the ticket, with status, elapsed and remaining time,
    ///   deadline, breach and next warning.
    /// - Throws: ``SLAError`` `missingCreation`, `duplicateCreation`,
    ///   `eventBeforeCreation`, `invalidTransition`, `unknownPriority`,
    ///   `asOfBeforeCreation`, `invalidInstant`; `calendar` when an instant or a deadline
    ///   falls outside a calendar's compiled horizon.
    /// - Complexity: O(*e* log *e*) for *e* events.
    public func evaluate(_ events: [TicketEvent], asOf: Date) throws(SLAError) -> SLAEvaluation {
        let packed = try pack(events)
        let time = try SLAEngine.milliseconds(asOf, field: "asOf")
        var sink = NoSink()
        let outcome = try replay(packed, asOf: time, sink: &sink)
        return try makeEvaluation(outcome, asOf: asOf, asOfMilliseconds: time)
    }

    /// `date` in whole milliseconds since the epoch.
    static func milliseconds(_ date: Date, field: String) throws(SLAError) -> Int64 {
        guard let milliseconds = DateRange.milliseconds(of: date) else {
            throw .invalidInstant(date, field: field)
        }
        return milliseconds
    }

    /// The `Date` of `milliseconds`.
    static func date(_ milliseconds: Int64) -> Date {
        DateRange.instant(milliseconds: milliseconds)
    }
}

/// An event in the engine's packed form: instant, kind rank and payload code.
struct PackedEvent: Sendable, Hashable, Comparable {
    /// Milliseconds since the epoch.
    var time: Int64
    /// ``TicketEvent/Kind/rank``.
    var rank: UInt8
    /// The priority index or status code; 0 for other kinds.
    var code: Int32

    static func < (lhs: PackedEvent, rhs: PackedEvent) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        return lhs.code < rhs.code
    }

    static let created: UInt8 = 0
    static let priorityChanged: UInt8 = 1
    static let statusChanged: UInt8 = 2
    static let publicReply: UInt8 = 3
    static let resolved: UInt8 = 4
    static let reopened: UInt8 = 5
    static let closed: UInt8 = 6
}

extension SLAEngine {
    /// Packs, sorts and validates `events`.
    func pack(_ events: [TicketEvent]) throws(SLAError) -> [PackedEvent] {
        var packed: [PackedEvent] = []
        packed.reserveCapacity(events.count)
        for event in events {
            let time = try SLAEngine.milliseconds(event.instant, field: "events")
            let code: Int32
            switch event.kind {
            case .created(let priority), .priorityChanged(let priority):
                guard let index = priorityIndex[priority] else {
                    throw .unknownPriority(priority)
                }
                code = index
            case .statusChanged(let status):
                code = statusIndex[status] ?? Int32(pausingStatuses.count)
            default:
                code = 0
            }
            packed.append(PackedEvent(time: time, rank: event.kind.rank, code: code))
        }
        packed.sort()
        try SLAEngine.validate(packed)
        return packed
    }

    /// Checks that sorted `events` start with one creation and follow the lifecycle.
    static func validate(_ events: some Collection<PackedEvent>) throws(SLAError) {
        guard let creation = events.first(where: { $0.rank == PackedEvent.created }) else {
            throw .missingCreation()
        }
        var state = TicketState.open
        var seenCreation = false
        for event in events {
            if !seenCreation {
                guard event.rank == PackedEvent.created else {
                    throw .eventBeforeCreation(
                        name(event.rank), at: date(event.time), created: date(creation.time))
                }
                seenCreation = true
                continue
            }
            switch event.rank {
            case PackedEvent.created:
                throw .duplicateCreation(date(event.time))
            case PackedEvent.resolved:
                guard state == .open else {
                    throw .invalidTransition("resolved", at: date(event.time), state: "\(state)")
                }
                state = .resolved
            case PackedEvent.reopened:
                guard state != .open else {
                    throw .invalidTransition("reopened", at: date(event.time), state: "open")
                }
                state = .open
            case PackedEvent.closed:
                guard state != .closed else {
                    throw .invalidTransition("closed", at: date(event.time), state: "closed")
                }
                state = .closed
            default:
                break
            }
        }
    }

    /// The event name of a rank.
    static func name(_ rank: UInt8) -> String {
        [
            "created", "priorityChanged", "statusChanged", "publicReply", "resolved",
            "reopened", "closed",
        ][Int(rank)]
    }
}
