/// The kind of service an agreement sells.
///
/// Encodes as its raw value, such as `"fullyManaged"`.
public enum AgreementType: String, Sendable, Hashable, Codable, CaseIterable {
    /// The provider runs the customer's IT end to end for a recurring fee.
    case fullyManaged
    /// The provider and the customer's own IT staff share the work.
    case coManaged
    /// The provider watches and alerts; remediation is billed separately.
    case monitoringOnly
    /// No recurring service; work is billed as it happens.
    case breakFix
    /// A prepaid block of hours consumed by work.
    case blockHours
    /// A recurring fee that reserves capacity.
    case retainer
    /// A fixed-scope project.
    case project
}
