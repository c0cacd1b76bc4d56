import Foundation
import FuzzSupport
import MSPCore
import MSPSLA

/// Up to 12 events of a ticket: a creation first (mostly), then changes at non-decreasing
/// instants, with priorities and statuses drawn from the given lists.
public func ticketEvents(
    _ input: inout FuzzInput, priorities: [TicketPriority], statuses: [TicketStatus],
    within horizon: DateRange
) -> [TicketEvent] {
    var instant = input.int(
        in: horizon.startMilliseconds...(horizon.startMilliseconds + 30 * 86_400_000))
    var events: [TicketEvent] = []
    if input.byte() % 16 != 0 {
        events.append(
            TicketEvent(.created(priority: input.element(of: priorities)), at: date(instant)))
    }
    for _ in 0..<(input.byte() % 12) {
        instant += input.int(in: 0...(3 * 86_400_000))
        let kind: TicketEvent.Kind
        switch input.byte() % 7 {
        case 0: kind = .created(priority: input.element(of: priorities))
        case 1: kind = .priorityChanged(to: input.element(of: priorities))
        case 2: kind = .statusChanged(to: input.element(of: statuses))
        case 3: kind = .publicReply
        case 4: kind = .resolved
        case 5: kind = .reopened
        default: kind = .closed
        }
        events.append(TicketEvent(kind, at: date(instant)))
    }
    return events
}

/// Evaluates `events` as given and reversed: the engine sorts events itself, so both must
/// give the same evaluation or the same error. Elapsed times are never negative.
public func checkOrderIndependence(_ engine: SLAEngine, _ events: [TicketEvent], asOf: Date) {
    let forward = Result { () throws(SLAError) in try engine.evaluate(events, asOf: asOf) }
    let backward = Result { () throws(SLAError) in
        try engine.evaluate(events.reversed(), asOf: asOf)
    }
    switch (forward, backward) {
    case (.success(let a), .success(let b)):
        fuzzCheck(a == b, "evaluation depends on event order: \(events)")
        for target in a.targets {
            fuzzCheck(
                target.elapsed >= .zero, "negative elapsed time \(target.elapsed) in \(events)")
        }
    case (.failure(let a), .failure(let b)):
        fuzzCheck(a.code == b.code, "errors depend on event order: \(a) vs \(b) for \(events)")
    default:
        fuzzCheck(
            false, "one event order evaluates, the other throws: \(forward) \(backward) \(events)")
    }
}

/// The instant `milliseconds` after 1970-01-01T00:00:00Z.
public func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
}
