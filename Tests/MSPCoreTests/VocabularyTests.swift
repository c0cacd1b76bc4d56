import Foundation
import MSPCore
import MSPTestSupport
import Testing

@Suite struct VocabularyTests {
    private func april2026() throws -> BillingPeriod {
        try BillingPeriod(
            startDate: day("2026-04-01"), endDate: day("2026-05-01"),
            timeZoneIdentifier: "America/New_York")
    }

    @Test func builtInCategoriesHaveTheirDocumentedNames() {
        #expect(BillableCategory.workstation.rawValue == "workstation")
        #expect(BillableCategory.networkDevice.rawValue == "network-device")
        #expect(BillableCategory.monitoredEndpoint.rawValue == "monitored-endpoint")
        #expect(BillableCategory.licence.rawValue == "licence")
        #expect(Set([BillableCategory.server, .user, .mobile, .workstation]).count == 4)
    }

    @Test func aCallersCategoryEqualsTheBuiltInOfTheSameName() throws {
        #expect(try BillableCategory("server") == .server)
        #expect(throws: IdentifierError.blank("  ")) { try BillableCategory("  ") }
    }

    @Test func unitDaysAverageIsAnExactFractionOfThePeriod() throws {
        // 40 devices all month (1,200 unit-days) less 3 removed at the start of day 15
        // (16 days each missed: 48) plus 1 added for the last 10 days: 1,162 unit-days / 30.
        let usage = try UnitUsage(
            customer: CustomerID("acme"), category: .workstation,
            measure: .unitDays(1_200 - 48 + 10, period: april2026()))
        #expect(usage.averageUnits == (try Rational(1_162, 30)))
        #expect(usage.averageUnits == (try Rational(581, 15)))
    }

    @Test func unitSecondsAverageUsesThePeriodsExactSeconds() throws {
        // March 2026 in New York has 31 days less the spring-forward hour.
        let march = try BillingPeriod(
            startDate: day("2026-03-01"), endDate: day("2026-04-01"),
            timeZoneIdentifier: "America/New_York")
        let seconds: Int64 = 31 * 86_400 - 3_600
        let usage = try UnitUsage(
            customer: CustomerID("acme"), category: .server,
            measure: .unitSeconds(2 * seconds + seconds / 2, period: march))
        #expect(usage.averageUnits == (try Rational(5, 2)))
    }

    @Test func countAverageIsTheCount() throws {
        let usage = try UnitUsage(
            customer: CustomerID("acme"), category: .user,
            measure: .count(25, at: instant("2026-04-01T04:00:00Z")))
        #expect(usage.averageUnits == Rational(25))
    }

    @Test func negativeQuantitiesAreRejected() throws {
        let period = try april2026()
        #expect(throws: PeriodError.negativeQuantity(-1, field: "measure")) {
            try UnitUsage(
                customer: CustomerID("acme"), category: .server,
                measure: .unitDays(-1, period: period))
        }
        let error = #expect(throws: PeriodError.self) {
            try UnitUsage(
                customer: CustomerID("acme"), category: .server,
                measure: .count(0, at: Date(timeIntervalSince1970: .infinity)))
        }
        #expect(error?.code == .invalidInstant)
    }

    @Test func usageRoundTripsThroughJSON() throws {
        let values = [
            try UnitUsage(
                customer: CustomerID("acme"), category: .workstation,
                measure: .unitDays(1_162, period: april2026())),
            try UnitUsage(
                customer: CustomerID("acme"), category: .user,
                measure: .count(25, at: instant("2026-04-01T04:00:00Z"))),
            try UnitUsage(
                customer: CustomerID("globex"), category: .server,
                measure: .unitSeconds(86_400, period: april2026())),
        ]
        let data = try JSONEncoder().encode(values)
        #expect(try JSONDecoder().decode([UnitUsage].self, from: data) == values)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains(#""count":25"#))
        #expect(text.contains(#""at":"2026-04-01T04:00:00.000Z""#))
    }

    @Test(arguments: [
        #"{"customer":"a","category":"server","measure":{"count":-2,"at":"2026-04-01T00:00:00Z"}}"#,
        #"{"customer":"a","category":"server","measure":{}}"#,
        #"{"customer":"a","category":"server","measure":{"count":2,"unitDays":3}}"#,
        #"{"customer":"a","category":"server","measure":{"count":2,"at":"yesterday"}}"#,
        #"{"customer":"","category":"server","measure":{"count":2,"at":"2026-04-01T00:00:00Z"}}"#,
    ])
    func malformedUsageJSONIsRejected(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(UnitUsage.self, from: Data(json.utf8))
        }
    }

    @Test func outageDecodesWithDefaultsAndRoundTrips() throws {
        let json = #"{"range":{"start":"2026-04-02T10:00:00Z","end":"2026-04-02T10:05:00Z"}}"#
        let outage = try JSONDecoder().decode(Outage.self, from: Data(json.utf8))
        #expect(outage.kind == .down)
        #expect(outage.cause == "")
        #expect(outage.range.duration == .seconds(300))
        let unknown = Outage(range: outage.range, kind: .unknown, cause: "no heartbeat")
        let data = try JSONEncoder().encode(unknown)
        #expect(try JSONDecoder().decode(Outage.self, from: data) == unknown)
    }

    @Test func dateRangeFromMillisecondsValidates() throws {
        let range = try DateRange(startMilliseconds: 0, endMilliseconds: 1_000)
        #expect(range.start == Date(timeIntervalSince1970: 0))
        #expect(range.endMilliseconds == 1_000)
        #expect(throws: PeriodError.self) {
            try DateRange(startMilliseconds: 5, endMilliseconds: 4)
        }
        let error = #expect(throws: PeriodError.self) {
            try DateRange(startMilliseconds: 0, endMilliseconds: .max)
        }
        #expect(error?.code == .invalidInstant)
        #expect(error?.field == "end")
    }

    @Test func millisecondConversionFollowsTheSupportedRange() {
        #expect(DateRange.milliseconds(of: Date(timeIntervalSince1970: 1.2344)) == 1_234)
        // 62.5 ms exactly: the tie goes to the even millisecond.
        #expect(DateRange.milliseconds(of: Date(timeIntervalSince1970: 0.0625)) == 62)
        #expect(DateRange.milliseconds(of: Date(timeIntervalSince1970: .nan)) == nil)
        let last = DateRange.supportedMilliseconds.upperBound - 1  // 9999-12-31T23:59:59.999Z
        #expect(last == 253_402_300_799_999)
        #expect(
            DateRange.milliseconds(of: Date(timeIntervalSince1970: Double(last + 1) / 1000)) == nil)
        #expect(DateRange.supportedMilliseconds.lowerBound == -62_135_596_800_000)
    }

    @Test(arguments: [
        // (text, milliseconds since 1970, canonical text)
        ("2026-01-31T05:00:00Z", Int64(1_769_835_600_000), "2026-01-31T05:00:00.000Z"),
        ("2026-01-31T00:00:00.5-05:00", 1_769_835_600_500, "2026-01-31T05:00:00.500Z"),
        ("1969-12-31T23:59:59.999Z", -1, "1969-12-31T23:59:59.999Z"),
        ("0001-01-01T00:00:00Z", -62_135_596_800_000, "0001-01-01T00:00:00.000Z"),
        // Finer fractions round to the millisecond, ties to even: 0.5 ms → 0, 1.5 ms → 2,
        // 2.5 ms → 2, 2.500001 ms → 3, and 999.5 ms carries into the next second.
        ("1970-01-01T00:00:00.0005Z", 0, "1970-01-01T00:00:00.000Z"),
        ("1970-01-01T00:00:00.0015Z", 2, "1970-01-01T00:00:00.002Z"),
        ("1970-01-01T00:00:00.0025Z", 2, "1970-01-01T00:00:00.002Z"),
        ("1970-01-01T00:00:00.002500001Z", 3, "1970-01-01T00:00:00.003Z"),
        ("1970-01-01T00:00:00.9995+00:00", 1000, "1970-01-01T00:00:01.000Z"),
        ("2026-04-20T05:30:00.000000000+05:30", 1_776_643_200_000, "2026-04-20T00:00:00.000Z"),
    ])
    func instantsReadAndWriteAsISO8601(text: String, milliseconds: Int64, canonical: String)
        throws
    {
        let instant = try #require(DateRange.instant(iso8601: text))
        #expect(DateRange.milliseconds(of: instant) == milliseconds)
        #expect(DateRange.instant(milliseconds: milliseconds) == instant)
        #expect(DateRange.iso8601(instant) == canonical)
        #expect(DateRange.instant(iso8601: canonical) == instant)
    }

    /// Random instants (10,000, seeded) from 1600 to 9999 are written as Foundation's
    /// Gregorian calendar reads them in UTC, and read back to the same millisecond; any
    /// supported instant round-trips.
    @Test func iso8601TextAgreesWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let from1600: Int64 = -11_676_096_000_000
        try checkProperty(seed: 0x150_8601) { random in
            let milliseconds = random.int64(
                in: from1600...(DateRange.supportedMilliseconds.upperBound - 1))
            let instant = DateRange.instant(milliseconds: milliseconds)
            let text = DateRange.iso8601(instant) ?? "nil"
            let seconds = Int64((Double(milliseconds) / 1000).rounded(.down))
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second],
                from: Date(timeIntervalSince1970: Double(seconds)))
            func pad(_ value: Int?, _ width: Int) -> String {
                let digits = String(value ?? -1)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            let expected =
                "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T"
                + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))."
                + "\(pad(Int(milliseconds - seconds * 1000), 3))Z"
            let back = DateRange.instant(iso8601: text).flatMap { DateRange.milliseconds(of: $0) }
            return (
                String(milliseconds),
                text != expected
                    ? "\(text) != \(expected)"
                    : back != milliseconds ? "read back \(String(describing: back))" : nil
            )
        }
        try checkProperty(seed: 0x150_8602) { random in
            let milliseconds = random.int64(
                in: DateRange.supportedMilliseconds
                    .lowerBound...(DateRange.supportedMilliseconds.upperBound - 1))
            let text = DateRange.iso8601(DateRange.instant(milliseconds: milliseconds)) ?? "nil"
            let back = DateRange.instant(iso8601: text).flatMap { DateRange.milliseconds(of: $0) }
            return (
                String(milliseconds),
                back == milliseconds ? nil : "\(text) read back as \(String(describing: back))"
            )
        }
    }

    @Test(arguments: [
        "2026-01-31", "2026-01-31T05:00:00", "2026-01-31T24:00:00Z",
        "2026-01-31T05:00:00.1234567891Z",
        "2026-02-30T05:00:00Z", "10000-01-01T00:00:00Z", "2026-01-31T05:00:00.Z", "",
        "2026/01/31T05:00:00Z", "0000-01-01T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-1-031T05:00:00Z",
    ])
    func malformedInstantTextIsNil(text: String) {
        #expect(DateRange.instant(iso8601: text) == nil)
    }

    @Test func unsupportedInstantsHaveNoText() {
        #expect(DateRange.iso8601(Date(timeIntervalSince1970: .infinity)) == nil)
        #expect(DateRange.iso8601(Date(timeIntervalSince1970: 253_402_300_800)) == nil)
    }

    @Test func typedIdentifiersAreDistinctTypes() throws {
        let customer = try CustomerID("x-1")
        let device = try DeviceID("x-1")
        #expect(customer.rawValue == device.rawValue)
        #expect(!(CustomerID.self == DeviceID.self))
    }
}

@Suite struct MSPErrorTests {
    @Test func everyCoreErrorNamesItsRuleFieldAndValue() throws {
        var caught: [any MSPError] = []
        do { _ = try Money(parsing: "1.234", currency: .usd) } catch { caught.append(error) }
        do { _ = try CustomerID("a\nb") } catch { caught.append(error) }
        do { _ = try LocalDate(parsing: "2026-02-30") } catch { caught.append(error) }
        #expect(caught.count == 3)
        #expect(caught.map(\.codeName)[1] == "controlCharacter")
        #expect(caught.map(\.field)[1] == "identifier")
        #expect(caught.map(\.value)[1] == "a\nb")
        #expect(caught.allSatisfy { !$0.message.isEmpty && !$0.codeName.isEmpty })
        #expect(caught.allSatisfy { $0.description.hasPrefix($0.codeName + ": ") })
    }

    @Test(arguments: [
        (IdentifierError.empty, "empty: an identifier must not be empty"),
        (IdentifierError.blank("  "), #"blank: identifier "  " is only white space"#),
        (
            IdentifierError.controlCharacter("a\tb"),
            #"controlCharacter: identifier "a\tb" contains a control character"#
        ),
        (
            IdentifierError.tooLong(String(repeating: "x", count: 300), limit: 256),
            "tooLong: identifier \"\(String(repeating: "x", count: 64))…\" is longer than 256 bytes"
        ),
    ])
    func identifierErrorsReadAsSentences(error: IdentifierError, text: String) {
        #expect(error.description == text)
    }
}

/// A document with one instant, coded with MSPCore's instant text.
private struct Stamp: Codable, Equatable {
    var at: Date
    private enum CodingKeys: String, CodingKey { case at }
    init(at: Date) { self.at = at }
    init(from decoder: any Decoder) throws {
        at = try decoder.container(keyedBy: CodingKeys.self).decodeISO8601Instant(forKey: .at)
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeISO8601Instant(at, forKey: .at)
    }
}

@Suite struct InstantCodingTests {
    @Test func instantsAreTextWhateverTheDateStrategy() throws {
        let stamp = Stamp(at: DateRange.instant(milliseconds: 1_769_835_600_500))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let text = String(decoding: try encoder.encode(stamp), as: UTF8.self)
        #expect(text == #"{"at":"2026-01-31T05:00:00.500Z"}"#)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        #expect(try decoder.decode(Stamp.self, from: Data(text.utf8)) == stamp)
    }

    @Test(arguments: [
        #"{"at": 1769835600}"#, #"{"at": "2026-01-31"}"#, #"{"at": "10000-01-01T00:00:00Z"}"#,
    ])
    func otherShapesAreRefused(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Stamp.self, from: Data(json.utf8))
        }
    }

    @Test func unsupportedInstantsAreNotWritten() {
        #expect(throws: EncodingError.self) {
            try JSONEncoder().encode(Stamp(at: Date(timeIntervalSince1970: .infinity)))
        }
    }
}
