import Foundation
import MSPCore
import MSPSLA
import MSPTestSupport
import Testing

/// Engines over one New York office calendar (Mon-Fri 09:00-17:00, US holidays 2026), one
/// for each combination of clock options, with three priorities and pauses.
func propertyEngines() throws -> [SLAEngine] {
    let office = try newYorkOffice(holidays: [
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-07-03", "2026-09-07",
        "2026-11-26", "2026-12-25",
    ])
    let around = try allDay("America/New_York")
    let warnings = [try fraction(1, 2), try fraction(3, 4), .one]
    func target(_ kind: SLATargetKind, _ hours: Int64, _ calendar: String) throws -> SLATarget {
        try SLATarget(
            kind: kind, duration: .seconds(hours * 3600), calendar: calendar,
            warningThresholds: warnings)
    }
    let targets: [TicketPriority: [SLATarget]] = [
        "P1": [
            try target(.firstResponse, 1, "24x7"), try target(.nextResponse, 4, "24x7"),
            try target(.resolution, 8, "24x7"),
        ],
        "P2": [
            try target(.firstResponse, 2, "office"), try target(.nextResponse, 8, "office"),
            try target(.resolution, 16, "office"),
        ],
        "P3": [try target(.firstResponse, 8, "office"), try target(.resolution, 40, "office")],
    ]
    let pauses: [TicketStatus: Set<SLATargetKind>] = [
        .waitingOnCustomer: [.resolution, .nextResponse],
        .onHold: [.firstResponse, .nextResponse, .resolution],
    ]
    var engines: [SLAEngine] = []
    for change in SLAPolicy.PriorityChangeRule.allCases {
        for reopen in SLAPolicy.ReopenRule.allCases {
            for atResolution in [false, true] {
                let policy = try SLAPolicy(
                    targets: targets, pauses: pauses,
                    options: .init(
                        priorityChange: change, reopen: reopen,
                        firstResponseAtResolution: atResolution))
                engines.append(
                    try SLAEngine(policy: policy, calendars: ["office": office, "24x7": around]))
            }
        }
    }
    return engines
}

/// A random valid timeline: creation somewhere in February to October 2026, then up to
/// `maximumEvents` events at non-decreasing instants (ties allowed, except that two lifecycle
/// events never share an instant).
func randomTimeline(_ random: inout SplitMix64, maximumEvents: Int = 10) -> [TicketEvent] {
    let priorities: [TicketPriority] = ["P1", "P2", "P3"]
    let statuses: [TicketStatus] = [.open, .waitingOnCustomer, .onHold, "in progress"]
    let february: Int64 = 1_769_904_000_000  // 2026-02-01T00:00:00Z
    var time = february + random.int64(in: 0...(240 * 86_400_000))
    var events = [
        TicketEvent(
            .created(priority: random.element(of: priorities)),
            at: Date(timeIntervalSince1970: Double(time) / 1000))
    ]
    var state = TicketState.open
    var lastLifecycle = time
    for _ in 0..<random.int(in: 0...maximumEvents) {
        let choice = random.int(in: 0...9)
        let lifecycle = choice >= 7
        time += random.chance(1, in: 5) ? 0 : random.int64(in: 1...(36 * 3_600_000))
        if lifecycle && time == lastLifecycle { time += 60_000 }
        let kind: TicketEvent.Kind
        switch choice {
        case 0, 1: kind = .statusChanged(to: random.element(of: statuses))
        case 2: kind = .priorityChanged(to: random.element(of: priorities))
        case 3...6: kind = .publicReply
        default:
            switch state {
            case .open:
                kind = random.chance(3, in: 4) ? .resolved : .closed
                state = kind == .resolved ? .resolved : .closed
            case .resolved:
                kind = random.chance(1, in: 2) ? .reopened : .closed
                state = kind == .reopened ? .open : .closed
            case .closed:
                kind = .reopened
                state = .open
            }
        }
        if lifecycle { lastLifecycle = time }
        events.append(TicketEvent(kind, at: Date(timeIntervalSince1970: Double(time) / 1000)))
    }
    return events
}

@Suite struct SLAPropertyTests {
    @Test func eventOrderDoesNotChangeTheEvaluation() throws {
        let engines = try propertyEngines()
        try checkProperty(seed: 0x51A_0001) { random in
            let sla = random.element(of: engines)
            let events = randomTimeline(&random)
            let last = events.map(\.instant).max() ?? events[0].instant
            let asOf = last.addingTimeInterval(Double(random.int(in: 0...86_400)))
            let sorted = try sla.evaluate(events, asOf: asOf)
            let shuffled = try sla.evaluate(events.shuffled(using: &random), asOf: asOf)
            let reversed = try sla.evaluate(events.reversed(), asOf: asOf)
            let same = sorted == shuffled && sorted == reversed
            return ("\(events) asOf \(asOf)", same ? nil : "order changed the evaluation")
        }
    }

    @Test func elapsedPlusRemainingIsTheTargetWhileRunning() throws {
        let engines = try propertyEngines()
        try checkProperty(seed: 0x51A_0002) { random in
            let sla = random.element(of: engines)
            let events = randomTimeline(&random)
            let first = events[0].instant
            let last = events.map(\.instant).max() ?? first
            let span = max(1, Int(last.timeIntervalSince(first)) + 86_400)
            let asOf = first.addingTimeInterval(Double(random.int(in: 0...span)))
            let result = try sla.evaluate(events, asOf: asOf)
            for target in result.targets {
                switch target.status {
                case .running:
                    guard target.elapsed + target.remaining == target.target else {
                        return ("\(events) asOf \(asOf)", "\(target.kind): elapsed + remaining")
                    }
                    guard let deadline = target.deadline, deadline >= asOf else {
                        return ("\(events) asOf \(asOf)", "\(target.kind): deadline before asOf")
                    }
                case .breached:
                    guard target.remaining == .zero, target.breachInstant != nil else {
                        return ("\(events) asOf \(asOf)", "\(target.kind): breached inconsistently")
                    }
                case .paused:
                    guard target.elapsed <= target.target, target.pausedBy != nil else {
                        return ("\(events) asOf \(asOf)", "\(target.kind): paused inconsistently")
                    }
                default:
                    break
                }
            }
            return ("", nil)
        }
    }

    @Test func availabilityIsAlwaysWithinZeroAndOneHundred() throws {
        let objective = try AvailabilityObjective(
            objective: try Percentage(parsing: "99.9"), timeZone: "America/New_York")
        let period = try objective.period(year: 2026, month: 3)
        let low = period.startMilliseconds - 86_400_000
        let width = period.endMilliseconds - period.startMilliseconds + 2 * 86_400_000
        func interval(_ random: inout SplitMix64, longest: Int64) throws -> DateRange {
            let start = low + random.int64(in: 0...width)
            return try DateRange(
                startMilliseconds: start,
                endMilliseconds: start + random.int64(in: 0...longest))
        }
        try checkProperty(seed: 0x51A_0003) { random in
            var outages: [Outage] = []
            for _ in 0..<random.int(in: 0...20) {
                outages.append(
                    Outage(
                        range: try interval(&random, longest: 20 * 86_400_000),
                        kind: random.chance(1, in: 3) ? .unknown : .down))
            }
            var maintenance: [DateRange] = []
            for _ in 0..<random.int(in: 0...5) {
                maintenance.append(try interval(&random, longest: 10 * 86_400_000))
            }
            let report = try objective.measure(
                period: period, outages: outages, maintenance: maintenance)
            let hundred = Rational(100)
            let inRange = { (value: Rational) in !value.isNegative && !(hundred < value) }
            let figures = [report.strictAvailability, report.availabilityExcludingUnknown]
            let consistent =
                figures.allSatisfy(inRange)
                && report.downtime + report.unknownTime <= report.measuredTime
                && !(report.availabilityExcludingUnknown < report.strictAvailability)
            return ("\(outages) \(maintenance)", consistent ? nil : "figure outside 0...100")
        }
    }

    @Test func manyOutagesMergeAsFewDo() throws {
        // A month with thousands of short outages takes the radix-sorted path; a 60-day
        // period around it (too long to pack) takes the comparison-sorted path. Outages
        // inside the month give the same downtime and intervals either way, and the same as
        // the union computed outage by outage.
        let objective = try AvailabilityObjective(
            objective: try Percentage(parsing: "99.9"), timeZone: "UTC")
        let month = try objective.period(year: 2026, month: 3)
        let wide = try DateRange(
            startMilliseconds: month.startMilliseconds - 15 * 86_400_000,
            endMilliseconds: month.endMilliseconds + 15 * 86_400_000)
        let span = month.endMilliseconds - month.startMilliseconds
        try checkProperty(seed: 0x51A_0004, cases: 20) { random in
            var outages: [Outage] = []
            for _ in 0..<random.int(in: 4096...12_000) {
                let start = month.startMilliseconds + random.int64(in: 0...(span - 1))
                let end = min(start + random.int64(in: 1...600_000), month.endMilliseconds)
                let range = try DateRange(startMilliseconds: start, endMilliseconds: end)
                outages.append(Outage(range: range, kind: .down))
            }
            let packed = try objective.measure(period: month, outages: outages)
            let general = try objective.measure(period: wide, outages: outages)
            let same =
                packed.downtime == general.downtime
                && packed.downtimeIntervals == general.downtimeIntervals
                && packed.downtimeIntervals == DateRange.union(outages.map(\.range))
            return ("\(outages.count) outages", same ? nil : "radix and comparison paths differ")
        }
    }
}
