import Foundation
import MSPBilling
import MSPCore

/// The prepaid hours, money or incidents of one agreement, built on MSPBilling's
/// ``MSPBilling/BlockConsumption``: balance at an instant, consumption history, rollover,
/// expiry, overage and low-balance thresholds.
///
/// ## Rules
///
/// - Consumption is ``MSPBilling/BlockConsumption``'s: draws in work-date order, each from
///   the valid blocks earliest-expiring first; what no block covers is overage.
/// - Rollover (optional): when a purchased block expires with units left, up to
///   ``rolloverCap`` of them move to a new block valid from the expiry for as long as the
///   original was valid (ID `"<id>+rollover"`); the rest expire. A rolled-over block does not
///   roll again. Blocks roll in order of expiry, so a rollover only ever sees final balances.
/// - The ``Balance`` at instant *t* counts draws worked at or before *t*; blocks valid at *t*
///   are available, blocks that ended by *t* have expired. For blocks purchased (started)
///   by *t*: purchased = available + consumed + expired.
/// - A low-balance threshold *p* % is crossed by the draw after which the units used of the
///   blocks valid at its work date reach *p* % of their quantity, having been below it.
public struct PrepaidLedger: Sendable, Hashable {
    /// A ledger's balance at an instant, in base units.
    public struct Balance: Sendable, Hashable, Codable {
        /// Units of the started purchased blocks (rollovers excluded: they are not bought).
        public var purchased: Int64
        /// Units left in the blocks valid at the instant.
        public var available: Int64
        /// Units drawn from blocks by draws worked at or before the instant.
        public var consumed: Int64
        /// Units that expired unused (net of rollover).
        public var expired: Int64
        /// Units of draws at or before the instant that no block covered.
        public var overage: Int64

        /// Creates a balance (tests and stored results; ``PrepaidLedger/balance(at:)``
        /// computes one).
        public init(
            purchased: Int64, available: Int64, consumed: Int64, expired: Int64, overage: Int64
        ) {
            self.purchased = purchased
            self.available = available
            self.consumed = consumed
            self.expired = expired
            self.overage = overage
        }
    }

    /// A threshold crossing: the draw after which a threshold of the valid blocks was used.
    public struct LowBalanceEvent: Sendable, Hashable {
        /// The threshold, in whole percent used.
        public var thresholdPercent: Int
        /// The draw that crossed it.
        public var draw: String
        /// The draw's work date.
        public var date: Date
        /// Units left in the valid blocks after the draw.
        public var available: Int64
        /// The total quantity of the blocks valid at the draw's work date.
        public var capacity: Int64

        /// Creates a threshold crossing.
        public init(
            thresholdPercent: Int, draw: String, date: Date, available: Int64, capacity: Int64
        ) {
            self.thresholdPercent = thresholdPercent
            self.draw = draw
            self.date = date
            self.available = available
            self.capacity = capacity
        }
    }

    /// What one draw took, block by block, and what no block covered.
    public struct HistoryEntry: Sendable, Hashable, Codable {
        /// The draw.
        public var draw: BlockDraw
        /// The units taken from each block, in the order they were taken.
        public var allocations: [BlockConsumption.Allocation]
        /// The units no block covered.
        public var overage: Int64

        /// Creates a history entry.
        public init(draw: BlockDraw, allocations: [BlockConsumption.Allocation], overage: Int64) {
            self.draw = draw
            self.allocations = allocations
            self.overage = overage
        }
    }

    /// A reminder about the ledger due in a window.
    public struct Reminder: Sendable, Hashable {
        /// What the reminder is about.
        public enum Kind: Sendable, Hashable {
            /// A low-balance threshold crossing.
            case lowBalance(LowBalanceEvent)
            /// A block that expires with `remaining` units unused (before any rollover).
            case blockExpiry(block: String, remaining: Int64)
        }

        /// When it is due.
        public var date: Date
        /// What it is about.
        public var kind: Kind

        /// Creates a reminder.
        public init(date: Date, kind: Kind) {
            self.date = date
            self.kind = kind
        }
    }

    /// The most units all purchased blocks together may hold (10^16), so that every sum
    /// and percentage the ledger computes fits in 64 bits.
    public static let maximumTotalQuantity: Int64 = 10_000_000_000_000_000

    /// The agreement.
    public let agreement: AgreementID
    /// What the ledger holds.
    public let kind: PrepaidBlock.Kind
    /// The purchased blocks.
    public let purchased: [PrepaidBlock]
    /// The blocks created by rollover.
    public let rolledOver: [PrepaidBlock]
    /// The draws.
    public let draws: [BlockDraw]
    /// The most units one block may carry over, or `nil` for no rollover.
    public let rolloverCap: Int64?
    /// Low-balance thresholds in whole percent used, ascending.
    public let thresholds: [Int]
    /// The consumption of all blocks (purchased and rolled over) by all draws.
    public let consumption: BlockConsumption

    /// Builds the ledger.
    ///
    /// - Throws: ``ContractError`` `invalidLedger` for a block or draw of another kind, a
    ///   threshold repeated, a negative rollover cap, blocks holding more than
    ///   ``maximumTotalQuantity`` together, a total overage that overflows, a block or draw
    ///   ID repeated, or a rollover past the supported instants; `outOfRange` for a
    ///   threshold outside 1...100.
    /// - Complexity: O(*r* × (*d* log *d* + *d* × *b*)) for *r* rollovers.
    public init(
        agreement: AgreementID, kind: PrepaidBlock.Kind, blocks: [PrepaidBlock],
        draws: [BlockDraw], rolloverCap: Int64? = nil, thresholds: [Int] = [80, 95]
    ) throws(ContractError) {
        for (index, block) in blocks.enumerated() where block.kind != kind {
            throw .invalidLedger(
                field: "blocks[\(index)].kind", value: block.kind.rawValue,
                reason: "is not \(kind.rawValue)")
        }
        for (index, draw) in draws.enumerated() where draw.kind != kind {
            throw .invalidLedger(
                field: "draws[\(index)].kind", value: draw.kind.rawValue,
                reason: "is not \(kind.rawValue)")
        }
        for (index, threshold) in thresholds.enumerated() {
            guard (1...100).contains(threshold) else {
                throw .outOfRange(threshold, field: "thresholds[\(index)]", allowed: 1...100)
            }
            guard !thresholds[..<index].contains(threshold) else {
                throw .invalidLedger(
                    field: "thresholds[\(index)]", value: String(threshold), reason: "is repeated")
            }
        }
        var total: Int64 = 0
        for (index, block) in blocks.enumerated() {
            total += block.quantity
            guard total <= Self.maximumTotalQuantity else {
                throw .invalidLedger(
                    field: "blocks[\(index)].quantity", value: String(block.quantity),
                    reason: "takes the total past \(Self.maximumTotalQuantity) units")
            }
        }
        if let rolloverCap, rolloverCap < 0 {
            throw .invalidLedger(
                field: "rolloverCap", value: String(rolloverCap), reason: "is negative")
        }
        var rolled: [PrepaidBlock] = []
        var consumption = try Self.consume(blocks: blocks, draws: draws)
        if let rolloverCap, rolloverCap > 0 {
            let byExpiry = blocks.sorted {
                ($0.validity.endMilliseconds, $0.id) < ($1.validity.endMilliseconds, $1.id)
            }
            for block in byExpiry {
                let remaining = consumption.remaining[block.id] ?? 0
                guard remaining > 0 else { continue }
                let start = block.validity.endMilliseconds
                let length = block.validity.endMilliseconds - block.validity.startMilliseconds
                let (end, overflow) = start.addingReportingOverflow(length)
                let id = block.id + "+rollover"
                let validity: DateRange
                do throws(PeriodError) {
                    guard !overflow else {
                        throw .invalidInstant(block.validity.end, field: "rollover")
                    }
                    validity = try DateRange(startMilliseconds: start, endMilliseconds: end)
                } catch {
                    throw .invalidLedger(
                        field: "blocks[\(block.id)].validity", value: String(start),
                        reason: "rollover leaves the supported instants")
                }
                do throws(BillingError) {
                    rolled.append(
                        try block.rolledOver(
                            remaining: remaining, cap: rolloverCap, id: id, validity: validity))
                } catch {
                    throw .invalidLedger(
                        field: "rolloverCap", value: error.value, reason: error.message)
                }
                consumption = try Self.consume(blocks: blocks + rolled, draws: draws)
            }
        }
        var overage: Int64 = 0
        for item in consumption.overage {
            let (sum, overflow) = overage.addingReportingOverflow(item.quantity)
            guard !overflow else {
                throw .invalidLedger(
                    field: "draws[\(item.draw)].quantity", value: String(item.quantity),
                    reason: "the total overage overflows")
            }
            overage = sum
        }
        self.agreement = agreement
        self.kind = kind
        self.purchased = blocks
        self.rolledOver = rolled
        self.draws = draws
        self.rolloverCap = rolloverCap
        self.thresholds = thresholds.sorted()
        self.consumption = consumption
    }

    private static func consume(blocks: [PrepaidBlock], draws: [BlockDraw])
        throws(ContractError) -> BlockConsumption
    {
        do throws(BillingError) {
            return try BlockConsumption(blocks: blocks, draws: draws)
        } catch {
            throw .invalidLedger(field: error.field, value: error.value, reason: error.message)
        }
    }

    /// The draws in consumption order (work date, then ID).
    public var orderedDraws: [BlockDraw] {
        draws.sorted { ($0.workDate, $0.id) < ($1.workDate, $1.id) }
    }

    /// The allocations and overage of each draw, in consumption order: the consumption
    /// history.
    public var history: [HistoryEntry] {
        var allocations: [String: [BlockConsumption.Allocation]] = [:]
        for item in consumption.allocations { allocations[item.draw, default: []].append(item) }
        var overage: [String: Int64] = [:]
        for item in consumption.overage { overage[item.draw] = item.quantity }
        return orderedDraws.map {
            HistoryEntry(
                draw: $0, allocations: allocations[$0.id] ?? [], overage: overage[$0.id] ?? 0)
        }
    }

    /// The balance at `instant`; see the type's rules.
    ///
    /// - Complexity: O(*a* + *b* + *d*) for *a* allocations.
    public func balance(at instant: Date) -> Balance {
        let counted = Set(draws.lazy.filter { $0.workDate <= instant }.map(\.id))
        var used: [String: Int64] = [:]
        for item in consumption.allocations where counted.contains(item.draw) {
            used[item.block, default: 0] += item.quantity
        }
        var rolledFrom: [String: Int64] = [:]
        for block in rolledOver { rolledFrom[String(block.id.dropLast(9))] = block.quantity }
        var balance = Balance(purchased: 0, available: 0, consumed: 0, expired: 0, overage: 0)
        for block in purchased + rolledOver where block.validity.start <= instant {
            let left = block.quantity - (used[block.id] ?? 0)
            balance.consumed += used[block.id] ?? 0
            if block.validity.end <= instant {
                balance.expired += left - (rolledFrom[block.id] ?? 0)
            } else {
                balance.available += left
            }
        }
        for block in purchased where block.validity.start <= instant {
            balance.purchased += block.quantity
        }
        for item in consumption.overage where counted.contains(item.draw) {
            balance.overage += item.quantity
        }
        return balance
    }

    /// Every threshold crossing, in consumption order; see the type's rules.
    ///
    /// - Complexity: O(*d* × *b* + *a*).
    public var lowBalanceEvents: [LowBalanceEvent] {
        let all = purchased + rolledOver
        var usedByBlock: [String: Int64] = [:]
        var perDraw: [String: [BlockConsumption.Allocation]] = [:]
        for item in consumption.allocations { perDraw[item.draw, default: []].append(item) }
        var events: [LowBalanceEvent] = []
        for draw in orderedDraws {
            let valid = all.filter { $0.validity.contains(draw.workDate) }
            let capacity = valid.reduce(Int64(0)) { $0 + $1.quantity }
            let usedBefore = valid.reduce(Int64(0)) { $0 + (usedByBlock[$1.id] ?? 0) }
            for item in perDraw[draw.id] ?? [] {
                usedByBlock[item.block, default: 0] += item.quantity
            }
            let usedAfter = valid.reduce(Int64(0)) { $0 + (usedByBlock[$1.id] ?? 0) }
            guard capacity > 0 else { continue }
            for threshold in thresholds {
                // used × 100 ≥ p × capacity, exact: capacity ≤ 2 × maximumTotalQuantity.
                let limit = capacity * Int64(threshold)
                let reached = { (used: Int64) -> Bool in used * 100 >= limit }
                if !reached(usedBefore) && reached(usedAfter) {
                    events.append(
                        LowBalanceEvent(
                            thresholdPercent: threshold, draw: draw.id, date: draw.workDate,
                            available: capacity - usedAfter, capacity: capacity))
                }
            }
        }
        return events
    }

    /// The reminders due from `instant` through `days` days later (inclusive): threshold
    /// crossings, and expiries of blocks with units left, ordered by date.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for `days` outside 0...36,500.
    public func lowBalanceReminders(at instant: Date, withinDays days: Int) throws(ContractError)
        -> [Reminder]
    {
        guard (0...36_500).contains(days) else {
            throw .outOfRange(days, field: "days", allowed: 0...36_500)
        }
        let last = instant.addingTimeInterval(TimeInterval(days) * 86_400)
        var result: [Reminder] = lowBalanceEvents.lazy
            .filter { $0.date >= instant && $0.date <= last }
            .map { Reminder(date: $0.date, kind: .lowBalance($0)) }
        for block in purchased + rolledOver {
            let end = block.validity.end
            let remaining = consumption.remaining[block.id] ?? 0
            if remaining > 0, end >= instant, end <= last {
                result.append(
                    Reminder(date: end, kind: .blockExpiry(block: block.id, remaining: remaining)))
            }
        }
        return result.sorted { $0.date < $1.date }
    }
}
