import Foundation
import MSPCore
import MSPSLA
import Testing

@Suite struct SLATimelineTests {
    /// P1: first response 1 h and resolution 4 h; P3: resolution 8 h only. Mon-Fri
    /// 09:00-17:00 New York.
    static func engine() throws -> SLAEngine {
        try SLAEngine(
            policy: try SLAPolicy(targets: [
                "P1": [
                    try SLATarget(kind: .firstResponse, duration: hours(1), calendar: "office"),
                    try SLATarget(kind: .resolution, duration: hours(4), calendar: "office"),
                ],
                "P3": [try SLATarget(kind: .resolution, duration: hours(8), calendar: "office")],
            ]), calendars: ["office": try newYorkOffice()])
    }

    @Test func tiesFollowTheKindOrderWhateverTheInputOrder() throws {
        // Resolved and reopened at 10:00, given reopen first: sorted, the resolve comes
        // first, so the ticket is open again and (resume) the clock has 1 h + 1 h = 2 h at
        // 11:00. Two priority changes at 10:30: P1 sorts before P3, so P3 is in force.
        let sla = try SLATimelineTests.engine()
        let events = [
            try created("2026-03-09T09:00:00-04:00"),
            try event(.priorityChanged(to: "P3"), "2026-03-09T10:30:00-04:00"),
            try event(.reopened, "2026-03-09T10:00:00-04:00"),
            try event(.priorityChanged(to: "P1"), "2026-03-09T10:30:00-04:00"),
            try event(.resolved, "2026-03-09T10:00:00-04:00"),
        ]
        let result = try sla.evaluate(events, asOf: try instant("2026-03-09T11:00:00-04:00"))
        #expect(result.state == .open)
        #expect(result.priority == "P3")
        let resolution = try #require(result[.resolution])
        #expect(resolution.elapsed == hours(2))
        #expect(resolution.target == hours(8))
    }

    @Test func closingAnOpenTicketStopsItsClocks() throws {
        // Closed at 10:00 without a resolve: resolution met after 1 h; the unanswered first
        // response (consumed exactly at 10:00, not before) is cancelled.
        let sla = try SLATimelineTests.engine()
        let events = [
            try created("2026-03-09T09:00:00-04:00"),
            try event(.closed, "2026-03-09T10:00:00-04:00"),
        ]
        let result = try sla.evaluate(events, asOf: try instant("2026-03-09T15:00:00-04:00"))
        #expect(result.state == .closed)
        #expect(result[.resolution]?.status == .met)
        #expect(result[.resolution]?.elapsed == hours(1))
        #expect(result[.firstResponse]?.status == .cancelled)
        // A closed ticket can be reopened; closing twice is an error.
        let twice = #expect(throws: SLAError.self) {
            try sla.evaluate(
                events + [try event(.closed, "2026-03-09T11:00:00-04:00")],
                asOf: try instant("2026-03-09T15:00:00-04:00"))
        }
        #expect(twice?.code == .invalidTransition)
        let reopened = try sla.evaluate(
            events + [try event(.reopened, "2026-03-09T11:00:00-04:00")],
            asOf: try instant("2026-03-09T12:00:00-04:00"))
        #expect(reopened.state == .open)
        #expect(reopened[.resolution]?.elapsed == hours(2))
    }

    @Test func priorityWithoutAKindCancelsItsClock() throws {
        // P1 lowered to P3 at 09:30: P3 has no first-response target, so that clock ends
        // cancelled at 09:30; the resolution clock keeps its 30 min against 8 h.
        let sla = try SLATimelineTests.engine()
        let result = try sla.evaluate(
            [
                try created("2026-03-09T09:00:00-04:00"),
                try event(.priorityChanged(to: "P3"), "2026-03-09T09:30:00-04:00"),
            ], asOf: try instant("2026-03-09T10:00:00-04:00"))
        let first = try #require(result[.firstResponse])
        #expect(first.status == .cancelled)
        #expect(first.stoppedAt == (try instant("2026-03-09T09:30:00-04:00")))
        #expect(result[.resolution]?.elapsed == hours(1))
        #expect(result[.resolution]?.remaining == hours(7))
    }
}
