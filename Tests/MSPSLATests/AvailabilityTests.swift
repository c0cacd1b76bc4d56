import Foundation
import MSPCore
import MSPSLA
import Testing

/// An outage of `kind` between two ISO 8601 instants.
func outage(_ start: String, _ end: String, _ kind: Outage.Kind = .down) throws -> Outage {
    Outage(range: try DateRange(start: instant(start), end: instant(end)), kind: kind)
}

/// A range between two ISO 8601 instants.
func range(_ start: String, _ end: String) throws -> DateRange {
    try DateRange(start: instant(start), end: instant(end))
}

@Suite struct AvailabilityTests {
    /// 99.9% allows 0.1% of the month: a day is 1,440 minutes, so 1.44 minutes a day.
    /// 28 d -> 40.32 min (2,419,200 ms); 29 d -> 41.76 min; 30 d -> 43.2 min; 31 d -> 44.64
    /// min. New York's March 2026 loses an hour to DST (743 h -> 44.58 min) and November
    /// gains one (721 h -> 43.26 min).
    static let monthTable: [(zone: String, year: Int, month: Int, milliseconds: Int64)] = [
        ("UTC", 2026, 2, 2_419_200),
        ("UTC", 2028, 2, 2_505_600),
        ("UTC", 2026, 4, 2_592_000),
        ("UTC", 2026, 1, 2_678_400),
        ("America/New_York", 2026, 3, 2_674_800),
        ("America/New_York", 2026, 11, 2_595_600),
    ]

    @Test(arguments: monthTable)
    func allowedDowntimeDependsOnTheMonthLength(
        _ row: (zone: String, year: Int, month: Int, milliseconds: Int64)
    ) throws {
        let objective = try AvailabilityObjective(
            objective: try Percentage(parsing: "99.9"), timeZone: row.zone)
        let report = try objective.measure(year: row.year, month: row.month, outages: [])
        #expect(report.allowedDowntimeMilliseconds == Rational(row.milliseconds))
        #expect(report.strictAvailability == Rational(100))
        #expect(report.meetsObjective)
    }

    @Test func overlappingOutagesAreMerged() throws {
        // April 2026 UTC: 2,592,000,000 ms. Outages 10:00-10:30, 10:20-11:00, 10:50-10:55
        // merge into 10:00-11:00, one hour = 1/720 of the month:
        // 100 × 719/720 = 3595/36 % (99.861…).
        let objective = try AvailabilityObjective(objective: try Percentage(parsing: "99.9"))
        let report = try objective.measure(
            year: 2026, month: 4,
            outages: [
                try outage("2026-04-10T10:20:00Z", "2026-04-10T11:00:00Z"),
                try outage("2026-04-10T10:00:00Z", "2026-04-10T10:30:00Z"),
                try outage("2026-04-10T10:50:00Z", "2026-04-10T10:55:00Z"),
            ])
        #expect(report.downtime == hours(1))
        #expect(report.strictAvailability == (try Rational(3595, 36)))
        #expect(
            report.downtimeIntervals == [try range("2026-04-10T10:00:00Z", "2026-04-10T11:00:00Z")])
        #expect(report.outagesCounted == 3)
        #expect(!report.meetsObjective)
    }

    @Test func longPeriodsMergeTheSameWay() throws {
        // A 90-day period (2026-04-01 to 06-30, 7,776,000,000 ms) takes the general path:
        // the same three outages merge to one hour, 100 × 2159/2160 = 215900/2160 %.
        let objective = try AvailabilityObjective(objective: try Percentage(parsing: "99.9"))
        let quarter = try range("2026-04-01T00:00:00Z", "2026-06-30T00:00:00Z")
        let report = try objective.measure(
            period: quarter,
            outages: [
                try outage("2026-04-10T10:20:00Z", "2026-04-10T11:00:00Z"),
                try outage("2026-04-10T10:00:00Z", "2026-04-10T10:30:00Z"),
                try outage("2026-04-10T10:50:00Z", "2026-04-10T10:55:00Z", .unknown),
            ])
        #expect(report.downtime == hours(1))
        #expect(report.unknownTime == .zero)
        #expect(report.strictAvailability == (try Rational(215900, 2160)))
    }

    @Test func outagePartlyInsideMaintenanceAndUnknownTime() throws {
        // April 2026 UTC. Maintenance 02:00-04:00 on the 5th (2 h) leaves 2,584,800,000 ms
        // measured. Outage 03:00-05:00 counts only 04:00-05:00 (1 h = 1/718 of the measured
        // time): 100 × 717/718 = 35850/359 %. Allowed: 2,584,800 ms.
        let objective = try AvailabilityObjective(objective: try Percentage(parsing: "99.9"))
        let maintenance = [try range("2026-04-05T02:00:00Z", "2026-04-05T04:00:00Z")]
        let down = try outage("2026-04-05T03:00:00Z", "2026-04-05T05:00:00Z")
        let report = try objective.measure(
            year: 2026, month: 4, outages: [down], maintenance: maintenance)
        #expect(report.measuredTime == .milliseconds(2_584_800_000))
        #expect(report.downtime == hours(1))
        #expect(report.strictAvailability == (try Rational(35850, 359)))
        #expect(report.allowedDowntimeMilliseconds == Rational(2_584_800))

        // Unknown 04:30-06:00 overlaps the downtime until 05:00, so 1 h of unknown counts.
        // Strict: 100 × (1 − 2/718) = 35800/359 %. Excluding unknown:
        // 100 × (2,584,800,000 − 7,200,000) / (2,584,800,000 − 3,600,000) = 100 × 716/717.
        let unknown = try outage("2026-04-05T04:30:00Z", "2026-04-05T06:00:00Z", .unknown)
        let both = try objective.measure(
            year: 2026, month: 4, outages: [down, unknown], maintenance: maintenance)
        #expect(both.unknownTime == hours(1))
        #expect(both.strictAvailability == (try Rational(35800, 359)))
        #expect(both.availabilityExcludingUnknown == (try Rational(71600, 717)))
    }

    @Test func outageSpanningTwoMonthsIsSplit() throws {
        // 2026-01-31 23:00Z to 2026-02-01 01:00Z: one hour in each month.
        // January (744 h): 100 × 743/744 = 18575/186 %. February (672 h): 100 × 671/672 =
        // 16775/168 %.
        let objective = try AvailabilityObjective(objective: try Percentage(parsing: "99.9"))
        let spanning = [try outage("2026-01-31T23:00:00Z", "2026-02-01T01:00:00Z")]
        let january = try objective.measure(year: 2026, month: 1, outages: spanning)
        let february = try objective.measure(year: 2026, month: 2, outages: spanning)
        #expect(january.downtime == hours(1))
        #expect(february.downtime == hours(1))
        #expect(january.strictAvailability == (try Rational(18575, 186)))
        #expect(february.strictAvailability == (try Rational(16775, 168)))
    }

    @Test func badObjectivesAndRanges() throws {
        #expect(throws: SLAError.invalidObjective(.zero)) {
            try AvailabilityObjective(objective: .zero)
        }
        let above = try Percentage(parsing: "100.1")
        #expect(throws: SLAError.invalidObjective(above)) {
            try AvailabilityObjective(objective: above)
        }
        let zone = #expect(throws: SLAError.self) {
            try AvailabilityObjective(objective: Percentage(99), timeZone: "Mars/Olympus")
        }
        #expect(zone?.code == .invalidPeriod)
        // An outage ending before it starts cannot be built: its DateRange is rejected.
        let reversed = #expect(throws: PeriodError.self) {
            try outage("2026-04-05T05:00:00Z", "2026-04-05T03:00:00Z")
        }
        #expect(reversed?.code == .endBeforeStart)
        let month = #expect(throws: SLAError.self) {
            try AvailabilityObjective(objective: Percentage(99)).period(year: 2026, month: 13)
        }
        #expect(month?.code == .invalidPeriod)
    }
}
