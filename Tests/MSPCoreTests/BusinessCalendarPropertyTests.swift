import Foundation
import MSPTestSupport
import Testing

@testable import MSPCore

// MARK: A busy calendar and a naive reference for it

/// Milliseconds since the epoch as a `Date`, the way MSPKit builds its answers.
private func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
}

/// Milliseconds since the epoch of a `Date` that is a whole millisecond.
private func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

/// New York hours that exercise everything: split days, overnight spans (one touching the
/// next day's first span), a whole day, Sunday spans across both DST transitions, ten
/// holidays (whole, partial, on weekends, on DST days) and extra openings.
func busyCalendar() throws -> BusinessCalendar {
    let split = [try span("08:00", "12:00"), try span("13:00", "18:00")]
    return try BusinessCalendar(
        timeZone: "America/New_York",
        weeklyHours: [
            .monday: split,
            .tuesday: split + [try span("22:00", "02:00")],
            .wednesday: [try span("02:00", "03:00"), try span("08:00", "18:00")],
            .thursday: [.wholeDay],
            .friday: [try span("08:00", "17:00"), try span("23:30", "06:00")],
            .saturday: [try span("10:00", "12:00")],
            .sunday: [try span("01:00", "03:00"), try span("20:00", "01:30")],
        ],
        holidays: [
            .init(date: try day("2026-01-01")),
            .init(date: try day("2026-05-25")),
            .init(date: try day("2026-07-03")),
            .init(date: try day("2026-11-26")),
            .init(date: try day("2026-12-25")),
            .init(date: try day("2026-12-24"), closed: try span("12:00", "24:00")),
            .init(date: try day("2027-03-14"), closed: try span("00:30", "02:30")),
            .init(date: try day("2027-11-07"), closed: try span("01:15", "01:45")),
            .init(date: try day("2027-07-04")),
            .init(date: try day("2027-09-06"), closed: try span("23:00", "01:00")),
        ],
        extraOpenings: [
            .init(date: try day("2026-12-26"), open: try span("10:00", "14:00")),
            .init(date: try day("2027-11-07"), open: try span("01:30", "01:40")),
            .init(date: try day("2026-12-25"), open: try span("22:00", "03:00")),
        ])
}

/// The two years the property checks run over.
func twoYears() throws -> DateRange {
    try horizon("2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z")
}

/// A deliberately naive model of a calendar: every span occurrence converted on its own
/// with a zone transition table from `TimeZone.nextDaylightSavingTimeTransition(after:)`
/// (not the library's offset probing), and membership decided instant by instant as
/// "in an extra opening, or in a weekly span and not in a closure". No merging, no prefix
/// sums, no binary search over business time.
struct ReferenceCalendar {
    /// Transition instants (seconds) and the offset in force from each.
    var transitions: [(at: Int64, offset: Int64)] = []
    /// The offset before the first transition.
    var initialOffset: Int64
    /// Naive intervals in ms, each list sorted by start.
    var weekly: [(Int64, Int64)] = []
    var closures: [(Int64, Int64)] = []
    var extras: [(Int64, Int64)] = []

    init(_ calendar: BusinessCalendar, over range: DateRange) throws {
        let zone = try #require(TimeZone(identifier: calendar.timeZoneIdentifier))
        let from = range.start.addingTimeInterval(-10 * 86_400)
        let to = range.end.addingTimeInterval(10 * 86_400)
        initialOffset = Int64(zone.secondsFromGMT(for: from))
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < to {
            transitions.append(
                (Int64(next.timeIntervalSince1970), Int64(zone.secondsFromGMT(for: next))))
            cursor = next
        }
        let firstDay = Int64((from.timeIntervalSince1970 / 86_400).rounded(.down))
        let lastDay = Int64((to.timeIntervalSince1970 / 86_400).rounded(.down))
        for dayNumber in firstDay...lastDay {
            // The walk may step a day past year 9999, which has no LocalDate and no hours.
            guard let localDate = try? LocalDate(daysSinceEpoch: Int(dayNumber)) else { continue }
            for open in calendar.spans(on: localDate.weekday) {
                weekly.append(interval(open, day: dayNumber))
            }
            for holiday in calendar.holidays where holiday.date == localDate {
                closures.append(interval(holiday.closedSpan, day: dayNumber))
            }
            for opening in calendar.extraOpenings where opening.date == localDate {
                extras.append(interval(opening.open, day: dayNumber))
            }
        }
        weekly.sort { $0.0 < $1.0 }
        closures.sort { $0.0 < $1.0 }
        extras.sort { $0.0 < $1.0 }
    }

    /// The ms instants of a span: start at the first instant showing its start, end at the
    /// last instant showing its end; a time in a gap is the transition ending the gap.
    func interval(_ span: BusinessCalendar.Span, day: Int64) -> (Int64, Int64) {
        let startLocal = day * 86_400 + Int64(span.start.minutesSinceMidnight) * 60
        let endLocal = startLocal + Int64(span.wallClockMinutes) * 60
        return (occurrences(startLocal).first * 1000, occurrences(endLocal).last * 1000)
    }

    /// The first and last instants (seconds) whose wall-clock reading is `local`.
    func occurrences(_ local: Int64) -> (first: Int64, last: Int64) {
        var found: [Int64] = []
        for index in 0...transitions.count {
            let lower = index == 0 ? Int64.min : transitions[index - 1].at
            let upper = index == transitions.count ? Int64.max : transitions[index].at
            let offset = index == 0 ? initialOffset : transitions[index - 1].offset
            if lower <= local - offset, local - offset < upper { found.append(local - offset) }
        }
        if let first = found.min(), let last = found.max() { return (first, last) }
        for index in transitions.indices {
            let before = index == 0 ? initialOffset : transitions[index - 1].offset
            let at = transitions[index].at
            if at + before <= local, local < at + transitions[index].offset { return (at, at) }
        }
        Issue.record("local second \(local) has no instant and is in no gap")
        return (0, 0)
    }

    /// Whether `list` has an interval containing `time` (intervals are under two days).
    static func contains(_ list: [(Int64, Int64)], _ time: Int64) -> Bool {
        var index = list.partitioningIndex { $0.0 > time } - 1
        while index >= 0, list[index].0 > time - 2 * 86_400_000 {
            if list[index].0 <= time, time < list[index].1 { return true }
            index -= 1
        }
        return false
    }

    /// Open at `time`: in an extra opening, or in a weekly span and in no closure.
    func isOpen(_ time: Int64) -> Bool {
        ReferenceCalendar.contains(extras, time)
            || (ReferenceCalendar.contains(weekly, time)
                && !ReferenceCalendar.contains(closures, time))
    }

    /// Business ms in `[start, end)`: cut at every interval bound, test each piece.
    func businessMilliseconds(from start: Int64, to end: Int64) -> Int64 {
        var cuts: [Int64] = [start, end]
        for list in [weekly, closures, extras] {
            var index = list.partitioningIndex { $0.0 >= start - 2 * 86_400_000 }
            while index < list.count, list[index].0 < end {
                for bound in [list[index].0, list[index].1] where start < bound && bound < end {
                    cuts.append(bound)
                }
                index += 1
            }
        }
        cuts.sort()
        var total: Int64 = 0
        for (low, high) in zip(cuts, cuts.dropFirst()) where low < high && isOpen(low) {
            total += high - low
        }
        return total
    }
}

extension Array {
    /// The first index whose element satisfies `belongsInSecondPartition`, for a
    /// partitioned array.
    fileprivate func partitioningIndex(where belongsInSecondPartition: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsInSecondPartition(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Random instants in a compiled horizon, often placed on or next to the bound of an open
/// interval (or of one of `more`, such as the holiday intervals).
struct InstantGenerator {
    let low: Int64
    let high: Int64
    let bounds: [Int64]

    init(_ compiled: BusinessCalendar.Compiled, boundsOf more: [DateRange] = []) {
        low = compiled.horizon.startMilliseconds
        high = compiled.horizon.endMilliseconds
        bounds = (compiled.openIntervals + more).flatMap {
            [$0.startMilliseconds, $0.endMilliseconds]
        }
    }

    /// An instant in `[low, high]`.
    func any(_ generator: inout SplitMix64) -> Int64 {
        if !bounds.isEmpty, generator.chance(1, in: 3) {
            let bound = generator.element(of: bounds) + generator.int(in: -1...1)
            return Swift.min(Swift.max(bound, low), high)
        }
        return generator.int(in: low...high)
    }

    /// An instant in `[from, min(from + days, high)]`.
    func after(_ from: Int64, withinDays days: Int64, _ generator: inout SplitMix64) -> Int64 {
        let limit = Swift.min(from + days * 86_400_000, high)
        if !bounds.isEmpty, generator.chance(1, in: 3) {
            let bound = generator.element(of: bounds) + generator.int(in: -1...1)
            if from <= bound, bound <= limit { return bound }
        }
        return generator.int(in: from...limit)
    }
}

// MARK: Properties

@Suite struct BusinessCalendarPropertyTests {
    @Test func compiledFormKeepsItsInvariants() throws {
        let compiled = try busyCalendar().compiled(for: twoYears())
        #expect(compiled.invariantViolations().isEmpty)
        #expect(compiled.intervalCount > 500)
    }

    @Test func businessTimeIsAdditive() throws {
        let compiled = try busyCalendar().compiled(for: twoYears())
        let instants = InstantGenerator(compiled)
        try checkProperty(seed: 0xCA1E_0001) { generator in
            var triple = [
                instants.any(&generator), instants.any(&generator), instants.any(&generator),
            ]
            if generator.chance(1, in: 2) {
                triple[1] = instants.after(triple[0], withinDays: 3, &generator)
                triple[2] = instants.after(triple[1], withinDays: 3, &generator)
            }
            triple.sort()
            let (a, b, c) = (date(triple[0]), date(triple[1]), date(triple[2]))
            let whole = try compiled.businessDuration(from: a, to: c)
            let parts =
                try compiled.businessDuration(from: a, to: b)
                + compiled.businessDuration(from: b, to: c)
            return ("\(triple)", whole == parts ? nil : "\(whole) != \(parts)")
        }
    }

    @Test func businessTimeIsBetweenZeroAndWallTime() throws {
        let compiled = try busyCalendar().compiled(for: twoYears())
        let instants = InstantGenerator(compiled)
        try checkProperty(seed: 0xCA1E_0002) { generator in
            let start = instants.any(&generator)
            let end = instants.after(start, withinDays: 30, &generator)
            let business = try compiled.businessDuration(from: date(start), to: date(end))
            let wall = Duration.milliseconds(end - start)
            let holds = business >= .zero && business <= wall
            return ("\(start)...\(end)", holds ? nil : "business \(business), wall \(wall)")
        }
    }

    @Test func deadlineInvertsBusinessTime() throws {
        let compiled = try busyCalendar().compiled(for: twoYears())
        let instants = InstantGenerator(compiled)
        try checkProperty(seed: 0xCA1E_0003) { generator in
            let start = instants.any(&generator)
            let target = instants.after(start, withinDays: 20, &generator)
            let elapsed = try compiled.businessDuration(from: date(start), to: date(target))
            let deadline = try compiled.deadline(after: date(start), adding: elapsed)
            let input = "start \(start), target \(target), elapsed \(elapsed)"
            // The deadline is the earliest instant with that much business time.
            guard try compiled.businessDuration(from: date(start), to: deadline) == elapsed,
                deadline <= date(target)
            else { return (input, "deadline \(milliseconds(deadline)) does not reach elapsed") }
            // Nothing open lies between the deadline and the target.
            guard try compiled.businessDuration(from: deadline, to: date(target)) == .zero else {
                return (input, "business time left after the deadline")
            }
            // So it is the target itself when the target is the start (a zero duration), or
            // the calendar is open just before it: inside an open interval or at a closing
            // instant. At an opening instant the deadline is the previous closing instead.
            let countsUpToTarget =
                try target > start && compiled.isOpen(at: date(target - 1))
            if countsUpToTarget || target == start {
                return (input, deadline == date(target) ? nil : "got \(milliseconds(deadline))")
            }
            return (input, nil)
        }
    }

    @Test func twentyFourSevenBusinessTimeIsWallTime() throws {
        let compiled = try BusinessCalendar.twentyFourSeven(timeZone: "America/New_York")
            .compiled(for: twoYears())
        let instants = InstantGenerator(compiled)
        try checkProperty(seed: 0xCA1E_0004) { generator in
            let start = instants.any(&generator)
            let end = instants.after(start, withinDays: 400, &generator)
            let business = try compiled.businessDuration(from: date(start), to: date(end))
            let deadline = try compiled.deadline(after: date(start), adding: business)
            let holds = business == .milliseconds(end - start) && deadline == date(end)
            return ("\(start)...\(end)", holds ? nil : "business \(business)")
        }
    }

    @Test func isOpenMatchesTheReference() throws {
        let calendar = try busyCalendar()
        let compiled = try calendar.compiled(for: twoYears())
        let reference = try ReferenceCalendar(calendar, over: compiled.horizon)
        let instants = InstantGenerator(compiled)
        try checkProperty(seed: 0xCA1E_0005) { generator in
            let time = Swift.min(instants.any(&generator), instants.high - 1)
            let open = try compiled.isOpen(at: date(time))
            let expected = reference.isOpen(time)
            return ("\(time)", open == expected ? nil : "compiled \(open), reference \(expected)")
        }
    }

    @Test func businessTimeMatchesTheReference() throws {
        let calendar = try busyCalendar()
        let compiled = try calendar.compiled(for: twoYears())
        let reference = try ReferenceCalendar(calendar, over: compiled.horizon)
        let instants = InstantGenerator(compiled)
        try checkProperty(seed: 0xCA1E_0006) { generator in
            let start = instants.any(&generator)
            let end = instants.after(start, withinDays: 10, &generator)
            let business = try compiled.businessDuration(from: date(start), to: date(end))
            let expected = Duration.milliseconds(
                reference.businessMilliseconds(from: start, to: end))
            return ("\(start)...\(end)", business == expected ? nil : "reference \(expected)")
        }
    }

    @Test func nextOpeningAndClosingMatchTheReference() throws {
        let calendar = try busyCalendar()
        let compiled = try calendar.compiled(for: twoYears())
        let reference = try ReferenceCalendar(calendar, over: compiled.horizon)
        let instants = InstantGenerator(compiled)
        // Stay a month clear of the horizon end so that both answers exist.
        try checkProperty(seed: 0xCA1E_0007) { generator in
            let time = Swift.min(instants.any(&generator), instants.high - 30 * 86_400_000)
            let opening = milliseconds(try compiled.nextOpening(after: date(time)))
            let closing = milliseconds(try compiled.nextClosing(after: date(time)))
            let input = "\(time): opening \(opening), closing \(closing)"
            // An opening is open with the millisecond before it closed, and a closing the
            // reverse.
            guard opening > time, reference.isOpen(opening), !reference.isOpen(opening - 1),
                closing > time, !reference.isOpen(closing), reference.isOpen(closing - 1)
            else { return (input, "not a true opening and closing") }
            // Nothing changes in between: open throughout up to the closing, then closed
            // until the opening (or closed up to the opening when closed at `time`).
            if reference.isOpen(time) {
                guard closing < opening,
                    reference.businessMilliseconds(from: time, to: closing) == closing - time,
                    reference.businessMilliseconds(from: closing, to: opening) == 0
                else { return (input, "an earlier change was skipped") }
            } else {
                guard opening < closing,
                    reference.businessMilliseconds(from: time, to: opening) == 0
                else { return (input, "an earlier opening was skipped") }
            }
            return (input, nil)
        }
    }

    @Test(arguments: [
        ("0001-02-01T00:00:00Z", "0001-03-01T00:00:00Z"),
        ("9999-11-01T00:00:00Z", "9999-12-31T00:00:00Z"),
        ("2011-12-20T00:00:00Z", "2012-01-10T00:00:00Z"),
    ])
    func extremeHorizonsCompileSoundly(_ bounds: (String, String)) throws {
        for zone in ["America/New_York", "Pacific/Apia", "Pacific/Chatham"] {
            let calendar = try BusinessCalendar(
                timeZone: zone,
                weeklyHours: weekdays([span("09:00", "17:00"), span("22:00", "02:00")]))
            let range = try horizon(bounds.0, bounds.1)
            let compiled = try calendar.compiled(for: range)
            #expect(compiled.invariantViolations().isEmpty)
            let reference = try ReferenceCalendar(calendar, over: range)
            let start = milliseconds(range.start)
            let end = milliseconds(range.end)
            #expect(
                try compiled.businessDuration(from: range.start, to: range.end)
                    == .milliseconds(reference.businessMilliseconds(from: start, to: end)),
                "\(zone) \(range)")
        }
    }

    @Test func aSubHorizonGivesTheSameAnswers() throws {
        let calendar = try busyCalendar()
        let full = try calendar.compiled(for: twoYears())
        let instants = InstantGenerator(full)
        try checkProperty(seed: 0xCA1E_0008, cases: 300) { generator in
            let low = instants.any(&generator)
            let high = instants.after(low, withinDays: 60, &generator)
            let part = try calendar.compiled(for: DateRange(start: date(low), end: date(high)))
            guard part.invariantViolations().isEmpty else { return ("\(low)", "invariants") }
            let start = generator.int(in: low...high)
            let end = generator.int(in: start...high)
            let expected = try full.businessDuration(from: date(start), to: date(end))
            let actual = try part.businessDuration(from: date(start), to: date(end))
            return ("\(low)...\(high): \(start)...\(end)", actual == expected ? nil : "\(actual)")
        }
    }
}
