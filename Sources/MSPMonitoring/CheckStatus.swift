/// The result of one check or one rule evaluation: ok, warning, critical or unknown.
///
/// The raw values are the Nagios plugin exit codes (0, 1, 2, 3), so results read from a
/// plugin map directly. JSON: the case name as a string, `"ok"`, `"warning"`, `"critical"`,
/// `"unknown"`.
public enum CheckStatus: String, Sendable, Hashable, Codable, CaseIterable,
    CustomStringConvertible
{
    /// The check passed.
    case ok
    /// The check crossed its warning level.
    case warning
    /// The check crossed its critical level.
    case critical
    /// Nothing is known: no data, or the check itself failed.
    case unknown

    /// The Nagios plugin exit code: 0 ok, 1 warning, 2 critical, 3 unknown.
    public var exitCode: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .critical: 2
        case .unknown: 3
        }
    }

    /// The case name.
    public var description: String { rawValue }
}

/// How bad a problem is: warning or critical.
///
/// Ordered: `.warning < .critical`. JSON: `"warning"` or `"critical"`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable,
    CustomStringConvertible
{
    /// A problem worth attention.
    case warning
    /// A problem that needs action now.
    case critical

    /// The check status with this severity.
    public var status: CheckStatus { self == .warning ? .warning : .critical }

    /// Warning orders before critical.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .critical
    }

    /// The case name.
    public var description: String { rawValue }
}
