import Foundation
import MSPCore
import MSPMonitoring
import Testing

private func sortedJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// The JSON shapes of the parts of a rule and its state that the other tests do not write:
/// window aggregation, confirmation by duration, alerting no-data actions, transitions,
/// statuses and maintenance schedules.
@Suite struct CodableShapeTests {
    @Test func windowAggregationAndDurationConfirmationHaveTheirShape() throws {
        let rule = try ThresholdRule(
            comparison: .lessThan, critical: 5, criticalRecovery: 10,
            aggregation: .window(milliseconds: 300_000, .maximum),
            confirmation: .duration(milliseconds: 120_000), keepFiringMilliseconds: 60_000,
            noData: .init(silenceMilliseconds: 600_000, action: .alert(.critical)))
        let json = try sortedJSON(rule)
        #expect(json.contains(#""aggregation":{"function":"maximum","windowMilliseconds":300000}"#))
        #expect(json.contains(#""confirmation":{"milliseconds":120000}"#))
        #expect(json.contains(#""noData":{"action":"critical","silenceMilliseconds":600000}"#))
        #expect(try JSONDecoder().decode(ThresholdRule.self, from: Data(json.utf8)) == rule)
    }

    @Test func anUnknownNoDataActionIsRefused() {
        let json =
            #"{"comparison": ">", "critical": 80, "noData": {"silenceMilliseconds": 1000, "action": "page"}}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ThresholdRule.self, from: Data(json.utf8))
        }
    }

    @Test func transitionsRoundTripWithTheirPhases() throws {
        let transitions = [
            RuleTransition(milliseconds: 1_000, from: .ok, to: .pending(.warning), value: 71.5),
            RuleTransition(
                milliseconds: 2_000, from: .pending(.warning), to: .firing(.critical), value: 90),
            RuleTransition(milliseconds: 3_000, from: .firing(.critical), to: .unknown, value: nil),
        ]
        let json = try sortedJSON(transitions[2])
        #expect(
            json
                == #"{"from":{"phase":"firing","severity":"critical"},"milliseconds":3000,"to":{"phase":"unknown"}}"#
        )
        let data = try JSONEncoder().encode(transitions)
        #expect(try JSONDecoder().decode([RuleTransition].self, from: data) == transitions)
        #expect(transitions[2].description == "@3000 firing(critical) -> unknown (silence)")
    }

    @Test func anUnknownPhaseIsRefused() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RuleStatus.self, from: Data(#"{"phase": "snoozed"}"#.utf8))
        }
    }

    /// The Nagios plugin convention: 0 ok, 1 warning, 2 critical, 3 unknown; pending is not
    /// yet a problem, so it reports ok.
    @Test(arguments: [
        (RuleStatus.ok, CheckStatus.ok, 0),
        (.pending(.critical), .ok, 0),
        (.firing(.warning), .warning, 1),
        (.firing(.critical), .critical, 2),
        (.unknown, .unknown, 3),
    ])
    func statusesMapToPluginExitCodes(_ status: RuleStatus, _ check: CheckStatus, _ code: Int) {
        #expect(status.checkStatus == check)
        #expect(check.exitCode == code)
    }

    @Test func aStateReportsItsHysteresisLevel() throws {
        let rule = try ThresholdRule(
            comparison: .greaterThan, warning: 70, critical: 80, warningRecovery: 60,
            criticalRecovery: 70)
        var state = ThresholdRuleState()
        #expect(state.hysteresisLevel == nil)
        // 75 fails the warning level only; 85 fails the critical level too.
        state = try rule.evaluate(state, sample: MetricSample(value: 75, milliseconds: 0)).state
        #expect(state.hysteresisLevel == .warning)
        state = try rule.evaluate(state, sample: MetricSample(value: 85, milliseconds: 1)).state
        #expect(state.hysteresisLevel == .critical)
    }

    @Test func maintenanceSchedulesRoundTrip() throws {
        let range = try DateRange(
            startMilliseconds: 1_767_225_600_000, endMilliseconds: 1_767_229_200_000)
        let sunday = try BusinessCalendar(
            timeZone: "Europe/London",
            weeklyHours: [.sunday: [try BusinessCalendar.Span("02:00", "04:00")]])
        let schedule = MaintenanceSchedule(ranges: [range], weekly: sunday)
        let decoded = try JSONDecoder().decode(
            MaintenanceSchedule.self, from: JSONEncoder().encode(schedule))
        #expect(decoded == schedule)
        let empty = try JSONDecoder().decode(MaintenanceSchedule.self, from: Data("{}".utf8))
        #expect(empty == MaintenanceSchedule())
    }

    @Test func aWeeklyScheduleOverTooLongARangeIsAnError() throws {
        let sunday = try BusinessCalendar(
            timeZone: "Europe/London",
            weeklyHours: [.sunday: [try BusinessCalendar.Span("02:00", "04:00")]])
        // 100 years exceed the calendar horizon of 18,300 days.
        let century = try DateRange(
            startMilliseconds: 1_767_225_600_000,
            endMilliseconds: 1_767_225_600_000 + 36_525 * 86_400_000)
        let error = #expect(throws: MonitoringError.self) {
            try MaintenanceSchedule(weekly: sunday).windows(in: century)
        }
        #expect(error?.code == .invalidCalendar)
    }
}
