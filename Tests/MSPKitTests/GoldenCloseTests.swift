import Foundation
import MSPKit
import Testing

/// The close of the bundled sample MSP (`Examples/Data`) for October 2026, worked by hand.
///
/// October 2026 in New York is entirely daylight time (UTC−4; clocks fall back on 1
/// November): the period is 2026-10-01T04:00Z ..< 2026-11-01T04:00Z, 31 days of 24 h =
/// 744 h = 44,640 minutes. No plan has taxes or discounts, so every total is the sum of
/// its lines.
@Suite struct GoldenCloseTests {
    let result: CloseResult

    init() throws {
        result = try SampleData.close().close(try SampleData.customers())
    }

    func customer(_ id: String) throws -> CustomerClose {
        try #require(result.customers.first { $0.customer.rawValue == id })
    }

    func usd(_ text: String) throws -> Money { try Money(parsing: text, currency: .usd) }

    func amounts(_ close: CustomerClose) throws -> [String] {
        try #require(close.invoice).lines.map { "\($0.description) \($0.amount.description)" }
    }

    @Test func customersInFileOrder() {
        #expect(
            result.customers.map(\.customer.rawValue)
                == ["acme", "bluebird", "cobalt", "dunmore", "eastwind", "fjord", "gale"])
        #expect(result.period.startDate.description == "2026-10-01")
        #expect(result.period.endDate.description == "2026-11-01")
    }

    /// Acme Dental, plan `per-device`, service level `managed`.
    ///
    /// - Servers, in advance, counted at 2026-10-01 00:00: srv-1, srv-2 → 2 × 95.00 = 190.00.
    /// - Workstations, in arrears, unit-days: ws-1, ws-3, ws-4 all month 3 × 31 = 93; ws-2
    ///   retired 10-20 00:00 → days 1…19 = 19; ws-5 added 10-10 00:00 → days 10…31 = 22;
    ///   134 unit-days → 25.00 × 134 / 31 = 3,350 / 31 = 108.0645… → 108.06 (half-up).
    /// - Network devices, in advance: net-1 → 15.00. The printer is not billable.
    /// - ACME-101-1, remote 13:00–14:00: remote is included → covered, 0.00.
    /// - ACME-102-1, project 13:00–14:10 (70 min): project is excluded → billable at the rate
    ///   card's 135.00; 70 min → 75 min (15-minute increments, all in office hours) →
    ///   1.25 h × 135.00 = 168.75.
    /// - Tickets: ACME-101 (P2, office 09–17) replied after 1 h (first response 4 h: met);
    ///   resolution 16 h: Mon 10:00–17:00 7 h, Tue 09:00–10:00 1 h, paused (waiting on
    ///   customer) Tue 10:00 → Wed 10:00, Wed 10:00–17:00 7 h (15 h), Thu 09:00–10:00 → 16 h
    ///   reached Thu 10:00, resolved 12:00: breached. ACME-102 created P3 09:00, raised to P1
    ///   at 09:30 with 30 min elapsed (keep elapsed): P1 first response 1 h 24×7 due 10:00,
    ///   reply 10:30: breached; resolution 30 min + 09:30–15:00 5 h 30 = 6 h ≤ 8 h: met.
    ///   ACME-103 (P3): reply after 1 h (met), resolved after 3 h + 2 h = 5 h ≤ 40 h (met).
    /// - Mail: outages 10-07 14:00–14:30 (30 min) and 10-21 09:00–09:20 (20 min); the one on
    ///   10-18 02:30–03:15 is inside maintenance 02:00–04:00, which is also removed from the
    ///   measured time: 744 h − 2 h = 742 h = 44,520 min; availability
    ///   100 × (44,520 − 50) / 44,520 = 111,175 / 1,113 % = 99.888 % < 99.9 %: band
    ///   [99, 99.9) → 10 %.
    /// - Credit: 10 % + 2 % for the one breached resolution target (first-response breaches
    ///   carry no ticket credit) = 12 % of the recurring fee 190.00 + 108.06 + 15.00 =
    ///   313.06 → 37.5672 → 37.57 (half-up), a line of −37.57.
    /// - Total 190.00 + 108.06 + 15.00 + 0.00 + 168.75 − 37.57 = 444.24; MRR 313.06.
    @Test func acme() throws {
        let acme = try customer("acme")
        #expect(acme.status == .active)
        #expect(
            try amounts(acme) == [
                "Servers 190.00 USD", "Workstations 108.06 USD", "Network devices 15.00 USD",
                "ACME-101-1 0.00 USD", "ACME-102-1 168.75 USD", "SLA service credit -37.57 USD",
            ])
        let invoice = try #require(acme.invoice)
        #expect(invoice.lines[1].quantity == (try Rational(134, 31)))
        #expect(invoice.lines[4].quantity == Rational(75))
        #expect(invoice.lines[5].kind == .adjustment)
        #expect(invoice.lines[5].model == "sla-credit")
        #expect(invoice.total == (try usd("444.24")))
        #expect(acme.monthlyRecurringRevenue == (try usd("313.06")))

        let availability = try #require(acme.availability.first)
        #expect(availability.report.downtime == .seconds(50 * 60))
        #expect(availability.report.maintenanceTime == .seconds(2 * 3600))
        #expect(availability.report.strictAvailability == (try Rational(111_175, 1_113)))

        let credit = try #require(acme.serviceCredit)
        #expect(credit.service?.rawValue == "mail")
        #expect(credit.fee == (try usd("313.06")))
        #expect(credit.credit.bandCredit == Percentage(10))
        #expect(credit.credit.ticketCredit == Percentage(2))
        #expect(credit.credit.amount == (try usd("37.57")))

        let compliance = try #require(acme.compliance)
        let rows = compliance.rows.map {
            "\($0.priority) \($0.kind.rawValue) \($0.met)/\($0.breached)"
        }
        #expect(
            rows == [
                "P1 firstResponse 0/1", "P1 resolution 1/0", "P2 firstResponse 1/0",
                "P2 resolution 0/1", "P3 firstResponse 1/0", "P3 resolution 1/0",
            ])
        #expect(compliance.breachedTickets.map(\.rawValue) == ["ACME-101", "ACME-102"])
        #expect(acme.labour.map(\.outcome) == [.covered, .billable])
    }

    /// Bluebird Legal, plan `per-user`: 12 seats active on 10-01 (the 13th starts 10-15 and
    /// is billed from November, in advance) → 12 × 45.00 = 540.00. Notice was given on
    /// 09-25, before the deadline 10-01 (one month before the term's end 11-01), so the
    /// agreement ends 11-01 and is in its notice period all October, billed in full. No
    /// tickets or services: the credit is 0 %, so there is no credit line. MRR 540.00, the
    /// same as before: no movement.
    @Test func bluebirdInNotice() throws {
        let bluebird = try customer("bluebird")
        #expect(bluebird.status == .inNoticePeriod)
        #expect(try amounts(bluebird) == ["Users 540.00 USD"])
        #expect(bluebird.serviceCredit?.credit.amount == (try usd("0.00")))
        #expect(bluebird.monthlyRecurringRevenue == (try usd("540.00")))
    }

    /// Cobalt Engineering, plan `tiered`: 14 workstations all month (434 unit-days) and
    /// ws-15 from 10-17 (days 17…31 = 15) → 449 / 31 average workstations; graduated
    /// 10 × 30.00 + (449/31 − 10) × 25.00 = 300.00 + 3,475 / 31 = 412.0967… → 412.10; one
    /// server 90.00. The ERP's state timeline is down 10-09 09:00–10:30 (90 min):
    /// 100 × (44,640 − 90) / 44,640 = 12,375 / 124 % = 99.798 % → 10 % of 502.10 = 50.21.
    /// Total 502.10 − 50.21 = 451.89; MRR 502.10.
    @Test func cobaltTieredWithTimeline() throws {
        let cobalt = try customer("cobalt")
        #expect(
            try amounts(cobalt) == [
                "Workstations 412.10 USD", "Servers 90.00 USD", "SLA service credit -50.21 USD",
            ])
        #expect(cobalt.invoice?.total == (try usd("451.89")))
        #expect(cobalt.availability.first?.report.strictAvailability == (try Rational(12_375, 124)))
    }

    /// Dunmore Logistics, plan `all-inclusive`: 2,500.00 flat and 30 users, 25 included, 5 ×
    /// 40.00 = 200.00. DUN-1 (P1, 24×7) created Sat 20:00, resolved Sun 06:00: 10 h > 8 h,
    /// breached; its onsite work is included (0.00). No monitored service: availability
    /// is 100 %, no band; 2 % for the breached resolution of 2,700.00 = 54.00.
    /// Total 2,646.00; MRR 2,700.00, a reactivation (no MRR before, active in the past).
    @Test func dunmoreAllInclusive() throws {
        let dunmore = try customer("dunmore")
        #expect(
            try amounts(dunmore) == [
                "Managed services 2500.00 USD", "Users beyond 25 200.00 USD", "DUN-1-1 0.00 USD",
                "SLA service credit -54.00 USD",
            ])
        #expect(dunmore.invoice?.total == (try usd("2646.00")))
        #expect(dunmore.serviceCredit?.service == nil)
    }

    /// Eastwind Bakery, plan `monitoring-only`, starting 10-10: served 10-10 ..< 11-01, 22 of
    /// 31 days. 20 workstations × 4.00 × 22/31 = 1,760/31 = 56.774… → 56.77; 3 servers ×
    /// 8.00 × 22/31 = 528/31 = 17.032… → 17.03. EAST-1-1, remote 16:40–17:20, nothing
    /// covered → 120.00/h: 40 min → 45 min, the added 5 min after hours (the entry ends
    /// after closing): 20 min in hours + 25 min × 1.5 = 57.5 min → 115.00. The gateway was
    /// down 10 h and unknown 30 min (strict availability counts unknown as down):
    /// 100 × (744 − 10.5) / 744 = 12,225 / 124 % = 98.589 % → band [95, 99) 25 % of 73.80 =
    /// 18.45. Total 73.80 + 115.00 − 18.45 = 170.35. MRR is the run rate, 80.00 + 24.00 =
    /// 104.00, all new.
    @Test func eastwindNewMidMonth() throws {
        let eastwind = try customer("eastwind")
        #expect(
            try amounts(eastwind) == [
                "Monitored workstations 56.77 USD", "Monitored servers 17.03 USD",
                "EAST-1-1 115.00 USD", "SLA service credit -18.45 USD",
            ])
        #expect(eastwind.invoice?.lines[0].prorationFraction == (try Rational(22, 31)))
        #expect(eastwind.invoice?.total == (try usd("170.35")))
        #expect(eastwind.monthlyRecurringRevenue == (try usd("104.00")))
        #expect(eastwind.servedRange?.start == SampleData.instant("2026-10-10T04:00:00Z"))
    }

    /// Fjord Outfitters, plan `break-fix`: 49.00 account fee. FJ-1-1 onsite 90 min → 1.5 h ×
    /// 150.00 = 225.00; FJ-2-1 marked no charge → 0.00 (30 min minimum, shown); the SSD
    /// 120.00 + 20 % = 144.00 (FJ-1 was resolved in October). Block hours: 600 minutes for
    /// October; draws 240 + 300 + 180 = 720 → D-3 takes the last 60 and 120 minutes are
    /// overage: 2 h × 150.00 = 300.00. Opening 0 (the block starts with the period),
    /// purchased 600, consumed 600, closing 0. Total 49.00 + 225.00 + 0.00 + 144.00 +
    /// 300.00 = 718.00; the `basic` level has no credits. MRR 49.00.
    @Test func fjordBlockHoursWithOverage() throws {
        let fjord = try customer("fjord")
        #expect(
            try amounts(fjord) == [
                "Account 49.00 USD", "FJ-1-1 225.00 USD", "FJ-2-1 0.00 USD",
                "Replacement SSD 1 TB 144.00 USD", "Overage D-3 300.00 USD",
            ])
        #expect(fjord.invoice?.total == (try usd("718.00")))
        #expect(
            fjord.blockHours
                == BlockHoursMovement(
                    opening: 0, purchased: 600, consumed: 600, expired: 0, overage: 120,
                    closing: 0))
        #expect(fjord.serviceCredit == nil)
        #expect(fjord.labour.map(\.outcome) == [.billable, .noCharge])
    }

    /// Gale Architects gave notice on 2026-08-15 (deadline 09-01): the agreement expired on
    /// 10-01, so nothing is billed in October and its 150.00 MRR churns.
    @Test func galeExpired() throws {
        let gale = try customer("gale")
        #expect(gale.status == .expired)
        #expect(gale.invoice == nil)
        #expect(gale.servedRange == nil)
        #expect(gale.monthlyRecurringRevenue == (try usd("0.00")))
    }

    /// MRR before: 300.00 + 540.00 + 480.00 + 49.00 + 150.00 = 1,519.00. After: 313.06 +
    /// 540.00 + 502.10 + 2,700.00 + 104.00 + 49.00 = 4,208.16. Movements: acme expansion
    /// 13.06, cobalt expansion 22.10, dunmore reactivation 2,700.00, eastwind new 104.00,
    /// gale churn −150.00; net 2,689.16 = 4,208.16 − 1,519.00.
    @Test func mrrMovements() throws {
        let mrr = result.mrr
        #expect(mrr.before == (try usd("1519.00")))
        #expect(mrr.after == (try usd("4208.16")))
        #expect(
            mrr.movements.map { "\($0.customer) \($0.kind.rawValue) \($0.amount)" } == [
                "acme expansion 13.06 USD", "cobalt expansion 22.10 USD",
                "dunmore reactivation 2700.00 USD", "eastwind new 104.00 USD",
                "gale churn -150.00 USD",
            ])
        #expect(mrr.expansion == (try usd("35.16")))
        #expect(mrr.netChange == (try usd("2689.16")))
        #expect(mrr.contraction == (try usd("0.00")))
    }

    /// The result encodes to JSON (the CLI writes it) and every invoice decodes back equal.
    @Test func resultEncodesAndInvoicesRoundTrip() throws {
        let data = try JSONEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["customers"] is [Any])
        for close in result.customers {
            guard let invoice = close.invoice else { continue }
            let decoded = try JSONDecoder().decode(
                Invoice.self, from: JSONEncoder().encode(invoice))
            #expect(decoded == invoice)
        }
    }
}
