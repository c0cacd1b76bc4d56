import MSPCore

// JSON shapes of MRR movements, block consumption, plan changes, re-rating diffs and quote
// options. Decoding re-validates each document's invariants.

extension MRRMovements.Movement: Codable {
    private enum CodingKeys: String, CodingKey { case customer, kind, amount }

    /// Decodes `{"customer": "acme", "kind": "expansion", "amount": {"amount": "50.00",
    /// "currency": "USD"}}` through ``init(customer:kind:amount:)``, so the sign must fit the
    /// kind.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let customer = try container.decode(CustomerID.self, forKey: .customer)
        let kind = try container.decode(MRRMovementKind.self, forKey: .kind)
        let amount = try container.decode(Money.self, forKey: .amount)
        self = try container.validated { () throws(BillingError) in
            try Self(customer: customer, kind: kind, amount: amount)
        }
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customer, forKey: .customer)
        try container.encode(kind, forKey: .kind)
        try container.encode(amount, forKey: .amount)
    }
}

extension MRRMovements: Codable {
    private enum CodingKeys: String, CodingKey { case movements, totals, netChange }

    /// Decodes `{"movements": [...Movement...], "totals": {"new": {...}, "expansion":
    /// {...}, "contraction": {...}, "churn": {...}, "reactivation": {...}}, "netChange":
    /// {...}}` and re-validates it: every amount in the net change's currency, movements in
    /// strictly increasing customer order, each kind's total the sum of its movements
    /// (every kind present), and the net change the sum of all movements.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let movements = try container.decode([Movement].self, forKey: .movements)
        let named = try container.decode([String: Money].self, forKey: .totals)
        let netChange = try container.decode(Money.self, forKey: .netChange)
        let currency = netChange.currency
        var totals: [MRRMovementKind: Money] = [:]
        try container.validated { () throws(BillingError) in
            for (index, movement) in movements.enumerated() {
                guard movement.amount.currency == currency else {
                    throw .currencyMismatch(
                        expected: currency, found: movement.amount.currency,
                        field: "movements[\(index)].amount")
                }
                if index > 0, !(movements[index - 1].customer < movement.customer) {
                    throw .inconsistent(
                        field: "movements[\(index)].customer", found: movement.customer.rawValue,
                        expected: "a customer after \(movements[index - 1].customer)")
                }
            }
            for name in named.keys where MRRMovementKind(rawValue: name) == nil {
                throw .inconsistent(
                    field: "totals", found: name, expected: "a movement kind")
            }
            for kind in MRRMovementKind.allCases {
                let sum = try exact { () throws(MoneyError) in
                    try Money.sum(
                        movements.lazy.filter { $0.kind == kind }.map(\.amount),
                        currency: currency)
                }
                let found = named[kind.rawValue]
                guard found == sum else {
                    throw .inconsistent(
                        field: "totals.\(kind.rawValue)", found: found?.description ?? "absent",
                        expected: sum.description)
                }
                totals[kind] = sum
            }
            let net = try exact { () throws(MoneyError) in
                try Money.sum(movements.lazy.map(\.amount), currency: currency)
            }
            guard net == netChange else {
                throw .inconsistent(
                    field: "netChange", found: netChange.description, expected: net.description)
            }
        }
        self.movements = movements
        self.totals = totals
        self.netChange = netChange
    }

    /// Encodes the shape above, with `totals` keyed by the kind's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(movements, forKey: .movements)
        var named: [String: Money] = [:]
        for (kind, amount) in totals { named[kind.rawValue] = amount }
        try container.encode(named, forKey: .totals)
        try container.encode(netChange, forKey: .netChange)
    }
}

extension BlockConsumption.Allocation: Codable {
    private enum CodingKeys: String, CodingKey { case draw, block, quantity }

    /// Decodes `{"draw": "t-1", "block": "q1", "quantity": 90}`; the quantity must be
    /// positive (an allocation takes something).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let quantity = try container.decode(Int64.self, forKey: .quantity)
        try container.validated { () throws(BillingError) in
            guard quantity > 0 else {
                throw .negativeQuantity(String(quantity), field: "quantity")
            }
        }
        self.init(
            draw: try container.decode(String.self, forKey: .draw),
            block: try container.decode(String.self, forKey: .block), quantity: quantity)
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(draw, forKey: .draw)
        try container.encode(block, forKey: .block)
        try container.encode(quantity, forKey: .quantity)
    }
}

extension BlockConsumption.Overage: Codable {
    private enum CodingKeys: String, CodingKey { case draw, quantity }

    /// Decodes `{"draw": "t-9", "quantity": 30}`; the quantity must be positive.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let quantity = try container.decode(Int64.self, forKey: .quantity)
        try container.validated { () throws(BillingError) in
            guard quantity > 0 else {
                throw .negativeQuantity(String(quantity), field: "quantity")
            }
        }
        self.init(draw: try container.decode(String.self, forKey: .draw), quantity: quantity)
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(draw, forKey: .draw)
        try container.encode(quantity, forKey: .quantity)
    }
}

extension BlockConsumption: Codable {
    private enum CodingKeys: String, CodingKey { case allocations, overage, remaining }

    /// Decodes `{"allocations": [...Allocation...], "overage": [...Overage...],
    /// "remaining": {"q1": 30, "q2": 600}}`: every remaining balance 0 or more, and every
    /// allocation naming a block in `remaining`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let allocations = try container.decode([Allocation].self, forKey: .allocations)
        let overage = try container.decode([Overage].self, forKey: .overage)
        let remaining = try container.decode([String: Int64].self, forKey: .remaining)
        try container.validated { () throws(BillingError) in
            for (block, balance) in remaining.sorted(by: { $0.key < $1.key }) where balance < 0 {
                throw .negativeQuantity(String(balance), field: "remaining[\(block)]")
            }
            for (index, allocation) in allocations.enumerated()
            where remaining[allocation.block] == nil {
                throw .inconsistent(
                    field: "allocations[\(index)].block", found: allocation.block,
                    expected: "a block listed in remaining")
            }
        }
        self.allocations = allocations
        self.overage = overage
        self.remaining = remaining
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(allocations, forKey: .allocations)
        try container.encode(overage, forKey: .overage)
        try container.encode(remaining, forKey: .remaining)
    }
}

extension PlanChange: Codable {
    private enum CodingKeys: String, CodingKey { case used, credit, charge, billed }

    /// Decodes `{"used": {...BilledCharge...}, "credit": {...InvoiceLine...}, "charge":
    /// {...InvoiceLine...}, "billed": {...BilledCharge...}}` and re-validates it: the credit
    /// is a `prorationCredit` line of zero or less, the charge a `prorationCharge` line
    /// equal to the newly billed amount, all in one currency, and the used coverage ends
    /// where the new one starts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let used = try container.decode(BilledCharge.self, forKey: .used)
        let credit = try container.decode(InvoiceLine.self, forKey: .credit)
        let charge = try container.decode(InvoiceLine.self, forKey: .charge)
        let billed = try container.decode(BilledCharge.self, forKey: .billed)
        try container.validated { () throws(BillingError) in
            let currency = used.amount.currency
            for (field, amount) in [
                ("credit", credit.amount), ("charge", charge.amount), ("billed", billed.amount),
            ] where amount.currency != currency {
                throw .currencyMismatch(expected: currency, found: amount.currency, field: field)
            }
            guard credit.kind == .prorationCredit, !credit.amount.isPositive else {
                throw .inconsistent(
                    field: "credit", found: "\(credit.kind.rawValue) \(credit.amount)",
                    expected: "a prorationCredit of zero or less")
            }
            guard charge.kind == .prorationCharge, charge.amount == billed.amount else {
                throw .inconsistent(
                    field: "charge", found: "\(charge.kind.rawValue) \(charge.amount)",
                    expected: "a prorationCharge of \(billed.amount)")
            }
            guard used.coverage.endMilliseconds == billed.coverage.startMilliseconds else {
                throw .inconsistent(
                    field: "billed.coverage", found: billed.coverage.description,
                    expected: "a coverage starting where used ends, \(used.coverage)")
            }
        }
        self.used = used
        self.credit = credit
        self.charge = charge
        self.billed = billed
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(used, forKey: .used)
        try container.encode(credit, forKey: .credit)
        try container.encode(charge, forKey: .charge)
        try container.encode(billed, forKey: .billed)
    }
}

extension RatingDiff: Codable {
    private enum CodingKeys: String, CodingKey { case lines, netChange }

    /// Decodes `{"lines": [...InvoiceLine...], "netChange": {...}}` and re-validates it:
    /// every line an `adjustment` in the net change's currency, and the net change their
    /// sum.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lines = try container.decode([InvoiceLine].self, forKey: .lines)
        let netChange = try container.decode(Money.self, forKey: .netChange)
        try container.validated { () throws(BillingError) in
            let currency = netChange.currency
            for (index, line) in lines.enumerated() {
                guard line.amount.currency == currency else {
                    throw .currencyMismatch(
                        expected: currency, found: line.amount.currency,
                        field: "lines[\(index)].amount")
                }
                guard line.kind == .adjustment else {
                    throw .inconsistent(
                        field: "lines[\(index)].kind", found: line.kind.rawValue,
                        expected: "adjustment")
                }
            }
            let sum = try exact { () throws(MoneyError) in
                try Money.sum(lines.lazy.map(\.amount), currency: currency)
            }
            guard sum == netChange else {
                throw .inconsistent(
                    field: "netChange", found: netChange.description, expected: sum.description)
            }
        }
        self.lines = lines
        self.netChange = netChange
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lines, forKey: .lines)
        try container.encode(netChange, forKey: .netChange)
    }
}

extension QuoteOption: Codable {
    private enum CodingKeys: String, CodingKey { case plan, name, invoice }

    /// Decodes `{"plan": "gold", "name": "Gold", "invoice": {...Invoice...}}`; the invoice
    /// must be for `plan`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let plan = try container.decode(PricePlanID.self, forKey: .plan)
        let invoice = try container.decode(Invoice.self, forKey: .invoice)
        try container.validated { () throws(BillingError) in
            guard invoice.plan == plan else {
                throw .inconsistent(
                    field: "invoice", found: invoice.plan.rawValue, expected: plan.rawValue)
            }
        }
        self.plan = plan
        self.name = try container.decode(String.self, forKey: .name)
        self.invoice = invoice
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plan, forKey: .plan)
        try container.encode(name, forKey: .name)
        try container.encode(invoice, forKey: .invoice)
    }
}
