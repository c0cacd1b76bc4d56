import Foundation

/// A calendar date without a time or a time zone: a year, a month and a day.
///
/// `LocalDate` names a day as people write it on a contract: "billing starts 2026-01-31".
/// It is always a real proleptic Gregorian date in years 1...9999; the initialisers reject
/// `2026-02-30` rather than rolling it over. Dates order chronologically and encode as the
/// JSON string `"YYYY-MM-DD"`.
///
/// ```swift
/// let start = try LocalDate(year: 2028, month: 2, day: 29)   // a leap day
/// start.description                                           // "2028-02-29"
/// try start.adding(days: 1)                                   // 2028-03-01
/// try LocalDate(year: 2026, month: 1, day: 31).adding(months: 1)  // 2026-02-28 (clamped)
/// ```
///
/// The instant a local date begins depends on a time zone; see
/// ``firstInstant(inTimeZone:)``.
public struct LocalDate: Sendable, Hashable {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1 (January) ... 12 (December).
    public let month: Int
    /// The day of the month, 1...31.
    public let day: Int

    /// Creates a date from its parts.
    ///
    /// - Throws: ``PeriodError`` `invalidDate` when the year is outside 1...9999, the month
    ///   outside 1...12, or the day outside the month (`2027-02-29`).
    public init(year: Int, month: Int, day: Int) throws(PeriodError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= LocalDate.daysInMonth(year: year, month: month)
        else {
            throw .invalidDate(LocalDate.text(year: year, month: month, day: day), field: "date")
        }
        self.init(unchecked: year, month, day)
    }

    /// Parses `"YYYY-MM-DD"`: exactly four, two and two ASCII digits.
    ///
    /// - Throws: ``PeriodError`` `invalidDate` for any other text or a date that does not
    ///   exist.
    public init(parsing text: String) throws(PeriodError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
            let year = DecimalText.digits(bytes[0..<4]),
            let month = DecimalText.digits(bytes[5..<7]),
            let day = DecimalText.digits(bytes[8..<10])
        else { throw .invalidDate(text, field: "date") }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw .invalidDate(text, field: "date")
        }
    }

    /// Creates a date from parts already validated.
    internal init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    ///
    /// - Throws: ``PeriodError`` `outOfRange` outside years 1...9999.
    internal init(daysSinceEpoch days: Int) throws(PeriodError) {
        guard days >= LocalDate.minimumDaysSinceEpoch, days <= LocalDate.maximumDaysSinceEpoch
        else { throw .outOfRange("day \(days) since 1970-01-01", field: "date") }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra =
            (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(unchecked: year, month, day)
    }

    /// Days from 1970-01-01 to 0001-01-01.
    internal static let minimumDaysSinceEpoch = -719_162
    /// Days from 1970-01-01 to 9999-12-31.
    internal static let maximumDaysSinceEpoch = 2_932_896

    /// The number of days from 1970-01-01 to this date (negative before it).
    internal var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The months since January of year 0, used to step monthly cycles by arithmetic.
    internal var monthIndex: Int { year * 12 + month - 1 }

    /// Whether `year` has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year` (28...31); 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// The day of the week.
    public var weekday: Weekday { Weekday(daysSinceEpoch: Int64(daysSinceEpoch)) }

    /// The date `days` days later (earlier when negative).
    ///
    /// - Throws: ``PeriodError`` `outOfRange` when the result falls outside years 1...9999.
    public func adding(days: Int) throws(PeriodError) -> LocalDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow else { throw .outOfRange("\(self) + \(days) days", field: "date") }
        return try LocalDate(daysSinceEpoch: sum)
    }

    /// The date `months` months later (earlier when negative), with the day clamped to the
    /// end of the target month: 2026-01-31 plus one month is 2026-02-28.
    ///
    /// Clamping loses the day: adding one month twice to 2026-01-31 gives 2026-03-28, while
    /// adding two months gives 2026-03-31. Billing cycles therefore always step from their
    /// anchor.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` when the result falls outside years 1...9999.
    public func adding(months: Int) throws(PeriodError) -> LocalDate {
        let (index, overflow) = monthIndex.addingReportingOverflow(months)
        guard !overflow else { throw .outOfRange("\(self) + \(months) months", field: "date") }
        return try LocalDate(monthIndex: index, clampingDay: day)
    }

    /// The day `day` (clamped to the month's length) of the month with index `monthIndex`.
    ///
    /// - Throws: ``PeriodError`` `outOfRange` outside years 1...9999.
    internal init(monthIndex: Int, clampingDay day: Int) throws(PeriodError) {
        let year = floorDivide(monthIndex, 12)
        let month = monthIndex - year * 12 + 1
        guard (1...9999).contains(year) else {
            throw .outOfRange("month \(month) of year \(year)", field: "date")
        }
        self.init(
            unchecked: year, month, min(day, LocalDate.daysInMonth(year: year, month: month)))
    }

    /// The number of days from this date to `other`: positive when `other` is later.
    ///
    /// From 2026-01-15 to 2026-02-01 is 17 days.
    public func days(to other: LocalDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    private static func text(year: Int, month: Int, day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value.magnitude)
            let sign = value < 0 ? "-" : ""
            return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}

extension LocalDate {
    /// The local date of `instant` in the time zone named `identifier`.
    ///
    /// - Throws: ``PeriodError`` `unknownTimeZone`, `invalidInstant` for a non-finite
    ///   instant, `outOfRange` when the local date falls outside years 1...9999.
    public init(containing instant: Date, inTimeZone identifier: String) throws(PeriodError) {
        let clock = try ZonedClock(identifier: identifier)
        self = try clock.localDate(at: Instant.milliseconds(instant, field: "instant"))
    }

    /// The first instant of this day in the time zone named `identifier`.
    ///
    /// Usually local midnight. When midnight does not exist because the clocks jump forward
    /// over it (America/Santiago on 2022-09-11 went from 23:59:59 to 01:00), the day begins
    /// at the first instant that shows this date: 2022-09-11T04:00:00Z, local 01:00.
    ///
    /// - Throws: ``PeriodError`` `unknownTimeZone`, `outOfRange` when the instant falls
    ///   outside years 1...9999.
    public func firstInstant(inTimeZone identifier: String) throws(PeriodError) -> Date {
        let clock = try ZonedClock(identifier: identifier)
        return Instant.date(milliseconds: try clock.startOfDay(self))
    }
}

extension LocalDate: Comparable {
    /// Orders chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension LocalDate: CustomStringConvertible, LosslessStringConvertible {
    /// `"YYYY-MM-DD"`, such as `"2026-01-31"`.
    public var description: String { LocalDate.text(year: year, month: month, day: day) }

    /// Parses `"YYYY-MM-DD"`, or returns `nil`; see ``init(parsing:)``.
    public init?(_ description: String) {
        guard let value = try? LocalDate(parsing: description) else { return nil }
        self = value
    }
}

extension LocalDate: Codable {
    /// Decodes the string `"YYYY-MM-DD"` and validates the date.
    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(from: decoder, parse: LocalDate.init(parsing:))
    }

    /// Encodes the string `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encode(description, to: encoder)
    }
}
