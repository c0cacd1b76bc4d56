import Foundation
import MSPCore

/// A third-party cost billed to the customer at cost, e.g. licence fees; a
/// ``PercentageOfAmount`` component of the same category takes its fee from these.
public struct PassThroughCost: Sendable, Hashable, Codable {
    /// The category (e.g. `.licence`); it chooses the tax rate and the fee component.
    public var category: BillableCategory
    /// The cost, billed as is.
    public var amount: Money
    /// What it is, e.g. `"Microsoft 365 Business Premium × 40"`.
    public var description: String

    /// Creates a pass-through cost.
    public init(category: BillableCategory, amount: Money, description: String) {
        self.category = category
        self.amount = amount
        self.description = description
    }
}

/// A minimum spend per period; a shortfall is billed as a true-up line.
public struct MinimumCommitment: Sendable, Hashable, Codable {
    /// The least the invoice's lines (after discounts, before tax) add up to.
    public var amount: Money
    /// The category of the true-up line, which chooses its tax rate.
    public var category: BillableCategory

    /// Creates a commitment.
    public init(amount: Money, category: BillableCategory) {
        self.amount = amount
        self.category = category
    }
}

/// A named service bundle (Bronze, Silver, Gold): components, a currency, a billing cycle,
/// discounts, a minimum commitment and taxes.
///
/// ``rate(customer:period:usage:passThroughCosts:coverage:additionalLines:)`` turns plain usage data into
/// an ``Invoice``.
public struct PricePlan: Sendable {
    /// The plan's identifier, part of the invoice key.
    public var id: PricePlanID
    /// A name for people, e.g. `"Gold"`.
    public var name: String
    /// The currency every price and usage amount must be in.
    public var currency: Currency
    /// The billing cycle whose periods the plan is rated for.
    public var cycle: BillingCycle
    /// The priced components, in invoice order.
    public let components: [PlanComponent]
    /// Discounts, component ones first then plan-wide ones, each in order.
    public let discounts: [Discount]
    /// A minimum spend per period, if any.
    public var minimumCommitment: MinimumCommitment?
    /// The tax policy.
    public var taxes: TaxPolicy
    /// The rule every line is rounded with (once per line).
    public var rounding: RoundingRule
    /// How partial periods are measured for in-advance components.
    public var prorationBasis: ProrationBasis

    /// The categories of ``components``, for a quick lookup while rating.
    private let categories: [BillableCategory]
    /// Per component: its model's name and whether the coverage fraction prorates it, read
    /// once here (reading them from the `Pricing` enum while rating copies the enum).
    private let componentModels: [(name: String, prorated: Bool)]

    /// Creates a validated plan.
    ///
    /// - Throws: ``BillingError/duplicateComponent(_:field:)`` when two components share a
    ///   name or category; ``BillingError/currencyMismatch(expected:found:field:)`` when a
    ///   built-in model, a fixed discount or the commitment is in another currency;
    ///   ``BillingError/unknownCategory(_:field:)`` for a component discount naming no
    ///   component.
    public init(
        id: PricePlanID, name: String, currency: Currency, cycle: BillingCycle,
        components: [PlanComponent], discounts: [Discount] = [],
        minimumCommitment: MinimumCommitment? = nil, taxes: TaxPolicy = .none,
        rounding: RoundingRule = .halfUp, prorationBasis: ProrationBasis = .calendarDays
    ) throws(BillingError) {
        var names = Set<String>()
        var categories = Set<BillableCategory>()
        for (index, component) in components.enumerated() {
            guard names.insert(component.name).inserted else {
                throw .duplicateComponent(component.name, field: "components[\(index)].name")
            }
            guard categories.insert(component.category).inserted else {
                throw .duplicateComponent(
                    component.category.rawValue, field: "components[\(index)].category")
            }
            if let found = component.pricing.currency, found != currency {
                throw .currencyMismatch(
                    expected: currency, found: found, field: "components[\(index)].pricing")
            }
        }
        for (index, discount) in discounts.enumerated() {
            if case .fixed(let amount) = discount.value, amount.currency != currency {
                throw .currencyMismatch(
                    expected: currency, found: amount.currency, field: "discounts[\(index)]")
            }
            if case .component(let target) = discount.scope, !names.contains(target) {
                throw BillingError(
                    code: .unknownCategory, field: "discounts[\(index)].scope", value: target,
                    message: "discount \(index) names component \(target) which the plan lacks")
            }
        }
        if let minimumCommitment, minimumCommitment.amount.currency != currency {
            throw .currencyMismatch(
                expected: currency, found: minimumCommitment.amount.currency,
                field: "minimumCommitment")
        }
        self.id = id
        self.name = name
        self.currency = currency
        self.cycle = cycle
        self.components = components
        self.discounts = discounts
        self.minimumCommitment = minimumCommitment
        self.taxes = taxes
        self.rounding = rounding
        self.prorationBasis = prorationBasis
        self.categories = components.map(\.category)
        self.componentModels = components.map { component in
            let prorated =
                switch component.pricing {
                case .flat: true
                case .percentage: false
                case .perUnit, .tiered, .custom: component.timing == .inAdvance
                }
            return (component.pricing.modelName, prorated)
        }
    }

    /// The index of the component pricing `category`, if any.
    public func componentIndex(for category: BillableCategory) -> Int? {
        for index in categories.indices where categories[index] == category { return index }
        return nil
    }
}

// MARK: - Rating

extension PricePlan {
    /// Rates one customer's usage for one period into an invoice.
    ///
    /// Usage records of a category are summed: `.count` measures for in-advance components,
    /// `.unitDays` / `.unitSeconds` over `period` for in-arrears ones (their quantity is the
    /// average number of units, which prorates mid-period additions and removals exactly).
    /// Each component is priced and rounded once; then pass-through costs, discounts (per
    /// component, then plan-wide spread over the lines), the minimum-commitment true-up,
    /// and taxes.
    ///
    /// - Parameters:
    ///   - customer: The customer billed; every usage record must be theirs.
    ///   - period: The period rated; in-arrears records must cover exactly it.
    ///   - usage: The usage records, in any order.
    ///   - passThroughCosts: Third-party costs billed at cost.
    ///   - coverage: The part of the period the service ran (a start or end mid-period);
    ///     in-advance and flat components are prorated by it. `nil` for the whole period.
    ///   - additionalLines: Lines priced elsewhere (time and materials, plan-change credits)
    ///     that join the invoice before discounts, the true-up and taxes.
    /// - Returns: The invoice, or a credit note if the total is negative.
    /// - Throws: ``BillingError`` `customerMismatch`, `unknownCategory`, `measureMismatch`,
    ///   `periodMismatch`, `currencyMismatch`, `outsidePeriod` (also for a `.count` taken at
    ///   an instant outside `period`) or `arithmetic`.
    /// - Complexity: O(usage × components) with a small constant; no allocation per record.
    public func rate(
        customer: CustomerID, period: BillingPeriod, usage: some Collection<UnitUsage>,
        passThroughCosts: [PassThroughCost] = [], coverage: DateRange? = nil,
        additionalLines: [InvoiceLine] = []
    ) throws(BillingError) -> Invoice {
        var lines = try chargeLines(
            customer: customer, period: period, usage: usage, passThroughCosts: passThroughCosts,
            coverage: coverage, additionalLines: additionalLines)
        return try invoice(customer: customer, period: period, lines: &lines)
    }

    /// Applies discounts, the commitment true-up and taxes to charge lines, appending to
    /// `lines` in place (its capacity is reserved by ``chargeLines``).
    internal func invoice(
        customer: CustomerID, period: BillingPeriod, lines: inout [InvoiceLine]
    ) throws(BillingError) -> Invoice {
        try applyDiscounts(to: &lines, periodIndex: period.index)
        if let minimumCommitment {
            let netAmount = try Self.total(of: lines, currency: currency)
            if netAmount.minorUnits < minimumCommitment.amount.minorUnits {
                let topUp = try exact { () throws(MoneyError) in
                    try minimumCommitment.amount - netAmount
                }
                lines.append(
                    InvoiceLine(
                        kind: .minimumTrueUp,
                        description: "Minimum commitment \(minimumCommitment.amount)",
                        category: minimumCommitment.category, model: "minimum-commitment",
                        note: "lines total \(netAmount)", amount: topUp))
            }
        }
        return try Invoice(
            customer: customer, plan: id, period: period, currency: currency, lines: lines,
            taxPolicy: taxes)
    }

    /// The sum of the lines' amounts, reading each in place (a borrowed argument, so the
    /// caller's array stays uniquely referenced and later appends do not copy it).
    private static func total(of lines: [InvoiceLine], currency: Currency) throws(BillingError)
        -> Money
    {
        try exact { () throws(MoneyError) in
            try Money.sum(lines.indices.lazy.map { lines[$0].amount }, currency: currency)
        }
    }

    /// Prices every component and pass-through cost, without discounts or taxes.
    internal func chargeLines(
        customer: CustomerID, period: BillingPeriod, usage: some Collection<UnitUsage>,
        passThroughCosts: [PassThroughCost], coverage: DateRange?,
        additionalLines: [InvoiceLine] = []
    ) throws(BillingError) -> [InvoiceLine] {
        let sources = try accumulate(usage, customer: customer, period: period)
        let fraction: Rational =
            if let coverage {
                try inPeriod { () throws(PeriodError) in
                    try period.prorationFraction(of: coverage, basis: prorationBasis)
                }
            } else { .one }
        var bases = zeros(components.count)
        var lines: [InvoiceLine] = []
        // Room for every line the invoice can get: charges, pass-through costs, the lines
        // priced elsewhere, one discount line per component and discount, and a true-up, so
        // the array never grows (growing copies every line).
        lines.reserveCapacity(
            components.count * (1 + discounts.count) + passThroughCosts.count
                + additionalLines.count + 1)
        for (index, cost) in passThroughCosts.enumerated() {
            guard cost.amount.currency == currency else {
                throw .currencyMismatch(
                    expected: currency, found: cost.amount.currency,
                    field: "passThroughCosts[\(index)].amount")
            }
            if let slot = componentIndex(for: cost.category) {
                bases[slot] = try exact { () throws(MoneyError) in
                    try (Money(minorUnits: bases[slot], currency: currency) + cost.amount)
                        .minorUnits
                }
            }
        }
        let dayCount = Int64(period.dayCount)
        // By index, so each component is read in place rather than copied (a copy retains
        // its name, category and tier table).
        for index in components.indices {
            let source = sources[index]
            let quantity = try averageUnits(source, period: period, dayCount: dayCount)
            let context = try RatingContext(
                currency: currency, rounding: rounding,
                prorationFraction: componentModels[index].prorated ? fraction : .one,
                baseAmount: Money(minorUnits: bases[index], currency: currency))
            let priced = try components[index].pricing.price(quantity, in: context)
            guard priced.amount.currency == currency else {
                throw .currencyMismatch(
                    expected: currency, found: priced.amount.currency,
                    field: "components[\(index)].pricing")
            }
            lines.append(
                InvoiceLine(
                    kind: .charge, description: components[index].name,
                    component: components[index].name, category: components[index].category,
                    model: componentModels[index].name, quantity: priced.quantity,
                    source: source, tiers: priced.tiers,
                    prorationFraction: context.prorationFraction,
                    exactMinorUnits: priced.exactMinorUnits, rounding: priced.rounding,
                    note: priced.note, amount: priced.amount))
        }
        for index in passThroughCosts.indices {
            lines.append(
                InvoiceLine(
                    kind: .passThrough, description: passThroughCosts[index].description,
                    category: passThroughCosts[index].category, model: "at-cost",
                    amount: passThroughCosts[index].amount))
        }
        lines.append(contentsOf: additionalLines)
        return lines
    }

    /// Sums the usage records per component, validating each one. Runs over contiguous
    /// storage when the collection has it, so the loop is not generic.
    private func accumulate(
        _ usage: some Collection<UnitUsage>, customer: CustomerID, period: BillingPeriod
    ) throws(BillingError) -> [QuantitySource] {
        let result = usage.withContiguousStorageIfAvailable { buffer in
            Result { () throws(BillingError) in
                try accumulate(buffer, customer: customer, period: period)
            }
        }
        if let result { return try result.get() }
        return try Array(usage).withUnsafeBufferPointer { buffer throws(BillingError) in
            try accumulate(buffer, customer: customer, period: period)
        }
    }

    private func accumulate(
        _ usage: UnsafeBufferPointer<UnitUsage>, customer: CustomerID, period: BillingPeriod
    ) throws(BillingError) -> [QuantitySource] {
        var sources: [QuantitySource] = []
        sources.reserveCapacity(components.count)
        for _ in components.indices { sources.append(QuantitySource()) }
        let periodStart = period.range.startMilliseconds
        let periodEnd = period.range.endMilliseconds
        var lastSlot = -1
        for position in usage.indices {
            // Read the fields in place: copying a whole record retains all its references.
            guard usage[position].customer == customer else {
                throw .customerMismatch(
                    expected: customer, found: usage[position].customer,
                    field: "usage[\(position)].customer")
            }
            // Records of one category usually come together: try the last one's slot first.
            let slot: Int
            if lastSlot >= 0, usage[position].category == categories[lastSlot] {
                slot = lastSlot
            } else {
                guard let found = componentIndex(for: usage[position].category) else {
                    throw .unknownCategory(
                        usage[position].category, field: "usage[\(position)].category")
                }
                slot = found
                lastSlot = found
            }
            let arrears = components[slot].timing == .inArrears
            let measure = usage[position].measure.fields
            var overflow = false
            if measure.kind == 0 {
                guard !arrears else {
                    throw .measureMismatch(
                        "count", expected: "unit-days or unit-seconds",
                        field: "usage[\(position)].measure")
                }
                // A count is taken at an instant of the period rated (half-open).
                guard measure.start >= periodStart, measure.start < periodEnd else {
                    throw countOutside(milliseconds: measure.start, period, position: position)
                }
                (sources[slot].count, overflow) = sources[slot].count
                    .addingReportingOverflow(measure.quantity)
            } else {
                guard arrears, measure.start == periodStart, measure.end == periodEnd else {
                    throw arrearsError(arrears, usage[position].measure, period, position: position)
                }
                if measure.kind == 1 {
                    (sources[slot].unitDays, overflow) = sources[slot].unitDays
                        .addingReportingOverflow(measure.quantity)
                } else {
                    (sources[slot].unitSeconds, overflow) = sources[slot].unitSeconds
                        .addingReportingOverflow(measure.quantity)
                }
            }
            if overflow {
                throw .arithmetic(
                    .overflow(operation: "sum usage", operands: "usage[\(position)]"))
            }
            sources[slot].records += 1
        }
        return sources
    }

    /// The error for a count taken at `milliseconds`, outside `period`.
    @inline(never)
    private func countOutside(milliseconds: Int64, _ period: BillingPeriod, position: Int)
        -> BillingError
    {
        .outsidePeriod(
            DateRange.iso8601(DateRange.instant(milliseconds: milliseconds)) ?? "\(milliseconds)",
            field: "usage[\(position)].measure", period: period)
    }

    @inline(never)
    private func arrearsError(
        _ arrears: Bool, _ measure: UnitUsage.Measure, _ period: BillingPeriod, position: Int
    ) -> BillingError {
        switch measure {
        case .unitDays(_, let usagePeriod) where arrears,
            .unitSeconds(_, let usagePeriod) where arrears:
            return .periodMismatch(
                usagePeriod, expected: period, field: "usage[\(position)].measure")
        default:
            return .measureMismatch(
                "unit-days or unit-seconds", expected: "count", field: "usage[\(position)].measure")
        }
    }

    /// count + unitDays / days + unitSeconds / seconds, exactly.
    private func averageUnits(_ source: QuantitySource, period: BillingPeriod, dayCount: Int64)
        throws(BillingError) -> Rational
    {
        var total = Rational(source.count)
        if source.unitDays != 0 {
            let days = try exact { () throws(MoneyError) in
                try Rational(source.unitDays, dayCount)
            }
            total = try total.plus(days)
        }
        if source.unitSeconds != 0 {
            let periodSeconds =
                (period.range.endMilliseconds - period.range.startMilliseconds) / 1000
            let seconds = try exact { () throws(MoneyError) in
                try Rational(source.unitSeconds, periodSeconds)
            }
            total = try total.plus(seconds)
        }
        return total
    }

    /// Component discounts, then plan discounts spread over the component lines.
    private func applyDiscounts(to lines: inout [InvoiceLine], periodIndex: Int)
        throws(BillingError)
    {
        guard discounts.contains(where: { $0.applies(toPeriodIndex: periodIndex) }) else { return }
        let chargeCount = components.count
        let currency = currency
        // Net amount per component line, after the discounts taken so far. Discount lines
        // go straight into `lines`, whose capacity `chargeLines` reserved.
        var net: [Int64] = []
        net.reserveCapacity(chargeCount)
        for slot in 0..<chargeCount { net.append(lines[slot].amount.minorUnits) }
        for index in discounts.indices where discounts[index].applies(toPeriodIndex: periodIndex) {
            guard case .component(let target) = discounts[index].scope,
                let slot = components.firstIndex(where: { $0.name == target })
            else { continue }
            let off = try discounts[index].amount(
                on: Money(minorUnits: net[slot], currency: currency), rounding: rounding)
            guard !off.isZero else { continue }
            net[slot] -= off.minorUnits
            appendDiscountLine(index, amount: off, slot: slot, to: &lines)
        }
        for index in discounts.indices
        where discounts[index].applies(toPeriodIndex: periodIndex)
            && discounts[index].scope == .plan
        {
            let base = try exact { () throws(MoneyError) in
                try Money.sum(
                    net.lazy.map { Money(minorUnits: max(0, $0), currency: currency) },
                    currency: currency)
            }
            let off = try discounts[index].amount(on: base, rounding: rounding)
            guard !off.isZero else { continue }
            let shares = try exact { () throws(MoneyError) in
                try off.allocated(by: net.map { max(0, $0) })
            }
            for (slot, share) in shares.enumerated() where !share.isZero {
                net[slot] -= share.minorUnits
                appendDiscountLine(index, amount: share, slot: slot, to: &lines)
            }
        }
    }

    /// Appends discount `index`'s line for component `slot`. The discount is read field by
    /// field from `discounts` (a `Discount` argument was copied, retaining its strings, for
    /// every line).
    private func appendDiscountLine(
        _ index: Int, amount: Money, slot: Int, to lines: inout [InvoiceLine]
    ) {
        let model: String
        let quantity: Rational
        if case .percent(let percent) = discounts[index].value {
            (model, quantity) = ("percent-discount", percent.fraction)
        } else {
            (model, quantity) = ("fixed-discount", .one)
        }
        lines.append(
            InvoiceLine(
                kind: .discount, description: discounts[index].name,
                component: components[slot].name, category: components[slot].category,
                model: model, quantity: quantity, rounding: rounding,
                amount: Money(minorUnits: -amount.minorUnits, currency: currency)))
    }
}

/// `count` zeros. `Array(repeating:count:)` runs unspecialised (a metadata lookup costing
/// more than the rest of a small array's set-up); reserving and appending stays specialised.
@inline(__always)
private func zeros(_ count: Int) -> [Int64] {
    var result: [Int64] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(0) }
    return result
}
