import Foundation
import MSPCore
import MSPInventory
import Testing

@Suite struct IdentityTests {
    /// pc-old: serial SN-1, agent A-1, retired at the re-image on 04-10 12:00; pc-new: the
    /// same machine re-imaged, serial " sn-1 " (spacing and case differ), new agent A-2.
    private func reimaged() throws -> InventoryHistory {
        var list = EventList()
        try list.add(
            device("pc-old", serial: "SN-1", agent: "A-1", macs: ["00:11:22:33:44:55"]),
            at: "2026-03-01T00:00:00-05:00")
        try list.change("pc-old", .statusChanged(.inactive), at: "2026-04-10T12:00:00-04:00")
        try list.add(
            device("pc-new", serial: " sn-1 ", agent: "A-2", macs: ["00-11-22-33-44-55"]),
            at: "2026-04-10T12:00:00-04:00")
        try list.add(
            device("pc-other", serial: "SN-9", agent: "A-9"), at: "2026-03-01T00:00:00-05:00")
        return try InventoryHistory(
            customers: [customer("acme"), customer("globex")], events: list.events)
    }

    @Test func aReimagedMachineWithANewAgentAndTheSameSerialIsOneDevice() throws {
        let history = try reimaged()
        let snapshot = try history.snapshot(at: instant("2026-04-15T00:00:00Z"))
        let report = try IdentityResolver().resolve(snapshot.devices)
        let ids = [try DeviceID("pc-new"), try DeviceID("pc-old")]
        #expect(report.matches.map(\.rule) == ["same-serial", "shared-mac"])
        #expect(report.matches.map(\.confidence) == [95, 80])
        #expect(report.matches.map(\.evidence) == ["SN-1", "00:11:22:33:44:55"])
        #expect(report.matches.allSatisfy { $0.devices == ids && $0.customer.rawValue == "acme" })
        #expect(report.conflicts.isEmpty)

        // Merged, the machine is one workstation: April in New York, pc-old counted days
        // 1...10 (inactive from the 10th at noon), pc-new days 10...30; together days
        // 1...30 = 30 unit-days, not 10 + 21 = 31. pc-other adds 30: 60 in all.
        let merged = try history.merging(ids[0], into: ids[1])
        #expect(quantity(try history.unitDays(in: april()), "acme", .workstation) == 61)
        #expect(quantity(try merged.unitDays(in: april()), "acme", .workstation) == 60)
        // Both histories are kept.
        #expect(merged.events(of: ids[0])?.count == 1)
        #expect(merged.events(of: ids[1])?.count == 2)
    }

    @Test func aMergedPairActiveAtOnceCountsOnce() throws {
        var list = EventList()
        try list.add(device("a", serial: "S"), at: "2026-04-01T00:00:00Z")
        try list.add(device("b", serial: "S"), at: "2026-04-02T00:00:00Z")
        let history = try InventoryHistory(customers: [customer("acme")], events: list.events)
            .merging(DeviceID("b"), into: DeviceID("a"))
        let at = try instant("2026-04-03T00:00:00Z")
        #expect(quantity(try history.billableCounts(at: at), "acme", .workstation) == 1)
        let decisions = try history.countDecisions(at: at)
        #expect(decisions.map(\.reason) == [.counted, .mergedDuplicate(of: try DeviceID("a"))])
        // Unit-seconds are the union: a was added before April began (New York, 04-01
        // 04:00Z) and lasts to its end (05-01 04:00Z): 30 × 86,400 = 2,592,000 s; b, inside
        // the same time, adds nothing.
        #expect(quantity(try history.unitSeconds(in: april()), "acme", .workstation) == 2_592_000)
    }

    @Test func theSameSerialAtTwoCustomersIsAConflict() throws {
        var list = EventList()
        try list.add(device("a", serial: "SN-7"), at: "2026-04-01T00:00:00Z")
        try list.add(device("b", customer: "globex", serial: "sn-7"), at: "2026-04-01T00:00:00Z")
        let history = try InventoryHistory(
            customers: [customer("acme"), customer("globex")], events: list.events)
        let report = try IdentityResolver().resolve(
            history.snapshot(at: instant("2026-04-02T00:00:00Z")).devices)
        #expect(report.matches.isEmpty)
        let conflict = try #require(report.conflicts.first)
        #expect(report.conflicts.count == 1)
        #expect(conflict.devices == [try DeviceID("a"), try DeviceID("b")])
        #expect(conflict.customers == [try CustomerID("acme"), try CustomerID("globex")])
        #expect(conflict.rule == "same-serial")
        #expect(conflict.evidence == "SN-7")
        #expect(
            throws: InventoryError.mergeConflict(
                "b into a", field: "merges",
                reason: "the records were not always under one and the same customer")
        ) {
            try history.merging(DeviceID("b"), into: DeviceID("a"))
        }
    }

    @Test func placeholderSerialsAndZeroMACsNeverMatch() throws {
        let devices = [
            try device("a", serial: "To be filled by O.E.M.", macs: ["00:00:00:00:00:00"]),
            try device("b", serial: "TO BE FILLED BY O.E.M.", macs: ["000000000000"]),
        ]
        let report = try IdentityResolver().resolve(devices)
        #expect(report.matches.isEmpty)
        #expect(report.conflicts.isEmpty)
    }

    @Test func rulesAreConfigurable() throws {
        let agentOnly = try IdentityResolver(
            rules: [MatchRule(name: "rmm", evidence: .agentID, confidence: 100)])
        let devices = [
            try device("a", serial: "S", agent: "X"), try device("b", serial: "S", agent: "X"),
        ]
        let report = agentOnly.resolve(devices)
        #expect(report.matches.map(\.rule) == ["rmm"])
        #expect(report.matches.first?.confidence == 100)
    }

    @Test func badRulesAndMergesAreRejected() throws {
        #expect(throws: InventoryError.outOfRange(0, allowed: "1...100", field: "confidence")) {
            try MatchRule(name: "x", evidence: .agentID, confidence: 0)
        }
        #expect(
            throws: InventoryError.duplicateID("same-serial", field: "rules", what: "match rule")
        ) {
            try IdentityResolver(rules: [.sameSerial, .sameSerial])
        }
        let history = try reimaged()
        #expect(
            throws: InventoryError.unknownDevice(try DeviceID("ghost"), field: "merges.duplicate")
        ) {
            try history.merging(DeviceID("ghost"), into: DeviceID("pc-old"))
        }
        #expect(
            throws: InventoryError.mergeConflict(
                "pc-old into pc-old", field: "merges", reason: "a record is itself")
        ) {
            try history.merging(DeviceID("pc-old"), into: DeviceID("pc-old"))
        }
        let once = try history.merging(DeviceID("pc-new"), into: DeviceID("pc-old"))
        #expect(
            throws: InventoryError.mergeConflict(
                "pc-new into pc-other", field: "merges.duplicate",
                reason: "pc-new is already merged into another record")
        ) {
            try once.merging(DeviceID("pc-new"), into: DeviceID("pc-other"))
        }
    }
}
