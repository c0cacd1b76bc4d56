import Foundation
import MSPKit

/// The outputs of a close: the terminal summary, the CSV of invoice lines, the HTML report of
/// each customer and the index page.
package struct CloseReport: Sendable {
    /// The close's result.
    package var result: CloseResult
    /// The input the close read (for daily availability and names).
    package var input: CloseInput

    /// Creates the report of `result` closed from `input`.
    package init(result: CloseResult, input: CloseInput) {
        self.result = result
        self.input = input
    }

    /// The period as `2026-10-01..<2026-11-01`.
    package var periodText: String {
        "\(result.period.startDate)..<\(result.period.endDate)"
    }

    // MARK: - CSV

    /// Every invoice line of every customer (and each tax line), RFC 4180.
    package func invoiceLinesCSV() -> String {
        var rows: [[String]] = []
        for customer in result.customers {
            guard let invoice = customer.invoice else { continue }
            rows += InvoiceRendering.csvRows(invoice, customerName: customer.name)
        }
        return CSV.document(header: InvoiceRendering.csvHeader, rows: rows)
    }

    // MARK: - Terminal summary

    /// The readable summary: per customer (all of them up to `detailLimit`, else a one-line
    /// table) the invoice, SLA compliance, availability, credits and block hours; then the
    /// totals and MRR movements.
    package func summary(detailLimit: Int = 25) -> String {
        var text = "\(input.provider.name): close of \(periodText), "
        text += "\(result.customers.count) customer(s)\n"
        if result.customers.count <= detailLimit {
            for customer in result.customers { text += "\n" + detail(customer) }
        } else {
            text += "\n" + overview().render()
        }
        text += "\n" + totals()
        return text
    }

    /// One row per customer: plan, status, invoice total, credit, SLA breaches, availability.
    package func overview() -> TextTable {
        var table = TextTable([
            .init("Customer"), .init("Plan"), .init("Status"), .init("Total", .right),
            .init("Credit", .right), .init("Breached", .right), .init("Worst availability", .right),
        ])
        for customer in result.customers {
            let breached = customer.compliance?.rows.reduce(0) { $0 + $1.breached } ?? 0
            let worst = customer.availability.map(\.report.strictAvailability).min()
            table.append([
                "\(customer.name) (\(customer.customer.rawValue))",
                customer.plan?.rawValue ?? "–", customer.status.rawValue,
                customer.invoice?.total.amountText ?? "–",
                customer.serviceCredit?.credit.amount.amountText ?? "",
                breached == 0 ? "" : String(breached),
                worst.map(Formatting.percent(points:)) ?? "",
            ])
        }
        return table
    }

    /// One customer's section of the summary.
    package func detail(_ customer: CustomerClose) -> String {
        var text = "━━ \(customer.name) (\(customer.customer.rawValue)) ━━ agreement "
        text += "\(customer.agreement.rawValue), \(customer.status.rawValue)"
        if let plan = customer.plan { text += ", plan \(plan.rawValue)" }
        if let policy = customer.slaPolicy { text += ", SLA \(policy.rawValue)" }
        text += "\n"
        if let invoice = customer.invoice {
            text += InvoiceRendering.table(invoice).render()
        } else {
            text += "no invoice: the agreement was not in force in the period\n"
        }
        if let compliance = customer.compliance, !compliance.rows.isEmpty {
            var priorities: [TicketPriority] = []
            for row in compliance.rows where !priorities.contains(row.priority) {
                priorities.append(row.priority)
            }
            for priority in priorities {
                text += "SLA \(priority): "
                text += compliance.rows.filter { $0.priority == priority }.map {
                    "\($0.kind.rawValue) \($0.met)/\($0.met + $0.breached) met"
                        + ($0.breached > 0 ? " (\($0.breached) breached)" : "")
                }.joined(separator: ", ")
                text += "\n"
            }
        }
        for service in customer.availability {
            let report = service.report
            text +=
                "Availability \(service.name): \(Formatting.percent(points: report.strictAvailability))"
            text += " (objective \(report.objective), "
            text += "down \(Formatting.duration(report.downtime)), "
            text += "maintenance \(Formatting.duration(report.maintenanceTime))) "
            text += report.meetsObjective ? "met\n" : "MISSED\n"
        }
        if let applied = customer.serviceCredit, !applied.credit.amount.isZero {
            text += "Service credit: \(applied.credit.amount) = \(applied.credit.percentage) of "
            text += "\(applied.fee)"
            if let band = applied.credit.band { text += ", band \(band)" }
            if !applied.credit.ticketCredit.percent.isZero {
                text += ", tickets \(applied.credit.ticketCredit)"
            }
            if applied.credit.capped { text += ", capped" }
            text += "\n"
        }
        if let hours = customer.blockHours {
            text += "Block hours (minutes): opening \(hours.opening) + purchased \(hours.purchased)"
            text += " − consumed \(hours.consumed) − expired \(hours.expired) = closing "
            text += "\(hours.closing); overage \(hours.overage)\n"
        }
        return text
    }

    /// Invoice totals and the MRR movements.
    package func totals() -> String {
        let mrr = result.mrr
        let currency = mrr.after.currency
        let invoiced =
            (try? Money.sum(
                result.customers.compactMap { $0.invoice?.total }, currency: currency))
        let credits =
            (try? Money.sum(
                result.customers.compactMap { $0.serviceCredit?.credit.amount }, currency: currency))
        var text = "Invoiced \(invoiced?.description ?? "–") in "
        text += "\(result.customers.filter { $0.invoice != nil }.count) invoice(s); "
        text += "service credits \(credits?.description ?? "–")\n\n"
        var table = TextTable([.init("MRR"), .init("Amount", .right)])
        table.append(["before", mrr.before.amountText])
        table.append(["new", mrr.new.amountText])
        table.append(["expansion", mrr.expansion.amountText])
        table.append(["contraction", mrr.contraction.amountText])
        table.append(["churn", mrr.churn.amountText])
        table.append(["reactivation", mrr.reactivation.amountText])
        table.footer = [
            ["net change", mrr.netChange.amountText],
            ["after \(currency.code)", mrr.after.amountText],
        ]
        text += table.render()
        if !mrr.movements.isEmpty, mrr.movements.count <= 25 {
            var movements = TextTable([
                .init("Customer"), .init("Movement"), .init("Amount", .right),
            ])
            for movement in mrr.movements {
                movements.append([
                    movement.customer.rawValue, movement.kind.rawValue, movement.amount.amountText,
                ])
            }
            text += "\n" + movements.render()
        }
        return text
    }
}
