import Foundation
import MSPCore

// JSON shapes of rating inputs: time entries, materials, the time-and-materials price
// list, prepaid blocks and draws, discounts and tax policies. Each decodes through its
// validating initialiser; a `BillingError` becomes `DecodingError.dataCorrupted` at the
// field it names, with the error as `underlyingError`.

extension TimeEntry: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, customer, role, workType, range, status
    }

    /// Decodes `{"id": "t-1", "customer": "acme", "role": "engineer", "workType": "remote",
    /// "range": {"start": "2026-01-05T16:40:00.000Z", "end": "2026-01-05T17:20:00.000Z"},
    /// "status": "billable"}` (`status` defaults to `billable`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let customer = try container.decode(CustomerID.self, forKey: .customer)
        let role = try container.decode(String.self, forKey: .role)
        let workType = try container.decode(String.self, forKey: .workType)
        let range = try container.decode(DateRange.self, forKey: .range)
        let status = try container.decodeIfPresent(Status.self, forKey: .status) ?? .billable
        self = try container.validated { () throws(BillingError) in
            try TimeEntry(
                id: id, customer: customer, role: role, workType: workType, start: range.start,
                end: range.end, status: status)
        }
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(customer, forKey: .customer)
        try container.encode(role, forKey: .role)
        try container.encode(workType, forKey: .workType)
        try container.encode(range, forKey: .range)
        try container.encode(status, forKey: .status)
    }
}

extension MaterialCharge: Codable {
    private enum CodingKeys: String, CodingKey { case description, unitCost, quantity, markup }

    /// Decodes `{"description": "SSD 1 TB", "unitCost": {"amount": "80.00", "currency":
    /// "USD"}, "quantity": 2, "markup": "25%"}` through the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let description = try container.decode(String.self, forKey: .description)
        let unitCost = try container.decode(Money.self, forKey: .unitCost)
        let quantity = try container.decode(Int64.self, forKey: .quantity)
        let markup = try container.decode(Percentage.self, forKey: .markup)
        self = try container.validated { () throws(BillingError) in
            try MaterialCharge(
                description: description, unitCost: unitCost, quantity: quantity, markup: markup)
        }
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(description, forKey: .description)
        try container.encode(unitCost, forKey: .unitCost)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(markup, forKey: .markup)
    }
}

extension TimeAndMaterials: Codable {
    private enum CodingKeys: String, CodingKey {
        case rates, incrementMinutes, minimumMinutes, afterHoursMultiplier, holidayMultiplier
        case roundingOrder, labourCategory, materialCategory, rounding
    }

    /// Decodes `{"rates": [{"role": "engineer", "workType": "remote", "hourly":
    /// {"amount": "120.000000", "currency": "USD"}}], "incrementMinutes": 15,
    /// "minimumMinutes": 60, "afterHoursMultiplier": "3/2", "holidayMultiplier": "2",
    /// "roundingOrder": "beforeMultiplier", "labourCategory": "labour", "materialCategory":
    /// "materials", "rounding": "halfUp"}` through the validating initialiser. Absent
    /// optional fields take the initialiser's defaults (15, 0, `"1"`, no holiday multiplier
    /// — holiday time billed as after hours —, `beforeMultiplier`, `halfUp`), so JSON
    /// written before `holidayMultiplier` existed keeps its meaning.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rates = try container.decode([Rate].self, forKey: .rates)
        let increment = try container.decodeIfPresent(Int64.self, forKey: .incrementMinutes) ?? 15
        let minimum = try container.decodeIfPresent(Int64.self, forKey: .minimumMinutes) ?? 0
        let multiplier =
            try container.decodeIfPresent(Rational.self, forKey: .afterHoursMultiplier) ?? .one
        let holiday = try container.decodeIfPresent(Rational.self, forKey: .holidayMultiplier)
        let order =
            try container.decodeIfPresent(RoundingOrder.self, forKey: .roundingOrder)
            ?? .beforeMultiplier
        let labour = try container.decode(BillableCategory.self, forKey: .labourCategory)
        let material = try container.decode(BillableCategory.self, forKey: .materialCategory)
        let rounding =
            try container.decodeIfPresent(RoundingRule.self, forKey: .rounding) ?? .halfUp
        self = try container.validated { () throws(BillingError) in
            try TimeAndMaterials(
                rates: rates, incrementMinutes: increment, minimumMinutes: minimum,
                afterHoursMultiplier: multiplier, holidayMultiplier: holiday,
                roundingOrder: order, labourCategory: labour, materialCategory: material,
                rounding: rounding)
        }
    }

    /// Encodes the shape above, every field written except `holidayMultiplier` when it is
    /// `nil`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rates, forKey: .rates)
        try container.encode(incrementMinutes, forKey: .incrementMinutes)
        try container.encode(minimumMinutes, forKey: .minimumMinutes)
        try container.encode(afterHoursMultiplier, forKey: .afterHoursMultiplier)
        try container.encodeIfPresent(holidayMultiplier, forKey: .holidayMultiplier)
        try container.encode(roundingOrder, forKey: .roundingOrder)
        try container.encode(labourCategory, forKey: .labourCategory)
        try container.encode(materialCategory, forKey: .materialCategory)
        try container.encode(rounding, forKey: .rounding)
    }
}

extension PrepaidBlock: Codable {
    private enum CodingKeys: String, CodingKey { case id, kind, quantity, validity }

    /// Decodes `{"id": "q1", "kind": "hours", "quantity": 600, "validity": {"start": "…",
    /// "end": "…"}}` (quantity in base units: minutes, minor units or incidents) through
    /// the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let kind = try container.decode(Kind.self, forKey: .kind)
        let quantity = try container.decode(Int64.self, forKey: .quantity)
        let validity = try container.decode(DateRange.self, forKey: .validity)
        self = try container.validated { () throws(BillingError) in
            try PrepaidBlock(id: id, kind: kind, quantity: quantity, validity: validity)
        }
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(validity, forKey: .validity)
    }
}

extension BlockDraw: Codable {
    private enum CodingKeys: String, CodingKey { case id, kind, workDate, quantity, multiplier }

    /// Decodes `{"id": "t-1", "kind": "hours", "workDate": "2026-01-05T14:00:00.000Z",
    /// "quantity": 90, "multiplier": "3/2"}` (`multiplier` defaults to `"1"`; `workDate` is
    /// ISO 8601, written in UTC with milliseconds and read with `Z` or an offset and 0 to 3
    /// fraction digits, whatever the coder's date strategy) through the validating
    /// initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let kind = try container.decode(PrepaidBlock.Kind.self, forKey: .kind)
        let workDate = try container.decodeISO8601Instant(forKey: .workDate)
        let quantity = try container.decode(Int64.self, forKey: .quantity)
        let multiplier = try container.decodeIfPresent(Rational.self, forKey: .multiplier) ?? .one
        self = try container.validated { () throws(BillingError) in
            try BlockDraw(
                id: id, kind: kind, workDate: workDate, quantity: quantity, multiplier: multiplier)
        }
    }

    /// Encodes the shape above, `workDate` at millisecond resolution.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encodeISO8601Instant(workDate, forKey: .workDate)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(multiplier, forKey: .multiplier)
    }
}

extension Discount: Codable {
    private enum CodingKeys: String, CodingKey { case name, percent, fixed, component, periodCount }

    /// Decodes `{"name": "Launch offer", "percent": "10%", "component": "Servers",
    /// "periodCount": 3}`: exactly one of `percent` (a percentage string) and `fixed` (a
    /// money object); `component` absent for a plan-wide discount; `periodCount` absent for
    /// ever. Re-validated through the initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let value: Value
        switch (container.contains(.percent), container.contains(.fixed)) {
        case (true, false):
            value = .percent(try container.decode(Percentage.self, forKey: .percent))
        case (false, true): value = .fixed(try container.decode(Money.self, forKey: .fixed))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .percent, in: container,
                debugDescription: "a discount has exactly one of percent and fixed")
        }
        let scope: Scope =
            try container.decodeIfPresent(String.self, forKey: .component).map { .component($0) }
            ?? .plan
        let periodCount = try container.decodeIfPresent(Int.self, forKey: .periodCount)
        self = try container.validated { () throws(BillingError) in
            try Discount(name: name, value: value, scope: scope, periodCount: periodCount)
        }
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        switch value {
        case .percent(let percent): try container.encode(percent, forKey: .percent)
        case .fixed(let amount): try container.encode(amount, forKey: .fixed)
        }
        if case .component(let component) = scope {
            try container.encode(component, forKey: .component)
        }
        try container.encodeIfPresent(periodCount, forKey: .periodCount)
    }
}

extension TaxPolicy: Codable {
    private enum CodingKeys: String, CodingKey { case rates, defaultRate, roundingPoint, rounding }

    /// Decodes `{"rates": {"licence": "0%", "labour": "20%"}, "defaultRate": "7.5%",
    /// "roundingPoint": "perInvoice", "rounding": "halfUp"}`; `rates` is an object keyed by
    /// category text (each key validated as a `BillableCategory`), `rates` and `rounding`
    /// optional (`{}` and `halfUp`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let named = try container.decodeIfPresent([String: Percentage].self, forKey: .rates) ?? [:]
        var rates: [BillableCategory: Percentage] = [:]
        for (text, rate) in named {
            do {
                rates[try BillableCategory(text)] = rate
            } catch {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: container.codingPath + [CodingKeys.rates],
                        debugDescription: "rates: \(error)", underlyingError: error))
            }
        }
        self.init(
            rates: rates, defaultRate: try container.decode(Percentage.self, forKey: .defaultRate),
            roundingPoint: try container.decode(RoundingPoint.self, forKey: .roundingPoint),
            rounding: try container.decodeIfPresent(RoundingRule.self, forKey: .rounding) ?? .halfUp
        )
    }

    /// Encodes the shape above, `rates` keyed by category text.
    ///
    /// Throws `EncodingError.invalidValue` when two categories are the same text in other
    /// bytes (`"caf\u{E9}"` and `"cafe\u{301}"`): JSON object keys are compared as text, so
    /// one of the two rates would be lost.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var named: [String: Percentage] = [:]
        for (category, rate) in rates {
            guard named.updateValue(rate, forKey: category.rawValue) == nil else {
                throw EncodingError.invalidValue(
                    rates,
                    EncodingError.Context(
                        codingPath: container.codingPath + [CodingKeys.rates],
                        debugDescription:
                            "rates: two categories read as \"\(category.rawValue)\"; JSON keys "
                            + "cannot tell them apart"))
            }
        }
        try container.encode(named, forKey: .rates)
        try container.encode(defaultRate, forKey: .defaultRate)
        try container.encode(roundingPoint, forKey: .roundingPoint)
        try container.encode(rounding, forKey: .rounding)
    }
}
