import Foundation
import MSPCore

/// Whether one device or seat counts for billing at an instant, and why.
///
/// A device counts when, at the instant, it has been added, its status is
/// ``LifecycleStatus/active``, and its kind maps to a billable category for the customer it
/// is under; it then counts for that customer and category. A seat counts when one of its
/// active ranges contains the instant.
public struct CountDecision: Sendable, Hashable {
    /// The device or seat decided about.
    public enum Item: Sendable, Hashable {
        /// A device.
        case device(DeviceID)
        /// A user or seat.
        case seat(UserID)
    }

    /// Why an item counts or not.
    public enum Reason: Sendable, Hashable {
        /// Counted: status active, billable kind, under ``CountDecision/customer``.
        case counted
        /// Not counted: the device's `added` event takes effect after the instant.
        case notYetAdded
        /// Not counted: the device's status is not active.
        case status(LifecycleStatus)
        /// Not counted: the kind is not billable for the customer.
        case kindNotBillable(DeviceKind)
        /// Not counted: no active range of the seat contains the instant.
        case seatInactive
        /// Not counted on its own: the record is merged with `survivor` (see
        /// ``DeviceMerge``), and an earlier record of the same machine already counts for
        /// the same customer and category.
        case mergedDuplicate(of: DeviceID)
    }

    /// The device or seat.
    public let item: Item
    /// The customer the item is under at the instant (`nil` before a device is added).
    public let customer: CustomerID?
    /// The category it counts (or would count) as; `nil` for a non-billable kind.
    public let category: BillableCategory?
    /// The device's kind at the instant (`nil` for seats and devices not yet added).
    public let kind: DeviceKind?
    /// The device's status at the instant (`nil` for seats and devices not yet added).
    public let status: LifecycleStatus?
    /// Why it counts or not.
    public let reason: Reason

    /// Whether the item counts.
    public var isCounted: Bool { reason == .counted }
}

extension InventoryHistory {
    /// Explains, for every device and seat, whether it counts at `instant` and why: the
    /// slow, self-explaining twin of ``billableCounts(at:)``, which counts exactly the
    /// decisions whose reason is ``CountDecision/Reason/counted``.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` (field `"instant"`).
    /// - Complexity: O(*n*) in the number of events and seats.
    public func countDecisions(at instant: Date) throws(InventoryError) -> [CountDecision] {
        let at = try milliseconds(of: instant, field: "instant")
        var decisions: [CountDecision] = []
        decisions.reserveCapacity(deviceIDs.count + seats.count)
        for device in 0..<deviceIDs.count {
            guard let record = state(ofDevice: device, at: at) else {
                decisions.append(
                    CountDecision(
                        item: .device(deviceIDs[device]), customer: nil, category: nil, kind: nil,
                        status: nil, reason: .notYetAdded))
                continue
            }
            let category = customerIndex[record.customer].flatMap {
                customers[Int($0)].billableCategories.category(of: record.kind)
            }
            var reason: CountDecision.Reason
            if record.status != .active {
                reason = .status(record.status)
            } else if category == nil {
                reason = .kindNotBillable(record.kind)
            } else {
                reason = .counted
            }
            if reason == .counted, let group = mergeGroups.groupOf[Int32(device)] {
                let members = mergeGroups.groups[group]
                for member in members {
                    guard member != Int32(device) else { break }
                    if countedKey(ofDevice: Int(member), at: at)
                        == countedKey(ofDevice: device, at: at)
                    {
                        reason = .mergedDuplicate(of: deviceIDs[Int(members[0])])
                        break
                    }
                }
            }
            decisions.append(
                CountDecision(
                    item: .device(record.id), customer: record.customer, category: category,
                    kind: record.kind, status: record.status, reason: reason))
        }
        for seat in seats {
            let active = seat.activeRanges.contains {
                $0.startMilliseconds <= at && at < $0.endMilliseconds
            }
            decisions.append(
                CountDecision(
                    item: .seat(seat.id), customer: seat.customer, category: seat.category,
                    kind: nil, status: nil, reason: active ? .counted : .seatInactive))
        }
        return decisions
    }

    /// The number of billable units per customer and category at `instant`, as
    /// ``MSPCore/UnitUsage`` `.count(n, at: instant)` values for billing in advance.
    ///
    /// Only non-zero counts are returned, ordered by customer identifier and then category
    /// name. ``countDecisions(at:)`` gives the reason behind every unit.
    ///
    /// - Throws: ``InventoryError`` `invalidInstant` (field `"instant"`).
    /// - Complexity: O(*s*) in the number of billing segments and seat ranges; no strings are
    ///   touched per device.
    public func billableCounts(at instant: Date) throws(InventoryError) -> [UnitUsage] {
        let at = try milliseconds(of: instant, field: "instant")
        let width = categories.count
        var totals = [Int64](repeating: 0, count: customers.count * width)
        let isMerged = mergeGroups.isMerged
        segmentStart.withUnsafeBufferPointer { starts in
            segmentKey.withUnsafeBufferPointer { keys in
                segmentOffsets.withUnsafeBufferPointer { offsets in
                    totals.withUnsafeMutableBufferPointer { totals in
                        for device in 0..<(offsets.count - 1) {
                            if !isMerged.isEmpty, isMerged[device] { continue }
                            var segment = offsets[device + 1] - 1
                            let first = offsets[device]
                            while segment >= first, starts[segment] > at { segment -= 1 }
                            guard segment >= first else { continue }
                            let key = Int(keys[segment])
                            if key >= 0 { totals[key] += 1 }
                        }
                    }
                }
            }
        }
        for group in mergeGroups.groups {
            var keys: [Int] = []
            for member in group {
                let key = countedKey(ofDevice: Int(member), at: at)
                if key >= 0, !keys.contains(key) { keys.append(key) }
            }
            for key in keys { totals[key] += 1 }
        }
        for (index, seat) in seats.enumerated()
        where seat.activeRanges.contains(where: {
            $0.startMilliseconds <= at && at < $0.endMilliseconds
        }) {
            totals[Int(seatCustomer[index]) * width + Int(seatCategory[index])] += 1
        }
        return try usages(totals) { .count($0, at: instant) }
    }

    /// `customer × categories + category` of what device number `device` counts as at
    /// `at`, or -1 when it does not count.
    internal func countedKey(ofDevice device: Int, at: Int64) -> Int {
        var segment = segmentOffsets[device + 1] - 1
        let first = segmentOffsets[device]
        while segment >= first, segmentStart[segment] > at { segment -= 1 }
        return segment >= first ? Int(segmentKey[segment]) : -1
    }

    /// Non-zero totals as usage values, by customer identifier then category name.
    internal func usages(
        _ totals: [Int64], measure: (Int64) -> UnitUsage.Measure
    ) throws(InventoryError) -> [UnitUsage] {
        let width = categories.count
        var result: [UnitUsage] = []
        for customer in customers.indices.sorted(by: { customers[$0].id < customers[$1].id }) {
            for category in 0..<width where totals[customer * width + category] > 0 {
                do {
                    result.append(
                        try UnitUsage(
                            customer: customers[customer].id, category: categories[category],
                            measure: measure(totals[customer * width + category])))
                } catch {
                    throw InventoryError(period: error)
                }
            }
        }
        return result
    }
}

extension InventoryError {
    /// An MSPCore period error re-raised as an inventory error with the same field, value
    /// and message (code `invalidInstant`).
    internal init(period error: PeriodError) {
        self.init(
            code: .invalidInstant, field: error.field, value: error.value, message: error.message)
    }
}
