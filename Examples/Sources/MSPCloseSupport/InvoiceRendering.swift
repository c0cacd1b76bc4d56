import MSPBilling
import MSPCore

/// Invoices as terminal tables, CSV rows and HTML tables, amounts always from `Money`.
package enum InvoiceRendering {
    /// The CSV header of ``csvRows(_:customerName:)``.
    package static let csvHeader = [
        "customer", "customer_name", "invoice", "period_start", "period_end", "line",
        "kind", "description", "component", "category", "model", "quantity",
        "proration_fraction", "note", "amount", "currency",
    ]

    /// One CSV row per invoice line, then one per tax line (kind `tax`).
    package static func csvRows(_ invoice: Invoice, customerName: String) -> [[String]] {
        let start = invoice.period.startDate.description
        let end = invoice.period.endDate.description
        var rows: [[String]] = []
        for (index, line) in invoice.lines.enumerated() {
            rows.append([
                invoice.customer.rawValue, customerName, invoice.key.rawValue, start, end,
                String(index + 1), line.kind.rawValue, line.description, line.component ?? "",
                line.category.rawValue, line.model, line.quantity.description,
                line.prorationFraction.description, line.note ?? "", line.amount.amountText,
                line.amount.currency.code,
            ])
        }
        for (index, tax) in invoice.taxes.enumerated() {
            rows.append([
                invoice.customer.rawValue, customerName, invoice.key.rawValue, start, end,
                String(invoice.lines.count + index + 1), "tax",
                "Tax \(tax.rate) on \(tax.taxableAmount.amountText)", "", "", "tax",
                tax.rate.fraction.description, "1", "", tax.amount.amountText,
                tax.amount.currency.code,
            ])
        }
        return rows
    }

    /// The invoice as a terminal table: one row per line, then subtotal, discounts, taxes
    /// and total.
    package static func table(_ invoice: Invoice) -> TextTable {
        var table = TextTable([
            .init("Line"), .init("Kind"), .init("Quantity", .right),
            .init("Amount", .right),
        ])
        for line in invoice.lines {
            table.append([
                line.description, line.kind.rawValue, quantityText(line),
                line.amount.amountText,
            ])
        }
        table.footer = totals(invoice).map { [$0.0, "", "", $0.1] }
        return table
    }

    /// The invoice as an HTML table on `page`.
    package static func html(_ invoice: Invoice, on page: inout HTMLPage) {
        page.table(
            header: ["Line", "Kind", "Note", "Quantity", "Amount"],
            rows: invoice.lines.map {
                [
                    $0.description, $0.kind.rawValue, $0.note ?? "", quantityText($0),
                    $0.amount.amountText,
                ]
            },
            footer: totals(invoice).map { [$0.0, "", "", "", $0.1] }, numeric: [3, 4])
    }

    /// `(label, amount)` rows under the lines: subtotal, discounts, each tax, total.
    package static func totals(_ invoice: Invoice) -> [(String, String)] {
        var rows = [("Subtotal", invoice.subtotal.amountText)]
        if !invoice.discountTotal.isZero {
            rows.append(("Discounts", invoice.discountTotal.amountText))
        }
        for tax in invoice.taxes {
            rows.append(("Tax \(tax.rate)", tax.amount.amountText))
        }
        rows.append(("Total \(invoice.currency.code)", invoice.total.amountText))
        return rows
    }

    /// The group a line is charted in: recurring charges, block-hour overage, labour,
    /// materials, pass-through, discounts, SLA credits, other adjustments, true-up.
    package static func group(of line: InvoiceLine) -> String {
        switch line.kind {
        case .charge: line.model == "prepaid-overage" ? "Block-hour overage" : "Recurring"
        case .labour: "Labour"
        case .material: "Materials"
        case .passThrough: "Pass-through"
        case .discount: "Discounts"
        case .minimumTrueUp: "Minimum true-up"
        case .adjustment: line.model == "sla-credit" ? "SLA credits" : "Adjustments"
        case .prorationCharge, .prorationCredit: "Proration"
        }
    }

    /// The line's quantity as exact text; whole numbers bare, fractions as decimals when
    /// they terminate (`12.5`), else as `p/q`.
    package static func quantityText(_ line: InvoiceLine) -> String {
        quantityText(line.quantity)
    }

    /// A quantity as people read it: exact when it has at most four decimals (`2`, `247.5`),
    /// otherwise rounded half-even to two decimals and marked `≈` (`123.561675` is
    /// `≈123.56`, `537/31` is `≈17.32`). The exact value stays in the JSON and CSV.
    package static func quantityText(_ quantity: Rational) -> String {
        if let scale = quantity.decimalScale, scale <= 4 { return quantity.description }
        guard let hundredths = try? (quantity * Rational(100)).rounded(.halfEven) else {
            return quantity.description
        }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let cents = magnitude % 100
        return "≈\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
