import Foundation
import MSPCore

extension MatchRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, evidence, confidence
    }

    /// Decodes `{"name": "same-serial", "evidence": "serialNumber", "confidence": 95}` and
    /// validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            evidence: container.decode(Evidence.self, forKey: .evidence),
            confidence: container.decode(Int.self, forKey: .confidence))
    }

    /// Encodes the shape above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(confidence, forKey: .confidence)
    }
}

extension CountDecision: Codable {
    private enum CodingKeys: String, CodingKey {
        case device, seat, customer, category, kind, status, reason, survivor
    }

    /// Decodes `{"device": "pc-1", "customer": "acme", "category": "workstation",
    /// "kind": "laptop", "status": "active", "reason": "counted"}`. The item is `"device"`
    /// or `"seat"`; `reason` is `counted`, `notYetAdded`, `status` (the status is in
    /// `"status"`), `kindNotBillable` (the kind is in `"kind"`), `seatInactive` or
    /// `mergedDuplicate` (with `"survivor"`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let device = try container.decodeIfPresent(DeviceID.self, forKey: .device) {
            item = .device(device)
        } else {
            item = .seat(try container.decode(UserID.self, forKey: .seat))
        }
        customer = try container.decodeIfPresent(CustomerID.self, forKey: .customer)
        category = try container.decodeIfPresent(BillableCategory.self, forKey: .category)
        kind = try container.decodeIfPresent(DeviceKind.self, forKey: .kind)
        status = try container.decodeIfPresent(LifecycleStatus.self, forKey: .status)
        let name = try container.decode(String.self, forKey: .reason)
        switch name {
        case "counted": reason = .counted
        case "notYetAdded": reason = .notYetAdded
        case "seatInactive": reason = .seatInactive
        case "status":
            reason = .status(try container.decode(LifecycleStatus.self, forKey: .status))
        case "kindNotBillable":
            reason = .kindNotBillable(try container.decode(DeviceKind.self, forKey: .kind))
        case "mergedDuplicate":
            reason = .mergedDuplicate(of: try container.decode(DeviceID.self, forKey: .survivor))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .reason, in: container, debugDescription: "unknown reason \(name)")
        }
    }

    /// Encodes the shape above, leaving out absent fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch item {
        case .device(let id): try container.encode(id, forKey: .device)
        case .seat(let id): try container.encode(id, forKey: .seat)
        }
        try container.encodeIfPresent(customer, forKey: .customer)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(kind, forKey: .kind)
        try container.encodeIfPresent(status, forKey: .status)
        switch reason {
        case .counted: try container.encode("counted", forKey: .reason)
        case .notYetAdded: try container.encode("notYetAdded", forKey: .reason)
        case .seatInactive: try container.encode("seatInactive", forKey: .reason)
        case .status: try container.encode("status", forKey: .reason)
        case .kindNotBillable: try container.encode("kindNotBillable", forKey: .reason)
        case .mergedDuplicate(let survivor):
            try container.encode("mergedDuplicate", forKey: .reason)
            try container.encode(survivor, forKey: .survivor)
        }
    }
}

extension Depreciation: Codable {
    private enum CodingKeys: String, CodingKey {
        case cost, salvage, inService, lifeMonths, method, annualRate, convention
    }

    /// Decodes the schedule's parameters and rebuilds it: `{"cost": {…}, "salvage": {…},
    /// "inService": "2026-03-15", "lifeMonths": 36, "method": "straightLine",
    /// "convention": "fullMonth"}`, or `"method": "decliningBalance"` with
    /// `"annualRate": "200"` (percent).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let methodName = try container.decode(String.self, forKey: .method)
        let method: Method
        switch methodName {
        case "straightLine": method = .straightLine
        case "decliningBalance":
            method = .decliningBalance(try container.decode(Percentage.self, forKey: .annualRate))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .method, in: container, debugDescription: "unknown method \(methodName)")
        }
        try self.init(
            cost: container.decode(Money.self, forKey: .cost),
            salvage: container.decode(Money.self, forKey: .salvage),
            inService: container.decode(LocalDate.self, forKey: .inService),
            lifeMonths: container.decode(Int.self, forKey: .lifeMonths), method: method,
            convention: container.decode(Convention.self, forKey: .convention))
    }

    /// Encodes the parameters (the months follow from them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cost, forKey: .cost)
        try container.encode(salvage, forKey: .salvage)
        try container.encode(inService, forKey: .inService)
        try container.encode(lifeMonths, forKey: .lifeMonths)
        switch method {
        case .straightLine: try container.encode("straightLine", forKey: .method)
        case .decliningBalance(let rate):
            try container.encode("decliningBalance", forKey: .method)
            try container.encode(rate, forKey: .annualRate)
        }
        try container.encode(convention, forKey: .convention)
    }
}
