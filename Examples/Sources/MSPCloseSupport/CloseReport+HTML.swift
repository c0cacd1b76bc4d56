import Foundation
import MSPKit

extension CloseReport {
    /// The file name of a customer's report inside the output folder.
    package static func reportFile(_ customer: CustomerID) -> String {
        let safe = customer.rawValue.unicodeScalars.map { scalar -> String in
            let allowed =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
                || scalar == "."
            return allowed ? String(scalar) : "_"
        }.joined()
        return "customers/\(safe).html"
    }

    /// One customer's self-contained HTML report: the invoice with its breakdown chart,
    /// SLA compliance with met/breached per priority, availability with the daily chart,
    /// the service credit's evidence, block hours and labour.
    ///
    /// - Throws: errors from the library while measuring daily availability.
    package func html(_ customer: CustomerClose, document: CustomerDocument?) throws -> String {
        var page = HTMLPage(title: "\(customer.name): service report \(periodText)")
        page.heading("\(customer.name) — service report", level: 1)
        var meta = "\(input.provider.name) · period \(periodText) · agreement "
        meta += "\(customer.agreement.rawValue) (\(customer.status.rawValue))"
        if let plan = customer.plan { meta += " · plan \(plan.rawValue)" }
        if let policy = customer.slaPolicy { meta += " · SLA \(policy.rawValue)" }
        page.paragraph(meta, className: "meta")

        page.heading("Invoice")
        if let invoice = customer.invoice {
            page.paragraph("Invoice \(invoice.key.rawValue) (\(invoice.kind.rawValue))")
            InvoiceRendering.html(invoice, on: &page)
        } else {
            page.paragraph("No invoice: the agreement was not in force in the period.")
        }
        page.figure(breakdownChart(customer), caption: "Invoice breakdown by kind of line")

        page.heading("Service levels")
        complianceSection(customer, on: &page)
        page.figure(complianceChart(customer), caption: "SLA targets met and breached per priority")

        page.heading("Availability")
        try availabilitySection(customer, document: document, on: &page)

        if let applied = customer.serviceCredit {
            page.heading("Service credit")
            let credit = applied.credit
            var rows = [
                ["Credit", credit.amount.description],
                ["Share of the recurring fee", "\(credit.percentage) of \(applied.fee)"],
                [
                    "Availability read",
                    "\(Formatting.percent(points: credit.availability)) (\(credit.figure.rawValue))",
                ],
                ["Band", credit.band.map { "\($0)" } ?? "none (\(credit.bandCredit))"],
                ["Ticket credits", credit.ticketCredit.description],
                ["Capped", credit.capped ? "yes" : "no"],
            ]
            if let service = applied.service { rows.insert(["Service", service.rawValue], at: 1) }
            for (kind, count) in credit.breachedTargets.sorted(by: { $0.key < $1.key }) {
                rows.append(["Breached \(kind.rawValue) targets", String(count)])
            }
            page.table(header: ["Evidence", "Value"], rows: rows)
        }

        if let hours = customer.blockHours {
            page.heading("Block hours")
            page.table(
                header: ["Opening", "Purchased", "Consumed", "Expired", "Closing", "Overage"],
                rows: [
                    [
                        hours.opening, hours.purchased, hours.consumed, hours.expired,
                        hours.closing,
                        hours.overage,
                    ].map { Formatting.duration(.seconds($0 * 60)) }
                ], numeric: [0, 1, 2, 3, 4, 5])
        }

        if !customer.labour.isEmpty {
            page.heading("Labour")
            page.table(
                header: ["Ticket", "Entry", "Outcome", "Reason", "Hourly"],
                rows: customer.labour.map {
                    [
                        $0.ticket.rawValue, $0.entry, $0.outcome.rawValue, $0.reason,
                        $0.hourly?.description ?? "",
                    ]
                }, numeric: [4])
        }
        return page.render()
    }

    // MARK: - Sections

    private func complianceSection(_ customer: CustomerClose, on page: inout HTMLPage) {
        guard let compliance = customer.compliance, !compliance.rows.isEmpty else {
            page.paragraph("No ticket targets fell due in the period.")
            return
        }
        page.table(
            header: ["Priority", "Target", "Met", "Breached", "Met %"],
            rows: compliance.rows.map {
                [
                    $0.priority.rawValue, $0.kind.rawValue, String($0.met), String($0.breached),
                    Formatting.percent(points: $0.percentMet),
                ]
            }, numeric: [2, 3, 4])
        if !compliance.breachedTickets.isEmpty {
            page.paragraph(
                "Breached tickets: "
                    + compliance.breachedTickets.map(\.rawValue).joined(separator: ", "))
        }
    }

    private func availabilitySection(
        _ customer: CustomerClose, document: CustomerDocument?, on page: inout HTMLPage
    ) throws {
        if customer.availability.isEmpty {
            page.paragraph("No monitored services with an availability objective.")
        } else {
            page.table(
                header: [
                    "Service", "Availability", "Objective", "Downtime", "Maintenance",
                    "Unknown", "Outages", "Met",
                ],
                rows: customer.availability.map {
                    let report = $0.report
                    return [
                        $0.name, Formatting.percent(points: report.strictAvailability),
                        report.objective.description, Formatting.duration(report.downtime),
                        Formatting.duration(report.maintenanceTime),
                        Formatting.duration(report.unknownTime), String(report.outagesCounted),
                        report.meetsObjective ? "yes" : "no",
                    ]
                }, numeric: [1, 2, 3, 4, 5, 6])
        }
        let daily = try dailyAvailability(customer, document: document)
        page.figure(
            availabilityChart(daily),
            caption: "Daily availability per service (strict, maintenance excluded)")
    }

    /// Each monitored service's daily availability, measured with the customer's service
    /// level objective; empty without one.
    package func dailyAvailability(_ customer: CustomerClose, document: CustomerDocument?) throws
        -> [DailyAvailability]
    {
        guard let document, let policy = customer.slaPolicy,
            let objective = input.provider.serviceLevels.first(where: { $0.id == policy })?
                .availability
        else { return [] }
        let measured = Set(customer.availability.map(\.service))
        return try document.services.filter { measured.contains($0.id) }.map {
            try DailyAvailability(service: $0, objective: objective, period: result.period.range)
        }
    }

    // MARK: - Charts

    /// Bars of the invoice's amounts grouped by kind of line (recurring, overage, labour,
    /// materials, pass-through, discounts, SLA credits, adjustments, tax), exact labels.
    package func breakdownChart(_ customer: CustomerClose) -> String {
        var groups: [(String, [Money])] = []
        func add(_ name: String, _ amount: Money) {
            if let index = groups.firstIndex(where: { $0.0 == name }) {
                groups[index].1.append(amount)
            } else {
                groups.append((name, [amount]))
            }
        }
        if let invoice = customer.invoice {
            for line in invoice.lines {
                add(InvoiceRendering.group(of: line), line.amount)
            }
            for tax in invoice.taxes { add("Tax", tax.amount) }
        }
        let currency = customer.invoice?.currency ?? input.provider.currency
        let sums = groups.map { name, amounts in
            (name, (try? Money.sum(amounts, currency: currency)) ?? .zero(currency))
        }
        return SVGChart.bars(
            title: "Invoice breakdown of \(customer.name)", categories: sums.map(\.0),
            series: [
                .init(
                    name: currency.code, color: SVGChart.palette[0],
                    values: sums.map { Formatting.geometry($0.1) },
                    labels: sums.map { $0.1.amountText })
            ])
    }

    /// Stacked bars per priority: targets met and breached in the period.
    package func complianceChart(_ customer: CustomerClose) -> String {
        var priorities: [TicketPriority] = []
        var met: [TicketPriority: Int] = [:]
        var breached: [TicketPriority: Int] = [:]
        for row in customer.compliance?.rows ?? [] {
            if !priorities.contains(row.priority) { priorities.append(row.priority) }
            met[row.priority, default: 0] += row.met
            breached[row.priority, default: 0] += row.breached
        }
        let metValues = priorities.map { met[$0] ?? 0 }
        let breachedValues = priorities.map { breached[$0] ?? 0 }
        return SVGChart.bars(
            title: "SLA targets met and breached per priority for \(customer.name)",
            categories: priorities.map(\.rawValue),
            series: [
                .init(
                    name: "met", color: "#29a35a", values: metValues.map(Double.init),
                    labels: metValues.map(String.init)),
                .init(
                    name: "breached", color: "#e4572e", values: breachedValues.map(Double.init),
                    labels: breachedValues.map(String.init)),
            ], stacked: true,
            totals: zip(metValues, breachedValues).map { "\($0)/\($0 + $1)" })
    }

    /// One line per service over the days of the period.
    package func availabilityChart(_ daily: [DailyAvailability]) -> String {
        let labels = (daily.first?.days ?? []).map { day -> String in
            let text = day.date.description
            return String(text.suffix(5))
        }
        var lowest = Rational(100)
        for service in daily {
            for day in service.days where day.availability < lowest { lowest = day.availability }
        }
        // The bottom edge: 99%, 95%, 90%, 50% or 0%, whichever shows the worst day.
        let floor = [99, 95, 90, 50, 0].first { Rational(Int64($0)) <= lowest } ?? 0
        return SVGChart.lines(
            title: "Daily availability per service",
            xLabels: labels,
            series: daily.enumerated().map { index, service in
                .init(
                    name: service.name, color: SVGChart.palette[index % SVGChart.palette.count],
                    values: service.days.map { Formatting.geometry($0.availability) },
                    labels: service.days.map { Formatting.percent(points: $0.availability) })
            }, lowest: (Double(floor), "\(floor)%"), highest: (100, "100%"))
    }

    // MARK: - Index

    /// The index page: every customer with its total, credit and a link to its report.
    package func indexHTML() -> String {
        var page = HTMLPage(title: "\(input.provider.name): close of \(periodText)")
        page.heading("\(input.provider.name) — close of \(periodText)", level: 1)
        page.paragraph("\(result.customers.count) customer(s)", className: "meta")
        var rows: [String] = []
        for customer in result.customers {
            let link = HTMLPage.escape(CloseReport.reportFile(customer.customer))
            var row = "<tr><td><a href=\"\(link)\">\(HTMLPage.escape(customer.name))</a></td>"
            for cell in [
                customer.plan?.rawValue ?? "–", customer.status.rawValue,
            ] {
                row += "<td>\(HTMLPage.escape(cell))</td>"
            }
            for cell in [
                customer.invoice?.total.amountText ?? "–",
                customer.serviceCredit?.credit.amount.amountText ?? "",
            ] {
                row += "<td class=\"num\">\(HTMLPage.escape(cell))</td>"
            }
            rows.append(row + "</tr>")
        }
        page.raw(
            "<table>\n<thead><tr><th>Customer</th><th>Plan</th><th>Status</th>"
                + "<th class=\"num\">Total</th><th class=\"num\">Credit</th></tr></thead>\n"
                + "<tbody>\n\(rows.joined(separator: "\n"))\n</tbody>\n</table>")
        return page.render()
    }
}
