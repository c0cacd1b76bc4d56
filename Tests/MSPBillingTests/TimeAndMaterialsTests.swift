import Foundation
import MSPBilling
import MSPCore
import Testing

/// Monday to Friday 09:00–17:00 UTC, compiled over 2026.
private func office() throws -> BusinessCalendar.Compiled {
    let hours = try BusinessCalendar.Span("09:00", "17:00")
    let calendar = try BusinessCalendar(
        timeZone: "UTC",
        weeklyHours: [
            .monday: [hours], .tuesday: [hours], .wednesday: [hours], .thursday: [hours],
            .friday: [hours],
        ])
    return try calendar.compiled(
        for: DateRange(start: instant("2026-01-01T00:00:00Z"), end: instant("2027-01-01T00:00:00Z"))
    )
}

/// 120.00/h for an engineer working remotely, 15-minute increments, 1-hour minimum, 1.5×
/// after hours.
private func breakFix(_ order: TimeAndMaterials.RoundingOrder) throws -> TimeAndMaterials {
    try TimeAndMaterials(
        rates: [.init(role: "engineer", workType: "remote", hourly: price("120.00"))],
        incrementMinutes: 15, minimumMinutes: 60, afterHoursMultiplier: Rational(3, 2),
        roundingOrder: order, labourCategory: category("labour"),
        materialCategory: category("parts"))
}

private func entry(
    _ start: String, _ end: String, status: TimeEntry.Status = .billable, id: String = "t1"
) throws -> TimeEntry {
    try TimeEntry(
        id: id, customer: acme(), role: "engineer", workType: "remote", start: instant(start),
        end: instant(end), status: status)
}

@Suite struct TimeAndMaterialsTests {
    @Test(arguments: [
        // Tuesday 6 January 2026; business hours end at 17:00.
        // 16:40–17:20: 20 business + 20 after-hours minutes.
        //   before: 40 → 45 → minimum 60; the 20 added minutes are after hours (the entry
        //           ends after hours): 20 + 40 × 1.5 = 80 min → 120.00 × 80/60 = 160.00
        //   after:  20 + 20 × 1.5 = 50 → 60 min → 120.00
        ("2026-01-06T16:40:00Z", "2026-01-06T17:20:00Z", "80", "160.00", "60", "120.00"),
        // 16:00–18:10: 60 business + 70 after-hours minutes.
        //   before: 130 → 135, 5 added after hours: 60 + 75 × 1.5 = 172.5 min → 345.00
        //   after:  60 + 70 × 1.5 = 165 = 11 × 15 → 165 min → 330.00
        ("2026-01-06T16:00:00Z", "2026-01-06T18:10:00Z", "345/2", "345.00", "165", "330.00"),
        // 10:00–10:07 in business hours: 7 → 15 → minimum 60 min → 120.00 either way.
        ("2026-01-06T10:00:00Z", "2026-01-06T10:07:00Z", "60", "120.00", "60", "120.00"),
        // 16:30–17:00 ends at closing, inside business time: 30 → minimum 60, the added
        // 30 minutes at the business rate → 120.00 either way.
        ("2026-01-06T16:30:00Z", "2026-01-06T17:00:00Z", "60", "120.00", "60", "120.00"),
        // Saturday 10 January 10:00–11:10, all 70 minutes after hours.
        //   before: 70 → 75 → 75 × 1.5 = 112.5 min → 225.00
        //   after:  70 × 1.5 = 105 = 7 × 15 → 105 min → 210.00
        ("2026-01-10T10:00:00Z", "2026-01-10T11:10:00Z", "225/2", "225.00", "105", "210.00"),
    ])
    func incrementsMinimumAndAfterHours(
        start: String, end: String, beforeMinutes: String, before: String, afterMinutes: String,
        after: String
    ) throws {
        try expectBilled(
            entry(start, end), calendar: office(), roundFirst: breakFix(.beforeMultiplier),
            multiplyFirst: breakFix(.afterMultiplier), beforeMinutes: beforeMinutes,
            before: before, afterMinutes: afterMinutes, after: after)
    }

    @Test func statusesAndMaterials() throws {
        // No-charge and covered entries show their time at 0.00.
        // SSD 80.00 × 2 + 25 % = 160.00 × 1.25 = 200.00
        // Cable 9.99 × 3 + 12.5 % = 29.97 × 1.125 = 33.71625 → 33.72
        let calendar = try office()
        let entries = [
            try entry("2026-01-06T10:00:00Z", "2026-01-06T11:00:00Z", status: .noCharge, id: "a"),
            try entry(
                "2026-01-06T10:00:00Z", "2026-01-06T11:00:00Z", status: .coveredByAgreement,
                id: "b"),
        ]
        let materials = [
            try MaterialCharge(
                description: "SSD 1 TB", unitCost: usd("80.00"), quantity: 2, markup: Percentage(25)
            ),
            try MaterialCharge(
                description: "Cable", unitCost: usd("9.99"), quantity: 3,
                markup: Percentage(Rational(parsing: "12.5"))),
        ]
        let lines = try breakFix(.beforeMultiplier).lines(
            for: entries, materials: materials, customer: acme(), calendar: calendar)
        #expect(try lines.map(\.amount) == ["0.00", "0.00", "200.00", "33.72"].map(usd))
        #expect(lines[0].note == "noCharge")
        #expect(lines[1].quantity == Rational(60))
    }

    @Test func labourJoinsAPlanInvoice() throws {
        // Base 100.00 + the straddling entry 160.00 (round before multiplier) = 260.00.
        let calendar = try office()
        let labour = try breakFix(.beforeMultiplier).lines(
            for: [entry("2026-01-06T16:40:00Z", "2026-01-06T17:20:00Z")], customer: acme(),
            calendar: calendar)
        let invoice = try plan("tm", [flat("Base", category("managed-services"), "100.00")])
            .rate(customer: acme(), period: january(), usage: [], additionalLines: labour)
        #expect(invoice.total == (try usd("260.00")))
        #expect(invoice.lines.last?.kind == .labour)
    }

    @Test func entryEndingBeforeItStarts() throws {
        let error = #expect(throws: BillingError.self) {
            try entry("2026-01-06T10:00:00Z", "2026-01-06T09:00:00Z")
        }
        #expect(error?.code == .endBeforeStart)
        #expect(error?.field == "timeEntries[t1].end")
    }

    @Test func errorsForRatesRulesAndCustomers() throws {
        let calendar = try office()
        let onsite = try TimeEntry(
            id: "t9", customer: acme(), role: "engineer", workType: "onsite",
            start: instant("2026-01-06T10:00:00Z"), end: instant("2026-01-06T11:00:00Z"))
        #expect(throws: BillingError.unknownRate(role: "engineer", workType: "onsite", entry: "t9"))
        {
            try breakFix(.afterMultiplier).lines(
                for: [onsite], customer: acme(), calendar: calendar)
        }
        #expect(throws: BillingError.invalidTimeRule("0.5", field: "afterHoursMultiplier")) {
            try TimeAndMaterials(
                rates: [], afterHoursMultiplier: Rational(1, 2), labourCategory: category("l"),
                materialCategory: category("p"))
        }
        #expect(throws: BillingError.invalidTimeRule("0", field: "incrementMinutes")) {
            try TimeAndMaterials(
                rates: [], incrementMinutes: 0, labourCategory: category("l"),
                materialCategory: category("p"))
        }
        #expect(throws: BillingError.invalidTimeRule("525601", field: "minimumMinutes")) {
            try TimeAndMaterials(
                rates: [], minimumMinutes: 525_601, labourCategory: category("l"),
                materialCategory: category("p"))
        }
        let other = try TimeEntry(
            id: "t2", customer: CustomerID("globex"), role: "engineer", workType: "remote",
            start: instant("2026-01-06T10:00:00Z"), end: instant("2026-01-06T11:00:00Z"))
        #expect(
            throws: BillingError.customerMismatch(
                expected: try acme(), found: try CustomerID("globex"),
                field: "timeEntries[t2].customer")
        ) {
            try breakFix(.afterMultiplier).lines(for: [other], customer: acme(), calendar: calendar)
        }
        // The same name with other bytes (decomposed é) is another customer, as for `==`.
        let decomposed = try TimeEntry(
            id: "t3", customer: CustomerID("cafe\u{301}"), role: "engineer", workType: "remote",
            start: instant("2026-01-06T10:00:00Z"), end: instant("2026-01-06T11:00:00Z"))
        #expect(
            throws: BillingError.customerMismatch(
                expected: try CustomerID("caf\u{E9}"), found: try CustomerID("cafe\u{301}"),
                field: "timeEntries[t3].customer")
        ) {
            try breakFix(.afterMultiplier).lines(
                for: [decomposed], customer: CustomerID("caf\u{E9}"), calendar: calendar)
        }
    }
}
