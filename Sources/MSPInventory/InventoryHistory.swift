import Foundation
import MSPCore

/// The effective-dated history of an MSP's inventory: customers, sites, seats, and every
/// change to every device, with the instant each took effect.
///
/// Build it once from facts in any order; it checks them and answers questions for an
/// explicit instant or period: ``snapshot(at:)``, ``billableCounts(at:)``,
/// ``countDecisions(at:)``, ``unitDays(in:)``, ``unitDays(from:to:)`` and
/// ``unitSeconds(in:)``.
///
/// ## Event order
///
/// A device's events apply in order of effective instant, and events at the same instant
/// in order of ``InventoryEvent/sequence`` (sequences are unique across the history). So the
/// order the events are passed in never matters: a shuffled list builds an equal history.
/// Each device's first event must be its `added` event. Retirement is a status like the
/// others: a retired device that is put back into service (`statusChanged(.active)`) counts
/// again from that instant.
///
/// ## Storage
///
/// Events are kept contiguously, grouped by device (devices in the order they were added)
/// and ordered within each device. Building also derives, per device, a run of *billing
/// segments*: the instants where the device's customer, billable category or status
/// changes, kept as parallel arrays of plain integers. Counts and unit-days scan those
/// arrays and touch no strings, so a million devices are answered in milliseconds.
public struct InventoryHistory: Sendable {
    /// The customers, in the order given.
    public let customers: [Customer]
    /// The sites, in the order given.
    public let sites: [Site]
    /// The users and seats, in the order given.
    public let seats: [Seat]
    /// Every event, grouped by device (in the order devices were added) and in application
    /// order within each device.
    public let events: [InventoryEvent]
    /// The merges of duplicate records, in the order given.
    public let merges: [DeviceMerge]

    internal let customerIndex: [CustomerID: Int32]
    internal let siteCustomer: [SiteID: Int32]
    internal let deviceIDs: [DeviceID]
    internal let deviceIndex: [DeviceID: Int32]
    /// `events[eventOffsets[d] ..< eventOffsets[d + 1]]` are device `d`'s events.
    internal let eventOffsets: [Int]
    /// The billing segments: segment `s` of a device starts at `segmentStart[s]` and lasts
    /// until the next segment of the same device starts (the last one lasts for ever).
    internal let segmentStart: [Int64]
    /// What the segment counts as: `customer × categories.count + category` when the
    /// device is active and its kind billable for its customer, or -1 when it does not count.
    internal let segmentKey: [Int32]
    /// `segmentStart[segmentOffsets[d] ..< segmentOffsets[d + 1]]` are device `d`'s.
    internal let segmentOffsets: [Int]
    /// Every billable category used by a device or a seat, sorted by name.
    internal let categories: [BillableCategory]
    internal let seatCustomer: [Int32]
    internal let seatCategory: [Int32]
    internal let mergeGroups: MergeGroups

    /// Builds and checks a history.
    ///
    /// - Parameters:
    ///   - customers: The customers; identifiers must be unique.
    ///   - sites: The sites; identifiers must be unique and each site's customer known.
    ///   - seats: Users and seats; identifiers unique, customers known.
    ///   - events: Device events in any order; sequences unique.
    ///   - merges: Duplicate records to count as one unit (see ``DeviceMerge``).
    /// - Throws: ``InventoryError``: `duplicateID` for a repeated customer, site, seat or
    ///   event sequence, or a second `added` event for a device; `unknownCustomer`,
    ///   `unknownSite`, `siteOfOtherCustomer`; `unknownDevice` for events of a device
    ///   that is never added; `eventBeforeAdded` for an event (a change, a retirement)
    ///   that applies before the device's `added`; `dateBeforePurchase` and
    ///   `invalidText` when a change makes a record invalid. When the events hold several
    ///   errors, the one thrown is the error of the earliest event in (instant, sequence)
    ///   order, whatever order the events came in. `mergeConflict` and `unknownDevice` for
    ///   a bad merge (see ``merging(_:into:)``).
    /// - Complexity: O(*n* log *n*) for *n* events.
    public init(
        customers: [Customer], sites: [Site] = [], seats: [Seat] = [],
        events: [InventoryEvent], merges: [DeviceMerge] = []
    ) throws(InventoryError) {
        var customerIndex: [CustomerID: Int32] = [:]
        for (index, customer) in customers.enumerated() {
            guard customerIndex.updateValue(Int32(index), forKey: customer.id) == nil else {
                throw .duplicateID(customer.id.rawValue, field: "customers", what: "customer")
            }
        }
        var siteCustomer: [SiteID: Int32] = [:]
        for site in sites {
            guard let owner = customerIndex[site.customer] else {
                throw .unknownCustomer(site.customer, field: "site.customer")
            }
            guard siteCustomer.updateValue(owner, forKey: site.id) == nil else {
                throw .duplicateID(site.id.rawValue, field: "sites", what: "site")
            }
        }
        var seatIDs = Set<UserID>()
        for seat in seats {
            guard customerIndex[seat.customer] != nil else {
                throw .unknownCustomer(seat.customer, field: "seat.customer")
            }
            guard seatIDs.insert(seat.id).inserted else {
                throw .duplicateID(seat.id.rawValue, field: "seats", what: "seat")
            }
        }
        try Self.checkUniqueSequences(events)

        let grouped = try Self.groupByDevice(events)
        var builder = SegmentBuilder(
            customers: customers, customerIndex: customerIndex, siteCustomer: siteCustomer,
            deviceCount: grouped.deviceIDs.count, eventCount: events.count)
        for seat in seats { _ = builder.internCategory(seat.category) }
        for device in 0..<grouped.deviceIDs.count {
            builder.fold(grouped.events[grouped.offsets[device]..<grouped.offsets[device + 1]])
        }
        if let error = builder.firstError { throw error.error }
        let ordered = builder.categoriesSortedByName()
        self.mergeGroups = try MergeGroups(
            merges: merges, deviceIndex: grouped.deviceIndex,
            segmentOffsets: builder.segmentOffsets,
            segmentCustomer: builder.segmentCustomer)
        self.merges = merges

        self.customers = customers
        self.sites = sites
        self.seats = seats
        self.events = grouped.events
        self.customerIndex = customerIndex
        self.siteCustomer = siteCustomer
        self.deviceIDs = grouped.deviceIDs
        self.deviceIndex = grouped.deviceIndex
        self.eventOffsets = grouped.offsets
        self.segmentStart = builder.segmentStart
        let width = ordered.categories.count
        let (cells, overflow) = customers.count.multipliedReportingOverflow(by: width)
        guard !overflow, cells < Int(Int32.max) else {
            throw .outOfRange(
                Int64(customers.count), allowed: "customers × categories below 2^31",
                field: "customers")
        }
        var keys = [Int32](repeating: -1, count: builder.segmentStart.count)
        for segment in keys.indices
        where builder.segmentStatus[segment] == .active && builder.segmentCategory[segment] >= 0 {
            keys[segment] =
                builder.segmentCustomer[segment] * Int32(width)
                + ordered.remap[Int(builder.segmentCategory[segment])]
        }
        self.segmentKey = keys
        self.segmentOffsets = builder.segmentOffsets
        self.categories = ordered.categories
        self.seatCustomer = seats.map { customerIndex[$0.customer] ?? -1 }
        self.seatCategory = seats.map {
            ordered.remap[Int(builder.categoryIndex[$0.category] ?? 0)]
        }
        #if DEBUG
            _checkInvariants()
        #endif
    }

    /// A history in which `duplicate` counts as the same unit as `survivor`; both keep
    /// their events.
    ///
    /// - Throws: ``InventoryError`` `unknownDevice` for an unknown record; `mergeConflict`
    ///   when `duplicate` is `survivor`, is already merged into another record, or when the
    ///   two were not always under one and the same customer (a machine that moved between
    ///   customers is reviewed by a person, not merged).
    /// - Complexity: O(*n* log *n*): the history is rebuilt.
    public func merging(_ duplicate: DeviceID, into survivor: DeviceID) throws(InventoryError)
        -> InventoryHistory
    {
        try InventoryHistory(
            customers: customers, sites: sites, seats: seats, events: events,
            merges: merges + [DeviceMerge(duplicate: duplicate, into: survivor)])
    }

    /// The number of devices (every device ever added).
    public var deviceCount: Int { deviceIDs.count }

    /// The events of `device` in application order, or `nil` for an unknown device.
    public func events(of device: DeviceID) -> ArraySlice<InventoryEvent>? {
        guard let index = deviceIndex[device] else { return nil }
        return events[eventOffsets[Int(index)]..<eventOffsets[Int(index) + 1]]
    }

    private static func checkUniqueSequences(_ events: [InventoryEvent]) throws(InventoryError) {
        var sequences = [Int64](repeating: 0, count: events.count)
        events.withUnsafeBufferPointer { events in
            for position in events.indices { sequences[position] = events[position].sequence }
        }
        sequences.sort()
        for index in sequences.indices.dropFirst() where sequences[index] == sequences[index - 1] {
            throw .duplicateID(
                String(sequences[index]), field: "events.sequence", what: "event sequence")
        }
    }

    private struct Grouped {
        var events: [InventoryEvent]
        var offsets: [Int]
        var deviceIDs: [DeviceID]
        var deviceIndex: [DeviceID: Int32]
    }

    /// Groups events by device, devices ordered by their `added` event's (instant,
    /// sequence), events ordered within each device.
    private static func groupByDevice(_ events: [InventoryEvent]) throws(InventoryError)
        -> Grouped
    {
        var firstSeen: [DeviceID: Int32] = [:]
        firstSeen.reserveCapacity(events.count / 2)
        var provisional = [Int32](repeating: 0, count: events.count)
        var ids: [DeviceID] = []
        // The order keys, (instant, sequence), as plain integers, and which events are
        // `added`, read in one pass without copying the events.
        var times = [Int64](repeating: 0, count: events.count)
        var sequences = [Int64](repeating: 0, count: events.count)
        var isAdded = [Bool](repeating: false, count: events.count)
        events.withUnsafeBufferPointer { events in
            for position in events.indices {
                times[position] = events[position].effectiveMilliseconds
                sequences[position] = events[position].sequence
                if case .added = events[position].change { isAdded[position] = true }
                let key = events[position].device
                if let index = firstSeen[key] {
                    provisional[position] = index
                } else {
                    let index = Int32(ids.count)
                    firstSeen[key] = index
                    ids.append(events[position].device)
                    provisional[position] = index
                }
            }
        }
        @inline(__always) func precedes(_ a: Int, _ b: Int) -> Bool {
            times[a] != times[b] ? times[a] < times[b] : sequences[a] < sequences[b]
        }
        // Each device's first event in application order, and its added event.
        var earliest = [Int](repeating: -1, count: ids.count)
        var added = [Int](repeating: -1, count: ids.count)
        for position in events.indices {
            let device = Int(provisional[position])
            if earliest[device] < 0 || precedes(position, earliest[device]) {
                earliest[device] = position
            }
            if isAdded[position], added[device] < 0 || precedes(position, added[device]) {
                added[device] = position
            }
        }
        var missing: Int? = nil
        for device in ids.indices where added[device] < 0 {
            let first = earliest[device]
            if missing.map({ precedes(first, $0) }) ?? true { missing = first }
        }
        if let missing { throw .unknownDevice(events[missing].device, field: "events.device") }

        let order = ids.indices.sorted { precedes(added[$0], added[$1]) }
        var canonical = [Int32](repeating: 0, count: ids.count)
        for (rank, device) in order.enumerated() { canonical[device] = Int32(rank) }
        var offsets = [Int](repeating: 0, count: ids.count + 1)
        for device in provisional { offsets[Int(canonical[Int(device)]) + 1] += 1 }
        for index in 0..<ids.count { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var slots = [Int](repeating: 0, count: events.count)
        for position in events.indices {
            let device = Int(canonical[Int(provisional[position])])
            slots[cursor[device]] = position
            cursor[device] += 1
        }
        for device in 0..<ids.count where offsets[device + 1] - offsets[device] > 1 {
            slots[offsets[device]..<offsets[device + 1]].sort { precedes($0, $1) }
        }
        var deviceIndex: [DeviceID: Int32] = [:]
        deviceIndex.reserveCapacity(ids.count)
        let orderedIDs = order.map { ids[$0] }
        for (rank, id) in orderedIDs.enumerated() { deviceIndex[id] = Int32(rank) }
        return Grouped(
            events: slots.map { events[$0] }, offsets: offsets, deviceIDs: orderedIDs,
            deviceIndex: deviceIndex)
    }
}

extension InventoryHistory: Equatable {
    /// Two histories are equal when their customers, sites, seats and ordered events are;
    /// everything else is derived from those.
    public static func == (lhs: InventoryHistory, rhs: InventoryHistory) -> Bool {
        lhs.customers == rhs.customers && lhs.sites == rhs.sites && lhs.seats == rhs.seats
            && lhs.events == rhs.events && lhs.merges == rhs.merges
    }
}

extension InventoryHistory {
    /// Asserts the storage invariants: the offset arrays rise from 0 to the ends of their
    /// arrays, each device's events start with its `added` and are in (instant, sequence)
    /// order, each device's segments start strictly one after another, and every billing
    /// key is -1 or a cell of customers × categories. Runs in debug builds.
    internal func _checkInvariants() {
        let cells = Int32(customers.count * categories.count)
        let eventEnds = eventOffsets.first == 0 && eventOffsets.last == events.count
        let segmentEnds = segmentOffsets.first == 0 && segmentOffsets.last == segmentStart.count
        assert(eventEnds && segmentEnds)  // justified: internal invariant
        assert(segmentKey.count == segmentStart.count)  // justified: internal invariant
        assert(segmentKey.allSatisfy { $0 >= -1 && $0 < cells })  // justified: internal invariant
        for device in 0..<deviceIDs.count {
            let range = eventOffsets[device]..<eventOffsets[device + 1]
            let slice = events[range]
            var isAdded = false
            if case .added = slice.first?.change { isAdded = true }
            assert(isAdded)  // justified: internal invariant
            let ordered = zip(slice, slice.dropFirst()).allSatisfy {
                ($0.effectiveMilliseconds, $0.sequence) < ($1.effectiveMilliseconds, $1.sequence)
            }
            assert(ordered)  // justified: internal invariant
            let segments = segmentStart[segmentOffsets[device]..<segmentOffsets[device + 1]]
            let rising = zip(segments, segments.dropFirst()).allSatisfy { $0 < $1 }
            assert(!segments.isEmpty && rising)  // justified: internal invariant
        }
    }
}
