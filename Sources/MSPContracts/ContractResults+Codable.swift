import Foundation
import MSPBilling
import MSPCore

/// A coding key for JSON objects whose keys are data (series names, months, categories).
private struct DataKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ stringValue: String) { self.stringValue = stringValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension IndexMonth {
    /// Parses `"YYYY-MM"`; `nil` when the text has another shape.
    internal static func parse(_ text: String) throws(ContractError) -> IndexMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        return try IndexMonth(year: year, month: month)
    }
}

extension IndexTable: Codable {
    /// Decodes an object of series, each an object of `"YYYY-MM"` months to exact values
    /// (strings, never JSON numbers), and re-validates them as ``init(series:)`` does.
    ///
    /// ```json
    /// {"CPI-U": {"2025-01": "317.671", "2026-01": "326.588"}}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DataKey.self)
        var series: [String: [IndexMonth: Rational]] = [:]
        for name in container.allKeys {
            let months = try container.nestedContainer(keyedBy: DataKey.self, forKey: name)
            var values: [IndexMonth: Rational] = [:]
            for key in months.allKeys {
                guard let month = try IndexMonth.parse(key.stringValue) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: months,
                        debugDescription: "\"\(key.stringValue)\" is not a month YYYY-MM")
                }
                values[month] = try months.decode(Rational.self, forKey: key)
            }
            series[name.stringValue] = values
        }
        try self.init(series: series)
    }

    /// Encodes the object described in ``init(from:)``, months in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DataKey.self)
        for name in series.keys.sorted() {
            var months = container.nestedContainer(keyedBy: DataKey.self, forKey: DataKey(name))
            for (month, value) in (series[name] ?? [:]).sorted(by: { $0.key < $1.key }) {
                try months.encode(value, forKey: DataKey(month.description))
            }
        }
    }
}

extension EarlyTerminationTerms: Codable {
    private enum CodingKeys: String, CodingKey {
        case rule, percentage, fee, steps, monthlyCharge, rounding
    }

    /// Decodes fee terms and re-validates them as
    /// ``init(rule:monthlyCharge:rounding:)`` does. `rule` is one of `remainderOfTerm`,
    /// `percentageOfRemainingCommitment` (with `percentage`), `flat` (with `fee`) and
    /// `declining` (with `steps`); `rounding` defaults to `halfEven`.
    ///
    /// ```json
    /// {"rule": "percentageOfRemainingCommitment", "percentage": "33.33",
    ///  "monthlyCharge": {"amount": "1250.00", "currency": "USD"}, "rounding": "halfEven"}
    /// {"rule": "declining", "monthlyCharge": {"amount": "1250.00", "currency": "USD"},
    ///  "steps": [{"throughMonth": 12, "fee": {"amount": "9000.00", "currency": "USD"}},
    ///            {"throughMonth": 24, "fee": {"amount": "4000.00", "currency": "USD"}}]}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rule: Rule
        switch try container.decode(String.self, forKey: .rule) {
        case "remainderOfTerm":
            rule = .remainderOfTerm
        case "percentageOfRemainingCommitment":
            rule = .percentageOfRemainingCommitment(
                try container.decode(Percentage.self, forKey: .percentage))
        case "flat":
            rule = .flat(try container.decode(Money.self, forKey: .fee))
        case "declining":
            rule = .declining(try container.decode([DecliningStep].self, forKey: .steps))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .rule, in: container,
                debugDescription: "unknown early-termination rule \"\(other)\"")
        }
        try self.init(
            rule: rule,
            monthlyCharge: container.decode(Money.self, forKey: .monthlyCharge),
            rounding: container.decodeIfPresent(RoundingRule.self, forKey: .rounding) ?? .halfEven)
    }

    /// Encodes the object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch rule {
        case .remainderOfTerm:
            try container.encode("remainderOfTerm", forKey: .rule)
        case .percentageOfRemainingCommitment(let percentage):
            try container.encode("percentageOfRemainingCommitment", forKey: .rule)
            try container.encode(percentage, forKey: .percentage)
        case .flat(let fee):
            try container.encode("flat", forKey: .rule)
            try container.encode(fee, forKey: .fee)
        case .declining(let steps):
            try container.encode("declining", forKey: .rule)
            try container.encode(steps, forKey: .steps)
        }
        try container.encode(monthlyCharge, forKey: .monthlyCharge)
        try container.encode(rounding, forKey: .rounding)
    }
}

extension CoverageClassification: Codable {
    private enum CodingKeys: String, CodingKey {
        case entry, outcome, hourly, reason, workType, rateSource, overrideRole, overrideWorkType
    }

    /// Decodes a classification. `outcome` is `covered`, `billable` (with `hourly`) or
    /// `noCharge`; `reason` is `markedNoCharge`, `noChargeWorkType`, `excludedWorkType`,
    /// `includedWorkType` or `outOfScope` (all but the first with `workType`); `rateSource`,
    /// present for billable entries, is `priceList` or `override` (with `overrideRole` and
    /// `overrideWorkType` when the override names them).
    ///
    /// ```json
    /// {"entry": "TE-7", "outcome": "billable",
    ///  "hourly": {"amount": "150.000000", "currency": "USD"},
    ///  "reason": "excludedWorkType", "workType": "project",
    ///  "rateSource": "override", "overrideWorkType": "project"}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let outcome: Outcome
        switch try container.decode(String.self, forKey: .outcome) {
        case "covered": outcome = .covered
        case "billable":
            outcome = .billable(try container.decode(PreciseMoney.self, forKey: .hourly))
        case "noCharge": outcome = .noCharge
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .outcome, in: container, debugDescription: "unknown outcome \"\(other)\"")
        }
        let reasonName = try container.decode(String.self, forKey: .reason)
        let reason: Reason
        if reasonName == "markedNoCharge" {
            reason = .markedNoCharge
        } else {
            let workType = try container.decode(String.self, forKey: .workType)
            switch reasonName {
            case "noChargeWorkType": reason = .noChargeWorkType(workType)
            case "excludedWorkType": reason = .excludedWorkType(workType)
            case "includedWorkType": reason = .includedWorkType(workType)
            case "outOfScope": reason = .outOfScope(workType)
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .reason, in: container,
                    debugDescription: "unknown reason \"\(reasonName)\"")
            }
        }
        let rateSource: RateSource?
        switch try container.decodeIfPresent(String.self, forKey: .rateSource) {
        case nil: rateSource = nil
        case "priceList": rateSource = .priceList
        case "override":
            rateSource = .override(
                role: try container.decodeIfPresent(String.self, forKey: .overrideRole),
                workType: try container.decodeIfPresent(String.self, forKey: .overrideWorkType))
        case let other?:
            throw DecodingError.dataCorruptedError(
                forKey: .rateSource, in: container,
                debugDescription: "unknown rate source \"\(other)\"")
        }
        self.init(
            entry: try container.decode(String.self, forKey: .entry), outcome: outcome,
            reason: reason, rateSource: rateSource)
    }

    /// Encodes the object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry, forKey: .entry)
        switch outcome {
        case .covered: try container.encode("covered", forKey: .outcome)
        case .billable(let hourly):
            try container.encode("billable", forKey: .outcome)
            try container.encode(hourly, forKey: .hourly)
        case .noCharge: try container.encode("noCharge", forKey: .outcome)
        }
        switch reason {
        case .markedNoCharge: try container.encode("markedNoCharge", forKey: .reason)
        case .noChargeWorkType(let workType):
            try container.encode("noChargeWorkType", forKey: .reason)
            try container.encode(workType, forKey: .workType)
        case .excludedWorkType(let workType):
            try container.encode("excludedWorkType", forKey: .reason)
            try container.encode(workType, forKey: .workType)
        case .includedWorkType(let workType):
            try container.encode("includedWorkType", forKey: .reason)
            try container.encode(workType, forKey: .workType)
        case .outOfScope(let workType):
            try container.encode("outOfScope", forKey: .reason)
            try container.encode(workType, forKey: .workType)
        }
        switch rateSource {
        case nil: break
        case .priceList: try container.encode("priceList", forKey: .rateSource)
        case .override(let role, let workType):
            try container.encode("override", forKey: .rateSource)
            try container.encodeIfPresent(role, forKey: .overrideRole)
            try container.encodeIfPresent(workType, forKey: .overrideWorkType)
        }
    }
}

extension AgreementConfiguration: Codable {
    private enum CodingKeys: String, CodingKey {
        case pricePlan, slaPolicy, quantityCommitments, rateOverrides
    }

    /// Decodes the terms in force; the two maps are objects keyed by billable category.
    ///
    /// ```json
    /// {"pricePlan": "gold", "slaPolicy": "sla-8x5",
    ///  "quantityCommitments": {"workstation": 50},
    ///  "rateOverrides": {"server": {"amount": "95.00", "currency": "USD"}}}
    /// ```
    ///
    /// - Throws: `DecodingError` for a negative commitment or an invalid category.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var commitments: [BillableCategory: Int64] = [:]
        let commitmentValues = try container.nestedContainer(
            keyedBy: DataKey.self, forKey: .quantityCommitments)
        for key in commitmentValues.allKeys {
            let quantity = try commitmentValues.decode(Int64.self, forKey: key)
            guard quantity >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: commitmentValues,
                    debugDescription: "committed quantity \(quantity) is negative")
            }
            commitments[try Self.category(key, in: commitmentValues)] = quantity
        }
        var overrides: [BillableCategory: Money] = [:]
        let overrideValues = try container.nestedContainer(
            keyedBy: DataKey.self, forKey: .rateOverrides)
        for key in overrideValues.allKeys {
            overrides[try Self.category(key, in: overrideValues)] = try overrideValues.decode(
                Money.self, forKey: key)
        }
        self.init(
            pricePlan: try container.decode(PricePlanID.self, forKey: .pricePlan),
            slaPolicy: try container.decode(SLAPolicyID.self, forKey: .slaPolicy),
            quantityCommitments: commitments, rateOverrides: overrides)
    }

    private static func category(_ key: DataKey, in container: KeyedDecodingContainer<DataKey>)
        throws -> BillableCategory
    {
        do {
            return try BillableCategory(key.stringValue)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(error)")
        }
    }

    /// Encodes the object described in ``init(from:)``, categories in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pricePlan, forKey: .pricePlan)
        try container.encode(slaPolicy, forKey: .slaPolicy)
        var commitments = container.nestedContainer(
            keyedBy: DataKey.self, forKey: .quantityCommitments)
        for (category, quantity) in quantityCommitments.sorted(by: {
            $0.key.rawValue < $1.key.rawValue
        }) {
            try commitments.encode(quantity, forKey: DataKey(category.rawValue))
        }
        var overrides = container.nestedContainer(keyedBy: DataKey.self, forKey: .rateOverrides)
        for (category, rate) in rateOverrides.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try overrides.encode(rate, forKey: DataKey(category.rawValue))
        }
    }
}

extension AmendmentSchedule: Codable {
    private enum CodingKeys: String, CodingKey {
        case agreement, amendments
    }

    /// Decodes an agreement and its amendments and validates and orders them as
    /// ``init(agreement:amendments:)`` does.
    ///
    /// ```json
    /// {"agreement": {...}, "amendments": [{"effective": "2026-04-20", "kind": "pricePlan",
    ///                                      "pricePlan": "platinum"}]}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            agreement: container.decode(Agreement.self, forKey: .agreement),
            amendments: container.decode([Amendment].self, forKey: .amendments))
    }

    /// Encodes the object described in ``init(from:)``, amendments in application order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(agreement, forKey: .agreement)
        try container.encode(amendments, forKey: .amendments)
    }
}

extension AgreementLifecycle: Codable {
    private enum CodingKeys: String, CodingKey {
        case agreement, events, signedOn, noticeGivenOn, endDate, endReason
    }

    /// Decodes an agreement and its events and resolves the lifecycle again with
    /// ``Agreement/lifecycle(events:)``, so a decoded lifecycle is always consistent with its
    /// facts. The derived fields written by ``encode(to:)`` (`signedOn`, `noticeGivenOn`,
    /// `endDate`, `endReason`) are for readers and are not trusted on input.
    ///
    /// ```json
    /// {"agreement": {...}, "events": [{"date": "2025-03-01", "kind": "signed"}],
    ///  "signedOn": "2025-03-01"}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let agreement = try container.decode(Agreement.self, forKey: .agreement)
        self = try agreement.lifecycle(
            events: container.decode([AgreementEvent].self, forKey: .events))
    }

    /// Encodes the facts and the derived dates described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(agreement, forKey: .agreement)
        try container.encode(events, forKey: .events)
        try container.encodeIfPresent(signedOn, forKey: .signedOn)
        try container.encodeIfPresent(noticeGivenOn, forKey: .noticeGivenOn)
        try container.encodeIfPresent(endDate, forKey: .endDate)
        try container.encodeIfPresent(endReason, forKey: .endReason)
    }
}

extension PrepaidLedger: Codable {
    private enum CodingKeys: String, CodingKey {
        case agreement, kind, blocks, draws, rolloverCap, thresholds
    }

    /// Decodes the ledger's facts and builds it again with
    /// ``init(agreement:kind:blocks:draws:rolloverCap:thresholds:)``, so rollover,
    /// consumption and every check are recomputed. `rolloverCap` absent means no rollover;
    /// `thresholds` absent means 80 % and 95 %.
    ///
    /// ```json
    /// {"agreement": "AGR-7", "kind": "hours",
    ///  "blocks": [{"id": "B-1", "kind": "hours", "quantity": 600,
    ///              "validity": {"start": "2026-01-01T00:00:00.000Z",
    ///                           "end": "2026-04-01T00:00:00.000Z"}}],
    ///  "draws": [{"id": "T-1", "kind": "hours", "workDate": "2026-01-05T14:00:00.000Z",
    ///             "quantity": 90}],
    ///  "rolloverCap": 120, "thresholds": [80, 95]}
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            agreement: container.decode(AgreementID.self, forKey: .agreement),
            kind: container.decode(PrepaidBlock.Kind.self, forKey: .kind),
            blocks: container.decode([PrepaidBlock].self, forKey: .blocks),
            draws: container.decode([BlockDraw].self, forKey: .draws),
            rolloverCap: container.decodeIfPresent(Int64.self, forKey: .rolloverCap),
            thresholds: container.decodeIfPresent([Int].self, forKey: .thresholds) ?? [80, 95])
    }

    /// Encodes the facts described in ``init(from:)``: the purchased blocks (rollovers are
    /// derived) and the draws as given.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(agreement, forKey: .agreement)
        try container.encode(kind, forKey: .kind)
        try container.encode(purchased, forKey: .blocks)
        try container.encode(draws, forKey: .draws)
        try container.encodeIfPresent(rolloverCap, forKey: .rolloverCap)
        try container.encode(thresholds, forKey: .thresholds)
    }
}

extension PrepaidLedger.LowBalanceEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case thresholdPercent, draw, date, available, capacity
    }

    /// Decodes `{"thresholdPercent": 80, "draw": "T-9", "date":
    /// "2026-02-10T15:00:00.000Z", "available": 110, "capacity": 600}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            thresholdPercent: try container.decode(Int.self, forKey: .thresholdPercent),
            draw: try container.decode(String.self, forKey: .draw),
            date: try container.decodeISO8601Instant(forKey: .date),
            available: try container.decode(Int64.self, forKey: .available),
            capacity: try container.decode(Int64.self, forKey: .capacity))
    }

    /// Encodes the object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(thresholdPercent, forKey: .thresholdPercent)
        try container.encode(draw, forKey: .draw)
        try container.encodeISO8601Instant(date, forKey: .date)
        try container.encode(available, forKey: .available)
        try container.encode(capacity, forKey: .capacity)
    }
}

extension PrepaidLedger.Reminder: Codable {
    private enum CodingKeys: String, CodingKey {
        case date, kind, lowBalance, block, remaining
    }

    /// Decodes `{"date": "…", "kind": "lowBalance", "lowBalance": {...}}` or
    /// `{"date": "…", "kind": "blockExpiry", "block": "B-1", "remaining": 40}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind: Kind
        switch try container.decode(String.self, forKey: .kind) {
        case "lowBalance":
            kind = .lowBalance(
                try container.decode(PrepaidLedger.LowBalanceEvent.self, forKey: .lowBalance))
        case "blockExpiry":
            kind = .blockExpiry(
                block: try container.decode(String.self, forKey: .block),
                remaining: try container.decode(Int64.self, forKey: .remaining))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown reminder \"\(other)\"")
        }
        self.init(date: try container.decodeISO8601Instant(forKey: .date), kind: kind)
    }

    /// Encodes the object described in ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeISO8601Instant(date, forKey: .date)
        switch kind {
        case .lowBalance(let event):
            try container.encode("lowBalance", forKey: .kind)
            try container.encode(event, forKey: .lowBalance)
        case .blockExpiry(let block, let remaining):
            try container.encode("blockExpiry", forKey: .kind)
            try container.encode(block, forKey: .block)
            try container.encode(remaining, forKey: .remaining)
        }
    }
}
