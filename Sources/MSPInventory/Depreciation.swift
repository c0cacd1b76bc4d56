import Foundation
import MSPCore

/// How an asset's cost, less its salvage value, is spread over its useful life, month by
/// month, in exact ``MSPCore/Money``.
///
/// ## Methods
///
/// - ``Method/straightLine``: the depreciable amount (cost − salvage) is split into
///   `lifeMonths` equal monthly charges with ``MSPCore/Money/split(into:limits:)``: the first months
///   take the leftover cents, so the charges sum exactly to cost − salvage.
/// - ``Method/decliningBalance(_:)``: each month charges the book value × rate / 12 (the
///   annual rate, e.g. 200 % for double-declining over the life in years, see below),
///   rounded half-even to the cent. A month switches to straight-line over the remaining
///   months as soon as that charges more, and the last month charges whatever is left
///   above salvage, so the schedule again sums exactly to cost − salvage and book value
///   never falls below salvage.
///
/// ## Month convention
///
/// - ``Convention/fullMonth``: the month the asset enters service is the first whole month
///   of depreciation.
/// - ``Convention/followingMonth``: depreciation starts the month after.
/// - ``Convention/actualDays``: the in-service month is charged for the days from the
///   in-service date to the month's end, as a fraction of that month's days, and the days
///   it misses are charged in one extra month at the end (an asset in service on the 1st has
///   no partial month). Straight-line weights the months by days (in service on March 16:
///   16/31 of a month, then whole months, then 15/31) and allocates the depreciable amount
///   by those weights with the largest-remainder rule of
///   ``MSPCore/Money/allocated(by:limits:)-([Int64],_)``; declining balance charges the first month
///   its fraction of a month's charge, rounded half-even.
///
/// A month's charge is recognised at the month's end: the book value *on* a date is cost
/// less every charge of months that ended on or before it.
///
/// ```swift
/// // 3,600.00 laptop, 600.00 salvage, 36 months straight-line from March 2026:
/// // 3,000.00 / 36 = 83.33 r 12 → months 1-12 charge 83.34, months 13-36 charge 83.33.
/// let schedule = try Depreciation(
///     cost: usd("3600.00"), salvage: usd("600.00"), inService: day("2026-03-15"),
///     lifeMonths: 36, method: .straightLine, convention: .fullMonth)
/// try schedule.bookValue(on: day("2026-04-01"))   // 3,516.66 (March charged)
/// ```
public struct Depreciation: Sendable, Hashable {
    /// How the charge per month is computed.
    public enum Method: Sendable, Hashable {
        /// Equal monthly charges.
        case straightLine
        /// A fixed annual rate on the remaining book value, switching to straight-line when
        /// that charges more. Double-declining over 3 years is `decliningBalance(Percentage(
        /// 200 / 3))`, i.e. 2 / life in years.
        case decliningBalance(Percentage)
    }

    /// When the first month of depreciation is.
    public enum Convention: String, Sendable, Hashable, Codable {
        /// The month the asset enters service, as a whole month.
        case fullMonth
        /// The month after it enters service.
        case followingMonth
        /// The days in service of the first month, the rest in an extra last month.
        case actualDays
    }

    /// One month of the schedule.
    public struct Month: Sendable, Hashable {
        /// 1 for the first month of depreciation.
        public let number: Int
        /// The first day of the month.
        public let start: LocalDate
        /// The charge for the month.
        public let charge: Money
        /// The book value at the month's end.
        public let bookValue: Money
    }

    /// The purchase cost.
    public let cost: Money
    /// The value left at the end of the life.
    public let salvage: Money
    /// The date the asset entered service.
    public let inService: LocalDate
    /// The useful life in months.
    public let lifeMonths: Int
    /// The method.
    public let method: Method
    /// The month convention.
    public let convention: Convention
    /// Every month of the schedule, in order; the charges sum to cost − salvage.
    public let months: [Month]

    /// Builds a schedule.
    ///
    /// - Throws: ``InventoryError`` `negativeAmount` for a negative cost or salvage;
    ///   `currencyMismatch` (field `"salvage"`); `outOfRange` for a salvage above cost
    ///   (field `"salvage"`), a life outside 1...600 months (field `"lifeMonths"`) or a
    ///   rate outside (0, 1200] % (field `"rate"`).
    public init(
        cost: Money, salvage: Money, inService: LocalDate, lifeMonths: Int, method: Method,
        convention: Convention
    ) throws(InventoryError) {
        guard !cost.isNegative else { throw .negativeAmount(cost, field: "cost") }
        guard !salvage.isNegative else { throw .negativeAmount(salvage, field: "salvage") }
        guard salvage.currency == cost.currency else {
            throw .currencyMismatch(salvage, expected: cost.currency, field: "salvage")
        }
        guard salvage.minorUnits <= cost.minorUnits else {
            throw .outOfRange(
                salvage.minorUnits, allowed: "0...\(cost.minorUnits)", field: "salvage")
        }
        guard (1...600).contains(lifeMonths) else {
            throw .outOfRange(Int64(lifeMonths), allowed: "1...600", field: "lifeMonths")
        }
        var first: LocalDate
        do {
            first = try LocalDate(year: inService.year, month: inService.month, day: 1)
            if convention == .followingMonth { first = try first.adding(months: 1) }
        } catch {
            throw .outOfRange(Int64(inService.year), allowed: "1...9999", field: "inService")
        }
        let depreciable = cost.minorUnits - salvage.minorUnits
        // Under actual days, the in-service month's share: days in service of its days.
        let daysInMonth = LocalDate.daysInMonth(year: inService.year, month: inService.month)
        let daysInService = daysInMonth - inService.day + 1
        let partial = convention == .actualDays && daysInService < daysInMonth
        let charges: [Int64]
        switch method {
        case .straightLine where partial:
            let weights =
                [Int64(daysInService)]
                + Array(repeating: Int64(daysInMonth), count: lifeMonths - 1)
                + [Int64(daysInMonth - daysInService)]
            do {
                charges = try Money(minorUnits: depreciable, currency: cost.currency)
                    .allocated(by: weights).map(\.minorUnits)
            } catch {
                throw .overflow(field: "cost")
            }
        case .straightLine:
            charges = Self.straightLine(depreciable, months: lifeMonths)
        case .decliningBalance(let rate):
            guard rate > .zero, rate <= Percentage(1200) else {
                throw .outOfRange(
                    (try? rate.percent.rounded(.halfEven)) ?? 0, allowed: "(0, 1200]", field: "rate"
                )
            }
            charges = try Self.decliningBalance(
                cost: cost.minorUnits, salvage: salvage.minorUnits,
                months: partial ? lifeMonths + 1 : lifeMonths, rate: rate,
                firstMonthShare: partial
                    ? Self.share(Int64(daysInService), of: Int64(daysInMonth)) : .one,
                currency: cost.currency)
        }
        var months: [Month] = []
        var book = cost.minorUnits
        var start = first
        for (index, charge) in charges.enumerated() {
            book -= charge
            months.append(
                Month(
                    number: index + 1, start: start,
                    charge: Money(minorUnits: charge, currency: cost.currency),
                    bookValue: Money(minorUnits: book, currency: cost.currency)))
            do {
                start = try start.adding(months: 1)
            } catch {
                throw .outOfRange(Int64(start.year), allowed: "1...9999", field: "inService")
            }
        }
        self.cost = cost
        self.salvage = salvage
        self.inService = inService
        self.lifeMonths = lifeMonths
        self.method = method
        self.convention = convention
        self.months = months
    }

    /// `total` split into `months` near-equal charges, the first months taking the extra
    /// cents (``MSPCore/Money/split(into:limits:)``'s rule).
    private static func straightLine(_ total: Int64, months: Int) -> [Int64] {
        let base = total / Int64(months)
        let extra = Int(total % Int64(months))
        return (0..<months).map { base + ($0 < extra ? 1 : 0) }
    }

    /// `part / whole` for day counts of one month (1...31), which always fit.
    private static func share(_ part: Int64, of whole: Int64) -> Rational {
        (try? Rational(part, whole)) ?? .one
    }

    private static func decliningBalance(
        cost: Int64, salvage: Int64, months: Int, rate: Percentage, firstMonthShare: Rational,
        currency: Currency
    ) throws(InventoryError) -> [Int64] {
        var charges: [Int64] = []
        var book = cost
        let monthly: Rational
        do {
            monthly = try rate.fraction / Rational(12)
        } catch {
            throw .overflow(field: "rate")
        }
        for month in 0..<months {
            let remainingMonths = Int64(months - month)
            let left = book - salvage
            if remainingMonths == 1 {
                charges.append(left)
                book = salvage
                continue
            }
            let declining: Int64
            do {
                let factor = month == 0 ? try monthly * firstMonthShare : monthly
                declining = try Money(minorUnits: book, currency: currency)
                    .multiplied(by: factor, rounding: .halfEven).minorUnits
            } catch {
                throw .overflow(field: "cost")
            }
            // Straight-line over the remaining months, rounded up so that the switch
            // happens as soon as it charges at least as much.
            var straight = (left + remainingMonths - 1) / remainingMonths
            if month == 0, firstMonthShare != .one {
                do {
                    straight = try Money(minorUnits: straight, currency: currency)
                        .multiplied(by: firstMonthShare, rounding: .halfEven).minorUnits
                } catch {
                    throw .overflow(field: "cost")
                }
            }
            let charge = min(left, max(declining, straight))
            charges.append(charge)
            book -= charge
        }
        return charges
    }

    /// The book value on `date`: cost less the charges of every month that ended on or
    /// before `date`.
    ///
    /// - Complexity: O(*m*) for *m* months.
    public func bookValue(on date: LocalDate) -> Money {
        var value = cost
        for month in months {
            guard let end = try? month.start.adding(months: 1), end <= date else { break }
            value = month.bookValue
        }
        return value
    }

    /// The book value at `instant`, on the local date it falls on in `timeZoneIdentifier`.
    ///
    /// - Throws: ``InventoryError`` `unknownTimeZone` or `invalidInstant`.
    public func bookValue(at instant: Date, timeZoneIdentifier: String) throws(InventoryError)
        -> Money
    {
        do {
            return bookValue(on: try LocalDate(containing: instant, inTimeZone: timeZoneIdentifier))
        } catch {
            if error.code == .unknownTimeZone {
                throw .unknownTimeZone(timeZoneIdentifier, field: "timeZone")
            }
            throw InventoryError(period: error)
        }
    }
}
