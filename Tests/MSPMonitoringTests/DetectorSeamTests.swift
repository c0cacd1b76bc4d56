import Foundation
import MSPCore
import MSPMonitoring
import Testing

/// A caller's own flap rule: flapping while the last two results differ.
private struct AlternationDetector: FlapDetector {
    struct State: Sendable, Hashable, Codable {
        var last: CheckStatus
        var flapping: Bool
    }

    func initialState(status: CheckStatus) -> State { State(last: status, flapping: false) }

    func record(_ status: CheckStatus, in state: inout State) -> FlapEvaluation {
        let flapping = status != state.last
        let changed = flapping != state.flapping
        state = State(last: status, flapping: flapping)
        return FlapEvaluation(
            percentStateChange: flapping ? 100 : 0, isFlapping: flapping, changed: changed)
    }
}

/// The seams a caller extends (a flap rule of their own) and the JSON of patch records,
/// patch policies and the built-in flap detectors.
@Suite struct DetectorSeamTests {
    /// ok, critical, ok, ok, ok: the results differ at 1 and 2 (flapping starts at 1), agree
    /// at 3 (flapping stops at 3), and agree at 4 (nothing changes).
    @Test func aCallersDetectorGetsTheBatchForFree() {
        let detector = AlternationDetector()
        let statuses: [CheckStatus] = [.ok, .critical, .ok, .ok, .ok]
        let batch = detector.record(statuses, from: detector.initialState(status: .ok))
        #expect(
            batch.changes == [
                FlapChange(index: 1, started: true, percentStateChange: 100),
                FlapChange(index: 3, started: false, percentStateChange: 0),
            ])
        #expect(batch.state == AlternationDetector.State(last: .ok, flapping: false))
    }

    @Test func builtInDetectorsRoundTripAndRevalidate() throws {
        let nagios = try NagiosFlapDetector(lowThreshold: 15, highThreshold: 35)
        let icinga = try IcingaFlapDetector(lowThreshold: 20, highThreshold: 40)
        #expect(
            try JSONDecoder().decode(NagiosFlapDetector.self, from: JSONEncoder().encode(nagios))
                == nagios)
        #expect(
            try JSONDecoder().decode(IcingaFlapDetector.self, from: JSONEncoder().encode(icinga))
                == icinga)
        let inverted = Data(#"{"lowThreshold": 40, "highThreshold": 20}"#.utf8)
        #expect(throws: MonitoringError.self) {
            try JSONDecoder().decode(NagiosFlapDetector.self, from: inverted)
        }
        #expect(throws: MonitoringError.self) {
            try JSONDecoder().decode(IcingaFlapDetector.self, from: inverted)
        }
    }

    @Test func patchRecordsAndPoliciesRoundTrip() throws {
        let released: Int64 = 1_767_225_600_000
        let records = [
            try PatchRecord(
                device: DeviceID("pc-1"), releasedAt: released, installedAt: released + 3_600_000,
                critical: true),
            try PatchRecord(
                device: DeviceID("pc-2"), releasedAt: released, installedAt: nil, critical: false),
        ]
        let data = try JSONEncoder().encode(records)
        #expect(try JSONDecoder().decode([PatchRecord].self, from: data) == records)
        let policy = try PatchCompliancePolicy(maximumAgeDays: 14)
        #expect(
            try JSONDecoder().decode(
                PatchCompliancePolicy.self, from: JSONEncoder().encode(policy)) == policy)
        let early = Data(
            #"{"device": "pc-1", "releasedAt": 1767225600000, "installedAt": 1767225599999, "critical": true}"#
                .utf8)
        let error = #expect(throws: MonitoringError.self) {
            try JSONDecoder().decode(PatchRecord.self, from: early)
        }
        #expect(error?.code == .endBeforeStart)
    }
}
