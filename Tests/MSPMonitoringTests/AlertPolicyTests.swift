import Foundation
import MSPCore
import MSPMonitoring
import Testing

/// A device at site s1 of customer c1.
private func onSite(_ device: String, site: String = "s1") throws -> AlertSubject {
    AlertSubject(
        customer: try CustomerID("c1"), site: try SiteID(site), device: try DeviceID(device))
}

/// Feeds events in order and returns every effect with its instant.
private func play(
    _ policy: AlertPolicy, _ events: [(Int64, AlertEvent)], from book: AlertBook = AlertBook()
) throws -> (book: AlertBook, effects: [(Int64, AlertEffect)]) {
    var book = book
    var effects: [(Int64, AlertEffect)] = []
    for (instant, event) in events {
        let step = try policy.reduce(book, event, at: instant)
        book = step.book
        effects += step.effects.map { (instant, $0) }
    }
    return (book, effects)
}

/// A notification effect.
private func notify(_ kind: AlertNotification.Kind, _ group: String, _ keys: [String])
    -> AlertEffect
{
    .notify(AlertNotification(kind: kind, group: group, keys: keys.map { AlertKey($0) }))
}

@Suite struct AlertPolicyTests {
    private let cpu = AlertKey("d1/cpu")

    @Test func lifecycleWithReminderEscalationAndDeduplication() throws {
        // Re-notify every 30 min, escalate 15 min after opening, group by site:
        //   0    problem critical   -> opened, notify problem
        //   5    problem critical   -> deduplicated: nothing
        //   10   tick               -> nothing (reminder due at 30, escalation at 15)
        //   15   tick               -> escalated 1, notify escalation (last notified = 15)
        //   44   tick               -> nothing (reminder due at 15 + 30 = 45)
        //   45   tick               -> notify reminder
        //   50   problem warning    -> severity changed, notify problem
        //   60   recovery           -> resolved, notify recovery
        let policy = try AlertPolicy(
            renotifyMilliseconds: 30 * minute, escalationMilliseconds: [15 * minute],
            grouping: .site)
        let subject = try onSite("d1")
        let run = try play(
            policy,
            [
                (0, .problem(cpu, subject: subject, severity: .critical)),
                (5 * minute, .problem(cpu, subject: subject, severity: .critical)),
                (10 * minute, .tick), (15 * minute, .tick), (44 * minute, .tick),
                (45 * minute, .tick),
                (50 * minute, .problem(cpu, subject: subject, severity: .warning)),
                (60 * minute, .recovery(cpu)),
            ])
        let expected: [(Int64, AlertEffect)] = [
            (0, .opened(cpu, .critical)), (0, notify(.problem, "site:s1", ["d1/cpu"])),
            (15 * minute, .escalated(cpu, level: 1)),
            (15 * minute, notify(.escalation, "site:s1", ["d1/cpu"])),
            (45 * minute, notify(.reminder, "site:s1", ["d1/cpu"])),
            (50 * minute, .severityChanged(cpu, from: .critical, to: .warning)),
            (50 * minute, notify(.problem, "site:s1", ["d1/cpu"])),
            (60 * minute, .resolved(cpu)), (60 * minute, notify(.recovery, "site:s1", ["d1/cpu"])),
        ]
        #expect(run.effects.map(\.0) == expected.map(\.0))
        #expect(run.effects.map(\.1) == expected.map(\.1))
        #expect(run.book.alerts.isEmpty)
    }

    @Test func stickyAcknowledgementLastsUntilRecovery() throws {
        // Re-notify every 30 min. Sticky ack at 10: no reminders at 30, 60, 90; recovery at
        // 100 notifies; the same key failing again at 120 is a new, unacknowledged alert.
        let policy = try AlertPolicy(renotifyMilliseconds: 30 * minute)
        let subject = try onSite("d1")
        let run = try play(
            policy,
            [
                (0, .problem(cpu, subject: subject, severity: .critical)),
                (10 * minute, .acknowledge(cpu, until: nil)),
                (30 * minute, .tick), (60 * minute, .tick), (90 * minute, .tick),
                (100 * minute, .recovery(cpu)),
                (120 * minute, .problem(cpu, subject: subject, severity: .critical)),
            ])
        #expect(
            run.effects.map(\.1) == [
                .opened(cpu, .critical), notify(.problem, "alert:d1/cpu", ["d1/cpu"]),
                .acknowledged(cpu), .resolved(cpu),
                notify(.recovery, "alert:d1/cpu", ["d1/cpu"]), .opened(cpu, .critical),
                notify(.problem, "alert:d1/cpu", ["d1/cpu"]),
            ])
        #expect(run.book.alerts[cpu]?.isAcknowledged == false)
    }

    @Test func expiringAcknowledgement() throws {
        // Re-notify every 30 min; ack at 10 until 40. At 30 the reminder is held; at 40 the
        // ack expires and the overdue reminder (due since 30) goes out.
        let policy = try AlertPolicy(renotifyMilliseconds: 30 * minute)
        let run = try play(
            policy,
            [
                (0, .problem(cpu, subject: try onSite("d1"), severity: .critical)),
                (10 * minute, .acknowledge(cpu, until: 40 * minute)),
                (30 * minute, .tick), (40 * minute, .tick),
            ])
        #expect(
            run.effects.map(\.0) == [0, 0, 10 * minute, 40 * minute, 40 * minute])
        #expect(
            run.effects.map(\.1) == [
                .opened(cpu, .critical), notify(.problem, "alert:d1/cpu", ["d1/cpu"]),
                .acknowledged(cpu), .acknowledgementExpired(cpu),
                notify(.reminder, "alert:d1/cpu", ["d1/cpu"]),
            ])
    }

    @Test func problemThatStartsAndEndsInsideMaintenanceNeverNotifies() throws {
        // Site s1 in maintenance [1 h, 2 h). Problem at 1:10, recovery at 1:50, ticks after:
        // opened and resolved, not one notification.
        let window = try range(hour, 2 * hour)
        let policy = try AlertPolicy(
            renotifyMilliseconds: 10 * minute,
            maintenance: [ScopedMaintenance(scope: .site(try SiteID("s1")), windows: [window])])
        let run = try play(
            policy,
            [
                (70 * minute, .problem(cpu, subject: try onSite("d1"), severity: .critical)),
                (80 * minute, .tick), (110 * minute, .recovery(cpu)), (2 * hour, .tick),
                (3 * hour, .tick),
            ])
        #expect(run.effects.map(\.1) == [.opened(cpu, .critical), .resolved(cpu)])
    }

    @Test func problemThatOutlastsMaintenanceNotifiesExactlyOnce() throws {
        // Backtest: cpu > 80 from 1:30 to 2:20 (a sample every 10 min), site s1 in maintenance
        // [1 h, 2 h), no reminders. The problem opens at 1:30 silently; at 2:00, the window's
        // end (found by nextWakeUp), exactly one problem notification; recovery at 2:30.
        let window = try range(hour, 2 * hour)
        let policy = try AlertPolicy(
            maintenance: [ScopedMaintenance(scope: .site(try SiteID("s1")), windows: [window])])
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80)
        let instants = (9...15).map { Int64($0) * 10 * minute }
        let values: [Double] = [90, 90, 90, 90, 90, 90, 50]
        let result = try policy.backtest(
            rule: rule, values: values, instants: instants, key: cpu, subject: try onSite("d1"),
            until: 4 * hour)
        #expect(result.notifications.map(\.milliseconds) == [2 * hour, 150 * minute])
        #expect(result.notifications.map(\.notification.kind) == [.problem, .recovery])
        #expect(
            result.effects.first
                == TimedAlertEffect(milliseconds: 90 * minute, effect: .opened(cpu, .critical)))
    }

    @Test func weeklyMaintenanceWindowFromASchedule() throws {
        // Every Thursday 01:00-02:00 in UTC (2026-01-01 is a Thursday), compiled into the
        // policy's windows for the first week. A problem at 01:30 waits for 02:00; one at
        // 03:00 notifies at once.
        let weekly = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: [.thursday: [try .init("01:00", "02:00")]])
        let windows = try MaintenanceSchedule(weekly: weekly).windows(
            in: range(newYear2026, newYear2026 + 7 * day))
        #expect(windows == [try range(newYear2026 + hour, newYear2026 + 2 * hour)])
        let policy = try AlertPolicy(
            maintenance: [ScopedMaintenance(scope: .everything, windows: windows)])
        let other = AlertKey("d2/disk")
        var book = try policy.reduce(
            AlertBook(), .problem(cpu, subject: try onSite("d1"), severity: .critical),
            at: newYear2026 + 90 * minute
        ).book
        #expect(policy.nextWakeUp(book) == newYear2026 + 2 * hour)
        let exit = try policy.reduce(book, .tick, at: newYear2026 + 2 * hour)
        #expect(exit.effects == [notify(.problem, "alert:d1/cpu", ["d1/cpu"])])
        book = exit.book
        let later = try policy.reduce(
            book, .problem(other, subject: try onSite("d2"), severity: .warning),
            at: newYear2026 + 3 * hour)
        #expect(
            later.effects == [
                .opened(other, .warning), notify(.problem, "alert:d2/disk", ["d2/disk"]),
            ])
    }

    @Test func siteFirewallDownSuppressesItsDevices() throws {
        // The firewall of site s1 is a dependency parent for the whole site.
        //   0   firewall problem    -> notify [firewall]
        //   1   d1 problem          -> opened, suppressed
        //   2   d2 problem          -> opened, suppressed
        //   3   d3 problem, recovers at 4 while suppressed -> never notified
        //   5   firewall recovery   -> recovery [firewall], then one problem notification
        //                              bundling the still-open d1 and d2 (grouped by site)
        //   6   d4 at site s2       -> not in scope: notified at once
        let firewall = AlertKey("s1/firewall")
        let policy = try AlertPolicy(
            grouping: .site,
            dependencies: [AlertDependency(parent: firewall, scope: .site(try SiteID("s1")))])
        let d1 = AlertKey("d1/ping")
        let d2 = AlertKey("d2/ping")
        let d3 = AlertKey("d3/ping")
        let d4 = AlertKey("d4/ping")
        let run = try play(
            policy,
            [
                (0, .problem(firewall, subject: try onSite("fw"), severity: .critical)),
                (1, .problem(d1, subject: try onSite("d1"), severity: .critical)),
                (2, .problem(d2, subject: try onSite("d2"), severity: .critical)),
                (3, .problem(d3, subject: try onSite("d3"), severity: .critical)),
                (4, .recovery(d3)),
                (5, .recovery(firewall)),
                (6, .problem(d4, subject: try onSite("d4", site: "s2"), severity: .warning)),
            ])
        #expect(
            run.effects.map(\.1) == [
                .opened(firewall, .critical), notify(.problem, "site:s1", ["s1/firewall"]),
                .opened(d1, .critical), .opened(d2, .critical), .opened(d3, .critical),
                .resolved(d3), .resolved(firewall),
                notify(.recovery, "site:s1", ["s1/firewall"]),
                notify(.problem, "site:s1", ["d1/ping", "d2/ping"]),
                .opened(d4, .warning), notify(.problem, "site:s2", ["d4/ping"]),
            ])
    }

    @Test func snapshotRestoredMidForContinuesExactly() throws {
        // cpu > 80 for 5 min, reminders every 10 min. Run 0...12 min in one go, or stop after
        // 3 min, save rule state and alert book as JSON, restore and continue: same effects.
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80,
            confirmation: .duration(milliseconds: 5 * minute))
        let policy = try AlertPolicy(renotifyMilliseconds: 10 * minute)
        let subject = try onSite("d1")
        let instants = (0...12).map { Int64($0) * minute }
        let values = Array(repeating: 90.0, count: instants.count)
        let whole = try policy.backtest(
            rule: rule, values: values, instants: instants, key: cpu, subject: subject)
        // Split: the first four samples, then a JSON round trip of both states.
        let first = try rule.evaluate(
            values: Array(values[..<4]), instants: Array(instants[..<4]), from: ThresholdRuleState()
        )
        #expect(first.state.status == .pending(.critical))
        let state = try JSONDecoder().decode(
            ThresholdRuleState.self, from: JSONEncoder().encode(first.state))
        let second = try rule.evaluate(
            values: Array(values[4...]), instants: Array(instants[4...]), from: state)
        #expect(first.transitions + second.transitions == whole.transitions)
        #expect(whole.transitions.map(\.milliseconds) == [0, 5 * minute])
        // The book restored after the problem opened still reminds at 15 min.
        var book = AlertBook()
        book = try policy.reduce(
            book, .problem(cpu, subject: subject, severity: .critical), at: 5 * minute
        ).book
        let restored = try JSONDecoder().decode(AlertBook.self, from: JSONEncoder().encode(book))
        #expect(restored == book)
        #expect(policy.nextWakeUp(restored) == 15 * minute)
        let reminder = try policy.reduce(restored, .tick, at: 15 * minute)
        #expect(reminder.effects == [notify(.reminder, "alert:d1/cpu", ["d1/cpu"])])
    }

    /// A restored book is checked like a built one: a crafted snapshot with an instant
    /// outside years 1...9999, a notification before its alert opened, or a negative
    /// escalation level is a decoding error, not a state the reducer then trusts.
    @Test(arguments: [
        ("openedAt", 253_402_300_800_000 as Int64),
        ("notifiedAt", -1 as Int64),
        ("acknowledgedUntil", -62_135_596_800_001 as Int64),
        ("escalationLevel", -1 as Int64),
    ])
    func craftedAlertSnapshotsAreRejected(field: String, value: Int64) throws {
        let policy = try AlertPolicy(renotifyMilliseconds: 10 * minute)
        let book = try policy.reduce(
            AlertBook(), .problem(cpu, subject: try onSite("d1"), severity: .critical), at: 0
        ).book
        let valid = try JSONEncoder().encode(book)
        #expect(try JSONDecoder().decode(AlertBook.self, from: valid) == book)
        var object = try #require(
            try JSONSerialization.jsonObject(with: valid) as? [String: Any])
        var alerts = try #require(object["alerts"] as? [[String: Any]])
        alerts[0][field] = value
        object["alerts"] = alerts
        let crafted = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AlertBook.self, from: crafted)
        }
    }

    @Test func craftedLastInstantIsRejected() throws {
        let crafted = Data(#"{"alerts": [], "lastInstant": 253402300800000}"#.utf8)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AlertBook.self, from: crafted)
        }
        let valid = Data(#"{"alerts": [], "lastInstant": 0}"#.utf8)
        #expect(try JSONDecoder().decode(AlertBook.self, from: valid).lastInstant == 0)
    }

    @Test func backtestRemindsOnSchedule() throws {
        // cpu 90 for 70 min then 50, re-notify every 30 min: problem at 0, reminders at 30
        // and 60, recovery at 70.
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80)
        let policy = try AlertPolicy(renotifyMilliseconds: 30 * minute)
        let instants = (0...70).map { Int64($0) * minute }
        let values = instants.map { $0 < 70 * minute ? 90.0 : 50.0 }
        let result = try policy.backtest(
            rule: rule, values: values, instants: instants, key: cpu, subject: AlertSubject())
        #expect(
            result.notifications.map(\.milliseconds) == [0, 30 * minute, 60 * minute, 70 * minute])
        #expect(
            result.notifications.map(\.notification.kind) == [
                .problem, .reminder, .reminder, .recovery,
            ])
    }

    @Test func badInput() throws {
        let policy = try AlertPolicy()
        let book = try policy.reduce(
            AlertBook(), .problem(cpu, subject: AlertSubject(), severity: .critical), at: 100
        ).book
        #expect(throws: MonitoringError.endBeforeStart(start: 200, end: 150, field: "until")) {
            try policy.reduce(book, .acknowledge(cpu, until: 150), at: 200)
        }
        #expect(throws: MonitoringError.outOfOrder(99, previous: 100, field: "instant")) {
            try policy.reduce(book, .tick, at: 99)
        }
        #expect(
            throws: MonitoringError.invalidDuration(
                10, field: "escalationMilliseconds[1]", minimum: 11)
        ) {
            try AlertPolicy(escalationMilliseconds: [10, 10])
        }
        #expect(
            throws: MonitoringError.invalidDuration(0, field: "renotifyMilliseconds", minimum: 1)
        ) {
            try AlertPolicy(renotifyMilliseconds: 0)
        }
    }

    @Test func policyRoundTripsThroughJSON() throws {
        let policy = try AlertPolicy(
            renotifyMilliseconds: hour, escalationMilliseconds: [0, hour], grouping: .customer,
            maintenance: [ScopedMaintenance(scope: .everything, windows: [try range(0, hour)])],
            dependencies: [AlertDependency(parent: AlertKey("fw"), scope: .site(try SiteID("s1")))])
        let data = try JSONEncoder().encode(policy)
        #expect(try JSONDecoder().decode(AlertPolicy.self, from: data) == policy)
    }
}
