import Foundation
import MSPCore
import MSPTestSupport
import Testing

/// Tests of ``LocalDate`` and ``Weekday``, the calendar values billing cycles are built on.
@Suite struct BillingCycleLocalDateTests {
    @Test(arguments: [
        (2026, 1, 31, "2026-01-31"),
        (2028, 2, 29, "2028-02-29"),
        (2000, 2, 29, "2000-02-29"),
        (1, 1, 1, "0001-01-01"),
        (9999, 12, 31, "9999-12-31"),
    ])
    func validDates(year: Int, month: Int, day: Int, text: String) throws {
        let date = try LocalDate(year: year, month: month, day: day)
        #expect(date.description == text)
        #expect(try LocalDate(parsing: text) == date)
        #expect(LocalDate(text) == date)
    }

    @Test(arguments: [
        (2027, 2, 29, "2027-02-29"),
        (1900, 2, 29, "1900-02-29"),
        (2026, 4, 31, "2026-04-31"),
        (2026, 13, 1, "2026-13-01"),
        (2026, 0, 1, "2026-00-01"),
        (2026, 1, 0, "2026-01-00"),
        (0, 1, 1, "0000-01-01"),
        (10_000, 1, 1, "10000-01-01"),
        (-5, 1, 1, "-0005-01-01"),
    ])
    func invalidDates(year: Int, month: Int, day: Int, text: String) {
        #expect(throws: PeriodError.invalidDate(text, field: "date")) {
            try LocalDate(year: year, month: month, day: day)
        }
    }

    @Test(arguments: [
        "2026-1-05", "2026-01-5", "2026/01/05", "", "20260105", "2026-02-30",
        "+026-01-05", "2026-01-05T00:00", "２０２６-01-05",
    ])
    func invalidText(text: String) {
        #expect(throws: PeriodError.invalidDate(text, field: "date")) {
            try LocalDate(parsing: text)
        }
        #expect(LocalDate(text) == nil)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-01-31", 2, "2026-03-31"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-05-15", -17, "2024-12-15"),
        ("2026-05-15", 0, "2026-05-15"),
    ])
    func addingMonthsClampsTheDay(start: String, months: Int, expected: String) throws {
        #expect(try LocalDate(parsing: start).adding(months: months).description == expected)
    }

    @Test(arguments: [
        ("2026-01-15", 17, "2026-02-01"),
        ("2028-02-28", 1, "2028-02-29"),
        ("2027-02-28", 1, "2027-03-01"),
        ("2026-01-01", -1, "2025-12-31"),
        ("1970-01-01", 0, "1970-01-01"),
        ("2000-03-01", -1, "2000-02-29"),
    ])
    func addingDays(start: String, days: Int, expected: String) throws {
        let date = try LocalDate(parsing: start)
        let result = try date.adding(days: days)
        #expect(result.description == expected)
        #expect(date.days(to: result) == days)
    }

    @Test func rangeLimits() throws {
        let last = try LocalDate(parsing: "9999-12-31")
        let first = try LocalDate(parsing: "0001-01-01")
        let outOfRange: [() throws -> LocalDate] = [
            { try last.adding(days: 1) }, { try last.adding(months: 1) },
            { try last.adding(days: .max) }, { try last.adding(months: .min) },
            { try first.adding(days: -1) },
        ]
        for attempt in outOfRange {
            let error = #expect(throws: PeriodError.self) { try attempt() }
            #expect(error?.code == .outOfRange, "\(String(describing: error))")
        }
        #expect(first.days(to: last) == 3_652_058)
    }

    @Test(arguments: [
        ("2026-01-01", Weekday.thursday),
        ("2001-01-01", .monday),
        ("1970-01-01", .thursday),
        ("2028-02-29", .tuesday),
        ("0001-01-01", .monday),
        ("1969-12-28", .sunday),
    ])
    func weekdays(text: String, weekday: Weekday) throws {
        #expect(try LocalDate(parsing: text).weekday == weekday)
    }

    @Test func weekdayNumbers() throws {
        #expect(Weekday.allCases.map(\.isoNumber) == [1, 2, 3, 4, 5, 6, 7])
        #expect(try Weekday(isoNumber: 7) == .sunday)
        #expect(throws: PeriodError.invalidWeekday(0)) { try Weekday(isoNumber: 0) }
        #expect(throws: PeriodError.invalidWeekday(8)) { try Weekday(isoNumber: 8) }
        let json = try JSONEncoder().encode([Weekday.monday, .sunday])
        #expect(String(decoding: json, as: UTF8.self) == #"["monday","sunday"]"#)
    }

    @Test func ordering() throws {
        let dates = try ["2026-02-01", "2025-12-31", "2026-01-31"].map(LocalDate.init(parsing:))
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-31", "2026-02-01"])
    }

    @Test func json() throws {
        let date = try LocalDate(parsing: "2028-02-29")
        let encoded = try JSONEncoder().encode([date])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2028-02-29"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: encoded) == [date])
        for bad in [#"["2027-02-29"]"#, #"[20280229]"#, #"["2028-2-29"]"#] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode([LocalDate].self, from: Data(bad.utf8))
            }
        }
    }

    @Test func localDateOfAnInstant() throws {
        let instant = try Date("2026-03-01T04:59:59Z", strategy: .iso8601)
        #expect(
            try LocalDate(containing: instant, inTimeZone: "America/New_York").description
                == "2026-02-28")
        #expect(
            try LocalDate(containing: instant, inTimeZone: "Asia/Tokyo").description
                == "2026-03-01")
        #expect(throws: PeriodError.unknownTimeZone("Nowhere/Special")) {
            try LocalDate(containing: instant, inTimeZone: "Nowhere/Special")
        }
        let nan = Date(timeIntervalSince1970: .nan)
        #expect(throws: PeriodError.invalidInstant(nan, field: "instant")) {
            try LocalDate(containing: nan, inTimeZone: "UTC")
        }
    }

    @Test func daysRoundTripThroughArithmetic() throws {
        try checkProperty(seed: 0x10CA_1DA7E) { random in
            let start = try LocalDate(
                year: random.int(in: 1...9999), month: random.int(in: 1...12), day: 1)
            let offset = random.int(in: -400_000...400_000)
            let input = "\(start) + \(offset) days"
            let position = try LocalDate(parsing: "0001-01-01").days(to: start) + offset
            guard let moved = try? start.adding(days: offset) else {
                let outside = position < 0 || position > 3_652_058
                return (input, outside ? nil : "threw inside years 1...9999")
            }
            guard start.days(to: moved) == offset, try moved.adding(days: -offset) == start else {
                return (input, "got \(moved)")
            }
            guard moved.day <= LocalDate.daysInMonth(year: moved.year, month: moved.month),
                try LocalDate(parsing: moved.description) == moved
            else { return (input, "\(moved) is not a valid date") }
            let weekdayShift = ((offset % 7) + 7) % 7
            guard (start.weekday.isoNumber - 1 + weekdayShift) % 7 + 1 == moved.weekday.isoNumber
            else { return (input, "weekday \(moved.weekday) after \(start.weekday)") }
            return (input, nil)
        }
    }

    @Test func localDatesAndFirstInstantsAgreeWithFoundationCalendar() throws {
        try checkProperty(seed: 0xF0_C0DA) { random in
            let zone = random.element(of: propertyTimeZones)
            let instant = random.instant()
            let input = "\(zone) at \(instant.timeIntervalSince1970)"
            guard let timeZone = TimeZone(identifier: zone) else { return (input, "no zone") }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            let date = try LocalDate(containing: instant, inTimeZone: zone)
            guard parts.year == date.year, parts.month == date.month, parts.day == date.day else {
                return (input, "\(date) but Calendar says \(parts)")
            }
            let first = try date.firstInstant(inTimeZone: zone)
            let expected = calendar.startOfDay(for: instant)
            guard first == expected else {
                return (input, "first instant \(first) but Calendar says \(expected)")
            }
            return (input, nil)
        }
    }

    @Test(arguments: [
        ("2026-03-31", -1, "2026-02-28"), ("2024-03-31", -1, "2024-02-29"),
        ("2026-01-15", -13, "2024-12-15"), ("2026-05-31", -12, "2025-05-31"),
    ])
    func subtractingMonthsClampsTheDay(start: String, months: Int, expected: String) throws {
        #expect(
            try LocalDate(parsing: start).adding(months: months) == LocalDate(parsing: expected))
    }
}
