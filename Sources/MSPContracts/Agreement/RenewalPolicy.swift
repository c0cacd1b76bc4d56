/// What happens when a term ends: nothing, an automatic (tacit) renewal, or a renewal only
/// when both parties agree to it (express).
///
/// - ``Kind/none``: the agreement expires at the end of its initial term.
/// - ``Kind/tacit``: the agreement renews itself for ``termMonths`` months at the end of every
///   term unless a party gives notice by the term's notice deadline.
/// - ``Kind/express``: the agreement expires at the end of its current term unless a
///   ``AgreementEvent/Kind/renewed`` event is recorded before that end; each renewal adds
///   ``termMonths`` months.
///
/// JSON: `{"kind": "tacit", "termMonths": 12}`; `termMonths` is absent for `none`.
public struct RenewalPolicy: Sendable, Hashable {
    /// How an agreement renews.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// No renewal: the agreement expires after its initial term.
        case none
        /// Automatic renewal unless notice is given by the notice deadline.
        case tacit
        /// Renewal only by an explicit renewal event.
        case express
    }

    /// The allowed renewal terms: 1 month to 100 years.
    public static let termMonthsRange: ClosedRange<Int> = 1...1200

    /// How the agreement renews.
    public let kind: Kind
    /// The length of each renewal term in months; `nil` exactly when ``kind`` is `none`.
    public let termMonths: Int?

    /// Creates a renewal policy.
    ///
    /// - Throws: ``ContractError`` `missingRenewalTerm` for a tacit or express renewal without
    ///   a term, `unexpectedRenewalTerm` for a term given with `none`, `outOfRange` for a term
    ///   outside 1...1200 months.
    public init(kind: Kind, termMonths: Int?) throws(ContractError) {
        switch (kind, termMonths) {
        case (.none, nil):
            break
        case (.none, let months?):
            throw .unexpectedRenewalTerm(months)
        case (_, nil):
            throw .missingRenewalTerm(kind: kind)
        case (_, let months?):
            guard RenewalPolicy.termMonthsRange.contains(months) else {
                throw .outOfRange(
                    months, field: "renewal.termMonths", allowed: RenewalPolicy.termMonthsRange)
            }
        }
        self.kind = kind
        self.termMonths = termMonths
    }

    /// No renewal.
    public static let none = RenewalPolicy(validatedKind: .none, termMonths: nil)

    /// Automatic renewal for `months` months at a time.
    ///
    /// - Throws: ``ContractError`` `outOfRange` outside 1...1200.
    public static func tacit(months: Int) throws(ContractError) -> RenewalPolicy {
        try RenewalPolicy(kind: .tacit, termMonths: months)
    }

    /// Renewal for `months` months at a time, only by an explicit renewal event.
    ///
    /// - Throws: ``ContractError`` `outOfRange` outside 1...1200.
    public static func express(months: Int) throws(ContractError) -> RenewalPolicy {
        try RenewalPolicy(kind: .express, termMonths: months)
    }

    private init(validatedKind kind: Kind, termMonths: Int?) {
        self.kind = kind
        self.termMonths = termMonths
    }
}

extension RenewalPolicy: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, termMonths
    }

    /// Decodes `{"kind": ..., "termMonths": ...}` and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            kind: container.decode(Kind.self, forKey: .kind),
            termMonths: container.decodeIfPresent(Int.self, forKey: .termMonths))
    }

    /// Encodes `{"kind": ..., "termMonths": ...}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(termMonths, forKey: .termMonths)
    }
}
