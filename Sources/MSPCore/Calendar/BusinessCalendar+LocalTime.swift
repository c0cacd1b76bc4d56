extension BusinessCalendar {
    /// A wall-clock time of day at minute resolution, from `00:00` to `24:00`.
    ///
    /// `24:00` is the end of the day; it is allowed only as the end of a ``Span``, so
    /// `00:00-24:00` is a whole day. Times are wall-clock readings in the calendar's time
    /// zone; how a reading that does not exist or happens twice on a daylight-saving day
    /// maps to an instant is explained in ``BusinessCalendar``.
    ///
    /// The JSON form is a string `"HH:MM"`, such as `"09:30"` or `"24:00"`.
    public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Minutes since midnight, `0...1440`.
        public let minutesSinceMidnight: Int

        /// The hour, `0...24`.
        public var hour: Int { minutesSinceMidnight / 60 }
        /// The minute, `0...59`.
        public var minute: Int { minutesSinceMidnight % 60 }

        /// Midnight at the start of the day, `00:00`.
        public static let startOfDay = LocalTime(validatedMinutes: 0)
        /// Midnight at the end of the day, `24:00`.
        public static let endOfDay = LocalTime(validatedMinutes: minutesPerDay)

        /// Creates a time from an hour and a minute.
        ///
        /// - Throws: ``CalendarError`` `invalidTime` when the hour is outside 0...24, the
        ///   minute outside 0...59, or the time after 24:00.
        public init(hour: Int, minute: Int = 0) throws(CalendarError) {
            guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
            else { throw .invalidTime(hour: hour, minute: minute, field: "time") }
            self.minutesSinceMidnight = hour * 60 + minute
        }

        /// Parses `"HH:MM"` (two digits each, such as `"09:00"` or `"24:00"`).
        ///
        /// - Throws: ``CalendarError`` `invalidFormat` for any other text, `invalidTime`
        ///   for a time outside 00:00...24:00.
        public init(parsing text: String) throws(CalendarError) {
            let bytes = Array(text.utf8)
            guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
                let hour = DecimalText.digits(bytes[0..<2]),
                let minute = DecimalText.digits(bytes[3..<5])
            else { throw .invalidFormat(text, field: "time", expected: "HH:MM") }
            try self.init(hour: hour, minute: minute)
        }

        /// Creates a time from minutes already known to be in `0...1440`.
        init(validatedMinutes: Int) {
            self.minutesSinceMidnight = validatedMinutes
        }

        /// `"HH:MM"`.
        public var description: String {
            let hourText = hour < 10 ? "0\(hour)" : "\(hour)"
            let minuteText = minute < 10 ? "0\(minute)" : "\(minute)"
            return "\(hourText):\(minuteText)"
        }

        /// Orders by time of day.
        public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
            lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
        }
    }
}

/// Minutes in a wall-clock day.
let minutesPerDay = 1440

extension BusinessCalendar.LocalTime: Codable {
    /// Decodes `"HH:MM"` and re-validates it.
    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(
            from: decoder, parse: BusinessCalendar.LocalTime.init(parsing:))
    }

    /// Encodes `"HH:MM"`.
    public func encode(to encoder: any Encoder) throws {
        try TextCoding.encode(description, to: encoder)
    }
}
