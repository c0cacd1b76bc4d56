import Foundation
import MSPCore
import Testing

@testable import MSPContracts

@Suite struct ScheduleTests {
    private func noticeGivenLifecycle() throws -> AgreementLifecycle {
        // Notice on 2027-12-01 (before the 2027-12-15 deadline): ends 2028-03-15.
        try threeYearsThenYearly().lifecycle(events: [
            AgreementEvent(.signed, on: day("2025-02-20")),
            AgreementEvent(.noticeGiven(by: .customer), on: day("2027-12-01")),
        ])
    }

    @Test func billablePeriodsStopAtTheEndWithStableKeys() throws {
        let life = try noticeGivenLifecycle()
        let cycle = try BillingCycle.monthly(
            anchoredAt: day("2025-03-15"), timeZoneIdentifier: "UTC")
        let range = try DateRange(
            start: instant("2027-12-20T00:00:00Z"), end: instant("2028-06-01T00:00:00Z"))
        let periods = try life.billablePeriods(overlapping: range, cycle: cycle)
        // Service ends 2028-03-15, so the last period is 2028-02-15..<2028-03-15.
        #expect(
            periods.map(\.idempotencyKey) == [
                "5:AGR-1|2027-12-15|2028-01-15",
                "5:AGR-1|2028-01-15|2028-02-15",
                "5:AGR-1|2028-02-15|2028-03-15",
            ])
        #expect(periods.allSatisfy { $0.isWholePeriod })
        // Asking for an overlapping range again gives the same key for the same period.
        let again = try life.billablePeriods(
            overlapping: DateRange(
                start: instant("2028-01-20T00:00:00Z"), end: instant("2028-01-21T00:00:00Z")),
            cycle: cycle)
        #expect(again.map(\.idempotencyKey) == ["5:AGR-1|2028-01-15|2028-02-15"])
    }

    @Test func aTerminationMidPeriodCoversPartOfIt() throws {
        let life = try threeYearsThenYearly().lifecycle(events: [
            AgreementEvent(.signed, on: day("2025-02-20")),
            AgreementEvent(.terminated(.convenience), on: day("2025-05-01")),
        ])
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC")
        let range = try DateRange(
            start: instant("2025-01-01T00:00:00Z"), end: instant("2026-01-01T00:00:00Z"))
        let periods = try life.billablePeriods(overlapping: range, cycle: cycle)
        // In force 2025-03-15..<2025-05-01: March (from the 15th) and April (whole).
        #expect(
            periods.map(\.idempotencyKey) == [
                "5:AGR-1|2025-03-01|2025-04-01", "5:AGR-1|2025-04-01|2025-05-01",
            ])
        #expect(
            periods[0].serviceRange
                == (try DateRange(
                    start: instant("2025-03-15T00:00:00Z"), end: instant("2025-04-01T00:00:00Z"))))
        #expect(!periods[0].isWholePeriod)
        #expect(periods[1].isWholePeriod)
    }

    @Test func idempotencyKeysAreUnambiguous() throws {
        // An ID containing the separator cannot collide with another ID thanks to the
        // length prefix.
        let a = BillablePeriod.idempotencyKey(
            agreement: try AgreementID("A|2025-01-01"), startDate: try day("2025-02-01"),
            endDate: try day("2025-03-01"))
        #expect(a == "12:A|2025-01-01|2025-02-01|2025-03-01")
    }

    @Test func remindersOfATacitAgreement() throws {
        let escalation = try PriceEscalation(
            method: .fixed(Percentage(3)), compounding: true, rounding: .halfEven)
        let life = try threeYearsThenYearly(escalation: escalation).lifecycle(events: [
            AgreementEvent(.signed, on: day("2025-02-20"))
        ])
        // 2027-11-20 + 30 days = 2027-12-20: the deadline 2027-12-15 is due.
        #expect(
            describe(try life.reminders(on: day("2027-11-20"), withinDays: 30)) == [
                "2027-12-15 noticeDeadline 0"
            ])
        // 2028-02-20 + 30 days = 2028-03-21: the renewal and third anniversary on 03-15.
        #expect(
            describe(try life.reminders(on: day("2028-02-20"), withinDays: 30)) == [
                "2028-03-15 renewal 1", "2028-03-15 escalation 3",
            ])
        // The window is inclusive: 2027-12-15 is exactly 25 days after 2027-11-20.
        #expect(try life.reminders(on: day("2027-11-20"), withinDays: 25).count == 1)
        #expect(try life.reminders(on: day("2027-11-20"), withinDays: 24).isEmpty)
    }

    @Test func remindersAfterNoticeShowTheExpiry() throws {
        let life = try noticeGivenLifecycle()
        #expect(
            describe(try life.reminders(on: day("2028-02-20"), withinDays: 30)) == [
                "2028-03-15 expiry 0"
            ])
        #expect(try life.reminders(on: day("2028-03-15"), withinDays: 30).isEmpty)
        #expect(throws: ContractError.outOfRange(-1, field: "days", allowed: 0...36_500)) {
            try life.reminders(on: day("2028-02-20"), withinDays: -1)
        }
    }

    @Test func aSuccessorMustNotOverlapItsPredecessor() throws {
        let predecessor = try noticeGivenLifecycle()
        let overlapping = try makeAgreement(
            start: "2028-03-01", initialTermMonths: 12, renewal: .none, notice: .days(0),
            id: "AGR-2")
        let predecessorEnd = try day("2028-03-15")
        #expect(
            throws: ContractError.overlappingSuccessor(
                successorStart: overlapping.startDate, predecessorEnd: predecessorEnd)
        ) {
            try predecessor.checkSuccessor(overlapping)
        }
        let following = try makeAgreement(
            start: "2028-03-15", initialTermMonths: 12, renewal: .none, notice: .days(0),
            id: "AGR-2")
        try predecessor.checkSuccessor(following)
        // Without notice a tacit agreement never ends: any successor overlaps.
        let open = try threeYearsThenYearly().lifecycle(events: [
            AgreementEvent(.signed, on: day("2025-02-20"))
        ])
        #expect(
            throws: ContractError.overlappingSuccessor(
                successorStart: following.startDate, predecessorEnd: nil)
        ) {
            try open.checkSuccessor(following)
        }
    }

    @Test func expressAndUnsignedAgreementsRemindOnlyOfWhatWillHappen() throws {
        let express = try makeAgreement(
            start: "2025-01-01", initialTermMonths: 12, renewal: .express(months: 12),
            notice: .days(0))
        let signed = try express.lifecycle(events: [AgreementEvent(.signed, on: day("2024-12-10"))])
        // Not renewed: the agreement expires on 2026-01-01; the projected renewal that day
        // will not happen, so only the expiry is due.
        #expect(
            describe(try signed.reminders(on: day("2025-12-15"), withinDays: 30)) == [
                "2026-01-01 expiry 0"
            ])
        let unsigned = try express.lifecycle(events: [])
        #expect(try unsigned.reminders(on: day("2025-12-15"), withinDays: 30).isEmpty)
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC")
        let range = try DateRange(
            start: instant("2025-01-01T00:00:00Z"), end: instant("2025-03-01T00:00:00Z"))
        #expect(try unsigned.billablePeriods(overlapping: range, cycle: cycle).isEmpty)
        #expect(try signed.billablePeriods(overlapping: range, cycle: cycle).count == 2)
    }
}
