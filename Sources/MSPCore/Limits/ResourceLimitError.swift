/// An error from configuring ``ResourceLimits`` or from a decoded document that exceeds
/// them.
///
/// Like the other errors of MSPKit it is a struct with a ``code-swift.property``, and it
/// names the ``field`` and the offending ``value``:
///
/// ```swift
/// do { _ = try ResourceLimits(calendarHorizonDays: 20_000) }
/// catch let error as ResourceLimitError where error.code == .outOfRange {
///     print(error)  // outOfRange: calendarHorizonDays 20000 is outside 1...18300
/// }
/// ```
public struct ResourceLimitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// A configured limit below 1 or above its hard maximum.
        public static let outOfRange = Code(rawValue: "outOfRange")
        /// A decoded collection with more elements than
        /// ``ResourceLimits/decodedCollectionElements``.
        public static let tooManyElements = Code(rawValue: "tooManyElements")
        /// A decoder whose `userInfo` holds something other than a ``ResourceLimits`` under
        /// ``ResourceLimits/codingUserInfoKey``.
        public static let invalidUserInfo = Code(rawValue: "invalidUserInfo")
    }

    /// The kind of failure.
    public var code: Code
    /// The limit or the decoded collection the error is about, such as
    /// `"calendarHorizonDays"` or `"tiers"` (the key of the collection; the
    /// `DecodingError` that carries the error has the path to the key's container).
    public var field: String
    /// The offending value as text.
    public var value: String
    /// A sentence for people.
    public var message: String

    /// Creates an error. Prefer the static factories, which fill in a consistent message.
    public init(code: Code, field: String, value: String, message: String) {
        self.code = code
        self.field = field
        self.value = value
        self.message = message
    }
}

extension ResourceLimitError {
    /// A configured limit outside `1...maximum`.
    ///
    /// - Parameters:
    ///   - value: The limit given.
    ///   - field: The limit, such as `"calendarHorizonDays"`.
    ///   - maximum: Its hard maximum.
    public static func outOfRange(_ value: Int, field: String, maximum: Int)
        -> ResourceLimitError
    {
        ResourceLimitError(
            code: .outOfRange, field: field, value: String(value),
            message: "\(field) \(value) is outside 1...\(maximum)")
    }

    /// A decoded collection with more than `limit` elements.
    ///
    /// - Parameters:
    ///   - count: The collection's element count as text, or `"more than <limit>"` when the
    ///     decoder does not know it.
    ///   - field: The collection's key, such as `"tiers"` or `"events"`.
    ///   - limit: The ``ResourceLimits/decodedCollectionElements`` in force.
    public static func tooManyElements(_ count: String, field: String, limit: Int)
        -> ResourceLimitError
    {
        ResourceLimitError(
            code: .tooManyElements, field: field, value: count,
            message: "\(field) holds \(count) elements; at most \(limit) are decoded")
    }

    /// A `userInfo` value of the wrong type under ``ResourceLimits/codingUserInfoKey``.
    public static func invalidUserInfo(_ type: Any.Type) -> ResourceLimitError {
        let name = String(describing: type)
        return ResourceLimitError(
            code: .invalidUserInfo, field: "userInfo", value: name,
            message: "userInfo[\(ResourceLimits.codingUserInfoKey.rawValue)] holds a \(name), "
                + "not a ResourceLimits")
    }
}

extension ResourceLimitError: MSPError {}
