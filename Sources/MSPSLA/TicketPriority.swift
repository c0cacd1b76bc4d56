/// A ticket priority, as the caller's service desk names it (`"P1"`, `"critical"`).
///
/// A policy lists the priorities it has targets for; evaluating a ticket whose priority
/// the policy does not list throws ``SLAError`` `unknownPriority`.
///
/// JSON: the name as a string, `"P1"`.
public struct TicketPriority: RawRepresentable, Hashable, Sendable, Codable, Comparable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    /// The priority's name.
    public var rawValue: String
    /// Creates a priority from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a priority from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The name.
    public var description: String { rawValue }
    /// Orders by name.
    public static func < (lhs: TicketPriority, rhs: TicketPriority) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
    /// Decodes the bare string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Encodes the bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A ticket status as the caller's service desk names it (`"waiting on customer"`,
/// `"on hold"`).
///
/// Statuses matter to an SLA only through the policy's pause table: a status listed there
/// pauses the named clocks; any other status lets every clock run. Resolution and closure
/// are events (``TicketEvent/Kind/resolved``, ``TicketEvent/Kind/closed``), not statuses.
///
/// JSON: the name as a string.
public struct TicketStatus: RawRepresentable, Hashable, Sendable, Codable, Comparable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    /// The status's name.
    public var rawValue: String
    /// Creates a status from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a status from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The name.
    public var description: String { rawValue }
    /// Orders by name.
    public static func < (lhs: TicketStatus, rhs: TicketStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
    /// Decodes the bare string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Encodes the bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The status a ticket has at creation unless a status event says otherwise.
    public static let open: TicketStatus = "open"
    /// Waiting for the customer's answer; usually pauses resolution and next response.
    public static let waitingOnCustomer: TicketStatus = "waiting on customer"
    /// On hold (waiting for a vendor, a part, a change window).
    public static let onHold: TicketStatus = "on hold"
}

/// What an SLA target measures.
///
/// | kind | starts | stops |
/// |---|---|---|
/// | ``firstResponse`` | at creation | at the first public reply (or at resolution, with ``SLAPolicy/Options/firstResponseAtResolution``) |
/// | ``nextResponse`` | at each public reply, and at a reopen | at the next public reply; a cycle running at resolution is dropped unless already breached |
/// | ``resolution`` | at creation | at resolution or closure; a reopen resumes it or starts a new cycle (``SLAPolicy/ReopenRule``) |
public enum SLATargetKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Time to the provider's first public reply.
    case firstResponse
    /// Time between the provider's public replies (a periodic update) while the ticket is
    /// open.
    case nextResponse
    /// Time to resolution.
    case resolution

    /// The kind's position in `allCases`: 0, 1, 2; the offset of its summary among a
    /// ticket's three in a batch evaluation.
    public var index: Int {
        switch self {
        case .firstResponse: 0
        case .nextResponse: 1
        case .resolution: 2
        }
    }

    /// Orders as `allCases`.
    public static func < (lhs: SLATargetKind, rhs: SLATargetKind) -> Bool {
        lhs.index < rhs.index
    }
}
