import Foundation
import FuzzSupport
import MSPCore
import MSPSLA
import SLAFuzzSupport

/// 2026 and the first half of 2027 (UTC): the horizon the calendar is compiled for.
private let horizon = try? DateRange(
    startMilliseconds: 1_767_225_600_000, endMilliseconds: 1_767_225_600_000 + 547 * 86_400_000)

/// P1 (1 h response, 4 h resolution, 24x7, warnings at 50 % and 80 %) and P3 (8 h
/// response, 2 d resolution, 4 h next response), resolution and next response paused
/// "on hold", first response paused "waiting on customer".
private let engine: SLAEngine? = {
    guard let horizon,
        let always = try? BusinessCalendar.twentyFourSeven().compiled(for: horizon),
        let half = try? Rational(1, 2), let most = try? Rational(4, 5),
        let p1Response = try? SLATarget(
            kind: .firstResponse, duration: .seconds(3_600), calendar: "24x7",
            warningThresholds: [half, most]),
        let p1Resolution = try? SLATarget(
            kind: .resolution, duration: .seconds(4 * 3_600), calendar: "24x7"),
        let p3Response = try? SLATarget(
            kind: .firstResponse, duration: .seconds(8 * 3_600), calendar: "24x7"),
        let p3Resolution = try? SLATarget(
            kind: .resolution, duration: .seconds(48 * 3_600), calendar: "24x7"),
        let p3Next = try? SLATarget(
            kind: .nextResponse, duration: .seconds(4 * 3_600), calendar: "24x7"),
        let policy = try? SLAPolicy(
            targets: [
                "P1": [p1Response, p1Resolution], "P3": [p3Response, p3Resolution, p3Next],
            ],
            pauses: [.onHold: [.resolution, .nextResponse], .waitingOnCustomer: [.firstResponse]],
            options: .init(reopen: .newCycle))
    else { return nil }
    return try? SLAEngine(policy: policy, calendars: ["24x7": always])
}()

/// Ticket timelines decoded from arbitrary JSON (an array of ticket events, the bytes
/// before the first zero byte) and evaluated against a fixed policy at an instant chosen by
/// the bytes after it: inside the horizon, at the last event, or anywhere. Checks: decoding
/// never traps and round-trips; evaluation gives the same result or error whatever the
/// order of the events; elapsed time is never negative.
func fuzzTicketTimeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, let engine, let horizon else { return 0 }
    var (document, input) = splitDocument(data, size)
    guard let events = decodeRoundTripping([TicketEvent].self, document) else { return 0 }
    let asOf: Date
    switch input.byte() % 3 {
    case 0:
        asOf = Date(
            timeIntervalSince1970: Double(
                input.int(in: horizon.startMilliseconds...horizon.endMilliseconds)) / 1000)
    case 1: asOf = events.map(\.instant).max() ?? horizon.start
    default: asOf = Date(timeIntervalSince1970: Double(input.int(in: Int64.min...Int64.max)) / 1000)
    }
    checkOrderIndependence(engine, events, asOf: asOf)
    return 0
}
