import Foundation
import MSPCore

/// One version of the business calendars a policy counts on: when it takes effect and
/// which tickets it reaches (the same ``SLAPolicyVersion/Scope`` as policy versions).
///
/// A calendar version replaces every calendar at once: list each name the policies use,
/// changed or not (a new holiday list for next year, new opening hours for one desk).
public struct SLACalendarVersion: Sendable, Hashable {
    /// The instant the version takes effect.
    public let effectiveFrom: Date
    /// The calendars by the names the policies' targets use.
    public let calendars: [String: BusinessCalendar]
    /// The tickets it reaches.
    public let scope: SLAPolicyVersion.Scope

    /// Creates a version.
    public init(
        effectiveFrom: Date, calendars: [String: BusinessCalendar],
        scope: SLAPolicyVersion.Scope = .newTickets
    ) {
        self.effectiveFrom = effectiveFrom
        self.calendars = calendars
        self.scope = scope
    }
}

extension SLACalendarVersion: Codable {
    private enum CodingKeys: String, CodingKey { case effectiveFrom, calendars, scope }

    /// Decodes `{"effectiveFrom": 1798761600000, "calendars": {"office": {...}}, "scope":
    /// "newTickets"}`: the instant in whole milliseconds since 1970, calendars as
    /// ``MSPCore/BusinessCalendar`` documents by name, `scope` defaulting to `newTickets`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            effectiveFrom: try container.decodeInstant(forKey: .effectiveFrom),
            calendars: try container.decode([String: BusinessCalendar].self, forKey: .calendars),
            scope: try container.decodeIfPresent(
                SLAPolicyVersion.Scope.self, forKey: .scope) ?? .newTickets)
    }

    /// Encodes the object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeInstant(effectiveFrom, forKey: .effectiveFrom)
        try container.encode(calendars, forKey: .calendars)
        try container.encode(scope, forKey: .scope)
    }
}

/// The versions of the business calendars over time, chosen for a ticket by the rule of
/// ``SLAPolicySchedule``: the latest version effective at or before the ticket's creation,
/// replaced by a later version effective by the evaluation instant whose scope is
/// ``SLAPolicyVersion/Scope/openTickets`` when the ticket was still open when it took
/// effect. The chosen calendars count the whole ticket, from its creation.
///
/// Worked example: version 1 (Mon-Fri 09:00-17:00) from 2026-01-01, version 2 adding the
/// holiday 2026-12-24 from 2026-12-01. A ticket created 2026-11-30 and open on 12-01 counts
/// 12-24 as a holiday when version 2 applies to open tickets, as a working day when it
/// applies to new tickets only; a ticket created 12-02 takes version 2 either way.
public struct SLACalendarSchedule: Sendable, Hashable {
    /// The versions, sorted by effective instant.
    public let versions: [SLACalendarVersion]

    /// Creates a schedule.
    ///
    /// - Throws: ``SLAError`` `duplicateVersion` for two versions effective at one instant.
    public init(versions: [SLACalendarVersion]) throws(SLAError) {
        let sorted = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
        for (previous, next) in zip(sorted, sorted.dropFirst())
        where previous.effectiveFrom == next.effectiveFrom {
            throw .duplicateVersion(next.effectiveFrom, of: "calendar")
        }
        self.versions = sorted
    }

    /// The version that applies to a ticket evaluated at `asOf`.
    ///
    /// - Throws: ``SLAError`` `missingCreation` without a `created` event,
    ///   `noCalendarsInEffect` when no version is effective at the creation.
    /// - Complexity: O(*e* log *e* + *v*) for *e* events and *v* versions.
    public func version(for events: [TicketEvent], asOf: Date) throws(SLAError)
        -> SLACalendarVersion
    {
        guard let index = try index(for: events, asOf: asOf) else {
            throw .noCalendarsInEffect(try VersionChoice.creation(of: events))
        }
        return versions[index]
    }

    /// The index in ``versions`` for a ticket, `nil` when none is in effect at its creation.
    func index(for events: [TicketEvent], asOf: Date) throws(SLAError) -> Int? {
        try VersionChoice.index(
            effective: versions.map { ($0.effectiveFrom, $0.scope) }, events: events,
            asOf: asOf)
    }
}

extension SLACalendarSchedule: Codable {
    /// Decodes a JSON array of ``SLACalendarVersion`` and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(versions: try container.decode([SLACalendarVersion].self))
    }

    /// Encodes the versions as a JSON array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(versions)
    }
}

/// Evaluates tickets under versioned policies and versioned calendars: for each ticket it
/// picks the policy version (``SLAPolicySchedule``) and the calendar version
/// (``SLACalendarSchedule``) that apply, and evaluates with the matching ``SLAEngine``.
///
/// Every calendar version is compiled once, over `horizon`, and one engine is bound per
/// (policy version, calendar version) pair when the evaluator is built. A pair whose
/// calendars lack a name the policy uses is an error only when a ticket needs that pair.
public struct SLAVersionedEvaluator: Sendable {
    /// The policy versions.
    public let policies: SLAPolicySchedule
    /// The calendar versions.
    public let calendars: SLACalendarSchedule
    /// The horizon every calendar version is compiled for.
    public let horizon: DateRange
    /// Per `policy × calendars.count + calendar`: the engine, or why the pair can't bind.
    private let engines: [Result<SLAEngine, SLAError>]

    /// Compiles every calendar version over `horizon` and binds the engines.
    ///
    /// - Parameters:
    ///   - policies: The policy versions.
    ///   - calendars: The calendar versions.
    ///   - horizon: Every instant you will evaluate plus the longest deadline beyond it
    ///     (see ``MSPCore/BusinessCalendar/compiled(for:limits:)``).
    /// - Throws: ``SLAError`` `calendar` when a calendar can't be compiled over `horizon`.
    public init(policies: SLAPolicySchedule, calendars: SLACalendarSchedule, horizon: DateRange)
        throws(SLAError)
    {
        var compiled: [[String: BusinessCalendar.Compiled]] = []
        for version in calendars.versions {
            var set: [String: BusinessCalendar.Compiled] = [:]
            for (name, calendar) in version.calendars {
                do {
                    set[name] = try calendar.compiled(for: horizon)
                } catch { throw .calendar(error) }
            }
            compiled.append(set)
        }
        var engines: [Result<SLAEngine, SLAError>] = []
        for version in policies.versions {
            for set in compiled {
                do throws(SLAError) {
                    engines.append(.success(try SLAEngine(policy: version.policy, calendars: set)))
                } catch {
                    engines.append(.failure(error))
                }
            }
        }
        self.policies = policies
        self.calendars = calendars
        self.horizon = horizon
        self.engines = engines
    }

    /// The engine for a ticket evaluated at `asOf`: its policy version bound to its calendar
    /// version. Use it to ``SLAEngine/explain(_:asOf:)`` or ask ``SLAEngine/whatIf(_:events:asOf:)``.
    ///
    /// - Throws: ``SLAError`` `missingCreation`, `noPolicyInEffect`, `noCalendarsInEffect`,
    ///   or `unknownCalendar` when the chosen calendar version lacks a calendar the chosen
    ///   policy version names.
    public func engine(for events: [TicketEvent], asOf: Date) throws(SLAError) -> SLAEngine {
        let policy = try VersionChoice.index(
            effective: policies.versions.map { ($0.effectiveFrom, $0.scope) }, events: events,
            asOf: asOf)
        guard let policy else { throw .noPolicyInEffect(try VersionChoice.creation(of: events)) }
        guard let calendar = try calendars.index(for: events, asOf: asOf) else {
            throw .noCalendarsInEffect(try VersionChoice.creation(of: events))
        }
        return try engines[policy * calendars.versions.count + calendar].get()
    }

    /// Evaluates a ticket at `asOf` under the versions that apply to it.
    ///
    /// - Throws: ``SLAError`` as ``engine(for:asOf:)`` and ``SLAEngine/evaluate(_:asOf:)``.
    public func evaluate(_ events: [TicketEvent], asOf: Date) throws(SLAError) -> SLAEvaluation {
        try engine(for: events, asOf: asOf).evaluate(events, asOf: asOf)
    }
}
