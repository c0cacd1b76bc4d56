import Foundation
import MSPCore

/// One piece of work logged against a customer: who (role), what (work type), when, and
/// whether it is billed.
public struct TimeEntry: Sendable, Hashable {
    /// Whether the entry is charged.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Charged at the rate of its role and work type.
        case billable
        /// Logged but given away (goodwill, rework).
        case noCharge
        /// Included in the customer's agreement (managed-services scope).
        case coveredByAgreement
    }

    /// The entry's identifier, e.g. a ticket time-log ID.
    public var id: String
    /// The customer the work was for.
    public var customer: CustomerID
    /// The technician's role, e.g. `"engineer"`.
    public var role: String
    /// The work type, e.g. `"remote"` or `"onsite"`.
    public var workType: String
    /// When the work happened, half-open.
    public var range: DateRange
    /// Billable, no charge, or covered by agreement.
    public var status: Status

    /// Creates a time entry.
    ///
    /// - Throws: ``BillingError/endBeforeStart(entry:start:end:)`` when `end` is before
    ///   `start`.
    public init(
        id: String, customer: CustomerID, role: String, workType: String, start: Date, end: Date,
        status: Status = .billable
    ) throws(BillingError) {
        guard start <= end else {
            throw .endBeforeStart(
                entry: id, start: String(describing: start), end: String(describing: end))
        }
        self.id = id
        self.customer = customer
        self.role = role
        self.workType = workType
        self.range = try inPeriod { () throws(PeriodError) in try DateRange(start: start, end: end)
        }
        self.status = status
    }
}

/// Parts and materials billed at cost plus a markup.
public struct MaterialCharge: Sendable, Hashable {
    /// What was supplied, e.g. `"SSD 1 TB"`.
    public var description: String
    /// The unit cost.
    public var unitCost: Money
    /// How many.
    public var quantity: Int64
    /// The markup on cost, e.g. 25 %.
    public var markup: Percentage

    /// Creates a material charge.
    ///
    /// - Throws: ``BillingError/negativeQuantity(_:field:)`` for a negative quantity, cost
    ///   or markup.
    public init(description: String, unitCost: Money, quantity: Int64, markup: Percentage)
        throws(BillingError)
    {
        guard quantity >= 0 else { throw .negativeQuantity(String(quantity), field: "quantity") }
        guard !unitCost.isNegative else {
            throw .negativeQuantity(unitCost.description, field: "unitCost")
        }
        guard !markup.percent.isNegative else {
            throw .negativeQuantity(markup.description, field: "markup")
        }
        self.description = description
        self.unitCost = unitCost
        self.quantity = quantity
        self.markup = markup
    }
}

/// Break/fix pricing: hourly rates by role and work type, rounding to an increment with a
/// minimum, after-hours and holiday multipliers decided by a business calendar, and
/// materials at cost plus markup.
///
/// ## Rule for one billable entry
///
/// Split the entry by the compiled calendar into business time *b* (open), holiday time
/// *h* (closed time inside a holiday's closed span, see
/// `BusinessCalendar.Compiled.holidayMilliseconds(from:to:)`) and after-hours time *a*
/// (the rest of the closed time: evenings, nights, weekends). Business time on a holiday
/// date — the open part of a partial-day closure, or an extra opening — stays business
/// time. With after-hours multiplier *mₐ*, holiday multiplier *mₕ* (``holidayMultiplier``,
/// or *mₐ* when it is `nil`), increment *i* and minimum *n*:
///
/// - ``RoundingOrder-swift.enum/beforeMultiplier``: the raw duration is rounded up to a
///   multiple of *i* and raised to *n*; the added time continues the work past its end and
///   takes the multiplier in force in the entry's last millisecond (1 for business time,
///   *mₐ* after hours, *mₕ* on a holiday). Billed minutes = *b′* + *a′* × *mₐ* + *h′* × *mₕ*.
/// - ``RoundingOrder-swift.enum/afterMultiplier``: weighted minutes
///   *b* + *a* × *mₐ* + *h* × *mₕ* are rounded up to a multiple of *i* and raised to *n*.
///
/// The weighted minutes are exact (one common denominator for both multipliers); the charge
/// is rate × billed minutes / 60, rounded once.
///
/// Worked example: Mon–Fri 09:00–17:00, 120.00/h, 15-minute increments, 1-hour minimum,
/// 1.5× after hours; an entry 16:40–17:20 is 20 business + 20 after-hours minutes.
/// Before: 40 → 45 → 60 minutes; the 20 added minutes are after hours, so
/// 20 + 40 × 1.5 = 80 minutes = 160.00. After: 20 + 20 × 1.5 = 50 → 60 minutes = 120.00.
///
/// With Friday 2026-12-25 a holiday and 2× holiday time, an entry from Thursday 23:30 to
/// Friday 00:40 is 30 after-hours + 40 holiday minutes. Before: 70 → 75; the 5 added
/// minutes are holiday time, so 30 × 1.5 + 45 × 2 = 135 minutes = 270.00. After:
/// 30 × 1.5 + 40 × 2 = 125 → 135 minutes = 270.00. An entry on the holiday 10:00–10:50
/// is 50 holiday minutes: before 60 × 2 = 120 minutes = 240.00; after 100 → 105 minutes
/// = 210.00.
public struct TimeAndMaterials: Sendable, Hashable {
    /// Whether entries are rounded before or after the after-hours multiplier.
    public enum RoundingOrder: String, Sendable, Hashable, Codable {
        /// Round the raw duration, then apply the multiplier.
        case beforeMultiplier
        /// Apply the multiplier, then round the weighted duration.
        case afterMultiplier
    }

    /// An hourly rate for a role and work type.
    ///
    /// JSON: `{"role": "engineer", "workType": "remote", "hourly": {"amount": "120.00",
    /// "currency": "USD"}}`; a negative rate is rejected by the price list that holds it.
    public struct Rate: Sendable, Hashable, Codable {
        /// The role, e.g. `"engineer"`.
        public var role: String
        /// The work type, e.g. `"remote"`.
        public var workType: String
        /// The price of one hour.
        public var hourly: PreciseMoney

        /// Creates a rate.
        public init(role: String, workType: String, hourly: PreciseMoney) {
            self.role = role
            self.workType = workType
            self.hourly = hourly
        }
    }

    /// The longest increment or minimum accepted: one year of minutes (525,600).
    public static let maximumMinutes: Int64 = 525_600

    /// The rates.
    public let rates: [Rate]
    /// The increment entries are rounded up to, in minutes.
    public let incrementMinutes: Int64
    /// The least an entry is billed, in minutes.
    public let minimumMinutes: Int64
    /// The multiplier for closed time outside holidays (evenings, nights, weekends), and for
    /// holiday time too when ``holidayMultiplier`` is `nil`.
    public let afterHoursMultiplier: Rational
    /// The multiplier for holiday time (closed time inside a holiday's closed span), or
    /// `nil` to bill holiday time as after hours.
    public let holidayMultiplier: Rational?
    /// Round before or after the multiplier.
    public let roundingOrder: RoundingOrder
    /// The category of labour lines (chooses the tax rate).
    public let labourCategory: BillableCategory
    /// The category of material lines.
    public let materialCategory: BillableCategory
    /// The rule that rounds each line.
    public let rounding: RoundingRule
    /// The weights of business, after-hours and holiday milliseconds over one common
    /// denominator, or `nil` when they overflow (reported when an entry is priced).
    private let weights: Weights?
    /// Each rate's price of one minute in minor units (hourly / 60), in lowest terms.
    private let minutePrices: [Rational]

    /// Creates a validated time-and-materials price list.
    ///
    /// - Parameters:
    ///   - rates: The hourly rates by role and work type.
    ///   - incrementMinutes: The increment each entry is rounded up to.
    ///   - minimumMinutes: The least an entry is billed.
    ///   - afterHoursMultiplier: The multiplier for closed time outside holidays.
    ///   - holidayMultiplier: The multiplier for holiday time; `nil` bills holiday time as
    ///     after hours.
    ///   - roundingOrder: Round before or after the multipliers.
    ///   - labourCategory: The category of labour lines.
    ///   - materialCategory: The category of material lines.
    ///   - rounding: The rule that rounds each line.
    /// - Throws: ``BillingError/invalidTimeRule(_:field:)`` for an increment outside
    ///   1...``maximumMinutes``, a minimum outside 0...``maximumMinutes`` or a multiplier
    ///   below 1;
    ///   ``BillingError/negativeQuantity(_:field:)`` for a negative rate.
    public init(
        rates: [Rate], incrementMinutes: Int64 = 15, minimumMinutes: Int64 = 0,
        afterHoursMultiplier: Rational = .one, holidayMultiplier: Rational? = nil,
        roundingOrder: RoundingOrder = .beforeMultiplier,
        labourCategory: BillableCategory, materialCategory: BillableCategory,
        rounding: RoundingRule = .halfUp
    ) throws(BillingError) {
        guard (1...Self.maximumMinutes).contains(incrementMinutes) else {
            throw .invalidTimeRule(String(incrementMinutes), field: "incrementMinutes")
        }
        guard (0...Self.maximumMinutes).contains(minimumMinutes) else {
            throw .invalidTimeRule(String(minimumMinutes), field: "minimumMinutes")
        }
        guard afterHoursMultiplier >= .one else {
            throw .invalidTimeRule(afterHoursMultiplier.description, field: "afterHoursMultiplier")
        }
        if let holidayMultiplier, holidayMultiplier < .one {
            throw .invalidTimeRule(holidayMultiplier.description, field: "holidayMultiplier")
        }
        var minutePrices: [Rational] = []
        for (index, rate) in rates.enumerated() {
            guard rate.hourly.scaledUnits >= 0 else {
                throw .negativeQuantity(rate.hourly.description, field: "rates[\(index)].hourly")
            }
            // Scaled units are minor units × 10^6, so one minute is scaledUnits / 60,000,000.
            minutePrices.append(
                try exact { () throws(MoneyError) in
                    try Rational(rate.hourly.scaledUnits, 60_000_000)
                })
        }
        self.minutePrices = minutePrices
        self.rates = rates
        self.incrementMinutes = incrementMinutes
        self.minimumMinutes = minimumMinutes
        self.afterHoursMultiplier = afterHoursMultiplier
        self.holidayMultiplier = holidayMultiplier
        self.weights = Weights(afterHours: afterHoursMultiplier, holiday: holidayMultiplier)
        self.roundingOrder = roundingOrder
        self.labourCategory = labourCategory
        self.materialCategory = materialCategory
        self.rounding = rounding
    }

    /// Prices one customer's time entries and materials into invoice lines.
    ///
    /// Each labour line is described by the entry's ID, with its billed minutes as the
    /// quantity; no-charge and covered entries produce zero lines that still show their time
    /// and carry the status as the note.
    ///
    /// - Parameters:
    ///   - entries: The time entries, all of `customer`.
    ///   - materials: Parts and materials.
    ///   - customer: The customer billed.
    ///   - calendar: The compiled business calendar deciding after-hours time; its horizon
    ///     must cover every entry.
    /// - Returns: One line per entry (in the given order), then one per material.
    /// - Throws: ``BillingError`` `customerMismatch`, `unknownRate`, `currencyMismatch`,
    ///   a calendar error for an entry outside the horizon, or `arithmetic`.
    /// - Complexity: O(entries × (rates + log calendar intervals)).
    public func lines(
        for entries: some Collection<TimeEntry>, materials: [MaterialCharge] = [],
        customer: CustomerID, calendar: BusinessCalendar.Compiled
    ) throws(BillingError) -> [InvoiceLine] {
        // Over contiguous storage when there is one (an array or a slice of one), reading
        // each entry in place: copying an entry retains its four strings.
        let result = entries.withContiguousStorageIfAvailable { buffer in
            Result { () throws(BillingError) in
                try lines(for: buffer, materials: materials, customer: customer, calendar: calendar)
            }
        }
        if let result { return try result.get() }
        return try Array(entries).withUnsafeBufferPointer { buffer throws(BillingError) in
            try lines(for: buffer, materials: materials, customer: customer, calendar: calendar)
        }
    }

    /// Prices an array of time entries, as the overload taking any collection does. This
    /// overload keeps an empty array literal (`lines(for: [], materials: parts, …)`)
    /// unambiguous.
    public func lines(
        for entries: [TimeEntry], materials: [MaterialCharge] = [], customer: CustomerID,
        calendar: BusinessCalendar.Compiled
    ) throws(BillingError) -> [InvoiceLine] {
        try entries.withUnsafeBufferPointer { buffer throws(BillingError) in
            try lines(for: buffer, materials: materials, customer: customer, calendar: calendar)
        }
    }

    private func lines(
        for entries: UnsafeBufferPointer<TimeEntry>, materials: [MaterialCharge],
        customer: CustomerID, calendar: BusinessCalendar.Compiled
    ) throws(BillingError) -> [InvoiceLine] {
        var lines: [InvoiceLine] = []
        lines.reserveCapacity(entries.count + materials.count)
        let currency = rates.first?.hourly.currency
        for index in entries.indices {
            guard entries[index].customer == customer else {
                throw .customerMismatch(
                    expected: customer, found: entries[index].customer,
                    field: "timeEntries[\(entries[index].id)].customer")
            }
            try appendLine(for: entries, at: index, calendar: calendar, to: &lines)
        }
        for (index, material) in materials.enumerated() {
            if let currency, material.unitCost.currency != currency {
                throw .currencyMismatch(
                    expected: currency, found: material.unitCost.currency,
                    field: "materials[\(index)].unitCost")
            }
            let cost = try exact { () throws(MoneyError) in
                try material.unitCost * material.quantity
            }
            let factor = try Rational.one.plus(material.markup.fraction)
            let exactAmount = try exact { () throws(MoneyError) in
                try Rational(cost.minorUnits) * factor
            }
            let amount = try exact { () throws(MoneyError) in try exactAmount.rounded(rounding) }
            lines.append(
                InvoiceLine(
                    kind: .material, description: material.description,
                    category: materialCategory, model: "cost-plus-markup",
                    quantity: Rational(material.quantity), exactMinorUnits: exactAmount,
                    rounding: rounding, note: "\(cost) at cost + \(material.markup)",
                    amount: Money(minorUnits: amount, currency: cost.currency)))
        }
        return lines
    }

    /// The billed minutes of one entry (before the hourly rate), per the rounding order.
    ///
    /// - Throws: ``BillingError`` `calendar` for an entry outside the calendar's horizon,
    ///   `arithmetic` on overflow.
    public func billedMinutes(for entry: TimeEntry, calendar: BusinessCalendar.Compiled)
        throws(BillingError) -> Rational
    {
        guard let (numerator, denominator) = try billedMinutes(entry.range, calendar: calendar)
        else { throw Self.timeOverflow(entry.id) }
        return try Self.rational(numerator, denominator)
    }

    /// The billed minutes of the entry over `range` in lowest terms, `(numerator,
    /// denominator)` with a positive denominator, or `nil` on overflow.
    ///
    /// The weighted milliseconds are a fraction over *d* × 60,000 for the multipliers'
    /// common denominator *d*; their reduction needs one division and a greatest common
    /// divisor of numbers below that denominator.
    private func billedMinutes(_ range: DateRange, calendar: BusinessCalendar.Compiled)
        throws(BillingError) -> (Int64, Int64)?
    {
        guard let weights else { return nil }
        let start = range.startMilliseconds
        let end = range.endMilliseconds
        let total = end - start
        // Cumulative business time at the end, the start and (when rounding adds time) the
        // last millisecond: three lookups for the business time and the end's kind.
        let businessAtEnd: Int64
        let businessMs: Int64
        if start >= calendar.horizon.startMilliseconds, end <= calendar.horizon.endMilliseconds {
            businessAtEnd = try onCalendar { () throws(CalendarError) in
                try calendar.cumulativeBusinessMilliseconds(at: end)
            }
            businessMs =
                try businessAtEnd
                - onCalendar { () throws(CalendarError) in
                    try calendar.cumulativeBusinessMilliseconds(at: start)
                }
        } else {
            // Outside the horizon: the business-time query reports it (naming `start` or
            // `end`).
            businessMs = try onCalendar { () throws(CalendarError) in
                try calendar.businessMilliseconds(from: start, to: end)
            }
            businessAtEnd = try onCalendar { () throws(CalendarError) in
                try calendar.cumulativeBusinessMilliseconds(at: end)
            }
        }
        // Holiday time is told apart only when it has its own multiplier.
        let holidayMs =
            holidayMultiplier == nil
            ? 0
            : try onCalendar { () throws(CalendarError) in
                try calendar.holidayMilliseconds(from: start, to: end)
            }
        let afterMs = total - businessMs - holidayMs
        let minute: Int64 = 60_000
        let incrementMs = incrementMinutes * minute
        let minimumMs = minimumMinutes * minute
        switch roundingOrder {
        case .beforeMultiplier:
            let steps = total / incrementMs + (total % incrementMs == 0 ? 0 : 1)
            let (roundedMs, o1) = steps.multipliedReportingOverflow(by: incrementMs)
            guard !o1 else { return nil }
            let extra = max(roundedMs, minimumMs) - total
            var parts = (businessMs, afterMs, holidayMs)
            if extra > 0 {
                switch try timeKindAtEnd(
                    of: range, businessAtEnd: businessAtEnd, calendar: calendar)
                {
                case .business: parts.0 += extra
                case .afterHours: parts.1 += extra
                case .holiday: parts.2 += extra
                }
            }
            let (denominator, o2) = weights.denominator.multipliedReportingOverflow(by: minute)
            guard !o2, let numerator = weights.weigh(parts.0, parts.1, parts.2) else {
                return nil
            }
            // numerator ≥ 0 and denominator > 0: reduce by gcd(denominator, remainder).
            let remainder = numerator % denominator
            guard remainder != 0 else { return (numerator / denominator, 1) }
            let divisor = Self.gcd(denominator, remainder)
            return (numerator / divisor, denominator / divisor)
        case .afterMultiplier:
            guard let numerator = weights.weigh(businessMs, afterMs, holidayMs) else { return nil }
            let (unit, o1) = weights.denominator.multipliedReportingOverflow(by: incrementMs)
            guard !o1 else { return nil }
            let steps = numerator / unit + (numerator % unit == 0 ? 0 : 1)
            let (roundedMs, o2) = steps.multipliedReportingOverflow(by: incrementMs)
            guard !o2 else { return nil }
            // A multiple of the increment or the minimum: whole minutes.
            return (max(roundedMs, minimumMs) / minute, 1)
        }
    }

    /// `numerator / denominator` already in lowest terms with a positive denominator, built
    /// without a reduction when it is whole.
    @inline(__always)
    private static func rational(_ numerator: Int64, _ denominator: Int64) throws(BillingError)
        -> Rational
    {
        if denominator == 1 { return Rational(numerator) }
        return try exact { () throws(MoneyError) in try Rational(numerator, denominator) }
    }

    /// The greatest common divisor of two non-negative numbers (Stein's algorithm), `1` at
    /// once when either is 1.
    private static func gcd(_ first: Int64, _ second: Int64) -> Int64 {
        var a = first.magnitude
        var b = second.magnitude
        if a == 1 || b == 1 { return 1 }
        if a == 0 { return Int64(b) }
        if b == 0 { return Int64(a) }
        let shift = (a | b).trailingZeroBitCount
        a >>= a.trailingZeroBitCount
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return Int64(a << shift)
    }

    /// The overflow error for an entry, built only when it is thrown.
    @inline(never)
    private static func timeOverflow(_ entry: String) -> BillingError {
        .arithmetic(.overflow(operation: "weigh and round time", operands: entry))
    }

    /// Which multiplier is in force in the entry's last millisecond (at its start for an
    /// empty entry): the one the time added by rounding takes. `businessAtEnd` is the
    /// cumulative business time at the entry's end.
    private func timeKindAtEnd(
        of range: DateRange, businessAtEnd: Int64, calendar: BusinessCalendar.Compiled
    ) throws(BillingError) -> TimeKind {
        // The millisecond [last, last + 1) decides; for an empty entry it is the one at its
        // start, which `isOpen(at:)` checks lies inside the horizon.
        let last: Int64
        if range.isEmpty {
            last = range.startMilliseconds
            if try onCalendar({ () throws(CalendarError) in try calendar.isOpen(at: range.start) })
            {
                return .business
            }
        } else {
            last = range.endMilliseconds - 1
            let before = try onCalendar { () throws(CalendarError) in
                try calendar.cumulativeBusinessMilliseconds(at: last)
            }
            if businessAtEnd - before == 1 { return .business }
        }
        guard holidayMultiplier != nil else { return .afterHours }
        let holiday = try onCalendar { () throws(CalendarError) in
            try calendar.holidayMilliseconds(from: last, to: last + 1) == 1
        }
        return holiday ? .holiday : .afterHours
    }

    /// The three kinds of time an entry splits into.
    private enum TimeKind { case business, afterHours, holiday }

    /// Integer weights of business, after-hours and holiday milliseconds over one common
    /// denominator: with *mₐ* = *p*/*q* and *mₕ* = *r*/*s*, the denominator is lcm(*q*, *s*),
    /// so weighted ms = (*b* × d + *a* × *p* × d/*q* + *h* × *r* × d/*s*) / d exactly.
    private struct Weights: Sendable, Hashable {
        let business: Int64
        let afterHours: Int64
        let holiday: Int64
        let denominator: Int64

        /// The weights, or `nil` when the common denominator or a weight overflows.
        init?(afterHours: Rational, holiday: Rational?) {
            let holiday = holiday ?? afterHours
            let q = afterHours.denominator
            let s = holiday.denominator
            var (a, b) = (q, s)
            while b != 0 { (a, b) = (b, a % b) }
            let (denominator, o1) = (q / a).multipliedReportingOverflow(by: s)
            let (afterWeight, o2) = afterHours.numerator.multipliedReportingOverflow(
                by: denominator / q)
            let (holidayWeight, o3) = holiday.numerator.multipliedReportingOverflow(
                by: denominator / s)
            guard !o1, !o2, !o3 else { return nil }
            self.business = denominator
            self.afterHours = afterWeight
            self.holiday = holidayWeight
            self.denominator = denominator
        }

        /// `business × b + afterHours × a + holiday × h`, or `nil` on overflow.
        @inline(__always)
        func weigh(_ b: Int64, _ a: Int64, _ h: Int64) -> Int64? {
            let (x, o1) = b.multipliedReportingOverflow(by: business)
            let (y, o2) = a.multipliedReportingOverflow(by: afterHours)
            let (z, o3) = h.multipliedReportingOverflow(by: holiday)
            let (xy, o4) = x.addingReportingOverflow(y)
            let (sum, o5) = xy.addingReportingOverflow(z)
            guard !o1, !o2, !o3, !o4, !o5 else { return nil }
            return sum
        }
    }

    /// Prices `entries[index]` and appends its line, reading the entry in place (a copy
    /// would retain its four strings).
    private func appendLine(
        for entries: UnsafeBufferPointer<TimeEntry>, at index: Int,
        calendar: BusinessCalendar.Compiled, to lines: inout [InvoiceLine]
    ) throws(BillingError) {
        var found: Int?
        for slot in rates.indices
        where rates[slot].role == entries[index].role
            && rates[slot].workType == entries[index].workType
        {
            found = slot
            break
        }
        guard let slot = found else {
            throw .unknownRate(
                role: entries[index].role, workType: entries[index].workType,
                entry: entries[index].id)
        }
        guard
            let (minuteNumerator, minuteDenominator) = try billedMinutes(
                entries[index].range, calendar: calendar)
        else { throw Self.timeOverflow(entries[index].id) }
        let (hourDenominator, overflowed) = minuteDenominator.multipliedReportingOverflow(by: 60)
        guard !overflowed else {
            throw .arithmetic(.overflow(operation: "hours", operands: entries[index].id))
        }
        let quantity = try Self.rational(minuteNumerator, minuteDenominator)
        let charged = entries[index].status == .billable
        let exactAmount: Rational
        let amount: Int64
        if !charged {
            exactAmount = .zero
            amount = 0
        } else if let (numerator, denominator) = Self.product(
            minutePrices[slot], minuteNumerator, minuteDenominator)
        {
            // The minute price × the minutes, cross-reduced: both are in lowest terms, so
            // the product is too, and it is usually whole.
            exactAmount = try Self.rational(numerator, denominator)
            amount =
                denominator == 1
                ? numerator
                : try exact { () throws(MoneyError) in try exactAmount.rounded(rounding) }
        } else {
            // Too large for the cross-reduced product: rate × hours, which reports the
            // overflow (or finds the value through its own reductions).
            let hours = try exact { () throws(MoneyError) in
                try Rational(minuteNumerator, hourDenominator)
            }
            exactAmount = try rates[slot].hourly.exactMinorUnits(times: hours)
            amount = try exact { () throws(MoneyError) in try exactAmount.rounded(rounding) }
        }
        lines.append(
            InvoiceLine(
                kind: .labour, description: entries[index].id,
                category: labourCategory, model: "time-and-materials", quantity: quantity,
                exactMinorUnits: exactAmount, rounding: rounding,
                note: charged ? nil : entries[index].status.rawValue,
                amount: Money(minorUnits: amount, currency: rates[slot].hourly.currency)))
    }

    /// `price × (numerator / denominator)` in lowest terms for a price in lowest terms and
    /// a fraction in lowest terms with positive denominators, or `nil` on overflow.
    @inline(__always)
    private static func product(_ price: Rational, _ numerator: Int64, _ denominator: Int64)
        -> (Int64, Int64)?
    {
        // Cross-reduce: gcd(price numerator, denominator) and gcd(numerator, price
        // denominator); both are 1 at once for whole minutes and a whole minute price, and
        // dividing by 1 is skipped (a division costs tens of cycles).
        if price.denominator == 1, denominator == 1 {
            let (top, overflow) = price.numerator.multipliedReportingOverflow(by: numerator)
            return overflow ? nil : (top, 1)
        }
        let first = gcd(price.numerator, denominator)
        let second = gcd(numerator, price.denominator)
        let (top, o1) = (first == 1 ? price.numerator : price.numerator / first)
            .multipliedReportingOverflow(by: second == 1 ? numerator : numerator / second)
        let (bottom, o2) = (second == 1 ? price.denominator : price.denominator / second)
            .multipliedReportingOverflow(by: first == 1 ? denominator : denominator / first)
        guard !o1, !o2 else { return nil }
        return (top, bottom)
    }
}
