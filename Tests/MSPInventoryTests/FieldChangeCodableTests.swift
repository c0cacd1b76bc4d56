import Foundation
import MSPCore
import MSPInventory
import Testing

/// Every device field a `fieldsChanged` event can carry survives JSON, and the built-in
/// device kinds are the documented nine, ordered by name.
@Suite struct FieldChangeCodableTests {
    @Test func everyFieldRoundTrips() throws {
        let fields: [DeviceField] = [
            .kind(.server), .hostname("SRV-1"), .serialNumber("SN-9"), .serialNumber(nil),
            .macAddresses([try MACAddress("00:1a:2b:3c:4d:5e")]), .agentID("agent-7"),
            .agentID(nil),
            .operatingSystem(try OperatingSystem(name: "Ubuntu", version: "24.04")),
            .operatingSystem(nil),
            .purchase(try Purchase(date: day("2026-01-15"), cost: usd("999.99"))), .purchase(nil),
            .warrantyEnd(try day("2029-01-14")), .endOfLife(try day("2031-01-01")),
            .endOfLife(nil), .assignedUser(try UserID("jo")), .assignedUser(nil),
        ]
        let event = try InventoryEvent(
            sequence: 7, device: DeviceID("pc-1"), effective: instant("2026-04-20T00:00:00Z"),
            change: .fieldsChanged(fields))
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(InventoryEvent.self, from: data) == event)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(text.contains(#""field":"serialNumber","value":"SN-9""#))
        #expect(text.contains(#""field":"assignedUser","value":"jo""#))
    }

    @Test func anUnknownFieldIsRefused() {
        let json = #"""
            {"sequence": 1, "device": "pc-1", "effective": "2026-04-20T00:00:00Z",
             "change": {"type": "fieldsChanged", "fields": [{"field": "colour", "value": "red"}]}}
            """#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(InventoryEvent.self, from: Data(json.utf8))
        }
    }

    @Test(arguments: ["2026-04-20", "yesterday", "2026-04-20T00:00:00", ""])
    func anEffectiveInstantWithoutAnOffsetIsRefused(_ text: String) {
        let json = #"""
            {"sequence": 1, "device": "pc-1", "effective": "\#(text)", "change": {"type": "retired"}}
            """#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(InventoryEvent.self, from: Data(json.utf8))
        }
    }

    /// Found by `FuzzInventoryHistory`: a fractional part of 70 digits made ICU's date parser
    /// trap (SIGFPE), ending the process. Only RFC 3339 shapes reach the parser now.
    @Test(arguments: [
        "2025-04-04T00:00:00." + String(repeating: "8", count: 67) + "000Z",
        "2026-04-20T00:00:00.1234567890Z", "2026-04-20T00:00:00+0530", "2026-04-20t00:00:00Z",
        "2026-04-20T00:00:00.Z", "2026-04-20T00:00:00+05:30 ", "20260-04-20T00:00:00Z",
    ])
    func malformedInstantsAreRefusedBeforeParsing(_ text: String) {
        let json = #"""
            {"sequence": 1, "device": "pc-1", "effective": "\#(text)", "change": {"type": "retired"}}
            """#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(InventoryEvent.self, from: Data(json.utf8))
        }
    }

    /// 2026-04-20T00:00:00Z written four ways: UTC, fractions of 1 and 9 digits, and an offset.
    @Test(arguments: [
        "2026-04-20T00:00:00Z", "2026-04-20T00:00:00.0Z", "2026-04-20T05:30:00.000000000+05:30",
        "2026-04-19T20:00:00-04:00",
    ])
    func rfc3339InstantsAreAccepted(_ text: String) throws {
        let json = #"""
            {"sequence": 1, "device": "pc-1", "effective": "\#(text)", "change": {"type": "retired"}}
            """#
        let event = try JSONDecoder().decode(InventoryEvent.self, from: Data(json.utf8))
        #expect(event.effective == Date(timeIntervalSince1970: 1_776_643_200))
    }

    @Test func builtInKindsAreTheNineOrderedByName() {
        #expect(DeviceKind.builtIn.count == 9)
        #expect(DeviceKind.builtIn.contains(.cloudResource))
        #expect(DeviceKind.cloudResource.description == "cloud-resource")
        #expect(
            DeviceKind.builtIn.sorted().map(\.description) == [
                "cloud-resource", "firewall", "laptop", "mobile", "network-device", "printer",
                "server", "virtual-server", "workstation",
            ])
    }
}
