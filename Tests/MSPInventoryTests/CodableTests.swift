import Foundation
import MSPCore
import MSPInventory
import Testing

@Suite struct CodableTests {
    private func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func eventsHaveTheirDocumentedShape() throws {
        let retired = try InventoryEvent(
            sequence: 2, device: DeviceID("pc-1"), effective: instant("2026-04-20T00:00:00-04:00"),
            change: .retired)
        #expect(
            try encoded(retired)
                == #"{"change":{"type":"retired"},"device":"pc-1","effective":"2026-04-20T04:00:00.000Z","sequence":2}"#
        )
        let moved = try InventoryEvent(
            sequence: 3, device: DeviceID("pc-1"), effective: instant("2026-04-20T00:00:00Z"),
            change: .moved(customer: CustomerID("globex"), site: SiteID("berlin")))
        #expect(
            try encoded(moved)
                == #"{"change":{"customer":"globex","site":"berlin","type":"moved"},"device":"pc-1","effective":"2026-04-20T00:00:00.000Z","sequence":3}"#
        )
        let changed = try InventoryEvent(
            sequence: 4, device: DeviceID("pc-1"), effective: instant("2026-04-20T00:00:00Z"),
            change: .fieldsChanged([.hostname(nil), .macAddresses([MACAddress("001a2b3c4d5e")])]))
        #expect(
            try encoded(changed)
                == #"{"change":{"fields":[{"field":"hostname","value":null},{"field":"macAddresses","value":["00:1A:2B:3C:4D:5E"]}],"type":"fieldsChanged"},"device":"pc-1","effective":"2026-04-20T00:00:00.000Z","sequence":4}"#
        )
    }

    @Test func aHistoryRoundTrips() throws {
        let hq = try Site(id: SiteID("hq"), customer: CustomerID("acme"), name: "HQ")
        let record = try DeviceRecord(
            id: DeviceID("pc-1"), kind: .laptop, customer: CustomerID("acme"), site: SiteID("hq"),
            hostname: "PC-1", serialNumber: "SN", macAddresses: [MACAddress("00:11:22:33:44:55")],
            agentID: "A", operatingSystem: OperatingSystem(name: "Windows", version: "10.0.22631"),
            purchase: Purchase(date: day("2026-01-15"), cost: usd("1234.56")),
            warrantyEnd: day("2029-01-14"), endOfLife: day("2031-01-01"), assignedUser: UserID("jo")
        )
        var list = EventList()
        try list.add(record, at: "2026-04-01T00:00:00Z")
        try list.add(device("pc-2", serial: "SN"), at: "2026-04-02T00:00:00Z")
        try list.change(
            "pc-1", .fieldsChanged([.hostname("PC-ONE"), .warrantyEnd(nil)]),
            at: "2026-04-03T00:00:00Z")
        try list.change("pc-1", .statusChanged(.inRepair), at: "2026-04-04T00:00:00Z")
        try list.change(
            "pc-1", .moved(customer: CustomerID("acme"), site: nil), at: "2026-04-05T00:00:00Z")
        try list.change("pc-1", .retired, at: "2026-04-06T00:00:00Z")
        let seat = Seat(
            id: try UserID("jo"), customer: try CustomerID("acme"), category: .licence,
            activeRanges: [
                try DateRange(
                    start: instant("2026-04-01T00:00:00Z"), end: instant("2026-05-01T00:00:00Z"))
            ])
        let map = BillableCategoryMap.standard.setting(.printer, to: .monitoredEndpoint)
        let history = try InventoryHistory(
            customers: [customer("acme", map: map)], sites: [hq], seats: [seat],
            events: list.events,
            merges: [DeviceMerge(duplicate: DeviceID("pc-2"), into: DeviceID("pc-1"))])
        let data = try JSONEncoder().encode(history)
        let decoded = try JSONDecoder().decode(InventoryHistory.self, from: data)
        #expect(decoded == history)
        #expect(decoded.customers.first?.billableCategories == map)
    }

    @Test func decodingValidates() throws {
        let json = #"""
            {"id": "pc-1", "kind": "laptop", "customer": "acme",
             "purchase": {"date": "2026-01-15", "cost": {"amount": "100.00", "currency": "USD"}},
             "warrantyEnd": "2025-01-01"}
            """#
        #expect(
            throws: InventoryError.dateBeforePurchase(
                try day("2025-01-01"), purchase: try day("2026-01-15"), field: "warrantyEnd")
        ) {
            try JSONDecoder().decode(DeviceRecord.self, from: Data(json.utf8))
        }
        let badMAC =
            #"{"id": "pc-1", "kind": "laptop", "customer": "acme", "macAddresses": ["xyz"]}"#
        #expect(throws: InventoryError.invalidMACAddress("xyz", field: "macAddress")) {
            try JSONDecoder().decode(DeviceRecord.self, from: Data(badMAC.utf8))
        }
    }
}
