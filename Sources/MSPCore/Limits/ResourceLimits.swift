/// The resource limits the library enforces, lowered by a host that wants tighter bounds.
///
/// Each limit bounds the memory or the work one request may cause: how long a calendar
/// compilation may be and how many open intervals it may produce, how many parts one
/// allocation may have, how many billing periods one request may list, and how many
/// elements one collection in a decoded document (tier bands, plan components, inventory
/// events, ticket timelines) may hold. ``default`` is what the library uses when no limits
/// are passed; it equals ``maximum``, the hard maxima, which are the edges of exact
/// arithmetic and of bounded memory and cannot be raised. A host lowers a limit by building
/// its own value:
///
/// ```swift
/// let limits = try ResourceLimits(calendarHorizonDays: 800, decodedCollectionElements: 10_000)
/// let compiled = try calendar.compiled(for: horizon, limits: limits)
///
/// let decoder = JSONDecoder()
/// decoder.userInfo[ResourceLimits.codingUserInfoKey] = limits
/// let plan = try decoder.decode(PricePlan.self, from: untrustedData)
/// ```
///
/// Every limit must lie in `1...` its hard maximum; the initialiser throws
/// ``ResourceLimitError`` `outOfRange` naming the field and value otherwise.
///
/// JSON shape: an object with the five fields, each optional and defaulting to the
/// ``default`` value, such as `{"calendarHorizonDays": 800, "decodedCollectionElements":
/// 10000}`. Decoding re-validates.
public struct ResourceLimits: Sendable, Hashable, Codable {
    /// The longest calendar horizon, in days, that `BusinessCalendar.compiled(for:limits:)`
    /// accepts; over it the compilation throws `CalendarError` `horizonTooLong`. Hard
    /// maximum: `BusinessCalendar.maximumHorizonDays` (18,300 days, 50 years of 366 days).
    public let calendarHorizonDays: Int
    /// The most open intervals one calendar compilation may produce; over it the compilation
    /// throws `CalendarError` `tooManyIntervals` before doing any work. Hard maximum:
    /// `BusinessCalendar.maximumCompiledIntervals` (2,000,000, three `Int64` arrays, 48 MB).
    public let compiledCalendarIntervals: Int
    /// The most parts one `Money.allocated(by:limits:)` or `Money.split(into:limits:)` may
    /// produce; over it they throw `MoneyError` `invalidCount`. Hard maximum:
    /// `Money.maximumAllocationParts` (1,000,000).
    public let allocationParts: Int
    /// The most periods one `BillingCycle.periods(overlapping:limits:)` may return; over it
    /// it throws `PeriodError` `tooManyPeriods` before building any. Hard maximum:
    /// `BillingCycle.maximumPeriodCount` (100,000).
    public let periodsPerRequest: Int
    /// The most elements one collection of a decoded document may hold; over it decoding
    /// throws ``ResourceLimitError`` `tooManyElements` before decoding any element. Hard
    /// maximum: ``maximumDecodedCollectionElements`` (10,000,000).
    public let decodedCollectionElements: Int

    /// The hard maximum of ``decodedCollectionElements``: 10,000,000 elements.
    public static let maximumDecodedCollectionElements = 10_000_000

    /// The hard maxima; also the limits used when none are given.
    public static let maximum = ResourceLimits(
        unchecked: BusinessCalendar.maximumHorizonDays,
        BusinessCalendar.maximumCompiledIntervals,
        Money.maximumAllocationParts,
        BillingCycle.maximumPeriodCount,
        maximumDecodedCollectionElements)

    /// The limits used when none are given: equal to ``maximum``.
    public static let `default` = maximum

    /// Creates limits, each defaulting to its hard maximum.
    ///
    /// - Parameters:
    ///   - calendarHorizonDays: The longest calendar horizon in days, in `1...18_300`.
    ///   - compiledCalendarIntervals: The most open intervals of one compiled calendar, in
    ///     `1...2_000_000`.
    ///   - allocationParts: The most parts of one allocation or split, in `1...1_000_000`.
    ///   - periodsPerRequest: The most billing periods one request returns, in
    ///     `1...100_000`.
    ///   - decodedCollectionElements: The most elements of one decoded collection, in
    ///     `1...10_000_000`.
    /// - Throws: ``ResourceLimitError`` `outOfRange` naming the first limit outside its
    ///   range, in the order of the parameters.
    public init(
        calendarHorizonDays: Int = BusinessCalendar.maximumHorizonDays,
        compiledCalendarIntervals: Int = BusinessCalendar.maximumCompiledIntervals,
        allocationParts: Int = Money.maximumAllocationParts,
        periodsPerRequest: Int = BillingCycle.maximumPeriodCount,
        decodedCollectionElements: Int = ResourceLimits.maximumDecodedCollectionElements
    ) throws(ResourceLimitError) {
        let maximum = ResourceLimits.maximum
        try Self.check(
            calendarHorizonDays, "calendarHorizonDays", maximum.calendarHorizonDays)
        try Self.check(
            compiledCalendarIntervals, "compiledCalendarIntervals",
            maximum.compiledCalendarIntervals)
        try Self.check(allocationParts, "allocationParts", maximum.allocationParts)
        try Self.check(periodsPerRequest, "periodsPerRequest", maximum.periodsPerRequest)
        try Self.check(
            decodedCollectionElements, "decodedCollectionElements",
            maximum.decodedCollectionElements)
        self.init(
            unchecked: calendarHorizonDays, compiledCalendarIntervals, allocationParts,
            periodsPerRequest, decodedCollectionElements)
    }

    /// Limits already known to be in range.
    private init(
        unchecked calendarHorizonDays: Int, _ compiledCalendarIntervals: Int,
        _ allocationParts: Int, _ periodsPerRequest: Int, _ decodedCollectionElements: Int
    ) {
        self.calendarHorizonDays = calendarHorizonDays
        self.compiledCalendarIntervals = compiledCalendarIntervals
        self.allocationParts = allocationParts
        self.periodsPerRequest = periodsPerRequest
        self.decodedCollectionElements = decodedCollectionElements
    }

    /// Throws `outOfRange` unless `value` is in `1...maximum`.
    private static func check(_ value: Int, _ field: String, _ maximum: Int)
        throws(ResourceLimitError)
    {
        guard value >= 1, value <= maximum else {
            throw .outOfRange(value, field: field, maximum: maximum)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case calendarHorizonDays, compiledCalendarIntervals, allocationParts
        case periodsPerRequest, decodedCollectionElements
    }

    /// Decodes the object described above, each field defaulting to its ``default`` value,
    /// and re-validates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let maximum = ResourceLimits.maximum
        try self.init(
            calendarHorizonDays: container.decodeIfPresent(
                Int.self, forKey: .calendarHorizonDays) ?? maximum.calendarHorizonDays,
            compiledCalendarIntervals: container.decodeIfPresent(
                Int.self, forKey: .compiledCalendarIntervals)
                ?? maximum.compiledCalendarIntervals,
            allocationParts: container.decodeIfPresent(Int.self, forKey: .allocationParts)
                ?? maximum.allocationParts,
            periodsPerRequest: container.decodeIfPresent(Int.self, forKey: .periodsPerRequest)
                ?? maximum.periodsPerRequest,
            decodedCollectionElements: container.decodeIfPresent(
                Int.self, forKey: .decodedCollectionElements)
                ?? maximum.decodedCollectionElements)
    }

    /// Encodes all five fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(calendarHorizonDays, forKey: .calendarHorizonDays)
        try container.encode(compiledCalendarIntervals, forKey: .compiledCalendarIntervals)
        try container.encode(allocationParts, forKey: .allocationParts)
        try container.encode(periodsPerRequest, forKey: .periodsPerRequest)
        try container.encode(decodedCollectionElements, forKey: .decodedCollectionElements)
    }
}
