import Foundation
import MSPCore
import MSPSLA
import Testing

@Suite struct SLAErrorTests {
    @Test func unknownPriorityIsRejected() throws {
        let sla = try engine([(.resolution, hours(4))], calendar: try newYorkOffice())
        #expect(throws: SLAError.unknownPriority("P9")) {
            try sla.evaluate(
                [try created("2026-03-09T09:00:00-04:00", "P9")],
                asOf: try instant("2026-03-09T10:00:00-04:00"))
        }
        #expect(throws: SLAError.unknownPriority("P7")) {
            try sla.evaluate(
                [
                    try created("2026-03-09T09:00:00-04:00"),
                    try event(.priorityChanged(to: "P7"), "2026-03-09T09:30:00-04:00"),
                ], asOf: try instant("2026-03-09T10:00:00-04:00"))
        }
        let policy = try SLAPolicy(targets: [
            "P1": [try SLATarget(kind: .resolution, duration: hours(1), calendar: "x")]
        ])
        #expect(throws: SLAError.unknownPriority("P2")) {
            try policy.target(.resolution, for: "P2")
        }
    }

    @Test func negativeTargetIsRejected() {
        #expect(throws: SLAError.negativeTarget(.seconds(-1), kind: .resolution)) {
            try SLATarget(kind: .resolution, duration: .seconds(-1), calendar: "office")
        }
    }

    @Test(arguments: [(0, 1), (-1, 2), (3, 2), (101, 100)])
    func thresholdOutsideZeroOneIsRejected(_ numerator: Int64, _ denominator: Int64) throws {
        let threshold = try fraction(numerator, denominator)
        #expect(throws: SLAError.invalidThreshold(threshold)) {
            try SLATarget(
                kind: .firstResponse, duration: hours(1), calendar: "office",
                warningThresholds: [threshold])
        }
    }

    @Test func thresholdOfOneIsAccepted() throws {
        let target = try SLATarget(
            kind: .firstResponse, duration: hours(1), calendar: "office",
            warningThresholds: [.one, try fraction(1, 2), .one])
        #expect(target.warningThresholds == [try fraction(1, 2), .one])
    }

    @Test func policyErrors() throws {
        #expect(throws: SLAError.emptyPolicy()) { try SLAPolicy(targets: [:]) }
        let target = try SLATarget(kind: .resolution, duration: hours(1), calendar: "office")
        #expect(throws: SLAError.duplicateTarget(.resolution, priority: "P1")) {
            try SLAPolicy(targets: ["P1": [target, target]])
        }
        let policy = try SLAPolicy(targets: ["P1": [target]])
        #expect(throws: SLAError.unknownCalendar("office")) {
            try SLAEngine(policy: policy, calendars: [:])
        }
    }

    @Test func timelineErrors() throws {
        let sla = try engine([(.resolution, hours(4))], calendar: try newYorkOffice())
        let asOf = try instant("2026-03-10T10:00:00-04:00")
        // A resolve of a ticket that was never created.
        #expect(throws: SLAError.missingCreation()) {
            try sla.evaluate([try event(.resolved, "2026-03-09T10:00:00-04:00")], asOf: asOf)
        }
        let error = #expect(throws: SLAError.self) {
            try sla.evaluate(
                [
                    try created("2026-03-09T09:00:00-04:00"),
                    try event(.publicReply, "2026-03-09T08:59:00-04:00"),
                ], asOf: asOf)
        }
        #expect(error?.code == .eventBeforeCreation)
        #expect(error?.value == "2026-03-09T12:59:00.000Z")
        #expect(throws: SLAError.duplicateCreation(try instant("2026-03-09T10:00:00-04:00"))) {
            try sla.evaluate(
                [
                    try created("2026-03-09T09:00:00-04:00"),
                    try created("2026-03-09T10:00:00-04:00"),
                ],
                asOf: asOf)
        }
        let reopenOpen = #expect(throws: SLAError.self) {
            try sla.evaluate(
                [
                    try created("2026-03-09T09:00:00-04:00"),
                    try event(.reopened, "2026-03-09T10:00:00-04:00"),
                ],
                asOf: asOf)
        }
        #expect(reopenOpen?.code == .invalidTransition)
        let twiceResolved = #expect(throws: SLAError.self) {
            try sla.evaluate(
                [
                    try created("2026-03-09T09:00:00-04:00"),
                    try event(.resolved, "2026-03-09T10:00:00-04:00"),
                    try event(.resolved, "2026-03-09T11:00:00-04:00"),
                ], asOf: asOf)
        }
        #expect(twiceResolved?.code == .invalidTransition)
        let early = #expect(throws: SLAError.self) {
            try sla.evaluate(
                [try created("2026-03-09T09:00:00-04:00")],
                asOf: try instant("2026-03-09T08:00:00-04:00"))
        }
        #expect(early?.code == .asOfBeforeCreation)
    }

    @Test func instantOutsideTheCompiledHorizonIsACalendarError() throws {
        let sla = try engine([(.resolution, hours(4))], calendar: try newYorkOffice())
        let error = #expect(throws: SLAError.self) {
            try sla.evaluate(
                [try created("2025-12-31T09:00:00-05:00")],
                asOf: try instant("2026-01-02T09:00:00-05:00"))
        }
        #expect(error?.code == .calendar)
        // Created 2025-12-31 09:00 EST (14:00Z), before the compiled horizon.
        #expect(error?.value == "2025-12-31T14:00:00.000Z")
    }
}

@Suite struct SLATargetLimitTests {
    @Test func targetOverAHundredYearsIsRejected() {
        let error = #expect(throws: SLAError.self) {
            try SLATarget(kind: .resolution, duration: .seconds(Int64.max / 2), calendar: "x")
        }
        #expect(error?.code == .targetTooLong)
    }

    @Test func pausingStatusIsReported() throws {
        let sla = try engine(
            [(.resolution, hours(4))], calendar: try newYorkOffice(),
            pauses: [.onHold: [.resolution]])
        let asOf = try instant("2026-03-09T12:00:00-04:00")
        let held = try sla.evaluate(
            [
                try created("2026-03-09T09:00:00-04:00"),
                try event(.statusChanged(to: .onHold), "2026-03-09T10:00:00-04:00"),
            ], asOf: asOf)
        #expect(held.pausingStatus == .onHold)
        let working = try sla.evaluate(
            [
                try created("2026-03-09T09:00:00-04:00"),
                try event(.statusChanged(to: "in progress"), "2026-03-09T10:00:00-04:00"),
            ], asOf: asOf)
        #expect(working.pausingStatus == nil)
        #expect(working[.resolution]?.elapsed == hours(3))
    }
}
