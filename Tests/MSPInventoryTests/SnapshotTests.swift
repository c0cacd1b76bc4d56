import Foundation
import MSPCore
import MSPInventory
import Testing

/// Snapshots: the devices added by an instant in their state then, and the seats whose
/// half-open active ranges contain it.
@Suite struct SnapshotTests {
    private func history() throws -> InventoryHistory {
        var list = EventList()
        try list.add(device("pc-1"), at: "2026-04-01T00:00:00Z")
        try list.add(device("pc-2"), at: "2026-04-10T00:00:00Z")
        try list.change("pc-1", .retired, at: "2026-04-20T00:00:00Z")
        // Jo's seat is active 1–15 April, Sam's from 15 April; both [start, end).
        let jo = Seat(
            id: try UserID("jo"), customer: try CustomerID("acme"), category: .licence,
            activeRanges: [
                try DateRange(
                    start: instant("2026-04-01T00:00:00Z"), end: instant("2026-04-15T00:00:00Z"))
            ])
        let sam = Seat(
            id: try UserID("sam"), customer: try CustomerID("acme"), category: .licence,
            activeRanges: [
                try DateRange(
                    start: instant("2026-04-15T00:00:00Z"), end: instant("2026-05-01T00:00:00Z"))
            ])
        return try InventoryHistory(
            customers: [customer("acme")], seats: [jo, sam], events: list.events)
    }

    @Test func aSnapshotHoldsWhatWasAddedAndTheSeatsActiveThen() throws {
        let history = try history()
        let fifth = try history.snapshot(at: instant("2026-04-05T00:00:00Z"))
        #expect(fifth.devices.map(\.id.rawValue) == ["pc-1"])
        #expect(fifth.device(try DeviceID("pc-2")) == nil)
        #expect(fifth.activeSeats.map(\.id.rawValue) == ["jo"])
        // At 15 April 00:00 Jo's range has ended (exclusive) and Sam's has begun.
        let fifteenth = try history.snapshot(at: instant("2026-04-15T00:00:00Z"))
        #expect(fifteenth.devices.map(\.id.rawValue) == ["pc-1", "pc-2"])
        #expect(fifteenth.activeSeats.map(\.id.rawValue) == ["sam"])
        let late = try history.snapshot(at: instant("2026-04-25T00:00:00Z"))
        #expect(late.device(try DeviceID("pc-1"))?.status == .retired)
        #expect(late.device(try DeviceID("pc-2"))?.status == .active)
    }

    @Test func aSnapshotInTheYear10000IsAnError() throws {
        let error = #expect(throws: InventoryError.self) {
            try self.history().snapshot(at: Date(timeIntervalSince1970: 253_402_300_800))
        }
        #expect(error?.code == .invalidInstant)
    }
}
