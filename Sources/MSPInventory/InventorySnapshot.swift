import Foundation
import MSPCore

/// The inventory as it stood at one instant: every device added at or before it, in the
/// state its events had built by then, and the seats active at it.
public struct InventorySnapshot: Sendable, Hashable {
    /// The instant the snapshot describes.
    public let instant: Date
    /// Every device added at or before ``instant`` (retired ones included, with their
    /// status), in the order the devices were added.
    public let devices: [DeviceRecord]
    /// The seats whose active ranges contain ``instant``.
    public let activeSeats: [Seat]

    /// The state of `id` at the instant, or `nil` when it was not yet added.
    ///
    /// - Complexity: O(*n*) in the number of devices.
    public func device(_ id: DeviceID) -> DeviceRecord? {
        devices.first { $0.id == id }
    }
}

extension InventoryHistory {
    /// The inventory at `instant`: events that take effect at or before it are applied.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` (field `"instant"`).
    /// - Complexity: O(*n*) in the number of events.
    public func snapshot(at instant: Date) throws(InventoryError) -> InventorySnapshot {
        let at = try milliseconds(of: instant, field: "instant")
        var devices: [DeviceRecord] = []
        for device in 0..<deviceIDs.count {
            if let record = state(ofDevice: device, at: at) { devices.append(record) }
        }
        let seats = seats.filter { seat in
            seat.activeRanges.contains {
                $0.startMilliseconds <= at && at < $0.endMilliseconds
            }
        }
        return InventorySnapshot(instant: instant, devices: devices, activeSeats: seats)
    }

    /// The state of device number `device` at `at`, or `nil` before it is added.
    internal func state(ofDevice device: Int, at: Int64) -> DeviceRecord? {
        let range = eventOffsets[device]..<eventOffsets[device + 1]
        guard let first = events[range].first, first.effectiveMilliseconds <= at,
            case .added(var record) = first.change
        else { return nil }
        for event in events[range].dropFirst() {
            guard event.effectiveMilliseconds <= at else { break }
            // The history validated every change when it was built.
            record = (try? record.applying(event.change)) ?? record
        }
        return record
    }
}
