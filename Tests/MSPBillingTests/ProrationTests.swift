import Foundation
import MSPBilling
import MSPCore
import Testing

private func flatPricing(_ amount: String) throws -> PlanComponent.Pricing {
    .flat(try FlatFee(usd(amount)))
}

@Suite struct ProrationTests {
    @Test func dayFifteenRemovalOfThreeOfFortyDevices() throws {
        // New York January: 31 days. 40 devices at 10.00/month in arrears; 3 removed at
        // Jan 15 00:00 local, so they were managed Jan 1...14 (14 days).
        // unit-days = 37 × 31 + 3 × 14 = 1,147 + 42 = 1,189; average = 1,189 / 31 devices.
        // charge = 10.00 × 1,189 / 31 = 11,890 / 31 = 383.548… → 383.55
        // (= 370.00 for the 37 kept + 30.00 × 14/31 = 13.548… for the 3 removed)
        let cycle = try BillingCycle.monthly(
            anchoredAt: LocalDate(year: 2026, month: 1, day: 1),
            timeZoneIdentifier: "America/New_York")
        let period = try cycle.period(containing: instant("2026-01-10T12:00:00Z"))
        let removedRange = try DateRange(
            start: instant("2026-01-01T05:00:00Z"), end: instant("2026-01-15T05:00:00Z"))
        let removedDays = try Int64(period.billableDays(of: removedRange))
        #expect(removedDays == 14)
        let arrears = try PricePlan(
            id: PricePlanID("managed"), name: "Managed", currency: .usd, cycle: cycle,
            components: [perUnit("Devices", .workstation, "10.00", timing: .inArrears)])
        let byDays = try UnitUsage(
            customer: acme(), category: .workstation,
            measure: .unitDays(37 * 31 + 3 * removedDays, period: period))
        let invoice = try arrears.rate(customer: acme(), period: period, usage: [byDays])
        #expect(invoice.total == (try usd("383.55")))
        #expect(invoice.lines[0].quantity == (try Rational(1189, 31)))
        #expect(invoice.lines[0].source?.unitDays == 1189)
        // The same usage in unit-seconds: 37 × 2,678,400 + 3 × 1,209,600 = 102,729,600 s
        // over a 2,678,400 s period = 1,189/31 devices again.
        let bySeconds = [
            try UnitUsage(
                customer: acme(), category: .workstation,
                measure: .unitSeconds(37 * 2_678_400, period: period)),
            try UnitUsage(
                customer: acme(), category: .workstation,
                measure: .unitSeconds(3 * 1_209_600, period: period)),
        ]
        #expect(
            try arrears.rate(customer: acme(), period: period, usage: bySeconds).total
                == usd("383.55"))
    }

    @Test func upgradeThenDowngradeInOnePeriod() throws {
        // January (31 days). Bronze 100.00 billed in advance for the month.
        // Jan 11: upgrade to Gold 200.00. Bronze used 10/31, unused 21/31:
        //   10,000 cents × 10/31 = 3,225.8, × 21/31 = 6,774.19; the leftover cent goes to the
        //   larger remainder (0.8): used 32.26, unused 67.74. Credit −67.74.
        //   Gold charge 200.00 × 21/31 = 135.483… → 135.48.
        // Jan 21: downgrade to Silver 150.00. The 135.48 billed for Jan 11–31 splits 10 : 11:
        //   13,548 × 10/21 = 6,451.43, × 11/21 = 7,096.57 → 64.51 and 70.97. Credit −70.97
        //   (from what was billed for Gold, not from Silver's price).
        //   Silver charge 150.00 × 11/31 = 53.225… → 53.23.
        // Net: 100.00 − 67.74 + 135.48 − 70.97 + 53.23 = 150.00 = 32.26 + 64.51 + 53.23.
        let period = try january()
        let bronze = BilledCharge(
            component: "Plan", category: try category("managed-services"),
            amount: try usd("100.00"),
            coverage: period.range)
        let upgrade = try PlanChange(
            changing: bronze, at: instant("2026-01-11T00:00:00Z"), to: flatPricing("200.00"),
            quantity: .one, period: period, basis: .calendarDays)
        #expect(upgrade.used.amount == (try usd("32.26")))
        #expect(upgrade.credit.amount == (try usd("-67.74")))
        #expect(upgrade.charge.amount == (try usd("135.48")))
        #expect(upgrade.charge.prorationFraction == (try Rational(21, 31)))
        let downgrade = try PlanChange(
            changing: upgrade.billed, at: instant("2026-01-21T00:00:00Z"),
            to: flatPricing("150.00"), quantity: .one, period: period, basis: .calendarDays)
        #expect(downgrade.used.amount == (try usd("64.51")))
        #expect(downgrade.credit.amount == (try usd("-70.97")))
        #expect(downgrade.charge.amount == (try usd("53.23")))
        let all = [
            bronze.amount, upgrade.credit.amount, upgrade.charge.amount, downgrade.credit.amount,
            downgrade.charge.amount,
        ]
        #expect(try Money.sum(all, currency: .usd) == usd("150.00"))
        // The downgrade's lines alone make a credit note: −70.97 + 53.23 = −17.74.
        let note = try Invoice(
            customer: acme(), plan: PricePlanID("silver"), period: period, currency: .usd,
            lines: [downgrade.credit, downgrade.charge], taxPolicy: .none)
        #expect(note.kind == .creditNote)
        #expect(note.total == (try usd("-17.74")))
    }

    @Test func changeOutsideTheBilledCoverage() throws {
        let period = try january()
        let billed = BilledCharge(
            component: "Plan", category: .workstation, amount: try usd("100.00"),
            coverage: try DateRange(
                start: instant("2026-01-11T00:00:00Z"), end: instant("2026-02-01T00:00:00Z")))
        let error = #expect(throws: BillingError.self) {
            try PlanChange(
                changing: billed, at: instant("2026-01-05T00:00:00Z"), to: flatPricing("1.00"),
                quantity: .one, period: period, basis: .calendarDays)
        }
        #expect(error?.code == .outsidePeriod)
        #expect(error?.field == "instant")
    }

    @Test func januaryThirtyFirstAnchorOverAYear() throws {
        // Anchor day 31 clamps to the month's last day: Jan 31 → Feb 28 → Mar 31 → Apr 30 …
        // Each period: base 100.00 + 10 devices in arrears at 10.00 (10 × days unit-days,
        // so exactly 10 devices) = 200.00; twelve periods = 2,400.00, twelve distinct keys.
        let cycle = try BillingCycle.monthly(anchorDay: 31, timeZoneIdentifier: "UTC")
        let anchored = try PricePlan(
            id: PricePlanID("gold"), name: "Gold", currency: .usd, cycle: cycle,
            components: [
                flat("Base", category("managed-services"), "100.00"),
                perUnit("Devices", .workstation, "10.00", timing: .inArrears),
            ])
        let periods = try cycle.periods(
            overlapping: DateRange(
                start: instant("2026-01-31T00:00:00Z"), end: instant("2027-01-31T00:00:00Z")))
        #expect(periods.count == 12)
        var keys = Set<InvoiceKey>()
        var total = Money.zero(.usd)
        for period in periods {
            let usage = try UnitUsage(
                customer: acme(), category: .workstation,
                measure: .unitDays(10 * Int64(period.dayCount), period: period))
            let invoice = try anchored.rate(customer: acme(), period: period, usage: [usage])
            #expect(invoice.total == (try usd("200.00")))
            keys.insert(invoice.key)
            total = try total + invoice.total
        }
        #expect(keys.count == 12)
        #expect(total == (try usd("2400.00")))
        let firstKey = InvoiceKey(customer: try acme(), plan: anchored.id, period: periods[0])
        #expect(firstKey.rawValue == "acme/gold/2026-01-31/2026-02-28")
        #expect(periods.last?.startDate.description == "2026-12-31")
        // A customer starting Feb 10 in the first period (Jan 31 … Feb 27, 28 days) pays the
        // base for Feb 10 … Feb 27, 18 days: 100.00 × 18/28 = 64.2857… → 64.29.
        let first = try #require(periods.first)
        let started = try anchored.rate(
            customer: acme(), period: first, usage: [],
            coverage: DateRange(start: instant("2026-02-10T00:00:00Z"), end: first.end))
        #expect(started.lines[0].amount == (try usd("64.29")))
        #expect(started.lines[0].prorationFraction == (try Rational(18, 28)))
    }
}
