import Foundation
import MSPBilling
import MSPContracts
import MSPCore
import MSPInventory
import MSPMonitoring
import MSPSLA

extension PeriodClose {
    /// Closes the period for one customer.
    ///
    /// Rules, in order:
    /// 1. Every record in the document must be the customer's and every amount in the
    ///    provider's currency (``PeriodCloseError`` `customerMismatch`, `currencyMismatch`);
    ///    the agreement's plans and policies must exist (`unknownPricePlan`,
    ///    `unknownSLAPolicy`).
    /// 2. The agreement's lifecycle gives its state on the period's last day and the part
    ///    of the period it was in force (`billablePeriods` of the plan's cycle). The plan
    ///    and SLA policy are the ones in force on the first served day.
    /// 3. Usage: counts at the first served instant for in-advance per-unit and tiered
    ///    components, unit-days over the period for in-arrears ones, from the customer's
    ///    inventory history; only categories the plan prices.
    /// 4. Time entries that start in the period are classified by the agreement's coverage
    ///    (covered and no-charge entries appear at 0.00, billable ones at the coverage's or
    ///    rate card's rate) and priced by the provider's time-and-materials rules; materials
    ///    of tickets last resolved in the period are billed at cost plus markup.
    /// 5. Block hours: draws worked in the period beyond every block become overage lines
    ///    at the block's overage rate; the movement is reported.
    /// 6. The plan rates the usage with those lines (discounts, minimum, taxes).
    /// 7. Tickets are evaluated against the SLA policy at the period's end (compliance
    ///    report); monitored services against the availability objective, maintenance
    ///    excluded.
    /// 8. With a credit schedule, the credit on the invoice's recurring fee (component
    ///    charges and discounts) for the lowest availability and the breached ticket
    ///    targets is added as a negative `adjustment` line with model `"sla-credit"`, and
    ///    the invoice is re-taxed.
    /// 9. MRR is the invoice's recurring part normalised to a month; for a period served in
    ///    part, the plan rated for the whole period (the run rate), so a customer starting
    ///    mid-month adds its full monthly fee as new MRR.
    ///
    /// - Throws: ``PeriodCloseError`` naming the customer, field and value.
    public func closeCustomer(_ document: CustomerDocument) throws(PeriodCloseError)
        -> CustomerClose
    {
        let customerID = document.customer.id
        let context = ErrorContext(customer: customerID)
        try checkBelonging(document)
        let record = document.agreement
        let agreement = record.agreement
        let currency = provider.currency

        let lifecycle = try context.contracts("agreement") { () throws(ContractError) in
            try agreement.lifecycle(events: record.events)
        }
        let status = try context.contracts("agreement") { () throws(ContractError) in
            try lifecycle.status(on: period.lastDate)
        }
        let firstDay = max(period.startDate, agreement.startDate)
        let planID = agreement.pricePlans.value(on: firstDay)
        let policyID = agreement.slaPolicies.value(on: firstDay)
        let level = policyID.flatMap { serviceLevels[$0] }

        // SLA compliance and availability do not depend on the agreement being in force.
        var compliance: SLAComplianceReport<TicketID>?
        if let policyID, let engine = engines[policyID] {
            let tickets = document.tickets.map { (key: $0.id, events: $0.events) }
            do {
                compliance = try engine.complianceReport(tickets, period: period.range)
            } catch {
                // Name the ticket: the first whose timeline the engine rejects.
                for ticket in document.tickets {
                    let asOf = Swift.max(
                        period.end, ticket.events.lazy.map(\.instant).max() ?? period.end)
                    _ = try context.sla("tickets[\(ticket.id)].events") { () throws(SLAError) in
                        try engine.evaluate(ticket.events, asOf: asOf)
                    }
                }
                throw PeriodCloseError.wrapping(
                    .sla, customer: customerID, context: "tickets", field: error.field,
                    value: error.value, message: error.message)
            }
        }
        var availability: [ServiceAvailability] = []
        if let objective = level?.availability {
            availability.reserveCapacity(document.services.count)
            for service in document.services {
                availability.append(
                    try measure(service, objective: objective, context: context))
            }
        }

        var usage: [UnitUsage] = []
        var invoice: Invoice?
        var servedRange: DateRange?
        var labour: [LabourClassification] = []
        var blockMovement: BlockHoursMovement?
        var appliedCredit: AppliedServiceCredit?
        var mrr = Money.zero(currency)
        if let planID, let plan = plans[planID] {
            guard let planPeriod = planPeriods[planID] else {
                throw .periodMismatch(period, plan: planID, field: "pricePlans[\(planID)].cycle")
            }
            let billable = try context.contracts("agreement") { () throws(ContractError) in
                try lifecycle.billablePeriods(overlapping: period.range, cycle: plan.cycle)
            }
            if let served = billable.first(where: { $0.period.range == period.range }) {
                servedRange = served.serviceRange
                usage = try self.usage(
                    document, plan: plan, period: planPeriod, from: served.serviceRange.start,
                    context: context)
                var extraLines: [InvoiceLine] = []
                (extraLines, labour) = try labourLines(document, context: context)
                if let blocks = record.blockHours {
                    let (movement, lines) = try blockHours(
                        blocks, agreement: agreement.id, context: context)
                    blockMovement = movement
                    extraLines += lines
                }
                let coverage = served.isWholePeriod ? nil : served.serviceRange
                var rated = try context.billing("invoice") { () throws(BillingError) in
                    try plan.rate(
                        customer: customerID, period: planPeriod, usage: usage,
                        passThroughCosts: document.passThroughCosts, coverage: coverage,
                        additionalLines: extraLines)
                }
                if let level, let schedule = level.credits {
                    appliedCredit = try credit(
                        rated, schedule: schedule, level: level, availability: availability,
                        compliance: compliance, context: context)
                    if let appliedCredit, appliedCredit.credit.amount.minorUnits > 0 {
                        let line = InvoiceLine(
                            kind: .adjustment, description: "SLA service credit",
                            category: creditCategory, model: "sla-credit",
                            quantity: appliedCredit.credit.percentage.fraction,
                            note: creditNote(appliedCredit),
                            amount: Money(
                                minorUnits: -appliedCredit.credit.amount.minorUnits,
                                currency: currency))
                        rated = try context.billing("invoice") { () throws(BillingError) in
                            try Invoice(
                                customer: customerID, plan: planID, period: planPeriod,
                                currency: currency, lines: rated.lines + [line],
                                taxPolicy: plan.taxes)
                        }
                    }
                }
                invoice = rated
                // MRR is the run rate: a period served in part is rated again as if served
                // in whole, without the one-off lines.
                let runRate =
                    coverage == nil
                    ? rated
                    : try context.billing("invoice") { () throws(BillingError) in
                        try plan.rate(customer: customerID, period: planPeriod, usage: usage)
                    }
                mrr = try context.billing("invoice") { () throws(BillingError) in
                    try MonthlyRecurringRevenue.monthly(of: runRate, cycle: plan.cycle)
                }
            }
        }
        return CustomerClose(
            customer: customerID, name: document.customer.name, agreement: agreement.id,
            status: status.state, servedRange: servedRange, plan: planID, slaPolicy: policyID,
            usage: usage, invoice: invoice, compliance: compliance, availability: availability,
            serviceCredit: appliedCredit, labour: labour, blockHours: blockMovement,
            monthlyRecurringRevenue: mrr)
    }

    /// The evidence of a credit as one line of text.
    private func creditNote(_ applied: AppliedServiceCredit) -> String {
        let credit = applied.credit
        var parts = ["\(credit.percentage) of recurring fee \(applied.fee)"]
        if let service = applied.service {
            parts.append("availability of \(service) \(Self.percentText(credit.availability))%")
        }
        if let band = credit.band { parts.append("band \(band)") }
        let breached = SLATargetKind.allCases.compactMap { kind -> String? in
            guard let count = credit.breachedTargets[kind], count > 0 else { return nil }
            return "\(count) \(kind.rawValue) breached"
        }
        if !breached.isEmpty {
            parts.append(breached.joined(separator: ", ") + " → \(credit.ticketCredit)")
        }
        if credit.capped { parts.append("capped") }
        return parts.joined(separator: "; ")
    }

    /// A percentage as text with three decimals, for notes only (exact values are in the
    /// evidence).
    static func percentText(_ value: Rational) -> String {
        guard let thousandths = try? (value * Rational(1000)).rounded(.halfUp) else {
            return value.description
        }
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000)."
            + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
