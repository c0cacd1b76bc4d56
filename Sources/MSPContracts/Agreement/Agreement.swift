import Foundation
import MSPCore

/// The facts of a service agreement between a provider and a customer.
///
/// An agreement starts on ``startDate``, runs an initial term of ``initialTermMonths``, then
/// renews as its ``renewal`` policy says. Every date it has (term boundaries, notice
/// deadlines, renewal and escalation dates) comes from one pure function of these facts:
/// ``timeline(from:through:)``. What state it is in at a date comes from the facts plus dated
/// ``AgreementEvent``s: ``lifecycle(events:)``.
///
/// All dates are local dates in the agreement's ``timeZoneIdentifier``; months are always
/// counted from ``startDate`` (never chained from a clamped date), with the day clamped to
/// the month's end like a `BillingCycle` anchor day: an agreement starting on
/// 2025-01-31 has anniversaries 2026-01-31, 2027-01-31 and monthly boundaries 2025-02-28,
/// 2025-03-31, ...
///
/// ```swift
/// let agreement = try Agreement(
///     id: AgreementID("AGR-1"), customer: CustomerID("ACME"), type: .fullyManaged,
///     startDate: LocalDate(year: 2025, month: 3, day: 15), initialTermMonths: 36,
///     renewal: .tacit(months: 12), noticePeriod: .months(3),
///     timeZoneIdentifier: "Europe/Berlin",
///     pricePlans: DatedAssignments(PricePlanID("gold"), from: start),
///     slaPolicies: DatedAssignments(SLAPolicyID("sla-8x5"), from: start))
/// ```
public struct Agreement: Sendable, Hashable {
    /// The allowed initial terms: 1 month to 100 years.
    public static let initialTermMonthsRange: ClosedRange<Int> = 1...1200

    /// The agreement's identifier.
    public let id: AgreementID
    /// The customer bound by the agreement.
    public let customer: CustomerID
    /// The kind of service.
    public let type: AgreementType
    /// The first day the agreement is in force, in its time zone.
    public let startDate: LocalDate
    /// The length of the initial term in months.
    public let initialTermMonths: Int
    /// What happens when a term ends.
    public let renewal: RenewalPolicy
    /// The notice needed to stop a tacit renewal.
    public let noticePeriod: NoticePeriod
    /// The months from the start date before which an early termination costs at least the
    /// charges of the unserved minimum term; 0...``initialTermMonths``.
    public let minimumTermMonths: Int
    /// The IANA time zone the agreement's dates are local to.
    public let timeZoneIdentifier: String
    /// The price plans in force, by effective date; the first on ``startDate``.
    public let pricePlans: DatedAssignments<PricePlanID>
    /// The SLA policies in force, by effective date; the first on ``startDate``.
    public let slaPolicies: DatedAssignments<SLAPolicyID>
    /// How prices rise on each anniversary of the start date, if they do.
    public let escalation: PriceEscalation?
    /// Whether ``escalation`` is set; read in hot loops instead of copying the rule.
    internal let escalates: Bool

    /// Creates an agreement and validates it.
    ///
    /// - Throws: ``ContractError``:
    ///   - `outOfRange` for an initial term outside 1...1200 months or a minimum term below 0;
    ///   - `minimumTermLongerThanTerm` when the minimum term exceeds the initial term;
    ///   - `noticeLongerThanTerm` when the notice period does not fit strictly inside the
    ///     initial term, or inside the renewal term of a tacit renewal (fewer months than
    ///     the term; in days, fewer than 28 × the term's months);
    ///   - `beforeStart` when a price plan or SLA policy assignment precedes the start date,
    ///     `invalidAssignments` when the first one is later than the start date;
    ///   - `unknownTimeZone`; `dateOutOfRange` when the initial term ends after 9999.
    public init(
        id: AgreementID, customer: CustomerID, type: AgreementType, startDate: LocalDate,
        initialTermMonths: Int, renewal: RenewalPolicy, noticePeriod: NoticePeriod,
        minimumTermMonths: Int = 0, timeZoneIdentifier: String,
        pricePlans: DatedAssignments<PricePlanID>, slaPolicies: DatedAssignments<SLAPolicyID>,
        escalation: PriceEscalation? = nil
    ) throws(ContractError) {
        guard Agreement.initialTermMonthsRange.contains(initialTermMonths) else {
            throw .outOfRange(
                initialTermMonths, field: "initialTermMonths",
                allowed: Agreement.initialTermMonthsRange)
        }
        guard minimumTermMonths >= 0 else {
            throw .outOfRange(
                minimumTermMonths, field: "minimumTermMonths", allowed: 0...initialTermMonths)
        }
        guard minimumTermMonths <= initialTermMonths else {
            throw .minimumTermLongerThanTerm(minimum: minimumTermMonths, initial: initialTermMonths)
        }
        guard noticePeriod.fits(termMonths: initialTermMonths) else {
            throw .noticeLongerThanTerm(
                notice: noticePeriod, termMonths: initialTermMonths, field: "initial term")
        }
        if renewal.kind == .tacit, let months = renewal.termMonths,
            !noticePeriod.fits(termMonths: months)
        {
            throw .noticeLongerThanTerm(
                notice: noticePeriod, termMonths: months, field: "renewal term")
        }
        try Agreement.checkFirstAssignment(
            pricePlans.assignments[0].effective, start: startDate, field: "pricePlans[0]")
        try Agreement.checkFirstAssignment(
            slaPolicies.assignments[0].effective, start: startDate, field: "slaPolicies[0]")
        do {
            _ = try LocalDate(
                containing: Date(timeIntervalSince1970: 0), inTimeZone: timeZoneIdentifier)
        } catch {
            throw .unknownTimeZone(timeZoneIdentifier)
        }
        self.id = id
        self.customer = customer
        self.type = type
        self.startDate = startDate
        self.initialTermMonths = initialTermMonths
        self.renewal = renewal
        self.noticePeriod = noticePeriod
        self.minimumTermMonths = minimumTermMonths
        self.timeZoneIdentifier = timeZoneIdentifier
        self.pricePlans = pricePlans
        self.slaPolicies = slaPolicies
        self.escalation = escalation
        self.escalates = escalation != nil
        _ = try date(monthsAfterStart: initialTermMonths, field: "initialTermMonths")
    }

    private static func checkFirstAssignment(
        _ date: LocalDate, start: LocalDate, field: String
    ) throws(ContractError) {
        if date < start { throw .beforeStart(date, start: start, field: field) }
        if date > start {
            throw .invalidAssignments(
                field: field, value: date.description,
                reason: "the first assignment must take effect on the start date \(start)")
        }
    }
}

// MARK: - Month arithmetic from the start date

extension Agreement {
    /// The start date plus `months` months, the day clamped to the month's end.
    ///
    /// Always counted from ``startDate``; never from an earlier, clamped result.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange` outside years 1...9999.
    internal func date(monthsAfterStart months: Int, field: String = "date")
        throws(ContractError) -> LocalDate
    {
        try Agreement.date(startDate, plusMonths: months, field: field)
    }

    /// `start` plus `months` months, the day clamped to the month's end.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange` outside years 1...9999.
    internal static func date(_ start: LocalDate, plusMonths months: Int, field: String)
        throws(ContractError) -> LocalDate
    {
        let index = start.year &* 12 &+ (start.month - 1) &+ months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        guard (1...9999).contains(year) else {
            throw .dateOutOfRange("\(start) + \(months) months", field: field)
        }
        let day = min(start.day, LocalDate.daysInMonth(year: year, month: month))
        do {
            return try LocalDate(year: year, month: month, day: day)
        } catch {
            throw .dateOutOfRange("\(start) + \(months) months", field: field)
        }
    }

    /// `date` plus `days` days.
    ///
    /// The same result as MSPCore's `LocalDate.adding(days:)`, computed here with Howard
    /// Hinnant's civil-date algorithms so that notice deadlines in days stay in this module's
    /// hot loop.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange` outside years 1...9999.
    internal static func date(_ date: LocalDate, addingDays days: Int, field: String)
        throws(ContractError) -> LocalDate
    {
        // days_from_civil
        let shiftedYear = date.month <= 2 ? date.year - 1 : date.year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((date.month + 9) % 12) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let (total, overflow) = (era * 146_097 + dayOfEra - 719_468).addingReportingOverflow(days)
        // Days from 1970-01-01 to 0001-01-01 and to 9999-12-31.
        guard !overflow, total >= -719_162, total <= 2_932_896 else {
            throw .dateOutOfRange("\(date) + \(days) days", field: field)
        }
        // civil_from_days
        let z = total + 719_468
        let era2 = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra2 = z - era2 * 146_097
        let yearOfEra2 =
            (dayOfEra2 - dayOfEra2 / 1460 + dayOfEra2 / 36_524 - dayOfEra2 / 146_096) / 365
        let dayOfYear2 = dayOfEra2 - (365 * yearOfEra2 + yearOfEra2 / 4 - yearOfEra2 / 100)
        let shiftedMonth = (5 * dayOfYear2 + 2) / 153
        let day = dayOfYear2 - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra2 + era2 * 400 + (month <= 2 ? 1 : 0)
        do {
            return try LocalDate(year: year, month: month, day: day)
        } catch {
            throw .dateOutOfRange("\(date) + \(days) days", field: field)
        }
    }

    /// The number of months whose boundary (start + *m* months) falls on or before `date`,
    /// minus one: the *m* with start + *m* months <= `date` < start + (*m*+1) months.
    /// -1 before the start date.
    internal func wholeMonths(to date: LocalDate) throws(ContractError) -> Int {
        var months = (date.year - startDate.year) * 12 + (date.month - startDate.month)
        if date.ordinal < (try self.date(monthsAfterStart: months)).ordinal { months -= 1 }
        return months
    }
}

extension LocalDate {
    /// A number that orders dates like `<` does, without a call into MSPCore: hot loops
    /// compare dates through it.
    @inline(__always) internal var ordinal: Int { (year << 9) | (month << 5) | day }
}
