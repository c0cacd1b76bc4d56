import Foundation
import MSPCore
import MSPSLA
import Testing

/// Hand-worked clock cases. Zone facts used below (2026): New York springs forward on
/// Sunday 03-08 (02:00 EST -> 03:00 EDT) and falls back on Sunday 11-01 (02:00 EDT -> 01:00
/// EST); London springs forward on Sunday 03-29 (01:00 GMT -> 02:00 BST) and falls back on
/// Sunday 10-25 (02:00 BST -> 01:00 GMT). EST = UTC-5, EDT = UTC-4, GMT = UTC, BST = UTC+1.
@Suite struct SLAClockTests {
    @Test func fridayAfternoonFourHoursIsMondayLunchtime() throws {
        // Mon-Fri 09:00-17:00 New York, 4 h resolution, warnings at 1/2 and 3/4.
        // Created Friday 2026-03-06 16:30 EST: 30 min counted to 17:00, the weekend (which
        // springs forward) is closed, then 3 h 30 from Monday 09:00 EDT: 12:30 EDT (16:30Z).
        // Warning 1/2 = 2 h: 1 h 30 on Monday -> 10:30 EDT (14:30Z); 3/4 = 3 h -> 11:30 EDT.
        let sla = try engine(
            [(.resolution, hours(4))], calendar: try newYorkOffice(),
            warnings: [try fraction(1, 2), try fraction(3, 4)])
        let events = [try created("2026-03-06T16:30:00-05:00")]
        let friday = try sla.evaluate(events, asOf: try instant("2026-03-06T17:30:00-05:00"))
        let target = try #require(friday[.resolution])
        #expect(target.status == .running)
        #expect(target.elapsed == minutes(30))
        #expect(target.remaining == minutes(210))
        #expect(target.deadline == (try instant("2026-03-09T12:30:00-04:00")))
        #expect(target.nextWarning?.threshold == (try fraction(1, 2)))
        #expect(target.nextWarning?.instant == (try instant("2026-03-09T10:30:00-04:00")))
        #expect(target.warningsReached == 0)

        // Monday 11:00 EDT: 30 min + 2 h = 2 h 30 elapsed; the 1/2 warning is reached, the
        // 3/4 warning is due at 11:30 EDT.
        let monday = try sla.evaluate(events, asOf: try instant("2026-03-09T11:00:00-04:00"))
        let later = try #require(monday[.resolution])
        #expect(later.elapsed == minutes(150))
        #expect(later.warningsReached == 1)
        #expect(later.nextWarning?.instant == (try instant("2026-03-09T11:30:00-04:00")))

        // Monday 13:00 EDT, unresolved: breached at the deadline 12:30 EDT.
        let late = try sla.evaluate(events, asOf: try instant("2026-03-09T13:00:00-04:00"))
        let breached = try #require(late[.resolution])
        #expect(breached.status == .breached)
        #expect(breached.breachInstant == (try instant("2026-03-09T12:30:00-04:00")))
        #expect(breached.remaining == .zero)
        #expect(breached.nextWarning == nil)
    }

    @Test func holidayIsSkipped() throws {
        // Thursday 2026-12-24 16:00 EST + 4 h, Friday 12-25 a holiday: 1 h on Thursday, then
        // Monday 12-28 09:00 + 3 h = 12:00 EST (17:00Z).
        let sla = try engine(
            [(.resolution, hours(4))], calendar: try newYorkOffice(holidays: ["2026-12-25"]))
        let result = try sla.evaluate(
            [try created("2026-12-24T16:00:00-05:00")],
            asOf: try instant("2026-12-24T16:00:00-05:00"))
        #expect(result[.resolution]?.deadline == (try instant("2026-12-28T12:00:00-05:00")))
    }

    /// Overnight desks and 24×7 clocks across DST nights, worked by hand.
    static let dstCases:
        [(
            zone: String, overnight: Bool, created: String, hours: Int64,
            deadline: String, note: String
        )] = [
            (
                "America/New_York", false, "2026-03-07T23:00:00-05:00", 4,
                "2026-03-08T04:00:00-04:00",
                "24x7 across spring forward: 4 real hours, 5 wall hours"
            ),
            (
                "America/New_York", false, "2026-10-31T23:00:00-04:00", 4,
                "2026-11-01T02:00:00-05:00",
                "24x7 across fall back: 4 real hours, 3 wall hours"
            ),
            (
                "America/New_York", true, "2026-10-31T22:00:00-04:00", 9,
                "2026-11-01T06:00:00-05:00",
                "22:00 EDT to 06:00 EST is 9 real hours; deadline at closing stays there"
            ),
            (
                "America/New_York", true, "2026-10-31T22:00:00-04:00", 10,
                "2026-11-01T23:00:00-05:00",
                "9 h in the fall-back night, 1 h from Sunday 22:00 EST"
            ),
            (
                "Europe/London", true, "2026-03-28T21:00:00Z", 8,
                "2026-03-29T23:00:00+01:00",
                "opens 22:00 GMT, 7 real h to 06:00 BST, 1 h from Sunday 22:00 BST"
            ),
            (
                "Europe/London", true, "2026-10-24T22:00:00+01:00", 9,
                "2026-10-25T06:00:00Z",
                "22:00 BST to 06:00 GMT is 9 real hours"
            ),
            (
                "Europe/London", false, "2026-03-29T00:30:00Z", 1,
                "2026-03-29T02:30:00+01:00", "24x7: 1 real hour across the skipped hour"
            ),
        ]

    @Test(arguments: dstCases.indices)
    func deadlinesAcrossDaylightSavingNights(_ index: Int) throws {
        let item = SLAClockTests.dstCases[index]
        let calendar = item.overnight ? try overnightDesk(item.zone) : try allDay(item.zone)
        let sla = try engine([(.resolution, hours(item.hours))], calendar: calendar)
        let start = try instant(item.created)
        let result = try sla.evaluate(
            [TicketEvent(.created(priority: "P1"), at: start)], asOf: start)
        #expect(
            result[.resolution]?.deadline == (try instant(item.deadline)), "\(item.note)")
    }

    @Test func pauseOverAWeekendIsNotCountedOnBusinessHours() throws {
        // 16 h resolution on Mon-Fri 09:00-17:00 New York; "waiting on customer" pauses it.
        // Created Thursday 2026-03-05 10:00 EST: Thursday counts 7 h, Friday 09:00-11:00
        // 2 h (9 h). Paused Friday 11:00 EST to Monday 2026-03-09 11:00 EDT. Resumed: 7 h
        // left: Monday 11:00-17:00 is 6 h, Tuesday 09:00 + 1 h = 10:00 EDT (14:00Z).
        let sla = try engine(
            [(.resolution, hours(16))], calendar: try newYorkOffice(),
            pauses: [.waitingOnCustomer: [.resolution]])
        let events = [
            try created("2026-03-05T10:00:00-05:00"),
            try event(.statusChanged(to: .waitingOnCustomer), "2026-03-06T11:00:00-05:00"),
            try event(.statusChanged(to: .open), "2026-03-09T11:00:00-04:00"),
        ]
        let saturday = try sla.evaluate(events, asOf: try instant("2026-03-07T12:00:00-05:00"))
        let paused = try #require(saturday[.resolution])
        #expect(paused.status == .paused)
        #expect(paused.pausedBy == .waitingOnCustomer)
        #expect(paused.elapsed == hours(9))
        #expect(paused.deadline == nil)
        #expect(paused.nextWarning == nil)

        let monday = try sla.evaluate(events, asOf: try instant("2026-03-09T12:00:00-04:00"))
        let running = try #require(monday[.resolution])
        #expect(running.status == .running)
        #expect(running.elapsed == hours(10))
        #expect(running.remaining == hours(6))
        #expect(running.deadline == (try instant("2026-03-10T10:00:00-04:00")))
    }

    @Test func priorityRaisedKeepsElapsedTime() throws {
        // P3 8 h, P1 4 h resolution, Mon-Fri 09:00-17:00 New York. Created Monday
        // 2026-03-09 09:00 EDT as P3; raised to P1 at 12:00 EDT after 3 h: 1 h remains,
        // deadline 13:00 EDT. Raised at 14:00 EDT after 5 h: breached at the change.
        let office = try newYorkOffice()
        let policy = try SLAPolicy(targets: [
            "P1": [try SLATarget(kind: .resolution, duration: hours(4), calendar: "office")],
            "P3": [try SLATarget(kind: .resolution, duration: hours(8), calendar: "office")],
        ])
        let sla = try SLAEngine(policy: policy, calendars: ["office": office])
        let raisedAtNoon = [
            try created("2026-03-09T09:00:00-04:00", "P3"),
            try event(.priorityChanged(to: "P1"), "2026-03-09T12:00:00-04:00"),
        ]
        let noon = try #require(
            try sla.evaluate(raisedAtNoon, asOf: try instant("2026-03-09T12:00:00-04:00"))[
                .resolution])
        #expect(noon.priority == "P1")
        #expect(noon.elapsed == hours(3))
        #expect(noon.remaining == hours(1))
        #expect(noon.deadline == (try instant("2026-03-09T13:00:00-04:00")))
        #expect(noon.cycleStart == (try instant("2026-03-09T09:00:00-04:00")))

        let raisedLate = [
            try created("2026-03-09T09:00:00-04:00", "P3"),
            try event(.priorityChanged(to: "P1"), "2026-03-09T14:00:00-04:00"),
        ]
        let late = try #require(
            try sla.evaluate(raisedLate, asOf: try instant("2026-03-09T14:30:00-04:00"))[
                .resolution])
        #expect(late.status == .breached)
        #expect(late.breachInstant == (try instant("2026-03-09T14:00:00-04:00")))

        // Restart from the change: a new 4 h cycle from 12:00 EDT, due 16:00 EDT.
        let restarting = try SLAEngine(
            policy: try SLAPolicy(
                targets: policy.targets, options: .init(priorityChange: .restartFromChange)),
            calendars: ["office": office])
        let restarted = try #require(
            try restarting.evaluate(raisedAtNoon, asOf: try instant("2026-03-09T12:00:00-04:00"))[
                .resolution])
        #expect(restarted.elapsed == .zero)
        #expect(restarted.deadline == (try instant("2026-03-09T16:00:00-04:00")))
        #expect(restarted.earlierCycles == 1)
        #expect(restarted.earlierBreaches == 0)
    }

    @Test(arguments: [SLAPolicy.ReopenRule.resume, .newCycle])
    func reopen(_ rule: SLAPolicy.ReopenRule) throws {
        // 4 h resolution, Mon-Fri 09:00-17:00 New York. Created Monday 2026-03-09 09:00
        // EDT, resolved 12:00 (3 h, met), reopened Tuesday 09:00 EDT.
        // resume: 1 h left, due Tuesday 10:00 EDT. newCycle: 4 h from Tuesday 09:00, due
        // 13:00 EDT, one earlier cycle, not breached.
        let sla = try engine(
            [(.resolution, hours(4))], calendar: try newYorkOffice(),
            options: .init(reopen: rule))
        let events = [
            try created("2026-03-09T09:00:00-04:00"),
            try event(.resolved, "2026-03-09T12:00:00-04:00"),
            try event(.reopened, "2026-03-10T09:00:00-04:00"),
        ]
        let resolved = try #require(
            try sla.evaluate(events, asOf: try instant("2026-03-09T15:00:00-04:00"))[.resolution])
        #expect(resolved.status == .met)
        #expect(resolved.stoppedAt == (try instant("2026-03-09T12:00:00-04:00")))
        let result = try sla.evaluate(events, asOf: try instant("2026-03-10T09:00:00-04:00"))
        let target = try #require(result[.resolution])
        #expect(result.state == .open)
        #expect(target.status == .running)
        switch rule {
        case .resume:
            #expect(target.elapsed == hours(3))
            #expect(target.deadline == (try instant("2026-03-10T10:00:00-04:00")))
            #expect(target.earlierCycles == 0)
        case .newCycle:
            #expect(target.elapsed == .zero)
            #expect(target.deadline == (try instant("2026-03-10T13:00:00-04:00")))
            #expect(target.earlierCycles == 1)
            #expect(target.earlierBreaches == 0)
        }
    }

    @Test(arguments: [true, false])
    func firstResponseAtResolution(_ counted: Bool) throws {
        // 1 h first response; created Monday 2026-03-09 09:00 EDT, resolved 09:30 with no
        // reply. Counted: met at 09:30. Not counted: cancelled.
        let sla = try engine(
            [(.firstResponse, hours(1))], calendar: try newYorkOffice(),
            options: .init(firstResponseAtResolution: counted))
        let result = try sla.evaluate(
            [
                try created("2026-03-09T09:00:00-04:00"),
                try event(.resolved, "2026-03-09T09:30:00-04:00"),
            ], asOf: try instant("2026-03-09T10:00:00-04:00"))
        let target = try #require(result[.firstResponse])
        #expect(target.status == (counted ? .met : .cancelled))
        #expect(target.elapsed == minutes(30))
        #expect(target.stoppedAt == (try instant("2026-03-09T09:30:00-04:00")))
    }

    @Test func nextResponseCycles() throws {
        // 1 h first response, 2 h next response, Mon-Fri 09:00-17:00 New York. Created
        // Monday 2026-03-09 09:00 EDT; replies at 10:00 (first response met after 1 h,
        // exactly on time), 11:00 (cycle 1 met after 1 h) and 14:00 (cycle 2 took 3 h:
        // breached at 13:00). At 15:00 cycle 3 has run 1 h.
        let sla = try engine(
            [(.firstResponse, hours(1)), (.nextResponse, hours(2))], calendar: try newYorkOffice())
        let events = [
            try created("2026-03-09T09:00:00-04:00"),
            try event(.publicReply, "2026-03-09T10:00:00-04:00"),
            try event(.publicReply, "2026-03-09T11:00:00-04:00"),
            try event(.publicReply, "2026-03-09T14:00:00-04:00"),
        ]
        let result = try sla.evaluate(events, asOf: try instant("2026-03-09T15:00:00-04:00"))
        let first = try #require(result[.firstResponse])
        #expect(first.status == .met)
        #expect(first.elapsed == hours(1))
        let next = try #require(result[.nextResponse])
        #expect(next.status == .running)
        #expect(next.elapsed == hours(1))
        #expect(next.earlierCycles == 2)
        #expect(next.earlierBreaches == 1)
        #expect(next.deadline == (try instant("2026-03-09T16:00:00-04:00")))
        // Before the first reply the next-response clock has not started.
        let early = try sla.evaluate(events, asOf: try instant("2026-03-09T09:30:00-04:00"))
        #expect(early[.nextResponse]?.status == .notStarted)
    }

    @Test func replyAfterTheDeadlineAtClosingTimeIsBreached() throws {
        // 1 h first response from Friday 2026-03-06 16:00 EST: consumed at 17:00 (closing).
        // A reply at 17:00 meets it; a reply Monday 09:00 EDT, with no more business time
        // counted, is still late: the clock ran past the instant its target was consumed.
        let sla = try engine([(.firstResponse, hours(1))], calendar: try newYorkOffice())
        for (reply, expected) in [
            ("2026-03-06T17:00:00-05:00", SLATargetStatus.met),
            ("2026-03-09T09:00:00-04:00", .breached),
        ] {
            let result = try sla.evaluate(
                [try created("2026-03-06T16:00:00-05:00"), try event(.publicReply, reply)],
                asOf: try instant("2026-03-09T12:00:00-04:00"))
            #expect(result[.firstResponse]?.status == expected, "\(reply)")
            #expect(result[.firstResponse]?.elapsed == hours(1))
        }
    }
}
