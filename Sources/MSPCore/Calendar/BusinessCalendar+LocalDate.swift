extension BusinessCalendar {
    /// A date in the proleptic Gregorian calendar, years 1...9999, with no time zone.
    ///
    /// Holidays, partial closures and extra openings name local dates: `2026-12-25` is
    /// Christmas Day in the calendar's own time zone, whatever instant that day starts at.
    ///
    /// The JSON form is a string `"YYYY-MM-DD"`.
    public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The year, `1...9999`.
        public let year: Int
        /// The month, `1...12`.
        public let month: Int
        /// The day of the month, `1...31`.
        public let day: Int

        /// Creates a date.
        ///
        /// - Throws: ``CalendarError`` `invalidDate` for a date that does not exist, such as
        ///   2027-02-29, or a year outside 1...9999.
        public init(year: Int, month: Int, day: Int) throws(CalendarError) {
            guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
                day <= LocalDate.daysInMonth(year: year, month: month)
            else { throw .invalidDate(year: year, month: month, day: day) }
            self.year = year
            self.month = month
            self.day = day
        }

        /// Parses `"YYYY-MM-DD"` (four, two and two digits).
        ///
        /// - Throws: ``CalendarError`` `invalidFormat` for any other text, `invalidDate`
        ///   for a date that does not exist.
        public init(parsing text: String) throws(CalendarError) {
            let bytes = Array(text.utf8)
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                let year = decimalValue(bytes[0..<4]), let month = decimalValue(bytes[5..<7]),
                let day = decimalValue(bytes[8..<10])
            else { throw .invalidFormat(text, field: "date", expected: "YYYY-MM-DD") }
            try self.init(year: year, month: month, day: day)
        }

        /// The date `dayNumber` days after 1970-01-01 (negative before), already known to be in
        /// years 1...9999.
        init(dayNumber: Int64) {
            // Howard Hinnant's civil_from_days.
            let z = dayNumber + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra =
                (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            self.year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
            self.month = Int(month)
            self.day = Int(day)
        }

        /// Days since 1970-01-01 (negative before).
        var dayNumber: Int64 {
            // Howard Hinnant's days_from_civil.
            let y = Int64(month <= 2 ? year - 1 : year)
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let m = Int64(month)
            let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// The day of the week.
        public var weekday: Weekday { Weekday(dayNumber: dayNumber) }

        /// `"YYYY-MM-DD"`.
        public var description: String {
            let yearText = String(year)
            let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            return "\(paddedYear)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }

        /// Orders chronologically.
        public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        /// The number of days in `month` of `year`.
        static func daysInMonth(year: Int, month: Int) -> Int {
            switch month {
            case 2:
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
                return leap ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }
    }

    /// A day of the week. The raw value is the JSON key in `weeklyHours`.
    public enum Weekday: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
        /// Monday.
        case monday
        /// Tuesday.
        case tuesday
        /// Wednesday.
        case wednesday
        /// Thursday.
        case thursday
        /// Friday.
        case friday
        /// Saturday.
        case saturday
        /// Sunday.
        case sunday

        /// Monday is 0, Sunday is 6.
        var index: Int {
            switch self {
            case .monday: 0
            case .tuesday: 1
            case .wednesday: 2
            case .thursday: 3
            case .friday: 4
            case .saturday: 5
            case .sunday: 6
            }
        }

        /// The weekdays Monday first, indexed by ``index``.
        private static let ordered: [Weekday] = [
            .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday,
        ]

        /// The weekday of day `dayNumber` since 1970-01-01, a Thursday.
        init(dayNumber: Int64) {
            self = Weekday.ordered[Int(((dayNumber + 3) % 7 + 7) % 7)]
        }

        /// The day after this one.
        var next: Weekday { Weekday.ordered[(index + 1) % 7] }

        /// Orders Monday first.
        public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
    }
}

extension BusinessCalendar.LocalDate: Codable {
    /// Decodes `"YYYY-MM-DD"` and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.description)
        }
    }

    /// Encodes `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
