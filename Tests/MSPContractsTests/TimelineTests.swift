import MSPCore
import Testing

@testable import MSPContracts

@Suite struct TimelineTests {
    @Test func threeYearsThenYearlyRenewalsOverSixYears() throws {
        let agreement = try threeYearsThenYearly()
        let timeline = try agreement.timeline(from: day("2025-03-15"), through: day("2031-03-14"))
        // Initial term: 2025-03-15 + 36 months = 2028-03-15. Three months' notice counting
        // the receipt day: start + (36 - 3) = 33 months = 2027-12-15.
        // Renewal k ends at start + 36 + 12k months; its deadline is 3 months earlier.
        #expect(
            describe(timeline.terms) == [
                "2025-03-15..<2028-03-15 2027-12-15",
                "2028-03-15..<2029-03-15 2028-12-15",
                "2029-03-15..<2030-03-15 2029-12-15",
                "2030-03-15..<2031-03-15 2030-12-15",
            ])
        #expect(
            describe(timeline.milestones) == [
                "2027-12-15 noticeDeadline 0",
                "2028-03-15 renewal 1",
                "2028-12-15 noticeDeadline 1",
                "2029-03-15 renewal 2",
                "2029-12-15 noticeDeadline 2",
                "2030-03-15 renewal 3",
                "2030-12-15 noticeDeadline 3",
            ])
    }

    @Test func noticeCountedFromTheDayAfterReceiptIsOneDayEarlier() throws {
        let agreement = try threeYearsThenYearly(counting: .afterReceiptDay)
        let timeline = try agreement.timeline(from: day("2025-03-15"), through: day("2031-03-14"))
        // The notice period must start the day after receipt: 2027-12-15 - 1 day.
        #expect(
            timeline.terms.compactMap(\.noticeDeadline?.description) == [
                "2027-12-14", "2028-12-14", "2029-12-14", "2030-12-14",
            ])
    }

    @Test func aRangeInsideARenewalTermListsOnlyThatTerm() throws {
        let agreement = try threeYearsThenYearly()
        let timeline = try agreement.timeline(from: day("2029-04-01"), through: day("2029-05-01"))
        #expect(describe(timeline.terms) == ["2029-03-15..<2030-03-15 2029-12-15"])
        #expect(timeline.milestones.isEmpty)
        #expect(try agreement.termIndex(containing: day("2029-03-14")) == 1)
        #expect(try agreement.termIndex(containing: day("2029-03-15")) == 2)
        #expect(try agreement.termIndex(containing: day("2025-03-14")) == nil)
    }

    @Test func thirtyFirstStartClampsAndReturnsToThe31st() throws {
        // Monthly terms from 2024-01-31 with 7 days' notice counting the receipt day: every
        // boundary is 2024-01-31 + n months, clamped: Feb 29 (leap year), then back to the
        // 31st in March; deadlines are the term end minus 7 days.
        let agreement = try makeAgreement(
            start: "2024-01-31", initialTermMonths: 1, renewal: .tacit(months: 1),
            notice: .days(7))
        let timeline = try agreement.timeline(from: day("2024-01-31"), through: day("2024-05-30"))
        #expect(
            describe(timeline.terms) == [
                "2024-01-31..<2024-02-29 2024-02-22",
                "2024-02-29..<2024-03-31 2024-03-24",
                "2024-03-31..<2024-04-30 2024-04-23",
                "2024-04-30..<2024-05-31 2024-05-24",
            ])
        // A year later February has 28 days: 2025-01-31 + 1 month = 2025-02-28, then 03-31.
        let later = try agreement.timeline(from: day("2025-02-01"), through: day("2025-03-01"))
        #expect(
            describe(later.terms) == [
                "2025-01-31..<2025-02-28 2025-02-21",
                "2025-02-28..<2025-03-31 2025-03-24",
            ])
    }

    @Test func monthsOfNoticeAreCountedFromTheStartNotFromAClampedEnd() throws {
        // 13 months from 2025-01-31 ends 2026-02-28 (clamped). One month's notice is
        // start + 12 months = 2026-01-31, not 2026-02-28 - 1 month = 2026-01-28.
        let agreement = try makeAgreement(
            start: "2025-01-31", initialTermMonths: 13, renewal: .tacit(months: 12),
            notice: .months(1))
        let timeline = try agreement.timeline(from: day("2025-01-31"), through: day("2028-03-01"))
        // Term 1 ends start + 25 = 2027-02-28, notice start + 24 = 2027-01-31; term 2 ends
        // start + 37 = 2028-02-29 (leap year), notice start + 36 = 2028-01-31.
        #expect(
            describe(timeline.terms) == [
                "2025-01-31..<2026-02-28 2026-01-31",
                "2026-02-28..<2027-02-28 2027-01-31",
                "2027-02-28..<2028-02-29 2028-01-31",
                "2028-02-29..<2029-02-28 2029-01-31",
            ])
    }

    @Test func anAgreementThatDoesNotRenewHasOneTermAndAnExpiry() throws {
        let agreement = try makeAgreement(
            start: "2025-06-01", initialTermMonths: 24, renewal: .none, notice: .days(0))
        let timeline = try agreement.timeline(from: day("2025-01-01"), through: day("2030-01-01"))
        #expect(describe(timeline.terms) == ["2025-06-01..<2027-06-01 -"])
        #expect(describe(timeline.milestones) == ["2027-06-01 expiry 0"])
        #expect(try agreement.termIndex(containing: day("2027-06-01")) == nil)
        #expect(throws: ContractError.outOfRange(1, field: "termIndex", allowed: 0...0)) {
            try agreement.term(at: 1)
        }
    }

    @Test func escalationDatesAreTheAnniversariesOfTheStart() throws {
        let escalation = try PriceEscalation(
            method: .fixed(Percentage(3)), compounding: true, rounding: .halfEven)
        let agreement = try makeAgreement(
            start: "2024-02-29", initialTermMonths: 12, renewal: .tacit(months: 12),
            notice: .months(1), escalation: escalation)
        let timeline = try agreement.timeline(from: day("2025-01-01"), through: day("2028-03-01"))
        // Anniversaries of a leap day: 2025-02-28, 2026-02-28, 2027-02-28, 2028-02-29.
        #expect(
            timeline.milestones.filter { $0.kind == .escalation }.map(\.date.description) == [
                "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29",
            ])
    }

    @Test func aReversedRangeIsAnError() throws {
        let agreement = try threeYearsThenYearly()
        let (from, to) = (try day("2026-01-02"), try day("2026-01-01"))
        #expect(throws: ContractError.invalidRange(from: from, to: to)) {
            try agreement.timeline(from: day("2026-01-02"), through: day("2026-01-01"))
        }
    }
}
