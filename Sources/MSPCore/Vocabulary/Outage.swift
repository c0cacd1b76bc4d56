import Foundation

/// A span of time during which a monitored service was down, or its state was unknown:
/// the plain data that monitoring produces and availability objectives consume.
///
/// MSPMonitoring derives outages from check states and heartbeats; MSPSLA measures
/// availability against them. Neither module imports the other, so the outage is an
/// MSPCore value: a ``DateRange`` with a ``Kind`` and a free-text ``cause``. Scheduled
/// maintenance is not an outage; it is passed beside the outages as its own ranges.
///
/// JSON: `{"range": {"start": "…", "end": "…"}, "kind": "down", "cause": "ping failed"}`.
public struct Outage: Sendable, Hashable {
    /// Whether the service was known to be down or its state was unknown.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The service was down.
        case down
        /// Nothing was known (no data, a monitoring gap): reported apart from downtime.
        case unknown
    }

    /// The instants of the outage, `[start, end)`.
    public let range: DateRange
    /// Down or unknown.
    public let kind: Kind
    /// Why: the failing check, the missed heartbeat, a ticket reference. May be empty.
    public let cause: String

    /// Creates an outage.
    ///
    /// - Parameters:
    ///   - range: When the service was out.
    ///   - kind: ``Kind/down`` (the default) or ``Kind/unknown``.
    ///   - cause: A note for people; empty by default.
    public init(range: DateRange, kind: Kind = .down, cause: String = "") {
        self.range = range
        self.kind = kind
        self.cause = cause
    }
}

extension Outage: Codable {
    private enum CodingKeys: String, CodingKey { case range, kind, cause }

    /// Decodes the documented JSON object; `kind` defaults to `"down"` and `cause` to `""`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            range: try container.decode(DateRange.self, forKey: .range),
            kind: try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .down,
            cause: try container.decodeIfPresent(String.self, forKey: .cause) ?? "")
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(range, forKey: .range)
        try container.encode(kind, forKey: .kind)
        try container.encode(cause, forKey: .cause)
    }
}

extension Outage: CustomStringConvertible {
    /// `down [2026-01-01T00:00:00.000Z, 2026-01-01T00:05:00.000Z) ping failed`.
    public var description: String {
        cause.isEmpty ? "\(kind) \(range)" : "\(kind) \(range) \(cause)"
    }
}
