import Foundation
import MSPBilling
import MSPContracts
import MSPCore
import MSPInventory
import MSPMonitoring
import MSPSLA

/// The month-end close of an MSP: a provider document prepared once for a period, then
/// applied to each customer's document.
///
/// ```swift
/// let close = try PeriodClose(provider: provider, period: october)
/// let result = try close.close(customers)                       // sequential
/// let same = try await close.close(customers, parallelism: 2) { done, total in }
/// ```
///
/// Preparing checks that the provider document fits together (plans and rates in its
/// currency, policies and time and materials naming calendars it has, unique plan and
/// policy identifiers) and compiles every calendar and SLA engine once. Closing a customer
/// is a pure function of the prepared close and the customer's document; see
/// ``closeCustomer(_:)`` for the rules, and `Docs/PeriodClose.md`.
public struct PeriodClose: Sendable {
    /// The period closed.
    public let period: BillingPeriod
    /// The provider document.
    public let provider: ProviderDocument

    let plans: [PricePlanID: PricePlan]
    /// Each plan's own billing period equal to ``period``, or `nil` when its cycle does not
    /// produce that period.
    let planPeriods: [PricePlanID: BillingPeriod]
    let serviceLevels: [SLAPolicyID: ServiceLevel]
    let engines: [SLAPolicyID: SLAEngine]
    let labourCalendar: BusinessCalendar.Compiled
    /// Coverage of an agreement that names none: nothing included.
    let emptyCoverage: Coverage
    /// The category of service-credit lines, `service-credit`.
    let creditCategory: BillableCategory
    /// The category of block-hour overage lines, `block-hours-overage`.
    let overageCategory: BillableCategory
    /// The calendars are compiled from this many days before the period to this many after
    /// it, so tickets opened up to a year before the period can be evaluated.
    static let horizonDays: Int64 = 400

    /// Prepares the close of `period` for `provider`.
    ///
    /// - Throws: ``PeriodCloseError`` `duplicateID` for two plans or service levels with one
    ///   identifier, `currencyMismatch` for a plan, rate or coverage override in another
    ///   currency than the provider's, `unknownCalendar` for an SLA target or
    ///   `timeAndMaterialsCalendar` naming a calendar the provider does not have, or a
    ///   wrapped module error (a calendar that cannot be compiled).
    /// - Complexity: O(calendars × horizon days + plans + policies).
    public init(provider: ProviderDocument, period: BillingPeriod) throws(PeriodCloseError) {
        let context = ErrorContext(customer: nil)
        let currency = provider.currency
        var plans: [PricePlanID: PricePlan] = [:]
        var planPeriods: [PricePlanID: BillingPeriod] = [:]
        for (index, plan) in provider.pricePlans.enumerated() {
            guard plans.updateValue(plan, forKey: plan.id) == nil else {
                throw .duplicateID(plan.id.rawValue, customer: nil, field: "pricePlans")
            }
            guard plan.currency == currency else {
                throw .currencyMismatch(
                    customer: nil, expected: currency, found: plan.currency,
                    field: "pricePlans[\(index)].currency")
            }
            if let own = try? plan.cycle.period(containing: period.start),
                own.range == period.range
            {
                planPeriods[plan.id] = own
            }
        }
        for (index, rate) in provider.timeAndMaterials.rates.enumerated()
        where rate.hourly.currency != currency {
            throw .currencyMismatch(
                customer: nil, expected: currency, found: rate.hourly.currency,
                field: "timeAndMaterials.rates[\(index)].hourly")
        }
        let horizon = try context.period("period") { () throws(PeriodError) in
            let margin = Self.horizonDays * 86_400_000
            return try DateRange(
                startMilliseconds: period.range.startMilliseconds - margin,
                endMilliseconds: period.range.endMilliseconds + margin)
        }
        var compiled: [String: BusinessCalendar.Compiled] = [:]
        for name in provider.calendars.keys.sorted() {
            guard let calendar = provider.calendars[name] else { continue }
            compiled[name] = try context.calendar("calendars[\(name)]") {
                () throws(CalendarError) in try calendar.compiled(for: horizon)
            }
        }
        guard let labourCalendar = compiled[provider.timeAndMaterialsCalendar] else {
            throw .unknownCalendar(
                provider.timeAndMaterialsCalendar, field: "timeAndMaterialsCalendar")
        }
        var levels: [SLAPolicyID: ServiceLevel] = [:]
        var engines: [SLAPolicyID: SLAEngine] = [:]
        for level in provider.serviceLevels {
            guard levels.updateValue(level, forKey: level.id) == nil else {
                throw .duplicateID(level.id.rawValue, customer: nil, field: "serviceLevels")
            }
            var needed: [String: BusinessCalendar.Compiled] = [:]
            for priority in level.policy.priorities {
                for target in level.policy.targets[priority] ?? [] {
                    guard let calendar = compiled[target.calendar] else {
                        throw .unknownCalendar(
                            target.calendar,
                            field:
                                "serviceLevels[\(level.id)].policy.\(priority).\(target.kind.rawValue).calendar"
                        )
                    }
                    needed[target.calendar] = calendar
                }
            }
            engines[level.id] = try context.sla("serviceLevels[\(level.id)]") {
                () throws(SLAError) in try SLAEngine(policy: level.policy, calendars: needed)
            }
        }
        self.period = period
        self.provider = provider
        self.plans = plans
        self.planPeriods = planPeriods
        self.serviceLevels = levels
        self.engines = engines
        self.labourCalendar = labourCalendar
        guard let creditCategory = BillableCategory(rawValue: "service-credit"),
            let overageCategory = BillableCategory(rawValue: "block-hours-overage")
        else {
            throw PeriodCloseError(
                code: .core, customer: nil, field: "category", value: "service-credit",
                message: "the built-in categories are not valid identifiers")
        }
        self.creditCategory = creditCategory
        self.overageCategory = overageCategory
        self.emptyCoverage = try context.contracts("coverage") { () throws(ContractError) in
            try Coverage(includedWorkTypes: [])
        }
    }
}
