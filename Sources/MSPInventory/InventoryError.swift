import Foundation
import MSPCore

/// An error from building or querying an inventory: bad input named by field and value.
///
/// A struct with a ``code-swift.property`` rather than an enum, so that new codes do not
/// break a caller's `switch`; every error names the ``field`` and the offending ``value``.
public struct InventoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// Two customers, sites, seats, devices or events share one identifier.
        public static let duplicateID = Code(rawValue: "duplicateID")
        /// An event names a device that no `added` event introduces.
        public static let unknownDevice = Code(rawValue: "unknownDevice")
        /// A record names a customer the inventory does not have.
        public static let unknownCustomer = Code(rawValue: "unknownCustomer")
        /// A record names a site the inventory does not have.
        public static let unknownSite = Code(rawValue: "unknownSite")
        /// A device is placed at a site that belongs to another customer.
        public static let siteOfOtherCustomer = Code(rawValue: "siteOfOtherCustomer")
        /// An event takes effect before (or in the same order slot as) the device's `added`.
        public static let eventBeforeAdded = Code(rawValue: "eventBeforeAdded")
        /// A warranty end or end-of-life date before the purchase date.
        public static let dateBeforePurchase = Code(rawValue: "dateBeforePurchase")
        /// A text field that is empty, only white space, or too long.
        public static let invalidText = Code(rawValue: "invalidText")
        /// A MAC address that is not six bytes in a recognised notation.
        public static let invalidMACAddress = Code(rawValue: "invalidMACAddress")
        /// An instant outside years 1...9999, or a range whose end is before its start.
        public static let invalidInstant = Code(rawValue: "invalidInstant")
        /// A time-zone identifier the system does not know.
        public static let unknownTimeZone = Code(rawValue: "unknownTimeZone")
        /// A negative amount where only zero or more makes sense (a cost, a salvage value).
        public static let negativeAmount = Code(rawValue: "negativeAmount")
        /// Amounts in different currencies combined in one calculation.
        public static let currencyMismatch = Code(rawValue: "currencyMismatch")
        /// A count, percentage or length outside its documented range.
        public static let outOfRange = Code(rawValue: "outOfRange")
        /// Two records that cannot be merged (different customers, or the same record).
        public static let mergeConflict = Code(rawValue: "mergeConflict")
        /// An arithmetic result that does not fit in 64 bits.
        public static let overflow = Code(rawValue: "overflow")
    }

    /// The kind of failure.
    public var code: Code
    /// The input the error is about, such as `"events[3].device"` or `"site.customer"`.
    public var field: String
    /// The offending value as text.
    public var value: String
    /// A sentence for people.
    public var message: String

    /// Creates an error. Prefer the static factories, which fill in a consistent message.
    public init(code: Code, field: String, value: String, message: String) {
        self.code = code
        self.field = field
        self.value = value
        self.message = message
    }
}

extension InventoryError {
    /// Two records of one kind (`what`: `"customer"`, `"site"`, `"seat"`, `"device"`,
    /// `"event sequence"`) share the identifier `value`.
    public static func duplicateID(_ value: String, field: String, what: String) -> InventoryError {
        InventoryError(
            code: .duplicateID, field: field, value: value,
            message: "\(what) \(value) appears more than once")
    }

    /// An event for a device that is never added.
    public static func unknownDevice(_ device: DeviceID, field: String) -> InventoryError {
        InventoryError(
            code: .unknownDevice, field: field, value: device.rawValue,
            message: "device \(device) has no added event")
    }

    /// A reference to a customer the inventory does not have.
    public static func unknownCustomer(_ customer: CustomerID, field: String) -> InventoryError {
        InventoryError(
            code: .unknownCustomer, field: field, value: customer.rawValue,
            message: "customer \(customer) is not in the inventory")
    }

    /// A reference to a site the inventory does not have.
    public static func unknownSite(_ site: SiteID, field: String) -> InventoryError {
        InventoryError(
            code: .unknownSite, field: field, value: site.rawValue,
            message: "site \(site) is not in the inventory")
    }

    /// A device placed at `site`, which belongs to `siteCustomer`, while under `customer`.
    public static func siteOfOtherCustomer(
        _ site: SiteID, siteCustomer: CustomerID, customer: CustomerID, field: String
    ) -> InventoryError {
        InventoryError(
            code: .siteOfOtherCustomer, field: field, value: site.rawValue,
            message: "site \(site) belongs to customer \(siteCustomer), not \(customer)")
    }

    /// An event of `device` ordered before its `added` event.
    public static func eventBeforeAdded(
        _ device: DeviceID, sequence: Int64, field: String
    ) -> InventoryError {
        InventoryError(
            code: .eventBeforeAdded, field: field, value: String(sequence),
            message:
                "event \(sequence) of device \(device) takes effect before the device is added")
    }

    /// A date (`field`: warranty end or end of life) before the purchase date.
    public static func dateBeforePurchase(
        _ date: LocalDate, purchase: LocalDate, field: String
    ) -> InventoryError {
        InventoryError(
            code: .dateBeforePurchase, field: field, value: date.description,
            message: "\(field) \(date) is before the purchase date \(purchase)")
    }

    /// A text field that is empty, blank or longer than `limit` UTF-8 bytes.
    public static func invalidText(_ text: String, field: String, limit: Int) -> InventoryError {
        InventoryError(
            code: .invalidText, field: field, value: text,
            message: "\(field) must be 1 to \(limit) UTF-8 bytes, not only white space")
    }

    /// Text that is not a MAC address.
    public static func invalidMACAddress(_ text: String, field: String) -> InventoryError {
        InventoryError(
            code: .invalidMACAddress, field: field, value: text,
            message: "\(field) \"\(text)\" is not a 48-bit MAC address")
    }

    /// An instant outside years 1...9999 or a range ending before it starts.
    public static func invalidInstant(_ value: String, field: String) -> InventoryError {
        InventoryError(
            code: .invalidInstant, field: field, value: value,
            message: "\(field) \(value) is not a valid instant or range")
    }

    /// An unknown IANA time-zone identifier.
    public static func unknownTimeZone(_ identifier: String, field: String) -> InventoryError {
        InventoryError(
            code: .unknownTimeZone, field: field, value: identifier,
            message: "time zone \"\(identifier)\" is not a known IANA identifier")
    }

    /// A negative amount where only zero or more is allowed.
    public static func negativeAmount(_ amount: Money, field: String) -> InventoryError {
        InventoryError(
            code: .negativeAmount, field: field, value: amount.description,
            message: "\(field) \(amount) is negative")
    }

    /// Amounts in two currencies.
    public static func currencyMismatch(
        _ amount: Money, expected: Currency, field: String
    ) -> InventoryError {
        InventoryError(
            code: .currencyMismatch, field: field, value: amount.description,
            message: "\(field) \(amount) is not in \(expected.code)")
    }

    /// A number outside `allowed`.
    public static func outOfRange(_ value: Int64, allowed: String, field: String)
        -> InventoryError
    {
        InventoryError(
            code: .outOfRange, field: field, value: String(value),
            message: "\(field) \(value) is outside \(allowed)")
    }

    /// Two records that cannot be merged, with the reason.
    public static func mergeConflict(_ value: String, field: String, reason: String)
        -> InventoryError
    {
        InventoryError(
            code: .mergeConflict, field: field, value: value,
            message: "cannot merge \(value): \(reason)")
    }

    /// An arithmetic result that does not fit.
    public static func overflow(field: String) -> InventoryError {
        InventoryError(
            code: .overflow, field: field, value: "",
            message: "\(field) does not fit in 64 bits")
    }
}

extension InventoryError: MSPError {}
