import MSPCore

extension DeviceRecord {
    /// The record after `change`, validated on its own (text, dates); the history checks
    /// references to customers and sites.
    internal func applying(_ change: InventoryEvent.Change) throws(InventoryError) -> DeviceRecord {
        var next = self
        switch change {
        case .added:
            throw .duplicateID(id.rawValue, field: "events.added", what: "device")
        case .fieldsChanged(let fields):
            for field in fields { try next.apply(field) }
            try next.validateDates()
        case .statusChanged(let status): next.status = status
        case .moved(let customer, let site):
            next.customer = customer
            next.site = site
        case .retired: next.status = .retired
        }
        return next
    }
}

/// Folds each device's ordered events into billing segments while checking references,
/// keeping the error of the earliest failing event.
internal struct SegmentBuilder {
    let customers: [Customer]
    let customerIndex: [CustomerID: Int32]
    let siteCustomer: [SiteID: Int32]

    var kindIndex: [DeviceKind: Int32] = [:]
    /// `kindCategory[kind][customer]`: category index in insertion order, or -1.
    var kindCategory: [[Int32]] = []
    var categoryIndex: [BillableCategory: Int32] = [:]
    var categoryList: [BillableCategory] = []

    var segmentStart: [Int64] = []
    var segmentCustomer: [Int32] = []
    var segmentCategory: [Int32] = []
    var segmentStatus: [LifecycleStatus] = []
    var segmentOffsets: [Int] = [0]
    var firstError: (effective: Int64, sequence: Int64, error: InventoryError)? = nil

    init(
        customers: [Customer], customerIndex: [CustomerID: Int32], siteCustomer: [SiteID: Int32],
        deviceCount: Int, eventCount: Int
    ) {
        self.customers = customers
        self.customerIndex = customerIndex
        self.siteCustomer = siteCustomer
        segmentStart.reserveCapacity(eventCount)
        segmentCustomer.reserveCapacity(eventCount)
        segmentCategory.reserveCapacity(eventCount)
        segmentStatus.reserveCapacity(eventCount)
        segmentOffsets.reserveCapacity(deviceCount + 1)
    }

    mutating func internCategory(_ category: BillableCategory) -> Int32 {
        if let index = categoryIndex[category] { return index }
        let index = Int32(categoryList.count)
        categoryIndex[category] = index
        categoryList.append(category)
        return index
    }

    mutating func category(kind: DeviceKind, customer: Int32) -> Int32 {
        let kindNumber: Int
        if let known = kindIndex[kind] {
            kindNumber = Int(known)
        } else {
            kindNumber = kindCategory.count
            kindIndex[kind] = Int32(kindNumber)
            var column: [Int32] = []
            column.reserveCapacity(customers.count)
            for customer in customers {
                column.append(
                    customer.billableCategories.category(of: kind).map { internCategory($0) } ?? -1)
            }
            kindCategory.append(column)
        }
        return kindCategory[kindNumber][Int(customer)]
    }

    private mutating func report(_ event: InventoryEvent, _ error: InventoryError) {
        if let current = firstError,
            (current.effective, current.sequence) < (event.effectiveMilliseconds, event.sequence)
        {
            return
        }
        firstError = (event.effectiveMilliseconds, event.sequence, error)
    }

    /// The customer index of `record`, checking its site.
    private func customerOf(_ record: DeviceRecord) throws(InventoryError) -> Int32 {
        guard let customer = customerIndex[record.customer] else {
            throw .unknownCustomer(record.customer, field: "device.customer")
        }
        if let site = record.site {
            guard let owner = siteCustomer[site] else {
                throw .unknownSite(site, field: "device.site")
            }
            guard owner == customer else {
                throw .siteOfOtherCustomer(
                    site, siteCustomer: customers[Int(owner)].id, customer: record.customer,
                    field: "device.site")
            }
        }
        return customer
    }

    /// Folds one device's events (already in application order).
    mutating func fold(_ events: ArraySlice<InventoryEvent>) {
        defer { segmentOffsets.append(segmentStart.count) }
        let firstSegment = segmentStart.count
        guard let first = events.first else { return }
        guard case .added(let initial) = first.change else {
            report(
                first, .eventBeforeAdded(first.device, sequence: first.sequence, field: "effective")
            )
            return
        }
        var state = initial
        var customer: Int32 = -1
        var category: Int32 = -1
        for event in events {
            do throws(InventoryError) {
                // Customer and category are looked up again only when they can change.
                var lookUp = event.sequence == first.sequence
                if !lookUp {
                    state = try state.applying(event.change)
                    switch event.change {
                    case .moved: lookUp = true
                    case .fieldsChanged(let fields):
                        lookUp = fields.contains {
                            if case .kind = $0 { return true } else { return false }
                        }
                    default: break
                    }
                }
                if lookUp {
                    customer = try customerOf(state)
                    category = self.category(kind: state.kind, customer: customer)
                }
                append(
                    start: event.effectiveMilliseconds, customer: customer, category: category,
                    status: state.status, firstSegment: firstSegment)
            } catch {
                report(event, error)
                return
            }
        }
    }

    private mutating func append(
        start: Int64, customer: Int32, category: Int32, status: LifecycleStatus, firstSegment: Int
    ) {
        var last = segmentStart.count - 1
        if last >= firstSegment, segmentStart[last] == start {
            // A later event at the same instant replaces the state that began there.
            segmentStart.removeLast()
            segmentCustomer.removeLast()
            segmentCategory.removeLast()
            segmentStatus.removeLast()
            last -= 1
        }
        if last >= firstSegment, segmentCustomer[last] == customer,
            segmentCategory[last] == category, segmentStatus[last] == status
        {
            return
        }
        segmentStart.append(start)
        segmentCustomer.append(customer)
        segmentCategory.append(category)
        segmentStatus.append(status)
    }

    /// The categories sorted by name and, for each insertion index, its sorted index.
    func categoriesSortedByName() -> (categories: [BillableCategory], remap: [Int32]) {
        let order = categoryList.indices.sorted { categoryList[$0] < categoryList[$1] }
        var remap = [Int32](repeating: 0, count: categoryList.count)
        for (rank, index) in order.enumerated() { remap[index] = Int32(rank) }
        return (order.map { categoryList[$0] }, remap)
    }
}
