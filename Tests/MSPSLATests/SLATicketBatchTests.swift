import Foundation
import MSPCore
import MSPSLA
import MSPTestSupport
import Testing

@Suite struct SLATicketBatchTests {
    @Test func batchAgreesWithSingleTicketEvaluation() throws {
        let engines = try propertyEngines()
        var random = SplitMix64(seed: 0xBA7C4)
        for sla in engines {
            var batch = sla.makeBatch()
            var timelines: [[TicketEvent]] = []
            for _ in 0..<1_250 {
                let events = randomTimeline(&random)
                timelines.append(events)
                try sla.append(events.shuffled(using: &random), to: &batch)
            }
            #expect(batch.count == 1_250)
            let asOf = try instant("2026-10-15T12:00:00Z")
            var results: [SLAClockSummary] = []
            try sla.evaluate(batch, asOf: asOf, into: &results)
            for (ticket, events) in timelines.enumerated() {
                let single = try sla.evaluate(events, asOf: asOf)
                for kind in SLATargetKind.allCases {
                    let summary = results[ticket * 3 + kind.index]
                    guard let target = single[kind], target.status != .notStarted else {
                        #expect(summary.status == .notStarted)
                        continue
                    }
                    #expect(summary.status == target.status)
                    #expect(.milliseconds(summary.elapsedMilliseconds) == target.elapsed)
                    #expect(.milliseconds(summary.remainingMilliseconds) == target.remaining)
                    #expect(summary.deadlineMilliseconds.map(date) == target.deadline)
                    #expect(
                        summary.nextWarningMilliseconds.map(date) == target.nextWarning?.instant)
                }
            }
        }
    }

    @Test func batchErrors() throws {
        let engines = try propertyEngines()
        var batch = engines[0].makeBatch()
        #expect(throws: SLAError.missingCreation()) {
            try engines[0].append([try event(.publicReply, "2026-03-09T10:00:00Z")], to: &batch)
        }
        #expect(batch.count == 0)
        let other = try engine([(.resolution, hours(1))], calendar: try newYorkOffice())
        let error = #expect(throws: SLAError.self) {
            try other.append([try created("2026-03-09T10:00:00Z")], to: &batch)
        }
        #expect(error?.field == "batch")
    }
}

/// The `Date` of a millisecond count.
private func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
}
