import Foundation
import MSPMonitoring
import Testing

@Suite struct ThresholdRuleTests {
    // MARK: Confirmation

    @Test func confirmAfterThreeConsecutiveFailures() throws {
        // cpu > 80 critical, confirmed on the 3rd consecutive failing sample (Nagios
        // max_check_attempts 3). One sample a minute:
        //   t(min)  0    1    2    3    4    5    6    7
        //   value   85   90   70   85   86   87   88   50
        //   count   1    2    -    1    2    3    -    -
        //   status  P    P    ok   P    P    F    F    ok
        // The 70 at minute 2 breaks the run, so the count starts again at minute 3.
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80, confirmation: .consecutive(3))
        let values: [Double] = [85, 90, 70, 85, 86, 87, 88, 50]
        let run = try feed(
            rule, values.enumerated().map { (Int64($0.offset) * minute, $0.element) })
        #expect(
            run.statuses == [
                .pending(.critical), .pending(.critical), .ok, .pending(.critical),
                .pending(.critical), .firing(.critical), .firing(.critical), .ok,
            ])
        #expect(
            outline(run.transitions) == [
                transition(0, .ok, .pending(.critical)),
                transition(2 * minute, .pending(.critical), .ok),
                transition(3 * minute, .ok, .pending(.critical)),
                transition(5 * minute, .pending(.critical), .firing(.critical)),
                transition(7 * minute, .firing(.critical), .ok),
            ])
        #expect(run.transitions.map(\.value) == [85, 70, 85, 87, 50])
    }

    @Test func confirmCountOfOneFiresImmediately() throws {
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80, confirmation: .consecutive(1))
        let run = try feed(rule, [(0, 81)])
        #expect(outline(run.transitions) == [transition(0, .ok, .firing(.critical))])
    }

    @Test func forFiveMinutes() throws {
        // cpu > 80 for 5 minutes (Prometheus `for: 5m`), one sample a minute:
        //   t(min)  0    1    2    3    4    5
        //   value   85   85   85   85   85   85
        //   status  P    P    P    P    P    F      (5 - 0 >= 5 at minute 5)
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80,
            confirmation: .duration(milliseconds: 5 * minute))
        let run = try feed(rule, (0...5).map { (Int64($0) * minute, 85) })
        #expect(
            outline(run.transitions) == [
                transition(0, .ok, .pending(.critical)),
                transition(5 * minute, .pending(.critical), .firing(.critical)),
            ])
    }

    @Test func forTimerRestartsAfterAHealthySample() throws {
        //   t(min)  0    1    2    3 ... 6    7
        //   value   85   70   85   85    85   85
        //   status  P    ok   P    P     P    F     (pending since 2; 7 - 2 >= 5)
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80,
            confirmation: .duration(milliseconds: 5 * minute))
        let values: [Double] = [85, 70, 85, 85, 85, 85, 85, 85]
        let run = try feed(
            rule, values.enumerated().map { (Int64($0.offset) * minute, $0.element) })
        #expect(
            outline(run.transitions) == [
                transition(0, .ok, .pending(.critical)),
                transition(minute, .pending(.critical), .ok),
                transition(2 * minute, .ok, .pending(.critical)),
                transition(7 * minute, .pending(.critical), .firing(.critical)),
            ])
    }

    @Test func snapshotRestoredMidForContinuesExactly() throws {
        // The same `for: 5m` run, saved as JSON after minute 3 and restored: it still fires
        // at minute 5, not at minute 8 (a restart does not reset the timer).
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80,
            confirmation: .duration(milliseconds: 5 * minute))
        let before = try feed(rule, (0...3).map { (Int64($0) * minute, 85) })
        let data = try JSONEncoder().encode(before.state)
        let restored = try JSONDecoder().decode(ThresholdRuleState.self, from: data)
        #expect(restored == before.state)
        let after = try feed(rule, (4...5).map { (Int64($0) * minute, 85) }, from: restored)
        #expect(
            outline(after.transitions) == [
                transition(5 * minute, .pending(.critical), .firing(.critical))
            ])
    }

    // MARK: Hysteresis

    @Test func hysteresisEightySeventy() throws {
        // > 80 critical, recovers only when no longer > 70:
        //   i       0    1    2    3    4    5    6    7    8
        //   value   75   81   75   71   70   69   75   80   81
        //   status  ok   F    F    F    ok   ok   ok   ok   F
        // 75 and 71 still fail "> 70"; 70 does not. 75 and 80 do not fail "> 80" again.
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80, criticalRecovery: 70)
        let values: [Double] = [75, 81, 75, 71, 70, 69, 75, 80, 81]
        let run = try feed(rule, values.enumerated().map { (Int64($0.offset), $0.element) })
        #expect(
            outline(run.transitions) == [
                transition(1, .ok, .firing(.critical)),
                transition(4, .firing(.critical), .ok),
                transition(8, .ok, .firing(.critical)),
            ])
    }

    @Test func hysteresisWithBothLevels() throws {
        // warning > 70 (recovers at 60), critical > 80 (recovers at 75):
        //   value   72      82       77       74      65      60
        //   status  F(w)    F(c)     F(c)     F(w)    F(w)    ok
        // 77 > 75 holds critical; 74 no longer does but fails warning; 65 > 60 holds warning.
        let rule = try ThresholdRule(
            comparison: .greaterThan, warning: 70, critical: 80, warningRecovery: 60,
            criticalRecovery: 75)
        let values: [Double] = [72, 82, 77, 74, 65, 60]
        let run = try feed(rule, values.enumerated().map { (Int64($0.offset), $0.element) })
        #expect(
            run.statuses == [
                .firing(.warning), .firing(.critical), .firing(.critical), .firing(.warning),
                .firing(.warning), .ok,
            ])
    }

    @Test func lowerIsWorseMirrorsTheLevels() throws {
        // free disk < 10 % critical, recovers at 15 %, <= comparison:
        //   value   12   10   14   15   16
        //   status  ok   F    F    F    ok     (10 <= 10 fires; 14 <= 15 and 15 <= 15 hold)
        // With "<=" the recovery test is "value <= 15", so 15 still fails and 16 clears.
        let rule = try ThresholdRule(
            comparison: .lessThanOrEqual, critical: 10, criticalRecovery: 15)
        let values: [Double] = [12, 10, 14, 15, 16]
        let run = try feed(rule, values.enumerated().map { (Int64($0.offset), $0.element) })
        #expect(
            run.statuses == [.ok, .firing(.critical), .firing(.critical), .firing(.critical), .ok])
    }

    // MARK: Keep firing for

    @Test func keepFiringForTwoMinutes() throws {
        // > 80, keep firing for 2 minutes after the value recovers:
        //   t(min)  0    1    2    3
        //   value   90   50   50   50
        //   status  F    F    F    ok     (recovering since 1; 3 - 1 >= 2)
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80, keepFiringMilliseconds: 2 * minute)
        let run = try feed(rule, [(0, 90), (minute, 50), (2 * minute, 50), (3 * minute, 50)])
        #expect(
            outline(run.transitions) == [
                transition(0, .ok, .firing(.critical)),
                transition(3 * minute, .firing(.critical), .ok),
            ])
    }

    @Test func keepFiringRestartsWhenTheProblemReturns() throws {
        //   t(min)  0    1    2    3    4    5
        //   value   90   50   90   50   50   50
        //   status  F    F    F    F    F    ok    (recovering since 3; 5 - 3 >= 2)
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80, keepFiringMilliseconds: 2 * minute)
        let values: [Double] = [90, 50, 90, 50, 50, 50]
        let run = try feed(
            rule, values.enumerated().map { (Int64($0.offset) * minute, $0.element) })
        #expect(
            outline(run.transitions) == [
                transition(0, .ok, .firing(.critical)),
                transition(5 * minute, .firing(.critical), .ok),
            ])
    }

    // MARK: Aggregation

    @Test func meanOfTheLastThreeSamples() throws {
        // > 80 on the mean of the last 3 samples:
        //   value   90   90   60   90   90
        //   mean    90   90   80   80   80     ((90+60+90)/3 = 80, which is not > 80)
        //   status  F    F    ok   ok   ok
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80, aggregation: .lastSamples(3, .mean))
        let values: [Double] = [90, 90, 60, 90, 90]
        let run = try feed(rule, values.enumerated().map { (Int64($0.offset), $0.element) })
        #expect(run.statuses == [.firing(.critical), .firing(.critical), .ok, .ok, .ok])
        #expect(run.transitions.map(\.value) == [90, 80])
    }

    @Test func minimumOverAFiveMinuteWindow() throws {
        // > 80 on the minimum over (t - 5 min, t]: only a sustained high value fires.
        //   t(min)  0    2    4    6    8
        //   value   90   70   90   90   90
        //   window  {0}  {0,2} {0,2,4} {2,4,6} {4,6,8}
        //   min     90   70   70   70   90
        //   status  F    ok   ok   ok   F
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80,
            aggregation: .window(milliseconds: 5 * minute, .minimum))
        let run = try feed(
            rule, [(0, 90), (2 * minute, 70), (4 * minute, 90), (6 * minute, 90), (8 * minute, 90)]
        )
        #expect(run.statuses == [.firing(.critical), .ok, .ok, .ok, .firing(.critical)])
    }

    // MARK: No data

    @Test func silenceGoesUnknown() throws {
        // > 80, unknown after 5 minutes without a sample:
        //   t(min)  0     1     (silence from 1 + 5 = 6)   10
        //   value   90    90                               50
        //   status  F     F     unknown at 6               ok
        let policy = try ThresholdRule.NoDataPolicy(
            silenceMilliseconds: 5 * minute, action: .unknown)
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80, noData: policy)
        let run = try feed(rule, [(0, 90), (minute, 90), (10 * minute, 50)])
        #expect(
            outline(run.transitions) == [
                transition(0, .ok, .firing(.critical)),
                transition(6 * minute, .firing(.critical), .unknown),
                transition(10 * minute, .unknown, .ok),
            ])
        #expect(run.transitions[1].value == nil)
    }

    @Test func silenceCheckWithoutASample() throws {
        // A tick exactly 5 minutes after the last sample is not yet a silence; one
        // millisecond later it is, and the change is dated at last + 5 minutes.
        let policy = try ThresholdRule.NoDataPolicy(
            silenceMilliseconds: 5 * minute, action: .unknown)
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80, noData: policy)
        let state = try feed(rule, [(0, 50)]).state
        let onTime = try rule.evaluate(state, silenceCheckAt: 5 * minute)
        #expect(onTime.transitions.isEmpty)
        let late = try rule.evaluate(state, silenceCheckAt: 5 * minute + 1)
        #expect(outline(late.transitions) == [transition(5 * minute, .ok, .unknown)])
        // A second tick changes nothing more, and a sample resumes from unknown.
        let again = try rule.evaluate(late.state, silenceCheckAt: 9 * minute)
        #expect(again.transitions.isEmpty)
        let resumed = try feed(rule, [(10 * minute, 90)], from: again.state)
        #expect(
            outline(resumed.transitions) == [transition(10 * minute, .unknown, .firing(.critical))])
    }

    @Test func silenceRaisesAnAlert() throws {
        // No data for 5 minutes is itself critical; the next healthy sample resolves it.
        //   t(min)  0     (silence from 5)        7
        //   value   50                            50
        //   status  ok    firing(critical) at 5   ok
        let policy = try ThresholdRule.NoDataPolicy(
            silenceMilliseconds: 5 * minute, action: .alert(.critical))
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80, noData: policy)
        let run = try feed(rule, [(0, 50), (7 * minute, 50)])
        #expect(
            outline(run.transitions) == [
                transition(5 * minute, .ok, .firing(.critical)),
                transition(7 * minute, .firing(.critical), .ok),
            ])
    }

    @Test func silenceKeepsTheLastState() throws {
        let policy = try ThresholdRule.NoDataPolicy(
            silenceMilliseconds: 5 * minute, action: .keepLastState)
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80, noData: policy)
        let run = try feed(rule, [(0, 90), (60 * minute, 90)])
        #expect(outline(run.transitions) == [transition(0, .ok, .firing(.critical))])
        #expect(run.state.status == .firing(.critical))
    }

    // MARK: Batch

    @Test func batchMatchesTheHandWorkedConfirmSequence() throws {
        let rule = try ThresholdRule(
            comparison: .greaterThan, critical: 80, confirmation: .consecutive(3))
        let values: [Double] = [85, 90, 70, 85, 86, 87, 88, 50]
        let instants = values.indices.map { Int64($0) * minute }
        let batch = try rule.evaluate(
            values: values, instants: instants, from: ThresholdRuleState())
        let single = try feed(rule, Array(zip(instants, values)))
        #expect(batch.transitions == single.transitions)
        #expect(batch.state == single.state)
        #expect(batch.transitions.count == 5)
    }

    // MARK: Bad input

    @Test func warningOnTheWrongSideOfCritical() {
        #expect(throws: MonitoringError.warningBeyondCritical(warning: 90, critical: 80)) {
            try ThresholdRule(comparison: .greaterThan, warning: 90, critical: 80)
        }
        #expect(throws: MonitoringError.warningBeyondCritical(warning: 80, critical: 80)) {
            try ThresholdRule(comparison: .greaterThanOrEqual, warning: 80, critical: 80)
        }
        #expect(throws: MonitoringError.warningBeyondCritical(warning: 5, critical: 10)) {
            try ThresholdRule(comparison: .lessThan, warning: 5, critical: 10)
        }
    }

    @Test func recoveryLevelThatDoesNotFormHysteresis() {
        #expect(
            throws: MonitoringError.recoveryNotHysteresis(
                field: "criticalRecovery", recovery: 85, trigger: 80)
        ) {
            try ThresholdRule(comparison: .greaterThan, critical: 80, criticalRecovery: 85)
        }
        #expect(
            throws: MonitoringError.recoveryNotHysteresis(
                field: "criticalRecovery", recovery: 80, trigger: 80)
        ) {
            try ThresholdRule(comparison: .greaterThan, critical: 80, criticalRecovery: 80)
        }
        #expect(
            throws: MonitoringError.recoveryNotHysteresis(
                field: "warningRecovery", recovery: 5, trigger: 10)
        ) {
            try ThresholdRule(comparison: .lessThan, warning: 10, warningRecovery: 5)
        }
        let error = #expect(throws: MonitoringError.self) {
            try ThresholdRule(comparison: .greaterThan, critical: 80, warningRecovery: 60)
        }
        #expect(error?.code == .recoveryNotHysteresis)
        #expect(error?.field == "warningRecovery")
    }

    @Test func confirmCountZero() {
        #expect(
            throws: MonitoringError.invalidCount(0, field: "confirmation.consecutive", minimum: 1)
        ) {
            try ThresholdRule(comparison: .greaterThan, critical: 80, confirmation: .consecutive(0))
        }
        #expect(
            throws: MonitoringError.invalidCount(0, field: "aggregation.samples", minimum: 1)
        ) {
            try ThresholdRule(
                comparison: .greaterThan, critical: 80, aggregation: .lastSamples(0, .mean))
        }
    }

    @Test func missingLevelsAndNegativeDurations() {
        #expect(throws: MonitoringError.missingLevel()) {
            try ThresholdRule(comparison: .greaterThan)
        }
        #expect(
            throws: MonitoringError.invalidDuration(
                -1, field: "keepFiringMilliseconds", minimum: 0)
        ) {
            try ThresholdRule(comparison: .greaterThan, critical: 1, keepFiringMilliseconds: -1)
        }
        #expect(
            throws: MonitoringError.invalidDuration(
                0, field: "noData.silenceMilliseconds", minimum: 1)
        ) {
            try ThresholdRule.NoDataPolicy(silenceMilliseconds: 0, action: .unknown)
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteValues(_ value: Double) throws {
        #expect(throws: MonitoringError.nonFiniteValue(value, field: "value")) {
            try MetricSample(value: value, milliseconds: 0)
        }
        #expect(throws: MonitoringError.nonFiniteValue(value, field: "critical")) {
            try ThresholdRule(comparison: .greaterThan, critical: value)
        }
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80)
        #expect(throws: MonitoringError.nonFiniteValue(value, field: "values[2]")) {
            try rule.evaluate(
                values: [1, 2, value, 4], instants: [0, 1, 2, 3], from: ThresholdRuleState())
        }
    }

    @Test func outOfOrderAndMismatchedBatches() throws {
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80)
        #expect(throws: MonitoringError.outOfOrder(5, previous: 10, field: "instants[2]")) {
            try rule.evaluate(values: [1, 2, 3], instants: [0, 10, 5], from: ThresholdRuleState())
        }
        // The first invalid sample in order wins, as when feeding one by one.
        #expect(throws: MonitoringError.nonFiniteValue(.nan, field: "values[1]")) {
            try rule.evaluate(
                values: [1, .nan, 3], instants: [0, 10, 5], from: ThresholdRuleState())
        }
        #expect(
            throws: MonitoringError.lengthMismatch(field: "instants", expected: 2, actual: 1)
        ) {
            try rule.evaluate(values: [1, 2], instants: [0], from: ThresholdRuleState())
        }
        #expect(
            throws: MonitoringError.instantOutOfRange(.max, field: "instants[1]")
        ) {
            try rule.evaluate(values: [1, 2], instants: [0, .max], from: ThresholdRuleState())
        }
        let state = try feed(rule, [(100, 50)]).state
        #expect(throws: MonitoringError.outOfOrder(99, previous: 100, field: "milliseconds")) {
            try rule.evaluate(state, sample: MetricSample(value: 1, milliseconds: 99))
        }
    }

    @Test func invalidSamplesInsideLongQuietRunsAreFound() throws {
        // 100 healthy samples (the batch loop checks them 32 at a time): one instant out of
        // order at index 50, or one NaN at index 70, is reported with its index.
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80)
        let values = Array(repeating: 10.0, count: 100)
        var instants = (0..<Int64(100)).map { $0 * 1_000 }
        instants[50] = 48_500
        #expect(
            throws: MonitoringError.outOfOrder(48_500, previous: 49_000, field: "instants[50]")
        ) {
            try rule.evaluate(values: values, instants: instants, from: ThresholdRuleState())
        }
        for infinite in [Double.infinity, -.infinity] {
            var extreme = values
            extreme[40] = infinite
            #expect(throws: MonitoringError.nonFiniteValue(infinite, field: "values[40]")) {
                try rule.evaluate(
                    values: extreme, instants: (0..<Int64(100)).map { $0 * 1_000 },
                    from: ThresholdRuleState())
            }
        }
        var poisoned = values
        poisoned[70] = .nan
        #expect(throws: MonitoringError.nonFiniteValue(.nan, field: "values[70]")) {
            try rule.evaluate(
                values: poisoned, startMilliseconds: 0, intervalMilliseconds: 1_000,
                from: ThresholdRuleState())
        }
    }

    @Test func regularSeriesBadInput() throws {
        let rule = try ThresholdRule(comparison: .greaterThan, critical: 80)
        #expect(
            throws: MonitoringError.invalidDuration(0, field: "intervalMilliseconds", minimum: 1)
        ) {
            try rule.evaluate(
                values: [1], startMilliseconds: 0, intervalMilliseconds: 0,
                from: ThresholdRuleState())
        }
        // 1,000 samples 10^12 ms (about 31.7 years) apart from 1970 end in year ~33,600.
        #expect(
            throws: MonitoringError.instantOutOfRange(
                999_000_000_000_000, field: "intervalMilliseconds")
        ) {
            try rule.evaluate(
                values: Array(repeating: 1, count: 1_000), startMilliseconds: 0,
                intervalMilliseconds: 1_000_000_000_000, from: ThresholdRuleState())
        }
        #expect(
            throws: MonitoringError.invalidDuration(
                .max, field: "intervalMilliseconds", minimum: 1)
        ) {
            try rule.evaluate(
                values: [1, 2], startMilliseconds: 0, intervalMilliseconds: .max,
                from: ThresholdRuleState())
        }
        #expect(throws: MonitoringError.nonFiniteValue(.infinity, field: "values[1]")) {
            try rule.evaluate(
                values: [1, .infinity], startMilliseconds: 0, intervalMilliseconds: 10,
                from: ThresholdRuleState())
        }
    }

    // MARK: Codable

    @Test func ruleRoundTripsThroughItsDocumentedJSON() throws {
        let json = """
            {"comparison": ">", "warning": 70, "critical": 80, "warningRecovery": 60,
             "criticalRecovery": 70, "aggregation": {"function": "mean", "samples": 5},
             "confirmation": {"consecutive": 3}, "keepFiringMilliseconds": 60000,
             "noData": {"silenceMilliseconds": 600000, "action": "critical"}}
            """
        let rule = try JSONDecoder().decode(ThresholdRule.self, from: Data(json.utf8))
        let expected = try ThresholdRule(
            comparison: .greaterThan, warning: 70, critical: 80, warningRecovery: 60,
            criticalRecovery: 70, aggregation: .lastSamples(5, .mean),
            confirmation: .consecutive(3), keepFiringMilliseconds: 60_000,
            noData: .init(silenceMilliseconds: 600_000, action: .alert(.critical)))
        #expect(rule == expected)
        let again = try JSONDecoder().decode(
            ThresholdRule.self, from: JSONEncoder().encode(rule))
        #expect(again == rule)
        let sample = #"{"value": 85.5, "milliseconds": 1767225600000}"#
        #expect(
            try JSONDecoder().decode(MetricSample.self, from: Data(sample.utf8))
                == MetricSample(value: 85.5, milliseconds: 1_767_225_600_000))
        let late = #"{"value": 1, "milliseconds": 9223372036854775807}"#
        #expect(
            throws: MonitoringError.instantOutOfRange(.max, field: "milliseconds")
        ) {
            try JSONDecoder().decode(MetricSample.self, from: Data(late.utf8))
        }
        let bad = #"{"comparison": ">", "warning": 90, "critical": 80}"#
        #expect(throws: MonitoringError.warningBeyondCritical(warning: 90, critical: 80)) {
            try JSONDecoder().decode(ThresholdRule.self, from: Data(bad.utf8))
        }
    }
}
