import Foundation
import MSPCore
import MSPSLA
import Testing

@Suite struct SLAExplanationTests {
    @Test func fridayToMondayIsExplained() throws {
        // Created Friday 2026-03-06 16:30 EST, asOf Monday 2026-03-09 10:00 EDT: counted
        // 16:30-17:00 EST (21:30Z-22:00Z), closed 17:00 EST to 09:00 EDT (22:00Z-13:00Z),
        // counted 09:00-10:00 EDT (13:00Z-14:00Z): 1 h 30 counted.
        let sla = try engine([(.resolution, hours(4))], calendar: try newYorkOffice())
        let explanations = try sla.explain(
            [try created("2026-03-06T16:30:00-05:00")],
            asOf: try instant("2026-03-09T10:00:00-04:00"))
        let resolution = try #require(explanations.first { $0.kind == .resolution })
        #expect(
            resolution.spans == [
                SLASpan(
                    range: try range("2026-03-06T21:30:00Z", "2026-03-06T22:00:00Z"),
                    reason: .counted(calendar: "cal")),
                SLASpan(
                    range: try range("2026-03-06T22:00:00Z", "2026-03-09T13:00:00Z"),
                    reason: .closed(calendar: "cal", holidays: [])),
                SLASpan(
                    range: try range("2026-03-09T13:00:00Z", "2026-03-09T14:00:00Z"),
                    reason: .counted(calendar: "cal")),
            ])
        #expect(resolution.counted == minutes(90))
    }

    @Test func holidaysAndPausesAreNamed() throws {
        // Created Thursday 2026-12-24 16:00 EST; Friday 12-25 a holiday; waiting on the
        // customer from Monday 12-28 10:00 to 11:00 EST. asOf 12:00 EST: counted 16:00-17:00
        // Thursday, closed (holiday 12-25) to Monday 09:00, counted 09:00-10:00, paused
        // 10:00-11:00, counted 11:00-12:00: 3 h counted.
        let sla = try engine(
            [(.resolution, hours(8))], calendar: try newYorkOffice(holidays: ["2026-12-25"]),
            pauses: [.waitingOnCustomer: [.resolution]])
        let events = [
            try created("2026-12-24T16:00:00-05:00"),
            try event(.statusChanged(to: .waitingOnCustomer), "2026-12-28T10:00:00-05:00"),
            try event(.statusChanged(to: .open), "2026-12-28T11:00:00-05:00"),
        ]
        let spans = try #require(
            try sla.explain(events, asOf: try instant("2026-12-28T12:00:00-05:00")).first
        )
        .spans
        #expect(
            spans.map(\.reason) == [
                .counted(calendar: "cal"),
                .closed(calendar: "cal", holidays: [try LocalDate(parsing: "2026-12-25")]),
                .counted(calendar: "cal"),
                .paused(by: .waitingOnCustomer),
                .counted(calendar: "cal"),
            ])
        #expect(spans[3].range == (try range("2026-12-28T15:00:00Z", "2026-12-28T16:00:00Z")))
        let evaluation = try sla.evaluate(events, asOf: try instant("2026-12-28T12:00:00-05:00"))
        #expect(evaluation[.resolution]?.elapsed == hours(3))
    }
}

extension SLAExplanationTests {
    @Test func timeBetweenResolveAndResumedReopenIsStopped() throws {
        // 24×7 UTC, 8 h resolution, reopen resumes: created Monday 2026-03-09 09:00Z,
        // resolved 11:00Z, reopened 14:00Z, asOf 15:00Z. Counted 09:00-11:00, stopped
        // 11:00-14:00, counted 14:00-15:00: 3 h, as the evaluation's elapsed.
        let sla = try engine([(.resolution, hours(8))], calendar: try allDay("UTC"))
        let events = [
            try created("2026-03-09T09:00:00Z"),
            try event(.resolved, "2026-03-09T11:00:00Z"),
            try event(.reopened, "2026-03-09T14:00:00Z"),
        ]
        let asOf = try instant("2026-03-09T15:00:00Z")
        let resolution = try #require(
            try sla.explain(events, asOf: asOf).first { $0.kind == .resolution })
        #expect(
            resolution.spans == [
                SLASpan(
                    range: try range("2026-03-09T09:00:00Z", "2026-03-09T11:00:00Z"),
                    reason: .counted(calendar: "cal")),
                SLASpan(
                    range: try range("2026-03-09T11:00:00Z", "2026-03-09T14:00:00Z"),
                    reason: .stopped),
                SLASpan(
                    range: try range("2026-03-09T14:00:00Z", "2026-03-09T15:00:00Z"),
                    reason: .counted(calendar: "cal")),
            ])
        #expect(resolution.counted == hours(3))
        #expect(try sla.evaluate(events, asOf: asOf)[.resolution]?.elapsed == hours(3))
        #expect(resolution.spans[1].description.hasSuffix("skipped: stopped until reopened"))

        // A new cycle on reopen explains only the new cycle: 14:00-15:00.
        let newCycle = try engine(
            [(.resolution, hours(8))], calendar: try allDay("UTC"),
            options: .init(reopen: .newCycle))
        let current = try #require(
            try newCycle.explain(events, asOf: asOf).first { $0.kind == .resolution })
        #expect(current.spans.map(\.reason) == [.counted(calendar: "cal")])
        #expect(current.counted == hours(1))
    }
}

@Suite struct SLAWhatIfTests {
    /// P1 4 h and P3 8 h resolution on Mon-Fri 09:00-17:00 New York.
    static func engine() throws -> SLAEngine {
        let policy = try SLAPolicy(
            targets: [
                "P1": [try SLATarget(kind: .resolution, duration: hours(4), calendar: "office")],
                "P3": [try SLATarget(kind: .resolution, duration: hours(8), calendar: "office")],
            ], pauses: [.onHold: [.resolution]])
        return try SLAEngine(policy: policy, calendars: ["office": try newYorkOffice()])
    }

    @Test func anotherPriorityFromCreation() throws {
        // Created Monday 2026-03-09 09:00 EDT as P3, asOf 15:00: running, due 17:00 EDT.
        // As P1 from 09:00: breached at 13:00 EDT; the deadline moves 4 h earlier.
        let events = [try created("2026-03-09T09:00:00-04:00", "P3")]
        let result = try SLAWhatIfTests.engine().whatIf(
            .priority("P1", from: try instant("2026-03-09T09:00:00-04:00")), events: events,
            asOf: try instant("2026-03-09T15:00:00-04:00"))
        let change = try #require(result.changes.first)
        #expect(change.before?.status == .running)
        #expect(change.after?.status == .breached)
        #expect(change.after?.breachInstant == (try instant("2026-03-09T13:00:00-04:00")))
        #expect(change.breachChanged)
        #expect(change.deadlineShift == hours(-4))
    }

    @Test func onePauseRemoved() throws {
        // P1 created Monday 2026-03-09 09:00 EDT, on hold 10:00-12:00, asOf 13:00: 2 h
        // counted, due 15:00. Without the pause: 4 h counted, due 13:00, still met at 13:00
        // (the target is consumed exactly at the evaluation instant, not yet past it).
        let events = [
            try created("2026-03-09T09:00:00-04:00", "P1"),
            try event(.statusChanged(to: .onHold), "2026-03-09T10:00:00-04:00"),
            try event(.statusChanged(to: .open), "2026-03-09T12:00:00-04:00"),
        ]
        let result = try SLAWhatIfTests.engine().whatIf(
            .removePause(at: try instant("2026-03-09T10:00:00-04:00")), events: events,
            asOf: try instant("2026-03-09T13:00:00-04:00"))
        let change = try #require(result.changes.first)
        #expect(change.before?.elapsed == hours(2))
        #expect(change.after?.elapsed == hours(4))
        #expect(change.after?.status == .running)
        #expect(!change.breachChanged)
        #expect(change.deadlineShift == hours(-2))
    }

    @Test func anotherCalendarVersion() throws {
        // P3 (8 h) created Monday 2026-03-09 09:00 EDT is due Monday 17:00 EDT. A calendar
        // version with a holiday on Monday 2026-03-09 counts nothing on Monday, so 8 h run
        // Tuesday 09:00-17:00: due Tuesday 17:00 EDT, 24 h later; at 10:00 Monday nothing
        // has been counted.
        let events = [try created("2026-03-09T09:00:00-04:00", "P3")]
        let result = try SLAWhatIfTests.engine().whatIf(
            .calendars(["office": try newYorkOffice(holidays: ["2026-03-09"])]), events: events,
            asOf: try instant("2026-03-09T10:00:00-04:00"))
        let change = try #require(result.changes.first)
        #expect(change.deadlineShift == hours(24))
        #expect(change.after?.elapsed == .zero)
    }
}

@Suite struct SLAComplianceTests {
    @Test func firstResponseStatistics() throws {
        // P1 first response 1 h on Mon-Fri 09:00-17:00 New York. Three tickets created
        // Monday 2026-03-09 09:00 EDT answered after 30 min (met), 1 h (met, on the dot) and
        // 2 h (breached at 10:00). April's report: 2 met, 1 breached, 100 × 2/3 = 200/3 %;
        // mean (30 + 60 + 120) / 3 = 70 min; median 60 min; p90 rank ⌈2.7⌉ = 3: 120 min.
        let sla = try engine([(.firstResponse, hours(1))], calendar: try newYorkOffice())
        let replies = ["09:30", "10:00", "11:00"]
        let tickets = try replies.enumerated().map { index, time in
            (
                key: index,
                events: [
                    try created("2026-03-09T09:00:00-04:00"),
                    try event(.publicReply, "2026-03-09T\(time):00-04:00"),
                ]
            )
        }
        let march = try range("2026-03-01T05:00:00Z", "2026-04-01T04:00:00Z")
        let report = try sla.complianceReport(tickets, period: march)
        let row = try #require(report.rows.first)
        #expect(row.priority == "P1")
        #expect(row.kind == .firstResponse)
        #expect(row.met == 2)
        #expect(row.breached == 1)
        #expect(row.percentMet == (try Rational(200, 3)))
        #expect(report.breachedTickets == [2])
        #expect(report.timeToFirstResponse.count == 3)
        #expect(report.timeToFirstResponse.meanMilliseconds == Rational(4_200_000))
        #expect(report.timeToFirstResponse.medianMilliseconds == Rational(3_600_000))
        #expect(report.timeToFirstResponse.percentile90 == hours(2))
        #expect(report.timeToResolution.count == 0)

        // February: nothing decided.
        let february = try range("2026-02-01T05:00:00Z", "2026-03-01T05:00:00Z")
        let empty = try sla.complianceReport(tickets, period: february)
        #expect(empty.rows.isEmpty)
        #expect(empty.timeToFirstResponse.meanMilliseconds == nil)
    }

    @Test func everyResolutionCycleCountsWhenAReopenStartsANewOne() throws {
        // 24×7 UTC, 4 h resolution, reopen starts a new cycle. Created Monday 2026-03-09
        // 09:00Z, resolved 10:00Z (1 h: met), reopened 12:00Z, resolved 17:00Z (5 h: the new
        // cycle breached at 16:00Z). March: 1 met and 1 breached resolution, 50 % met;
        // times to resolution 1 h and 5 h: mean 3 h, median 3 h, p90 rank ⌈1.8⌉ = 2: 5 h.
        let sla = try engine(
            [(.resolution, hours(4))], calendar: try allDay("UTC"),
            options: .init(reopen: .newCycle))
        let tickets = [
            (
                key: "T-1",
                events: [
                    try created("2026-03-09T09:00:00Z"),
                    try event(.resolved, "2026-03-09T10:00:00Z"),
                    try event(.reopened, "2026-03-09T12:00:00Z"),
                    try event(.resolved, "2026-03-09T17:00:00Z"),
                ]
            )
        ]
        let march = try range("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
        let report = try sla.complianceReport(tickets, period: march)
        let row = try #require(report.rows.first)
        #expect(row.kind == .resolution)
        #expect(row.met == 1)
        #expect(row.breached == 1)
        #expect(row.percentMet == Rational(50))
        #expect(report.breachedTickets == ["T-1"])
        #expect(report.timeToResolution.count == 2)
        #expect(report.timeToResolution.meanMilliseconds == Rational(10_800_000))
        #expect(report.timeToResolution.medianMilliseconds == Rational(10_800_000))
        #expect(report.timeToResolution.percentile90 == hours(5))

        // A period holding only the first cycle's decision counts only it.
        let morning = try range("2026-03-09T00:00:00Z", "2026-03-09T12:00:00Z")
        let early = try sla.complianceReport(tickets, period: morning)
        #expect(early.rows.map(\.met) == [1])
        #expect(early.rows.map(\.breached) == [0])
    }

    @Test func everyNextResponseCycleCounts() throws {
        // 24×7 UTC, next response 2 h. Created 2026-03-09 09:00Z; replies at 09:30 (starts
        // the first next-response cycle), 10:30 (1 h: met), 13:30 (3 h: breached at 12:30);
        // resolved 14:00, which cancels the cycle begun at 13:30 (due 15:30, not yet
        // breached). March: 1 met, 1 breached.
        let sla = try engine([(.nextResponse, hours(2))], calendar: try allDay("UTC"))
        let tickets = [
            (
                key: 7,
                events: [
                    try created("2026-03-09T09:00:00Z"),
                    try event(.publicReply, "2026-03-09T09:30:00Z"),
                    try event(.publicReply, "2026-03-09T10:30:00Z"),
                    try event(.publicReply, "2026-03-09T13:30:00Z"),
                    try event(.resolved, "2026-03-09T14:00:00Z"),
                ]
            )
        ]
        let march = try range("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
        let row = try #require(try sla.complianceReport(tickets, period: march).rows.first)
        #expect(row.kind == .nextResponse)
        #expect(row.met == 1)
        #expect(row.breached == 1)
    }
}
