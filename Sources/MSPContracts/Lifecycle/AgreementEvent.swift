import MSPCore

/// A dated fact in an agreement's life: signed, notice given, renewed, terminated, cancelled.
///
/// Dates are local dates in the agreement's time zone: the day the signature, notice or
/// renewal was received, or the first day a termination or cancellation takes effect.
public struct AgreementEvent: Sendable, Hashable, CustomStringConvertible {
    /// Who gave notice.
    public enum Party: String, Sendable, Hashable, Codable, CaseIterable {
        /// The managed-service provider.
        case provider
        /// The customer.
        case customer
    }

    /// Why an agreement was terminated before its term ended.
    public enum TerminationReason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Ended by choice; an early-termination fee may apply.
        case convenience
        /// Ended because the other party breached the agreement.
        case cause
    }

    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// Both parties signed; the agreement is in force from its start date (or from the
        /// signature, when signed after the start date).
        case signed
        /// A party gave notice that the agreement must not renew.
        case noticeGiven(by: Party)
        /// The parties renewed an express-renewal agreement for one more renewal term.
        case renewed
        /// The agreement ends on the event's date (exclusive: the date is the first day it
        /// is no longer in force).
        case terminated(TerminationReason)
        /// The agreement is withdrawn before its start date and never comes into force.
        case cancelled
    }

    /// The date of the event.
    public let date: LocalDate
    /// What happened.
    public let kind: Kind

    /// Creates an event.
    public init(_ kind: Kind, on date: LocalDate) {
        self.kind = kind
        self.date = date
    }

    /// The order of kinds on one date: signed, renewed, notice, terminated, cancelled.
    internal var rank: Int {
        switch kind {
        case .signed: 0
        case .renewed: 1
        case .noticeGiven: 2
        case .terminated: 3
        case .cancelled: 4
        }
    }

    /// `"noticeGiven(customer) on 2027-12-16"`.
    public var description: String {
        let name =
            switch kind {
            case .signed: "signed"
            case .noticeGiven(let party): "noticeGiven(\(party.rawValue))"
            case .renewed: "renewed"
            case .terminated(let reason): "terminated(\(reason.rawValue))"
            case .cancelled: "cancelled"
            }
        return "\(name) on \(date)"
    }
}
