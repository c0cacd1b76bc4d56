import Foundation
import MSPBilling
import MSPCore
import Testing

@testable import MSPContracts

/// JSON of the contract results: every output a caller stores or sends decodes back to the
/// same value, and the documents that carry rules (fee terms, index tables, lifecycles)
/// are re-validated on the way in.
@Suite struct ResultCodableTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    private func roundTrip<T: Codable & Equatable>(_ value: T) throws {
        #expect(try decode(T.self, json(value)) == value)
    }

    @Test func timelineTermsAndMilestonesRoundTrip() throws {
        let agreement = try threeYearsThenYearly()
        // 36 months from 2025-03-15 end on 2028-03-15 (exclusive); the first renewal term
        // runs 12 months to 2029-03-15.
        let initial = try agreement.term(at: 0)
        let text = try json(initial)
        #expect(text.contains(#""startDate":"2025-03-15""#))
        #expect(text.contains(#""endDate":"2028-03-15""#))
        #expect(text.contains(#""endMonth":36"#))
        try roundTrip(initial)
        let timeline = try agreement.timeline(from: day("2025-03-15"), through: day("2030-12-31"))
        #expect(timeline.terms.count == 4)
        try roundTrip(timeline)
    }

    @Test func lifecycleIsResolvedAgainFromItsFacts() throws {
        let life = try threeYearsThenYearly().lifecycle(events: [
            AgreementEvent(.signed, on: try day("2025-03-01")),
            AgreementEvent(.noticeGiven(by: .customer), on: try day("2027-12-01")),
        ])
        let text = try json(life)
        // Notice before the 2027-12-15 deadline ends the agreement at the initial term's end.
        #expect(text.contains(#""endDate":"2028-03-15""#))
        #expect(text.contains(#""endReason":"expired""#))
        #expect(text.contains(#""noticeGivenOn":"2027-12-01""#))
        let decoded = try decode(AgreementLifecycle.self, text)
        #expect(decoded == life)
        #expect(try decoded.status(on: day("2028-01-10")).state == .inNoticePeriod)

        // The derived fields are for readers: a tampered end date is not trusted.
        let tampered = text.replacingOccurrences(
            of: #""endDate":"2028-03-15""#, with: #""endDate":"2031-03-15""#)
        #expect(try decode(AgreementLifecycle.self, tampered) == life)
    }

    @Test func lifecycleWithAnImpossibleSequenceIsRejected() throws {
        let agreement = try json(try threeYearsThenYearly())
        let text = """
            {"agreement": \(agreement), "events": [
              {"date": "2025-03-01", "kind": "signed"},
              {"date": "2026-01-10", "kind": "terminated", "reason": "cause"},
              {"date": "2026-02-01", "kind": "noticeGiven", "party": "customer"}]}
            """
        let error = #expect(throws: ContractError.self) {
            try decode(AgreementLifecycle.self, text)
        }
        #expect(error?.code == .impossibleSequence)
    }

    @Test(arguments: [
        #"{"rule":"remainderOfTerm","monthlyCharge":{"amount":"1250.00","currency":"USD"},"rounding":"halfEven"}"#,
        #"{"rule":"percentageOfRemainingCommitment","percentage":"33.33","monthlyCharge":{"amount":"1250.00","currency":"USD"},"rounding":"halfUp"}"#,
        #"{"rule":"flat","fee":{"amount":"2500.00","currency":"USD"},"monthlyCharge":{"amount":"1250.00","currency":"USD"},"rounding":"halfEven"}"#,
        #"{"rule":"declining","steps":[{"throughMonth":12,"fee":{"amount":"9000.00","currency":"USD"}},{"throughMonth":24,"fee":{"amount":"4000.00","currency":"USD"}}],"monthlyCharge":{"amount":"1250.00","currency":"USD"},"rounding":"halfEven"}"#,
    ])
    func earlyTerminationTermsRoundTrip(text: String) throws {
        let terms = try decode(EarlyTerminationTerms.self, text)
        try roundTrip(terms)
    }

    @Test func earlyTerminationTermsAreRevalidated() throws {
        let rising =
            #"{"rule":"declining","steps":[{"throughMonth":12,"fee":{"amount":"10.00","currency":"USD"}},{"throughMonth":24,"fee":{"amount":"20.00","currency":"USD"}}],"monthlyCharge":{"amount":"1250.00","currency":"USD"}}"#
        let error = #expect(throws: ContractError.self) {
            try decode(EarlyTerminationTerms.self, rising)
        }
        #expect(error?.code == .invalidSchedule)
        #expect(error?.field == "declining[1]")
        #expect(throws: DecodingError.self) {
            try decode(
                EarlyTerminationTerms.self,
                #"{"rule":"halfOff","monthlyCharge":{"amount":"1.00","currency":"USD"}}"#)
        }
        // A rounding rule left out is half-even.
        let terms = try decode(
            EarlyTerminationTerms.self,
            #"{"rule":"remainderOfTerm","monthlyCharge":{"amount":"1.00","currency":"USD"}}"#)
        #expect(terms.rounding == .halfEven)
    }

    @Test func earlyTerminationFeeIsWrittenWithItsExplanation() throws {
        // The documented example: 36 months from 2025-03-15, minimum term 24, 1,250.00 a
        // month, terminating on 2026-10-20: 20 months served, 16 remain (20,000.00), and 4
        // of the minimum term unserved (5,000.00).
        let terms = try EarlyTerminationTerms(
            rule: .remainderOfTerm, monthlyCharge: usd("1250.00"))
        let fee = try threeYearsThenYearly(minimumTermMonths: 24).earlyTerminationFee(
            terminatingOn: day("2026-10-20"), terms: terms)
        let text = try json(fee)
        #expect(text.contains(#""monthsServed":20"#))
        #expect(text.contains(#""monthsRemaining":16"#))
        #expect(text.contains(#""minimumTermAmount":{"amount":"5000.00","currency":"USD"}"#))
        #expect(text.contains(#""amount":{"amount":"20000.00","currency":"USD"}"#))
        try roundTrip(fee)
    }

    @Test func escalatedPriceRoundTrips() throws {
        let escalation = try PriceEscalation(
            method: .fixed(Percentage(3)), compounding: true, rounding: .halfEven)
        let agreement = try threeYearsThenYearly(escalation: escalation)
        // 100.00 × 1.03 = 103.00 on 2026-03-15, × 1.03 = 106.09 on 2027-03-15.
        let price = try agreement.escalatedPrice(basePrice: usd("100.00"), on: day("2027-06-01"))
        #expect(price.price == (try usd("106.09")))
        let text = try json(price)
        #expect(text.contains(#""date":"2027-03-15""#))
        try roundTrip(price)
    }

    @Test func indexTablesAreObjectsOfMonths() throws {
        let table = try IndexTable(series: [
            "CPI-U": [
                try IndexMonth(year: 2026, month: 1): try Rational(parsing: "326.588"),
                try IndexMonth(year: 2025, month: 1): try Rational(parsing: "317.671"),
            ]
        ])
        #expect(
            try json(table) == #"{"CPI-U":{"2025-01":"317.671","2026-01":"326.588"}}"#)
        try roundTrip(table)
        #expect(throws: DecodingError.self) {
            try decode(IndexTable.self, #"{"CPI-U":{"2025-1":"317.671"}}"#)
        }
        #expect(throws: DecodingError.self) {
            try decode(IndexTable.self, #"{"CPI-U":{"2025-01":317.671}}"#)
        }
        let error = #expect(throws: ContractError.self) {
            try decode(IndexTable.self, #"{"CPI-U":{"2025-01":"0"}}"#)
        }
        #expect(error?.code == .outOfRange)
        #expect(error?.field == "index.CPI-U[2025-01]")
    }

    @Test(arguments: [
        CoverageClassification(
            entry: "TE-1", outcome: .covered, reason: .includedWorkType("remote")),
        CoverageClassification(entry: "TE-2", outcome: .noCharge, reason: .markedNoCharge),
        CoverageClassification(
            entry: "TE-3", outcome: .noCharge, reason: .noChargeWorkType("warranty")),
        CoverageClassification(
            entry: "TE-4",
            outcome: .billable(PreciseMoney(scaledUnits: 15_000_000_000, currency: .usd)),
            reason: .excludedWorkType("project"),
            rateSource: .override(role: nil, workType: "project")),
        CoverageClassification(
            entry: "TE-5",
            outcome: .billable(PreciseMoney(scaledUnits: 9_500_000_000, currency: .usd)),
            reason: .outOfScope("onsite"), rateSource: .priceList),
        CoverageClassification(
            entry: "TE-6",
            outcome: .billable(PreciseMoney(scaledUnits: 12_000_000_000, currency: .usd)),
            reason: .excludedWorkType("project"),
            rateSource: .override(role: "engineer", workType: nil)),
    ])
    func coverageClassificationsRoundTrip(classification: CoverageClassification) throws {
        try roundTrip(classification)
    }

    @Test func coverageClassificationShape() throws {
        let classification = CoverageClassification(
            entry: "TE-7",
            outcome: .billable(PreciseMoney(scaledUnits: 15_000_000_000, currency: .usd)),
            reason: .excludedWorkType("project"),
            rateSource: .override(role: nil, workType: "project"))
        let text = try json(classification)
        #expect(text.contains(#""outcome":"billable""#))
        #expect(text.contains(#""reason":"excludedWorkType""#))
        #expect(text.contains(#""workType":"project""#))
        #expect(text.contains(#""rateSource":"override""#))
        #expect(!text.contains("overrideRole"))
        #expect(throws: DecodingError.self) {
            try decode(
                CoverageClassification.self,
                #"{"entry":"TE-8","outcome":"gratis","reason":"markedNoCharge"}"#)
        }
    }

    @Test func amendmentSchedulesAndSegmentsRoundTrip() throws {
        let agreement = try threeYearsThenYearly()
        let schedule = try AmendmentSchedule(
            agreement: agreement,
            amendments: [
                try Amendment(
                    .rateOverride(.workstation, rate: usd("45.00")), effective: day("2026-05-10")),
                try Amendment(.pricePlan(PricePlanID("platinum")), effective: day("2026-05-20")),
                try Amendment(
                    .quantityCommitment(.server, quantity: 10), effective: day("2026-05-10")),
            ])
        let decoded = try decode(AmendmentSchedule.self, json(schedule))
        #expect(decoded == schedule)
        // Two amendment dates split May into three stretches.
        let segments = try schedule.segments(from: day("2026-05-01"), to: day("2026-06-01"))
        #expect(segments.count == 3)
        let last = try #require(segments.last)
        let text = try json(last.configuration)
        #expect(
            text == #"{"pricePlan":"platinum","quantityCommitments":{"server":10},"#
                + #""rateOverrides":{"workstation":{"amount":"45.00","currency":"USD"}},"#
                + #""slaPolicy":"sla-standard"}"#)
        try roundTrip(segments)
        let error = #expect(throws: ContractError.self) {
            try decode(
                AmendmentSchedule.self,
                #"{"agreement": \#(try json(agreement)), "amendments": [{"effective": "2024-01-01", "kind": "pricePlan", "pricePlan": "x"}]}"#
            )
        }
        #expect(error?.code == .beforeStart)
        #expect(throws: DecodingError.self) {
            try decode(
                AgreementConfiguration.self,
                #"{"pricePlan":"p","slaPolicy":"s","quantityCommitments":{"server":-1},"rateOverrides":{}}"#
            )
        }
    }

    @Test func statusAndBillablePeriodsRoundTrip() throws {
        let life = try threeYearsThenYearly().lifecycle(events: [
            AgreementEvent(.signed, on: try day("2025-03-01"))
        ])
        let status = try life.status(on: day("2028-06-01"))
        #expect(try json(status) == #"{"state":"renewed","termIndex":1}"#)
        try roundTrip(status)
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC")
        let range = try DateRange(
            start: instant("2025-03-01T00:00:00Z"), end: instant("2025-05-01T00:00:00Z"))
        let periods = try life.billablePeriods(overlapping: range, cycle: cycle)
        #expect(periods.count == 2)
        #expect(periods.first?.isWholePeriod == false)
        try roundTrip(periods)
    }
}
