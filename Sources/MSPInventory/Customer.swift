import Foundation
import MSPCore

/// A customer of the MSP: the party devices and seats are billed to.
///
/// The time zone decides where the customer's days begin and end when unit-days are
/// counted; the category map decides what each device kind is billed as.
public struct Customer: Sendable, Hashable, Identifiable {
    /// The customer's identifier.
    public let id: CustomerID
    /// The customer's name, for people.
    public let name: String
    /// The IANA time zone whose local days unit-days are counted in.
    public let timeZoneIdentifier: String
    /// What each device kind is billed as for this customer.
    public let billableCategories: BillableCategoryMap

    /// Creates a customer.
    ///
    /// - Throws: ``InventoryError`` `invalidText` (field `"name"`) for a blank name or one
    ///   over 256 bytes, `unknownTimeZone` (field `"timeZone"`) for an unknown zone.
    public init(
        id: CustomerID, name: String, timeZoneIdentifier: String,
        billableCategories: BillableCategoryMap = .standard
    ) throws(InventoryError) {
        guard !timeZoneIdentifier.isEmpty, TimeZone(identifier: timeZoneIdentifier) != nil else {
            throw .unknownTimeZone(timeZoneIdentifier, field: "timeZone")
        }
        self.id = id
        self.name = try validatedText(name, field: "name", limit: 256)
        self.timeZoneIdentifier = timeZoneIdentifier
        self.billableCategories = billableCategories
    }
}

/// A place where a customer keeps devices: an office, a data centre, a cloud tenant.
public struct Site: Sendable, Hashable, Identifiable {
    /// The site's identifier.
    public let id: SiteID
    /// The customer the site belongs to.
    public let customer: CustomerID
    /// The site's name, for people.
    public let name: String

    /// Creates a site of `customer`; the inventory checks that the customer exists.
    ///
    /// - Throws: ``InventoryError`` `invalidText` (field `"name"`).
    public init(id: SiteID, customer: CustomerID, name: String) throws(InventoryError) {
        self.id = id
        self.customer = customer
        self.name = try validatedText(name, field: "name", limit: 256)
    }
}

/// A user or seat under management: a person supported, or a licence resold per seat.
///
/// A seat counts in its ``category`` (`.user` by default, or `.licence`, or a caller's
/// category) during its active ranges.
public struct Seat: Sendable, Hashable, Identifiable {
    /// The user's or seat's identifier.
    public let id: UserID
    /// The customer the seat is billed to.
    public let customer: CustomerID
    /// What the seat is billed as.
    public let category: BillableCategory
    /// When the seat was active, sorted and without overlaps (touching ranges are joined).
    public let activeRanges: [DateRange]

    /// Creates a seat; overlapping or touching ranges are joined.
    public init(
        id: UserID, customer: CustomerID, category: BillableCategory = .user,
        activeRanges: [DateRange]
    ) {
        self.id = id
        self.customer = customer
        self.category = category
        self.activeRanges = DateRange.union(activeRanges.filter { !$0.isEmpty })
    }
}
