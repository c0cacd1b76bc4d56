import Foundation
import MSPCore
import MSPInventory
import Testing

@Suite struct CountTests {
    /// acme (standard map) and globex (printers billed as monitored endpoints, mobiles not
    /// billed), with one device of each situation.
    private func fixture() throws -> InventoryHistory {
        let globexMap = BillableCategoryMap.standard
            .setting(.printer, to: .monitoredEndpoint).removing(.mobile)
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00-04:00")
        try list.add(device("lap-1", .laptop), at: "2026-04-01T00:00:00-04:00")
        try list.add(device("vm-1", .virtualServer), at: "2026-04-01T00:00:00-04:00")
        try list.add(device("prn-1", .printer), at: "2026-04-01T00:00:00-04:00")
        try list.add(device("srv-off", .server, status: .inactive), at: "2026-04-01T00:00:00-04:00")
        try list.add(device("pc-late"), at: "2026-04-20T00:00:00-04:00")
        try list.add(device("pc-old"), at: "2026-04-01T00:00:00-04:00")
        try list.change("pc-old", .retired, at: "2026-04-05T00:00:00-04:00")
        try list.add(device("prn-g", .printer, customer: "globex"), at: "2026-04-01T00:00:00-04:00")
        try list.add(
            device("phone-g", .mobile, customer: "globex"), at: "2026-04-01T00:00:00-04:00")
        try list.add(device("fw-g", .firewall, customer: "globex"), at: "2026-04-01T00:00:00-04:00")
        return try InventoryHistory(
            customers: [customer("globex", map: globexMap), customer("acme")], events: list.events)
    }

    @Test func countsPerCustomerAndCategoryAtAnInstant() throws {
        // At 04-10: acme has pc-1 + lap-1 = 2 workstations and vm-1 = 1 server; srv-off is
        // inactive, prn-1 is a printer, pc-late is not added yet, pc-old is retired.
        // globex has prn-g = 1 monitored endpoint and fw-g = 1 network device; phone-g is a
        // mobile, which globex does not bill.
        let at = try instant("2026-04-10T12:00:00-04:00")
        let counts = try fixture().billableCounts(at: at)
        #expect(counts.map(\.customer.rawValue) == ["acme", "acme", "globex", "globex"])
        #expect(quantity(counts, "acme", .workstation) == 2)
        #expect(quantity(counts, "acme", .server) == 1)
        #expect(quantity(counts, "globex", .monitoredEndpoint) == 1)
        #expect(quantity(counts, "globex", .networkDevice) == 1)
        #expect(
            counts.allSatisfy {
                $0.measure == .count(quantity(counts, $0.customer.rawValue, $0.category), at: at)
            })
    }

    @Test func everyItemHasAReason() throws {
        let decisions = try fixture().countDecisions(at: instant("2026-04-10T12:00:00-04:00"))
        func reason(_ id: String) throws -> CountDecision.Reason? {
            let device = try DeviceID(id)
            return decisions.first { $0.item == .device(device) }?.reason
        }
        #expect(try reason("pc-1") == .counted)
        #expect(try reason("vm-1") == .counted)
        #expect(try reason("srv-off") == .status(.inactive))
        #expect(try reason("prn-1") == .kindNotBillable(.printer))
        #expect(try reason("pc-late") == .notYetAdded)
        #expect(try reason("pc-old") == .status(.retired))
        #expect(try reason("prn-g") == .counted)
        #expect(try reason("phone-g") == .kindNotBillable(.mobile))
        let vm = try DeviceID("vm-1")
        let counted = try #require(decisions.first { $0.item == .device(vm) })
        #expect(counted.customer?.rawValue == "acme")
        #expect(counted.category == .server)
        #expect(counted.status == .active)
        #expect(counted.kind == .virtualServer)
        #expect(decisions.filter(\.isCounted).count == 5)
    }

    @Test func theInstantAnEventTakesEffectIsAfterIt() throws {
        // Half-open: retired at 04-05 00:00 counts up to the instant before, not at it.
        let history = try fixture()
        let before = try history.countDecisions(at: instant("2026-04-04T23:59:59-04:00"))
        let at = try history.countDecisions(at: instant("2026-04-05T00:00:00-04:00"))
        let old = try DeviceID("pc-old")
        #expect(before.first { $0.item == .device(old) }?.reason == .counted)
        #expect(at.first { $0.item == .device(old) }?.reason == .status(.retired))
    }

    @Test func seatsCountWhileActive() throws {
        let range = try DateRange(
            start: instant("2026-04-01T00:00:00Z"), end: instant("2026-05-01T00:00:00Z"))
        let seats = [
            Seat(id: try UserID("jo"), customer: try CustomerID("acme"), activeRanges: [range]),
            Seat(
                id: try UserID("m365-jo"), customer: try CustomerID("acme"), category: .licence,
                activeRanges: [range]),
            Seat(id: try UserID("gone"), customer: try CustomerID("acme"), activeRanges: []),
        ]
        let history = try InventoryHistory(customers: [customer("acme")], seats: seats, events: [])
        let at = try instant("2026-04-15T00:00:00Z")
        let counts = try history.billableCounts(at: at)
        #expect(quantity(counts, "acme", .user) == 1)
        #expect(quantity(counts, "acme", .licence) == 1)
        let decisions = try history.countDecisions(at: at)
        let gone = try UserID("gone")
        #expect(decisions.first { $0.item == .seat(gone) }?.reason == .seatInactive)
    }

    @Test func snapshotAppliesEventsUpToTheInstant() throws {
        var list = EventList()
        try list.add(device("pc-1", serial: "SN1"), at: "2026-04-01T00:00:00Z")
        try list.change(
            "pc-1", .fieldsChanged([.hostname("PC-ONE"), .agentID("agent-2")]),
            at: "2026-04-10T00:00:00Z")
        try list.add(device("pc-2"), at: "2026-04-20T00:00:00Z")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        let early = try history.snapshot(at: instant("2026-04-05T00:00:00Z"))
        #expect(early.devices.map(\.id.rawValue) == ["pc-1"])
        #expect(early.device(try DeviceID("pc-1"))?.hostname == nil)
        let late = try history.snapshot(at: instant("2026-04-25T00:00:00Z"))
        #expect(late.devices.map(\.id.rawValue) == ["pc-1", "pc-2"])
        let first = try #require(late.device(try DeviceID("pc-1")))
        #expect(first.hostname == "PC-ONE")
        #expect(first.agentID == "agent-2")
        #expect(first.serialNumber == "SN1")
    }

    @Test func eventsAtTheSameInstantApplyInSequenceOrder() throws {
        // Both at 04-10 00:00: sequence 2 (inactive) then 3 (active): active wins.
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
        try list.change("pc-1", .statusChanged(.inactive), at: "2026-04-10T00:00:00Z")
        try list.change("pc-1", .statusChanged(.active), at: "2026-04-10T00:00:00Z")
        let history = try InventoryHistory(
            customers: [customer("acme")], events: list.events.reversed())
        let state = try history.snapshot(at: instant("2026-04-10T00:00:00Z"))
        #expect(state.devices.first?.status == .active)
        #expect(history.events.map(\.sequence) == [1, 2, 3])
    }
}
