import Foundation
import MSPCore

/// One effective-dated change to one device: the unit of an ``InventoryHistory``.
///
/// Each event names the instant it takes effect and a ``sequence`` number that is unique in
/// the history. Events are applied in order of (``effective``, ``sequence``): two events at
/// the same instant apply in sequence order, so a history built from events in any order
/// is the same history.
///
/// ```swift
/// let added = try InventoryEvent(
///     sequence: 1, effective: march10, change: .added(laptop))
/// let retired = try InventoryEvent(
///     sequence: 2, device: laptop.id, effective: march20, change: .retired)
/// ```
public struct InventoryEvent: Sendable, Hashable {
    /// The event's unique number; breaks ties between events at the same instant.
    public let sequence: Int64
    /// The device the event is about.
    public let device: DeviceID
    /// The instant the change takes effect.
    public let effective: Date
    /// What changed.
    public let change: Change
    /// ``effective`` in milliseconds since 1970-01-01T00:00:00Z.
    public let effectiveMilliseconds: Int64

    /// What an event changes.
    public enum Change: Sendable, Hashable {
        /// The device comes under management with this initial state.
        indirect case added(DeviceRecord)
        /// Descriptive fields change; billing is unaffected unless the kind changes.
        case fieldsChanged([DeviceField])
        /// The lifecycle status changes.
        case statusChanged(LifecycleStatus)
        /// The device moves to another customer and site (`nil`: no site).
        case moved(customer: CustomerID, site: SiteID?)
        /// The device is retired: the same as `statusChanged(.retired)`.
        case retired
    }

    /// Creates an event for `device`.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` (field `"effective"`) for an instant
    ///   outside years 1...9999; `unknownDevice` (field `"device"`) when an `added`
    ///   change carries a record with another id.
    public init(sequence: Int64, device: DeviceID, effective: Date, change: Change)
        throws(InventoryError)
    {
        if case .added(let record) = change, record.id != device {
            throw .unknownDevice(device, field: "device")
        }
        self.sequence = sequence
        self.device = device
        self.effective = effective
        self.change = change
        self.effectiveMilliseconds = try milliseconds(of: effective, field: "effective")
    }

    /// Creates the `added` event of `record`.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` (field `"effective"`).
    public init(sequence: Int64, effective: Date, added record: DeviceRecord)
        throws(InventoryError)
    {
        try self.init(
            sequence: sequence, device: record.id, effective: effective, change: .added(record))
    }
}

/// The milliseconds of `date`, through MSPCore's one conversion.
internal func milliseconds(of date: Date, field: String) throws(InventoryError) -> Int64 {
    guard let milliseconds = DateRange.milliseconds(of: date) else {
        throw .invalidInstant(String(describing: date.timeIntervalSince1970), field: field)
    }
    return milliseconds
}
