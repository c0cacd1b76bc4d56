import Foundation
import MSPCore

/// Receives the spans a clock counted or skipped, for explanations; the plain evaluation
/// uses ``NoSink``, which the compiler removes.
protocol ClockSink {
    /// Kind `kind` counted `[from, to)` on calendar `calendar`.
    mutating func counted(kind: Int, from: Int64, to: Int64, calendar: Int)
    /// Kind `kind` was paused over `[from, to)` by status code `status`.
    mutating func paused(kind: Int, from: Int64, to: Int64, status: Int32)
    /// Kind `kind`'s cycle `clock` ended at `time` because a new cycle starts.
    mutating func folded(kind: Int, clock: Clock, at time: Int64)
}

extension ClockSink {
    /// Ignores ended cycles.
    @inline(__always) mutating func folded(kind: Int, clock: Clock, at time: Int64) {}
}

/// A sink that records nothing.
///
/// It holds one unused byte so that each `var sink = NoSink()` has storage of its own. A
/// type without stored properties has no address: the compiler passes every caller's
/// `&sink` to the generic kernel as one placeholder address, and under ThreadSanitizer the
/// kernel's instrumented `inout Sink` accesses then look like writes by concurrent
/// evaluations to one variable ("Swift access race"), a false report that Docs/Reliability.md
/// describes. One byte costs nothing measurable and keeps the parallel test run clean
/// without a suppression.
struct NoSink: ClockSink {
    private var storage: UInt8 = 0
    @inline(__always) mutating func counted(kind: Int, from: Int64, to: Int64, calendar: Int) {}
    @inline(__always) mutating func paused(kind: Int, from: Int64, to: Int64, status: Int32) {}
}

/// One target kind's clock during a replay.
struct Clock: Sendable, Hashable {
    /// 0 not started, 1 started (running or paused), 2 stopped.
    var phase: UInt8 = 0
    /// When stopped: 0 met, 1 breached, 2 cancelled.
    var outcome: UInt8 = 0
    /// The priority whose target is in force.
    var priority: Int32 = 0
    /// The target in force, ms.
    var target: Int64 = -1
    /// The calendar index of the target.
    var calendar: Int = 0
    /// Start of the current cycle.
    var cycleStart: Int64 = 0
    /// Business ms counted in the current cycle.
    var elapsed: Int64 = 0
    /// When the elapsed time reached the target (or the change that made it so);
    /// `Int64.max` if not yet.
    var reachedAt: Int64 = .max
    /// When the clock stopped.
    var stoppedAt: Int64 = 0
    /// Cycles before the current one.
    var earlierCycles: Int32 = 0
    /// Breached cycles before the current one.
    var earlierBreaches: Int32 = 0
}

/// The three clocks of a replay, addressable by kind index without an array.
struct Clocks: Sendable, Hashable {
    var first = Clock()
    var next = Clock()
    var resolution = Clock()

    /// Runs `body` on clock `kind` in place, without copying it out and back.
    @inline(__always)
    mutating func update<Failure: Error>(
        _ kind: Int, _ body: (inout Clock) throws(Failure) -> Void
    ) throws(Failure) {
        switch kind {
        case 0: try body(&first)
        case 1: try body(&next)
        default: try body(&resolution)
        }
    }

    subscript(kind: Int) -> Clock {
        @inline(__always) get {
            switch kind {
            case 0: first
            case 1: next
            default: resolution
            }
        }
        @inline(__always) set {
            switch kind {
            case 0: first = newValue
            case 1: next = newValue
            default: resolution = newValue
            }
        }
    }
}

/// The compiled calendars a replay reads, by index.
protocol CalendarAccess {
    /// Business ms before `time` on calendar `index`.
    func cumulative(_ index: Int, at time: Int64) throws(CalendarError) -> Int64
    /// The earliest instant at which calendar `index` reaches `value` cumulative business ms.
    func instant(_ index: Int, reaching value: Int64) throws(CalendarError) -> Int64
}

/// The one calendar of an engine that uses a single calendar, held directly so that each
/// query borrows it.
struct SingleCalendar: CalendarAccess {
    let compiled: BusinessCalendar.Compiled

    @inline(__always)
    func cumulative(_ index: Int, at time: Int64) throws(CalendarError) -> Int64 {
        try compiled.cumulativeBusinessMilliseconds(at: time)
    }

    @inline(__always)
    func instant(_ index: Int, reaching value: Int64) throws(CalendarError) -> Int64 {
        try compiled.instant(reachingCumulativeBusinessMilliseconds: value)
    }
}

/// Several calendars in a buffer.
struct CalendarBuffer: CalendarAccess {
    let buffer: UnsafeBufferPointer<BusinessCalendar.Compiled>

    @inline(__always)
    func cumulative(_ index: Int, at time: Int64) throws(CalendarError) -> Int64 {
        try buffer[index].cumulativeBusinessMilliseconds(at: time)
    }

    @inline(__always)
    func instant(_ index: Int, reaching value: Int64) throws(CalendarError) -> Int64 {
        try buffer[index].instant(reachingCumulativeBusinessMilliseconds: value)
    }
}

/// The last two cumulative business-time lookups, so that consecutive spans on one
/// calendar (the end of one is the start of the next) and the clocks sharing a calendar
/// query each instant once.
struct CumulativeMemo {
    var calendar0 = -1
    var time0: Int64 = 0
    var value0: Int64 = 0
    var calendar1 = -1
    var time1: Int64 = 0
    var value1: Int64 = 0

    /// The business ms before `time` on calendar `index`.
    @inline(__always)
    mutating func value<Calendars: CalendarAccess>(
        _ index: Int, _ time: Int64, _ calendars: Calendars
    ) throws(CalendarError) -> Int64 {
        if calendar0 == index && time0 == time { return value0 }
        if calendar1 == index && time1 == time { return value1 }
        let value = try calendars.cumulative(index, at: time)
        calendar1 = calendar0
        time1 = time0
        value1 = value0
        calendar0 = index
        time0 = time
        value0 = value
        return value
    }
}

/// The end state of a replay.
struct KernelOutcome: Sendable, Hashable {
    var clocks: Clocks
    var state: TicketState
    var priority: Int32
    var statusCode: Int32
}

extension SLAEngine {
    /// Replays one ticket's sorted, validated events up to `asOf`.
    func replay<Sink: ClockSink>(_ events: [PackedEvent], asOf: Int64, sink: inout Sink)
        throws(SLAError) -> KernelOutcome
    {
        try events.withUnsafeBufferPointer { buffer throws(SLAError) in
            var memo = CumulativeMemo()
            if compiledCalendars.count == 1 {
                return try run(
                    buffer, asOf: asOf, calendars: SingleCalendar(compiled: compiledCalendars[0]),
                    memo: &memo, sink: &sink)
            }
            return try compiledCalendars.withUnsafeBufferPointer { calendars throws(SLAError) in
                try run(
                    buffer, asOf: asOf, calendars: CalendarBuffer(buffer: calendars), memo: &memo,
                    sink: &sink)
            }
        }
    }

    /// Replays sorted, validated `events` up to `asOf` and returns the clocks.
    @inline(__always)
    func run<Sink: ClockSink, Calendars: CalendarAccess>(
        _ events: UnsafeBufferPointer<PackedEvent>, asOf: Int64,
        calendars: Calendars, memo: inout CumulativeMemo,
        sink: inout Sink
    ) throws(SLAError) -> KernelOutcome {
        let creation = events[0]
        guard asOf >= creation.time else {
            throw .asOfBeforeCreation(SLAEngine.date(asOf), created: SLAEngine.date(creation.time))
        }
        var clocks = Clocks()
        var priority = creation.code
        let otherStatus = Int32(pausingStatuses.count)
        var statusCode = otherStatus
        var mask: UInt8 = 0
        var state = TicketState.open
        var replied = false
        let keepElapsed = policy.options.priorityChange == .keepElapsed
        let resume = policy.options.reopen == .resume
        let firstAtResolution = policy.options.firstResponseAtResolution
        startCycle(&clocks, kind: 0, at: creation.time, priority: priority)
        startCycle(&clocks, kind: 2, at: creation.time, priority: priority)
        var previous = creation.time
        var index = 1
        while index < events.count {
            let event = events[index]
            if event.time > asOf { break }
            try advance(
                &clocks, from: previous, to: event.time, mask: mask, status: statusCode,
                calendars: calendars, memo: &memo, sink: &sink)
            previous = event.time
            let time = event.time
            switch event.rank {
            case PackedEvent.priorityChanged:
                let newPriority = event.code
                for kind in 0..<3 {
                    let slot = Int(newPriority) &* 3 &+ kind
                    let newTarget = targetMilliseconds[slot]
                    var clock = clocks[kind]
                    if clock.phase == 1 {
                        if newTarget < 0 {
                            clock.phase = 2
                            clock.stoppedAt = time
                            clock.outcome = clock.reachedAt < time ? 1 : 2
                            clocks[kind] = clock
                        } else if keepElapsed {
                            if clock.reachedAt >= time {
                                clock.reachedAt = clock.elapsed >= newTarget ? time : .max
                            }
                            clock.target = newTarget
                            clock.calendar = calendarIndex[slot]
                            clock.priority = newPriority
                            clocks[kind] = clock
                        } else {
                            fold(&clocks, kind: kind, at: time, sink: &sink)
                            startCycle(&clocks, kind: kind, at: time, priority: newPriority)
                        }
                    } else if clock.phase == 0, state == .open, newTarget >= 0,
                        kind == 2 || (kind == 0 && !replied)
                    {
                        startCycle(&clocks, kind: kind, at: time, priority: newPriority)
                    }
                }
                priority = newPriority
            case PackedEvent.statusChanged:
                statusCode = event.code
                mask = pauseMask[Int(event.code)]
            case PackedEvent.publicReply:
                if clocks.first.phase == 1 { stop(&clocks, kind: 0, at: time) }
                replied = true
                if state == .open {
                    if clocks.next.phase == 1 { stop(&clocks, kind: 1, at: time) }
                    fold(&clocks, kind: 1, at: time, sink: &sink)
                    startCycle(&clocks, kind: 1, at: time, priority: priority)
                }
            case PackedEvent.resolved, PackedEvent.closed:
                if state == .open {
                    if clocks.first.phase == 1 {
                        if firstAtResolution {
                            stop(&clocks, kind: 0, at: time)
                        } else {
                            cancel(&clocks, kind: 0, at: time)
                        }
                    }
                    if clocks.next.phase == 1 { cancel(&clocks, kind: 1, at: time) }
                    if clocks.resolution.phase == 1 { stop(&clocks, kind: 2, at: time) }
                }
                state = event.rank == PackedEvent.closed ? .closed : .resolved
            case PackedEvent.reopened:
                state = .open
                fold(&clocks, kind: 1, at: time, sink: &sink)
                startCycle(&clocks, kind: 1, at: time, priority: priority)
                if resume, clocks.resolution.phase == 2, clocks.resolution.outcome != 2 {
                    clocks.resolution.phase = 1
                    clocks.resolution.outcome = 0
                } else {
                    fold(&clocks, kind: 2, at: time, sink: &sink)
                    startCycle(&clocks, kind: 2, at: time, priority: priority)
                }
            default:
                break
            }
            index &+= 1
        }
        try advance(
            &clocks, from: previous, to: asOf, mask: mask, status: statusCode,
            calendars: calendars, memo: &memo, sink: &sink)
        return KernelOutcome(
            clocks: clocks, state: state, priority: priority, statusCode: statusCode)
    }

    /// Counts `[from, to)` on every started, unpaused clock.
    @inline(__always)
    func advance<Sink: ClockSink, Calendars: CalendarAccess>(
        _ clocks: inout Clocks, from: Int64, to: Int64, mask: UInt8, status: Int32,
        calendars: Calendars, memo: inout CumulativeMemo,
        sink: inout Sink
    ) throws(SLAError) {
        guard from < to else { return }
        for kind in 0..<3 {
            try clocks.update(kind) { (clock: inout Clock) throws(SLAError) in
                guard clock.phase == 1 else { return }
                if mask & (1 << UInt8(kind)) != 0 {
                    sink.paused(kind: kind, from: from, to: to, status: status)
                    return
                }
                do throws(CalendarError) {
                    let start = try memo.value(clock.calendar, from, calendars)
                    let business = try memo.value(clock.calendar, to, calendars) &- start
                    if clock.reachedAt == .max, clock.elapsed &+ business >= clock.target {
                        let needed = clock.target &- clock.elapsed
                        clock.reachedAt =
                            needed == 0
                            ? from
                            : try calendars.instant(clock.calendar, reaching: start &+ needed)
                    }
                    clock.elapsed &+= business
                } catch { throw .calendar(error) }
                sink.counted(kind: kind, from: from, to: to, calendar: clock.calendar)
            }
        }
    }

    /// Starts a cycle of `kind` at `time` with `priority`'s target, if it has one.
    @inline(__always)
    func startCycle(_ clocks: inout Clocks, kind: Int, at time: Int64, priority: Int32) {
        let slot = Int(priority) &* 3 &+ kind
        let target = targetMilliseconds[slot]
        guard target >= 0 else { return }
        let calendar = calendarIndex[slot]
        clocks.update(kind) { (clock: inout Clock) in
            clock.phase = 1
            clock.outcome = 0
            clock.priority = priority
            clock.target = target
            clock.calendar = calendar
            clock.cycleStart = time
            clock.elapsed = 0
            clock.reachedAt = target == 0 ? time : .max
        }
    }

    /// Stops `kind` at `time`: met when the target was not consumed before `time`.
    @inline(__always)
    func stop(_ clocks: inout Clocks, kind: Int, at time: Int64) {
        clocks.update(kind) { (clock: inout Clock) in
            clock.phase = 2
            clock.stoppedAt = time
            clock.outcome = clock.reachedAt < time ? 1 : 0
        }
    }

    /// Stops `kind` at `time` without an outcome, unless it was already breached.
    @inline(__always)
    func cancel(_ clocks: inout Clocks, kind: Int, at time: Int64) {
        clocks.update(kind) { (clock: inout Clock) in
            clock.phase = 2
            clock.stoppedAt = time
            clock.outcome = clock.reachedAt < time ? 1 : 2
        }
    }

    /// Counts the current cycle of `kind` among the earlier ones before a new cycle starts,
    /// and hands it to `sink`.
    @inline(__always)
    func fold<Sink: ClockSink>(_ clocks: inout Clocks, kind: Int, at time: Int64, sink: inout Sink)
    {
        if clocks[kind].phase != 0 { sink.folded(kind: kind, clock: clocks[kind], at: time) }
        clocks.update(kind) { (clock: inout Clock) in
            switch clock.phase {
            case 1:
                clock.earlierCycles &+= 1
                if clock.reachedAt < time { clock.earlierBreaches &+= 1 }
            case 2 where clock.outcome != 2:
                clock.earlierCycles &+= 1
                if clock.outcome == 1 { clock.earlierBreaches &+= 1 }
            default:
                return
            }
            clock.phase = 0
        }
    }
}
