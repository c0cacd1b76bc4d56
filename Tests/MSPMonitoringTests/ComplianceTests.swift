import Foundation
import MSPCore
import MSPMonitoring
import Testing

/// A backup job at hour offsets from 2026-01-01.
private func job(_ start: Int64, _ finish: Int64, _ succeeded: Bool = true) throws -> BackupJob {
    try BackupJob(
        startedAt: newYear2026 + start * hour, finishedAt: newYear2026 + finish * hour,
        succeeded: succeeded)
}

/// `[start h, end h)` from 2026-01-01.
private func hours(_ start: Int64, _ end: Int64) throws -> DateRange {
    try range(newYear2026 + start * hour, newYear2026 + end * hour)
}

@Suite struct ComplianceTests {
    @Test func recoveryPointObjectiveWorkedExample() throws {
        // D = 24 h over [0 h, 72 h). Successful jobs started -2 h (usable -1 h), 22 h
        // (usable 23 h) and 70 h (usable 71 h); the 46 h job failed.
        //   [0, 23 h): newest point -2 h, breach from -2 + 24 = 22 h -> [22 h, 23 h)
        //   [23 h, 71 h): newest 22 h, breach from 46 h -> [46 h, 71 h); age reaches 49 h
        //   [71 h, 72 h): newest 70 h, breach from 94 h -> none
        // Breach time 1 + 25 = 26 h; worst age 49 h. Jobs given out of order.
        let objective = try RecoveryPointObjective(maximumAgeMilliseconds: 24 * hour)
        let report = objective.evaluate(
            [try job(70, 71), try job(46, 47, false), try job(-2, -1), try job(22, 23)],
            over: try hours(0, 72))
        #expect(report.breaches == [try hours(22, 23), try hours(46, 71)])
        #expect(report.breachMilliseconds == 26 * hour)
        #expect(report.worstAgeMilliseconds == 49 * hour)
        #expect(!report.isCompliant)
    }

    @Test func noRecoveryPointAndALateFinishingOldJob() throws {
        // D = 24 h over [0 h, 40 h). No point before 1 h: breach [0, 1 h), worst age unknown.
        // The job started -10 h finishes at 30 h: older than the 0 h point, so it changes
        // nothing; the breach from 0 + 24 = 24 h runs to the end, merged across 30 h.
        let objective = try RecoveryPointObjective(maximumAgeMilliseconds: 24 * hour)
        let report = objective.evaluate([try job(0, 1), try job(-10, 30)], over: try hours(0, 40))
        #expect(report.breaches == [try hours(0, 1), try hours(24, 40)])
        #expect(report.worstAgeMilliseconds == nil)
    }

    @Test func dailyBackupsAreCompliant() throws {
        // A backup every day at 01:00 taking 30 minutes, D = 25 h: never in breach; the
        // worst age is 24.5 h (23:59:59.999 after the previous start, plus the 30 minutes
        // until the next becomes usable).
        let objective = try RecoveryPointObjective(maximumAgeMilliseconds: 25 * hour)
        let jobs = try (-1...7).map { index in
            try BackupJob(
                startedAt: newYear2026 + Int64(index) * day + hour,
                finishedAt: newYear2026 + Int64(index) * day + hour + 30 * minute, succeeded: true)
        }
        let report = objective.evaluate(jobs, over: try range(newYear2026, newYear2026 + 7 * day))
        #expect(report.isCompliant)
        #expect(report.worstAgeMilliseconds == 24 * hour + 30 * minute)
    }

    @Test func patchComplianceWorkedExample() throws {
        // 14 days, measured at day 30:
        //   A misses a critical patch from day 10 (20 days old)        -> out
        //   B misses a critical patch from day 20 (10 days old)        -> in
        //   C installed the day-10 patch on day 25                     -> in
        //   D has a non-critical patch from day 1 uninstalled          -> in
        //   E misses one from day 16: exactly 14 days old, not more    -> in
        //   F installs the day-10 patch on day 31, after the instant   -> out
        //   G is not in the population                                  -> ignored
        // Out: A and F of 6 devices: compliant share 4/6 = 2/3.
        let names = ["A", "B", "C", "D", "E", "F"]
        let devices = try names.map { try DeviceID($0) }
        let policy = try PatchCompliancePolicy(maximumAgeDays: 14)
        func patch(_ device: String, _ released: Int64, _ installed: Int64?, critical: Bool = true)
            throws -> PatchRecord
        {
            try PatchRecord(
                device: DeviceID(device), releasedAt: released * day,
                installedAt: installed.map { $0 * day }, critical: critical)
        }
        let report = try policy.evaluate(
            [
                try patch("A", 10, nil), try patch("B", 20, nil), try patch("C", 10, 25),
                try patch("D", 1, nil, critical: false), try patch("E", 16, nil),
                try patch("F", 10, 31), try patch("G", 1, nil),
            ], devices: devices, at: 30 * day)
        #expect(report.nonCompliantDevices == [try DeviceID("A"), try DeviceID("F")])
        #expect(report.compliantShare == (try Rational(2, 3)))
        #expect(report.nonCompliantShare == (try Rational(1, 3)))
        let empty = try policy.evaluate([], devices: [], at: 0)
        #expect(empty.compliantShare == nil)
    }

    @Test func badInput() throws {
        #expect(
            throws: MonitoringError.endBeforeStart(start: 100, end: 50, field: "finishedAt")
        ) {
            try BackupJob(startedAt: 100, finishedAt: 50, succeeded: true)
        }
        #expect(
            throws: MonitoringError.endBeforeStart(start: 100, end: 50, field: "installedAt")
        ) {
            try PatchRecord(
                device: DeviceID("A"), releasedAt: 100, installedAt: 50, critical: true)
        }
        #expect(throws: MonitoringError.invalidCount(-1, field: "maximumAgeDays", minimum: 0)) {
            try PatchCompliancePolicy(maximumAgeDays: -1)
        }
        #expect(
            throws: MonitoringError.invalidDuration(
                0, field: "maximumAgeMilliseconds", minimum: 1)
        ) {
            try RecoveryPointObjective(maximumAgeMilliseconds: 0)
        }
        let bad = #"{"startedAt": 10, "finishedAt": 5, "succeeded": true}"#
        #expect(throws: MonitoringError.endBeforeStart(start: 10, end: 5, field: "finishedAt")) {
            try JSONDecoder().decode(BackupJob.self, from: Data(bad.utf8))
        }
    }
}
