import Foundation
import MSPCore
import MSPInventory
import Testing

@Suite struct ErrorTests {
    @Test func aChangeForAnUnknownDeviceIsRejected() throws {
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
        try list.change("ghost", .retired, at: "2026-04-02T00:00:00Z")
        #expect(throws: InventoryError.unknownDevice(try DeviceID("ghost"), field: "events.device"))
        {
            try InventoryHistory(customers: [customer("acme")], events: list.events)
        }
    }

    @Test func retiringBeforeAddingIsRejected() throws {
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-10T00:00:00Z")
        try list.change("pc-1", .retired, at: "2026-04-05T00:00:00Z")
        #expect(
            throws: InventoryError.eventBeforeAdded(
                try DeviceID("pc-1"), sequence: 2, field: "effective")
        ) {
            try InventoryHistory(customers: [customer("acme")], events: list.events)
        }
    }

    @Test func aSiteOfAnUnknownCustomerIsRejected() throws {
        let site = try Site(id: SiteID("hq"), customer: CustomerID("nobody"), name: "HQ")
        #expect(
            throws: InventoryError.unknownCustomer(try CustomerID("nobody"), field: "site.customer")
        ) {
            try InventoryHistory(customers: [customer("acme")], sites: [site], events: [])
        }
    }

    @Test func duplicateIDsAreRejected() throws {
        #expect(throws: InventoryError.duplicateID("acme", field: "customers", what: "customer")) {
            try InventoryHistory(customers: [customer("acme"), customer("acme")], events: [])
        }
        let site = try Site(id: SiteID("hq"), customer: CustomerID("acme"), name: "HQ")
        #expect(throws: InventoryError.duplicateID("hq", field: "sites", what: "site")) {
            try InventoryHistory(customers: [customer("acme")], sites: [site, site], events: [])
        }
        let seat = Seat(id: try UserID("jo"), customer: try CustomerID("acme"), activeRanges: [])
        #expect(throws: InventoryError.duplicateID("jo", field: "seats", what: "seat")) {
            try InventoryHistory(customers: [customer("acme")], seats: [seat, seat], events: [])
        }
        let first = try InventoryEvent(
            sequence: 7, effective: instant("2026-04-01T00:00:00Z"), added: device("a"))
        let second = try InventoryEvent(
            sequence: 7, effective: instant("2026-04-01T00:00:00Z"), added: device("b"))
        #expect(
            throws: InventoryError.duplicateID(
                "7", field: "events.sequence", what: "event sequence")
        ) {
            try InventoryHistory(customers: [customer("acme")], events: [first, second])
        }
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
        try list.add(device("pc-1"), at: "2026-04-02T00:00:00Z")
        #expect(throws: InventoryError.duplicateID("pc-1", field: "events.added", what: "device")) {
            try InventoryHistory(customers: [customer("acme")], events: list.events)
        }
    }

    @Test func aWarrantyEndBeforePurchaseIsRejected() throws {
        let purchase = try Purchase(date: day("2026-01-15"), cost: usd("1200.00"))
        #expect(
            throws: InventoryError.dateBeforePurchase(
                try day("2025-12-31"), purchase: try day("2026-01-15"), field: "warrantyEnd")
        ) {
            try DeviceRecord(
                id: DeviceID("pc-1"), kind: .laptop, customer: CustomerID("acme"),
                purchase: purchase, warrantyEnd: day("2025-12-31"))
        }
        // The same rule holds when a change sets the warranty end later.
        var list = EventList()
        let record = try DeviceRecord(
            id: DeviceID("pc-1"), kind: .laptop, customer: CustomerID("acme"), purchase: purchase)
        try list.add(record, at: "2026-04-01T00:00:00Z")
        try list.change(
            "pc-1", .fieldsChanged([.warrantyEnd(day("2026-01-01"))]), at: "2026-04-02T00:00:00Z")
        #expect(
            throws: InventoryError.dateBeforePurchase(
                try day("2026-01-01"), purchase: try day("2026-01-15"), field: "warrantyEnd")
        ) {
            try InventoryHistory(customers: [customer("acme")], events: list.events)
        }
        #expect(
            throws: InventoryError.dateBeforePurchase(
                try day("2025-06-01"), purchase: try day("2026-01-15"), field: "endOfLife")
        ) {
            try DeviceRecord(
                id: DeviceID("pc-1"), kind: .laptop, customer: CustomerID("acme"),
                purchase: purchase, endOfLife: day("2025-06-01"))
        }
    }

    @Test func referencesToUnknownCustomersAndSitesAreRejected() throws {
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
        try list.change(
            "pc-1", .moved(customer: CustomerID("nobody"), site: nil), at: "2026-04-02T00:00:00Z")
        #expect(
            throws: InventoryError.unknownCustomer(
                try CustomerID("nobody"), field: "device.customer")
        ) {
            try InventoryHistory(customers: [customer("acme")], events: list.events)
        }
        var sited = EventList()
        try sited.add(device("pc-1", site: "nowhere"), at: "2026-04-01T00:00:00Z")
        #expect(throws: InventoryError.unknownSite(try SiteID("nowhere"), field: "device.site")) {
            try InventoryHistory(customers: [customer("acme")], events: sited.events)
        }
    }

    @Test func aSiteOfAnotherCustomerIsRejected() throws {
        let site = try Site(id: SiteID("globex-hq"), customer: CustomerID("globex"), name: "HQ")
        var list = EventList()
        try list.add(device("pc-1", site: "globex-hq"), at: "2026-04-01T00:00:00Z")
        #expect(
            throws: InventoryError.siteOfOtherCustomer(
                try SiteID("globex-hq"), siteCustomer: try CustomerID("globex"),
                customer: try CustomerID("acme"), field: "device.site")
        ) {
            try InventoryHistory(
                customers: [customer("acme"), customer("globex")], sites: [site],
                events: list.events)
        }
    }

    @Test func theEarliestErrorIsReportedWhateverTheInputOrder() throws {
        // Two bad devices: "b" retires before it is added (at 04-03), "a" moves to an
        // unknown customer at 04-05. The earlier event, b's retirement, is reported.
        var list = EventList()
        try list.add(device("a"), at: "2026-04-01T00:00:00Z")
        try list.change(
            "a", .moved(customer: CustomerID("x"), site: nil), at: "2026-04-05T00:00:00Z")
        try list.add(device("b"), at: "2026-04-04T00:00:00Z")
        try list.change("b", .retired, at: "2026-04-03T00:00:00Z")
        let expected = InventoryError.eventBeforeAdded(
            try DeviceID("b"), sequence: 4, field: "effective")
        #expect(throws: expected) {
            try InventoryHistory(customers: [customer("acme")], events: list.events)
        }
        #expect(throws: expected) {
            try InventoryHistory(customers: [customer("acme")], events: list.events.reversed())
        }
    }

    @Test func badFieldsAreRejected() throws {
        #expect(throws: InventoryError.unknownTimeZone("Mars/Olympus", field: "timeZone")) {
            try customer("acme", zone: "Mars/Olympus")
        }
        #expect(throws: InventoryError.invalidText("  ", field: "kind", limit: 64)) {
            try DeviceKind("  ")
        }
        #expect(throws: InventoryError.invalidText("", field: "hostname", limit: 256)) {
            try DeviceRecord(
                id: DeviceID("pc"), kind: .laptop, customer: CustomerID("acme"), hostname: "")
        }
        #expect(throws: InventoryError.negativeAmount(try usd("-1.00"), field: "purchase.cost")) {
            try Purchase(date: day("2026-01-01"), cost: usd("-1.00"))
        }
        #expect(throws: InventoryError.invalidInstant("inf", field: "effective")) {
            try InventoryEvent(
                sequence: 1, effective: Date(timeIntervalSince1970: .infinity),
                added: device("pc"))
        }
        let record = try device("pc")
        #expect(throws: InventoryError.unknownDevice(try DeviceID("other"), field: "device")) {
            try InventoryEvent(
                sequence: 1, device: DeviceID("other"), effective: Date(timeIntervalSince1970: 0),
                change: .added(record))
        }
    }

    @Test(arguments: [
        ("00:1a:2b:3c:4d:5e", "00:1A:2B:3C:4D:5E"),
        ("00-1A-2B-3C-4D-5E", "00:1A:2B:3C:4D:5E"),
        ("001a.2b3c.4d5e", "00:1A:2B:3C:4D:5E"),
        ("001A2B3C4D5E", "00:1A:2B:3C:4D:5E"),
        ("ff:ff:ff:ff:ff:ff", "FF:FF:FF:FF:FF:FF"),
    ])
    func macAddressesAreNormalised(text: String, normal: String) throws {
        #expect(try MACAddress(text).description == normal)
        #expect(try MACAddress(text) == MACAddress(normal))
    }

    @Test(arguments: [
        "", "00:1A:2B:3C:4D", "00:1A:2B:3C:4D:5E:6F", "00:1A-2B:3C:4D:5E", "0G:1A:2B:3C:4D:5E",
        "001a2b.3c4d5e", "001A2B3C4D5", "00:1A:2B:3C:4D5E:",
    ])
    func badMACAddressesAreRejected(text: String) {
        #expect(throws: InventoryError.invalidMACAddress(text, field: "macAddress")) {
            try MACAddress(text)
        }
    }
}
