import Foundation
import MSPCore

/// One version of a policy: when it takes effect and which tickets it reaches.
public struct SLAPolicyVersion: Sendable, Hashable {
    /// Which tickets a new version applies to.
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
        /// Only tickets created at or after the version's effective instant.
        case newTickets
        /// Also tickets created earlier that are still open (not resolved or closed) at the
        /// effective instant; they are then evaluated entirely under this version, from
        /// their creation, as if it had always applied.
        case openTickets
    }

    /// The instant the version takes effect.
    public let effectiveFrom: Date
    /// The policy.
    public let policy: SLAPolicy
    /// The tickets it reaches.
    public let scope: Scope

    /// Creates a version.
    public init(effectiveFrom: Date, policy: SLAPolicy, scope: Scope = .newTickets) {
        self.effectiveFrom = effectiveFrom
        self.policy = policy
        self.scope = scope
    }
}

extension SLAPolicyVersion: Codable {
    private enum CodingKeys: String, CodingKey { case effectiveFrom, policy, scope }

    /// Decodes `{"effectiveFrom": 1772323200000, "policy": {...}, "scope": "openTickets"}`:
    /// the instant in whole milliseconds since 1970 (as ticket events), `scope` defaulting
    /// to `newTickets`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            effectiveFrom: try container.decodeInstant(forKey: .effectiveFrom),
            policy: try container.decode(SLAPolicy.self, forKey: .policy),
            scope: try container.decodeIfPresent(Scope.self, forKey: .scope) ?? .newTickets)
    }

    /// Encodes the object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeInstant(effectiveFrom, forKey: .effectiveFrom)
        try container.encode(policy, forKey: .policy)
        try container.encode(scope, forKey: .scope)
    }
}

/// The versions of a policy over time, and the rule choosing the version for a ticket.
///
/// A ticket takes the latest version effective at or before its creation; a later version
/// effective by the evaluation instant replaces it when its scope is
/// ``SLAPolicyVersion/Scope/openTickets`` and the ticket was still open when it took
/// effect (the latest such version wins).
///
/// Worked example: version 1 (P2 resolution 8 h) from 2026-01-01, version 2 (P2 4 h) from
/// 2026-03-01. A ticket created 2026-02-27 and open on 03-01 gets version 2 if version 2
/// applies to open tickets, version 1 if it applies to new tickets only; a ticket resolved on
/// 02-28 keeps version 1 either way.
public struct SLAPolicySchedule: Sendable, Hashable, Codable {
    /// The versions, sorted by effective instant.
    public let versions: [SLAPolicyVersion]

    /// Creates a schedule.
    ///
    /// - Throws: ``SLAError`` `duplicateVersion` for two versions effective at one instant.
    public init(versions: [SLAPolicyVersion]) throws(SLAError) {
        let sorted = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
        for (previous, next) in zip(sorted, sorted.dropFirst())
        where previous.effectiveFrom == next.effectiveFrom {
            throw .duplicateVersion(next.effectiveFrom)
        }
        self.versions = sorted
    }

    /// Decodes and re-validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(versions: try container.decode([SLAPolicyVersion].self))
    }

    /// Encodes the versions as a JSON array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(versions)
    }

    /// The version that applies to a ticket evaluated at `asOf`.
    ///
    /// - Throws: ``SLAError`` `missingCreation` without a `created` event,
    ///   `noPolicyInEffect` when no version is effective at the creation.
    /// - Complexity: O(*e* log *e* + *v*) for *e* events and *v* versions.
    public func version(for events: [TicketEvent], asOf: Date) throws(SLAError)
        -> SLAPolicyVersion
    {
        let chosen = try VersionChoice.index(
            effective: versions.map { ($0.effectiveFrom, $0.scope) }, events: events,
            asOf: asOf)
        guard let chosen else {
            throw .noPolicyInEffect(try VersionChoice.creation(of: events))
        }
        return versions[chosen]
    }
}

/// The rule shared by policy and calendar versions: a ticket takes the latest version
/// effective at or before its creation, replaced by a later one effective by `asOf` whose
/// scope reaches open tickets when the ticket was open at that version's effective instant.
enum VersionChoice {
    /// The creation instant of `events`.
    static func creation(of events: [TicketEvent]) throws(SLAError) -> Date {
        guard let creation = events.lazy.filter({ $0.kind.rank == 0 }).map(\.instant).min()
        else { throw .missingCreation() }
        return creation
    }

    /// The index of the version for a ticket, or `nil` when none is effective at its
    /// creation. `effective` is sorted by instant.
    static func index(
        effective: [(from: Date, scope: SLAPolicyVersion.Scope)], events: [TicketEvent],
        asOf: Date
    ) throws(SLAError) -> Int? {
        let sorted = events.sorted {
            $0.instant != $1.instant ? $0.instant < $1.instant : $0.kind.rank < $1.kind.rank
        }
        guard let creation = sorted.first(where: { $0.kind.rank == 0 }) else {
            throw .missingCreation()
        }
        guard var chosen = effective.lastIndex(where: { $0.from <= creation.instant }) else {
            return nil
        }
        for (index, version) in effective.enumerated()
        where version.scope == .openTickets && version.from > creation.instant
            && version.from <= asOf
        {
            var open = true
            for event in sorted where event.instant < version.from {
                switch event.kind {
                case .resolved, .closed: open = false
                case .reopened: open = true
                default: break
                }
            }
            if open { chosen = index }
        }
        return chosen
    }
}
