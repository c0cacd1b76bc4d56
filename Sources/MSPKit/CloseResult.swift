import MSPBilling
import MSPContracts
import MSPCore
import MSPSLA

/// The close of one customer for one period: what was billed and why, how the service
/// levels were met, and how the prepaid hours moved.
///
/// Every amount is on the ``invoice``; the other values are its evidence.
public struct CustomerClose: Sendable, Hashable, Codable {
    /// The customer.
    public var customer: CustomerID
    /// The customer's name.
    public var name: String
    /// The agreement closed.
    public var agreement: AgreementID
    /// The agreement's state on the period's last day (`inNoticePeriod` when notice has
    /// been given, `expired` or `terminated` once it has ended).
    public var status: AgreementStatus.State
    /// The part of the period the agreement was in force, or `nil` when it was not.
    public var servedRange: DateRange?
    /// The price plan rated (the one in force on the first served day).
    public var plan: PricePlanID?
    /// The SLA policy evaluated (the one in force on the first served day).
    public var slaPolicy: SLAPolicyID?
    /// What was under management, as billed: counts at the first served instant for
    /// in-advance components, unit-days over the period for in-arrears ones.
    public var usage: [UnitUsage]
    /// The invoice, with time-and-materials, block-hour overage and service-credit lines;
    /// `nil` when the agreement was not in force in the period.
    public var invoice: Invoice?
    /// The tickets' SLA compliance in the period.
    public var compliance: SLAComplianceReport<TicketID>?
    /// Each monitored service's availability in the period, maintenance excluded.
    public var availability: [ServiceAvailability]
    /// The service credit owed, with its evidence, if the service level has a credit
    /// schedule and the credit is above zero. Its amount is on the invoice, negated.
    public var serviceCredit: AppliedServiceCredit?
    /// How coverage classified each time entry worked in the period.
    public var labour: [LabourClassification]
    /// The prepaid block-hour movement over the period, if the agreement has block hours.
    public var blockHours: BlockHoursMovement?
    /// The monthly recurring revenue of the invoice (zero without one).
    public var monthlyRecurringRevenue: Money

    /// Creates a customer close.
    public init(
        customer: CustomerID, name: String, agreement: AgreementID,
        status: AgreementStatus.State, servedRange: DateRange?, plan: PricePlanID?,
        slaPolicy: SLAPolicyID?, usage: [UnitUsage], invoice: Invoice?,
        compliance: SLAComplianceReport<TicketID>?, availability: [ServiceAvailability],
        serviceCredit: AppliedServiceCredit?, labour: [LabourClassification],
        blockHours: BlockHoursMovement?, monthlyRecurringRevenue: Money
    ) {
        self.customer = customer
        self.name = name
        self.agreement = agreement
        self.status = status
        self.servedRange = servedRange
        self.plan = plan
        self.slaPolicy = slaPolicy
        self.usage = usage
        self.invoice = invoice
        self.compliance = compliance
        self.availability = availability
        self.serviceCredit = serviceCredit
        self.labour = labour
        self.blockHours = blockHours
        self.monthlyRecurringRevenue = monthlyRecurringRevenue
    }
}

/// One monitored service's availability in the period.
public struct ServiceAvailability: Sendable, Hashable, Codable {
    /// The service.
    public var service: ServiceID
    /// Its name.
    public var name: String
    /// The report against the service level's objective.
    public var report: MSPSLA.AvailabilityReport

    /// Creates a service availability.
    public init(service: ServiceID, name: String, report: MSPSLA.AvailabilityReport) {
        self.service = service
        self.name = name
        self.report = report
    }
}

/// A service credit applied to an invoice, with the service it was measured on.
///
/// The credit is read from the service with the lowest availability (the first in the
/// document's order on a tie), plus the ticket credits for the targets breached in the
/// period; the fee it is a share of is the invoice's recurring charges.
public struct AppliedServiceCredit: Sendable, Hashable, Codable {
    /// The service whose availability decided the band, or `nil` without monitored services.
    public var service: ServiceID?
    /// The recurring fee the credit is a share of.
    public var fee: Money
    /// The credit, its band, ticket credits, cap and the availability report.
    public var credit: ServiceCredit

    /// Creates an applied credit.
    public init(service: ServiceID?, fee: Money, credit: ServiceCredit) {
        self.service = service
        self.fee = fee
        self.credit = credit
    }
}

/// How one time entry was classified by the agreement's coverage.
public struct LabourClassification: Sendable, Hashable, Codable {
    /// Covered by the agreement, billable, or no charge.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Included in the agreement: a 0.00 line.
        case covered
        /// Charged at ``LabourClassification/hourly``.
        case billable
        /// Logged but not charged: a 0.00 line.
        case noCharge
    }

    /// The ticket the entry was logged on.
    public var ticket: TicketID
    /// The entry's identifier.
    public var entry: String
    /// The outcome.
    public var outcome: Outcome
    /// The coverage rule that decided it, such as `"includedWorkType(remote)"`.
    public var reason: String
    /// The hourly rate of a billable entry.
    public var hourly: PreciseMoney?

    /// Creates a classification.
    public init(
        ticket: TicketID, entry: String, outcome: Outcome, reason: String, hourly: PreciseMoney?
    ) {
        self.ticket = ticket
        self.entry = entry
        self.outcome = outcome
        self.reason = reason
        self.hourly = hourly
    }
}

/// How prepaid block minutes moved over the period.
///
/// `opening + purchased − consumed − expired = closing`, where `opening` is the available
/// balance just before the period, `purchased` the blocks that became valid in it and
/// `overage` the minutes drawn in the period beyond every block (billed as overage lines).
public struct BlockHoursMovement: Sendable, Hashable, Codable {
    /// Minutes available just before the period starts.
    public var opening: Int64
    /// Minutes of blocks (and rollovers) whose validity starts in the period.
    public var purchased: Int64
    /// Minutes drawn from blocks by draws worked in the period.
    public var consumed: Int64
    /// Minutes that expired unused in the period.
    public var expired: Int64
    /// Minutes drawn in the period beyond the blocks.
    public var overage: Int64
    /// Minutes available at the period's end.
    public var closing: Int64

    /// Creates a movement.
    public init(
        opening: Int64, purchased: Int64, consumed: Int64, expired: Int64, overage: Int64,
        closing: Int64
    ) {
        self.opening = opening
        self.purchased = purchased
        self.consumed = consumed
        self.expired = expired
        self.overage = overage
        self.closing = closing
    }
}

/// The MRR movements across every customer closed, with the totals per kind.
public struct MRRSummary: Sendable, Hashable, Codable {
    /// The total MRR before the period (the customers' previous MRR).
    public var before: Money
    /// The total MRR of the period's invoices.
    public var after: Money
    /// One movement per customer whose MRR changed, by customer identifier.
    public var movements: [MRRMovements.Movement]
    /// New business.
    public var new: Money
    /// Expansion.
    public var expansion: Money
    /// Contraction (zero or negative).
    public var contraction: Money
    /// Churn (zero or negative).
    public var churn: Money
    /// Reactivation.
    public var reactivation: Money
    /// `after − before`, the sum of the movements.
    public var netChange: Money

    /// Summarises MRR movements.
    public init(before: Money, after: Money, movements: MRRMovements) {
        let zero = Money.zero(before.currency)
        self.before = before
        self.after = after
        self.movements = movements.movements
        self.new = movements.totals[.new] ?? zero
        self.expansion = movements.totals[.expansion] ?? zero
        self.contraction = movements.totals[.contraction] ?? zero
        self.churn = movements.totals[.churn] ?? zero
        self.reactivation = movements.totals[.reactivation] ?? zero
        self.netChange = movements.netChange
    }
}

/// The close of a period for every customer: each customer's result in the order given,
/// and the MRR movements across them.
public struct CloseResult: Sendable, Hashable, Codable {
    /// The period closed.
    public var period: BillingPeriod
    /// One result per customer, in the order of the documents given.
    public var customers: [CustomerClose]
    /// The MRR movements.
    public var mrr: MRRSummary

    /// Creates a close result.
    public init(period: BillingPeriod, customers: [CustomerClose], mrr: MRRSummary) {
        self.period = period
        self.customers = customers
        self.mrr = mrr
    }
}
