import Foundation
import MSPMonitoring
import MSPTestSupport
import Testing

/// Six alternations from ok (crit, ok, crit, ok, crit, ok), then `steady` results of ok.
private func alternatingThenSteady(_ steady: Int) -> [CheckStatus] {
    [.critical, .ok, .critical, .ok, .critical, .ok] + Array(repeating: .ok, count: steady)
}

@Suite struct FlapDetectionTests {
    @Test func nagiosHandComputedSequence() throws {
        // Nagios, low 20, high 30. A change at position i (0 oldest ... 19 newest) weighs
        // (57 + 2i)/76; percent = 5·S/76 with S = Σ(57 + 2i).
        // Alternations 1...6 put changes at 19; 18,19; 17...19; ... 14...19:
        //   S = 95, 188, 279, 368, 455, 540 -> percent 475/76 = 6.25, 12.37, 18.36, 24.21,
        //   29.93 (< 30: not yet), 2700/76 = 35.53 (>= 30: starts at result 6).
        // Each steady ok moves the six changes one position older: S = 540 - 12k while the
        // oldest stays at position >= 0 (k <= 14). At k = 15 the oldest drops out:
        //   positions 0...4 -> S = 57+59+61+63+65 = 305 -> 20.07 (> 20: held);
        //   k = 16: positions 0...3 -> S = 240 -> 15.79 (<= 20: stops at result 22).
        let detector = try NagiosFlapDetector(lowThreshold: 20, highThreshold: 30)
        var state = detector.initialState(status: .ok)
        var percents: [Double] = []
        var flapping: [Bool] = []
        for status in alternatingThenSteady(16) {
            let evaluation = detector.record(status, in: &state)
            percents.append(evaluation.percentStateChange)
            flapping.append(evaluation.isFlapping)
        }
        let sums: [Int] =
            [95, 188, 279, 368, 455, 540] + (1...14).map { 540 - 12 * $0 } + [305, 240]
        #expect(percents == sums.map { Double(5 * $0) / 76 })
        #expect(
            flapping == Array(repeating: false, count: 5) + Array(repeating: true, count: 16)
                + [false])
        let batch = detector.record(
            alternatingThenSteady(16), from: detector.initialState(status: .ok))
        #expect(batch.changes.map(\.index) == [5, 21])
        #expect(batch.changes.map(\.started) == [true, false])
        #expect(batch.state == state)
    }

    @Test func icingaHandComputedSequence() throws {
        // Icinga 2, low 25, high 30. A change flag at position i weighs 0.8 + 0.02·i;
        // value = S/10 with S = Σ(40 + i).
        //   S = 59, 117, 174, 230, 285, 339 -> 5.9, 11.7, 17.4, 23.0, 28.5, 33.9 (> 30:
        //   starts at result 6).
        // Steady: S = 339 - 6k for k <= 14 (k = 14: 255 -> 25.5 > 25, held); k = 15 drops the
        // oldest: positions 0...4 -> S = 40+41+42+43+44 = 210 -> 21.0 (<= 25: stops, result 21).
        let detector = try IcingaFlapDetector(lowThreshold: 25, highThreshold: 30)
        var state = detector.initialState(status: .ok)
        var percents: [Double] = []
        var flapping: [Bool] = []
        for status in alternatingThenSteady(15) {
            let evaluation = detector.record(status, in: &state)
            percents.append(evaluation.percentStateChange)
            flapping.append(evaluation.isFlapping)
        }
        let sums: [Int] = [59, 117, 174, 230, 285, 339] + (1...14).map { 339 - 6 * $0 } + [210]
        #expect(percents == sums.map { Double($0) / 10 })
        #expect(
            flapping == Array(repeating: false, count: 5) + Array(repeating: true, count: 15)
                + [false])
    }

    /// Twenty results from ok whose changes sit at the given positions.
    private func results(changingAt positions: Set<Int>) -> [CheckStatus] {
        var status = CheckStatus.ok
        return (0..<20).map { index in
            if positions.contains(index) { status = status == .ok ? .critical : .ok }
            return status
        }
    }

    @Test func thresholdsAreInclusiveForNagiosAndStrictForIcinga() throws {
        // Nagios: changes at {0, 1, 2, 17, 18, 19}: S = 6·57 + 2·57 = 456 -> 5·456/76 = 30.0
        // exactly, which starts flapping (>= 30).
        let nagios = try NagiosFlapDetector(lowThreshold: 20, highThreshold: 30)
        let nagiosRun = nagios.record(
            results(changingAt: [0, 1, 2, 17, 18, 19]), from: nagios.initialState(status: .ok))
        #expect(nagiosRun.changes == [FlapChange(index: 19, started: true, percentStateChange: 30)])
        // Icinga: changes at {0, 1, 5, 17, 18, 19}: S = 6·40 + 60 = 300 -> 30.0 exactly, which
        // does not start flapping (> 30 is needed).
        let icinga = try IcingaFlapDetector(lowThreshold: 25, highThreshold: 30)
        var state = icinga.initialState(status: .ok)
        var last: FlapEvaluation?
        for status in results(changingAt: [0, 1, 5, 17, 18, 19]) {
            last = icinga.record(status, in: &state)
        }
        #expect(last == FlapEvaluation(percentStateChange: 30, isFlapping: false, changed: false))
    }

    @Test func everyResultChangingIsOneHundredPercent() throws {
        // 20 changes: Nagios S = 20·57 + 2·190 = 1520 -> 100; Icinga S = 800 + 190 = 990 -> 99.
        let statuses = (0..<20).map { $0 % 2 == 0 ? CheckStatus.critical : .ok }
        let nagios = try NagiosFlapDetector()
        var nagiosState = nagios.initialState(status: .ok)
        let icinga = try IcingaFlapDetector()
        var icingaState = icinga.initialState(status: .ok)
        var nagiosLast = 0.0
        var icingaLast = 0.0
        for status in statuses {
            nagiosLast = nagios.record(status, in: &nagiosState).percentStateChange
            icingaLast = icinga.record(status, in: &icingaState).percentStateChange
        }
        #expect(nagiosLast == 100)
        #expect(icingaLast == 99)
    }

    @Test func historyRoundTripsThroughJSON() throws {
        let detector = try NagiosFlapDetector()
        let run = detector.record(
            alternatingThenSteady(3), from: detector.initialState(status: .ok))
        let data = try JSONEncoder().encode(run.state)
        #expect(try JSONDecoder().decode(FlapHistory.self, from: data) == run.state)
        let bad = #"{"lastStatus": "ok", "changes": 2097152, "isFlapping": false}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(FlapHistory.self, from: Data(bad.utf8))
        }
    }

    @Test func matchesTheWeightedDefinitionOnRandomHistories() throws {
        // The popcount form equals the definition written out: Σ over changes of the weight
        // of their position, from a naive list of the last 21 statuses.
        try checkProperty(seed: 0xF1A9) { generator in
            let nagios = try NagiosFlapDetector(lowThreshold: 20, highThreshold: 30)
            let icinga = try IcingaFlapDetector(lowThreshold: 25, highThreshold: 30)
            var nagiosState = nagios.initialState(status: .ok)
            var icingaState = icinga.initialState(status: .ok)
            var history = Array(repeating: CheckStatus.ok, count: 21)
            var nagiosFlapping = false
            var icingaFlapping = false
            for _ in 0..<generator.int(in: 1...60) {
                let status = generator.element(of: CheckStatus.allCases)
                history = Array(history.dropFirst()) + [status]
                var nagiosSum = 0
                var icingaSum = 0
                for position in 0..<20 where history[position] != history[position + 1] {
                    nagiosSum += 57 + 2 * position
                    icingaSum += 40 + position
                }
                let nagiosPercent = Double(5 * nagiosSum) / 76
                if nagiosPercent >= 30 { nagiosFlapping = true }
                if nagiosPercent <= 20 { nagiosFlapping = false }
                let icingaPercent = Double(icingaSum) / 10
                icingaFlapping = icingaFlapping ? icingaPercent > 25 : icingaPercent > 30
                let a = nagios.record(status, in: &nagiosState)
                let b = icinga.record(status, in: &icingaState)
                if a.percentStateChange != nagiosPercent || a.isFlapping != nagiosFlapping
                    || b.percentStateChange != icingaPercent || b.isFlapping != icingaFlapping
                {
                    return ("\(history)", "detector disagrees with the definition")
                }
            }
            return ("", nil)
        }
    }

    @Test func batchEqualsOneByOne() throws {
        // The built-ins' batch loop keeps the count and position sum incrementally; it must
        // give the same changes and final history as recording one result at a time.
        try checkProperty(seed: 0xBA7C_F1A9) { generator in
            let start = generator.element(of: CheckStatus.allCases)
            var statuses: [CheckStatus] = []
            var status = start
            for _ in 0..<generator.int(in: 0...80) {
                if generator.chance(1, in: 3) {
                    status = generator.element(of: CheckStatus.allCases)
                }
                statuses.append(status)
            }
            let low = Double(generator.int(in: 0...40))
            let high = low + Double(generator.int(in: 0...40))
            let nagios = try NagiosFlapDetector(lowThreshold: low, highThreshold: high)
            let icinga = try IcingaFlapDetector(lowThreshold: low, highThreshold: high)
            func oneByOne<D: FlapDetector>(_ detector: D) -> (D.State, [FlapChange]) {
                var state = detector.initialState(status: start)
                var changes: [FlapChange] = []
                for (index, status) in statuses.enumerated() {
                    let evaluation = detector.record(status, in: &state)
                    if evaluation.changed {
                        changes.append(
                            FlapChange(
                                index: index, started: evaluation.isFlapping,
                                percentStateChange: evaluation.percentStateChange))
                    }
                }
                return (state, changes)
            }
            let nagiosBatch = nagios.record(statuses, from: nagios.initialState(status: start))
            let icingaBatch = icinga.record(statuses, from: icinga.initialState(status: start))
            let nagiosSingle = oneByOne(nagios)
            let icingaSingle = oneByOne(icinga)
            let input = "\(statuses) low \(low) high \(high)"
            if nagiosBatch.state != nagiosSingle.0 || nagiosBatch.changes != nagiosSingle.1 {
                return (input, "Nagios batch differs")
            }
            if icingaBatch.state != icingaSingle.0 || icingaBatch.changes != icingaSingle.1 {
                return (input, "Icinga batch differs")
            }
            return (input, nil)
        }
    }

    @Test func invalidThresholds() {
        #expect(throws: MonitoringError.invalidThresholds(low: 40, high: 30)) {
            try NagiosFlapDetector(lowThreshold: 40, highThreshold: 30)
        }
        #expect(throws: MonitoringError.invalidThresholds(low: 25, high: 130)) {
            try IcingaFlapDetector(lowThreshold: 25, highThreshold: 130)
        }
        let error = #expect(throws: MonitoringError.self) {
            try IcingaFlapDetector(lowThreshold: .nan, highThreshold: 30)
        }
        #expect(error?.code == .invalidThresholds)
    }
}
