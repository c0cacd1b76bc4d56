import Foundation
import MSPCore
import MSPSLA
import Testing

@Suite struct SLAPolicyScheduleTests {
    static func policy(hours: Int64) throws -> SLAPolicy {
        try SLAPolicy(targets: [
            "P2": [
                try SLATarget(
                    kind: .resolution, duration: .seconds(hours * 3600), calendar: "office")
            ]
        ])
    }

    /// Version 1 (8 h) from 2026-01-01, version 2 (4 h) from 2026-03-01 with `scope`.
    static func schedule(_ scope: SLAPolicyVersion.Scope) throws -> SLAPolicySchedule {
        try SLAPolicySchedule(versions: [
            SLAPolicyVersion(
                effectiveFrom: try instant("2026-03-01T00:00:00Z"), policy: try policy(hours: 4),
                scope: scope),
            SLAPolicyVersion(
                effectiveFrom: try instant("2026-01-01T00:00:00Z"), policy: try policy(hours: 8)),
        ])
    }

    @Test(arguments: [
        // (scope, resolved before 03-01, expected hours)
        (SLAPolicyVersion.Scope.openTickets, false, Int64(4)),
        (.newTickets, false, 8),
        (.openTickets, true, 8),
        (.newTickets, true, 8),
    ])
    func versionForATicketCreatedBeforeTheChange(
        _ scope: SLAPolicyVersion.Scope, _ resolvedEarly: Bool, _ expected: Int64
    ) throws {
        // Created 2026-02-27, evaluated 2026-03-05. Version 2 reaches it only when it applies
        // to open tickets and the ticket was still open on 03-01.
        var events = [try created("2026-02-27T15:00:00Z", "P2")]
        if resolvedEarly { events.append(try event(.resolved, "2026-02-28T15:00:00Z")) }
        let version = try SLAPolicyScheduleTests.schedule(scope).version(
            for: events, asOf: try instant("2026-03-05T00:00:00Z"))
        #expect(version.policy == (try SLAPolicyScheduleTests.policy(hours: expected)))
    }

    @Test func newTicketsTakeTheVersionInEffectAtCreation() throws {
        let schedule = try SLAPolicyScheduleTests.schedule(.newTickets)
        let version = try schedule.version(
            for: [try created("2026-03-02T15:00:00Z", "P2")],
            asOf: try instant("2026-03-05T00:00:00Z"))
        #expect(version.policy == (try SLAPolicyScheduleTests.policy(hours: 4)))
    }

    @Test func errors() throws {
        let schedule = try SLAPolicyScheduleTests.schedule(.newTickets)
        let early = try instant("2025-12-01T00:00:00Z")
        #expect(throws: SLAError.noPolicyInEffect(early)) {
            try schedule.version(
                for: [TicketEvent(.created(priority: "P2"), at: early)], asOf: early)
        }
        #expect(throws: SLAError.missingCreation()) {
            try schedule.version(for: [], asOf: early)
        }
        let instantOfBoth = try instant("2026-01-01T00:00:00Z")
        #expect(throws: SLAError.duplicateVersion(instantOfBoth)) {
            try SLAPolicySchedule(versions: [
                SLAPolicyVersion(effectiveFrom: instantOfBoth, policy: try Self.policy(hours: 1)),
                SLAPolicyVersion(effectiveFrom: instantOfBoth, policy: try Self.policy(hours: 2)),
            ])
        }
    }
}

@Suite struct SLACodableTests {
    @Test func policyRoundTripsThroughJSON() throws {
        let policy = try SLAPolicy(
            targets: [
                "P1": [
                    try SLATarget(
                        kind: .resolution, duration: hours(4), calendar: "office",
                        warningThresholds: [try fraction(1, 2)])
                ]
            ], pauses: [.onHold: [.resolution]], options: .init(reopen: .newCycle))
        let data = try JSONEncoder().encode(policy)
        #expect(try JSONDecoder().decode(SLAPolicy.self, from: data) == policy)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"milliseconds\":14400000"))
        #expect(text.contains("\"warningThresholds\":[\"0.5\"]"))
    }

    @Test func decodingRevalidates() throws {
        let json = Data(
            #"{"kind": "resolution", "milliseconds": -5, "calendar": "office"}"#.utf8)
        #expect(throws: SLAError.negativeTarget(.milliseconds(-5), kind: .resolution)) {
            try JSONDecoder().decode(SLATarget.self, from: json)
        }
    }

    /// Found by `FuzzTicketTimeline`: an event decoded from any `Int64` milliseconds, so one
    /// outside years 1...9999 decoded but could not be encoded again. Decoding now refuses it.
    @Test(arguments: [
        253_402_300_800_000,  // 10000-01-01T00:00:00Z
        -62_135_596_800_001,  // 1 ms before 0001-01-01T00:00:00Z
        Int64.max, Int64.min,
    ])
    func eventInstantsOutsideYears1To9999AreRejected(_ milliseconds: Int64) {
        let json = Data(#"{"at": \#(milliseconds), "event": "publicReply"}"#.utf8)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TicketEvent.self, from: json)
        }
    }

    @Test func eventInstantsAtTheEdgesRoundTrip() throws {
        for milliseconds: Int64 in [253_402_300_799_999, -62_135_596_800_000] {
            let json = Data(#"{"at": \#(milliseconds), "event": "publicReply"}"#.utf8)
            let decoded = try JSONDecoder().decode(TicketEvent.self, from: json)
            let again = try JSONDecoder().decode(
                TicketEvent.self, from: JSONEncoder().encode(decoded))
            #expect(again == decoded)
            #expect(
                String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
                    .contains("\"at\":\(milliseconds)"))
        }
    }

    @Test func eventsObjectivesAndSchedulesRoundTrip() throws {
        let events = [
            try created("2026-03-06T16:30:00-05:00"),
            try event(.statusChanged(to: .onHold), "2026-03-06T16:45:00-05:00"),
            try event(.priorityChanged(to: "P2"), "2026-03-06T16:50:00-05:00"),
            try event(.publicReply, "2026-03-06T16:55:00-05:00"),
        ]
        let data = try JSONEncoder().encode(events)
        #expect(try JSONDecoder().decode([TicketEvent].self, from: data) == events)
        #expect(String(decoding: data, as: UTF8.self).contains("\"at\":1772832600000"))
        let objective = try AvailabilityObjective(
            objective: try Percentage(parsing: "99.9"), timeZone: "Europe/London")
        #expect(
            try JSONDecoder().decode(
                AvailabilityObjective.self, from: try JSONEncoder().encode(objective))
                == objective)
        let schedule = try CreditScheduleTests.schedule(cap: Percentage(30))
        #expect(
            try JSONDecoder().decode(CreditSchedule.self, from: try JSONEncoder().encode(schedule))
                == schedule)
    }
}
