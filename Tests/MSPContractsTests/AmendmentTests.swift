import MSPCore
import Testing

@testable import MSPContracts

@Suite struct AmendmentTests {
    @Test func twoAmendmentsInOneCycleSplitThePeriod() throws {
        let agreement = try threeYearsThenYearly()
        let schedule = try AmendmentSchedule(
            agreement: agreement,
            amendments: [
                Amendment(
                    .rateOverride(.workstation, rate: usd("45.00")), effective: day("2026-05-01")),
                Amendment(.pricePlan(PricePlanID("platinum")), effective: day("2026-04-20")),
            ])
        // The monthly period 2026-04-15..<2026-05-15 has changes on 04-20 and 05-01: three
        // stretches, and both changes are in force in the last one.
        let segments = try schedule.segments(from: day("2026-04-15"), to: day("2026-05-15"))
        #expect(
            segments.map { "\($0.startDate)..<\($0.endDate) \($0.configuration.pricePlan)" } == [
                "2026-04-15..<2026-04-20 gold",
                "2026-04-20..<2026-05-01 platinum",
                "2026-05-01..<2026-05-15 platinum",
            ])
        #expect(segments[0].configuration.rateOverrides.isEmpty)
        #expect(segments[1].applied.map(\.kindRank) == [0])
        #expect(segments[2].configuration.rateOverrides == [.workstation: try usd("45.00")])
        #expect(segments[2].applied.count == 1)
    }

    @Test func amendmentsOnTheSameDayApplyInKindOrderAndNoneIsDropped() throws {
        let agreement = try threeYearsThenYearly()
        let date = try day("2026-05-01")
        let given = [
            try Amendment(.rateOverride(.server, rate: usd("120.00")), effective: date),
            try Amendment(.quantityCommitment(.server, quantity: 10), effective: date),
            try Amendment(.slaPolicy(SLAPolicyID("sla-24x7")), effective: date),
            try Amendment(.pricePlan(PricePlanID("platinum")), effective: date),
            try Amendment(.quantityCommitment(.server, quantity: 12), effective: date),
        ]
        let schedule = try AmendmentSchedule(agreement: agreement, amendments: given)
        // Order: plan (0), SLA (1), commitments (2, in input order: 10 then 12), override (3).
        #expect(schedule.amendments == [given[3], given[2], given[1], given[4], given[0]])
        let configuration = try schedule.configuration(on: date)
        #expect(configuration.pricePlan == (try PricePlanID("platinum")))
        #expect(configuration.slaPolicy == (try SLAPolicyID("sla-24x7")))
        #expect(configuration.quantityCommitments == [.server: 12])
        #expect(configuration.rateOverrides == [.server: try usd("120.00")])
        let before = try schedule.configuration(on: day("2026-04-30"))
        #expect(before.pricePlan == (try PricePlanID("gold")))
        #expect(before.quantityCommitments.isEmpty)
    }

    @Test func anAmendmentBeforeTheStartIsAnError() throws {
        let agreement = try threeYearsThenYearly()
        let early = try day("2025-03-01")
        let start = try day("2025-03-15")
        #expect(throws: ContractError.beforeStart(early, start: start, field: "amendments[1]")) {
            try AmendmentSchedule(
                agreement: agreement,
                amendments: [
                    Amendment(.pricePlan(PricePlanID("silver")), effective: day("2025-04-01")),
                    Amendment(.pricePlan(PricePlanID("bronze")), effective: early),
                ])
        }
    }

    @Test func aNegativeCommitmentIsAnError() throws {
        let error = #expect(throws: ContractError.self) {
            try Amendment(.quantityCommitment(.user, quantity: -1), effective: day("2026-01-01"))
        }
        #expect(error?.code == .outOfRange)
        #expect(error?.field == "quantityCommitment[user]")
        #expect(error?.value == "-1")
    }
}
