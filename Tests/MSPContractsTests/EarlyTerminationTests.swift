import MSPCore
import Testing

@testable import MSPContracts

@Suite struct EarlyTerminationTests {
    /// 36 months from 2025-03-15, minimum term 24 months.
    private func agreement() throws -> Agreement {
        try threeYearsThenYearly(minimumTermMonths: 24)
    }

    // Terminating on 2026-10-20 (first day no longer in force) is in month 20: months begin
    // 2025-03-15 (1), 2025-04-15 (2), ..., 2026-10-15 (20). 16 of 36 months remain; 4 of the
    // 24-month minimum term are unserved: floor 4 x 1,250.00 = 5,000.00.
    @Test(arguments: [
        // Remainder of the term: 16 x 1,250.00 = 20,000.00 (above the floor).
        (EarlyTerminationTerms.Rule.remainderOfTerm, "20000.00", "20000.00"),
        // 33 1/3 % of the remaining commitment 20,000.00 = 6,666.666... -> 6,666.67.
        (.percentageOfRemainingCommitment(try Percentage(Rational(100, 3))), "6666.67", "6666.67"),
        // Flat 2,500.00 is below the minimum-term floor of 5,000.00.
        (.flat(try usd("2500.00")), "2500.00", "5000.00"),
        // Declining: months 1-12 9,000.00, 13-24 6,000.00, 25-36 3,000.00; month 20 -> 6,000.
        (
            .declining([
                .init(throughMonth: 12, fee: try usd("9000.00")),
                .init(throughMonth: 24, fee: try usd("6000.00")),
                .init(throughMonth: 36, fee: try usd("3000.00")),
            ]), "6000.00", "6000.00"
        ),
    ])
    func month20Of36(rule: EarlyTerminationTerms.Rule, ruleAmount: String, amount: String) throws {
        let terms = try EarlyTerminationTerms(
            rule: rule, monthlyCharge: usd("1250.00"), rounding: .halfEven)
        let fee = try agreement().earlyTerminationFee(
            terminatingOn: day("2026-10-20"), terms: terms)
        #expect(fee.termIndex == 0)
        #expect(fee.monthsServed == 20)
        #expect(fee.monthsRemaining == 16)
        #expect(fee.minimumTermAmount == (try usd("5000.00")))
        #expect(fee.ruleAmount == (try usd(ruleAmount)))
        #expect(fee.amount == (try usd(amount)))
    }

    @Test func terminatingOnAMonthBoundaryDoesNotServeThatMonth() throws {
        let terms = try EarlyTerminationTerms(rule: .remainderOfTerm, monthlyCharge: usd("1250.00"))
        // 2026-10-15 is the first day of month 20, and no longer in force: 19 months served,
        // 17 remain: 17 x 1,250.00 = 21,250.00.
        let fee = try agreement().earlyTerminationFee(
            terminatingOn: day("2026-10-15"), terms: terms)
        #expect(fee.monthsServed == 19)
        #expect(fee.amount == (try usd("21250.00")))
    }

    @Test func afterTheMinimumTermOnlyTheRuleApplies() throws {
        let terms = try EarlyTerminationTerms(
            rule: .flat(usd("2500.00")), monthlyCharge: usd("1250.00"))
        // 2027-06-01: months begun up to 2027-05-31 are 2025-03-15 ... 2027-05-15, 27; the
        // 24-month minimum is served, so the flat fee stands.
        let fee = try agreement().earlyTerminationFee(
            terminatingOn: day("2027-06-01"), terms: terms)
        #expect(fee.monthsServed == 27)
        #expect(fee.minimumTermAmount == (try usd("0.00")))
        #expect(fee.amount == (try usd("2500.00")))
    }

    @Test func inARenewalTermMonthsCountFromTheRenewal() throws {
        let terms = try EarlyTerminationTerms(rule: .remainderOfTerm, monthlyCharge: usd("100.00"))
        // Term 1 runs 2028-03-15..<2029-03-15; ending 2028-06-01 has served 3 months
        // (03-15, 04-15, 05-15), 9 remain: 900.00.
        let fee = try agreement().earlyTerminationFee(
            terminatingOn: day("2028-06-01"), terms: terms)
        #expect(fee.termIndex == 1)
        #expect(fee.monthsServed == 3)
        #expect(fee.amount == (try usd("900.00")))
    }

    @Test func invalidFeeTerms() throws {
        #expect(
            throws: ContractError.invalidSchedule(
                field: "declining[1]", value: "12", reason: "months must strictly increase from 1")
        ) {
            try EarlyTerminationTerms(
                rule: .declining([
                    .init(throughMonth: 12, fee: usd("10.00")),
                    .init(throughMonth: 12, fee: usd("5.00")),
                ]), monthlyCharge: usd("1.00"))
        }
        let error = #expect(throws: ContractError.self) {
            try EarlyTerminationTerms(
                rule: .flat(Money(minorUnits: 100, currency: .eur)), monthlyCharge: usd("1.00"))
        }
        #expect(error?.code == .money)
        #expect(error?.field == "flat")
        let start = try day("2025-03-15")
        #expect(throws: ContractError.beforeStart(start, start: start, field: "date")) {
            try agreement().earlyTerminationFee(
                terminatingOn: start,
                terms: EarlyTerminationTerms(rule: .remainderOfTerm, monthlyCharge: usd("1.00")))
        }
    }
}
