import Foundation
import MSPBilling
import MSPCore
import Testing

/// Monday to Friday 09:00–17:00 UTC, compiled over January 2026.
private func office() throws -> BusinessCalendar.Compiled {
    let hours = try BusinessCalendar.Span("09:00", "17:00")
    return try BusinessCalendar(
        timeZone: "UTC",
        weeklyHours: [
            .monday: [hours], .tuesday: [hours], .wednesday: [hours], .thursday: [hours],
            .friday: [hours],
        ]
    ).compiled(for: january().range)
}

/// `hourly` for remote engineering, 15-minute increments, `minimum` minutes, `afterHours`.
private func priceList(_ hourly: String, minimum: Int64, afterHours: Rational) throws
    -> TimeAndMaterials
{
    try TimeAndMaterials(
        rates: [.init(role: "engineer", workType: "remote", hourly: price(hourly))],
        incrementMinutes: 15, minimumMinutes: minimum, afterHoursMultiplier: afterHours,
        labourCategory: category("labour"), materialCategory: category("parts"))
}

private func work(_ id: String, _ start: String, _ end: String) throws -> TimeEntry {
    try TimeEntry(
        id: id, customer: acme(), role: "engineer", workType: "remote", start: instant(start),
        end: instant(end))
}

@Suite struct QuoteLabourTests {
    /// Basic: 20.00 a workstation, 150.00/h with a 1-hour minimum and 2× after hours.
    /// Premium: 30.00 a workstation, 100.00/h, no minimum, 1.5× after hours.
    private func candidates() throws -> [QuoteCandidate] {
        [
            QuoteCandidate(
                plan: try plan("basic", [perUnit("Workstations", .workstation, "20.00")]),
                timeAndMaterials: try priceList("150.00", minimum: 60, afterHours: Rational(2))),
            QuoteCandidate(
                plan: try plan("premium", [perUnit("Workstations", .workstation, "30.00")]),
                timeAndMaterials: try priceList(
                    "100.00", minimum: 0, afterHours: Rational(3, 2))),
        ]
    }

    @Test func labourChangesWhichPlanIsCheapest() throws {
        // 10 workstations; Tuesday 2026-01-06 10:00–11:00 (60 business minutes) and
        // Saturday 2026-01-10 10:00–10:30 (30 after-hours minutes); an SSD at 80.00 + 25 %.
        // Basic:   10 × 20.00 = 200.00; 60 min × 150.00/h = 150.00; Saturday 30 → minimum
        //          60 min, after hours ×2 = 120 min → 300.00; SSD 100.00. Total 750.00.
        // Premium: 10 × 30.00 = 300.00; 60 min × 100.00/h = 100.00; Saturday 30 min × 1.5
        //          = 45 min → 75.00; SSD 100.00. Total 575.00.
        // Recurring usage alone ranks Basic first (200.00 < 300.00); with the work,
        // Premium is cheaper.
        let entries = [
            try work("tue", "2026-01-06T10:00:00Z", "2026-01-06T11:00:00Z"),
            try work("sat", "2026-01-10T10:00:00Z", "2026-01-10T10:30:00Z"),
        ]
        let ssd = try MaterialCharge(
            description: "SSD 1 TB", unitCost: usd("80.00"), quantity: 1, markup: Percentage(25))
        let usage = [try count(10, .workstation)]
        let options = try Quote.rank(
            candidates(), customer: acme(), period: january(), usage: usage,
            timeEntries: entries, materials: [ssd], calendar: office())
        #expect(options.map(\.plan.rawValue) == ["premium", "basic"])
        #expect(try options.map(\.invoice.total) == ["575.00", "750.00"].map(usd))
        let premiumLabour = options[0].invoice.lines.filter { $0.kind == .labour }
        #expect(try premiumLabour.map(\.amount) == ["100.00", "75.00"].map(usd))
        #expect(premiumLabour.map(\.quantity) == [Rational(60), Rational(45)])
        #expect(options[1].invoice.lines.contains { $0.kind == .material })
        let recurringOnly = try Quote.rank(
            plans: candidates().map(\.plan), customer: acme(), period: january(), usage: usage)
        #expect(recurringOnly.map(\.plan.rawValue) == ["basic", "premium"])
    }

    @Test func withoutWorkAPriceListIsNotNeeded() throws {
        // No entries or materials: 10 × 20.00 = 200.00 and 10 × 30.00 = 300.00, as
        // `rank(plans:…)` gives; a candidate without a price list is fine.
        var plans = try candidates()
        plans[0].timeAndMaterials = nil
        let options = try Quote.rank(
            plans, customer: acme(), period: january(), usage: [count(10, .workstation)],
            timeEntries: [], calendar: office())
        #expect(try options.map(\.invoice.total) == ["200.00", "300.00"].map(usd))
    }

    @Test func workWithoutAPriceListIsRefused() throws {
        var plans = try candidates()
        plans[1].timeAndMaterials = nil
        let entries = [try work("tue", "2026-01-06T10:00:00Z", "2026-01-06T11:00:00Z")]
        #expect(
            throws: BillingError.missingPriceList(
                field: "candidates[1].timeAndMaterials", entries: 1, materials: 0)
        ) {
            try Quote.rank(
                plans, customer: acme(), period: january(), usage: [], timeEntries: entries,
                calendar: office())
        }
    }

    @Test func plansInAnotherCurrencyAreRefused() throws {
        var plans = try candidates()
        plans[1].plan = try PricePlan(
            id: PricePlanID("euro"), name: "Euro", currency: .eur, cycle: monthlyUTC(),
            components: [])
        #expect(
            throws: BillingError.currencyMismatch(
                expected: .usd, found: .eur, field: "candidates[1].plan")
        ) {
            try Quote.rank(
                plans, customer: acme(), period: january(), usage: [], timeEntries: [],
                calendar: office())
        }
    }
}
