import MSPCore

/// How much a customer owes for ending an agreement before its current term ends.
///
/// Months are counted from the agreement's start date like every agreement date. A month of
/// the current term counts as *served* once it has begun before the termination date (the
/// first day no longer in force): terminating on 2026-10-20 in a 36-month term that began on
/// 2025-03-15 has served the months beginning 2025-03-15 ... 2026-10-15, 20 months, and
/// leaves 16.
///
/// The fee is the ``Rule``'s amount, but never less than the charges for the unserved part
/// of the agreement's minimum term: ``monthlyCharge`` × (minimum term − months served since
/// the start date), when positive.
public struct EarlyTerminationTerms: Sendable, Hashable {
    /// How the fee is computed.
    public enum Rule: Sendable, Hashable {
        /// The monthly charge for every remaining month of the term.
        case remainderOfTerm
        /// A percentage of the remaining commitment (monthly charge × remaining months),
        /// rounded with ``EarlyTerminationTerms/rounding``.
        case percentageOfRemainingCommitment(Percentage)
        /// A fixed amount.
        case flat(Money)
        /// A fee that falls as more of the term is served.
        case declining([DecliningStep])
    }

    /// One step of a declining fee: ``fee`` while at most ``throughMonth`` months of the
    /// term are served. After the last step the fee is zero.
    public struct DecliningStep: Sendable, Hashable, Codable {
        /// The last served month (1-based) this step covers.
        public let throughMonth: Int
        /// The fee for terminations in this step.
        public let fee: Money

        /// Creates a step.
        public init(throughMonth: Int, fee: Money) {
            self.throughMonth = throughMonth
            self.fee = fee
        }
    }

    /// How the fee is computed.
    public let rule: Rule
    /// The recurring monthly charge (the monthly commitment).
    public let monthlyCharge: Money
    /// How a percentage fee is rounded to the minor unit.
    public let rounding: RoundingRule

    /// Creates fee terms.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for a negative monthly charge, percentage or
    ///   fee; `invalidSchedule` for a declining schedule that is empty, whose months do not
    ///   strictly increase from 1 or more, or whose fees rise; `money` for a fee in another
    ///   currency than the monthly charge.
    public init(rule: Rule, monthlyCharge: Money, rounding: RoundingRule = .halfEven)
        throws(ContractError)
    {
        guard !monthlyCharge.isNegative else {
            throw ContractError(
                code: .outOfRange, field: "monthlyCharge", value: "\(monthlyCharge)",
                message: "monthly charge \(monthlyCharge) is negative")
        }
        switch rule {
        case .remainderOfTerm:
            break
        case .percentageOfRemainingCommitment(let percentage):
            guard !percentage.percent.isNegative else {
                throw ContractError(
                    code: .outOfRange, field: "percentage", value: percentage.description,
                    message: "percentage \(percentage) is negative")
            }
        case .flat(let fee):
            try EarlyTerminationTerms.check(fee, field: "flat", currency: monthlyCharge.currency)
        case .declining(let steps):
            guard !steps.isEmpty else {
                throw .invalidSchedule(field: "declining", value: "[]", reason: "is empty")
            }
            var previous: DecliningStep?
            for (index, step) in steps.enumerated() {
                let field = "declining[\(index)]"
                try EarlyTerminationTerms.check(
                    step.fee, field: field, currency: monthlyCharge.currency)
                if step.throughMonth < 1 || step.throughMonth <= (previous?.throughMonth ?? 0) {
                    throw .invalidSchedule(
                        field: field, value: String(step.throughMonth),
                        reason: "months must strictly increase from 1")
                }
                if let previous, previous.fee.minorUnits < step.fee.minorUnits {
                    throw .invalidSchedule(
                        field: field, value: "\(step.fee)",
                        reason: "a declining fee must not rise (after \(previous.fee))")
                }
                previous = step
            }
        }
        self.rule = rule
        self.monthlyCharge = monthlyCharge
        self.rounding = rounding
    }

    private static func check(_ fee: Money, field: String, currency: Currency)
        throws(ContractError)
    {
        guard fee.currency == currency else {
            throw .money(
                MoneyError.currencyMismatch(fee.currency, currency, operation: "fee"), field: field)
        }
        guard !fee.isNegative else {
            throw ContractError(
                code: .outOfRange, field: field, value: "\(fee)",
                message: "fee \(fee) is negative")
        }
    }
}

/// An early-termination fee, explained.
public struct EarlyTerminationFee: Sendable, Hashable, Codable {
    /// The term the termination falls in.
    public let termIndex: Int
    /// Months of the term begun before the termination date.
    public let monthsServed: Int
    /// Months of the term not begun.
    public let monthsRemaining: Int
    /// The fee the rule gives.
    public let ruleAmount: Money
    /// The charges for the unserved part of the minimum term (zero once it is served).
    public let minimumTermAmount: Money
    /// The fee owed: the larger of ``ruleAmount`` and ``minimumTermAmount``.
    public let amount: Money
}

extension Agreement {
    /// The fee for terminating on `date` (the first day no longer in force) under `terms`.
    ///
    /// Worked example (36-month term from 2025-03-15, minimum term 24 months, 1,250.00 a
    /// month, terminating on 2026-10-20 in month 20): 16 months remain and 4 of the minimum
    /// term are unserved (floor 5,000.00). Remainder of term: 16 × 1,250.00 = 20,000.00.
    /// 33⅓% of the remaining commitment 20,000.00: 6,666.666… → 6,666.67 (half-even).
    /// Flat 2,500.00: below the floor, so 5,000.00.
    ///
    /// - Throws: ``ContractError`` `beforeStart` for a date on or before the start date
    ///   (cancel instead), `outOfRange` when `date` is after the initial term of an
    ///   agreement that does not renew, `money` on overflow.
    public func earlyTerminationFee(terminatingOn date: LocalDate, terms: EarlyTerminationTerms)
        throws(ContractError) -> EarlyTerminationFee
    {
        guard date > startDate else { throw .beforeStart(date, start: startDate, field: "date") }
        // The last day in force decides the term; months begun before `date` are served.
        let lastDay = try Agreement.date(date, addingDays: -1, field: "date")
        guard let term = try term(containing: lastDay) else {
            throw ContractError(
                code: .outOfRange, field: "date", value: date.description,
                message: "\(date) is after the agreement's last term")
        }
        let begun = try wholeMonths(to: lastDay) + 1
        let served = begun - term.startMonth
        let remaining = term.months - served
        let charge = terms.monthlyCharge
        do {
            let ruleAmount: Money
            switch terms.rule {
            case .remainderOfTerm:
                ruleAmount = try charge * Int64(remaining)
            case .percentageOfRemainingCommitment(let percentage):
                ruleAmount = try (charge * Int64(remaining)).percentage(
                    percentage, rounding: terms.rounding)
            case .flat(let fee):
                ruleAmount = fee
            case .declining(let steps):
                ruleAmount =
                    steps.first { served <= $0.throughMonth }?.fee ?? .zero(charge.currency)
            }
            let minimum = try charge * Int64(max(0, minimumTermMonths - begun))
            return EarlyTerminationFee(
                termIndex: term.index, monthsServed: served, monthsRemaining: remaining,
                ruleAmount: ruleAmount, minimumTermAmount: minimum,
                amount: try Money.maximum(ruleAmount, minimum))
        } catch {
            throw .money(error, field: "earlyTerminationFee")
        }
    }
}
