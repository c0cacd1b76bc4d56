/// One crafted bad input and what the library must do with it: throw a typed error with a
/// given code, or return a documented valid result.
///
/// ``expected`` is spelled as ``outcome(of:)`` describes an outcome:
/// `"<ErrorType>.<code>"` (e.g. `"BillingError.arithmetic"`), `"DecodingError"`, or
/// `"valid: <the value's description>"`.
public struct HostileInput: Sendable, CustomStringConvertible {
    /// What the input is, shown as the test case's name.
    public let name: String
    /// The outcome the library must produce.
    public let expected: String
    /// Feeds the input to the library and describes the outcome with ``outcome(of:)``.
    public let run: @Sendable () -> String

    /// Creates a case.
    public init(name: String, expected: String, run: @escaping @Sendable () -> String) {
        self.name = name
        self.expected = expected
        self.run = run
    }

    /// The name, so a failing case is named in the test report.
    public var description: String { name }
}

/// Runs `body` and describes its outcome: `"valid: <value>"`, `"DecodingError"`, or the
/// error's type and its `code` property (every MSPKit error has one) as
/// `"<ErrorType>.<code>"`. An error without a `code` is described in full, so it can never
/// match an expected typed error by accident.
public func outcome(of body: () throws -> Any) -> String {
    do {
        return "valid: \(try body())"
    } catch is DecodingError {
        return "DecodingError"
    } catch {
        guard let code = Mirror(reflecting: error).children.first(where: { $0.label == "code" })
        else { return "untyped error: \(type(of: error)) \(error)" }
        return "\(type(of: error)).\(code.value)"
    }
}
