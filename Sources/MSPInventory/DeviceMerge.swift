import MSPCore

/// A decision that two device records are one machine: the ``duplicate`` is folded into the
/// ``survivor`` for counting, and both keep their own events.
///
/// After the merge the pair counts as one unit: at an instant when either record would
/// count, the unit counts once; its unit-days are the days on which either record was under
/// management. Both histories stay as they were, so the audit trail of each record (the
/// old agent's and the re-imaged machine's) is intact.
public struct DeviceMerge: Sendable, Hashable, Codable {
    /// The record folded into the survivor.
    public let duplicate: DeviceID
    /// The record that represents the machine.
    public let survivor: DeviceID

    /// Creates a merge of `duplicate` into `survivor`.
    public init(duplicate: DeviceID, into survivor: DeviceID) {
        self.duplicate = duplicate
        self.survivor = survivor
    }
}

/// The identity groups of a history: which device numbers count as one unit.
internal struct MergeGroups: Sendable {
    /// `isMerged[d]` when device `d` belongs to a group of two or more; empty when there
    /// are no merges.
    var isMerged: [Bool] = []
    /// Each group's device numbers, the survivor first, then duplicates in merge order.
    var groups: [[Int32]] = []
    /// The group number of every merged device.
    var groupOf: [Int32: Int] = [:]

    /// Checks `merges` against the devices and builds the groups.
    ///
    /// - Throws: ``InventoryError`` `unknownDevice` (fields `"merges.duplicate"`,
    ///   `"merges.survivor"`), `mergeConflict` for a record merged into itself or merged
    ///   twice, or for records that were ever under different customers.
    init(
        merges: [DeviceMerge], deviceIndex: [DeviceID: Int32], segmentOffsets: [Int],
        segmentCustomer: [Int32]
    ) throws(InventoryError) {
        guard !merges.isEmpty else { return }
        isMerged = [Bool](repeating: false, count: segmentOffsets.count - 1)
        // The only customer a device was ever under, or -1 when it moved between customers.
        func soleCustomer(_ device: Int32) -> Int32 {
            let range = segmentOffsets[Int(device)]..<segmentOffsets[Int(device) + 1]
            let first = segmentCustomer[range.lowerBound]
            return segmentCustomer[range].allSatisfy { $0 == first } ? first : -1
        }
        for merge in merges {
            guard let duplicate = deviceIndex[merge.duplicate] else {
                throw .unknownDevice(merge.duplicate, field: "merges.duplicate")
            }
            guard let survivor = deviceIndex[merge.survivor] else {
                throw .unknownDevice(merge.survivor, field: "merges.survivor")
            }
            let pair = "\(merge.duplicate) into \(merge.survivor)"
            guard duplicate != survivor else {
                throw .mergeConflict(pair, field: "merges", reason: "a record is itself")
            }
            if let group = groupOf[duplicate], groups[group][0] != duplicate {
                throw .mergeConflict(
                    pair, field: "merges.duplicate",
                    reason: "\(merge.duplicate) is already merged into another record")
            }
            if let group = groupOf[duplicate], group == groupOf[survivor] {
                throw .mergeConflict(pair, field: "merges", reason: "they are already merged")
            }
            let customer = soleCustomer(survivor)
            guard customer >= 0, soleCustomer(duplicate) == customer else {
                throw .mergeConflict(
                    pair, field: "merges",
                    reason: "the records were not always under one and the same customer")
            }
            let target: Int
            if let group = groupOf[survivor] {
                target = group
            } else {
                target = groups.count
                groups.append([survivor])
                groupOf[survivor] = target
                isMerged[Int(survivor)] = true
            }
            let moving: [Int32]
            if let old = groupOf[duplicate] {
                moving = groups[old]
                groups[old] = []
            } else {
                moving = [duplicate]
            }
            for member in moving {
                groupOf[member] = target
                isMerged[Int(member)] = true
            }
            groups[target].append(contentsOf: moving)
        }
        groups = groups.filter { !$0.isEmpty }
        groupOf = [:]
        for (number, group) in groups.enumerated() {
            for member in group { groupOf[member] = number }
        }
    }
}
