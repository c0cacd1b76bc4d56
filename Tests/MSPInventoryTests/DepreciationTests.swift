import Foundation
import MSPCore
import MSPInventory
import Testing

@Suite struct DepreciationTests {
    private func laptop(_ convention: Depreciation.Convention) throws -> Depreciation {
        try Depreciation(
            cost: usd("3600.00"), salvage: usd("600.00"), inService: day("2026-03-15"),
            lifeMonths: 36, method: .straightLine, convention: convention)
    }

    @Test func straightLineOver36MonthsWithSalvage() throws {
        // Depreciable 3,600.00 - 600.00 = 3,000.00 = 300,000 cents; / 36 = 8,333 r 12:
        // months 1-12 charge 83.34, months 13-36 charge 83.33;
        // 12 × 83.34 + 24 × 83.33 = 1,000.08 + 1,999.92 = 3,000.00.
        let schedule = try laptop(.fullMonth)
        #expect(schedule.months.count == 36)
        #expect(schedule.months.prefix(12).allSatisfy { $0.charge == (try? usd("83.34")) })
        #expect(schedule.months.dropFirst(12).allSatisfy { $0.charge == (try? usd("83.33")) })
        #expect(try Money.sum(schedule.months.map(\.charge), currency: .usd) == usd("3000.00"))
        #expect(schedule.months.first?.start == (try day("2026-03-01")))
        #expect(schedule.months.last?.start == (try day("2029-02-01")))
        #expect(schedule.months.last?.bookValue == (try usd("600.00")))
    }

    @Test(arguments: [
        // Full-month convention: March 2026 is month 1, recognised at its end (04-01).
        ("2026-03-31", "3600.00"),
        ("2026-04-01", "3516.66"),  // 3,600.00 - 83.34
        ("2027-03-01", "2599.92"),  // 3,600.00 - 12 × 83.34
        ("2028-03-01", "1599.96"),  // 2,599.92 - 12 × 83.33 = 2,599.92 - 999.96
        ("2029-03-01", "600.00"),  // all 36 months: salvage
        ("2035-01-01", "600.00"),
    ])
    func bookValueOnADate(date: String, expected: String) throws {
        #expect(try laptop(.fullMonth).bookValue(on: day(date)) == usd(expected))
    }

    @Test func followingMonthStartsAMonthLater() throws {
        let schedule = try laptop(.followingMonth)
        #expect(schedule.bookValue(on: try day("2026-04-01")) == (try usd("3600.00")))
        #expect(schedule.bookValue(on: try day("2026-05-01")) == (try usd("3516.66")))
        // At 2026-05-01T02:00Z it is still 04-30 in New York: April not yet ended.
        #expect(
            try schedule.bookValue(
                at: instant("2026-05-01T02:00:00Z"), timeZoneIdentifier: "America/New_York")
                == usd("3600.00"))
    }

    @Test func decliningBalanceNeverGoesBelowSalvage() throws {
        // 1,000.00, salvage 100.00, 4 months, 600 % a year = 50 % a month.
        // m1: 50 % of 1,000.00 = 500.00 (straight-line over 4: 225.00) → 500.00, book 500.00
        // m2: 250.00 (straight 400.00 / 3 = 133.34) → 250.00, book 250.00
        // m3: 125.00 (straight 150.00 / 2 = 75.00) → 125.00, book 125.00
        // m4: last month takes what is left above salvage: 25.00, book 100.00.
        let schedule = try Depreciation(
            cost: usd("1000.00"), salvage: usd("100.00"), inService: day("2026-01-01"),
            lifeMonths: 4, method: .decliningBalance(Percentage(600)), convention: .fullMonth)
        #expect(
            schedule.months.map(\.charge)
                == [try usd("500.00"), try usd("250.00"), try usd("125.00"), try usd("25.00")])
        #expect(schedule.months.last?.bookValue == (try usd("100.00")))
    }

    @Test func decliningBalanceSwitchesToStraightLine() throws {
        // 1,000.00, no salvage, 4 months, 120 % a year = 10 % a month: 100.00 < straight-line
        // 250.00, so every month charges 250.00.
        let schedule = try Depreciation(
            cost: usd("1000.00"), salvage: usd("0.00"), inService: day("2026-01-01"),
            lifeMonths: 4, method: .decliningBalance(Percentage(120)), convention: .fullMonth)
        #expect(schedule.months.map(\.charge) == Array(repeating: try usd("250.00"), count: 4))
    }

    @Test func actualDaysStraightLineWeighsTheFirstAndLastMonthsByDays() throws {
        // In service 2026-03-16: 16 of March's 31 days. Weights 16, then 35 × 31, then
        // 31 - 16 = 15 in an extra 37th month; total 36 × 31 = 1,116.
        // 300,000 cents × 16 / 1,116 = 4,301.08 → 4,301 (remainder .075)
        // 300,000 × 31 / 1,116 = 8,333.33 → 8,333 (remainder .333) for each of 35 months
        // 300,000 × 15 / 1,116 = 4,032.26 → 4,032 (remainder .258)
        // 4,301 + 35 × 8,333 + 4,032 = 299,988: the 12 cents left go to the largest
        // remainders, the first 12 whole months: 12 × 83.34 and 23 × 83.33.
        let schedule = try Depreciation(
            cost: usd("3600.00"), salvage: usd("600.00"), inService: day("2026-03-16"),
            lifeMonths: 36, method: .straightLine, convention: .actualDays)
        let charges = schedule.months.map(\.charge)
        #expect(charges.count == 37)
        #expect(charges.first == (try usd("43.01")))
        #expect(charges[1...12].allSatisfy { $0 == (try? usd("83.34")) })
        #expect(charges[13...35].allSatisfy { $0 == (try? usd("83.33")) })
        #expect(charges.last == (try usd("40.32")))
        #expect(schedule.months.last?.start == (try day("2029-03-01")))
        #expect(schedule.bookValue(on: try day("2026-04-01")) == (try usd("3556.99")))
        #expect(try Money.sum(charges, currency: .usd) == usd("3000.00"))
        // In service on the 1st there is no partial month: the same as full month.
        let onTheFirst = try Depreciation(
            cost: usd("3600.00"), salvage: usd("600.00"), inService: day("2026-03-01"),
            lifeMonths: 36, method: .straightLine, convention: .actualDays)
        #expect(onTheFirst.months == (try laptop(.fullMonth)).months)
    }

    @Test func actualDaysDecliningBalanceChargesAFractionOfTheFirstMonth() throws {
        // 1,000.00, salvage 100.00, 4 months at 50 % a month, in service 2026-01-17: 15 of
        // January's 31 days, 5 schedule months. In cents:
        // m1: 100,000 × 1/2 × 15/31 = 24,193.5 → 24,194 (straight 18,000 × 15/31 = 8,710)
        // m2: 75,806 / 2 = 37,903 (straight ⌈65,806 / 4⌉ = 16,452)          book 37,903
        // m3: 37,903 / 2 = 18,951.5 → half-even 18,952 (straight 9,301)     book 18,951
        // m4: 18,951 / 2 = 9,475.5 → 9,476, capped at the 8,951 left above salvage
        // m5: nothing is left: 0.
        let schedule = try Depreciation(
            cost: usd("1000.00"), salvage: usd("100.00"), inService: day("2026-01-17"),
            lifeMonths: 4, method: .decliningBalance(Percentage(600)), convention: .actualDays)
        #expect(
            schedule.months.map(\.charge) == [
                try usd("241.94"), try usd("379.03"), try usd("189.52"), try usd("89.51"),
                try usd("0.00"),
            ])
        #expect(schedule.months.last?.bookValue == (try usd("100.00")))
    }

    @Test func badInputIsRejected() throws {
        #expect(throws: InventoryError.outOfRange(70_000, allowed: "0...60000", field: "salvage")) {
            try Depreciation(
                cost: usd("600.00"), salvage: usd("700.00"), inService: day("2026-01-01"),
                lifeMonths: 36, method: .straightLine, convention: .fullMonth)
        }
        #expect(throws: InventoryError.outOfRange(0, allowed: "1...600", field: "lifeMonths")) {
            try Depreciation(
                cost: usd("600.00"), salvage: usd("0.00"), inService: day("2026-01-01"),
                lifeMonths: 0, method: .straightLine, convention: .fullMonth)
        }
        #expect(throws: InventoryError.negativeAmount(try usd("-1.00"), field: "cost")) {
            try Depreciation(
                cost: usd("-1.00"), salvage: usd("0.00"), inService: day("2026-01-01"),
                lifeMonths: 12, method: .straightLine, convention: .fullMonth)
        }
        let euros = Money(minorUnits: 100, currency: .eur)
        #expect(throws: InventoryError.currencyMismatch(euros, expected: .usd, field: "salvage")) {
            try Depreciation(
                cost: usd("600.00"), salvage: euros, inService: day("2026-01-01"),
                lifeMonths: 12, method: .straightLine, convention: .fullMonth)
        }
        #expect(throws: InventoryError.outOfRange(0, allowed: "(0, 1200]", field: "rate")) {
            try Depreciation(
                cost: usd("600.00"), salvage: usd("0.00"), inService: day("2026-01-01"),
                lifeMonths: 12, method: .decliningBalance(.zero), convention: .fullMonth)
        }
    }
}
