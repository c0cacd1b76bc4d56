import Foundation
import FuzzSupport
import MSPCore
import MSPSLA
import SLAFuzzSupport

/// 2026 and the first half of 2027 (UTC): the horizon the calendars are compiled for.
private let horizon = try? DateRange(
    startMilliseconds: 1_767_225_600_000, endMilliseconds: 1_767_225_600_000 + 547 * 86_400_000)

/// A 24x7 calendar and a Monday-to-Friday 09:00–17:00 New York calendar, compiled once.
private let calendars: (always: BusinessCalendar.Compiled, office: BusinessCalendar.Compiled)? = {
    guard let horizon,
        let always = try? BusinessCalendar.twentyFourSeven().compiled(for: horizon),
        let span = try? BusinessCalendar.Span("09:00", "17:00"),
        let office = try? BusinessCalendar(
            timeZone: "America/New_York",
            weeklyHours: [
                .monday: [span], .tuesday: [span], .wednesday: [span], .thursday: [span],
                .friday: [span],
            ]
        ).compiled(for: horizon)
    else { return nil }
    return (always, office)
}()

/// SLA policies decoded from arbitrary JSON (the bytes before the first zero byte), bound
/// to compiled calendars and used to evaluate a ticket whose events come from the bytes
/// after it. Checks: decoding never traps and round-trips; every calendar name the policy
/// uses binds; evaluating the ticket gives the same result (or the same error) whatever
/// order its events come in; a target's elapsed business time is never negative.
func fuzzSLAPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, let calendars, let horizon else { return 0 }
    var (document, input) = splitDocument(data, size)
    guard let policy = decodeRoundTripping(SLAPolicy.self, document) else { return 0 }
    var bound: [String: BusinessCalendar.Compiled] = [:]
    for targets in policy.targets.values {
        for target in targets {
            bound[target.calendar] =
                target.calendar.utf8.count % 2 == 0
                ? calendars.always : calendars.office
        }
    }
    let engine: SLAEngine
    do {
        engine = try SLAEngine(policy: policy, calendars: bound)
    } catch {
        fuzzCheck(false, "binding every calendar the policy names failed: \(error)")
        return 0
    }
    let priorities = policy.priorities.isEmpty ? ["P1"] : policy.priorities
    let statuses = Array(policy.pauses.keys) + [.open]
    let events = ticketEvents(
        &input, priorities: priorities, statuses: statuses, within: horizon)
    let asOf = Date(
        timeIntervalSince1970: Double(
            input.int(in: horizon.startMilliseconds...horizon.endMilliseconds)) / 1000)
    checkOrderIndependence(engine, events, asOf: asOf)
    return 0
}
