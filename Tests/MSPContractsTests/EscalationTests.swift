import MSPCore
import Testing

@testable import MSPContracts

@Suite struct EscalationTests {
    /// CPI-U for January 2025...2028: 100.0, 103.2, 109.0, 108.5.
    private func cpiTable() throws -> IndexTable {
        try IndexTable(series: [
            "CPI-U": [
                IndexMonth(year: 2025, month: 1): Rational(1000, 10),
                IndexMonth(year: 2026, month: 1): Rational(1032, 10),
                IndexMonth(year: 2027, month: 1): Rational(1090, 10),
                IndexMonth(year: 2028, month: 1): Rational(1085, 10),
            ]
        ])
    }

    private func cpiAgreement(compounding: Bool) throws -> Agreement {
        // The anniversary 2026-03-15 uses January 2026 (lag 2 months); the base is Jan 2025.
        let rate = try PriceEscalation.IndexedRate(
            series: "CPI-U", referenceLagMonths: 2, baseMonth: IndexMonth(year: 2025, month: 1))
        let escalation = try PriceEscalation(
            method: .indexed(rate), cap: Percentage(5), floor: Percentage(0),
            compounding: compounding, rounding: .halfEven)
        return try threeYearsThenYearly(escalation: escalation)
    }

    @Test func cpiWithCapAndFloorCompounding() throws {
        let agreement = try cpiAgreement(compounding: true)
        let table = try cpiTable()
        let result = try agreement.escalatedPrice(
            basePrice: usd("999.99"), on: day("2028-03-15"), index: table)
        // Year 1: 103.2 / 100.0 - 1 = 0.032 (3.2%, inside the band).
        //   999.99 x 1.032 = 1031.98968 -> 1031.99 (half-even).
        // Year 2: 109.0 / 103.2 - 1 = 5.8 / 103.2 = 29/516 = 5.62% -> capped at 5%.
        //   1031.99 x 1.05 = 1083.5895 -> 1083.59.
        // Year 3: 108.5 / 109.0 - 1 = -0.5 / 109 = -1/218 -> floored at 0%.
        //   1083.59 x 1.00 = 1083.59.
        #expect(result.steps.map(\.date.description) == ["2026-03-15", "2027-03-15", "2028-03-15"])
        #expect(
            result.steps.map(\.rawRate) == [
                try Rational(4, 125), try Rational(29, 516), try Rational(-1, 218),
            ])
        #expect(
            result.steps.map(\.appliedRate) == [try Rational(4, 125), try Rational(1, 20), .zero])
        #expect(
            result.steps.map(\.price) == [
                try usd("1031.99"), try usd("1083.59"), try usd("1083.59"),
            ])
        #expect(result.price == (try usd("1083.59")))
    }

    @Test func cpiWithCapAndFloorNotCompounding() throws {
        let agreement = try cpiAgreement(compounding: false)
        let table = try cpiTable()
        let result = try agreement.escalatedPrice(
            basePrice: usd("999.99"), on: day("2028-03-15"), index: table)
        // Rates add up on the original price: 1 + 0.032 = 1.032, + 0.05 = 1.082, + 0 = 1.082.
        //   999.99 x 1.032 = 1031.98968 -> 1031.99; 999.99 x 1.082 = 1081.98918 -> 1081.99.
        #expect(
            result.steps.map(\.price) == [
                try usd("1031.99"), try usd("1081.99"), try usd("1081.99"),
            ])
    }

    @Test func priceBeforeTheFirstAnniversaryIsTheBasePrice() throws {
        let agreement = try cpiAgreement(compounding: true)
        let table = try cpiTable()
        let before = try agreement.escalatedPrice(
            basePrice: usd("999.99"), on: day("2026-03-14"), index: table)
        #expect(before.steps.isEmpty)
        #expect(before.price == (try usd("999.99")))
        let on = try agreement.escalatedPrice(
            basePrice: usd("999.99"), on: day("2026-03-15"), index: table)
        #expect(on.price == (try usd("1031.99")))
    }

    @Test func fixedPercentageCompounds() throws {
        let escalation = try PriceEscalation(
            method: .fixed(Percentage(3)), compounding: true, rounding: .halfUp)
        let agreement = try threeYearsThenYearly(escalation: escalation)
        let result = try agreement.escalatedPrice(basePrice: usd("100.00"), on: day("2027-03-15"))
        // 100.00 x 1.03 = 103.00; 103.00 x 1.03 = 106.09.
        #expect(result.steps.map(\.price) == [try usd("103.00"), try usd("106.09")])
    }

    @Test func aMissingIndexValueIsAnError() throws {
        let agreement = try cpiAgreement(compounding: true)
        let table = try cpiTable()
        // The fourth anniversary (2029-03-15) needs January 2029.
        let january2029 = try IndexMonth(year: 2029, month: 1)
        #expect(throws: ContractError.missingIndexValue(series: "CPI-U", month: january2029)) {
            try agreement.escalatedPrice(
                basePrice: usd("10.00"), on: day("2029-03-15"), index: table)
        }
    }

    @Test func aFloorAboveTheCapIsAnError() throws {
        #expect(
            throws: ContractError.invalidSchedule(
                field: "escalation.floor", value: "6%", reason: "floor 6% is above cap 5%")
        ) {
            try PriceEscalation(
                method: .fixed(Percentage(3)), cap: Percentage(5), floor: Percentage(6),
                compounding: true, rounding: .halfEven)
        }
    }
}
