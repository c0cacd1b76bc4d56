import Foundation
import MSPCore

/// One backup job: when it ran and whether it succeeded.
///
/// A successful job is a **recovery point** as of its start (the data it captured), usable
/// from its finish. JSON: `{"startedAt": 1767222000000, "finishedAt": 1767225600000,
/// "succeeded": true}` (milliseconds since 1970).
public struct BackupJob: Sendable, Hashable {
    /// When the job started: the instant its data is from.
    public let startedAt: Int64
    /// When it finished: the instant its recovery point became usable.
    public let finishedAt: Int64
    /// Whether it produced a usable recovery point.
    public let succeeded: Bool

    /// Creates a job.
    ///
    /// - Throws: ``MonitoringError`` `instantOutOfRange`, `endBeforeStart` (field
    ///   `finishedAt`) when the job finishes before it starts.
    public init(startedAt: Int64, finishedAt: Int64, succeeded: Bool) throws(MonitoringError) {
        try InstantBounds.check(startedAt, field: "startedAt")
        try InstantBounds.check(finishedAt, field: "finishedAt")
        guard startedAt <= finishedAt else {
            throw .endBeforeStart(start: startedAt, end: finishedAt, field: "finishedAt")
        }
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.succeeded = succeeded
    }
}

extension BackupJob: Codable {
    private enum CodingKeys: String, CodingKey { case startedAt, finishedAt, succeeded }

    /// Decodes and validates the documented JSON object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            startedAt: container.decode(Int64.self, forKey: .startedAt),
            finishedAt: container.decode(Int64.self, forKey: .finishedAt),
            succeeded: container.decode(Bool.self, forKey: .succeeded))
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(succeeded, forKey: .succeeded)
    }
}

/// A recovery point objective: at every instant, the newest usable recovery point is at
/// most ``maximumAgeMilliseconds`` old (a successful backup at least every D).
///
/// At instant `x` the newest usable recovery point is the latest start among successful
/// jobs finished by `x`; its age is `x − start`. The objective is breached while the age
/// exceeds D, and at instants with no recovery point at all.
///
/// Worked example, D = 24 h, period `[0 h, 72 h)`; successful jobs started −2 h (finished
/// −1 h), 22 h (finished 23 h) and 70 h (finished 71 h); the job of day 2 failed:
///
/// ```
/// recovery point  -2 h from -1 h   22 h from 23 h          70 h from 71 h
/// breach          [22 h, 23 h)     [46 h, 71 h)             -
/// worst age       71 h - 22 h = 49 h (just before the 70 h point becomes usable)
/// ```
public struct RecoveryPointObjective: Sendable, Hashable, Codable {
    /// The largest allowed age of the newest recovery point, in milliseconds.
    public let maximumAgeMilliseconds: Int64

    /// Creates an objective.
    ///
    /// - Throws: ``MonitoringError`` `invalidDuration` below 1 ms.
    public init(maximumAgeMilliseconds: Int64) throws(MonitoringError) {
        try InstantBounds.checkDuration(
            maximumAgeMilliseconds, field: "maximumAgeMilliseconds", minimum: 1)
        self.maximumAgeMilliseconds = maximumAgeMilliseconds
    }

    private enum CodingKeys: String, CodingKey { case maximumAgeMilliseconds }

    /// Decodes and validates `{"maximumAgeMilliseconds": 86400000}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            maximumAgeMilliseconds: container.decode(Int64.self, forKey: .maximumAgeMilliseconds))
    }

    /// Measures the objective over `period` from job results in any order (include jobs
    /// before the period: they provide its first recovery point).
    ///
    /// - Returns: The breaches within the period and the worst age reached.
    /// - Complexity: O(n log n) for n jobs.
    public func evaluate(_ jobs: [BackupJob], over period: DateRange) -> RecoveryPointReport {
        // Recovery points by the instant they become usable; the newest point is the
        // running maximum of starts.
        let points = jobs.filter(\.succeeded).sorted {
            ($0.finishedAt, $0.startedAt) < ($1.finishedAt, $1.startedAt)
        }
        let start = period.startMilliseconds
        let end = period.endMilliseconds
        var breaches: [DateRange] = []
        var worst: Int64? = 0
        var newest: Int64?
        var cursor = start
        var index = 0
        // Points usable by the start of the period.
        while index < points.count, points[index].finishedAt <= start {
            newest = max(newest ?? points[index].startedAt, points[index].startedAt)
            index += 1
        }
        func close(until limit: Int64) {
            guard cursor < limit else { return }
            let breachFrom: Int64
            if let newest {
                breachFrom = max(cursor, newest + maximumAgeMilliseconds)
                worst = worst.map { max($0, limit - newest) }
            } else {
                breachFrom = cursor
                worst = nil
            }
            if breachFrom < limit,
                let range = try? DateRange(startMilliseconds: breachFrom, endMilliseconds: limit)
            {
                if let last = breaches.last, last.endMilliseconds == breachFrom,
                    let merged = try? DateRange(
                        startMilliseconds: last.startMilliseconds, endMilliseconds: limit)
                {
                    breaches[breaches.count - 1] = merged
                } else {
                    breaches.append(range)
                }
            }
            cursor = limit
        }
        while index < points.count, points[index].finishedAt < end {
            close(until: points[index].finishedAt)
            newest = max(newest ?? points[index].startedAt, points[index].startedAt)
            index += 1
        }
        close(until: end)
        return RecoveryPointReport(
            period: period, objective: self, breaches: breaches, worstAgeMilliseconds: worst)
    }
}

/// How a recovery point objective fared over a period.
public struct RecoveryPointReport: Sendable, Hashable, Codable {
    /// The period measured.
    public let period: DateRange
    /// The objective.
    public let objective: RecoveryPointObjective
    /// The ranges in breach, merged and in order.
    public let breaches: [DateRange]
    /// The largest age of the newest recovery point over the period (its supremum), or
    /// `nil` when some instant had no recovery point at all.
    public let worstAgeMilliseconds: Int64?

    /// Whether the objective held throughout.
    public var isCompliant: Bool { breaches.isEmpty }

    /// The total time in breach.
    public var breachMilliseconds: Int64 {
        breaches.reduce(0) { $0 + ($1.endMilliseconds - $1.startMilliseconds) }
    }
}
