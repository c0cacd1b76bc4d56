import MSPCore

/// What sort of thing a device is: a workstation, a firewall, a printer, or a kind the
/// caller names.
///
/// A kind is an open set of names, like ``MSPCore/BillableCategory``: the built-ins below
/// cover the usual RMM classes, and `try DeviceKind("ups")` adds a caller's own. Two kinds are
/// equal when their names are. JSON: the plain name, `"virtual-server"`.
public struct DeviceKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most UTF-8 bytes a kind's name may have.
    public static var maximumLength: Int { 64 }

    /// The kind's name, such as `"workstation"`.
    public let name: String

    /// Creates a caller-defined kind.
    ///
    /// - Throws: ``InventoryError`` `invalidText` (field `"kind"`) for an empty or blank
    ///   name, or one longer than ``maximumLength`` bytes.
    public init(_ name: String) throws(InventoryError) {
        self.name = try validatedText(name, field: "kind", limit: Self.maximumLength)
    }

    private init(builtIn name: String) { self.name = name }

    /// A desktop PC: `"workstation"`.
    public static var workstation: DeviceKind { DeviceKind(builtIn: "workstation") }
    /// A portable PC: `"laptop"`.
    public static var laptop: DeviceKind { DeviceKind(builtIn: "laptop") }
    /// A physical server: `"server"`.
    public static var server: DeviceKind { DeviceKind(builtIn: "server") }
    /// A virtual machine acting as a server: `"virtual-server"`.
    public static var virtualServer: DeviceKind { DeviceKind(builtIn: "virtual-server") }
    /// A switch, router or access point: `"network-device"`.
    public static var networkDevice: DeviceKind { DeviceKind(builtIn: "network-device") }
    /// A firewall appliance: `"firewall"`.
    public static var firewall: DeviceKind { DeviceKind(builtIn: "firewall") }
    /// A printer or multifunction device: `"printer"`.
    public static var printer: DeviceKind { DeviceKind(builtIn: "printer") }
    /// A phone or tablet: `"mobile"`.
    public static var mobile: DeviceKind { DeviceKind(builtIn: "mobile") }
    /// A resource in a public cloud (a VM instance, a managed database): `"cloud-resource"`.
    public static var cloudResource: DeviceKind { DeviceKind(builtIn: "cloud-resource") }

    /// The built-in kinds, in the order listed above.
    public static var builtIn: [DeviceKind] {
        [
            .workstation, .laptop, .server, .virtualServer, .networkDevice, .firewall, .printer,
            .mobile, .cloudResource,
        ]
    }

    /// Orders by name, byte-wise.
    public static func < (lhs: DeviceKind, rhs: DeviceKind) -> Bool {
        lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
    }

    /// The kind's name.
    public var description: String { name }
}

extension DeviceKind: Codable {
    /// Decodes the plain name and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try DeviceKind(container.decode(String.self))
    }

    /// Encodes the plain name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// `text` when it is 1 to `limit` UTF-8 bytes and not only white space.
internal func validatedText(_ text: String, field: String, limit: Int) throws(InventoryError)
    -> String
{
    guard !text.isEmpty, text.utf8.count <= limit, text.contains(where: { !$0.isWhitespace })
    else { throw .invalidText(text, field: field, limit: limit) }
    return text
}

/// `text` validated when present.
internal func validatedOptionalText(_ text: String?, field: String, limit: Int)
    throws(InventoryError) -> String?
{
    guard let text else { return nil }
    return try validatedText(text, field: field, limit: limit)
}
