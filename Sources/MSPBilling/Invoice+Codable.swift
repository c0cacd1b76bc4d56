import MSPCore

// JSON shapes of invoices and their parts. Money is MSPCore's `{"amount": "12.50",
// "currency": "USD"}` (the amount a string), ratios are strings (`"17/31"`, `"40"`),
// percentages strings (`"7.5%"`), rounding rules their names (`"halfUp"`). Decoding
// re-validates; a broken rule is `DecodingError.dataCorrupted` carrying the `BillingError`.

extension QuantitySource: Codable {
    private enum CodingKeys: String, CodingKey { case records, count, unitDays, unitSeconds }

    /// Decodes `{"records": 3, "count": 40, "unitDays": 0, "unitSeconds": 0}`; every field
    /// must be 0 or more (absent fields are 0).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let records = try container.decodeIfPresent(Int.self, forKey: .records) ?? 0
        let count = try container.decodeIfPresent(Int64.self, forKey: .count) ?? 0
        let unitDays = try container.decodeIfPresent(Int64.self, forKey: .unitDays) ?? 0
        let unitSeconds = try container.decodeIfPresent(Int64.self, forKey: .unitSeconds) ?? 0
        try container.validated { () throws(BillingError) in
            for (field, value) in [
                ("records", Int64(records)), ("count", count), ("unitDays", unitDays),
                ("unitSeconds", unitSeconds),
            ] where value < 0 {
                throw .negativeQuantity(String(value), field: field)
            }
        }
        self.init(records: records, count: count, unitDays: unitDays, unitSeconds: unitSeconds)
    }

    /// Encodes all four fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(records, forKey: .records)
        try container.encode(count, forKey: .count)
        try container.encode(unitDays, forKey: .unitDays)
        try container.encode(unitSeconds, forKey: .unitSeconds)
    }
}

extension TierCharge: Codable {
    private enum CodingKeys: String, CodingKey {
        case band, quantity, unitPrice, flatPrice, exactMinorUnits
    }

    /// Decodes `{"band": 0, "quantity": "250", "unitPrice": {"amount": "5.000000",
    /// "currency": "USD"}, "flatPrice": {...}, "exactMinorUnits": "125000"}`: a band of 0 or
    /// more, a quantity of 0 or more, both prices in one currency.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let band = try container.decode(Int.self, forKey: .band)
        let quantity = try container.decode(Rational.self, forKey: .quantity)
        let unitPrice = try container.decode(PreciseMoney.self, forKey: .unitPrice)
        let flatPrice = try container.decode(PreciseMoney.self, forKey: .flatPrice)
        let exactMinorUnits = try container.decode(Rational.self, forKey: .exactMinorUnits)
        try container.validated { () throws(BillingError) in
            guard band >= 0 else { throw .negativeQuantity(String(band), field: "band") }
            guard !quantity.isNegative else {
                throw .negativeQuantity(quantity.description, field: "quantity")
            }
            guard flatPrice.currency == unitPrice.currency else {
                throw .currencyMismatch(
                    expected: unitPrice.currency, found: flatPrice.currency, field: "flatPrice")
            }
        }
        self.init(
            band: band, quantity: quantity, unitPrice: unitPrice, flatPrice: flatPrice,
            exactMinorUnits: exactMinorUnits)
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(band, forKey: .band)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(unitPrice, forKey: .unitPrice)
        try container.encode(flatPrice, forKey: .flatPrice)
        try container.encode(exactMinorUnits, forKey: .exactMinorUnits)
    }
}

extension PricedAmount: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount, exactMinorUnits, rounding, quantity, tiers, note
    }

    /// Decodes `{"amount": {...}, "exactMinorUnits": "12500", "rounding": "halfUp",
    /// "quantity": "40", "tiers": [...], "note": "…"}` (`tiers` and `note` optional): a
    /// quantity of 0 or more and every band's prices in the amount's currency.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(Money.self, forKey: .amount)
        let quantity = try container.decode(Rational.self, forKey: .quantity)
        let tiers = try container.decodeIfPresent([TierCharge].self, forKey: .tiers) ?? []
        try container.validated { () throws(BillingError) in
            try checkParts(quantity: quantity, tiers: tiers, currency: amount.currency)
        }
        self.init(
            amount: amount,
            exactMinorUnits: try container.decode(Rational.self, forKey: .exactMinorUnits),
            rounding: try container.decode(RoundingRule.self, forKey: .rounding),
            quantity: quantity, tiers: tiers,
            note: try container.decodeIfPresent(String.self, forKey: .note))
    }

    /// Encodes the shape above; `note` only when present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount, forKey: .amount)
        try container.encode(exactMinorUnits, forKey: .exactMinorUnits)
        try container.encode(rounding, forKey: .rounding)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(tiers, forKey: .tiers)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// A quantity of 0 or more and band prices in `currency`.
private func checkParts(quantity: Rational, tiers: [TierCharge], currency: Currency)
    throws(BillingError)
{
    guard !quantity.isNegative else {
        throw .negativeQuantity(quantity.description, field: "quantity")
    }
    for (index, tier) in tiers.enumerated() where tier.unitPrice.currency != currency {
        throw .currencyMismatch(
            expected: currency, found: tier.unitPrice.currency, field: "tiers[\(index)].unitPrice"
        )
    }
}

extension InvoiceLine: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, description, component, category, model, quantity, source, tiers
        case prorationFraction, exactMinorUnits, rounding, note, amount
    }

    /// Decodes
    /// `{"kind": "charge", "description": "Servers", "component": "Servers",
    /// "category": "server", "model": "per-unit", "quantity": "3", "source": {...},
    /// "tiers": [], "prorationFraction": "1", "exactMinorUnits": "30000",
    /// "rounding": "halfUp", "note": "…", "amount": {"amount": "300.00", "currency": "USD"}}`.
    ///
    /// `component`, `source`, `exactMinorUnits`, `rounding` and `note` are left out when
    /// absent; `quantity` and `prorationFraction` default to `"1"` and `tiers` to `[]`.
    /// Re-validated: the quantity is 0 or more, the fraction in 0...1, band prices in the
    /// amount's currency.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let amount = try container.decode(Money.self, forKey: .amount)
        let quantity = try container.decodeIfPresent(Rational.self, forKey: .quantity) ?? .one
        let tiers = try container.decodeIfPresent([TierCharge].self, forKey: .tiers) ?? []
        let fraction =
            try container.decodeIfPresent(Rational.self, forKey: .prorationFraction) ?? .one
        try container.validated { () throws(BillingError) in
            try checkParts(quantity: quantity, tiers: tiers, currency: amount.currency)
            guard !fraction.isNegative, fraction <= .one else {
                throw .invalidFraction(fraction, field: "prorationFraction")
            }
        }
        self.init(
            kind: try container.decode(Kind.self, forKey: .kind),
            description: try container.decode(String.self, forKey: .description),
            component: try container.decodeIfPresent(String.self, forKey: .component),
            category: try container.decode(BillableCategory.self, forKey: .category),
            model: try container.decode(String.self, forKey: .model), quantity: quantity,
            source: try container.decodeIfPresent(QuantitySource.self, forKey: .source),
            tiers: tiers, prorationFraction: fraction,
            exactMinorUnits: try container.decodeIfPresent(
                Rational.self, forKey: .exactMinorUnits),
            rounding: try container.decodeIfPresent(RoundingRule.self, forKey: .rounding),
            note: try container.decodeIfPresent(String.self, forKey: .note), amount: amount)
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(description, forKey: .description)
        try container.encodeIfPresent(component, forKey: .component)
        try container.encode(category, forKey: .category)
        try container.encode(model, forKey: .model)
        try container.encode(quantity, forKey: .quantity)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encode(tiers, forKey: .tiers)
        try container.encode(prorationFraction, forKey: .prorationFraction)
        try container.encodeIfPresent(exactMinorUnits, forKey: .exactMinorUnits)
        try container.encodeIfPresent(rounding, forKey: .rounding)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(amount, forKey: .amount)
    }
}

extension TaxLine: Codable {
    private enum CodingKeys: String, CodingKey { case rate, taxableAmount, amount }

    /// Decodes `{"rate": "7.5%", "taxableAmount": {...}, "amount": {...}}`; both amounts
    /// must be in one currency.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let taxable = try container.decode(Money.self, forKey: .taxableAmount)
        let amount = try container.decode(Money.self, forKey: .amount)
        try container.validated { () throws(BillingError) in
            guard amount.currency == taxable.currency else {
                throw .currencyMismatch(
                    expected: taxable.currency, found: amount.currency, field: "amount")
            }
        }
        self.init(
            rate: try container.decode(Percentage.self, forKey: .rate), taxableAmount: taxable,
            amount: amount)
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rate, forKey: .rate)
        try container.encode(taxableAmount, forKey: .taxableAmount)
        try container.encode(amount, forKey: .amount)
    }
}

extension Invoice: Codable {
    private enum CodingKeys: String, CodingKey {
        case key, kind, customer, plan, period, currency, lines, taxes, subtotal
        case discountTotal, taxTotal, total
    }

    /// Decodes
    /// `{"key": "acme/gold/2026-01-01/2026-02-01", "kind": "invoice", "customer": "acme",
    /// "plan": "gold", "period": {...BillingPeriod...}, "currency": "USD",
    /// "lines": [...InvoiceLine...], "taxes": [...TaxLine...], "subtotal": {...},
    /// "discountTotal": {...}, "taxTotal": {...}, "total": {...}}`
    /// and re-validates every invariant: each amount in `currency`, the key made from
    /// customer, plan and period, `subtotal` the sum of the lines, `discountTotal` the sum
    /// of the discount lines, `taxTotal` the sum of the taxes, `total` their sum, and `kind`
    /// `creditNote` exactly when the total is negative. A mismatch is
    /// ``BillingError/inconsistent(field:found:expected:)`` (or `currencyMismatch`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = try container.decode(InvoiceKey.self, forKey: .key)
        let kind = try container.decode(Kind.self, forKey: .kind)
        let customer = try container.decode(CustomerID.self, forKey: .customer)
        let plan = try container.decode(PricePlanID.self, forKey: .plan)
        let period = try container.decode(BillingPeriod.self, forKey: .period)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let lines = try container.decode([InvoiceLine].self, forKey: .lines)
        let taxes = try container.decode([TaxLine].self, forKey: .taxes)
        let subtotal = try container.decode(Money.self, forKey: .subtotal)
        let discountTotal = try container.decode(Money.self, forKey: .discountTotal)
        let taxTotal = try container.decode(Money.self, forKey: .taxTotal)
        let total = try container.decode(Money.self, forKey: .total)
        try container.validated { () throws(BillingError) in
            for (index, line) in lines.enumerated() where line.amount.currency != currency {
                throw .currencyMismatch(
                    expected: currency, found: line.amount.currency,
                    field: "lines[\(index)].amount")
            }
            for (index, tax) in taxes.enumerated() where tax.amount.currency != currency {
                throw .currencyMismatch(
                    expected: currency, found: tax.amount.currency,
                    field: "taxes[\(index)].amount")
            }
            let expectedKey = InvoiceKey(customer: customer, plan: plan, period: period)
            guard key == expectedKey else {
                throw .inconsistent(
                    field: "key", found: key.rawValue, expected: expectedKey.rawValue)
            }
            func check(_ found: Money, _ parts: some Sequence<Money>, field: String)
                throws(BillingError)
            {
                let sum = try exact { () throws(MoneyError) in
                    try Money.sum(parts, currency: currency)
                }
                guard found == sum else {
                    throw .inconsistent(
                        field: field, found: found.description, expected: sum.description)
                }
            }
            try check(subtotal, lines.lazy.map(\.amount), field: "subtotal")
            try check(
                discountTotal, lines.lazy.filter { $0.kind == .discount }.map(\.amount),
                field: "discountTotal")
            try check(taxTotal, taxes.lazy.map(\.amount), field: "taxTotal")
            try check(total, [subtotal, taxTotal], field: "total")
            let expectedKind: Kind = total.isNegative ? .creditNote : .invoice
            guard kind == expectedKind else {
                throw .inconsistent(
                    field: "kind", found: kind.rawValue, expected: expectedKind.rawValue)
            }
        }
        self.key = key
        self.kind = kind
        self.customer = customer
        self.plan = plan
        self.period = period
        self.currency = currency
        self.lines = lines
        self.taxes = taxes
        self.subtotal = subtotal
        self.discountTotal = discountTotal
        self.taxTotal = taxTotal
        self.total = total
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(kind, forKey: .kind)
        try container.encode(customer, forKey: .customer)
        try container.encode(plan, forKey: .plan)
        try container.encode(period, forKey: .period)
        try container.encode(currency, forKey: .currency)
        try container.encode(lines, forKey: .lines)
        try container.encode(taxes, forKey: .taxes)
        try container.encode(subtotal, forKey: .subtotal)
        try container.encode(discountTotal, forKey: .discountTotal)
        try container.encode(taxTotal, forKey: .taxTotal)
        try container.encode(total, forKey: .total)
    }
}
