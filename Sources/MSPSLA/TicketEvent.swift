import Foundation
import MSPCore

/// One fact in a ticket's timeline: what happened and when.
///
/// Events may be given in any order; evaluation sorts them by instant, and events at the
/// same instant by ``Kind`` in this order: `created`, `priorityChanged`, `statusChanged`,
/// `publicReply`, `resolved`, `reopened`, `closed`; then by payload (priority or status in
/// the policy's order, then name). Two events that tie on all of these are identical, so
/// the order of the input never changes a result.
///
/// JSON: `{"at": 1772832600000, "event": "statusChanged", "status": "on hold"}`, where `at`
/// is whole milliseconds since 1970-01-01T00:00:00Z (MSPKit's exact time base) within
/// years 1...9999 (decoding rejects any other); `priority` accompanies `created` and
/// `priorityChanged`.
public struct TicketEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// The ticket was opened with a priority.
        case created(priority: TicketPriority)
        /// The priority changed.
        case priorityChanged(to: TicketPriority)
        /// The status changed; the policy's pause table says which clocks it pauses.
        case statusChanged(to: TicketStatus)
        /// The provider replied publicly to the customer.
        case publicReply
        /// The ticket was resolved.
        case resolved
        /// A resolved or closed ticket was reopened.
        case reopened
        /// The ticket was closed (from open, or after a resolve).
        case closed

        /// The tie-break rank at one instant.
        var rank: UInt8 {
            switch self {
            case .created: 0
            case .priorityChanged: 1
            case .statusChanged: 2
            case .publicReply: 3
            case .resolved: 4
            case .reopened: 5
            case .closed: 6
            }
        }

        /// The event's name in JSON and messages.
        public var name: String {
            switch self {
            case .created: "created"
            case .priorityChanged: "priorityChanged"
            case .statusChanged: "statusChanged"
            case .publicReply: "publicReply"
            case .resolved: "resolved"
            case .reopened: "reopened"
            case .closed: "closed"
            }
        }
    }

    /// When it happened.
    public let instant: Date
    /// What happened.
    public let kind: Kind

    /// Creates an event.
    public init(_ kind: Kind, at instant: Date) {
        self.instant = instant
        self.kind = kind
    }
}

extension TicketEvent: Codable {
    private enum CodingKeys: String, CodingKey { case at, event, priority, status }

    /// Decodes the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let instant = try container.decodeInstant(forKey: .at)
        let name = try container.decode(String.self, forKey: .event)
        let kind: Kind
        switch name {
        case "created":
            kind = .created(priority: try container.decode(TicketPriority.self, forKey: .priority))
        case "priorityChanged":
            kind = .priorityChanged(
                to: try container.decode(TicketPriority.self, forKey: .priority))
        case "statusChanged":
            kind = .statusChanged(to: try container.decode(TicketStatus.self, forKey: .status))
        case "publicReply": kind = .publicReply
        case "resolved": kind = .resolved
        case "reopened": kind = .reopened
        case "closed": kind = .closed
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .event, in: container, debugDescription: "unknown event \"\(name)\"")
        }
        self.init(kind, at: instant)
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        guard let milliseconds = DateRange.milliseconds(of: instant) else {
            throw EncodingError.invalidValue(
                instant,
                .init(codingPath: encoder.codingPath, debugDescription: "instant out of range"))
        }
        try container.encode(milliseconds, forKey: .at)
        try container.encode(kind.name, forKey: .event)
        switch kind {
        case .created(let priority), .priorityChanged(let priority):
            try container.encode(priority, forKey: .priority)
        case .statusChanged(let status):
            try container.encode(status, forKey: .status)
        default: break
        }
    }
}

extension TicketEvent: CustomStringConvertible {
    /// `2026-03-06T21:30:00.000Z statusChanged(on hold)`.
    public var description: String {
        let instantText = SLAError.text(instant)
        switch kind {
        case .created(let priority), .priorityChanged(let priority):
            return "\(instantText) \(kind.name)(\(priority))"
        case .statusChanged(let status): return "\(instantText) \(kind.name)(\(status))"
        default: return "\(instantText) \(kind.name)"
        }
    }
}
