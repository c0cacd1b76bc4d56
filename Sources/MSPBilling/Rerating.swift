import MSPCore

/// The repair lines that turn an issued invoice into a corrected one: re-rating as a diff.
///
/// Rate the period again with corrected inputs, then diff: lines are matched by kind,
/// component (or description) and category, amounts summed per match; every non-zero
/// difference becomes one ``InvoiceLine/Kind-swift.enum/adjustment`` line (a credit when
/// negative). The repair lines always sum exactly to the corrected subtotal minus the issued
/// subtotal, and an unchanged re-rating gives no lines.
///
/// Worked example: 40 workstations at 25.00 were invoiced (1,000.00); the inventory is
/// corrected to 38. Re-rated: 950.00. Repair: one line of −50.00 "Workstations".
public struct RatingDiff: Sendable, Hashable {
    /// The repair lines, in the corrected invoice's line order, then lines only the issued
    /// invoice had.
    public var lines: [InvoiceLine]
    /// The sum of ``lines``: corrected subtotal − issued subtotal.
    public var netChange: Money

    /// Diffs a corrected invoice against the issued one.
    ///
    /// - Throws: ``BillingError`` `customerMismatch`, `periodMismatch` or
    ///   `currencyMismatch` when the two invoices are not for the same customer, period and
    ///   currency; `arithmetic` on overflow.
    public init(issued: Invoice, corrected: Invoice) throws(BillingError) {
        guard issued.customer == corrected.customer else {
            throw .customerMismatch(
                expected: issued.customer, found: corrected.customer, field: "corrected.customer")
        }
        guard issued.period.range == corrected.period.range else {
            throw .periodMismatch(
                corrected.period, expected: issued.period, field: "corrected.period")
        }
        guard issued.currency == corrected.currency else {
            throw .currencyMismatch(
                expected: issued.currency, found: corrected.currency, field: "corrected.currency")
        }
        let currency = issued.currency
        var order: [LineKey] = []
        var samples: [LineKey: InvoiceLine] = [:]
        var deltas: [LineKey: Int64] = [:]
        func add(_ line: InvoiceLine, sign: Int64) throws(BillingError) {
            let key = LineKey(
                kind: line.kind, name: line.component ?? line.description, category: line.category)
            if samples[key] == nil {
                order.append(key)
                samples[key] = line
            }
            let current = deltas[key] ?? 0
            let (value, overflow) =
                sign > 0
                ? current.addingReportingOverflow(line.amount.minorUnits)
                : current.subtractingReportingOverflow(line.amount.minorUnits)
            guard !overflow else {
                throw .arithmetic(
                    .overflow(
                        operation: "re-rate",
                        operands: "\(key.kind.rawValue)|\(key.name)|\(key.category)"))
            }
            deltas[key] = value
        }
        for line in corrected.lines { try add(line, sign: 1) }
        for line in issued.lines { try add(line, sign: -1) }
        var lines: [InvoiceLine] = []
        for key in order {
            guard let delta = deltas[key], delta != 0, let sample = samples[key] else { continue }
            lines.append(
                InvoiceLine(
                    kind: .adjustment, description: sample.description,
                    component: sample.component, category: sample.category, model: sample.model,
                    note: "re-rating \(sample.kind.rawValue) \(issued.key)",
                    amount: Money(minorUnits: delta, currency: currency)))
        }
        self.lines = lines
        self.netChange = try exact { () throws(MoneyError) in
            try Money.sum(lines.map(\.amount), currency: currency)
        }
    }
}

/// What matches a corrected line with an issued one: its kind, its component (or
/// description) and its category. The category compares by bytes, as identifiers do; a
/// text key joining the three could make two different lines one (`"x|y"` + `"z"` and
/// `"x"` + `"y|z"`).
private struct LineKey: Hashable {
    var kind: InvoiceLine.Kind
    var name: String
    var category: BillableCategory
}
