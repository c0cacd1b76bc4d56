import Foundation
import MSPBilling
import MSPContracts
import MSPCore
import MSPInventory
import MSPMonitoring
import MSPSLA

extension PeriodClose {
    /// Rule 1 of ``closeCustomer(_:)``: every record is the customer's, every amount in the
    /// provider's currency, every plan and policy named exists, identifiers are unique.
    func checkBelonging(_ document: CustomerDocument) throws(PeriodCloseError) {
        let id = document.customer.id
        let currency = provider.currency
        func mine(_ found: CustomerID, _ field: @autoclosure () -> String)
            throws(PeriodCloseError)
        {
            guard found == id else {
                throw .customerMismatch(customer: id, found: found, field: field())
            }
        }
        func inCurrency(_ found: Currency, _ field: @autoclosure () -> String)
            throws(PeriodCloseError)
        {
            guard found == currency else {
                throw .currencyMismatch(
                    customer: id, expected: currency, found: found, field: field())
            }
        }
        let agreement = document.agreement.agreement
        try mine(agreement.customer, "agreement.agreement.customer")
        for (index, assignment) in agreement.pricePlans.assignments.enumerated()
        where plans[assignment.value] == nil {
            throw .unknownPricePlan(
                assignment.value, customer: id, field: "agreement.agreement.pricePlans[\(index)]")
        }
        for (index, assignment) in agreement.slaPolicies.assignments.enumerated()
        where serviceLevels[assignment.value] == nil {
            throw .unknownSLAPolicy(
                assignment.value, customer: id, field: "agreement.agreement.slaPolicies[\(index)]")
        }
        for (index, override) in (document.agreement.coverage?.rateOverrides ?? []).enumerated() {
            try inCurrency(
                override.hourly.currency, "agreement.coverage.rateOverrides[\(index)].hourly")
        }
        if let blocks = document.agreement.blockHours {
            try inCurrency(blocks.overageRate.currency, "agreement.blockHours.overageRate")
        }
        for (index, site) in document.sites.enumerated() {
            try mine(site.customer, "sites[\(index)].customer")
        }
        for (index, seat) in document.seats.enumerated() {
            try mine(seat.customer, "seats[\(index)].customer")
        }
        for event in document.deviceEvents {
            switch event.change {
            case .added(let record):
                try mine(record.customer, "deviceEvents[\(event.sequence)].record.customer")
            case .moved(let customer, _):
                try mine(customer, "deviceEvents[\(event.sequence)].customer")
            case .fieldsChanged, .statusChanged, .retired: break
            }
        }
        var tickets = Set<TicketID>()
        for ticket in document.tickets {
            guard tickets.insert(ticket.id).inserted else {
                throw .duplicateID(ticket.id.rawValue, customer: id, field: "tickets")
            }
            try mine(ticket.customer, "tickets[\(ticket.id)].customer")
            for (index, entry) in ticket.timeEntries.enumerated() {
                try mine(entry.customer, "tickets[\(ticket.id)].timeEntries[\(index)].customer")
            }
            for (index, material) in ticket.materials.enumerated() {
                try inCurrency(
                    material.unitCost.currency, "tickets[\(ticket.id)].materials[\(index)].unitCost"
                )
            }
        }
        var services = Set<ServiceID>()
        for service in document.services {
            guard services.insert(service.id).inserted else {
                throw .duplicateID(service.id.rawValue, customer: id, field: "services")
            }
            try mine(service.customer, "services[\(service.id)].customer")
            if service.timeline != nil, !service.outages.isEmpty {
                throw .ambiguousMonitoring(
                    service.id, customer: id, field: "services[\(service.id)]")
            }
        }
        for (index, cost) in document.passThroughCosts.enumerated() {
            try inCurrency(cost.amount.currency, "passThroughCosts[\(index)].amount")
        }
        if let previous = document.previousMRR {
            try inCurrency(previous.currency, "previousMRR")
        }
    }

    /// Rule 7: one service's availability in the period.
    func measure(
        _ service: MonitoredService, objective: AvailabilityObjective, context: ErrorContext
    ) throws(PeriodCloseError) -> ServiceAvailability {
        let range = period.range
        let field = "services[\(service.id)]"
        let outages = service.timeline?.outages(in: range, cause: service.name) ?? service.outages
        let maintenance = try context.monitoring("\(field).maintenance") {
            () throws(MonitoringError) in try service.maintenance.windows(in: range)
        }
        let report = try context.sla(field) { () throws(SLAError) in
            try objective.measure(period: range, outages: outages, maintenance: maintenance)
        }
        return ServiceAvailability(service: service.id, name: service.name, report: report)
    }

    /// Rule 3: counts at `start` for in-advance unit components, unit-days for in-arrears
    /// ones, in the categories the plan prices by units.
    func usage(
        _ document: CustomerDocument, plan: PricePlan, period: BillingPeriod, from start: Date,
        context: ErrorContext
    ) throws(PeriodCloseError) -> [UnitUsage] {
        var inAdvance = Set<BillableCategory>()
        var inArrears = Set<BillableCategory>()
        for component in plan.components {
            switch component.pricing {
            case .flat, .percentage: continue
            case .perUnit, .tiered, .custom:
                if component.timing == .inAdvance {
                    inAdvance.insert(component.category)
                } else {
                    inArrears.insert(component.category)
                }
            }
        }
        guard !inAdvance.isEmpty || !inArrears.isEmpty else { return [] }
        let history = try context.inventory("inventory") { () throws(InventoryError) in
            try InventoryHistory(
                customers: [document.customer], sites: document.sites, seats: document.seats,
                events: document.deviceEvents)
        }
        var usage: [UnitUsage] = []
        if !inAdvance.isEmpty {
            let counts = try context.inventory("inventory") { () throws(InventoryError) in
                try history.billableCounts(at: start)
            }
            usage += counts.filter { inAdvance.contains($0.category) }
        }
        if !inArrears.isEmpty {
            let days = try context.inventory("inventory") { () throws(InventoryError) in
                try history.unitDays(in: period)
            }
            usage += days.filter { inArrears.contains($0.category) }
        }
        return usage
    }

    /// Rule 4: the labour and material lines, and how each entry was classified.
    func labourLines(_ document: CustomerDocument, context: ErrorContext)
        throws(PeriodCloseError) -> ([InvoiceLine], [LabourClassification])
    {
        let card = provider.timeAndMaterials
        let coverage = document.agreement.coverage ?? emptyCoverage
        let start = period.range.startMilliseconds
        let end = period.range.endMilliseconds
        var entries: [TimeEntry] = []
        var classifications: [LabourClassification] = []
        var rates: [String: TimeAndMaterials.Rate] = [:]
        var materials: [MaterialCharge] = []
        for ticket in document.tickets {
            for (index, original) in ticket.timeEntries.enumerated() {
                let begins = original.range.startMilliseconds
                guard begins >= start, begins < end else { continue }
                let field = "tickets[\(ticket.id)].timeEntries[\(index)]"
                let result = try context.contracts(field) { () throws(ContractError) in
                    try coverage.classify(original, rates: card.rates)
                }
                var entry = original
                let outcome: LabourClassification.Outcome
                var hourly: PreciseMoney?
                switch result.outcome {
                case .covered:
                    outcome = .covered
                    entry.status = .coveredByAgreement
                case .noCharge:
                    outcome = .noCharge
                    entry.status = .noCharge
                case .billable(let rate):
                    outcome = .billable
                    entry.status = .billable
                    hourly = rate
                }
                let key = "\(entry.role.utf8.count):\(entry.role)|\(entry.workType)"
                if let hourly {
                    rates[key] = .init(role: entry.role, workType: entry.workType, hourly: hourly)
                } else if rates[key] == nil {
                    let listed = card.rates.first {
                        $0.role == entry.role && $0.workType == entry.workType
                    }
                    rates[key] = .init(
                        role: entry.role, workType: entry.workType,
                        hourly: listed?.hourly ?? .zero(provider.currency))
                }
                entries.append(entry)
                classifications.append(
                    LabourClassification(
                        ticket: ticket.id, entry: entry.id, outcome: outcome,
                        reason: Self.reasonText(result.reason), hourly: hourly))
            }
            if !ticket.materials.isEmpty, let resolved = Self.lastResolution(ticket.events),
                resolved >= start, resolved < end
            {
                materials += ticket.materials
            }
        }
        guard !entries.isEmpty || !materials.isEmpty else { return ([], classifications) }
        let priced = try context.billing("timeAndMaterials") { () throws(BillingError) in
            let rules = try TimeAndMaterials(
                rates: rates.keys.sorted().compactMap { rates[$0] },
                incrementMinutes: card.incrementMinutes, minimumMinutes: card.minimumMinutes,
                afterHoursMultiplier: card.afterHoursMultiplier,
                holidayMultiplier: card.holidayMultiplier, roundingOrder: card.roundingOrder,
                labourCategory: card.labourCategory, materialCategory: card.materialCategory,
                rounding: card.rounding)
            return try rules.lines(
                for: entries, materials: materials, customer: document.customer.id,
                calendar: labourCalendar)
        }
        return (priced, classifications)
    }

    /// The instant of a ticket's last `resolved` event, in milliseconds.
    static func lastResolution(_ events: [TicketEvent]) -> Int64? {
        var latest: Int64?
        for event in events {
            guard case .resolved = event.kind, let ms = DateRange.milliseconds(of: event.instant)
            else { continue }
            latest = max(latest ?? ms, ms)
        }
        return latest
    }

    /// A coverage reason as text, such as `"includedWorkType(remote)"`.
    static func reasonText(_ reason: CoverageClassification.Reason) -> String {
        switch reason {
        case .markedNoCharge: "markedNoCharge"
        case .noChargeWorkType(let type): "noChargeWorkType(\(type))"
        case .excludedWorkType(let type): "excludedWorkType(\(type))"
        case .includedWorkType(let type): "includedWorkType(\(type))"
        case .outOfScope(let type): "outOfScope(\(type))"
        }
    }

    /// Rule 5: the block-hour movement and the overage lines of draws worked in the period.
    func blockHours(_ blocks: BlockHours, agreement: AgreementID, context: ErrorContext)
        throws(PeriodCloseError) -> (BlockHoursMovement, [InvoiceLine])
    {
        let ledger = try context.contracts("agreement.blockHours") { () throws(ContractError) in
            try PrepaidLedger(
                agreement: agreement, kind: .hours, blocks: blocks.blocks, draws: blocks.draws,
                rolloverCap: blocks.rolloverCap)
        }
        let range = period.range
        // balance(at:) counts draws worked at or before the instant: the last millisecond
        // before each boundary keeps the period half-open.
        let before = ledger.balance(at: Self.date(range.startMilliseconds - 1))
        let after = ledger.balance(at: Self.date(range.endMilliseconds - 1))
        var purchased: Int64 = 0
        for block in ledger.purchased + ledger.rolledOver {
            let starts = block.validity.startMilliseconds
            if starts >= range.startMilliseconds, starts < range.endMilliseconds {
                purchased += block.quantity
            }
        }
        let movement = BlockHoursMovement(
            opening: before.available, purchased: purchased,
            consumed: after.consumed - before.consumed, expired: after.expired - before.expired,
            overage: after.overage - before.overage, closing: after.available)
        let inPeriod = Set(
            blocks.draws.lazy.filter { range.contains($0.workDate) }.map(\.id))
        var consumption = ledger.consumption
        consumption.overage = consumption.overage.filter { inPeriod.contains($0.draw) }
        let lines = try context.billing("agreement.blockHours") { () throws(BillingError) in
            try consumption.overageLines(
                kind: .hours, unitPrice: blocks.overageRate,
                category: overageCategory)
        }
        return (movement, lines)
    }

    /// An instant from milliseconds since 1970.
    static func date(_ milliseconds: Int64) -> Date {
        DateRange.instant(milliseconds: milliseconds)
    }

    /// Rule 8: the credit the service level owes on the rated invoice's recurring fee.
    func credit(
        _ invoice: Invoice, schedule: CreditSchedule, level: ServiceLevel,
        availability: [ServiceAvailability], compliance: SLAComplianceReport<TicketID>?,
        context: ErrorContext
    ) throws(PeriodCloseError) -> AppliedServiceCredit? {
        let recurring = invoice.lines.lazy.filter {
            ($0.kind == .charge && $0.component != nil) || $0.kind == .discount
        }.map(\.amount)
        let fee = try context.money("invoice") { () throws(MoneyError) in
            try Money.sum(recurring, currency: invoice.currency)
        }
        guard fee.minorUnits > 0 else { return nil }
        var breached: [SLATargetKind: Int] = [:]
        for row in compliance?.rows ?? [] where row.breached > 0 {
            breached[row.kind, default: 0] += row.breached
        }
        var worst: ServiceAvailability?
        for item in availability
        where worst.map({ item.report.strictAvailability < $0.report.strictAvailability }) ?? true {
            worst = item
        }
        let report: MSPSLA.AvailabilityReport
        if let worst {
            report = worst.report
        } else {
            let objective: AvailabilityObjective
            if let own = level.availability {
                objective = own
            } else {
                objective = try context.sla("serviceLevels[\(level.id)]") { () throws(SLAError) in
                    try AvailabilityObjective(objective: .hundred)
                }
            }
            report = try context.sla("serviceLevels[\(level.id)]") { () throws(SLAError) in
                try objective.measure(period: period.range, outages: [])
            }
        }
        let credit = try context.sla("serviceLevels[\(level.id)].credits") {
            () throws(SLAError) in
            try schedule.credit(
                for: report, fee: fee, breachedTargets: breached, rounding: level.creditRounding)
        }
        return AppliedServiceCredit(service: worst?.service, fee: fee, credit: credit)
    }
}
