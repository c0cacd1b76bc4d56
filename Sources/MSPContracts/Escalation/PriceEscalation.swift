import MSPCore

/// How an agreement's prices rise on each anniversary of its start date.
///
/// On anniversary *n* (start date + 12 *n* months, clamped like every agreement date) the
/// raw rate *r*ₙ is either a ``Method/fixed(_:)`` percentage or, for an
/// ``Method/indexed(_:)`` escalation, the index change
/// *I*(refₙ) / *I*(refₙ₋₁) − 1 where refₙ is the anniversary's month minus the reference lag
/// and ref₀ is the base month. The applied rate is *r*ₙ clamped to [``floor``, ``cap``].
///
/// - **Compounding**: priceₙ = round(priceₙ₋₁ × (1 + applied rateₙ)), rounded at each
///   anniversary with ``rounding``.
/// - **Not compounding**: priceₙ = round(price₀ × (1 + Σₖ₌₁ⁿ applied rateₖ)).
///
/// Worked example (the one in the tests): price 999.99, CPI base January 2025 = 100.0,
/// January 2026 = 103.2, January 2027 = 109.0, January 2028 = 108.5, cap 5%, floor 0%,
/// compounding, half-even: rates +3.2%, +5.62% capped to +5%, −0.46% floored to 0%; prices
/// 1,031.99 (1,031.98968), 1,083.59 (1,083.5895), 1,083.59.
public struct PriceEscalation: Sendable, Hashable {
    /// Where the raw rate of each anniversary comes from.
    public enum Method: Sendable, Hashable {
        /// The same percentage every anniversary.
        case fixed(Percentage)
        /// The change of an index series over the year before the anniversary.
        case indexed(IndexedRate)
    }

    /// An index series, its reference month and its base.
    public struct IndexedRate: Sendable, Hashable {
        /// The name of the series in the ``IndexTable``, such as `"CPI-U"`.
        public let series: String
        /// How many months before an anniversary's month the reference month is: with 2, an
        /// anniversary on 2026-03-15 uses the value for January 2026.
        public let referenceLagMonths: Int
        /// The month of the base value that the first anniversary is measured from.
        public let baseMonth: IndexMonth

        /// Creates an indexed rate.
        ///
        /// - Throws: ``ContractError`` `outOfRange` for a lag outside 0...24 months.
        public init(series: String, referenceLagMonths: Int, baseMonth: IndexMonth)
            throws(ContractError)
        {
            guard (0...24).contains(referenceLagMonths) else {
                throw .outOfRange(
                    referenceLagMonths, field: "escalation.referenceLagMonths", allowed: 0...24)
            }
            self.series = series
            self.referenceLagMonths = referenceLagMonths
            self.baseMonth = baseMonth
        }
    }

    /// Where the raw rate comes from.
    public let method: Method
    /// The largest applied rate, or `nil` for none.
    public let cap: Percentage?
    /// The smallest applied rate, or `nil` for none (a falling index then lowers prices).
    public let floor: Percentage?
    /// Whether each anniversary escalates the previous price (`true`) or the original one.
    public let compounding: Bool
    /// How each escalated price is rounded to the currency's minor unit.
    public let rounding: RoundingRule

    /// Creates an escalation rule.
    ///
    /// - Throws: ``ContractError`` `invalidSchedule` when the floor is above the cap.
    public init(
        method: Method, cap: Percentage? = nil, floor: Percentage? = nil, compounding: Bool,
        rounding: RoundingRule
    ) throws(ContractError) {
        if let cap, let floor, cap < floor {
            throw .invalidSchedule(
                field: "escalation.floor", value: floor.description,
                reason: "floor \(floor) is above cap \(cap)")
        }
        self.method = method
        self.cap = cap
        self.floor = floor
        self.compounding = compounding
        self.rounding = rounding
    }
}

/// One anniversary's escalation, explained.
public struct EscalationStep: Sendable, Hashable, Codable {
    /// The anniversary number, 1 for the first.
    public let anniversary: Int
    /// The anniversary date, from which the new price applies.
    public let date: LocalDate
    /// The rate before cap and floor, as a fraction (0.032 for 3.2%).
    public let rawRate: Rational
    /// The rate after cap and floor, as a fraction.
    public let appliedRate: Rational
    /// The price from this anniversary on.
    public let price: Money
}

/// The price in force on a date after escalation, with every step that made it.
public struct EscalatedPrice: Sendable, Hashable, Codable {
    /// The price before any escalation.
    public let basePrice: Money
    /// The anniversaries on or before the date, in order.
    public let steps: [EscalationStep]

    /// The price in force: the last step's price, or the base price before the first
    /// anniversary.
    public var price: Money { steps.last?.price ?? basePrice }
}

extension Agreement {
    /// The price in force on `date` when `basePrice` was agreed at the start and escalates by
    /// the agreement's ``escalation`` on every anniversary on or before `date`.
    ///
    /// An agreement without an escalation rule keeps its base price. An anniversary is
    /// counted from the start date, never from when the record was made.
    ///
    /// - Parameters:
    ///   - basePrice: The price agreed at the start.
    ///   - date: The date to price; the anniversary date itself already has the new price.
    ///   - index: The index values for an indexed escalation.
    /// - Throws: ``ContractError`` `missingIndexValue`, `money` on overflow,
    ///   `dateOutOfRange`.
    /// - Complexity: O(*n*) for *n* anniversaries up to `date`.
    public func escalatedPrice(
        basePrice: Money, on date: LocalDate, index: IndexTable? = nil
    ) throws(ContractError) -> EscalatedPrice {
        guard let escalation, date >= startDate else {
            return EscalatedPrice(basePrice: basePrice, steps: [])
        }
        let anniversaries = try wholeMonths(to: date) / 12
        var steps: [EscalationStep] = []
        var price = basePrice
        var totalRate = Rational.zero
        for anniversary in stride(from: 1, through: anniversaries, by: 1) {
            let anniversaryDate = try self.date(
                monthsAfterStart: anniversary * 12, field: "escalation")
            let raw = try escalation.rawRate(
                anniversary: anniversary, date: anniversaryDate, index: index)
            let applied = escalation.clamped(raw)
            do {
                if escalation.compounding {
                    price = try price.multiplied(
                        by: Rational.one + applied, rounding: escalation.rounding)
                } else {
                    totalRate = try totalRate + applied
                    price = try basePrice.multiplied(
                        by: Rational.one + totalRate, rounding: escalation.rounding)
                }
            } catch {
                throw .money(error, field: "escalation[\(anniversary)]")
            }
            steps.append(
                EscalationStep(
                    anniversary: anniversary, date: anniversaryDate, rawRate: raw,
                    appliedRate: applied, price: price))
        }
        return EscalatedPrice(basePrice: basePrice, steps: steps)
    }
}

extension PriceEscalation {
    /// The rate before cap and floor for anniversary `anniversary` on `date`.
    internal func rawRate(anniversary: Int, date: LocalDate, index: IndexTable?)
        throws(ContractError) -> Rational
    {
        switch method {
        case .fixed(let percentage):
            return percentage.fraction
        case .indexed(let rate):
            let reference = try IndexMonth(containing: date).adding(
                months: -rate.referenceLagMonths)
            let previous =
                anniversary == 1 ? rate.baseMonth : try reference.adding(months: -12)
            guard let index else { throw .missingIndexValue(series: rate.series, month: previous) }
            let now = try index.value(series: rate.series, month: reference)
            let before = try index.value(series: rate.series, month: previous)
            do {
                return try now / before - Rational.one
            } catch {
                throw .money(error, field: "index.\(rate.series)")
            }
        }
    }

    /// `rate` clamped to [floor, cap].
    internal func clamped(_ rate: Rational) -> Rational {
        var result = rate
        if let cap, cap.fraction < result { result = cap.fraction }
        if let floor, result < floor.fraction { result = floor.fraction }
        return result
    }
}
