import Foundation
import MSPCore

/// A prepaid block of hours, money or incidents, valid over a half-open range.
public struct PrepaidBlock: Sendable, Hashable {
    /// What a block holds. Quantities are whole base units: minutes for hours, minor units
    /// for money, incidents for incidents.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Time, counted in minutes.
        case hours
        /// Money, counted in minor units of the plan currency.
        case money
        /// Support incidents.
        case incidents
    }

    /// The block's identifier (ties break on it).
    public var id: String
    /// What it holds.
    public var kind: Kind
    /// The base units bought (minutes, minor units or incidents).
    public var quantity: Int64
    /// When it may be used: from purchase (inclusive) to expiry (exclusive).
    public var validity: DateRange

    /// Creates a block.
    ///
    /// - Throws: ``BillingError/negativeQuantity(_:field:)`` for a negative quantity.
    public init(id: String, kind: Kind, quantity: Int64, validity: DateRange) throws(BillingError) {
        guard quantity >= 0 else { throw .negativeQuantity(String(quantity), field: "quantity") }
        self.id = id
        self.kind = kind
        self.quantity = quantity
        self.validity = validity
    }

    /// The block carrying `remaining` units into `validity`, capped at `cap`: the rollover of
    /// an unused balance into the next period.
    ///
    /// Worked example: 7 hours (420 minutes) left, cap 5 hours: the new block holds 300
    /// minutes; the other 120 minutes expire with the old block.
    public func rolledOver(remaining: Int64, cap: Int64, id: String, validity: DateRange)
        throws(BillingError) -> PrepaidBlock
    {
        guard cap >= 0 else { throw .negativeQuantity(String(cap), field: "cap") }
        return try PrepaidBlock(
            id: id, kind: kind, quantity: max(0, min(remaining, cap)), validity: validity)
    }
}

/// A draw on prepaid blocks: a time entry's minutes, an incident, or an amount of money.
public struct BlockDraw: Sendable, Hashable {
    /// The draw's identifier (ties on the work date break on it).
    public var id: String
    /// The kind of block it draws on.
    public var kind: PrepaidBlock.Kind
    /// When the work was done; blocks are consumed in this order.
    public var workDate: Date
    /// The base units used before the multiplier.
    public var quantity: Int64
    /// The multiplier (after-hours 1.5×); the drawn quantity is rounded up to a whole unit.
    public var multiplier: Rational

    /// Creates a draw.
    ///
    /// - Throws: ``BillingError/negativeQuantity(_:field:)`` for a negative quantity;
    ///   ``BillingError/invalidTimeRule(_:field:)`` for a negative multiplier.
    public init(
        id: String, kind: PrepaidBlock.Kind, workDate: Date, quantity: Int64,
        multiplier: Rational = .one
    ) throws(BillingError) {
        guard quantity >= 0 else { throw .negativeQuantity(String(quantity), field: "quantity") }
        guard !multiplier.isNegative else {
            throw .invalidTimeRule(multiplier.description, field: "multiplier")
        }
        self.id = id
        self.kind = kind
        self.workDate = workDate
        self.quantity = quantity
        self.multiplier = multiplier
    }
}

/// How prepaid blocks covered a set of draws.
///
/// Rule: draws are taken in work-date order (ties by ID), never in the order they arrive;
/// each draw uses the valid blocks of its kind earliest-expiring first (ties by validity
/// start, then ID); what no block covers is overage. So the result is the same for any
/// order of the inputs.
public struct BlockConsumption: Sendable, Hashable {
    /// Units one draw took from one block.
    public struct Allocation: Sendable, Hashable {
        /// The draw.
        public var draw: String
        /// The block.
        public var block: String
        /// The base units taken.
        public var quantity: Int64

        /// Creates an allocation.
        public init(draw: String, block: String, quantity: Int64) {
            self.draw = draw
            self.block = block
            self.quantity = quantity
        }
    }

    /// Units of one draw that no block covered.
    public struct Overage: Sendable, Hashable {
        /// The draw.
        public var draw: String
        /// The uncovered base units.
        public var quantity: Int64

        /// Creates an overage.
        public init(draw: String, quantity: Int64) {
            self.draw = draw
            self.quantity = quantity
        }
    }

    /// Every allocation, in consumption order.
    public var allocations: [Allocation]
    /// The uncovered units per draw, in consumption order (only draws with overage).
    public var overage: [Overage]
    /// The balance of each block after every draw, by block ID.
    public var remaining: [String: Int64]

    /// Consumes `blocks` with `draws`; see the type's rule.
    ///
    /// - Throws: ``BillingError/duplicateComponent(_:field:)`` for two blocks or two draws
    ///   with one ID; `arithmetic` on overflow.
    /// - Complexity: O(d log d + b log b + d × b) for d draws and b blocks.
    public init(blocks: [PrepaidBlock], draws: [BlockDraw]) throws(BillingError) {
        var seen = Set<String>()
        for (index, block) in blocks.enumerated() where !seen.insert(block.id).inserted {
            throw .duplicateComponent(block.id, field: "blocks[\(index)].id")
        }
        seen.removeAll()
        for (index, draw) in draws.enumerated() where !seen.insert(draw.id).inserted {
            throw .duplicateComponent(draw.id, field: "draws[\(index)].id")
        }
        let ordered = blocks.sorted {
            ($0.validity.endMilliseconds, $0.validity.startMilliseconds)
                < ($1.validity.endMilliseconds, $1.validity.startMilliseconds)
                || ($0.validity == $1.validity && $0.id < $1.id)
        }
        var balances = ordered.map(\.quantity)
        var allocations: [Allocation] = []
        var overage: [Overage] = []
        let sortedDraws = draws.sorted { ($0.workDate, $0.id) < ($1.workDate, $1.id) }
        for draw in sortedDraws {
            var needed = try exact { () throws(MoneyError) in
                try (Rational(draw.quantity) * draw.multiplier).rounded(.ceiling)
            }
            for (index, block) in ordered.enumerated()
            where needed > 0 && block.kind == draw.kind && balances[index] > 0
                && block.validity.contains(draw.workDate)
            {
                let taken = min(needed, balances[index])
                balances[index] -= taken
                needed -= taken
                allocations.append(Allocation(draw: draw.id, block: block.id, quantity: taken))
            }
            if needed > 0 { overage.append(Overage(draw: draw.id, quantity: needed)) }
        }
        self.allocations = allocations
        self.overage = overage
        var remaining: [String: Int64] = [:]
        for (index, block) in ordered.enumerated() { remaining[block.id] = balances[index] }
        self.remaining = remaining
    }

    /// The overage billed as invoice lines.
    ///
    /// Hours are priced per hour (minutes × price / 60), incidents per incident; money
    /// overage is the uncovered amount itself, in `unitPrice`'s currency.
    public func overageLines(
        kind: PrepaidBlock.Kind, unitPrice: PreciseMoney, category: BillableCategory,
        rounding: RoundingRule = .halfUp
    ) throws(BillingError) -> [InvoiceLine] {
        var lines: [InvoiceLine] = []
        for item in overage {
            let (draw, quantity) = (item.draw, item.quantity)
            let units: Rational =
                switch kind {
                case .hours: try exact { () throws(MoneyError) in try Rational(quantity, 60) }
                case .incidents: Rational(quantity)
                case .money: .zero
                }
            let exactAmount =
                kind == .money
                ? Rational(quantity) : try unitPrice.exactMinorUnits(times: units)
            let amount = try exact { () throws(MoneyError) in try exactAmount.rounded(rounding) }
            lines.append(
                InvoiceLine(
                    kind: .charge, description: "Overage \(draw)", category: category,
                    model: "prepaid-overage", quantity: units, exactMinorUnits: exactAmount,
                    rounding: rounding, note: "\(quantity) \(kind.rawValue) units beyond blocks",
                    amount: Money(minorUnits: amount, currency: unitPrice.currency)))
        }
        return lines
    }
}
