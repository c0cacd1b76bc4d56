import Foundation
import MSPCore
import MSPSLA
import Testing

@Suite struct SLACalendarScheduleTests {
    /// Mon-Fri 09:00-17:00 New York with `holidays`, uncompiled.
    static func office(_ holidays: [String]) throws -> BusinessCalendar {
        try BusinessCalendar(
            timeZone: "America/New_York",
            weeklyHours: weekdays([try BusinessCalendar.Span("09:00", "17:00")]),
            holidays: try holidays.map { .init(date: try LocalDate(parsing: $0)) })
    }

    /// Version 1 (holiday 12-25) from 2026-01-01; version 2 (12-24 too) from 2026-12-21
    /// 00:00 EST with `scope`.
    static func calendars(_ scope: SLAPolicyVersion.Scope) throws -> SLACalendarSchedule {
        try SLACalendarSchedule(versions: [
            SLACalendarVersion(
                effectiveFrom: try instant("2026-12-21T00:00:00-05:00"),
                calendars: ["office": try office(["2026-12-24", "2026-12-25"])], scope: scope),
            SLACalendarVersion(
                effectiveFrom: try instant("2026-01-01T00:00:00Z"),
                calendars: ["office": try office(["2026-12-25"])]),
        ])
    }

    /// One policy version from 2026-01-01: P1 resolution 32 business hours on "office".
    static func policies() throws -> SLAPolicySchedule {
        try SLAPolicySchedule(versions: [
            SLAPolicyVersion(
                effectiveFrom: try instant("2026-01-01T00:00:00Z"),
                policy: try SLAPolicy(targets: [
                    "P1": [
                        try SLATarget(kind: .resolution, duration: hours(32), calendar: "office")
                    ]
                ]))
        ])
    }

    static func evaluator(_ scope: SLAPolicyVersion.Scope) throws -> SLAVersionedEvaluator {
        try SLAVersionedEvaluator(
            policies: policies(), calendars: calendars(scope), horizon: testHorizon())
    }

    // Created Friday 2026-12-18 16:00 EST with 32 business hours: Friday 1 h, Monday to
    // Wednesday 8 h each (25 h by Wednesday 17:00). Version 1: 7 h on Thursday 12-24, due
    // 16:00 EST (21:00Z). Version 2: the 24th and 25th are holidays, so 7 h on Monday
    // 12-28, due 16:00 EST (21:00Z).
    @Test(arguments: [
        // (scope, asOf, resolved on the 18th, expected deadline)
        (SLAPolicyVersion.Scope.newTickets, "2026-12-22T12:00:00Z", false, "2026-12-24T21:00:00Z"),
        (.openTickets, "2026-12-22T12:00:00Z", false, "2026-12-28T21:00:00Z"),
        // Before version 2 takes effect, version 1 applies even to open tickets.
        (.openTickets, "2026-12-20T12:00:00Z", false, "2026-12-24T21:00:00Z"),
        // A ticket resolved (after 30 min) before version 2 and reopened Monday 09:00 EST
        // keeps version 1: 31.5 h left from Monday 09:00 run to Thursday 12-24 16:30 EST.
        (.openTickets, "2026-12-22T12:00:00Z", true, "2026-12-24T21:30:00Z"),
    ])
    func ticketCreatedBeforeTheNewHoliday(
        scope: SLAPolicyVersion.Scope, asOf: String, resolvedEarly: Bool, expected: String
    ) throws {
        var events = [try created("2026-12-18T16:00:00-05:00")]
        if resolvedEarly {
            events.append(try event(.resolved, "2026-12-18T16:30:00-05:00"))
            events.append(try event(.reopened, "2026-12-21T09:00:00-05:00"))
        }
        let evaluation = try Self.evaluator(scope).evaluate(events, asOf: try instant(asOf))
        #expect(evaluation[.resolution]?.deadline == (try instant(expected)))
    }

    @Test(arguments: [SLAPolicyVersion.Scope.newTickets, .openTickets])
    func ticketCreatedAfterTheChangeTakesTheNewVersion(scope: SLAPolicyVersion.Scope) throws {
        // Created Tuesday 2026-12-22 09:00 EST: 16 h Tuesday and Wednesday, then the 24th
        // and 25th are holidays: 16 h more on Monday 12-28 and Tuesday 12-29, due 17:00 EST
        // Tuesday 12-29 (22:00Z).
        let events = [try created("2026-12-22T09:00:00-05:00")]
        let asOf = try instant("2026-12-22T10:00:00-05:00")
        let evaluator = try Self.evaluator(scope)
        #expect(
            try evaluator.evaluate(events, asOf: asOf)[.resolution]?.deadline
                == (try instant("2026-12-29T22:00:00Z")))
        #expect(
            try evaluator.calendars.version(for: events, asOf: asOf).effectiveFrom
                == (try instant("2026-12-21T05:00:00Z")))
        // The engine explains with the chosen calendars: nothing counted before 09:00.
        let engine = try evaluator.engine(for: events, asOf: asOf)
        #expect(try engine.explain(events, asOf: asOf).first?.counted == hours(1))
    }

    @Test func badSchedulesAndTicketsAreTypedErrors() throws {
        let instantOfBoth = try instant("2026-06-01T00:00:00Z")
        #expect(throws: SLAError.duplicateVersion(instantOfBoth, of: "calendar")) {
            try SLACalendarSchedule(versions: [
                SLACalendarVersion(effectiveFrom: instantOfBoth, calendars: [:]),
                SLACalendarVersion(effectiveFrom: instantOfBoth, calendars: [:]),
            ])
        }
        let evaluator = try Self.evaluator(.newTickets)
        let early = try instant("2025-12-31T12:00:00Z")
        #expect(throws: SLAError.noPolicyInEffect(early)) {
            try evaluator.evaluate(
                [TicketEvent(.created(priority: "P1"), at: early)], asOf: try testHorizon().end)
        }
        #expect(throws: SLAError.missingCreation()) {
            try evaluator.evaluate(
                [try event(.publicReply, "2026-03-01T00:00:00Z")], asOf: try testHorizon().end)
        }
        // Calendars from July only: a ticket of June has no calendar version.
        let julyOnly = try SLAVersionedEvaluator(
            policies: Self.policies(),
            calendars: SLACalendarSchedule(versions: [
                SLACalendarVersion(
                    effectiveFrom: try instant("2026-07-01T00:00:00Z"),
                    calendars: ["office": try Self.office([])])
            ]), horizon: testHorizon())
        let june = try instant("2026-06-10T12:00:00Z")
        #expect(throws: SLAError.noCalendarsInEffect(june)) {
            try julyOnly.evaluate([TicketEvent(.created(priority: "P1"), at: june)], asOf: june)
        }
        // A calendar version without the name the policy uses fails only when chosen.
        let renamed = try SLAVersionedEvaluator(
            policies: Self.policies(),
            calendars: SLACalendarSchedule(versions: [
                SLACalendarVersion(
                    effectiveFrom: try instant("2026-01-01T00:00:00Z"),
                    calendars: ["office": try Self.office([])]),
                SLACalendarVersion(
                    effectiveFrom: try instant("2026-09-01T00:00:00Z"),
                    calendars: ["desk": try Self.office([])]),
            ]), horizon: testHorizon())
        let august = try instant("2026-08-10T12:00:00Z")
        #expect(
            try renamed.evaluate([TicketEvent(.created(priority: "P1"), at: august)], asOf: august)[
                .resolution] != nil)
        let october = try instant("2026-10-10T12:00:00Z")
        #expect(throws: SLAError.unknownCalendar("office")) {
            try renamed.evaluate(
                [TicketEvent(.created(priority: "P1"), at: october)], asOf: october)
        }
    }

    @Test func schedulesRoundTripWithMillisecondInstants() throws {
        let schedule = try Self.calendars(.openTickets)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(schedule), as: UTF8.self)
        // 2026-01-01T00:00:00Z is 1,767,225,600 s after 1970.
        #expect(text.contains(#""effectiveFrom":1767225600000"#))
        #expect(text.contains(#""scope":"openTickets""#))
        #expect(
            try JSONDecoder().decode(SLACalendarSchedule.self, from: Data(text.utf8)) == schedule)
        let policyText = String(decoding: try encoder.encode(Self.policies()), as: UTF8.self)
        #expect(policyText.hasPrefix(#"[{"effectiveFrom":1767225600000,"policy":"#))
        #expect(
            try JSONDecoder().decode(SLAPolicySchedule.self, from: Data(policyText.utf8))
                == Self.policies())
        // Without a scope, a version reaches new tickets only.
        let bare = #"{"effectiveFrom": 1767225600000, "calendars": {}}"#
        #expect(
            try JSONDecoder().decode(SLACalendarVersion.self, from: Data(bare.utf8)).scope
                == .newTickets)
    }
}
