import Foundation
import MSPCore
import Testing

/// A document with one array, read through `ResourceLimits.decodeArray`, and an optional one
/// read through `decodeArrayIfPresent`, nested under `"outer"` when asked.
private struct Numbers: Decodable, Equatable {
    var items: [Int]
    var extra: [Int]?

    private enum CodingKeys: String, CodingKey { case items, extra }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try ResourceLimits(decoder: decoder)
        items = try limits.decodeArray(Int.self, forKey: .items, in: container)
        extra = try limits.decodeArrayIfPresent(Int.self, forKey: .extra, in: container)
    }
}

private struct Outer: Decodable, Equatable {
    var outer: Numbers
}

/// Decodes `T` from `json` with `limits` in the decoder's user info (none when `nil`).
private func decode<T: Decodable>(
    _ type: T.Type, _ json: String, limits: ResourceLimits?
) throws -> T {
    let decoder = JSONDecoder()
    if let limits { decoder.userInfo[ResourceLimits.codingUserInfoKey] = limits }
    return try decoder.decode(type, from: Data(json.utf8))
}

/// The `ResourceLimitError` a `DecodingError.dataCorrupted` carries, with its coding path.
private func limitError(_ error: DecodingError?) -> (ResourceLimitError?, [String])? {
    guard case .dataCorrupted(let context)? = error else { return nil }
    return (
        context.underlyingError as? ResourceLimitError, context.codingPath.map(\.stringValue)
    )
}

@Suite struct ResourceLimitsTests {
    // MARK: Configuration

    @Test func defaultsAreTheHardMaximaAndTheFormerConstants() throws {
        // The limits the library enforced before they were configurable.
        let limits = ResourceLimits.default
        #expect(limits == .maximum)
        #expect(try ResourceLimits() == .default)
        #expect(limits.calendarHorizonDays == 18_300)
        #expect(limits.calendarHorizonDays == BusinessCalendar.maximumHorizonDays)
        #expect(limits.compiledCalendarIntervals == 2_000_000)
        #expect(limits.compiledCalendarIntervals == BusinessCalendar.maximumCompiledIntervals)
        #expect(limits.allocationParts == 1_000_000)
        #expect(limits.allocationParts == Money.maximumAllocationParts)
        #expect(limits.periodsPerRequest == 100_000)
        #expect(limits.periodsPerRequest == BillingCycle.maximumPeriodCount)
        #expect(limits.decodedCollectionElements == 10_000_000)
        #expect(limits.decodedCollectionElements == ResourceLimits.maximumDecodedCollectionElements)
    }

    @Test func everyLimitMayBeLoweredToOne() throws {
        let limits = try ResourceLimits(
            calendarHorizonDays: 1, compiledCalendarIntervals: 1, allocationParts: 1,
            periodsPerRequest: 1, decodedCollectionElements: 1)
        #expect(limits.calendarHorizonDays == 1)
        #expect(limits.compiledCalendarIntervals == 1)
        #expect(limits.allocationParts == 1)
        #expect(limits.periodsPerRequest == 1)
        #expect(limits.decodedCollectionElements == 1)
        // Lowering one leaves the others at their maxima.
        let one = try ResourceLimits(allocationParts: 7)
        #expect(one.allocationParts == 7)
        #expect(one.calendarHorizonDays == 18_300)
        #expect(one.decodedCollectionElements == 10_000_000)
    }

    /// (field, value given, hard maximum): zero, negatives and one past the maximum.
    static let outOfRange: [(String, Int, Int)] = [
        ("calendarHorizonDays", 0, 18_300), ("calendarHorizonDays", 18_301, 18_300),
        ("calendarHorizonDays", Int.min, 18_300),
        ("compiledCalendarIntervals", -1, 2_000_000),
        ("compiledCalendarIntervals", 2_000_001, 2_000_000),
        ("allocationParts", 0, 1_000_000), ("allocationParts", 1_000_001, 1_000_000),
        ("periodsPerRequest", -5, 100_000), ("periodsPerRequest", 100_001, 100_000),
        ("decodedCollectionElements", 0, 10_000_000),
        ("decodedCollectionElements", Int.max, 10_000_000),
    ]

    @Test(arguments: outOfRange)
    func limitOutsideOneToItsMaximumIsRejected(field: String, value: Int, maximum: Int) {
        let expected = ResourceLimitError.outOfRange(value, field: field, maximum: maximum)
        #expect(expected.message == "\(field) \(value) is outside 1...\(maximum)")
        #expect(throws: expected) {
            switch field {
            case "calendarHorizonDays": _ = try ResourceLimits(calendarHorizonDays: value)
            case "compiledCalendarIntervals":
                _ = try ResourceLimits(compiledCalendarIntervals: value)
            case "allocationParts": _ = try ResourceLimits(allocationParts: value)
            case "periodsPerRequest": _ = try ResourceLimits(periodsPerRequest: value)
            default: _ = try ResourceLimits(decodedCollectionElements: value)
            }
        }
    }

    @Test func theFirstLimitOutOfRangeIsNamed() {
        #expect(
            throws: ResourceLimitError.outOfRange(0, field: "allocationParts", maximum: 1_000_000)
        ) {
            try ResourceLimits(allocationParts: 0, periodsPerRequest: 0)
        }
    }

    // MARK: Each lowered limit enforced

    @Test func loweredCalendarHorizon() throws {
        let calendar = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: weekdays([span("09:00", "17:00")]))
        let limits = try ResourceLimits(calendarHorizonDays: 31)
        // January 2026 is exactly 31 days: accepted. One millisecond more is not.
        let january = try horizon("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")
        #expect(try calendar.compiled(for: january, limits: limits).horizon == january)
        let longer = try horizon("2026-01-01T00:00:00Z", "2026-02-01T00:00:00.001Z")
        let expected = CalendarError.horizonTooLong(longer, limitDays: 31)
        #expect(expected.message == "horizon \(longer) is longer than 31 days")
        #expect(throws: expected) { try calendar.compiled(for: longer, limits: limits) }
        // The default still accepts it.
        #expect(try calendar.compiled(for: longer).horizon == longer)
    }

    @Test func loweredCompiledIntervals() throws {
        // Monday to Friday 09:00-17:00 UTC over Monday 2026-01-05 to Monday 2026-01-12.
        // The bound counts two days of margin each side: local days 2026-01-03 (the start's
        // day minus 2) to 2026-01-14 (the day of the end plus one second, plus 2), 12 days,
        // so (11 + 7) / 7 = 2 weeks of 5 spans: 10 intervals at most.
        let calendar = try BusinessCalendar(
            timeZone: "UTC", weeklyHours: weekdays([span("09:00", "17:00")]))
        let week = try horizon("2026-01-05T00:00:00Z", "2026-01-12T00:00:00Z")
        let ten = try ResourceLimits(compiledCalendarIntervals: 10)
        #expect(try calendar.compiled(for: week, limits: ten).intervalCount == 5)
        let nine = try ResourceLimits(compiledCalendarIntervals: 9)
        let expected = CalendarError.tooManyIntervals(week, limit: 9)
        #expect(expected.message == "compiling over \(week) needs more than 9 open intervals")
        #expect(throws: expected) { try calendar.compiled(for: week, limits: nine) }
    }

    @Test func loweredAllocationParts() throws {
        let limits = try ResourceLimits(allocationParts: 3)
        let total = try usd("100.00")
        // 100.00 into 3: 33.33 each and one cent left, which goes to the first part.
        #expect(
            try total.split(into: 3, limits: limits)
                == [usd("33.34"), usd("33.33"), usd("33.33")])
        #expect(
            throws: MoneyError.invalidCount(4, field: "count", reason: "must be in 1...3")
        ) { try total.split(into: 4, limits: limits) }
        #expect(
            try total.allocated(by: [1, 1, 1] as [Int64], limits: limits)
                == [usd("33.34"), usd("33.33"), usd("33.33")])
        #expect(
            throws: MoneyError.invalidCount(4, field: "parts", reason: "more than 3 parts")
        ) { try total.allocated(by: [1, 1, 1, 1] as [Int64], limits: limits) }
        let quarter = try Rational(1, 4)
        #expect(
            throws: MoneyError.invalidCount(4, field: "parts", reason: "more than 3 parts")
        ) { try total.allocated(by: [quarter, quarter, quarter, quarter], limits: limits) }
        // The default allows four.
        #expect(
            try total.split(into: 4) == [usd("25.00"), usd("25.00"), usd("25.00"), usd("25.00")])
    }

    @Test func loweredPeriodsPerRequest() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC")
        // 2026 overlaps the twelve calendar months January to December.
        let year = try horizon("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")
        let twelve = try ResourceLimits(periodsPerRequest: 12)
        #expect(try cycle.periods(overlapping: year, limits: twelve).count == 12)
        let eleven = try ResourceLimits(periodsPerRequest: 11)
        #expect(throws: PeriodError.tooManyPeriods(12, limit: 11)) {
            try cycle.periods(overlapping: year, limits: eleven)
        }
    }

    // MARK: Decoding

    @Test func decodedCollectionAtTheLimitIsAccepted() throws {
        let limits = try ResourceLimits(decodedCollectionElements: 3)
        let numbers = try decode(Numbers.self, #"{"items": [1, 2, 3]}"#, limits: limits)
        #expect(numbers.items == [1, 2, 3])
        #expect(numbers.extra == nil)
        let withNull = try decode(Numbers.self, #"{"items": [], "extra": null}"#, limits: limits)
        #expect(withNull.extra == nil)
        let withExtra = try decode(Numbers.self, #"{"items": [], "extra": [4]}"#, limits: limits)
        #expect(withExtra.extra == [4])
    }

    @Test func decodedCollectionOverTheLimitIsRejectedWithItsKeyAndCount() throws {
        let limits = try ResourceLimits(decodedCollectionElements: 2)
        let error = #expect(throws: DecodingError.self) {
            try decode(Numbers.self, #"{"items": [1, 2, 3]}"#, limits: limits)
        }
        let (found, path) = try #require(limitError(error))
        #expect(found == .tooManyElements("3", field: "items", limit: 2))
        #expect(found?.message == "items holds 3 elements; at most 2 are decoded")
        #expect(path == [])
        // An optional array, nested one level: the path is the container's.
        let nested = #expect(throws: DecodingError.self) {
            try decode(
                Outer.self, #"{"outer": {"items": [], "extra": [1, 2, 3, 4]}}"#, limits: limits)
        }
        let (nestedError, nestedPath) = try #require(limitError(nested))
        #expect(nestedError == .tooManyElements("4", field: "extra", limit: 2))
        #expect(nestedPath == ["outer"])
    }

    @Test func decodersWithoutLimitsUseTheDefault() throws {
        let numbers = try decode(Numbers.self, #"{"items": [1, 2, 3]}"#, limits: nil)
        #expect(numbers.items == [1, 2, 3])
    }

    @Test func userInfoOfTheWrongTypeIsRejected() throws {
        let decoder = JSONDecoder()
        decoder.userInfo[ResourceLimits.codingUserInfoKey] = 10
        let expected = ResourceLimitError.invalidUserInfo(Int.self)
        #expect(expected.field == "userInfo")
        #expect(expected.value == "Int")
        #expect(
            expected.message
                == "userInfo[org.mspkit.resourceLimits] holds a Int, not a ResourceLimits")
        #expect(throws: expected) {
            try decoder.decode(Numbers.self, from: Data(#"{"items": []}"#.utf8))
        }
        #expect(ResourceLimits.codingUserInfoKey.rawValue == "org.mspkit.resourceLimits")
    }

    // MARK: JSON of the limits

    @Test func limitsRoundTripAndOmittedFieldsDefault() throws {
        let limits = try ResourceLimits(calendarHorizonDays: 800, decodedCollectionElements: 10_000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(limits), as: UTF8.self)
        #expect(
            json
                == #"{"allocationParts":1000000,"calendarHorizonDays":800,"#
                + #""compiledCalendarIntervals":2000000,"decodedCollectionElements":10000,"#
                + #""periodsPerRequest":100000}"#)
        #expect(try JSONDecoder().decode(ResourceLimits.self, from: Data(json.utf8)) == limits)
        let partial = #"{"calendarHorizonDays": 800, "decodedCollectionElements": 10000}"#
        #expect(try JSONDecoder().decode(ResourceLimits.self, from: Data(partial.utf8)) == limits)
        #expect(try JSONDecoder().decode(ResourceLimits.self, from: Data("{}".utf8)) == .default)
    }

    @Test func decodedLimitsAreRevalidated() {
        #expect(
            throws: ResourceLimitError.outOfRange(0, field: "periodsPerRequest", maximum: 100_000)
        ) {
            try JSONDecoder().decode(
                ResourceLimits.self, from: Data(#"{"periodsPerRequest": 0}"#.utf8))
        }
    }

    @Test func errorsDescribeThemselves() {
        let error = ResourceLimitError.outOfRange(
            20_000, field: "calendarHorizonDays", maximum: 18_300)
        #expect(error.code == .outOfRange)
        #expect(error.code.description == "outOfRange")
        #expect(error.description == "outOfRange: calendarHorizonDays 20000 is outside 1...18300")
        #expect(ResourceLimitError.Code.tooManyElements.rawValue == "tooManyElements")
        #expect(ResourceLimitError.Code.invalidUserInfo.rawValue == "invalidUserInfo")
    }
}
