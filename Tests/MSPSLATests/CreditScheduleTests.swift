import Foundation
import MSPCore
import MSPSLA
import Testing

@Suite struct CreditScheduleTests {
    /// `< 99.9 and ≥ 99.0: 10%`, `< 99.0 and ≥ 95.0: 25%`, `< 95.0: 100%`.
    static func schedule(cap: Percentage? = nil) throws -> CreditSchedule {
        try CreditSchedule(
            bands: [
                CreditBand(
                    lower: .inclusive(try Percentage(parsing: "99.0")),
                    upper: .exclusive(try Percentage(parsing: "99.9")), credit: Percentage(10)),
                CreditBand(lower: nil, upper: .exclusive(Percentage(95)), credit: Percentage(100)),
                CreditBand(
                    lower: .inclusive(Percentage(95)), upper: .exclusive(Percentage(99)),
                    credit: Percentage(25)),
            ], ticketCredits: [.resolution: Percentage(2)], cap: cap)
    }

    /// April 2026 UTC (2,592,000,000 ms) with one outage of `downtime` ms from the 10th.
    static func april(downtime: Int64) throws -> AvailabilityReport {
        let start = try instant("2026-04-10T00:00:00Z")
        let startMs = Int64(start.timeIntervalSince1970 * 1000)
        let outage = Outage(
            range: try DateRange(startMilliseconds: startMs, endMilliseconds: startMs + downtime))
        return try AvailabilityObjective(objective: try Percentage(parsing: "99.9"))
            .measure(year: 2026, month: 4, outages: [outage])
    }

    /// 0.1% of April is 2,592,000 ms (exactly 99.9%): no credit. 1% is 25,920,000 ms
    /// (exactly 99.0%): the 10% band, 100.00 of 1,000.00. One ms more is below 99.0%: 25%.
    /// 5% is 129,600,000 ms (exactly 95.0%): 25%; one ms more: 100%.
    @Test(arguments: [
        (Int64(2_592_000), "0.00", Int64(0)),
        (2_592_001, "100.00", 10),
        (25_920_000, "100.00", 10),
        (25_920_001, "250.00", 25),
        (129_600_000, "250.00", 25),
        (129_600_001, "1000.00", 100),
    ])
    func bandBoundaries(_ downtime: Int64, _ amount: String, _ percent: Int64) throws {
        let report = try CreditScheduleTests.april(downtime: downtime)
        let credit = try CreditScheduleTests.schedule().credit(
            for: report, fee: try Money(parsing: "1000.00", currency: .usd), rounding: .halfEven)
        #expect(credit.amount == (try Money(parsing: amount, currency: .usd)))
        #expect(credit.percentage == Percentage(percent))
    }

    @Test func ticketCreditsAndCap() throws {
        // 0.5% down (12,960,000 ms): 99.5% is in the 10% band; two breached resolution
        // targets at 2% add 4%: 14% of 1,000.00 = 140.00. Capped at 12%: 120.00.
        let report = try CreditScheduleTests.april(downtime: 12_960_000)
        let fee = try Money(parsing: "1000.00", currency: .usd)
        let uncapped = try CreditScheduleTests.schedule().credit(
            for: report, fee: fee, breachedTargets: [.resolution: 2, .firstResponse: 5],
            rounding: .halfEven)
        #expect(uncapped.amount == (try Money(parsing: "140.00", currency: .usd)))
        #expect(uncapped.bandCredit == Percentage(10))
        #expect(uncapped.ticketCredit == Percentage(4))
        #expect(!uncapped.capped)
        #expect(uncapped.availability == (try Rational(199, 2)))
        let capped = try CreditScheduleTests.schedule(cap: Percentage(12)).credit(
            for: report, fee: fee, breachedTargets: [.resolution: 2], rounding: .halfEven)
        #expect(capped.amount == (try Money(parsing: "120.00", currency: .usd)))
        #expect(capped.capped)
    }

    @Test func creditIsRoundedByTheNamedRule() throws {
        // 10% of 999.99 is 99.999: half-even rounds to 100.00, down to 99.99.
        let report = try CreditScheduleTests.april(downtime: 12_960_000)
        let fee = try Money(parsing: "999.99", currency: .usd)
        let schedule = try CreditScheduleTests.schedule()
        #expect(
            try schedule.credit(for: report, fee: fee, rounding: .halfEven).amount
                == (try Money(parsing: "100.00", currency: .usd)))
        #expect(
            try schedule.credit(for: report, fee: fee, rounding: .down).amount
                == (try Money(parsing: "99.99", currency: .usd)))
    }

    @Test func overlappingBandsAreRejected() throws {
        let a = CreditBand(lower: nil, upper: .inclusive(Percentage(99)), credit: Percentage(25))
        let b = CreditBand(
            lower: .inclusive(Percentage(99)), upper: .exclusive(Percentage(100)),
            credit: Percentage(10))
        #expect(throws: SLAError.overlappingBands(a.description, b.description)) {
            try CreditSchedule(bands: [b, a])
        }
        let c = CreditBand(lower: nil, upper: .exclusive(Percentage(99)), credit: Percentage(25))
        let d = CreditBand(
            lower: .inclusive(Percentage(98)), upper: .exclusive(Percentage(100)),
            credit: Percentage(10))
        let error = #expect(throws: SLAError.self) { try CreditSchedule(bands: [c, d]) }
        #expect(error?.code == .overlappingBands)
    }

    @Test func gapsInBandsAreRejected() throws {
        let low = CreditBand(lower: nil, upper: .exclusive(Percentage(95)), credit: Percentage(100))
        let high = CreditBand(
            lower: .inclusive(Percentage(99)), upper: .exclusive(Percentage(100)),
            credit: Percentage(10))
        let gap = #expect(throws: SLAError.self) { try CreditSchedule(bands: [low, high]) }
        #expect(gap?.code == .gapInBands)
        #expect(gap?.value == "[95, 99)")
        // Both ends exclusive at 95 leave 95 itself uncovered.
        let point = CreditBand(
            lower: .exclusive(Percentage(95)), upper: .exclusive(Percentage(100)),
            credit: Percentage(10))
        let pointGap = #expect(throws: SLAError.self) { try CreditSchedule(bands: [low, point]) }
        #expect(pointGap?.code == .gapInBands)
        // Nothing covers 0% up to the lowest band.
        let floating = #expect(throws: SLAError.self) { try CreditSchedule(bands: [high]) }
        #expect(floating?.code == .gapInBands)
    }

    @Test func malformedBandsAreRejected() throws {
        let reversed = CreditBand(
            lower: .inclusive(Percentage(99)), upper: .exclusive(Percentage(95)),
            credit: Percentage(10))
        let error = #expect(throws: SLAError.self) { try CreditSchedule(bands: [reversed]) }
        #expect(error?.code == .invalidBand)
        let tooMuch = CreditBand(lower: nil, upper: nil, credit: Percentage(101))
        #expect(throws: SLAError.invalidCredit(Percentage(101), field: "bands")) {
            try CreditSchedule(bands: [tooMuch])
        }
        #expect(throws: SLAError.invalidCredit(Percentage(-1), field: "cap")) {
            try CreditSchedule(bands: [], cap: Percentage(-1))
        }
    }
}
