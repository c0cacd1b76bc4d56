/// The kinds of things MSPKit's modules identify, as markers for ``Identifier``.
///
/// Each nested type is an empty enum used only as ``Identifier``'s `Owner`, so that
/// ``CustomerID`` and ``DeviceID`` are different types even though both are strings. The
/// markers live in MSPCore so that every module, and a caller joining them, agrees on what a
/// customer's or a device's ID is.
public enum IdentifierKind {
    /// Marks a customer's identifier: ``CustomerID``.
    public enum Customer {}
    /// Marks a customer site's identifier: ``SiteID``.
    public enum Site {}
    /// Marks a device's or asset's identifier: ``DeviceID``.
    public enum Device {}
    /// Marks an end user's or seat's identifier: ``UserID``.
    public enum User {}
    /// Marks a ticket's identifier: ``TicketID``.
    public enum Ticket {}
    /// Marks an agreement's (contract's) identifier: ``AgreementID``.
    public enum Agreement {}
    /// Marks a price plan's identifier: ``PricePlanID``.
    public enum PricePlan {}
    /// Marks an SLA policy's identifier: ``SLAPolicyID``.
    public enum SLAPolicy {}
    /// Marks a monitored service's or check's identifier: ``ServiceID``.
    public enum Service {}
    /// Marks a billable category: ``BillableCategory``.
    public enum BillableCategory {}
}

/// A customer's identifier.
public typealias CustomerID = Identifier<IdentifierKind.Customer>
/// A customer site's identifier.
public typealias SiteID = Identifier<IdentifierKind.Site>
/// A device's or asset's identifier.
public typealias DeviceID = Identifier<IdentifierKind.Device>
/// An end user's or seat's identifier.
public typealias UserID = Identifier<IdentifierKind.User>
/// A ticket's identifier.
public typealias TicketID = Identifier<IdentifierKind.Ticket>
/// An agreement's identifier.
public typealias AgreementID = Identifier<IdentifierKind.Agreement>
/// A price plan's identifier.
public typealias PricePlanID = Identifier<IdentifierKind.PricePlan>
/// An SLA policy's identifier.
public typealias SLAPolicyID = Identifier<IdentifierKind.SLAPolicy>
/// A monitored service's or check's identifier.
public typealias ServiceID = Identifier<IdentifierKind.Service>
