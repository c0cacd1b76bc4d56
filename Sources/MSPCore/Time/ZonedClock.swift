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
internal struct ZonedClock: Sendable {
    /// The zone.
    let timeZone: TimeZone

    /// The zone named `identifier`. - Throws: ``PeriodError`` `unknownTimeZone`.
    init(identifier: String) throws(PeriodError) {
        guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else {
            throw .unknownTimeZone(identifier)
        }
        self.timeZone = zone
    }

    static let millisecondsPerDay: Int64 = 86_400_000

    /// The zone's offset from UTC at `milliseconds`, in milliseconds.
    func offset(at milliseconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Instant.date(milliseconds: milliseconds))) * 1000
    }

    /// The local date at `milliseconds`.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` when it falls outside years 1...9999.
    func localDate(at milliseconds: Int64) throws(PeriodError) -> LocalDate {
        let wall = milliseconds + offset(at: milliseconds)
        let day = floorDivide(wall, ZonedClock.millisecondsPerDay)
        return try LocalDate(daysSinceEpoch: Int(day))
    }

    /// The first instant of `date`: the earliest instant whose local date is `date` or later.
    ///
    /// Walks the constant-offset segments of the zone from 27 hours before UTC midnight of
    /// the date (no zone's offset has exceeded ±16 hours); within a segment the wall clock
    /// is increasing, so the first segment whose wall clock reaches local midnight gives
    /// the answer.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` when the instant falls outside years 1...9999.
    func startOfDay(_ date: LocalDate) throws(PeriodError) -> Int64 {
        let wallMidnight = Int64(date.daysSinceEpoch) * ZonedClock.millisecondsPerDay
        var segmentStart = wallMidnight - 27 * 3_600_000
        var result: Int64?
        for _ in 0..<32 {
            let candidate = max(segmentStart, wallMidnight - offset(at: segmentStart))
            let transition = timeZone.nextDaylightSavingTimeTransition(
                after: Instant.date(milliseconds: segmentStart)
            ).flatMap(Instant.millisecondsIfValid)
            guard let next = transition, next > segmentStart, next <= candidate else {
                result = candidate
                break
            }
            segmentStart = next
        }
        let start = result ?? wallMidnight - offset(at: segmentStart)
        guard start >= Instant.minimum, start < Instant.maximum else {
            throw .outOfRange(date.description, field: "date")
        }
        return start
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
