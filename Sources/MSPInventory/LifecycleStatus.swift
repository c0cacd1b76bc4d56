/// Where a device is in its life: only an ``active`` device is under management and billed.
///
/// JSON: the case name, `"inRepair"`.
public enum LifecycleStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ordered or being staged; not yet in service.
    case planned
    /// In service and managed: the only status that counts for billing.
    case active
    /// In service but offline or unused (the RMM agent has stopped reporting).
    case inactive
    /// Away for repair.
    case inRepair
    /// Taken out of service for good.
    case retired
    /// Lost or stolen.
    case lost
}
