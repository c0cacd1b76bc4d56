import MSPCore

/// A calendar month that an index value is published for, such as January 2026.
///
/// JSON: the string `"2026-01"`.
public struct IndexMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int

    /// Creates a month.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for a year outside 1...9999 or a month
    ///   outside 1...12.
    public init(year: Int, month: Int) throws(ContractError) {
        guard (1...9999).contains(year) else {
            throw .outOfRange(year, field: "indexMonth.year", allowed: 1...9999)
        }
        guard (1...12).contains(month) else {
            throw .outOfRange(month, field: "indexMonth.month", allowed: 1...12)
        }
        self.year = year
        self.month = month
    }

    /// The month containing `date`.
    public init(containing date: LocalDate) {
        self.year = date.year
        self.month = date.month
    }

    /// The month `months` later (earlier when negative).
    ///
    /// - Throws: ``ContractError`` `outOfRange` outside years 1...9999.
    public func adding(months: Int) throws(ContractError) -> IndexMonth {
        let index = year * 12 + month - 1 + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return try IndexMonth(year: newYear, month: index - newYear * 12 + 1)
    }

    /// Orders chronologically.
    public static func < (lhs: IndexMonth, rhs: IndexMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `"2026-01"`.
    public var description: String {
        let year = String(year)
        let month = String(month)
        return String(repeating: "0", count: 4 - year.count) + year + "-"
            + (month.count == 1 ? "0" : "") + month
    }
}

/// Caller-supplied index values (a consumer price index, a wage index) by series and month.
///
/// Values are exact `Rational`s as published (`109.0` is `Rational(1090, 10)`);
/// escalation only ever uses ratios of two values, so the series' base year does not matter.
public struct IndexTable: Sendable, Hashable {
    /// The values of each named series by month.
    public let series: [String: [IndexMonth: Rational]]

    /// Creates a table.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for a value that is zero or negative (a ratio
    ///   against it would be meaningless).
    public init(series: [String: [IndexMonth: Rational]]) throws(ContractError) {
        for (name, values) in series {
            for (month, value) in values where value.numerator <= 0 {
                throw ContractError(
                    code: .outOfRange, field: "index.\(name)[\(month)]", value: "\(value)",
                    message: "index value \(value) for \(name) \(month) must be positive")
            }
        }
        self.series = series
    }

    /// The value of `name` for `month`.
    ///
    /// - Throws: ``ContractError`` `missingIndexValue` when the table has none.
    public func value(series name: String, month: IndexMonth) throws(ContractError) -> Rational {
        guard let value = series[name]?[month] else {
            throw .missingIndexValue(series: name, month: month)
        }
        return value
    }
}
