import Foundation
import MSPCore

/// Summary statistics of business durations, exact.
///
/// The mean is exact in milliseconds; the median is the middle value, or the mean of the
/// two middle values for an even count; the 90th percentile uses the nearest-rank method:
/// the value at rank ⌈0.9 × n⌉ of the sorted values (for 10 values, the 9th).
public struct SLADurationStatistics: Sendable, Hashable {
    /// How many durations.
    public let count: Int
    /// The mean in milliseconds; `nil` when empty.
    public let meanMilliseconds: Rational?
    /// The median in milliseconds; `nil` when empty.
    public let medianMilliseconds: Rational?
    /// The 90th percentile (nearest rank); `nil` when empty.
    public let percentile90: Duration?

    init(_ values: [Int64]) throws(SLAError) {
        count = values.count
        guard !values.isEmpty else {
            meanMilliseconds = nil
            medianMilliseconds = nil
            percentile90 = nil
            return
        }
        let sorted = values.sorted()
        var total: Int64 = 0
        for value in sorted {
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else {
                throw .arithmetic(.overflow(operation: "sum", operands: "durations"))
            }
            total = sum
        }
        do {
            meanMilliseconds = try Rational(total, Int64(sorted.count))
            let middle = sorted.count / 2
            medianMilliseconds =
                sorted.count % 2 == 1
                ? Rational(sorted[middle])
                : try (Rational(sorted[middle - 1]) + Rational(sorted[middle])) / Rational(2)
        } catch { throw .arithmetic(error) }
        let rank = (9 * sorted.count + 9) / 10
        percentile90 = .milliseconds(sorted[max(0, rank - 1)])
    }
}

/// Compliance of many tickets over a period: per priority and target kind, how many
/// targets were met and breached, the breached tickets, and the business time to first
/// response and to resolution.
///
/// A target counts in the period when its outcome was decided in `[start, end)`: a met
/// target at its stop, a breached one at its breach instant. Tickets are evaluated as of the
/// period's end, and every cycle counts: each next-response cycle, and each resolution
/// cycle of a ticket reopened in ``SLAPolicy/ReopenRule/newCycle`` mode (a ticket resolved
/// on time, reopened and resolved late is one met and one breached resolution). A cycle
/// abandoned while running (a priority change in restart mode) counts only if it had
/// already breached; a cycle cancelled by a resolve (a next response never due) does not
/// count.
public struct SLAComplianceReport<TicketKey: Hashable & Sendable>: Sendable, Hashable {
    /// One priority and target kind.
    public struct Row: Sendable, Hashable {
        /// The priority.
        public let priority: TicketPriority
        /// The target kind.
        public let kind: SLATargetKind
        /// Targets met in the period.
        public let met: Int
        /// Targets breached in the period.
        public let breached: Int
        /// `100 × met / (met + breached)`.
        public let percentMet: Rational
    }

    /// The period.
    public let period: DateRange
    /// Rows sorted by priority then kind; only combinations with a decided target.
    public let rows: [Row]
    /// The tickets with a breach decided in the period, in input order, each once.
    public let breachedTickets: [TicketKey]
    /// Business time to first response, of first-response targets met or breached by a
    /// reply (or a counted resolution) in the period.
    public let timeToFirstResponse: SLADurationStatistics
    /// Business time to resolution, of resolution targets stopped in the period.
    public let timeToResolution: SLADurationStatistics
}

extension SLAEngine {
    /// A compliance report over `tickets` for `period`.
    ///
    /// Worked example: three P1 tickets whose first responses took 30 min (met), 1 h (met,
    /// exactly on a 1 h target) and 2 h (breached): 2 met, 1 breached, 200/3 % met; mean
    /// 70 min, median 1 h, 90th percentile (rank ⌈2.7⌉ = 3) 2 h.
    ///
    /// - Parameters:
    ///   - tickets: Each ticket's key (a `TicketID`, a row number) and events.
    ///   - period: The period reported.
    /// - Throws: ``SLAError`` for the first ticket whose timeline is invalid, as
    ///   ``evaluate(_:asOf:)``.
    public func complianceReport<Key: Hashable & Sendable>(
        _ tickets: [(key: Key, events: [TicketEvent])], period: DateRange
    ) throws(SLAError) -> SLAComplianceReport<Key> {
        var met: [Int: Int] = [:]
        var breached: [Int: Int] = [:]
        var breachedKeys: [Key] = []
        var firstResponse: [Int64] = []
        var resolution: [Int64] = []
        let start = period.startMilliseconds
        let end = period.endMilliseconds
        var sink = CycleSink()
        for (key, events) in tickets {
            let packed = try pack(events)
            guard let created = packed.first, created.time < end else { continue }
            sink.cycles.removeAll(keepingCapacity: true)
            let outcome = try replay(packed, asOf: end, sink: &sink)
            var ticketBreached = false
            // Every cycle that ended before the period's end (an earlier next-response
            // cycle, a resolution cycle before a reopen in new-cycle mode), then the
            // current one of each kind.
            let finals = (0..<3).map { (kind: $0, clock: outcome.clocks[$0], at: end) }
            for (kind, clock, horizon) in sink.cycles + finals where clock.phase != 0 {
                let slot = Int(clock.priority) * 3 + kind
                let isBreached =
                    (clock.phase == 2 && clock.outcome == 1)
                    || (clock.phase == 1 && clock.reachedAt < horizon)
                let isMet = clock.phase == 2 && clock.outcome == 0
                let decided = isBreached ? clock.reachedAt : clock.stoppedAt
                guard isBreached || isMet, decided >= start, decided < end else { continue }
                if isBreached {
                    breached[slot, default: 0] += 1
                    ticketBreached = true
                } else {
                    met[slot, default: 0] += 1
                }
                if clock.phase == 2, clock.stoppedAt >= start, clock.stoppedAt < end {
                    if kind == 0 { firstResponse.append(clock.elapsed) }
                    if kind == 2 { resolution.append(clock.elapsed) }
                }
            }
            if ticketBreached { breachedKeys.append(key) }
        }
        var rows: [SLAComplianceReport<Key>.Row] = []
        for (index, priority) in priorities.enumerated() {
            for kind in SLATargetKind.allCases {
                let slot = index * 3 + kind.index
                let metCount = met[slot] ?? 0
                let breachedCount = breached[slot] ?? 0
                guard metCount + breachedCount > 0 else { continue }
                let percent: Rational
                do {
                    percent =
                        try Rational(100)
                        * (try Rational(
                            Int64(metCount), Int64(metCount + breachedCount)))
                } catch { throw .arithmetic(error) }
                rows.append(
                    .init(
                        priority: priority, kind: kind, met: metCount, breached: breachedCount,
                        percentMet: percent))
            }
        }
        return SLAComplianceReport(
            period: period, rows: rows, breachedTickets: breachedKeys,
            timeToFirstResponse: try SLADurationStatistics(firstResponse),
            timeToResolution: try SLADurationStatistics(resolution))
    }
}

/// Collects the cycles a replay ends before starting new ones.
struct CycleSink: ClockSink {
    var cycles: [(kind: Int, clock: Clock, at: Int64)] = []

    @inline(__always) mutating func counted(kind: Int, from: Int64, to: Int64, calendar: Int) {}
    @inline(__always) mutating func paused(kind: Int, from: Int64, to: Int64, status: Int32) {}
    mutating func folded(kind: Int, clock: Clock, at time: Int64) {
        cycles.append((kind, clock, time))
    }
}
