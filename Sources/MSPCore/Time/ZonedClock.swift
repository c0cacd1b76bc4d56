import Foundation

/// Local dates and the first instant of a local day in one IANA time zone, on MSPKit's
/// millisecond time base.
///
/// The rules, used by every billing cycle and by proration:
///
/// - The *local date* of an instant is the date its wall clock shows.
/// - The *first instant* of a local day is the earliest instant whose local date is that
///   day or later. That is local midnight, unless midnight is skipped by a forward
///   transition (America/Santiago 2022-09-11, America/Havana 2023-03-12,
///   America/Sao_Paulo 2018-11-04), in which case it is the transition instant, whose wall
///   clock shows 01:00. A day skipped entirely (Pacific/Apia 2011-12-30) begins where the
///   next day begins, so it has no instants.
internal struct ZonedClock: Sendable, Hashable {
    /// The zone.
    let timeZone: TimeZone

    /// The zone named `identifier`. - Throws: ``PeriodError`` `unknownTimeZone`.
    init(identifier: String) throws(PeriodError) {
        guard let clock = ZonedClock(named: identifier) else { throw .unknownTimeZone(identifier) }
        self = clock
    }

    /// The zone named `identifier`, or `nil` when the system does not know it: the one
    /// place MSPCore looks a time zone up, whatever error the caller reports.
    init?(named identifier: String) {
        guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else { return nil }
        self.timeZone = zone
    }

    static let millisecondsPerDay: Int64 = 86_400_000

    /// The zone's offset from UTC at `milliseconds`, in milliseconds.
    func offset(at milliseconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Instant.date(milliseconds: milliseconds))) * 1000
    }

    /// The zone's offset from UTC in seconds at `second` since the epoch.
    func offset(atSecond second: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))))
    }

    /// The local day number (days since 1970-01-01 on the wall calendar) of an instant.
    func localDay(ofSecond second: Int64) -> Int64 {
        floorDivide(second + offset(atSecond: second), 86_400)
    }

    /// The local date at `milliseconds`.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` when it falls outside years 1...9999.
    func localDate(at milliseconds: Int64) throws(PeriodError) -> LocalDate {
        let wall = milliseconds + offset(at: milliseconds)
        let day = floorDivide(wall, ZonedClock.millisecondsPerDay)
        return try LocalDate(daysSinceEpoch: Int(day))
    }

    /// The first instant of `date`: the earliest instant whose local date is `date` or later,
    /// that is the first occurrence of its local midnight, or the end of the gap when
    /// midnight is skipped.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` when the instant falls outside years 1...9999.
    func startOfDay(_ date: LocalDate) throws(PeriodError) -> Int64 {
        let start = instants(ofWallSecond: Int64(date.daysSinceEpoch) * 86_400).first * 1000
        guard start >= Instant.minimum, start < Instant.maximum else {
            throw .outOfRange(date.description, field: "date")
        }
        return start
    }

    /// The first and last instants (seconds since the epoch) whose wall-clock reading is
    /// `local` (seconds since 1970-01-01T00:00 on the wall clock).
    ///
    /// A reading that happens once gives the same instant twice; a repeated reading (clocks
    /// fall back) gives its two occurrences; a reading in a gap (clocks spring forward) gives
    /// the first instant after the gap twice.
    func instants(ofWallSecond local: Int64) -> (first: Int64, last: Int64) {
        let before = offset(atSecond: local - 86_400)
        let after = offset(atSecond: local + 86_400)
        var candidates = [before, after]
        if before != after {
            candidates.append(offset(atSecond: local - before))
            candidates.append(offset(atSecond: local - after))
        }
        var first = Int64.max
        var last = Int64.min
        for candidate in candidates where offset(atSecond: local - candidate) == candidate {
            first = min(first, local - candidate)
            last = max(last, local - candidate)
        }
        if first <= last { return (first, last) }
        // In a gap: the first instant whose wall-clock reading is past `local`.
        var low = local - (candidates.max() ?? before)
        var high = local - (candidates.min() ?? before)
        while low < high {
            let middle = low + (high - low) / 2
            if middle + offset(atSecond: middle) > local {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return (high, high)
    }
}

/// `a / b` rounded toward negative infinity, for `b > 0`.
internal func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return (a % b != 0 && a < 0) ? quotient - 1 : quotient
}

/// `a / b` rounded toward negative infinity, for `b > 0`.
internal func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && a < 0) ? quotient - 1 : quotient
}
