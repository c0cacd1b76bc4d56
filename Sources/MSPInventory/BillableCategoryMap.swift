import MSPCore

/// Which ``MSPCore/BillableCategory`` each ``DeviceKind`` counts as; a kind the map does not
/// name is not billable.
///
/// ``standard`` maps workstations and laptops to `.workstation`, physical and virtual
/// servers to `.server`, network devices and firewalls to `.networkDevice` and mobiles to
/// `.mobile`; printers and cloud resources are not billable. A customer whose agreement
/// prices things differently gets its own map:
///
/// ```swift
/// let map = BillableCategoryMap.standard
///     .setting(.printer, to: .monitoredEndpoint)   // printers billed as monitored endpoints
///     .removing(.mobile)                           // phones are included, not billed
/// ```
public struct BillableCategoryMap: Sendable, Hashable {
    /// The category of each billable kind.
    public private(set) var categories: [DeviceKind: BillableCategory]

    /// Creates a map from kinds to categories.
    public init(_ categories: [DeviceKind: BillableCategory]) {
        self.categories = categories
    }

    /// The usual MSP price sheet, described above.
    public static var standard: BillableCategoryMap {
        BillableCategoryMap([
            .workstation: .workstation, .laptop: .workstation, .server: .server,
            .virtualServer: .server, .networkDevice: .networkDevice, .firewall: .networkDevice,
            .mobile: .mobile,
        ])
    }

    /// The category `kind` counts as, or `nil` when it is not billable.
    public func category(of kind: DeviceKind) -> BillableCategory? { categories[kind] }

    /// A copy in which `kind` counts as `category`.
    public func setting(_ kind: DeviceKind, to category: BillableCategory) -> BillableCategoryMap {
        var copy = self
        copy.categories[kind] = category
        return copy
    }

    /// A copy in which `kind` is not billable.
    public func removing(_ kind: DeviceKind) -> BillableCategoryMap {
        var copy = self
        copy.categories[kind] = nil
        return copy
    }
}
