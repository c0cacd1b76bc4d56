/// An error of MSPKit that names what was wrong: the rule broken, the input field at fault
/// and its value. Every module's error type conforms (`MoneyError`, `PeriodError`,
/// `CalendarError`, `IdentifierError`, `BillingError`, `SLAError`, `InventoryError`,
/// `MonitoringError`, `ContractError`, `PeriodCloseError`), so a host that reports errors
/// to people or logs them can handle them all in one place:
///
/// ```swift
/// do {
///     try close.closeCustomer(document)
/// } catch let error as any MSPError {
///     log("\(error.codeName) at \(error.field) = \(error.value): \(error.message)")
/// }
/// ```
public protocol MSPError: Error, Sendable, CustomStringConvertible {
    /// The type of the rule names: a string-backed value with a static constant per rule.
    associatedtype Code: RawRepresentable, Hashable, Sendable where Code.RawValue == String

    /// The rule broken.
    var code: Code { get }
    /// The input field at fault, as a path such as `tiers[2].unitPrice`.
    var field: String { get }
    /// The offending value as text.
    var value: String { get }
    /// A sentence for a person.
    var message: String { get }
}

extension MSPError {
    /// The rule broken as a stable, machine-readable name, such as `"currencyMismatch"`.
    public var codeName: String { code.rawValue }

    /// `codeName: message`, such as `"currencyMismatch: …"`.
    public var description: String { "\(codeName): \(message)" }
}
