import MSPCore

/// A validated table of price bands with one pricing mode: graduated, volume, stairstep or
/// package.
///
/// ## Bands and the boundary rule
///
/// Each band is `(from, upTo]`: it holds the units numbered `from + 1` through `upTo`, so
/// **the upper bound is inclusive** (as Stripe's `up_to`). A table written "0–250 / 250+"
/// is `(0, 250]` and `(250, ∞)`: the 250th unit is in the first band, the 251st in the
/// second. Bands must start at 0, be contiguous (each `from` equals the previous `upTo`),
/// increase, and end with one open band; anything else is a typed error naming the band.
///
/// ## Modes, on the table (0, 250] at 5.00 / (250, ∞) at 4.00
///
/// | mode | 300 units | rule |
/// |---|---|---|
/// | graduated | 250 × 5.00 + 50 × 4.00 = 1,450.00 | each unit at its own band's price |
/// | volume | 300 × 4.00 = 1,200.00 | every unit at the price of the band reached |
/// | stairstep | the reached band's flat price | one flat price per band |
/// | package(size: 10, .up) | ⌈300 / 10⌉ = 30 packages, graduated over packages | per block of N |
///
/// Each band may also carry a flat price, charged once when the band is reached
/// (graduated: every band entered; volume and package: the band reached). Zero units
/// cost nothing in every mode.
///
/// Prices are `PreciseMoney` (six decimals below the minor unit); the exact sum is
/// rounded **once** with the context's rule: 55 × 0.067 = 3.685 → 3.69 half-up, 3.68
/// half-even.
public struct TierTable: PricingModel, Hashable {
    /// One band `(from, upTo]` with its prices.
    public struct Tier: Sendable, Hashable, Codable {
        /// The exclusive lower bound: the band holds units above `from`.
        public var from: Int64
        /// The inclusive upper bound, or `nil` for the open last band.
        public var upTo: Int64?
        /// The price of each unit (or package) in the band.
        public var unitPrice: PreciseMoney
        /// A flat price charged when the band is reached.
        public var flatPrice: PreciseMoney

        /// Creates a band; the table validates it.
        public init(
            from: Int64, upTo: Int64?, unitPrice: PreciseMoney, flatPrice: PreciseMoney? = nil
        ) {
            self.from = from
            self.upTo = upTo
            self.unitPrice = unitPrice
            self.flatPrice = flatPrice ?? .zero(unitPrice.currency)
        }
    }

    /// How a package quantity is turned into whole packages.
    public enum PackageRounding: String, Sendable, Hashable, Codable {
        /// Any part of a package counts as a package: 21 units in packages of 10 are 3.
        case up
        /// Only complete packages count: 21 units in packages of 10 are 2.
        case down
    }

    /// How the bands price a quantity.
    public enum Mode: Sendable, Hashable {
        /// Each unit is priced in the band it falls in.
        case graduated
        /// All units are priced at the band the total quantity reaches.
        case volume
        /// The band the quantity reaches charges its flat price; unit prices must be zero.
        case stairstep
        /// Units are grouped into packages of `size` (rounded `rounding`), and the bands,
        /// counted in packages, price them graduated.
        case package(size: Int64, rounding: PackageRounding)
    }

    /// The pricing mode.
    public let mode: Mode
    /// The validated bands, in order.
    public let tiers: [Tier]

    /// Creates a validated table.
    ///
    /// - Throws: ``BillingError`` with code `emptyTierTable`, `gappedTiers`,
    ///   `overlappingTiers`, `unsortedTiers`, `lastTierNotOpen`, `stairstepUnitPrice`,
    ///   `invalidPackageSize`, `negativeQuantity` (a negative price) or `currencyMismatch`
    ///   naming the offending band.
    public init(mode: Mode, tiers: [Tier]) throws(BillingError) {
        guard let first = tiers.first else { throw .emptyTierTable }
        if case .package(let size, _) = mode, size <= 0 { throw .invalidPackageSize(size) }
        let currency = first.unitPrice.currency
        for (index, tier) in tiers.enumerated() {
            if index == 0 {
                if tier.from > 0 { throw .gappedTiers(index: 0, from: tier.from, expected: 0) }
                if tier.from < 0 {
                    throw .unsortedTiers(index: 0, from: tier.from, upTo: tier.upTo)
                }
            } else {
                let previous = tiers[index - 1]
                guard let previousUpTo = previous.upTo else {
                    throw .lastTierNotOpen(index: index - 1, upTo: nil)
                }
                if tier.from < previous.from {
                    throw .unsortedTiers(index: index, from: tier.from, upTo: tier.upTo)
                }
                if tier.from < previousUpTo {
                    throw .overlappingTiers(
                        index: index, from: tier.from, previousUpTo: previousUpTo)
                }
                if tier.from > previousUpTo {
                    throw .gappedTiers(index: index, from: tier.from, expected: previousUpTo)
                }
            }
            if let upTo = tier.upTo, upTo <= tier.from {
                throw .unsortedTiers(index: index, from: tier.from, upTo: upTo)
            }
            for (price, name) in [(tier.unitPrice, "unitPrice"), (tier.flatPrice, "flatPrice")] {
                guard price.currency == currency else {
                    throw .currencyMismatch(
                        expected: currency, found: price.currency, field: "tiers[\(index)].\(name)")
                }
                guard price.scaledUnits >= 0 else {
                    throw .negativeQuantity(price.description, field: "tiers[\(index)].\(name)")
                }
            }
            if mode == .stairstep, tier.unitPrice.scaledUnits != 0 {
                throw .stairstepUnitPrice(index: index, price: tier.unitPrice)
            }
        }
        if let last = tiers.last?.upTo {
            throw .lastTierNotOpen(index: tiers.count - 1, upTo: last)
        }
        self.mode = mode
        self.tiers = tiers
        #if DEBUG
            _checkInvariants()
        #endif
    }

    internal func _checkInvariants() {
        let ends = tiers.first?.from == 0 && tiers.last?.upTo == nil
        precondition(ends)  // justified: internal invariant
        for index in tiers.indices.dropFirst() {
            let contiguous = tiers[index].from == tiers[index - 1].upTo
            precondition(contiguous)  // justified: internal invariant
        }
    }

    /// The currency of the table's prices.
    public var currency: Currency { tiers[0].unitPrice.currency }

    /// `"graduated-tiers"`, `"volume-tiers"`, `"stairstep-tiers"` or `"package-tiers"`.
    public var modelName: String {
        switch mode {
        case .graduated: "graduated-tiers"
        case .volume: "volume-tiers"
        case .stairstep: "stairstep-tiers"
        case .package: "package-tiers"
        }
    }

    /// The index of the band that `quantity` reaches: the first band whose inclusive upper
    /// bound is at or above it (band 0 for zero).
    public func bandIndex(reaching quantity: Rational) -> Int {
        for (index, tier) in tiers.enumerated() {
            guard let upTo = tier.upTo else { return index }
            if quantity <= Rational(upTo) { return index }
        }
        return tiers.count - 1
    }

    /// Prices `quantity` by the table's mode; see the type's rules.
    ///
    /// - Complexity: O(number of bands).
    public func price(_ quantity: Rational, in context: RatingContext) throws(BillingError)
        -> PricedAmount
    {
        try checkQuantity(quantity)
        try checkCurrency(currency, context, field: "tiers")
        guard !quantity.isZero else {
            return try .rounding(minorUnits: .zero, quantity: quantity, in: context)
        }
        var charges: [TierCharge] = []
        switch mode {
        case .graduated:
            charges = try graduated(quantity)
        case .package(let size, let rounding):
            let packages = try exact { () throws(MoneyError) in
                try (quantity / Rational(size)).rounded(rounding == .up ? .ceiling : .floor)
            }
            charges = packages == 0 ? [] : try graduated(Rational(packages))
        case .volume, .stairstep:
            let index = bandIndex(reaching: quantity)
            let tier = tiers[index]
            let sum = try Self.bandAmount(tier, units: quantity)
            charges = [
                TierCharge(
                    band: index, quantity: quantity, unitPrice: tier.unitPrice,
                    flatPrice: tier.flatPrice, exactMinorUnits: sum)
            ]
        }
        var total = charges.first?.exactMinorUnits ?? .zero
        for index in charges.indices.dropFirst() {
            total = try total.plus(charges[index].exactMinorUnits)
        }
        return try .rounding(minorUnits: total, quantity: quantity, tiers: charges, in: context)
    }

    private func graduated(_ quantity: Rational) throws(BillingError) -> [TierCharge] {
        var charges: [TierCharge] = []
        charges.reserveCapacity(tiers.count)
        for (index, tier) in tiers.enumerated() {
            let from = Rational(tier.from)
            guard quantity > from else { break }
            let top = tier.upTo.map { Rational($0) }.map { min($0, quantity) } ?? quantity
            let inBand = from.isZero ? top : try top.minus(from)
            let sum = try Self.bandAmount(tier, units: inBand)
            charges.append(
                TierCharge(
                    band: index, quantity: inBand, unitPrice: tier.unitPrice,
                    flatPrice: tier.flatPrice, exactMinorUnits: sum))
        }
        return charges
    }

    /// The exact minor units of `units` at the band's unit price plus its flat price; a
    /// zero price adds nothing (and costs no reduction).
    private static func bandAmount(_ tier: Tier, units: Rational) throws(BillingError) -> Rational {
        let perUnit: Rational =
            tier.unitPrice.scaledUnits == 0
            ? .zero : try tier.unitPrice.exactMinorUnits(times: units)
        guard tier.flatPrice.scaledUnits != 0 else { return perUnit }
        let flat = try tier.flatPrice.exactMinorUnits(times: .one)
        return perUnit.isZero ? flat : try perUnit.plus(flat)
    }
}
