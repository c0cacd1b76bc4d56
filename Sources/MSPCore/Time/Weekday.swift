/// A day of the week, encoded in JSON by its lowercase English name (`"monday"`).
///
/// The cases are in ISO 8601 order, Monday first; ``isoNumber`` is 1 for Monday through 7
/// for Sunday.
public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Monday, ISO number 1.
    case monday
    /// Tuesday, ISO number 2.
    case tuesday
    /// Wednesday, ISO number 3.
    case wednesday
    /// Thursday, ISO number 4.
    case thursday
    /// Friday, ISO number 5.
    case friday
    /// Saturday, ISO number 6.
    case saturday
    /// Sunday, ISO number 7.
    case sunday

    /// The ISO 8601 weekday number: Monday is 1, Sunday is 7.
    public var isoNumber: Int {
        switch self {
        case .monday: 1
        case .tuesday: 2
        case .wednesday: 3
        case .thursday: 4
        case .friday: 5
        case .saturday: 6
        case .sunday: 7
        }
    }

    /// The weekday with ISO 8601 number `isoNumber` (Monday is 1, Sunday is 7).
    ///
    /// - Throws: ``PeriodError`` `invalidWeekday` outside 1...7.
    public init(isoNumber: Int) throws(PeriodError) {
        guard (1...7).contains(isoNumber) else { throw .invalidWeekday(isoNumber) }
        self = Weekday.allCases[isoNumber - 1]
    }

    /// The weekday of the day `daysSinceEpoch` days after 1970-01-01, a Thursday.
    internal init(daysSinceEpoch: Int64) {
        self = Weekday.allCases[Int(((daysSinceEpoch + 3) % 7 + 7) % 7)]
    }

    /// The day after this one.
    internal var next: Weekday { Weekday.allCases[isoNumber % 7] }

    /// Orders Monday first, as ISO 8601 does.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
