import MSPCore

/// Something that happened to alerts at an instant: the input of ``AlertPolicy/reduce(_:_:at:)``.
public enum AlertEvent: Sendable, Hashable {
    /// A problem for `key` (a rule started firing or changed severity); a second problem
    /// for an open key is deduplicated into a severity change or nothing.
    case problem(AlertKey, subject: AlertSubject, severity: Severity)
    /// The problem for `key` is over.
    case recovery(AlertKey)
    /// Someone acknowledged `key`: sticky until recovery (`until` nil) or until an instant.
    case acknowledge(AlertKey, until: Int64?)
    /// Only time passes: reminders, escalations, expiring acknowledgements and the ends of
    /// maintenance windows fall due.
    case tick
}

/// A notification to send: of what kind, to which group, about which alerts.
public struct AlertNotification: Sendable, Hashable, Codable {
    /// Why the notification is sent.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A problem nobody has been told about yet (new, changed severity, or still
        /// present when maintenance or a dependency ends).
        case problem
        /// A reminder about an unacknowledged open problem.
        case reminder
        /// The alert reached a new escalation level.
        case escalation
        /// A notified problem is over.
        case recovery
    }

    /// Why the notification is sent.
    public let kind: Kind
    /// The group (see ``AlertGrouping``), such as `"site:s1"`.
    public let group: String
    /// The alerts it covers, in key order.
    public let keys: [AlertKey]

    /// Creates a notification.
    public init(kind: Kind, group: String, keys: [AlertKey]) {
        self.kind = kind
        self.group = group
        self.keys = keys
    }
}

/// What a reduction step produced, in order.
public enum AlertEffect: Sendable, Hashable {
    /// A new alert opened.
    case opened(AlertKey, Severity)
    /// An open alert changed severity.
    case severityChanged(AlertKey, from: Severity, to: Severity)
    /// An alert resolved and left the book.
    case resolved(AlertKey)
    /// An acknowledgement was recorded.
    case acknowledged(AlertKey)
    /// An expiring acknowledgement ran out while the alert was still open.
    case acknowledgementExpired(AlertKey)
    /// An alert reached escalation level `level` (1 for the first step).
    case escalated(AlertKey, level: Int)
    /// Send this notification.
    case notify(AlertNotification)
}

/// One open alert, as the book remembers it.
///
/// JSON: `{"key": "d1/cpu", "subject": {...}, "severity": "critical", "openedAt": 0,
/// "notifiedAt": 0, "owesNotification": false, "acknowledgedUntil": null, "sticky": false,
/// "escalationLevel": 0}`.
public struct AlertRecord: Sendable, Hashable, Codable {
    /// The alert's key.
    public let key: AlertKey
    /// What it is about.
    public internal(set) var subject: AlertSubject
    /// Its current severity.
    public internal(set) var severity: Severity
    /// When it opened.
    public let openedAt: Int64
    /// When it was last notified (problem, reminder or escalation); `nil` if never.
    public internal(set) var notifiedAt: Int64?
    /// Whether a problem notification is owed (held back by maintenance or a dependency).
    public internal(set) var owesNotification: Bool
    /// Whether a sticky acknowledgement (until recovery) is in force.
    public internal(set) var sticky: Bool
    /// The instant an expiring acknowledgement ends, if one is in force.
    public internal(set) var acknowledgedUntil: Int64?
    /// The escalation level reached, 0 for none.
    public internal(set) var escalationLevel: Int

    /// Whether an acknowledgement is in force.
    public var isAcknowledged: Bool { sticky || acknowledgedUntil != nil }
}

extension AlertRecord {
    private enum CodingKeys: String, CodingKey {
        case key, subject, severity, openedAt, notifiedAt, owesNotification, sticky
        case acknowledgedUntil, escalationLevel
    }

    /// Decodes the documented JSON object and re-validates it: every instant within years
    /// 1...9999, a notification not before the alert opened, and an escalation level of 0
    /// or more.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(AlertKey.self, forKey: .key)
        subject = try container.decode(AlertSubject.self, forKey: .subject)
        severity = try container.decode(Severity.self, forKey: .severity)
        openedAt = try container.decode(Int64.self, forKey: .openedAt)
        notifiedAt = try container.decodeIfPresent(Int64.self, forKey: .notifiedAt)
        owesNotification = try container.decode(Bool.self, forKey: .owesNotification)
        sticky = try container.decode(Bool.self, forKey: .sticky)
        acknowledgedUntil = try container.decodeIfPresent(Int64.self, forKey: .acknowledgedUntil)
        escalationLevel = try container.decode(Int.self, forKey: .escalationLevel)
        let instants: [(CodingKeys, Int64?)] = [
            (.openedAt, openedAt), (.notifiedAt, notifiedAt),
            (.acknowledgedUntil, acknowledgedUntil),
        ]
        for case (let field, let instant?) in instants where !InstantBounds.contains(instant) {
            throw DecodingError.dataCorruptedError(
                forKey: field, in: container,
                debugDescription: MonitoringError.instantOutOfRange(
                    instant, field: field.stringValue
                ).description)
        }
        if let notifiedAt, notifiedAt < openedAt {
            throw DecodingError.dataCorruptedError(
                forKey: .notifiedAt, in: container,
                debugDescription: MonitoringError.endBeforeStart(
                    start: openedAt, end: notifiedAt, field: "notifiedAt"
                ).description)
        }
        guard escalationLevel >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .escalationLevel, in: container,
                debugDescription: MonitoringError.invalidCount(
                    escalationLevel, field: "escalationLevel", minimum: 0
                ).description)
        }
    }
}

/// The alert reducer's state: every open alert and the last instant seen. Codable, so a
/// snapshot restored later continues exactly.
///
/// JSON: `{"alerts": [AlertRecord...] (in key order), "lastInstant": 1767225600000}`.
public struct AlertBook: Sendable, Hashable, Codable {
    /// The open alerts by key.
    public internal(set) var alerts: [AlertKey: AlertRecord]
    /// The instant of the last reduction, if any.
    public internal(set) var lastInstant: Int64?

    /// An empty book.
    public init() {
        alerts = [:]
        lastInstant = nil
    }

    private enum CodingKeys: String, CodingKey { case alerts, lastInstant }

    /// Decodes the documented JSON object; keys must be unique.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let records = try container.decode([AlertRecord].self, forKey: .alerts)
        alerts = [:]
        for record in records {
            guard alerts.updateValue(record, forKey: record.key) == nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .alerts, in: container,
                    debugDescription: "duplicate alert key \(record.key)")
            }
        }
        lastInstant = try container.decodeIfPresent(Int64.self, forKey: .lastInstant)
        if let lastInstant, !InstantBounds.contains(lastInstant) {
            throw DecodingError.dataCorruptedError(
                forKey: .lastInstant, in: container,
                debugDescription: MonitoringError.instantOutOfRange(
                    lastInstant, field: "lastInstant"
                ).description)
        }
    }

    /// Encodes the documented JSON object, alerts in key order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alerts.values.sorted { $0.key < $1.key }, forKey: .alerts)
        try container.encode(lastInstant, forKey: .lastInstant)
    }
}

extension AlertPolicy {
    /// The alert reducer: `(book, event, instant) -> (book, effects)`. Pure; never reads
    /// the clock.
    ///
    /// In order: the event is applied (open, deduplicate, change severity, resolve,
    /// acknowledge); then, for every open alert in key order, time-driven rules run at
    /// `instant`: an expiring acknowledgement ends; a problem notification owed and no
    /// longer suppressed is sent once; an unacknowledged notified alert gets a reminder
    /// every ``renotifyMilliseconds``; it escalates at each ``escalationMilliseconds`` step.
    /// An alert is **suppressed** while a maintenance window of a matching scope contains
    /// the instant or the parent of a matching dependency is open: it sends nothing, a
    /// recovery while suppressed is not notified, and nothing is replayed afterwards except
    /// one problem notification if the problem is still open. An alert that opened and
    /// resolved inside a window notifies nobody. Finally the notifications of this step are
    /// bundled by (kind, group).
    ///
    /// - Throws: ``MonitoringError`` `instantOutOfRange`, `outOfOrder` for an instant before
    ///   the book's last, `endBeforeStart` (field `until`) for an acknowledgement that
    ///   expires at or before `instant`.
    /// - Complexity: O(a · (m log w + d)) for a open alerts, m maintenance scopes of w windows
    ///   and d dependencies.
    public func reduce(_ book: AlertBook, _ event: AlertEvent, at instant: Int64)
        throws(MonitoringError) -> (book: AlertBook, effects: [AlertEffect])
    {
        try InstantBounds.check(instant, field: "instant")
        if let last = book.lastInstant, instant < last {
            throw .outOfOrder(instant, previous: last, field: "instant")
        }
        var book = book
        var effects: [AlertEffect] = []
        var queued: [(AlertNotification.Kind, String, AlertKey)] = []
        switch event {
        case .problem(let key, let subject, let severity):
            if var record = book.alerts[key] {
                record.subject = subject
                if record.severity != severity {
                    effects.append(.severityChanged(key, from: record.severity, to: severity))
                    record.severity = severity
                    if record.notifiedAt != nil { record.owesNotification = true }
                }
                book.alerts[key] = record
            } else {
                book.alerts[key] = AlertRecord(
                    key: key, subject: subject, severity: severity, openedAt: instant,
                    notifiedAt: nil, owesNotification: true, sticky: false,
                    acknowledgedUntil: nil, escalationLevel: 0)
                effects.append(.opened(key, severity))
            }
        case .recovery(let key):
            if let record = book.alerts.removeValue(forKey: key) {
                effects.append(.resolved(key))
                if record.notifiedAt != nil, suppressionEnd(record, in: book, at: instant) == nil {
                    queued.append((.recovery, grouping.group(of: key, record.subject), key))
                }
            }
        case .acknowledge(let key, let until):
            if let until, until <= instant {
                throw .endBeforeStart(start: instant, end: until, field: "until")
            }
            if var record = book.alerts[key] {
                if let until {
                    record.acknowledgedUntil = max(until, record.acknowledgedUntil ?? until)
                } else {
                    record.sticky = true
                }
                book.alerts[key] = record
                effects.append(.acknowledged(key))
            }
        case .tick:
            break
        }
        for key in book.alerts.keys.sorted() {
            guard var record = book.alerts[key] else { continue }
            if let until = record.acknowledgedUntil, instant >= until {
                record.acknowledgedUntil = nil
                if !record.sticky { effects.append(.acknowledgementExpired(key)) }
            }
            let group = grouping.group(of: key, record.subject)
            if suppressionEnd(record, in: book, at: instant) == nil {
                if record.owesNotification {
                    record.owesNotification = false
                    record.notifiedAt = instant
                    queued.append((.problem, group, key))
                } else if let interval = renotifyMilliseconds, let notified = record.notifiedAt,
                    !record.isAcknowledged, instant - notified >= interval
                {
                    record.notifiedAt = instant
                    queued.append((.reminder, group, key))
                }
                var escalated = false
                while !record.isAcknowledged, record.escalationLevel < escalationMilliseconds.count,
                    instant - record.openedAt >= escalationMilliseconds[record.escalationLevel]
                {
                    record.escalationLevel += 1
                    effects.append(.escalated(key, level: record.escalationLevel))
                    escalated = true
                }
                if escalated {
                    record.notifiedAt = instant
                    queued.append((.escalation, group, key))
                }
            }
            book.alerts[key] = record
        }
        book.lastInstant = instant
        var bundles: [AlertNotification] = []
        for (kind, group, key) in queued {
            if let index = bundles.firstIndex(where: { $0.kind == kind && $0.group == group }) {
                let keys = (bundles[index].keys + [key]).sorted()
                bundles[index] = AlertNotification(kind: kind, group: group, keys: keys)
            } else {
                bundles.append(AlertNotification(kind: kind, group: group, keys: [key]))
            }
        }
        effects += bundles.map(AlertEffect.notify)
        return (book, effects)
    }

    /// Whether `record` is suppressed at `instant`: `.max` while a dependency's parent is
    /// open (no timer ends it), the end of the latest maintenance window containing the
    /// instant, or `nil` when it is not suppressed.
    func suppressionEnd(_ record: AlertRecord, in book: AlertBook, at instant: Int64) -> Int64? {
        for dependency in dependencies
        where dependency.parent != record.key && dependency.scope.contains(record.subject)
            && book.alerts[dependency.parent] != nil
        {
            return .max
        }
        var end: Int64?
        for scoped in maintenance where scoped.scope.contains(record.subject) {
            if let windowEnd = scoped.windowEnd(containing: instant) {
                end = max(end ?? windowEnd, windowEnd)
            }
        }
        return end
    }

    /// The earliest instant after the book's last one at which a ``AlertEvent/tick`` would
    /// produce an effect (a reminder, an escalation, an expiring acknowledgement, the end of
    /// a maintenance window over an owed notification), or `nil` when only events can.
    ///
    /// A scheduler sleeps until then; ``backtest(rule:values:instants:key:subject:from:until:)``
    /// uses it to play time forward exactly.
    public func nextWakeUp(_ book: AlertBook) -> Int64? {
        guard let now = book.lastInstant else { return nil }
        var earliest: Int64?
        func consider(_ candidate: Int64) {
            if candidate > now { earliest = min(earliest ?? candidate, candidate) }
        }
        for record in book.alerts.values {
            if let until = record.acknowledgedUntil { consider(until) }
            if let end = suppressionEnd(record, in: book, at: now) {
                if end != .max { consider(end) }
                continue
            }
            guard !record.isAcknowledged else { continue }
            if let interval = renotifyMilliseconds, let notified = record.notifiedAt {
                consider(notified + interval)
            }
            if record.escalationLevel < escalationMilliseconds.count {
                consider(record.openedAt + escalationMilliseconds[record.escalationLevel])
            }
        }
        return earliest
    }
}
