import MSPCore
import Testing

@testable import MSPContracts

@Suite struct ValidationTests {
    @Test func automaticRenewalWithoutATermIsAnError() {
        #expect(throws: ContractError.missingRenewalTerm(kind: .tacit)) {
            try RenewalPolicy(kind: .tacit, termMonths: nil)
        }
        #expect(throws: ContractError.missingRenewalTerm(kind: .express)) {
            try RenewalPolicy(kind: .express, termMonths: nil)
        }
        #expect(throws: ContractError.unexpectedRenewalTerm(12)) {
            try RenewalPolicy(kind: .none, termMonths: 12)
        }
        #expect(throws: ContractError.outOfRange(0, field: "renewal.termMonths", allowed: 1...1200))
        {
            try RenewalPolicy.tacit(months: 0)
        }
    }

    @Test func noticeLongerThanTheTermIsAnError() throws {
        let twelveMonths = try NoticePeriod.months(12)
        #expect(
            throws: ContractError.noticeLongerThanTerm(
                notice: twelveMonths, termMonths: 12, field: "initial term")
        ) {
            try makeAgreement(
                start: "2025-01-01", initialTermMonths: 12, renewal: .none, notice: twelveMonths)
        }
        // Three months' notice fits the 36-month initial term but not 3-month renewals.
        let three = try NoticePeriod.months(3)
        #expect(
            throws: ContractError.noticeLongerThanTerm(
                notice: three, termMonths: 3, field: "renewal term")
        ) {
            try makeAgreement(
                start: "2025-01-01", initialTermMonths: 36, renewal: .tacit(months: 3),
                notice: three)
        }
        // In days: fewer than 28 x months; 28 days do not fit a one-month term.
        let days = try NoticePeriod.days(28)
        #expect(
            throws: ContractError.noticeLongerThanTerm(
                notice: days, termMonths: 1, field: "initial term")
        ) {
            try makeAgreement(
                start: "2025-01-01", initialTermMonths: 1, renewal: .tacit(months: 1), notice: days)
        }
    }

    @Test func otherAgreementFacts() throws {
        #expect(throws: ContractError.outOfRange(0, field: "initialTermMonths", allowed: 1...1200))
        {
            try makeAgreement(
                start: "2025-01-01", initialTermMonths: 0, renewal: .none, notice: .days(0))
        }
        #expect(throws: ContractError.minimumTermLongerThanTerm(minimum: 13, initial: 12)) {
            try makeAgreement(
                start: "2025-01-01", initialTermMonths: 12, renewal: .none, notice: .days(0),
                minimumTermMonths: 13)
        }
        #expect(throws: ContractError.unknownTimeZone("Mars/Olympus")) {
            try makeAgreement(
                start: "2025-01-01", initialTermMonths: 12, renewal: .none, notice: .days(0),
                timeZone: "Mars/Olympus")
        }
        #expect(
            throws: ContractError.dateOutOfRange(
                "9999-06-01 + 12 months", field: "initialTermMonths")
        ) {
            try makeAgreement(
                start: "9999-06-01", initialTermMonths: 12, renewal: .none, notice: .days(0))
        }
        #expect(
            throws: ContractError.outOfRange(
                36_501, field: "noticePeriod.amount", allowed: 0...36_500)
        ) {
            try NoticePeriod.days(36_501)
        }
    }

    @Test func assignmentsMustBeginOnTheStartDate() throws {
        let start = try day("2025-03-15")
        let early = try day("2025-03-01")
        #expect(throws: ContractError.beforeStart(early, start: start, field: "pricePlans[0]")) {
            try Agreement(
                id: AgreementID("AGR-1"), customer: CustomerID("ACME"), type: .coManaged,
                startDate: start, initialTermMonths: 12, renewal: .none, noticePeriod: .days(0),
                timeZoneIdentifier: "UTC",
                pricePlans: DatedAssignments(PricePlanID("gold"), from: early),
                slaPolicies: DatedAssignments(SLAPolicyID("sla"), from: start))
        }
        #expect(
            throws: ContractError.invalidAssignments(
                field: "assignments[1]", value: "2025-03-15",
                reason: "effective dates must strictly increase (after 2025-03-15)")
        ) {
            try DatedAssignments([
                .init(effective: start, value: PricePlanID("gold")),
                .init(effective: start, value: PricePlanID("silver")),
            ])
        }
    }

    @Test func datedAssignmentsAnswerByDate() throws {
        let plans = try DatedAssignments([
            .init(effective: day("2025-03-15"), value: PricePlanID("gold")),
            .init(effective: day("2026-01-01"), value: PricePlanID("platinum")),
        ])
        #expect(plans.value(on: try day("2025-03-14")) == nil)
        #expect(plans.value(on: try day("2025-12-31")) == (try PricePlanID("gold")))
        #expect(plans.value(on: try day("2026-01-01")) == (try PricePlanID("platinum")))
    }
}
