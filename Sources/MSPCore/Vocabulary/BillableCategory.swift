/// What a unit is billed as: the pricing category a device, user or licence counts under.
///
/// Inventory decides which category each item counts as (a laptop is usually a
/// `workstation`, a virtual machine a `server`), and billing prices quantities per category.
/// The category is the only thing the two share, so it lives in MSPCore. Any valid
/// ``Identifier`` text is a category; the built-in names below cover the usual MSP price
/// sheets.
///
/// ```swift
/// let servers = BillableCategory.server                    // "server"
/// let backup = try BillableCategory("backup-seat")         // a caller's own category
/// ```
public typealias BillableCategory = Identifier<IdentifierKind.BillableCategory>

extension Identifier where Owner == IdentifierKind.BillableCategory {
    /// Desktops and laptops: `"workstation"`.
    public static var workstation: BillableCategory { .init(validated: "workstation") }
    /// Physical and virtual servers: `"server"`.
    public static var server: BillableCategory { .init(validated: "server") }
    /// Switches, routers, firewalls, access points: `"network-device"`.
    public static var networkDevice: BillableCategory { .init(validated: "network-device") }
    /// Phones and tablets: `"mobile"`.
    public static var mobile: BillableCategory { .init(validated: "mobile") }
    /// People or seats supported: `"user"`.
    public static var user: BillableCategory { .init(validated: "user") }
    /// Endpoints that are only monitored (monitoring-only plans): `"monitored-endpoint"`.
    public static var monitoredEndpoint: BillableCategory {
        .init(validated: "monitored-endpoint")
    }
    /// Software licences resold per seat: `"licence"`.
    public static var licence: BillableCategory { .init(validated: "licence") }
}
