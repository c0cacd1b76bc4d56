import MSPCore

extension Agreement: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, customer, type, startDate, initialTermMonths, renewal, noticePeriod
        case minimumTermMonths, timeZone, pricePlans, slaPolicies, escalation
    }

    /// Decodes the agreement's JSON object and re-validates every rule of
    /// ``init(id:customer:type:startDate:initialTermMonths:renewal:noticePeriod:minimumTermMonths:timeZoneIdentifier:pricePlans:slaPolicies:escalation:)``.
    ///
    /// ```json
    /// {"id": "AGR-1", "customer": "ACME", "type": "fullyManaged",
    ///  "startDate": "2025-03-15", "initialTermMonths": 36,
    ///  "renewal": {"kind": "tacit", "termMonths": 12},
    ///  "noticePeriod": {"amount": 3, "unit": "months", "counting": "includingReceiptDay"},
    ///  "minimumTermMonths": 24, "timeZone": "Europe/Berlin",
    ///  "pricePlans": [{"effective": "2025-03-15", "value": "gold"}],
    ///  "slaPolicies": [{"effective": "2025-03-15", "value": "sla-8x5"}],
    ///  "escalation": {"method": "fixed", "percentage": "3", "compounding": true,
    ///                 "rounding": "halfEven"}}
    /// ```
    ///
    /// `escalation` is absent for an agreement whose prices do not escalate.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: container.decode(AgreementID.self, forKey: .id),
            customer: container.decode(CustomerID.self, forKey: .customer),
            type: container.decode(AgreementType.self, forKey: .type),
            startDate: container.decode(LocalDate.self, forKey: .startDate),
            initialTermMonths: container.decode(Int.self, forKey: .initialTermMonths),
            renewal: container.decode(RenewalPolicy.self, forKey: .renewal),
            noticePeriod: container.decode(NoticePeriod.self, forKey: .noticePeriod),
            minimumTermMonths: container.decode(Int.self, forKey: .minimumTermMonths),
            timeZoneIdentifier: container.decode(String.self, forKey: .timeZone),
            pricePlans: container.decode(DatedAssignments<PricePlanID>.self, forKey: .pricePlans),
            slaPolicies: container.decode(
                DatedAssignments<SLAPolicyID>.self, forKey: .slaPolicies),
            escalation: container.decodeIfPresent(PriceEscalation.self, forKey: .escalation))
    }

    /// Encodes the JSON object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(customer, forKey: .customer)
        try container.encode(type, forKey: .type)
        try container.encode(startDate, forKey: .startDate)
        try container.encode(initialTermMonths, forKey: .initialTermMonths)
        try container.encode(renewal, forKey: .renewal)
        try container.encode(noticePeriod, forKey: .noticePeriod)
        try container.encode(minimumTermMonths, forKey: .minimumTermMonths)
        try container.encode(timeZoneIdentifier, forKey: .timeZone)
        try container.encode(pricePlans, forKey: .pricePlans)
        try container.encode(slaPolicies, forKey: .slaPolicies)
        try container.encodeIfPresent(escalation, forKey: .escalation)
    }
}

extension PriceEscalation: Codable {
    private enum CodingKeys: String, CodingKey {
        case method, percentage, series, referenceLagMonths, baseMonth
        case cap, floor, compounding, rounding
    }

    /// Decodes and re-validates the escalation rule.
    ///
    /// ```json
    /// {"method": "fixed", "percentage": "3", "compounding": true, "rounding": "halfEven"}
    /// {"method": "indexed", "series": "CPI-U", "referenceLagMonths": 2,
    ///  "baseMonth": "2025-01", "cap": "5", "floor": "0", "compounding": true,
    ///  "rounding": "halfEven"}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let method: Method
        switch try container.decode(String.self, forKey: .method) {
        case "fixed":
            method = .fixed(try container.decode(Percentage.self, forKey: .percentage))
        case "indexed":
            method = .indexed(
                try IndexedRate(
                    series: container.decode(String.self, forKey: .series),
                    referenceLagMonths: container.decode(Int.self, forKey: .referenceLagMonths),
                    baseMonth: container.decode(IndexMonth.self, forKey: .baseMonth)))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .method, in: container,
                debugDescription: "escalation method \"\(other)\" is not fixed or indexed")
        }
        try self.init(
            method: method, cap: container.decodeIfPresent(Percentage.self, forKey: .cap),
            floor: container.decodeIfPresent(Percentage.self, forKey: .floor),
            compounding: container.decode(Bool.self, forKey: .compounding),
            rounding: container.decode(RoundingRule.self, forKey: .rounding))
    }

    /// Encodes the JSON object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch method {
        case .fixed(let percentage):
            try container.encode("fixed", forKey: .method)
            try container.encode(percentage, forKey: .percentage)
        case .indexed(let rate):
            try container.encode("indexed", forKey: .method)
            try container.encode(rate.series, forKey: .series)
            try container.encode(rate.referenceLagMonths, forKey: .referenceLagMonths)
            try container.encode(rate.baseMonth, forKey: .baseMonth)
        }
        try container.encodeIfPresent(cap, forKey: .cap)
        try container.encodeIfPresent(floor, forKey: .floor)
        try container.encode(compounding, forKey: .compounding)
        try container.encode(rounding, forKey: .rounding)
    }
}

extension IndexMonth: Codable {
    /// Decodes the string `"YYYY-MM"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = try IndexMonth.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a month YYYY-MM")
        }
        self = month
    }

    /// Encodes the string `"YYYY-MM"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension AgreementEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case date, kind, party, reason
    }

    /// Decodes `{"date": "2027-12-16", "kind": "noticeGiven", "party": "customer"}`; `kind`
    /// is `signed`, `noticeGiven` (with `party`), `renewed`, `terminated` (with `reason`:
    /// `convenience` or `cause`) or `cancelled`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let date = try container.decode(LocalDate.self, forKey: .date)
        let kind: Kind
        switch try container.decode(String.self, forKey: .kind) {
        case "signed": kind = .signed
        case "noticeGiven":
            kind = .noticeGiven(by: try container.decode(Party.self, forKey: .party))
        case "renewed": kind = .renewed
        case "terminated":
            kind = .terminated(try container.decode(TerminationReason.self, forKey: .reason))
        case "cancelled": kind = .cancelled
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown event kind \"\(other)\"")
        }
        self.init(kind, on: date)
    }

    /// Encodes the JSON object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        switch kind {
        case .signed: try container.encode("signed", forKey: .kind)
        case .noticeGiven(let party):
            try container.encode("noticeGiven", forKey: .kind)
            try container.encode(party, forKey: .party)
        case .renewed: try container.encode("renewed", forKey: .kind)
        case .terminated(let reason):
            try container.encode("terminated", forKey: .kind)
            try container.encode(reason, forKey: .reason)
        case .cancelled: try container.encode("cancelled", forKey: .kind)
        }
    }
}

extension Amendment: Codable {
    private enum CodingKeys: String, CodingKey {
        case effective, kind, pricePlan, slaPolicy, category, quantity, rate
    }

    /// Decodes and re-validates an amendment:
    ///
    /// ```json
    /// {"effective": "2026-04-20", "kind": "pricePlan", "pricePlan": "platinum"}
    /// {"effective": "2026-05-01", "kind": "slaPolicy", "slaPolicy": "sla-24x7"}
    /// {"effective": "2026-05-01", "kind": "quantityCommitment", "category": "server",
    ///  "quantity": 10}
    /// {"effective": "2026-05-01", "kind": "rateOverride", "category": "workstation",
    ///  "rate": {"amount": "45.00", "currency": "USD"}}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let change: Change
        switch try container.decode(String.self, forKey: .kind) {
        case "pricePlan":
            change = .pricePlan(try container.decode(PricePlanID.self, forKey: .pricePlan))
        case "slaPolicy":
            change = .slaPolicy(try container.decode(SLAPolicyID.self, forKey: .slaPolicy))
        case "quantityCommitment":
            change = .quantityCommitment(
                try container.decode(BillableCategory.self, forKey: .category),
                quantity: try container.decode(Int64.self, forKey: .quantity))
        case "rateOverride":
            change = .rateOverride(
                try container.decode(BillableCategory.self, forKey: .category),
                rate: try container.decode(Money.self, forKey: .rate))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown amendment kind \"\(other)\"")
        }
        try self.init(change, effective: container.decode(LocalDate.self, forKey: .effective))
    }

    /// Encodes the JSON object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(effectiveDate, forKey: .effective)
        switch change {
        case .pricePlan(let id):
            try container.encode("pricePlan", forKey: .kind)
            try container.encode(id, forKey: .pricePlan)
        case .slaPolicy(let id):
            try container.encode("slaPolicy", forKey: .kind)
            try container.encode(id, forKey: .slaPolicy)
        case .quantityCommitment(let category, let quantity):
            try container.encode("quantityCommitment", forKey: .kind)
            try container.encode(category, forKey: .category)
            try container.encode(quantity, forKey: .quantity)
        case .rateOverride(let category, let rate):
            try container.encode("rateOverride", forKey: .kind)
            try container.encode(category, forKey: .category)
            try container.encode(rate, forKey: .rate)
        }
    }
}
