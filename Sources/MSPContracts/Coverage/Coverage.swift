import MSPBilling
import MSPCore

/// What an agreement covers: the work types it includes, the ones it bills (exclusions),
/// the ones it gives away, and hourly rate overrides by role and work type.
///
/// ## Rule for one time entry
///
/// The first of these that applies decides, and the result names it:
///
/// 1. The entry is marked ``MSPBilling/TimeEntry/Status-swift.enum/noCharge`` → no charge.
/// 2. Its work type is in ``noChargeWorkTypes`` → no charge.
/// 3. Its work type is in ``excludedWorkTypes`` → billable.
/// 4. Its work type is in ``includedWorkTypes`` → covered.
/// 5. Otherwise → billable (not in the agreement's scope).
///
/// A billable entry is priced by the most specific override: role and work type, then work
/// type alone, then role alone; failing those, by the price list's rate for its role and
/// work type.
///
/// ## JSON shape
///
/// ```json
/// {"includedWorkTypes": ["remote"], "excludedWorkTypes": ["project"],
///  "noChargeWorkTypes": ["warranty"],
///  "rateOverrides": [{"role": "engineer", "workType": "project",
///                     "hourly": {"amount": "95.00", "currency": "USD"}}]}
/// ```
///
/// Work-type lists are sorted; `role` or `workType` may be omitted from an override.
public struct Coverage: Sendable, Hashable, Codable {
    /// An hourly rate that replaces the price list's for a role, a work type or both.
    public struct RateOverride: Sendable, Hashable, Codable {
        /// The role it applies to, or `nil` for any role.
        public var role: String?
        /// The work type it applies to, or `nil` for any work type.
        public var workType: String?
        /// The price of one hour.
        public var hourly: PreciseMoney

        /// Creates an override; at least one of `role` and `workType` must be given.
        public init(role: String? = nil, workType: String? = nil, hourly: PreciseMoney) {
            self.role = role
            self.workType = workType
            self.hourly = hourly
        }

        /// How specific the override is: 3 for role and work type, 2 for work type, 1 for role.
        var rank: Int { (workType == nil ? 0 : 2) + (role == nil ? 0 : 1) }
    }

    /// Work types the agreement includes (covered).
    public let includedWorkTypes: Set<String>
    /// Work types billed although the agreement is in force (the exclusion set).
    public let excludedWorkTypes: Set<String>
    /// Work types never charged (warranty, rework).
    public let noChargeWorkTypes: Set<String>
    /// Hourly rate overrides.
    public let rateOverrides: [RateOverride]

    /// Creates validated coverage.
    ///
    /// - Throws: ``ContractError`` `conflictingCoverage` for a work type in two of the three
    ///   sets (field names both sets); `invalidCoverage` for an override without role and
    ///   work type, two overrides for the same role and work type, or a negative rate.
    public init(
        includedWorkTypes: Set<String>, excludedWorkTypes: Set<String> = [],
        noChargeWorkTypes: Set<String> = [], rateOverrides: [RateOverride] = []
    ) throws(ContractError) {
        let pairs: [(String, Set<String>, String, Set<String>)] = [
            ("includedWorkTypes", includedWorkTypes, "excludedWorkTypes", excludedWorkTypes),
            ("includedWorkTypes", includedWorkTypes, "noChargeWorkTypes", noChargeWorkTypes),
            ("excludedWorkTypes", excludedWorkTypes, "noChargeWorkTypes", noChargeWorkTypes),
        ]
        for (firstName, first, secondName, second) in pairs {
            if let workType = first.intersection(second).min() {
                throw .conflictingCoverage(workType, first: firstName, second: secondName)
            }
        }
        var seen = Set<String>()
        for (index, item) in rateOverrides.enumerated() {
            let field = "rateOverrides[\(index)]"
            guard item.role != nil || item.workType != nil else {
                throw .invalidCoverage(
                    field: field, value: "nil", reason: "names no role or work type")
            }
            guard item.hourly.scaledUnits >= 0 else {
                throw .invalidCoverage(
                    field: field + ".hourly", value: item.hourly.description, reason: "is negative")
            }
            let key = "\(item.role ?? "*")/\(item.workType ?? "*")"
            guard seen.insert(key).inserted else {
                throw .invalidCoverage(
                    field: field, value: key, reason: "repeats an earlier override")
            }
        }
        self.includedWorkTypes = includedWorkTypes
        self.excludedWorkTypes = excludedWorkTypes
        self.noChargeWorkTypes = noChargeWorkTypes
        self.rateOverrides = rateOverrides
    }

    /// Classifies `entry`; see the type's rule.
    ///
    /// - Throws: ``ContractError`` `unknownRate` for a billable entry that neither an
    ///   override nor `rates` prices.
    /// - Complexity: O(*o* + *r*) for *o* overrides and *r* rates.
    public func classify(_ entry: TimeEntry, rates: [TimeAndMaterials.Rate]) throws(ContractError)
        -> CoverageClassification
    {
        if entry.status == .noCharge {
            return CoverageClassification(
                entry: entry.id, outcome: .noCharge, reason: .markedNoCharge)
        }
        if noChargeWorkTypes.contains(entry.workType) {
            return CoverageClassification(
                entry: entry.id, outcome: .noCharge, reason: .noChargeWorkType(entry.workType))
        }
        let reason: CoverageClassification.Reason
        if excludedWorkTypes.contains(entry.workType) {
            reason = .excludedWorkType(entry.workType)
        } else if includedWorkTypes.contains(entry.workType) {
            return CoverageClassification(
                entry: entry.id, outcome: .covered, reason: .includedWorkType(entry.workType))
        } else {
            reason = .outOfScope(entry.workType)
        }
        let matching = rateOverrides.filter {
            ($0.role == nil || $0.role == entry.role)
                && ($0.workType == nil || $0.workType == entry.workType)
        }
        if let best = matching.max(by: { $0.rank < $1.rank }) {
            return CoverageClassification(
                entry: entry.id, outcome: .billable(best.hourly), reason: reason,
                rateSource: .override(role: best.role, workType: best.workType))
        }
        guard
            let rate = rates.first(where: { $0.role == entry.role && $0.workType == entry.workType }
            )
        else { throw .unknownRate(role: entry.role, workType: entry.workType, entry: entry.id) }
        return CoverageClassification(
            entry: entry.id, outcome: .billable(rate.hourly), reason: reason, rateSource: .priceList
        )
    }

    private enum CodingKeys: String, CodingKey {
        case includedWorkTypes, excludedWorkTypes, noChargeWorkTypes, rateOverrides
    }

    /// Decodes and validates coverage; see the type's JSON shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func set(_ key: CodingKeys) throws -> Set<String> {
            Set(try container.decodeIfPresent([String].self, forKey: key) ?? [])
        }
        try self.init(
            includedWorkTypes: set(.includedWorkTypes), excludedWorkTypes: set(.excludedWorkTypes),
            noChargeWorkTypes: set(.noChargeWorkTypes),
            rateOverrides: container.decodeIfPresent([RateOverride].self, forKey: .rateOverrides)
                ?? [])
    }

    /// Encodes coverage with sorted work-type lists; see the type's JSON shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(includedWorkTypes.sorted(), forKey: .includedWorkTypes)
        try container.encode(excludedWorkTypes.sorted(), forKey: .excludedWorkTypes)
        try container.encode(noChargeWorkTypes.sorted(), forKey: .noChargeWorkTypes)
        try container.encode(rateOverrides, forKey: .rateOverrides)
    }
}

/// How ``Coverage`` classified one time entry, and why.
public struct CoverageClassification: Sendable, Hashable {
    /// The result.
    public enum Outcome: Sendable, Hashable {
        /// Included in the agreement.
        case covered
        /// Charged at this hourly rate.
        case billable(PreciseMoney)
        /// Logged but not charged.
        case noCharge
    }

    /// The rule that decided the outcome.
    public enum Reason: Sendable, Hashable {
        /// The entry itself was marked no charge.
        case markedNoCharge
        /// The work type is in the no-charge set.
        case noChargeWorkType(String)
        /// The work type is in the exclusion set.
        case excludedWorkType(String)
        /// The work type is in the included set.
        case includedWorkType(String)
        /// The work type is in no set, so outside the agreement's scope.
        case outOfScope(String)
    }

    /// Where a billable entry's rate came from.
    public enum RateSource: Sendable, Hashable {
        /// A coverage override for this role and/or work type (`nil` means any).
        case override(role: String?, workType: String?)
        /// The price list's rate for the entry's role and work type.
        case priceList
    }

    /// The entry's identifier.
    public var entry: String
    /// Covered, billable at a rate, or no charge.
    public var outcome: Outcome
    /// The rule that matched.
    public var reason: Reason
    /// Where the rate came from, for billable entries only.
    public var rateSource: RateSource?

    /// Creates a classification.
    public init(entry: String, outcome: Outcome, reason: Reason, rateSource: RateSource? = nil) {
        self.entry = entry
        self.outcome = outcome
        self.reason = reason
        self.rateSource = rateSource
    }
}
