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

@Suite struct ReportCodableTests {
    private func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func decisionsHaveTheirDocumentedShape() throws {
        var list = EventList()
        try list.add(device("pc-1", status: .inRepair), at: "2026-04-01T00:00:00Z")
        try list.add(device("prn", .printer), at: "2026-04-01T00:00:00Z")
        try list.add(device("pc-2", serial: "S"), at: "2026-04-01T00:00:00Z")
        try list.add(device("pc-3", serial: "S"), at: "2026-04-01T00:00:00Z")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
            .merging(DeviceID("pc-3"), into: DeviceID("pc-2"))
        let decisions = try history.countDecisions(at: instant("2026-04-02T00:00:00Z"))
        #expect(
            try encoded(decisions[0])
                == #"{"category":"workstation","customer":"acme","device":"pc-1","kind":"workstation","reason":"status","status":"inRepair"}"#
        )
        #expect(
            try encoded(decisions[3])
                == #"{"category":"workstation","customer":"acme","device":"pc-3","kind":"workstation","reason":"mergedDuplicate","status":"active","survivor":"pc-2"}"#
        )
        let data = try JSONEncoder().encode(decisions)
        #expect(try JSONDecoder().decode([CountDecision].self, from: data) == decisions)
    }

    @Test func depreciationRoundTripsThroughItsParameters() throws {
        let schedule = try Depreciation(
            cost: usd("1000.00"), salvage: usd("100.00"), inService: day("2026-01-01"),
            lifeMonths: 4, method: .decliningBalance(Percentage(600)), convention: .followingMonth)
        let data = try JSONEncoder().encode(schedule)
        #expect(try JSONDecoder().decode(Depreciation.self, from: data) == schedule)
        let bad =
            #"{"cost": {"amount": "10.00", "currency": "USD"}, "salvage": {"amount": "20.00", "currency": "USD"}, "inService": "2026-01-01", "lifeMonths": 12, "method": "straightLine", "convention": "fullMonth"}"#
        #expect(throws: InventoryError.outOfRange(2_000, allowed: "0...1000", field: "salvage")) {
            try JSONDecoder().decode(Depreciation.self, from: Data(bad.utf8))
        }
    }

    @Test func matchRulesValidateWhenDecoded() throws {
        let rule = #"{"name": "x", "evidence": "agentID", "confidence": 101}"#
        #expect(throws: InventoryError.outOfRange(101, allowed: "1...100", field: "confidence")) {
            try JSONDecoder().decode(MatchRule.self, from: Data(rule.utf8))
        }
        let data = try JSONEncoder().encode(MatchRule.sameSerial)
        #expect(try JSONDecoder().decode(MatchRule.self, from: data) == .sameSerial)
    }
}

@Suite struct SnapshotCodableTests {
    @Test func snapshotsResolversAndAssessmentsRoundTrip() throws {
        let hq = try Site(id: SiteID("hq"), customer: CustomerID("acme"), name: "HQ")
        var list = EventList()
        try list.add(device("pc-1", .laptop, serial: "S", site: "hq"), at: "2026-04-01T00:00:00Z")
        try list.add(device("pc-2", .laptop, serial: "S"), at: "2026-04-01T00:00:00Z")
        let history = try InventoryHistory(
            customers: [customer("acme")], sites: [hq], events: list.events)
        let at = try instant("2026-04-02T00:00:00Z")
        let snapshot = try history.snapshot(at: at)
        let decodedSnapshot = try JSONDecoder().decode(
            InventorySnapshot.self, from: JSONEncoder().encode(snapshot))
        #expect(decodedSnapshot == snapshot)

        let resolver = try IdentityResolver(
            rules: [.sameSerial], ignoredMACAddresses: [MACAddress("02:00:4C:4F:4F:50")])
        let decodedResolver = try JSONDecoder().decode(
            IdentityResolver.self, from: JSONEncoder().encode(resolver))
        #expect(decodedResolver == resolver)

        let assessment = try history.assessment(of: CustomerID("acme"), at: at)
        #expect(assessment.devicesByKind == [.laptop: 2])
        #expect(assessment.devicesBySite == [try SiteID("hq"): 1])
        let decodedAssessment = try JSONDecoder().decode(
            EnvironmentAssessment.self, from: JSONEncoder().encode(assessment))
        #expect(decodedAssessment == assessment)
    }
}

/// A host caps the collections of an inventory history it decodes.
@Suite struct InventoryDecodingLimitTests {
    @Test func eventsOverTheLimitAreRefusedBeforeAnyIsDecoded() throws {
        // One customer and three events: two devices added, one retired.
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
        try list.add(device("pc-2"), at: "2026-04-02T00:00:00Z")
        try list.change("pc-1", .retired, at: "2026-04-03T00:00:00Z")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
        let data = try JSONEncoder().encode(history)

        let decoder = JSONDecoder()
        decoder.userInfo[ResourceLimits.codingUserInfoKey] = try ResourceLimits(
            decodedCollectionElements: 3)
        #expect(try decoder.decode(InventoryHistory.self, from: data) == history)

        decoder.userInfo[ResourceLimits.codingUserInfoKey] = try ResourceLimits(
            decodedCollectionElements: 2)
        let error = #expect(throws: DecodingError.self) {
            try decoder.decode(InventoryHistory.self, from: data)
        }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(
            context.underlyingError as? ResourceLimitError
                == .tooManyElements("3", field: "events", limit: 2))
        #expect(context.codingPath.isEmpty)
    }
}
