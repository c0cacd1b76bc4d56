import Foundation
import FuzzSupport
import MSPCore

/// Business calendars built from the input (zone, weekly spans incl. overnight, holidays,
/// partial closures, extra openings) and queried at instants taken from the input. Checks
/// the calendar laws, not only "no crash": business time is additive over a split, lies
/// between zero and wall time, and a deadline inverts business time.
func fuzzCalendar(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var input = FuzzInput(data, size)
    let zone = input.element(of: [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo",
        "Pacific/Chatham", "Asia/Kathmandu", "America/St_Johns",
    ])
    guard let calendar = calendar(zone: zone, &input),
        let horizon = horizon(&input),
        let compiled = try? calendar.compiled(for: horizon)
    else { return 0 }

    let first = horizon.startMilliseconds
    let last = horizon.endMilliseconds
    var instants = (0..<3).map { _ in input.int(in: first...last) }
    instants.sort()
    let (a, b, c) = (date(instants[0]), date(instants[1]), date(instants[2]))
    guard let whole = try? compiled.businessDuration(from: a, to: c),
        let left = try? compiled.businessDuration(from: a, to: b),
        let right = try? compiled.businessDuration(from: b, to: c)
    else {
        fuzzCheck(false, "businessDuration failed inside the horizon: \(instants)")
        return 0
    }
    fuzzCheck(whole == left + right, "not additive at \(instants): \(whole) vs \(left)+\(right)")
    fuzzCheck(
        whole >= .zero && whole <= .milliseconds(instants[2] - instants[0]),
        "outside [0, wall] at \(instants): \(whole)")
    if let deadline = try? compiled.deadline(after: a, adding: whole) {
        let reached = try? compiled.businessDuration(from: a, to: deadline)
        fuzzCheck(
            reached == whole && deadline <= c, "deadline \(deadline) does not invert \(whole)")
    }
    if let open = try? compiled.isOpen(at: b), open,
        let closing = try? compiled.nextClosing(after: b)
    {
        fuzzCheck(closing > b, "open at \(b) but next closing \(closing) is not after it")
    }
    if let opening = try? compiled.nextOpening(after: b) {
        fuzzCheck(opening > b, "next opening \(opening) is not after \(b)")
    }
    return 0
}

/// 45 days starting at one of twelve points of 2026, so every DST change of the zones above
/// falls inside some horizon while compiling stays cheap enough for many runs a second.
private func horizon(_ input: inout FuzzInput) -> DateRange? {
    let start: Int64 = 1_767_225_600_000 + Int64(input.byte() % 12) * 30 * 86_400_000
    return try? DateRange(startMilliseconds: start, endMilliseconds: start + 45 * 86_400_000)
}

private func date(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
}

/// A calendar from the input, or nil when the input describes an invalid one (overlapping
/// spans are a typed error, which is all the harness needs to see).
private func calendar(zone: String, _ input: inout FuzzInput) -> BusinessCalendar? {
    func time(_ input: inout FuzzInput) -> BusinessCalendar.LocalTime? {
        let quarter = Int(input.byte()) % 97  // 00:00 ... 24:00 in quarter hours
        return try? BusinessCalendar.LocalTime(hour: quarter / 4, minute: quarter % 4 * 15)
    }
    var hours: [Weekday: [BusinessCalendar.Span]] = [:]
    for weekday in Weekday.allCases {
        for _ in 0..<(Int(input.byte()) % 3) {
            guard let start = time(&input), let end = time(&input),
                let span = try? BusinessCalendar.Span(start: start, end: end)
            else { continue }
            hours[weekday, default: []].append(span)
        }
    }
    var holidays: [BusinessCalendar.Holiday] = []
    for _ in 0..<(Int(input.byte()) % 4) {
        guard
            let day = try? LocalDate(year: 2026, month: 1, day: 1).adding(
                days: Int(input.byte()) * 3 / 2)
        else { continue }
        var closed: BusinessCalendar.Span? = nil
        if input.byte() % 2 == 1, let start = time(&input), let end = time(&input) {
            closed = try? BusinessCalendar.Span(start: start, end: end)
        }
        holidays.append(BusinessCalendar.Holiday(date: day, closed: closed))
    }
    var openings: [BusinessCalendar.ExtraOpening] = []
    for _ in 0..<(Int(input.byte()) % 3) {
        guard
            let day = try? LocalDate(year: 2026, month: 1, day: 1).adding(
                days: Int(input.byte()) * 3 / 2),
            let start = time(&input), let end = time(&input),
            let span = try? BusinessCalendar.Span(start: start, end: end)
        else { continue }
        openings.append(BusinessCalendar.ExtraOpening(date: day, open: span))
    }
    return try? BusinessCalendar(
        timeZone: zone, weeklyHours: hours, holidays: holidays, extraOpenings: openings)
}
