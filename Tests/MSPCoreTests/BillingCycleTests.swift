import Foundation
import MSPCore
import Testing

/// `"start..<end"` of a period's local dates.
private func dates(_ period: BillingPeriod) -> String {
    "\(period.startDate)..<\(period.endDate)"
}

@Suite struct BillingCycleTests {
    // MARK: Month-end anchors

    @Test func anchorDay31OverAWholeYear() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 31, timeZoneIdentifier: "UTC")
        let year = try DateRange(
            start: instant("2026-01-31T00:00:00Z"), end: instant("2027-01-31T00:00:00Z"))
        let periods = try cycle.periods(overlapping: year)
        #expect(
            periods.map(dates) == [
                "2026-01-31..<2026-02-28",
                "2026-02-28..<2026-03-31",
                "2026-03-31..<2026-04-30",
                "2026-04-30..<2026-05-31",
                "2026-05-31..<2026-06-30",
                "2026-06-30..<2026-07-31",
                "2026-07-31..<2026-08-31",
                "2026-08-31..<2026-09-30",
                "2026-09-30..<2026-10-31",
                "2026-10-31..<2026-11-30",
                "2026-11-30..<2026-12-31",
                "2026-12-31..<2027-01-31",
            ])
        #expect(
            periods.map(\.range.description) == [
                "[2026-01-31T00:00:00.000Z, 2026-02-28T00:00:00.000Z)",
                "[2026-02-28T00:00:00.000Z, 2026-03-31T00:00:00.000Z)",
                "[2026-03-31T00:00:00.000Z, 2026-04-30T00:00:00.000Z)",
                "[2026-04-30T00:00:00.000Z, 2026-05-31T00:00:00.000Z)",
                "[2026-05-31T00:00:00.000Z, 2026-06-30T00:00:00.000Z)",
                "[2026-06-30T00:00:00.000Z, 2026-07-31T00:00:00.000Z)",
                "[2026-07-31T00:00:00.000Z, 2026-08-31T00:00:00.000Z)",
                "[2026-08-31T00:00:00.000Z, 2026-09-30T00:00:00.000Z)",
                "[2026-09-30T00:00:00.000Z, 2026-10-31T00:00:00.000Z)",
                "[2026-10-31T00:00:00.000Z, 2026-11-30T00:00:00.000Z)",
                "[2026-11-30T00:00:00.000Z, 2026-12-31T00:00:00.000Z)",
                "[2026-12-31T00:00:00.000Z, 2027-01-31T00:00:00.000Z)",
            ])
        #expect(periods.map(\.dayCount) == [28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31])
        let indexes = periods.map(\.index)
        #expect(indexes == Array(indexes[0]..<(indexes[0] + 12)))
    }

    @Test func anchorDay31InNewYorkStartsAtLocalMidnight() throws {
        let cycle = try BillingCycle.monthly(
            anchorDay: 31, timeZoneIdentifier: "America/New_York")
        let february = try cycle.period(containing: instant("2026-03-15T12:00:00Z"))
        #expect(dates(february) == "2026-02-28..<2026-03-31")
        // EST (-05:00) at the start, EDT (-04:00) from March 8.
        #expect(try february.start == instant("2026-02-28T05:00:00Z"))
        #expect(try february.end == instant("2026-03-31T04:00:00Z"))
        #expect(february.duration == .seconds((31 * 24 - 1) * 3600))
        #expect(february.lastDate == (try day("2026-03-30")))
    }

    @Test(arguments: [
        // anchor day, an instant inside, expected local dates
        (29, "2028-02-10T00:00:00Z", "2028-01-29..<2028-02-29"),
        (29, "2028-03-01T00:00:00Z", "2028-02-29..<2028-03-29"),
        (29, "2027-03-01T00:00:00Z", "2027-02-28..<2027-03-29"),
        (30, "2028-02-10T00:00:00Z", "2028-01-30..<2028-02-29"),
        (30, "2028-03-15T00:00:00Z", "2028-02-29..<2028-03-30"),
        (30, "2027-03-15T00:00:00Z", "2027-02-28..<2027-03-30"),
        (31, "2028-03-15T00:00:00Z", "2028-02-29..<2028-03-31"),
        (28, "2028-02-28T23:59:59Z", "2028-02-28..<2028-03-28"),
        (1, "2028-02-29T12:00:00Z", "2028-02-01..<2028-03-01"),
    ])
    func anchorDaysAcrossLeapYear(anchorDay: Int, at text: String, expected: String) throws {
        let cycle = try BillingCycle.monthly(anchorDay: anchorDay, timeZoneIdentifier: "UTC")
        #expect(dates(try cycle.period(containing: instant(text))) == expected)
    }

    @Test func quarterlyFromNovember30() throws {
        let cycle = try BillingCycle.quarterly(
            anchoredAt: day("2025-11-30"), timeZoneIdentifier: "Europe/Berlin")
        let span = try DateRange(
            start: instant("2025-12-01T00:00:00Z"), end: instant("2027-03-01T00:00:00Z"))
        let periods = try cycle.periods(overlapping: span)
        #expect(
            periods.map(dates) == [
                "2025-11-30..<2026-02-28",
                "2026-02-28..<2026-05-30",
                "2026-05-30..<2026-08-30",
                "2026-08-30..<2026-11-30",
                "2026-11-30..<2027-02-28",
                "2027-02-28..<2027-05-30",
            ])
        #expect(periods.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(try periods[0].start == instant("2025-11-29T23:00:00Z"))
    }

    @Test func quarterlyWithMonthEndAnchorDay() throws {
        let cycle = try BillingCycle.quarterly(
            anchoredAt: day("2025-11-30"), anchorDay: 31, timeZoneIdentifier: "UTC")
        #expect(dates(try cycle.period(at: 1)) == "2026-02-28..<2026-05-31")
        #expect(dates(try cycle.period(at: 2)) == "2026-05-31..<2026-08-31")
        #expect(dates(try cycle.period(at: -1)) == "2025-08-31..<2025-11-30")
    }

    @Test(arguments: [
        (6, "2026-08-31", 1, "2027-02-28..<2027-08-31"),
        (6, "2026-08-31", -1, "2026-02-28..<2026-08-31"),
        (12, "2028-02-29", 1, "2029-02-28..<2030-02-28"),
        (12, "2028-02-29", 4, "2032-02-29..<2033-02-28"),
        (2, "2026-01-15", 3, "2026-07-15..<2026-09-15"),
        (5, "2026-01-31", 1, "2026-06-30..<2026-11-30"),
    ])
    func everyNMonths(months: Int, anchor: String, index: Int, expected: String) throws {
        let cycle = try BillingCycle.monthly(
            every: months, anchoredAt: day(anchor), timeZoneIdentifier: "Asia/Tokyo")
        let period = try cycle.period(at: index)
        #expect(dates(period) == expected)
        #expect(try cycle.period(containing: period.start) == period)
    }

    @Test func semiannualAndAnnualFactories() throws {
        let semiannual = try BillingCycle.semiannual(
            anchoredAt: day("2026-08-31"), timeZoneIdentifier: "UTC")
        #expect(semiannual.interval == 6)
        #expect(semiannual.anchorDay == 31)
        let annual = try BillingCycle.annual(
            anchoredAt: day("2028-02-29"), timeZoneIdentifier: "UTC")
        #expect(annual.interval == 12)
        #expect(dates(try annual.period(at: 1)) == "2029-02-28..<2030-02-28")
    }

    @Test func contractStartAnchorsThePeriods() throws {
        let cycle = try BillingCycle.monthly(
            anchoredAt: day("2026-03-17"), timeZoneIdentifier: "America/Chicago")
        #expect(cycle.anchorDay == 17)
        let first = try cycle.period(containing: instant("2026-03-17T05:00:00Z"))
        #expect(first.index == 0)
        #expect(dates(first) == "2026-03-17..<2026-04-17")
        #expect(try first.start == instant("2026-03-17T05:00:00Z"))
        let before = try cycle.period(containing: instant("2026-03-17T04:59:59.999Z"))
        #expect(before.index == -1)
        #expect(dates(before) == "2026-02-17..<2026-03-17")
    }

    @Test func monthEndContractStartWithExplicitAnchorDay() throws {
        let cycle = try BillingCycle.monthly(
            anchoredAt: day("2026-02-28"), anchorDay: 31, timeZoneIdentifier: "UTC")
        #expect(dates(try cycle.period(at: 0)) == "2026-02-28..<2026-03-31")
        #expect(dates(try cycle.period(at: 1)) == "2026-03-31..<2026-04-30")
        // Without the explicit anchor day, the date's day (28) is the anchor.
        let plain = try BillingCycle.monthly(
            anchoredAt: day("2026-02-28"), timeZoneIdentifier: "UTC")
        #expect(dates(try plain.period(at: 1)) == "2026-03-28..<2026-04-28")
    }

    // MARK: Boundaries

    @Test func instantOnABoundaryBelongsToTheLaterPeriod() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC")
        let boundary = try instant("2026-02-01T00:00:00Z")
        let february = try cycle.period(containing: boundary)
        #expect(dates(february) == "2026-02-01..<2026-03-01")
        #expect(february.contains(boundary))
        let january = try cycle.period(containing: boundary.addingTimeInterval(-0.001))
        #expect(dates(january) == "2026-01-01..<2026-02-01")
        #expect(!january.contains(boundary))
        #expect(january.end == february.start)
    }

    @Test func nextAndPreviousPeriods() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 31, timeZoneIdentifier: "Europe/Paris")
        let january = try cycle.period(containing: instant("2026-02-10T00:00:00Z"))
        let february = try cycle.period(after: january)
        #expect(dates(february) == "2026-02-28..<2026-03-31")
        #expect(february.index == january.index + 1)
        #expect(february.start == january.end)
        #expect(try cycle.period(before: february) == january)
    }

    @Test func periodsOverlappingARange() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC")
        let inside = try DateRange(
            start: instant("2026-01-10T00:00:00Z"), end: instant("2026-01-20T00:00:00Z"))
        #expect(try cycle.periods(overlapping: inside).map(dates) == ["2026-01-01..<2026-02-01"])
        let endingOnBoundary = try DateRange(
            start: instant("2026-01-10T00:00:00Z"), end: instant("2026-03-01T00:00:00Z"))
        #expect(try cycle.periods(overlapping: endingOnBoundary).count == 2)
        let empty = try DateRange(
            start: instant("2026-01-10T00:00:00Z"), end: instant("2026-01-10T00:00:00Z"))
        #expect(try cycle.periods(overlapping: empty).isEmpty)
    }

    // MARK: Weekly cycles and daylight saving time

    @Test(arguments: [
        // zone, anchor weekday, instant inside, local dates, hours
        (
            "America/New_York", Weekday.sunday, "2026-03-10T12:00:00Z", "2026-03-08..<2026-03-15",
            167
        ),
        ("America/New_York", .sunday, "2026-11-03T12:00:00Z", "2026-11-01..<2026-11-08", 169),
        ("America/New_York", .monday, "2026-03-10T12:00:00Z", "2026-03-09..<2026-03-16", 168),
        ("Europe/London", .monday, "2026-03-29T12:00:00Z", "2026-03-23..<2026-03-30", 167),
        ("Europe/London", .monday, "2026-10-25T12:00:00Z", "2026-10-19..<2026-10-26", 169),
        ("Europe/London", .wednesday, "2026-07-01T12:00:00Z", "2026-07-01..<2026-07-08", 168),
    ])
    func weeklyAcrossDaylightSavingTime(
        zone: String, weekday: Weekday, at text: String, expected: String, hours: Int
    ) throws {
        let cycle = try BillingCycle.weekly(on: weekday, timeZoneIdentifier: zone)
        #expect(cycle.anchorWeekday == weekday)
        #expect(cycle.anchorDay == nil)
        let period = try cycle.period(containing: instant(text))
        #expect(dates(period) == expected)
        #expect(period.startDate.weekday == weekday)
        #expect(period.duration == .seconds(hours * 3600))
    }

    @Test func fortnightlyCycleKeepsItsAlignment() throws {
        let cycle = try BillingCycle.weekly(
            every: 2, anchoredAt: day("2026-01-05"), timeZoneIdentifier: "UTC")
        #expect(dates(try cycle.period(at: 0)) == "2026-01-05..<2026-01-19")
        #expect(dates(try cycle.period(at: -1)) == "2025-12-22..<2026-01-05")
        let period = try cycle.period(containing: instant("2026-01-20T00:00:00Z"))
        #expect(dates(period) == "2026-01-19..<2026-02-02")
        #expect(period.index == 1)
    }

    @Test func halfHourDaylightSavingInLordHowe() throws {
        let cycle = try BillingCycle.monthly(
            anchorDay: 1, timeZoneIdentifier: "Australia/Lord_Howe")
        // +11:00 until 2026-04-05 02:00 local, then +10:30.
        let april = try cycle.period(containing: instant("2026-04-15T00:00:00Z"))
        #expect(try april.start == instant("2026-03-31T13:00:00Z"))
        #expect(try april.end == instant("2026-04-30T13:30:00Z"))
        #expect(april.duration == .seconds(30 * 86_400 + 1800))
        // +10:30 until 2026-10-04 02:00 local, then +11:00.
        let october = try cycle.period(containing: instant("2026-10-15T00:00:00Z"))
        #expect(try october.start == instant("2026-09-30T13:30:00Z"))
        #expect(try october.end == instant("2026-10-31T13:00:00Z"))
        #expect(october.duration == .seconds(31 * 86_400 - 1800))
    }

    @Test func quarterHourOffsetsInChatham() throws {
        let cycle = try BillingCycle.weekly(on: .sunday, timeZoneIdentifier: "Pacific/Chatham")
        // +13:45 until 2026-04-05 03:45 local, then +12:45.
        let week = try cycle.period(containing: instant("2026-04-06T00:00:00Z"))
        #expect(dates(week) == "2026-04-05..<2026-04-12")
        #expect(try week.start == instant("2026-04-04T10:15:00Z"))
        #expect(try week.end == instant("2026-04-11T11:15:00Z"))
        #expect(week.duration == .seconds(169 * 3600))
        let monthly = try BillingCycle.monthly(
            anchorDay: 1, timeZoneIdentifier: "Pacific/Chatham")
        let april = try monthly.period(containing: instant("2026-04-15T00:00:00Z"))
        #expect(try april.start == instant("2026-03-31T10:15:00Z"))
        #expect(try april.end == instant("2026-04-30T11:15:00Z"))
    }

    @Test(arguments: [
        // A day whose midnight is skipped starts at the transition (local 01:00).
        ("America/Santiago", "2022-09-11", "2022-09-11T04:00:00Z", "2022-09-12T03:00:00Z"),
        ("America/Havana", "2023-03-12", "2023-03-12T05:00:00Z", "2023-03-13T04:00:00Z"),
        ("America/Sao_Paulo", "2018-11-04", "2018-11-04T03:00:00Z", "2018-11-05T02:00:00Z"),
        // Midnight repeated: Sao Paulo fell back from 2018-02-18 00:00 to 2018-02-17 23:00.
        ("America/Sao_Paulo", "2018-02-17", "2018-02-17T02:00:00Z", "2018-02-18T03:00:00Z"),
        ("Europe/London", "2026-03-29", "2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z"),
    ])
    func dayWhoseMidnightIsSkippedStartsAtItsFirstInstant(
        zone: String, date: String, start: String, end: String
    ) throws {
        let cycle = try BillingCycle.weekly(
            every: 1, anchoredAt: day(date), timeZoneIdentifier: zone)
        let period = try cycle.period(at: 0)
        #expect(try period.start == instant(start))
        #expect(try day(date).firstInstant(inTimeZone: zone) == instant(start))
        let next = try day(date).adding(days: 1)
        #expect(try next.firstInstant(inTimeZone: zone) == instant(end))
        #expect(try cycle.period(containing: instant(start)).index == 0)
        #expect(try cycle.period(containing: instant(start).addingTimeInterval(-0.001)).index == -1)
    }

    @Test func skippedDayInApia() throws {
        // Samoa skipped 2011-12-30: the day has no instants and begins where Dec 31 begins.
        let skipped = try day("2011-12-30").firstInstant(inTimeZone: "Pacific/Apia")
        let next = try day("2011-12-31").firstInstant(inTimeZone: "Pacific/Apia")
        #expect(skipped == next)
        let cycle = try BillingCycle.monthly(anchorDay: 30, timeZoneIdentifier: "Pacific/Apia")
        let december = try cycle.period(containing: instant("2011-12-29T12:00:00Z"))
        #expect(dates(december) == "2011-11-30..<2011-12-30")
        let following = try cycle.period(after: december)
        #expect(dates(following) == "2011-12-30..<2012-01-30")
        #expect(following.start == december.end)
    }

    // MARK: Invalid input

    @Test(arguments: [0, 32, -1, Int.max])
    func anchorDayOutsideOneToThirtyOne(anchorDay: Int) {
        #expect(throws: PeriodError.invalidAnchorDay(anchorDay)) {
            try BillingCycle.monthly(anchorDay: anchorDay, timeZoneIdentifier: "UTC")
        }
    }

    @Test(arguments: [0, -3, 1201])
    func monthIntervalOutOfRange(interval: Int) throws {
        let anchor = try day("2026-01-01")
        #expect(throws: PeriodError.invalidInterval(interval, unit: "month", allowed: 1...1200)) {
            try BillingCycle.monthly(every: interval, anchoredAt: anchor, timeZoneIdentifier: "UTC")
        }
    }

    @Test(arguments: [0, 5201])
    func weekIntervalOutOfRange(interval: Int) throws {
        let anchor = try day("2026-01-05")
        #expect(throws: PeriodError.invalidInterval(interval, unit: "week", allowed: 1...5200)) {
            try BillingCycle.weekly(every: interval, anchoredAt: anchor, timeZoneIdentifier: "UTC")
        }
    }

    @Test(arguments: ["Mars/Olympus_Mons", "", "america/new york"])
    func unknownTimeZone(identifier: String) {
        #expect(throws: PeriodError.unknownTimeZone(identifier)) {
            try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: identifier)
        }
    }

    @Test func anchorDateNotOnTheAnchorDay() throws {
        let anchor = try day("2026-01-15")
        #expect(throws: PeriodError.anchorMismatch(anchorDate: anchor, anchorDay: 31)) {
            try BillingCycle.monthly(anchoredAt: anchor, anchorDay: 31, timeZoneIdentifier: "UTC")
        }
        #expect(throws: PeriodError.anchorMismatch(anchorDate: anchor, anchorDay: 2)) {
            try BillingCycle(
                unit: .week, interval: 1, anchorDate: anchor, anchorDay: 2,
                timeZoneIdentifier: "UTC")
        }
    }

    @Test func tooManyPeriods() throws {
        let cycle = try BillingCycle.weekly(on: .monday, timeZoneIdentifier: "UTC")
        let start = try instant("2001-01-01T00:00:00Z")
        let weeks = { (count: Double) in
            try DateRange(start: start, end: start.addingTimeInterval(count * 7 * 86_400))
        }
        let limit = BillingCycle.maximumPeriodCount
        #expect(try cycle.periods(overlapping: weeks(Double(limit))).count == limit)
        #expect(throws: PeriodError.tooManyPeriods(limit + 1, limit: limit)) {
            try cycle.periods(overlapping: weeks(Double(limit + 1)))
        }
        let everything = try DateRange(
            start: instant("0002-01-01T00:00:00Z"), end: instant("9998-01-01T00:00:00Z"))
        let error = #expect(throws: PeriodError.self) {
            try cycle.periods(overlapping: everything)
        }
        #expect(error?.code == .tooManyPeriods)
    }

    @Test func invalidInstantAndOutOfRange() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "UTC")
        let nan = Date(timeIntervalSince1970: .nan)
        #expect(throws: PeriodError.invalidInstant(nan, field: "instant")) {
            try cycle.period(containing: nan)
        }
        let late = try instant("9999-12-15T00:00:00Z")
        #expect(throws: PeriodError.outOfRange("period 96000", field: "index")) {
            try cycle.period(containing: late)
        }
        #expect(throws: PeriodError.outOfRange("period \(Int.max)", field: "index")) {
            try cycle.period(at: Int.max)
        }
    }

    // MARK: Codable

    @Test func monthlyCycleJSON() throws {
        let cycle = try BillingCycle.monthly(
            anchoredAt: day("2026-02-28"), anchorDay: 31, timeZoneIdentifier: "America/New_York")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(cycle), as: UTF8.self)
        #expect(
            json == #"{"anchorDate":"2026-02-28","anchorDay":31,"interval":1,"#
                + #""timeZone":"America/New_York","unit":"month"}"#)
        #expect(try JSONDecoder().decode(BillingCycle.self, from: Data(json.utf8)) == cycle)
    }

    @Test func weeklyCycleJSON() throws {
        let cycle = try BillingCycle.weekly(
            every: 2, anchoredAt: day("2026-01-05"), timeZoneIdentifier: "Europe/London")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(cycle), as: UTF8.self)
        #expect(
            json == #"{"anchorDate":"2026-01-05","interval":2,"timeZone":"Europe/London","#
                + #""unit":"week"}"#)
        #expect(try JSONDecoder().decode(BillingCycle.self, from: Data(json.utf8)) == cycle)
    }

    @Test(arguments: [
        #"{"anchorDate":"2026-01-31","anchorDay":32,"interval":1,"timeZone":"UTC","unit":"month"}"#,
        #"{"anchorDate":"2026-01-31","anchorDay":31,"interval":0,"timeZone":"UTC","unit":"month"}"#,
        #"{"anchorDate":"2026-01-31","anchorDay":31,"interval":1,"timeZone":"Nowhere","unit":"month"}"#,
        #"{"anchorDate":"2026-02-30","interval":1,"timeZone":"UTC","unit":"month"}"#,
        #"{"anchorDate":"2026-01-15","anchorDay":31,"interval":1,"timeZone":"UTC","unit":"month"}"#,
        #"{"anchorDate":"2026-01-05","interval":1,"timeZone":"UTC","unit":"day"}"#,
    ])
    func decodingRejectsInvalidCycles(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BillingCycle.self, from: Data(json.utf8))
        }
    }

    @Test func periodJSON() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "America/New_York")
        let march = try cycle.period(containing: instant("2026-03-15T00:00:00Z"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(march), as: UTF8.self)
        #expect(
            json == #"{"end":"2026-04-01T04:00:00.000Z","endDate":"2026-04-01","#
                + #""index":\#(march.index),"start":"2026-03-01T05:00:00.000Z","#
                + #""startDate":"2026-03-01","timeZone":"America/New_York"}"#)
        #expect(try JSONDecoder().decode(BillingPeriod.self, from: Data(json.utf8)) == march)
        let tampered = json.replacingOccurrences(of: "T05:00:00.000Z", with: "T06:00:00.000Z")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BillingPeriod.self, from: Data(tampered.utf8))
        }
    }

    @Test func standalonePeriod() throws {
        let period = try BillingPeriod(
            startDate: day("2026-03-01"), endDate: day("2026-04-01"),
            timeZoneIdentifier: "America/New_York")
        #expect(period.dayCount == 31)
        #expect(period.duration == .seconds(743 * 3600))
        let april = try instant("2026-04-01T00:00:00Z")
        #expect(throws: PeriodError.endBeforeStart(start: april, end: april)) {
            try BillingPeriod(
                startDate: day("2026-04-01"), endDate: day("2026-04-01"),
                timeZoneIdentifier: "UTC")
        }
    }

    @Test func descriptions() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 31, timeZoneIdentifier: "UTC")
        #expect(cycle.description == "every 1 month on day 31 from 2000-01-31 in UTC")
        let weekly = try BillingCycle.weekly(on: .friday, timeZoneIdentifier: "UTC")
        #expect(weekly.description == "every 1 week on friday from 2001-01-05 in UTC")
    }
}
