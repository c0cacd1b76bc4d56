import Foundation
import MSPCore
import MSPInventory
import Testing

@Suite struct UnitDaysTests {
    @Test func addedOnTheTenthRetiredOnTheTwentiethIsTenUnitDays() throws {
        // April has 30 days. Under management from 04-10 00:00 to 04-20 00:00 local: the
        // days 10, 11, ..., 19 are touched, 20 - 10 = 10 unit-days (10/30 of a unit).
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-10T00:00:00-04:00")
        try list.change("pc-1", .retired, at: "2026-04-20T00:00:00-04:00")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        let usage = try history.unitDays(in: april())
        #expect(usage.count == 1)
        #expect(quantity(usage, "acme", .workstation) == 10)
        #expect(usage.first?.averageUnits == (try Rational(1, 3)))
    }

    @Test func aRetirementInsideADayStillCountsThatDay() throws {
        // Retired at 04-20 09:00: day 20 is touched too, days 10...20 = 11 unit-days.
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-10T00:00:00-04:00")
        try list.change("pc-1", .retired, at: "2026-04-20T09:00:00-04:00")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        #expect(quantity(try history.unitDays(in: april()), "acme", .workstation) == 11)
    }

    @Test func aDeviceMovedMidMonthCountsForEachCustomerForItsDays() throws {
        // Added before April under acme; moved to globex at 04-16 00:00 local. acme has
        // days 1...15 (15), globex days 16...30 (15): 30 unit-days in all, one device.
        var list = EventList()
        try list.add(device("srv-1", .server), at: "2026-03-01T00:00:00-05:00")
        try list.change(
            "srv-1", .moved(customer: CustomerID("globex"), site: nil),
            at: "2026-04-16T00:00:00-04:00")
        let history = try InventoryHistory(
            customers: [customer("acme"), customer("globex")], events: list.events)
        let usage = try history.unitDays(in: april())
        #expect(quantity(usage, "acme", .server) == 15)
        #expect(quantity(usage, "globex", .server) == 15)
    }

    @Test func aMoveAtNoonCountsThatDayForBothCustomers() throws {
        // Moved at 04-16 12:00: acme has days 1...16 (16), globex days 16...30 (15).
        var list = EventList()
        try list.add(device("srv-1", .server), at: "2026-03-01T00:00:00-05:00")
        try list.change(
            "srv-1", .moved(customer: CustomerID("globex"), site: nil),
            at: "2026-04-16T12:00:00-04:00")
        let history = try InventoryHistory(
            customers: [customer("acme"), customer("globex")], events: list.events)
        let usage = try history.unitDays(in: april())
        #expect(quantity(usage, "acme", .server) == 16)
        #expect(quantity(usage, "globex", .server) == 15)
    }

    @Test func aDayTouchedTwiceByOneDeviceCountsOnce() throws {
        // Active from 04-10 00:00, inactive 04-12 08:00, active again 04-12 13:00, retired
        // 04-15 00:00: days 10, 11, 12, 13, 14 = 5 (day 12 once, not twice).
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-10T00:00:00-04:00")
        try list.change("pc-1", .statusChanged(.inactive), at: "2026-04-12T08:00:00-04:00")
        try list.change("pc-1", .statusChanged(.active), at: "2026-04-12T13:00:00-04:00")
        try list.change("pc-1", .retired, at: "2026-04-15T00:00:00-04:00")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        #expect(quantity(try history.unitDays(in: april()), "acme", .workstation) == 5)
    }

    @Test func dstDoesNotChangeTheDayCount() throws {
        // New York springs forward on 2026-03-08 (a 23-hour day) and falls back on
        // 2026-11-01 (a 25-hour day). Each of those days under management is one unit-day,
        // and a whole March (31 days, 743 hours) is 31 unit-days.
        var list = EventList()
        try list.add(device("a"), at: "2026-03-08T00:00:00-05:00")
        try list.change("a", .retired, at: "2026-03-09T00:00:00-04:00")
        try list.add(device("b"), at: "2026-02-01T00:00:00-05:00")
        try list.add(device("c"), at: "2026-11-01T00:00:00-04:00")
        try list.change("c", .retired, at: "2026-11-02T00:00:00-05:00")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        let march = try BillingPeriod(
            startDate: day("2026-03-01"), endDate: day("2026-04-01"),
            timeZoneIdentifier: "America/New_York")
        let november = try BillingPeriod(
            startDate: day("2026-11-01"), endDate: day("2026-12-01"),
            timeZoneIdentifier: "America/New_York")
        // March: a = 1, b = 31. November: b = 30, c = 1.
        #expect(quantity(try history.unitDays(in: march), "acme", .workstation) == 32)
        #expect(quantity(try history.unitDays(in: november), "acme", .workstation) == 31)
    }

    @Test func eachCustomerCountsItsOwnLocalDays() throws {
        // One device each, added 2026-04-10T02:00Z and never retired. In New York that is
        // 04-09 22:00, so days 9...30 = 22; in Tokyo it is 04-10 11:00, days 10...30 = 21.
        var list = EventList()
        try list.add(device("ny-1", customer: "ny"), at: "2026-04-10T02:00:00Z")
        try list.add(device("tk-1", customer: "tokyo"), at: "2026-04-10T02:00:00Z")
        let history = try InventoryHistory(
            customers: [customer("ny"), customer("tokyo", zone: "Asia/Tokyo")],
            events: list.events)
        let usage = try history.unitDays(from: day("2026-04-01"), to: day("2026-05-01"))
        #expect(quantity(usage, "ny", .workstation) == 22)
        #expect(quantity(usage, "tokyo", .workstation) == 21)
        let tokyoUsage = try #require(usage.first { $0.customer.rawValue == "tokyo" })
        guard case .unitDays(_, let period) = tokyoUsage.measure else {
            Issue.record("expected unit-days")
            return
        }
        #expect(period.timeZoneIdentifier == "Asia/Tokyo")
    }

    @Test func unitSecondsCountTheExactTime() throws {
        // Added 04-10 12:00, retired 04-20 00:00: 9.5 days = 9.5 × 86,400 = 820,800 s.
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-10T12:00:00-04:00")
        try list.change("pc-1", .retired, at: "2026-04-20T00:00:00-04:00")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        #expect(quantity(try history.unitSeconds(in: april()), "acme", .workstation) == 820_800)
    }

    @Test func seatsCountTheirActiveDays() throws {
        // A seat active 04-01 00:00 to 04-05 12:00 and 04-05 15:00 to 04-08 00:00: days
        // 1...5 and 5...7; day 5 once: 7 unit-days of `.user`.
        let ranges = [
            try DateRange(
                start: instant("2026-04-01T00:00:00-04:00"),
                end: instant("2026-04-05T12:00:00-04:00")),
            try DateRange(
                start: instant("2026-04-05T15:00:00-04:00"),
                end: instant("2026-04-08T00:00:00-04:00")),
        ]
        let seat = Seat(
            id: try UserID("jo"), customer: try CustomerID("acme"), activeRanges: ranges)
        let history = try InventoryHistory(customers: [customer("acme")], seats: [seat], events: [])
        #expect(quantity(try history.unitDays(in: april()), "acme", .user) == 7)
    }

    @Test func inactiveAndNonBillableDevicesAddNoDays() throws {
        // A printer (not billable by default) and a workstation in repair all month: none.
        var list = EventList()
        try list.add(device("prn", .printer), at: "2026-03-01T00:00:00-05:00")
        try list.add(device("pc", status: .inRepair), at: "2026-03-01T00:00:00-05:00")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        #expect(try history.unitDays(in: april()).isEmpty)
    }

    @Test func aRetiredDeviceBackInServiceCountsAgain() throws {
        // Added 04-01 00:00, retired 04-10 00:00 (days 1...9 = 9), active again from
        // 04-20 00:00 to the end of April (days 20...30 = 11): 20 unit-days.
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00-04:00")
        try list.change("pc-1", .retired, at: "2026-04-10T00:00:00-04:00")
        try list.change("pc-1", .statusChanged(.active), at: "2026-04-20T00:00:00-04:00")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        #expect(quantity(try history.unitDays(in: april()), "acme", .workstation) == 20)
    }

    @Test func endBeforeStartIsRejected() throws {
        let history = try InventoryHistory(customers: [customer("acme")], events: [])
        #expect(throws: InventoryError.invalidInstant("2026-05-01..<2026-04-01", field: "end")) {
            try history.unitDays(from: day("2026-05-01"), to: day("2026-04-01"))
        }
    }
}
