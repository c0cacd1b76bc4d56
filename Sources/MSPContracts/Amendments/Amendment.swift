import MSPCore

/// A dated change to an agreement's commercial terms.
///
/// An amendment takes effect on ``effectiveDate`` (a local date in the agreement's time
/// zone) and stays in force until another amendment of the same kind and key replaces it.
public struct Amendment: Sendable, Hashable, CustomStringConvertible {
    /// What an amendment changes.
    public enum Change: Sendable, Hashable {
        /// The price plan in force.
        case pricePlan(PricePlanID)
        /// The SLA policy (tier) in force.
        case slaPolicy(SLAPolicyID)
        /// The committed quantity of a billable category (a minimum the customer pays for).
        case quantityCommitment(BillableCategory, quantity: Int64)
        /// A negotiated price per unit of a billable category, overriding the plan's.
        case rateOverride(BillableCategory, rate: Money)
    }

    /// The first day the change is in force.
    public let effectiveDate: LocalDate
    /// The change.
    public let change: Change

    /// Creates an amendment.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for a negative quantity commitment or a
    ///   negative override rate.
    public init(_ change: Change, effective effectiveDate: LocalDate) throws(ContractError) {
        switch change {
        case .quantityCommitment(let category, let quantity) where quantity < 0:
            throw ContractError(
                code: .outOfRange, field: "quantityCommitment[\(category)]",
                value: String(quantity),
                message: "quantity commitment \(quantity) for \(category) is negative")
        case .rateOverride(let category, let rate) where rate.isNegative:
            throw ContractError(
                code: .outOfRange, field: "rateOverride[\(category)]", value: "\(rate)",
                message: "rate override \(rate) for \(category) is negative")
        default:
            break
        }
        self.change = change
        self.effectiveDate = effectiveDate
    }

    /// The order amendments effective on the same date are applied in: price plan, SLA
    /// policy, quantity commitment, rate override (a rate override refers to the plan
    /// already in force).
    public var kindRank: Int {
        switch change {
        case .pricePlan: 0
        case .slaPolicy: 1
        case .quantityCommitment: 2
        case .rateOverride: 3
        }
    }

    /// `"pricePlan(gold) from 2026-04-10"`.
    public var description: String {
        let text =
            switch change {
            case .pricePlan(let id): "pricePlan(\(id))"
            case .slaPolicy(let id): "slaPolicy(\(id))"
            case .quantityCommitment(let category, let quantity):
                "quantityCommitment(\(category): \(quantity))"
            case .rateOverride(let category, let rate): "rateOverride(\(category): \(rate))"
            }
        return "\(text) from \(effectiveDate)"
    }
}

/// The commercial terms in force on a day: plan, SLA policy, commitments and overrides.
public struct AgreementConfiguration: Sendable, Hashable {
    /// The price plan in force.
    public internal(set) var pricePlan: PricePlanID
    /// The SLA policy in force.
    public internal(set) var slaPolicy: SLAPolicyID
    /// The committed quantity per billable category.
    public internal(set) var quantityCommitments: [BillableCategory: Int64]
    /// The negotiated unit rate per billable category.
    public internal(set) var rateOverrides: [BillableCategory: Money]

    /// Applies one amendment.
    internal mutating func apply(_ change: Amendment.Change) {
        switch change {
        case .pricePlan(let id): pricePlan = id
        case .slaPolicy(let id): slaPolicy = id
        case .quantityCommitment(let category, let quantity):
            quantityCommitments[category] = quantity
        case .rateOverride(let category, let rate): rateOverrides[category] = rate
        }
    }
}

/// A stretch of a billing period with one configuration.
public struct ConfigurationSegment: Sendable, Hashable, Codable {
    /// The first day of the stretch.
    public let startDate: LocalDate
    /// The first day after the stretch (exclusive).
    public let endDate: LocalDate
    /// The terms in force throughout the stretch.
    public let configuration: AgreementConfiguration
    /// The amendments that took effect on ``startDate``, in the order applied; empty for the
    /// first stretch when nothing changed on the period's first day.
    public let applied: [Amendment]
}

/// An agreement's amendments, validated and put in their deterministic order.
///
/// Amendments apply by effective date; on one date, in ``Amendment/kindRank`` order (price
/// plan, SLA policy, quantity commitment, rate override), then in the order given. The price
/// plans and SLA policies of the agreement's ``DatedAssignments`` apply first on their dates.
/// Every amendment is applied: two amendments effective in the same billing period split the
/// period into stretches (``segments(from:to:)``), and two on the same day both apply, the
/// later in the order winning only where they change the same thing.
public struct AmendmentSchedule: Sendable, Hashable {
    /// The agreement amended.
    public let agreement: Agreement
    /// The amendments in application order.
    public let amendments: [Amendment]

    /// Validates and orders `amendments`.
    ///
    /// - Throws: ``ContractError`` `beforeStart` for an amendment effective before the
    ///   agreement's start date (naming its index in the input).
    public init(agreement: Agreement, amendments: [Amendment]) throws(ContractError) {
        for (index, amendment) in amendments.enumerated()
        where amendment.effectiveDate < agreement.startDate {
            throw .beforeStart(
                amendment.effectiveDate, start: agreement.startDate,
                field: "amendments[\(index)]")
        }
        self.agreement = agreement
        self.amendments = amendments.enumerated().sorted {
            ($0.element.effectiveDate, $0.element.kindRank, $0.offset)
                < ($1.element.effectiveDate, $1.element.kindRank, $1.offset)
        }.map(\.element)
    }

    /// The terms in force on `date` (on or after the start date).
    ///
    /// - Throws: ``ContractError`` `beforeStart` for a date before the agreement starts.
    /// - Complexity: O(*a* + log *p*) for *a* amendments and *p* dated assignments.
    public func configuration(on date: LocalDate) throws(ContractError) -> AgreementConfiguration {
        guard let plan = agreement.pricePlans.value(on: date),
            let policy = agreement.slaPolicies.value(on: date)
        else { throw .beforeStart(date, start: agreement.startDate, field: "date") }
        var configuration = AgreementConfiguration(
            pricePlan: plan, slaPolicy: policy, quantityCommitments: [:], rateOverrides: [:])
        for amendment in amendments where amendment.effectiveDate <= date {
            switch amendment.change {
            case .pricePlan:
                if let assigned = latestAssignment(agreement.pricePlans, on: date),
                    assigned > amendment.effectiveDate
                {
                    continue
                }
            case .slaPolicy:
                if let assigned = latestAssignment(agreement.slaPolicies, on: date),
                    assigned > amendment.effectiveDate
                {
                    continue
                }
            default:
                break
            }
            configuration.apply(amendment.change)
        }
        return configuration
    }

    /// The effective date of the dated assignment in force on `date`.
    private func latestAssignment<Value>(_ list: DatedAssignments<Value>, on date: LocalDate)
        -> LocalDate?
    {
        list.assignments.last { $0.effective <= date }?.effective
    }

    /// The stretches of `[from, to)` (local dates) with one configuration each: a new
    /// stretch starts on every date inside the range where an amendment or a dated
    /// assignment takes effect.
    ///
    /// Worked example: a monthly period 2026-04-15..<2026-05-15 with a plan change effective
    /// 2026-04-20 and a rate override effective 2026-05-01 gives three stretches,
    /// 04-15..<04-20 (old terms), 04-20..<05-01 (new plan), 05-01..<05-15 (new plan and
    /// override). Neither change is dropped.
    ///
    /// - Throws: ``ContractError`` `invalidRange` when `to` is not after `from`,
    ///   `beforeStart` when `from` precedes the start date.
    public func segments(from: LocalDate, to: LocalDate) throws(ContractError)
        -> [ConfigurationSegment]
    {
        guard from < to else { throw .invalidRange(from: from, to: to) }
        var boundaries = Set<LocalDate>()
        for amendment in amendments
        where amendment.effectiveDate > from && amendment.effectiveDate < to {
            boundaries.insert(amendment.effectiveDate)
        }
        for assignment in agreement.pricePlans.assignments
        where assignment.effective > from && assignment.effective < to {
            boundaries.insert(assignment.effective)
        }
        for assignment in agreement.slaPolicies.assignments
        where assignment.effective > from && assignment.effective < to {
            boundaries.insert(assignment.effective)
        }
        let starts = [from] + boundaries.sorted()
        var result: [ConfigurationSegment] = []
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1] : to
            result.append(
                ConfigurationSegment(
                    startDate: start, endDate: end, configuration: try configuration(on: start),
                    applied: amendments.filter { $0.effectiveDate == start }))
        }
        return result
    }
}
