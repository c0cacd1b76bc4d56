import Foundation
import MSPCore
import MSPInventory
import MSPTestSupport
import Testing

private func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// A history of Acme (New York) with the given events.
private func history(_ events: [InventoryEvent], merges: [DeviceMerge] = []) throws
    -> InventoryHistory
{
    try InventoryHistory(customers: [customer("acme")], events: events, merges: merges)
}

/// `count` workstations of Acme added at 2026-04-01T00:00:00-04:00, events in reverse order.
private func manyDevices(_ count: Int) throws -> [InventoryEvent] {
    let start = try instant("2026-04-01T00:00:00-04:00")
    return try (0..<count).reversed().map { index in
        try InventoryEvent(
            sequence: Int64(index), effective: start, added: device("pc-\(index)"))
    }
}

/// Hostile inputs to MSPInventory: duplicate and unknown identifiers, events before their
/// device exists or at the ends of time, impossible records and merges, 100,000 devices in
/// reverse order, and JSON of the wrong shape.
let hostileInventoryInputs: [HostileInput] = [
    // Identifiers and references
    HostileInput(name: "two customers with one ID", expected: "InventoryError.duplicateID") {
        outcome {
            try InventoryHistory(customers: [customer("acme"), customer("acme")], events: [])
        }
    },
    HostileInput(name: "a site of an unknown customer", expected: "InventoryError.unknownCustomer")
    {
        outcome {
            try InventoryHistory(
                customers: [customer("acme")],
                sites: [Site(id: SiteID("hq"), customer: CustomerID("globex"), name: "HQ")],
                events: [])
        }
    },
    HostileInput(name: "two events with one sequence", expected: "InventoryError.duplicateID") {
        outcome {
            var list = EventList()
            try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
            try list.add(device("pc-2"), at: "2026-04-02T00:00:00Z")
            let events =
                [list.events[0]] + [
                    try InventoryEvent(
                        sequence: 1, device: DeviceID("pc-1"),
                        effective: instant("2026-04-03T00:00:00Z"),
                        change: .retired)
                ]
            return try history(events)
        }
    },
    HostileInput(name: "a device added twice", expected: "InventoryError.duplicateID") {
        outcome {
            var list = EventList()
            try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
            try list.add(device("pc-1"), at: "2026-04-02T00:00:00Z")
            return try history(list.events)
        }
    },
    HostileInput(name: "a change of a device never added", expected: "InventoryError.unknownDevice")
    {
        outcome {
            var list = EventList()
            try list.change("ghost", .retired, at: "2026-04-01T00:00:00Z")
            return try history(list.events)
        }
    },
    HostileInput(name: "retired before it was added", expected: "InventoryError.eventBeforeAdded") {
        outcome {
            var list = EventList()
            try list.add(device("pc-1"), at: "2026-04-10T00:00:00Z")
            try list.change("pc-1", .retired, at: "2026-04-01T00:00:00Z")
            return try history(list.events)
        }
    },
    HostileInput(name: "moved to an unknown customer", expected: "InventoryError.unknownCustomer") {
        outcome {
            var list = EventList()
            try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
            try list.change(
                "pc-1", .moved(customer: CustomerID("globex"), site: nil),
                at: "2026-04-02T00:00:00Z")
            return try history(list.events)
        }
    },
    HostileInput(
        name: "an added record of another device", expected: "InventoryError.unknownDevice"
    ) {
        outcome {
            try InventoryEvent(
                sequence: 1, device: DeviceID("pc-1"), effective: instant("2026-04-01T00:00:00Z"),
                change: .added(device("pc-2")))
        }
    },
    HostileInput(name: "a device merged into itself", expected: "InventoryError.mergeConflict") {
        outcome {
            var list = EventList()
            try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
            return try history(
                list.events,
                merges: [DeviceMerge(duplicate: DeviceID("pc-1"), into: DeviceID("pc-1"))])
        }
    },
    HostileInput(name: "a merge of an unknown device", expected: "InventoryError.unknownDevice") {
        outcome {
            var list = EventList()
            try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
            return try history(
                list.events,
                merges: [DeviceMerge(duplicate: DeviceID("pc-9"), into: DeviceID("pc-1"))])
        }
    },
    // Records and instants
    HostileInput(name: "an unknown time zone", expected: "InventoryError.unknownTimeZone") {
        outcome { try customer("acme", zone: "Mars/Olympus_Mons") }
    },
    HostileInput(name: "a negative purchase cost", expected: "InventoryError.negativeAmount") {
        outcome {
            try Purchase(date: day("2026-01-15"), cost: Money(minorUnits: -1, currency: .usd))
        }
    },
    HostileInput(
        name: "a warranty ending before purchase", expected: "InventoryError.dateBeforePurchase"
    ) {
        outcome {
            try DeviceRecord(
                id: DeviceID("pc-1"), kind: .laptop, customer: CustomerID("acme"),
                purchase: Purchase(date: day("2026-01-15"), cost: usd("100.00")),
                warrantyEnd: day("2026-01-14"))
        }
    },
    HostileInput(name: "a MAC address of 7 bytes", expected: "InventoryError.invalidMACAddress") {
        outcome { try MACAddress("00:11:22:33:44:55:66") }
    },
    HostileInput(name: "a blank hostname", expected: "InventoryError.invalidText") {
        outcome {
            try DeviceRecord(
                id: DeviceID("pc-1"), kind: .laptop, customer: CustomerID("acme"), hostname: "   ")
        }
    },
    HostileInput(name: "an event in the year 10000", expected: "InventoryError.invalidInstant") {
        outcome {
            try InventoryEvent(
                sequence: 1, device: DeviceID("pc-1"),
                effective: Date(timeIntervalSince1970: 253_402_300_800), change: .retired)
        }
    },
    HostileInput(name: "an event at NaN seconds", expected: "InventoryError.invalidInstant") {
        outcome {
            try InventoryEvent(
                sequence: 1, device: DeviceID("pc-1"), effective: Date(timeIntervalSince1970: .nan),
                change: .retired)
        }
    },
    HostileInput(name: "unit-days of an empty range", expected: "InventoryError.invalidInstant") {
        outcome { try history([]).unitDays(from: day("2026-04-01"), to: day("2026-04-01")) }
    },
    HostileInput(name: "sequences Int64.min and Int64.max", expected: "valid: 2") {
        outcome {
            let start = try instant("2026-04-01T00:00:00Z")
            let events = [
                try InventoryEvent(sequence: .max, effective: start, added: device("pc-1")),
                try InventoryEvent(sequence: .min, effective: start, added: device("pc-2")),
            ]
            return try history(events).countDecisions(at: instant("2026-04-02T00:00:00Z")).count
        }
    },
    HostileInput(name: "100,000 devices in reverse order", expected: "valid: 3000000") {
        // 100,000 workstations under management all 30 days of April: 3,000,000 unit-days.
        outcome {
            let usage = try history(manyDevices(100_000)).unitDays(in: april())
            return quantity(usage, "acme", .workstation)
        }
    },
    // JSON
    HostileInput(name: "an unknown change type", expected: "DecodingError") {
        outcome {
            try json(
                InventoryEvent.self,
                #"{"sequence": 1, "device": "pc-1", "effective": "2026-04-01T00:00:00Z", "change": {"type": "stolen"}}"#
            )
        }
    },
    HostileInput(name: "an instant with 70 fractional digits", expected: "DecodingError") {
        // Found by FuzzInventoryHistory: it used to make ICU trap with SIGFPE.
        outcome {
            try json(
                InventoryEvent.self,
                #"{"sequence": 1, "device": "pc-1", "effective": "2025-04-04T00:00:00.88888888888888888888888888888888888888888888888888888888888888888888000Z", "change": {"type": "retired"}}"#
            )
        }
    },
    HostileInput(name: "an effective instant as a number", expected: "DecodingError") {
        outcome {
            try json(
                InventoryEvent.self,
                #"{"sequence": 1, "device": "pc-1", "effective": 1775001600, "change": {"type": "retired"}}"#
            )
        }
    },
    HostileInput(name: "a history of 100,000 nested arrays", expected: "DecodingError") {
        outcome {
            try json(
                InventoryHistory.self,
                String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        }
    },
    HostileInput(name: "a JSON record with a bad MAC", expected: "InventoryError.invalidMACAddress")
    {
        outcome {
            try json(
                DeviceRecord.self,
                #"{"id": "pc-1", "kind": "laptop", "customer": "acme", "macAddresses": ["xyz"]}"#)
        }
    },
]

@Suite struct HostileInputTests {
    @Test(arguments: hostileInventoryInputs)
    func hostileInputIsRejectedOrDocumented(_ input: HostileInput) {
        #expect(input.run() == input.expected)
    }

    @Test func namesAreUnique() {
        #expect(Set(hostileInventoryInputs.map(\.name)).count == hostileInventoryInputs.count)
    }
}
