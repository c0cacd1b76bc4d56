extension BusinessCalendar: Codable {
    private enum CodingKeys: String, CodingKey {
        case timeZone, weeklyHours, holidays, extraOpenings
    }

    /// A weekday name as a key of the `weeklyHours` object.
    private struct WeekdayKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the JSON shape below and re-validates the calendar.
    ///
    /// ```json
    /// {
    ///   "timeZone": "America/New_York",
    ///   "weeklyHours": {
    ///     "monday": [{"start": "09:00", "end": "17:00"}],
    ///     "friday": [{"start": "09:00", "end": "17:00"}, {"start": "22:00", "end": "06:00"}]
    ///   },
    ///   "holidays": [
    ///     {"date": "2026-12-25"},
    ///     {"date": "2026-12-24", "closed": {"start": "12:00", "end": "24:00"}}
    ///   ],
    ///   "extraOpenings": [{"date": "2026-12-26", "open": {"start": "10:00", "end": "14:00"}}]
    /// }
    /// ```
    ///
    /// Weekday keys are lowercase English names; a day without hours may be absent or `[]`.
    /// `holidays` and `extraOpenings` may be absent. Dates are `"YYYY-MM-DD"`, times
    /// `"HH:MM"`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the ``CalendarError`` for an unknown
    ///   weekday, an invalid time, date or span, overlapping weekly spans or an unknown zone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let timeZone = try container.decode(String.self, forKey: .timeZone)
        let days = try container.nestedContainer(keyedBy: WeekdayKey.self, forKey: .weeklyHours)
        var weeklyHours: [Weekday: [Span]] = [:]
        for key in days.allKeys {
            guard let weekday = Weekday(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: days,
                    debugDescription:
                        "\"\(key.stringValue)\" is not a weekday (monday ... sunday)")
            }
            weeklyHours[weekday] = try days.decode([Span].self, forKey: key)
        }
        let holidays = try container.decodeIfPresent([Holiday].self, forKey: .holidays) ?? []
        let extraOpenings =
            try container.decodeIfPresent([ExtraOpening].self, forKey: .extraOpenings) ?? []
        do {
            try self.init(
                timeZone: timeZone, weeklyHours: weeklyHours, holidays: holidays,
                extraOpenings: extraOpenings)
        } catch {
            let key: CodingKeys = error.code == .unknownTimeZone ? .timeZone : .weeklyHours
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the JSON shape shown at ``init(from:)``, weekdays Monday first, days without
    /// hours omitted, `holidays` and `extraOpenings` always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZoneIdentifier, forKey: .timeZone)
        var days = container.nestedContainer(keyedBy: WeekdayKey.self, forKey: .weeklyHours)
        for weekday in Weekday.allCases {
            guard let spans = weeklyHours[weekday] else { continue }
            try days.encode(spans, forKey: WeekdayKey(stringValue: weekday.rawValue))
        }
        try container.encode(holidays, forKey: .holidays)
        try container.encode(extraOpenings, forKey: .extraOpenings)
    }
}
