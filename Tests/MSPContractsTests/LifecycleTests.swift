import MSPCore
import Testing

@testable import MSPContracts

/// `"state term end"` of a status.
private func describe(_ status: AgreementStatus) -> String {
    "\(status.state.rawValue) \(status.termIndex.map(String.init) ?? "-") "
        + (status.endDate?.description ?? "-")
}

@Suite struct LifecycleTests {
    @Test func tacitAgreementRenewsWithoutNotice() throws {
        let agreement = try threeYearsThenYearly()
        let life = try agreement.lifecycle(events: [AgreementEvent(.signed, on: day("2025-02-20"))])
        #expect(describe(try life.status(on: day("2025-02-19"))) == "draft - -")
        // Signed but not started yet: still a draft.
        #expect(describe(try life.status(on: day("2025-03-14"))) == "draft - -")
        #expect(describe(try life.status(on: day("2025-03-15"))) == "active 0 -")
        #expect(describe(try life.status(on: day("2028-03-14"))) == "active 0 -")
        #expect(describe(try life.status(on: day("2028-03-15"))) == "renewed 1 -")
        #expect(describe(try life.status(on: day("2031-03-15"))) == "renewed 4 -")
        #expect(life.endDate == nil)
    }

    @Test func noticeOnTheDeadlineEndsTheCurrentTerm() throws {
        let agreement = try threeYearsThenYearly()
        let life = try agreement.lifecycle(events: [
            AgreementEvent(.noticeGiven(by: .customer), on: day("2027-12-15")),
            AgreementEvent(.signed, on: day("2025-02-20")),
        ])
        // The deadline of term 0 is 2027-12-15, inclusive: the agreement ends with term 0.
        #expect(describe(try life.status(on: day("2027-12-14"))) == "active 0 2028-03-15")
        #expect(describe(try life.status(on: day("2027-12-15"))) == "inNoticePeriod 0 2028-03-15")
        #expect(describe(try life.status(on: day("2028-03-14"))) == "inNoticePeriod 0 2028-03-15")
        #expect(describe(try life.status(on: day("2028-03-15"))) == "expired - 2028-03-15")
        #expect(life.endReason == .expired)
    }

    @Test func noticeOneDayAfterTheDeadlineRenewsOnceMore() throws {
        let agreement = try threeYearsThenYearly()
        let life = try agreement.lifecycle(events: [
            AgreementEvent(.signed, on: day("2025-02-20")),
            AgreementEvent(.noticeGiven(by: .provider), on: day("2027-12-16")),
        ])
        // 2027-12-16 is after term 0's deadline (2027-12-15), so the agreement renews for
        // term 1 (2028-03-15..<2029-03-15) and ends after it.
        #expect(describe(try life.status(on: day("2027-12-16"))) == "inNoticePeriod 0 2029-03-15")
        #expect(describe(try life.status(on: day("2028-03-15"))) == "inNoticePeriod 1 2029-03-15")
        #expect(describe(try life.status(on: day("2029-03-14"))) == "inNoticePeriod 1 2029-03-15")
        #expect(describe(try life.status(on: day("2029-03-15"))) == "expired - 2029-03-15")
    }

    @Test func expressRenewalNotRenewedExpires() throws {
        let agreement = try makeAgreement(
            start: "2025-01-01", initialTermMonths: 12, renewal: .express(months: 12),
            notice: .days(0))
        let life = try agreement.lifecycle(events: [AgreementEvent(.signed, on: day("2024-12-10"))])
        #expect(describe(try life.status(on: day("2025-12-31"))) == "active 0 2026-01-01")
        #expect(describe(try life.status(on: day("2026-01-01"))) == "expired - 2026-01-01")
        #expect(life.endReason == .expired)
    }

    @Test func expressRenewalGrantedAddsOneTerm() throws {
        let agreement = try makeAgreement(
            start: "2025-01-01", initialTermMonths: 12, renewal: .express(months: 12),
            notice: .days(0))
        let life = try agreement.lifecycle(events: [
            AgreementEvent(.signed, on: day("2024-12-10")),
            AgreementEvent(.renewed, on: day("2025-11-20")),
        ])
        #expect(describe(try life.status(on: day("2026-01-01"))) == "renewed 1 2027-01-01")
        #expect(describe(try life.status(on: day("2027-01-01"))) == "expired - 2027-01-01")
    }

    @Test func terminationAndCancellation() throws {
        let agreement = try threeYearsThenYearly()
        let terminated = try agreement.lifecycle(events: [
            AgreementEvent(.signed, on: day("2025-02-20")),
            AgreementEvent(.terminated(.cause), on: day("2026-06-01")),
        ])
        #expect(describe(try terminated.status(on: day("2026-05-31"))) == "active 0 2026-06-01")
        #expect(describe(try terminated.status(on: day("2026-06-01"))) == "terminated - 2026-06-01")
        #expect(terminated.endReason == .terminatedForCause)

        let cancelled = try agreement.lifecycle(events: [
            AgreementEvent(.signed, on: day("2025-02-20")),
            AgreementEvent(.cancelled, on: day("2025-03-01")),
        ])
        #expect(describe(try cancelled.status(on: day("2025-02-28"))) == "draft - 2025-03-01")
        #expect(describe(try cancelled.status(on: day("2025-03-20"))) == "terminated - 2025-03-01")
        #expect(cancelled.serviceEndDate == (try day("2025-03-15")))
    }

    @Test func anUnsignedAgreementStaysADraft() throws {
        let agreement = try makeAgreement(
            start: "2025-01-01", initialTermMonths: 12, renewal: .none, notice: .days(0))
        let life = try agreement.lifecycle(events: [])
        #expect(describe(try life.status(on: day("2030-01-01"))) == "draft - -")
    }

    @Test func statusAtAnInstantUsesTheAgreementsTimeZone() throws {
        let agreement = try makeAgreement(
            start: "2025-03-15", initialTermMonths: 36, renewal: .tacit(months: 12),
            notice: .months(3), timeZone: "America/New_York")
        let life = try agreement.lifecycle(events: [AgreementEvent(.signed, on: day("2025-03-01"))])
        // 2025-03-15T03:00Z is 2025-03-14 23:00 in New York (EDT, -04:00): not started yet.
        #expect(try life.status(at: instant("2025-03-15T03:00:00Z")).state == .draft)
        #expect(try life.status(at: instant("2025-03-15T04:00:00Z")).state == .active)
    }

    // MARK: Impossible sequences

    @Test func noticeAfterExpiryIsAnError() throws {
        let agreement = try threeYearsThenYearly()
        let notice = AgreementEvent(.noticeGiven(by: .customer), on: try day("2028-04-01"))
        #expect(
            throws: ContractError.impossibleSequence(
                index: 2, event: notice, reason: "the agreement expired on 2028-03-15")
        ) {
            try agreement.lifecycle(events: [
                AgreementEvent(.signed, on: day("2025-02-20")),
                AgreementEvent(.noticeGiven(by: .provider), on: day("2027-12-01")),
                notice,
            ])
        }
    }

    @Test func renewalOfATerminatedAgreementIsAnError() throws {
        let agreement = try makeAgreement(
            start: "2025-01-01", initialTermMonths: 12, renewal: .express(months: 12),
            notice: .days(0))
        let renewal = AgreementEvent(.renewed, on: try day("2025-07-01"))
        #expect(
            throws: ContractError.impossibleSequence(
                index: 2, event: renewal,
                reason: "the agreement ended (terminatedForConvenience) on 2025-06-01")
        ) {
            try agreement.lifecycle(events: [
                AgreementEvent(.signed, on: day("2024-12-10")),
                AgreementEvent(.terminated(.convenience), on: day("2025-06-01")),
                renewal,
            ])
        }
    }

    @Test func otherImpossibleSequences() throws {
        let tacit = try threeYearsThenYearly()
        let early = AgreementEvent(.noticeGiven(by: .customer), on: try day("2025-01-01"))
        let error = #expect(throws: ContractError.self) {
            try tacit.lifecycle(events: [early, AgreementEvent(.signed, on: day("2025-02-01"))])
        }
        #expect(error?.code == .impossibleSequence)
        #expect(error?.field == "events[0]")

        let renewal = AgreementEvent(.renewed, on: try day("2026-01-01"))
        #expect(
            throws: ContractError.impossibleSequence(
                index: 1, event: renewal,
                reason: "only express-renewal agreements are renewed by an event")
        ) {
            try tacit.lifecycle(events: [AgreementEvent(.signed, on: day("2025-02-01")), renewal])
        }

        let twice = AgreementEvent(.signed, on: try day("2025-02-02"))
        #expect(
            throws: ContractError.impossibleSequence(
                index: 1, event: twice, reason: "the agreement is already signed")
        ) {
            try tacit.lifecycle(events: [AgreementEvent(.signed, on: day("2025-02-01")), twice])
        }

        let lateCancel = AgreementEvent(.cancelled, on: try day("2025-03-15"))
        #expect(
            throws: ContractError.impossibleSequence(
                index: 1, event: lateCancel,
                reason: "the agreement started on 2025-03-15; terminate instead")
        ) {
            try tacit.lifecycle(events: [
                AgreementEvent(.signed, on: day("2025-02-01")), lateCancel,
            ])
        }
    }
}

@Suite struct LifecycleCheckedFeeTests {
    /// 12-month express agreement from 2025-01-01 at 1,000.00 a month, remainder-of-term fee.
    private func express() throws -> Agreement {
        try makeAgreement(
            start: "2025-01-01", initialTermMonths: 12, renewal: .express(months: 12),
            notice: .days(0))
    }

    private func terms() throws -> EarlyTerminationTerms {
        try EarlyTerminationTerms(rule: .remainderOfTerm, monthlyCharge: usd("1000.00"))
    }

    @Test func aTermThatWasNeverGrantedHasNoFee() throws {
        let life = try express().lifecycle(events: [AgreementEvent(.signed, on: day("2024-12-10"))])
        // 2026-03-01 lies in the projected second term, but the renewal was never granted:
        // the agreement expired on 2026-01-01, so there is nothing to terminate.
        let expired = try day("2026-02-28")
        #expect(
            throws: ContractError.notInForce(expired, state: "expired", field: "date")
        ) {
            try life.earlyTerminationFee(terminatingOn: day("2026-03-01"), terms: terms())
        }
        // The projected timeline alone would have charged 10 months (the gap this closes).
        let projected = try express().earlyTerminationFee(
            terminatingOn: day("2026-03-01"), terms: terms())
        #expect(projected.amount == (try usd("10000.00")))
    }

    @Test func aGrantedRenewalIsPricedLikeTheTimeline() throws {
        let life = try express().lifecycle(events: [
            AgreementEvent(.signed, on: day("2024-12-10")),
            AgreementEvent(.renewed, on: day("2025-11-20")),
        ])
        // Terminating on 2026-03-01: March 2026 .. December 2026 not begun, 10 × 1,000.00.
        let fee = try life.earlyTerminationFee(terminatingOn: day("2026-03-01"), terms: terms())
        #expect(fee.termIndex == 1)
        #expect(fee.amount == (try usd("10000.00")))
        // In the initial term both agree: 2025-06-01 leaves June..December, 7 × 1,000.00.
        let initial = try life.earlyTerminationFee(terminatingOn: day("2025-06-01"), terms: terms())
        #expect(initial.amount == (try usd("7000.00")))
    }

    @Test func anUnsignedAgreementHasNoFee() throws {
        let life = try express().lifecycle(events: [])
        let error = #expect(throws: ContractError.self) {
            try life.earlyTerminationFee(terminatingOn: day("2025-06-01"), terms: terms())
        }
        #expect(error?.code == .notInForce)
    }
}
