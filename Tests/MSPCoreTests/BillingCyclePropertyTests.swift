import Foundation
import MSPCore
import MSPTestSupport
import Testing

/// Zones with unusual rules: half-hour and 45-minute offsets, skipped and repeated
/// midnights, a skipped day, southern-hemisphere DST, and plain UTC.
let propertyTimeZones = [
    "UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham",
    "America/Santiago", "America/Havana", "America/Sao_Paulo", "Pacific/Apia", "Asia/Kolkata",
    "Asia/Kathmandu", "Pacific/Kiritimati",
]

/// Milliseconds of 1950-01-01T00:00:00Z and 2060-01-01T00:00:00Z.
let propertyInstantRange: ClosedRange<Int64> = -631_152_000_000...2_840_140_800_000

extension SplitMix64 {
    /// A random billing cycle: monthly with interval 1...12 and anchor day 1...31, or weekly
    /// with interval 1...4, anchored between 1990 and 2040, in one of the property zones.
    mutating func billingCycle() throws -> BillingCycle {
        let zone = element(of: propertyTimeZones)
        if chance(2, in: 3) {
            let anchorDay = int(in: 1...31)
            let year = int(in: 1990...2040)
            let month = int(in: 1...12)
            let day = min(anchorDay, LocalDate.daysInMonth(year: year, month: month))
            return try BillingCycle.monthly(
                every: element(of: [1, 1, 1, 2, 3, 6, 12, int(in: 1...24)]),
                anchoredAt: LocalDate(year: year, month: month, day: day),
                anchorDay: anchorDay, timeZoneIdentifier: zone)
        }
        let anchor = try LocalDate(
            year: int(in: 1990...2040), month: int(in: 1...12), day: int(in: 1...28))
        return try BillingCycle.weekly(
            every: int(in: 1...4), anchoredAt: anchor, timeZoneIdentifier: zone)
    }

    /// A random instant between 1950 and 2060, at millisecond resolution.
    mutating func instant() -> Date {
        Date(timeIntervalSince1970: Double(int(in: propertyInstantRange)) / 1000)
    }
}

@Suite struct BillingCyclePropertyTests {
    @Test func periodContainingAnInstantContainsIt() throws {
        try checkProperty(seed: 0x5EED_C1C1) { random in
            let cycle = try random.billingCycle()
            let instant = random.instant()
            let period = try cycle.period(containing: instant)
            let input = "\(cycle) at \(instant.timeIntervalSince1970)"
            guard period.contains(instant) else { return (input, "\(period) misses it") }
            guard period.contains(period.start), !period.contains(period.end) else {
                return (input, "\(period) does not contain its start, or contains its end")
            }
            guard period.dayCount > 0, period.range.duration > .zero else {
                return (input, "\(period) is empty")
            }
            guard try cycle.period(at: period.index) == period else {
                return (input, "period(at: \(period.index)) differs from \(period)")
            }
            return (input, nil)
        }
    }

    @Test func consecutivePeriodsAreContiguous() throws {
        try checkProperty(seed: 0xC0_7160_0005) { random in
            let cycle = try random.billingCycle()
            let period = try cycle.period(containing: random.instant())
            let next = try cycle.period(after: period)
            let previous = try cycle.period(before: period)
            let input = "\(cycle) around \(period)"
            guard next.start == period.end, next.startDate == period.endDate,
                next.index == period.index + 1
            else { return (input, "next \(next) does not follow") }
            guard previous.end == period.start, previous.endDate == period.startDate,
                previous.index == period.index - 1
            else { return (input, "previous \(previous) does not precede") }
            guard !next.range.overlaps(period.range), !previous.range.overlaps(period.range)
            else { return (input, "neighbours overlap") }
            if let anchorDay = cycle.anchorDay {
                let expected = min(
                    anchorDay,
                    LocalDate.daysInMonth(
                        year: period.startDate.year, month: period.startDate.month))
                guard period.startDate.day == expected else {
                    return (input, "start day \(period.startDate.day), expected \(expected)")
                }
            } else if period.startDate.weekday != cycle.anchorWeekday {
                return (input, "start weekday \(period.startDate.weekday)")
            }
            return (input, nil)
        }
    }

    @Test func periodsOverlappingARangeTileIt() throws {
        try checkProperty(seed: 0x7113) { random in
            let cycle = try random.billingCycle()
            let start = random.instant()
            let length = Double(random.int(in: 0...(400 * 86_400_000))) / 1000
            let range = try DateRange(start: start, end: start.addingTimeInterval(length))
            let periods = try cycle.periods(overlapping: range)
            let input = "\(cycle) over \(range)"
            if range.isEmpty { return (input, periods.isEmpty ? nil : "periods for empty range") }
            guard let first = periods.first, let last = periods.last,
                first.contains(range.start), last.range.end >= range.end
            else { return (input, "periods do not cover the range") }
            for (earlier, later) in zip(periods, periods.dropFirst())
            where earlier.end != later.start || earlier.index + 1 != later.index {
                return (input, "\(earlier) and \(later) are not contiguous")
            }
            guard periods.allSatisfy({ $0.range.overlaps(range) }) else {
                return (input, "a period does not overlap the range")
            }
            return (input, nil)
        }
    }
}
