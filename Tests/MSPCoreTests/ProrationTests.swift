import Foundation
import MSPCore
import MSPTestSupport
import Testing

/// The range between two ISO 8601 instants.
private func range(_ start: String, _ end: String) throws -> DateRange {
    try DateRange(start: instant(start), end: instant(end))
}

/// The monthly (day 1) period containing `text` in `zone`.
private func month(containing text: String, in zone: String) throws -> BillingPeriod {
    try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: zone).period(
        containing: instant(text))
}

@Suite struct ProrationTests {
    @Test(arguments: [
        // sub-range in January 2026 (UTC), calendar-day fraction, elapsed-time fraction
        ("2026-01-15T00:00:00Z", "2026-02-01T00:00:00Z", "17/31", "17/31"),
        ("2026-01-01T00:00:00Z", "2026-01-15T00:00:00Z", "14/31", "14/31"),
        ("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "1", "1"),
        ("2026-01-15T09:30:00Z", "2026-02-01T00:00:00Z", "17/31", "797/1488"),
        ("2026-01-01T00:00:00Z", "2026-01-15T09:30:00Z", "15/31", "691/1488"),
        ("2026-01-15T10:00:00Z", "2026-01-15T11:00:00Z", "1/31", "1/744"),
        ("2026-01-15T23:00:00Z", "2026-01-16T01:00:00Z", "2/31", "1/372"),
        ("2026-01-15T10:00:00Z", "2026-01-15T10:00:00Z", "0", "0"),
        ("2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z", "0", "0"),
        ("2026-01-31T23:59:59.999Z", "2026-02-01T00:00:00Z", "1/31", "1/2678400000"),
    ])
    func januaryInUTC(start: String, end: String, byDays: String, byTime: String) throws {
        let january = try month(containing: "2026-01-10T00:00:00Z", in: "UTC")
        let part = try range(start, end)
        #expect(
            try january.prorationFraction(of: part, basis: .calendarDays)
                == Rational(parsing: byDays))
        #expect(
            try january.prorationFraction(of: part, basis: .elapsedTime)
                == Rational(parsing: byTime))
    }

    @Test func deviceRemovedOnTheFifteenth() throws {
        // 3 of 40 devices are removed at Jan 15 00:00 local: they were under management
        // Jan 1...14, 14 of January's 31 days.
        let january = try month(containing: "2026-01-10T12:00:00Z", in: "America/New_York")
        let used = try range("2026-01-01T05:00:00Z", "2026-01-15T05:00:00Z")
        #expect(try january.prorationFraction(of: used, basis: .calendarDays) == Rational(14, 31))
        #expect(try january.prorationFraction(of: used, basis: .elapsedTime) == Rational(14, 31))
        #expect(try january.billableDays(of: used) == 14)
    }

    @Test(arguments: [
        // March 2026 in New York lasts 30 days 23 hours (743 hours): DST starts March 8.
        ("2026-03-01T05:00:00Z", "2026-03-08T05:00:00Z", "7/31", "168/743"),
        ("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", "1/31", "23/743"),
        ("2026-03-08T05:00:00Z", "2026-04-01T04:00:00Z", "24/31", "575/743"),
        ("2026-03-01T05:00:00Z", "2026-04-01T04:00:00Z", "1", "1"),
    ])
    func marchInNewYork(start: String, end: String, byDays: String, byTime: String) throws {
        let march = try month(containing: "2026-03-15T00:00:00Z", in: "America/New_York")
        #expect(march.duration == .seconds(743 * 3600))
        let part = try range(start, end)
        #expect(
            try march.prorationFraction(of: part, basis: .calendarDays) == Rational(parsing: byDays)
        )
        #expect(
            try march.prorationFraction(of: part, basis: .elapsedTime) == Rational(parsing: byTime))
    }

    @Test func novemberInNewYorkHasA25HourDay() throws {
        let november = try month(containing: "2026-11-15T00:00:00Z", in: "America/New_York")
        #expect(november.duration == .seconds(721 * 3600))
        let firstDay = try range("2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z")
        #expect(
            try november.prorationFraction(of: firstDay, basis: .elapsedTime) == Rational(25, 721))
        #expect(
            try november.prorationFraction(of: firstDay, basis: .calendarDays) == Rational(1, 30))
    }

    @Test(arguments: [
        // Leap February 2028 has 29 days; February 2027 has 28.
        ("2028-02-15T00:00:00Z", "2028-02-29T00:00:00Z", "14/29"),
        ("2028-02-29T00:00:00Z", "2028-03-01T00:00:00Z", "1/29"),
        ("2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z", "1"),
        ("2027-02-15T00:00:00Z", "2027-03-01T00:00:00Z", "1/2"),
        ("2027-02-01T00:00:00Z", "2027-02-08T00:00:00Z", "1/4"),
    ])
    func leapYearFebruary(start: String, end: String, byDays: String) throws {
        let february = try month(containing: start, in: "UTC")
        let part = try range(start, end)
        #expect(
            try february.prorationFraction(of: part, basis: .calendarDays)
                == Rational(parsing: byDays))
    }

    @Test func monthEndAnchoredPeriod() throws {
        let cycle = try BillingCycle.monthly(anchorDay: 31, timeZoneIdentifier: "UTC")
        let period = try cycle.period(containing: instant("2026-03-10T00:00:00Z"))
        #expect(period.dayCount == 31)
        let firstDay = try range("2026-02-28T00:00:00Z", "2026-03-01T00:00:00Z")
        #expect(try period.prorationFraction(of: firstDay, basis: .calendarDays) == Rational(1, 31))
    }

    @Test func subRangeOutsideThePeriod() throws {
        let january = try month(containing: "2026-01-10T00:00:00Z", in: "UTC")
        let straddling = try range("2026-01-20T00:00:00Z", "2026-02-05T00:00:00Z")
        for basis in ProrationBasis.allCases {
            #expect(throws: PeriodError.notWithinPeriod(straddling, period: january.range)) {
                try january.prorationFraction(of: straddling, basis: basis)
            }
        }
        #expect(throws: PeriodError.notWithinPeriod(straddling, period: january.range)) {
            try january.billableDays(of: straddling)
        }
        #expect(
            try january.prorationFraction(clamping: straddling, basis: .calendarDays)
                == Rational(12, 31))
        let february = try range("2026-02-02T00:00:00Z", "2026-02-05T00:00:00Z")
        #expect(try january.prorationFraction(clamping: february, basis: .elapsedTime) == .zero)
        let touching = try range("2026-02-01T00:00:00Z", "2026-02-05T00:00:00Z")
        #expect(try january.prorationFraction(clamping: touching, basis: .calendarDays) == .zero)
    }

    @Test func cutsInsideADayCountThatDayTwiceByCalendarDays() throws {
        // Documented: any use of a day counts the whole day, so a split at 12:00 counts
        // January 15 in both parts; elapsed time always adds up.
        let january = try month(containing: "2026-01-10T00:00:00Z", in: "UTC")
        let before = try range("2026-01-01T00:00:00Z", "2026-01-15T12:00:00Z")
        let after = try range("2026-01-15T12:00:00Z", "2026-02-01T00:00:00Z")
        let days =
            try january.prorationFraction(of: before, basis: .calendarDays)
            + january.prorationFraction(of: after, basis: .calendarDays)
        #expect(days == (try Rational(32, 31)))
        let time =
            try january.prorationFraction(of: before, basis: .elapsedTime)
            + january.prorationFraction(of: after, basis: .elapsedTime)
        #expect(time == .one)
    }

    @Test func skippedMidnightDayCountsOnce() throws {
        // America/Santiago skipped 2022-09-11 00:00; the day starts at 04:00Z (local 01:00).
        let september = try month(containing: "2022-09-15T00:00:00Z", in: "America/Santiago")
        let day = try range("2022-09-11T04:00:00Z", "2022-09-12T03:00:00Z")
        #expect(try september.prorationFraction(of: day, basis: .calendarDays) == Rational(1, 30))
        #expect(try september.billableDays(of: day) == 1)
    }

    @Test func basisJSON() throws {
        let encoded = try JSONEncoder().encode([ProrationBasis.calendarDays, .elapsedTime])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["calendarDays","elapsedTime"]"#)
        #expect(
            try JSONDecoder().decode([ProrationBasis].self, from: encoded)
                == [.calendarDays, .elapsedTime])
    }

    // MARK: Properties

    @Test func fractionsOfAPartitionSumToOne() throws {
        try checkProperty(seed: 0x9_7024_7100) { random in
            let cycle = try random.billingCycle()
            let period = try cycle.period(containing: random.instant())
            let input = "\(period)"
            // Elapsed time: cuts at arbitrary milliseconds.
            let start = period.start
            let length = Int64((period.duration / .milliseconds(1)).rounded())
            var cuts = (0..<random.int(in: 0...5)).map { _ in random.int(in: 0...length) }
            cuts = ([0, length] + cuts).sorted()
            var sum = Rational.zero
            for (lower, upper) in zip(cuts, cuts.dropFirst()) {
                let part = try DateRange(
                    start: start.addingTimeInterval(Double(lower) / 1000),
                    end: start.addingTimeInterval(Double(upper) / 1000))
                sum = try sum + period.prorationFraction(of: part, basis: .elapsedTime)
            }
            guard sum == .one else { return (input, "elapsed-time parts sum to \(sum)") }
            // Calendar days: cuts at the first instants of local days.
            var days = (0..<random.int(in: 0...5)).map { _ in random.int(in: 0...period.dayCount) }
            days = ([0, period.dayCount] + days).sorted()
            sum = .zero
            for (lower, upper) in zip(days, days.dropFirst()) {
                let part = try DateRange(
                    start: period.startDate.adding(days: lower).firstInstant(
                        inTimeZone: period.timeZoneIdentifier),
                    end: period.startDate.adding(days: upper).firstInstant(
                        inTimeZone: period.timeZoneIdentifier))
                sum = try sum + period.prorationFraction(of: part, basis: .calendarDays)
            }
            guard sum == .one else { return (input, "calendar-day parts \(days) sum to \(sum)") }
            return (input, nil)
        }
    }

    @Test func wholePeriodIsOneAndPartsAreBetweenZeroAndOne() throws {
        try checkProperty(seed: 0x0_1E_0F_1) { random in
            let cycle = try random.billingCycle()
            let period = try cycle.period(containing: random.instant())
            let input = "\(period)"
            for basis in ProrationBasis.allCases {
                let whole = try period.prorationFraction(of: period.range, basis: basis)
                guard whole == .one else { return (input, "\(basis) whole period is \(whole)") }
            }
            let a = random.instant()
            let b = random.instant()
            let part = try DateRange(start: min(a, b), end: max(a, b))
            for basis in ProrationBasis.allCases {
                let fraction = try period.prorationFraction(clamping: part, basis: basis)
                guard fraction >= .zero, fraction <= .one else {
                    return (input, "\(basis) fraction \(fraction) of \(part)")
                }
            }
            return (input, nil)
        }
    }
}
