import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

/// Monday to Friday 09:00–17:00 in New York with the given holidays, compiled from
/// 2026-10-25 to 2027-01-10 (across the 2026-11-01 change back to standard time).
private func newYork(
    _ holidays: [BusinessCalendar.Holiday],
    saturday: [BusinessCalendar.Span] = [],
    extraOpenings: [BusinessCalendar.ExtraOpening] = []
) throws -> BusinessCalendar.Compiled {
    let hours = try BusinessCalendar.Span("09:00", "17:00")
    let calendar = try BusinessCalendar(
        timeZone: "America/New_York",
        weeklyHours: [
            .monday: [hours], .tuesday: [hours], .wednesday: [hours], .thursday: [hours],
            .friday: [hours], .saturday: saturday,
        ],
        holidays: holidays, extraOpenings: extraOpenings)
    return try calendar.compiled(
        for: DateRange(start: instant("2026-10-25T00:00:00Z"), end: instant("2027-01-10T00:00:00Z"))
    )
}

/// Christmas Day 2026, a Friday, closed all day.
private func christmas() throws -> BusinessCalendar.Holiday {
    .init(date: try LocalDate(parsing: "2026-12-25"))
}

/// Christmas Eve 2026, a Thursday, closed from noon.
private func christmasEveAfternoon() throws -> BusinessCalendar.Holiday {
    .init(date: try LocalDate(parsing: "2026-12-24"), closed: try .init("12:00", "24:00"))
}

/// 120.00/h, 15-minute increments, 1-hour minimum, 3/2 after hours and `holiday` on
/// holidays.
private func breakFix(_ order: TimeAndMaterials.RoundingOrder, holiday: Rational? = Rational(2))
    throws -> TimeAndMaterials
{
    try TimeAndMaterials(
        rates: [.init(role: "engineer", workType: "remote", hourly: price("120.00"))],
        incrementMinutes: 15, minimumMinutes: 60, afterHoursMultiplier: Rational(3, 2),
        holidayMultiplier: holiday, roundingOrder: order, labourCategory: category("labour"),
        materialCategory: category("parts"))
}

private func entry(_ start: String, _ end: String) throws -> TimeEntry {
    try TimeEntry(
        id: "t1", customer: acme(), role: "engineer", workType: "remote", start: instant(start),
        end: instant(end))
}

@Suite struct HolidayMultiplierTests {
    @Test(arguments: [
        // Thursday 2026-12-24 23:30 EST → Friday 2026-12-25 00:40: 30 after-hours minutes
        // (Thursday night) + 40 holiday minutes.
        //   before: 70 → 75; the entry's last minute is on the holiday, so the 5 added
        //           minutes are holiday time: 30 × 3/2 + 45 × 2 = 45 + 90 = 135 minutes
        //           → 120.00 × 135/60 = 270.00
        //   after:  30 × 3/2 + 40 × 2 = 45 + 80 = 125 → 135 (9 × 15) → 270.00
        (
            "2026-12-24T23:30:00-05:00", "2026-12-25T00:40:00-05:00", "135", "270.00", "135",
            "270.00"
        ),
        // Friday 2026-12-25 10:00–10:50, wholly on the holiday (normally business hours):
        // 50 holiday minutes.
        //   before: 50 → 60 (also the minimum), all holiday: 60 × 2 = 120 min → 240.00
        //   after:  50 × 2 = 100 → 105 (7 × 15) → 210.00
        (
            "2026-12-25T10:00:00-05:00", "2026-12-25T10:50:00-05:00", "120", "240.00", "105",
            "210.00"
        ),
        // Friday 2026-12-25 23:50 → Saturday 00:05: 10 holiday + 5 after-hours minutes; the
        // last minute is Saturday's, after hours.
        //   before: 15 → minimum 60; the 45 added minutes are after hours:
        //           10 × 2 + 50 × 3/2 = 20 + 75 = 95 min → 120.00 × 95/60 = 190.00
        //   after:  10 × 2 + 5 × 3/2 = 27.5 → 30 → minimum 60 → 120.00
        (
            "2026-12-25T23:50:00-05:00", "2026-12-26T00:05:00-05:00", "95", "190.00", "60",
            "120.00"
        ),
    ])
    func christmasDay(
        start: String, end: String, beforeMinutes: String, before: String, afterMinutes: String,
        after: String
    ) throws {
        let calendar = try newYork([christmas()])
        try expectBilled(
            entry(start, end), calendar: calendar, roundFirst: breakFix(.beforeMultiplier),
            multiplyFirst: breakFix(.afterMultiplier), beforeMinutes: beforeMinutes,
            before: before, afterMinutes: afterMinutes, after: after)
    }

    @Test(arguments: [
        // Thursday 2026-12-24, closed from 12:00: 11:30–12:30 is 30 business minutes
        // (11:30–12:00) + 30 holiday minutes.
        //   before: 60 → 60, nothing added: 30 + 30 × 2 = 90 min → 180.00
        //   after:  30 + 30 × 2 = 90 → 90 (6 × 15) → 180.00
        (
            "2026-12-24T11:30:00-05:00", "2026-12-24T12:30:00-05:00", "90", "180.00", "90",
            "180.00"
        ),
        // 11:50–12:25: 10 business + 25 holiday minutes.
        //   before: 35 → 45 → minimum 60; the 25 added minutes are holiday time:
        //           10 + 50 × 2 = 110 min → 120.00 × 110/60 = 220.00
        //   after:  10 + 25 × 2 = 60 → 60 → 120.00
        (
            "2026-12-24T11:50:00-05:00", "2026-12-24T12:25:00-05:00", "110", "220.00", "60",
            "120.00"
        ),
        // 11:00–11:40, all business time before the closure: 40 → 45 → minimum 60 at the
        // business rate → 120.00 either way.
        (
            "2026-12-24T11:00:00-05:00", "2026-12-24T11:40:00-05:00", "60", "120.00", "60",
            "120.00"
        ),
    ])
    func partialDayHoliday(
        start: String, end: String, beforeMinutes: String, before: String, afterMinutes: String,
        after: String
    ) throws {
        let calendar = try newYork([christmasEveAfternoon()])
        try expectBilled(
            entry(start, end), calendar: calendar, roundFirst: breakFix(.beforeMultiplier),
            multiplyFirst: breakFix(.afterMultiplier), beforeMinutes: beforeMinutes,
            before: before, afterMinutes: afterMinutes, after: after)
    }

    @Test func anExtraOpeningOnTheHolidayIsBusinessTime() throws {
        // Christmas open 10:00–11:00 by an extra opening. 10:30–11:20 is 30 business +
        // 20 holiday minutes; the last minute is holiday time.
        //   before: 50 → 60, the 10 added minutes holiday: 30 + 30 × 2 = 90 min → 180.00
        //   after:  30 + 20 × 2 = 70 → 75 → 150.00
        let calendar = try newYork(
            [christmas()],
            extraOpenings: [
                .init(date: try LocalDate(parsing: "2026-12-25"), open: try .init("10:00", "11:00"))
            ])
        try expectBilled(
            entry("2026-12-25T10:30:00-05:00", "2026-12-25T11:20:00-05:00"), calendar: calendar,
            roundFirst: breakFix(.beforeMultiplier), multiplyFirst: breakFix(.afterMultiplier),
            beforeMinutes: "90", before: "180.00", afterMinutes: "75", after: "150.00")
    }

    @Test func withoutAHolidayMultiplierHolidaysAreAfterHours() throws {
        // The Christmas entry 10:00–10:50 with no holiday multiplier: 50 after-hours minutes.
        //   before: 60 × 3/2 = 90 min → 180.00;  after: 75 → 75 min → 150.00
        // The straddling entry Thursday 23:30 → Friday 00:40: 70 after-hours minutes.
        //   before: 75 × 3/2 = 112.5 min → 225.00;  after: 105 → 105 min → 210.00
        let calendar = try newYork([christmas()])
        let roundFirst = try breakFix(.beforeMultiplier, holiday: nil)
        let multiplyFirst = try breakFix(.afterMultiplier, holiday: nil)
        #expect(roundFirst.holidayMultiplier == nil)
        let onTheDay = try entry("2026-12-25T10:00:00-05:00", "2026-12-25T10:50:00-05:00")
        let straddling = try entry("2026-12-24T23:30:00-05:00", "2026-12-25T00:40:00-05:00")
        #expect(try roundFirst.billedMinutes(for: onTheDay, calendar: calendar) == Rational(90))
        #expect(try multiplyFirst.billedMinutes(for: onTheDay, calendar: calendar) == Rational(75))
        #expect(
            try roundFirst.billedMinutes(for: straddling, calendar: calendar) == Rational(225, 2))
        #expect(
            try multiplyFirst.billedMinutes(for: straddling, calendar: calendar) == Rational(105))
        #expect(
            try roundFirst.lines(for: [onTheDay, straddling], customer: acme(), calendar: calendar)
                .map(\.amount) == ["180.00", "225.00"].map(usd))
    }

    @Test func fractionalMultipliersShareOneDenominator() throws {
        // After hours 4/3, holiday 5/2 (common denominator 6). The straddling Christmas
        // entry, 30 after-hours + 40 holiday minutes, rounded after the multipliers:
        // 30 × 4/3 + 40 × 5/2 = 40 + 100 = 140 → 150 (10 × 15) → 120.00 × 150/60 = 300.00.
        // Rounded before: 75 minutes, the 5 added are holiday: 40 + 45 × 5/2 = 152.5 min
        // → 120.00 × 152.5/60 = 305.00.
        let calendar = try newYork([christmas()])
        let work = try entry("2026-12-24T23:30:00-05:00", "2026-12-25T00:40:00-05:00")
        func list(_ order: TimeAndMaterials.RoundingOrder) throws -> TimeAndMaterials {
            try TimeAndMaterials(
                rates: [.init(role: "engineer", workType: "remote", hourly: price("120.00"))],
                incrementMinutes: 15, minimumMinutes: 60, afterHoursMultiplier: Rational(4, 3),
                holidayMultiplier: Rational(5, 2), roundingOrder: order,
                labourCategory: category("labour"), materialCategory: category("parts"))
        }
        #expect(
            try list(.afterMultiplier).billedMinutes(for: work, calendar: calendar)
                == Rational(150))
        #expect(
            try list(.beforeMultiplier).billedMinutes(for: work, calendar: calendar)
                == Rational(305, 2))
        #expect(
            try list(.beforeMultiplier).lines(for: [work], customer: acme(), calendar: calendar)[0]
                .amount == usd("305.00"))
    }

    @Test func badHolidayMultiplier() throws {
        #expect(throws: BillingError.invalidTimeRule("0.5", field: "holidayMultiplier")) {
            try breakFix(.beforeMultiplier, holiday: Rational(1, 2))
        }
        #expect(throws: BillingError.invalidTimeRule("0", field: "holidayMultiplier")) {
            try breakFix(.beforeMultiplier, holiday: .zero)
        }
        // 1 is allowed: holiday time at the business rate.
        #expect(try breakFix(.beforeMultiplier, holiday: .one).holidayMultiplier == .one)
    }

    @Test func jsonRoundTripAndOldJSON() throws {
        let list = try breakFix(.afterMultiplier)
        let text = String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
        #expect(text.contains(#""holidayMultiplier":"2""#))
        let decoded = try JSONDecoder().decode(TimeAndMaterials.self, from: Data(text.utf8))
        #expect(decoded == list)
        #expect(decoded.holidayMultiplier == Rational(2))
        // JSON written before the key existed decodes with no holiday multiplier, and a
        // list without one writes no key.
        let old =
            #"{"afterHoursMultiplier":"1.5","incrementMinutes":15,"labourCategory":"labour","#
            + #""materialCategory":"parts","minimumMinutes":60,"rates":[],"#
            + #""rounding":"halfUp","roundingOrder":"beforeMultiplier"}"#
        let oldList = try JSONDecoder().decode(TimeAndMaterials.self, from: Data(old.utf8))
        #expect(oldList.holidayMultiplier == nil)
        #expect(try oldList.afterHoursMultiplier == Rational(3, 2))
        let rewritten = String(decoding: try JSONEncoder().encode(oldList), as: UTF8.self)
        #expect(!rewritten.contains("holidayMultiplier"))
        // A bad value in JSON is rejected through the initialiser.
        let bad = old.replacingOccurrences(
            of: #""incrementMinutes""#, with: #""holidayMultiplier":"1/2","incrementMinutes""#)
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TimeAndMaterials.self, from: Data(bad.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(
            context.underlyingError as? BillingError
                == .invalidTimeRule("0.5", field: "holidayMultiplier"))
    }
}

// MARK: Properties

/// The rule as the type's documentation states it, in `Rational` arithmetic: split into
/// business, after-hours and holiday time (holiday time counted only when `holiday` is not
/// `nil`), round, weigh.
private func referenceMinutes(
    _ work: TimeEntry, calendar: BusinessCalendar.Compiled, afterHours: Rational,
    holiday: Rational?, order: TimeAndMaterials.RoundingOrder, increment: Int64, minimum: Int64
) throws -> Rational {
    let start = work.range.startMilliseconds
    let end = work.range.endMilliseconds
    let total = end - start
    let business = try calendar.businessMilliseconds(from: start, to: end)
    let holidayTime =
        holiday == nil ? 0 : try calendar.holidayMilliseconds(from: start, to: end)
    let after = total - business - holidayTime
    let holidayRate = holiday ?? afterHours
    func weigh(_ b: Int64, _ a: Int64, _ h: Int64) throws -> Rational {
        try Rational(b, 60_000) + Rational(a, 60_000) * afterHours
            + Rational(h, 60_000) * holidayRate
    }
    switch order {
    case .beforeMultiplier:
        let rounded = max(
            try Rational(total, increment * 60_000).rounded(.ceiling) * increment * 60_000,
            minimum * 60_000)
        let extra = rounded - total
        let last = total == 0 ? start : end - 1
        let open =
            total == 0
            ? try calendar.isOpen(at: work.range.start)
            : try calendar.businessMilliseconds(from: last, to: last + 1) == 1
        let onHoliday =
            try !open && holiday != nil
            && calendar.holidayMilliseconds(from: last, to: last + 1) == 1
        if open { return try weigh(business + extra, after, holidayTime) }
        if onHoliday { return try weigh(business, after, holidayTime + extra) }
        return try weigh(business, after + extra, holidayTime)
    case .afterMultiplier:
        let weighted = try weigh(business, after, holidayTime)
        let steps = try (weighted / Rational(increment)).rounded(.ceiling)
        return Rational(max(steps * increment, minimum))
    }
}

@Suite struct HolidayMultiplierPropertyTests {
    /// A busy New York calendar: Saturday mornings open, whole, partial, weekend, overnight
    /// and DST-day holidays, and an extra opening on Christmas.
    private func calendar() throws -> BusinessCalendar.Compiled {
        func on(_ text: String, _ closed: BusinessCalendar.Span? = nil) throws
            -> BusinessCalendar.Holiday
        {
            .init(date: try LocalDate(parsing: text), closed: closed)
        }
        return try newYork(
            [
                on("2026-11-01"), on("2026-11-26"), on("2026-11-28"),
                on("2026-12-24", .init("12:00", "24:00")), on("2026-12-25"),
                on("2026-12-31", .init("16:00", "02:00")), on("2027-01-01"),
            ],
            saturday: [try .init("10:00", "14:00")],
            extraOpenings: [
                .init(date: try LocalDate(parsing: "2026-12-25"), open: try .init("10:00", "11:00"))
            ])
    }

    /// A random entry inside the horizon, often starting near a holiday.
    private func randomEntry(_ generator: inout SplitMix64, _ compiled: BusinessCalendar.Compiled)
        throws -> TimeEntry
    {
        let low = compiled.horizon.startMilliseconds
        let high = compiled.horizon.endMilliseconds - 12 * 3_600_000
        let anchors = compiled.holidayIntervals.flatMap {
            [$0.startMilliseconds, $0.endMilliseconds]
        }
        var start = generator.int(in: low...high)
        if generator.chance(1, in: 2) {
            start = generator.element(of: anchors) + generator.int(in: -90...90) * 60_000
        }
        if generator.chance(1, in: 3) { start += generator.int(in: 0...59_999) }
        let length: Int64 =
            generator.chance(1, in: 10)
            ? 0 : generator.int(in: 1...600) * 60_000 + generator.int(in: -1...1)
        let startDate = DateRange.instant(milliseconds: start)
        return try TimeEntry(
            id: "p", customer: acme(), role: "engineer", workType: "remote", start: startDate,
            end: DateRange.instant(milliseconds: start + max(length, 0)))
    }

    private static let multipliers = [
        Rational(1), try? Rational(5, 4), try? Rational(4, 3), try? Rational(3, 2), Rational(2),
        try? Rational(7, 3), try? Rational(5, 2), Rational(3),
    ].compactMap { $0 }

    @Test func billedMinutesFollowTheRule() throws {
        let compiled = try calendar()
        try checkProperty(seed: 0x0401_1DA7) { generator in
            let work = try randomEntry(&generator, compiled)
            let afterHours = generator.element(of: Self.multipliers)
            let holiday: Rational? =
                generator.chance(1, in: 4) ? nil : generator.element(of: Self.multipliers)
            let order: TimeAndMaterials.RoundingOrder =
                generator.chance(1, in: 2) ? .beforeMultiplier : .afterMultiplier
            let increment: Int64 = generator.element(of: [1, 6, 15, 30, 60])
            let minimum: Int64 = generator.element(of: [0, 30, 60, 120])
            let list = try TimeAndMaterials(
                rates: [.init(role: "engineer", workType: "remote", hourly: price("120.00"))],
                incrementMinutes: increment, minimumMinutes: minimum,
                afterHoursMultiplier: afterHours, holidayMultiplier: holiday, roundingOrder: order,
                labourCategory: category("labour"), materialCategory: category("parts"))
            let billed = try list.billedMinutes(for: work, calendar: compiled)
            let expected = try referenceMinutes(
                work, calendar: compiled, afterHours: afterHours, holiday: holiday, order: order,
                increment: increment, minimum: minimum)
            let input = "\(work.range) \(afterHours) \(String(describing: holiday)) \(order)"
            return (input, billed == expected ? nil : "billed \(billed), rule \(expected)")
        }
    }

    @Test func noHolidayMultiplierMatchesTheAfterHoursOnlyRule() throws {
        // Without a holiday multiplier, and with one equal to the after-hours multiplier,
        // the result is the rule before holiday time existed: closed time × mₐ.
        let compiled = try calendar()
        try checkProperty(seed: 0x0401_1DA8) { generator in
            let work = try randomEntry(&generator, compiled)
            let afterHours = generator.element(of: Self.multipliers)
            let order: TimeAndMaterials.RoundingOrder =
                generator.chance(1, in: 2) ? .beforeMultiplier : .afterMultiplier
            let increment: Int64 = generator.element(of: [1, 6, 15, 30, 60])
            let minimum: Int64 = generator.element(of: [0, 30, 60, 120])
            func list(_ holiday: Rational?) throws -> TimeAndMaterials {
                try TimeAndMaterials(
                    rates: [.init(role: "engineer", workType: "remote", hourly: price("120.00"))],
                    incrementMinutes: increment, minimumMinutes: minimum,
                    afterHoursMultiplier: afterHours, holidayMultiplier: holiday,
                    roundingOrder: order, labourCategory: category("labour"),
                    materialCategory: category("parts"))
            }
            let old = try referenceMinutes(
                work, calendar: compiled, afterHours: afterHours, holiday: nil, order: order,
                increment: increment, minimum: minimum)
            let withoutHoliday = try list(nil).billedMinutes(for: work, calendar: compiled)
            let sameHoliday = try list(afterHours).billedMinutes(for: work, calendar: compiled)
            let input = "\(work.range) \(afterHours) \(order)"
            return (
                input,
                withoutHoliday == old && sameHoliday == old
                    ? nil : "nil \(withoutHoliday), same \(sameHoliday), old rule \(old)"
            )
        }
    }
}

@Suite struct TimeAndMaterialsAmountPropertyTests {
    @Test func linesPriceTheRateTimesTheBilledMinutes() throws {
        // Each line's quantity is the rule's billed minutes, its exact amount hourly ×
        // minutes / 60 in MSPCore's Rational arithmetic, and its amount that rounded once;
        // rates with fractional minute prices (95.00/h is 158⅓ minor units a minute) and
        // sub-cent rates included.
        let compiled = try newYork(
            [.init(date: try LocalDate(parsing: "2026-12-25"))],
            saturday: [try .init("10:00", "14:00")])
        let low = compiled.horizon.startMilliseconds
        let high = compiled.horizon.endMilliseconds - 12 * 3_600_000
        let rules: [RoundingRule] = [.up, .down, .ceiling, .floor, .halfUp, .halfDown, .halfEven]
        let hourlyTexts = ["120.00", "95.00", "150.00", "0.01", "123.456789", "77.77", "0"]
        let multipliers = [Rational(1), try Rational(3, 2), try Rational(4, 3), Rational(2)]
        try checkProperty(seed: 0x0401_1DA9) { generator in
            let hourly = try price(generator.element(of: hourlyTexts))
            let rule = generator.element(of: rules)
            let afterHours = generator.element(of: multipliers)
            let holiday: Rational? =
                generator.chance(1, in: 3) ? nil : generator.element(of: multipliers)
            let order: TimeAndMaterials.RoundingOrder =
                generator.chance(1, in: 2) ? .beforeMultiplier : .afterMultiplier
            let increment: Int64 = generator.element(of: [1, 6, 15, 60])
            let minimum: Int64 = generator.element(of: [0, 30, 60])
            let list = try TimeAndMaterials(
                rates: [.init(role: "engineer", workType: "remote", hourly: hourly)],
                incrementMinutes: increment, minimumMinutes: minimum,
                afterHoursMultiplier: afterHours, holidayMultiplier: holiday, roundingOrder: order,
                labourCategory: category("labour"), materialCategory: category("parts"),
                rounding: rule)
            let start = generator.int(in: low...high)
            let length: Int64 = generator.int(in: 0...(10 * 3_600_000))
            let work = try TimeEntry(
                id: "p", customer: acme(), role: "engineer", workType: "remote",
                start: DateRange.instant(milliseconds: start),
                end: DateRange.instant(milliseconds: start + length))
            let line = try list.lines(for: [work], customer: acme(), calendar: compiled)[0]
            let minutes = try referenceMinutes(
                work, calendar: compiled, afterHours: afterHours, holiday: holiday, order: order,
                increment: increment, minimum: minimum)
            let exactAmount = try Rational(hourly.scaledUnits, 1_000_000) * minutes / Rational(60)
            let amount = try exactAmount.rounded(rule)
            let holds =
                line.quantity == minutes && line.exactMinorUnits == exactAmount
                && line.amount.minorUnits == amount
            return (
                "\(work.range) \(hourly) \(rule) \(order)",
                holds
                    ? nil
                    : "line \(line.quantity) \(String(describing: line.exactMinorUnits)) "
                        + "\(line.amount); expected \(minutes) \(exactAmount) \(amount)"
            )
        }
    }
}
