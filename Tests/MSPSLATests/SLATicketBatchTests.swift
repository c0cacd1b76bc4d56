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

    @Test func singleCalendarBatchAgreesToo() throws {
        // An engine whose targets all count on one calendar takes the batch's
        // single-calendar path.
        let office = try newYorkOffice(holidays: ["2026-05-25", "2026-07-03"])
        var targets: [TicketPriority: [SLATarget]] = [:]
        for (priority, scale) in [("P1", Int64(1)), ("P2", 2), ("P3", 4)] {
            targets[TicketPriority(rawValue: priority)] = try [
                (SLATargetKind.firstResponse, 1), (.nextResponse, 4), (.resolution, 8),
            ].map {
                try SLATarget(
                    kind: $0.0, duration: hours($0.1 * scale), calendar: "office",
                    warningThresholds: [try fraction(1, 2)])
            }
        }
        let sla = try SLAEngine(
            policy: try SLAPolicy(
                targets: targets, pauses: [.waitingOnCustomer: [.resolution, .nextResponse]]),
            calendars: ["office": office])
        var random = SplitMix64(seed: 0x51_9C1E)
        var batch = sla.makeBatch()
        var timelines: [[TicketEvent]] = []
        for _ in 0..<2_000 {
            let events = randomTimeline(&random)
            timelines.append(events)
            try sla.append(events, to: &batch)
        }
        let asOf = try instant("2026-10-15T12:00:00Z")
        var results: [SLAClockSummary] = []
        try sla.evaluate(batch, asOf: asOf, into: &results)
        var mismatches = 0
        for (ticket, events) in timelines.enumerated() {
            let single = try sla.evaluate(events, asOf: asOf)
            for kind in SLATargetKind.allCases {
                let summary = results[ticket * 3 + kind.index]
                guard let target = single[kind], target.status != .notStarted else { continue }
                if summary.status != target.status
                    || .milliseconds(summary.elapsedMilliseconds) != target.elapsed
                    || summary.deadlineMilliseconds.map(date) != target.deadline
                    || summary.nextWarningMilliseconds.map(date) != target.nextWarning?.instant
                {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
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
