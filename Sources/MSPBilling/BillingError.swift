import MSPCore

/// A typed error from MSPBilling: which rule was broken, by which field and value.
///
/// Like MSPCore's `MoneyError` and `PeriodError`, the code is an open set of static
/// constants, so new codes do not break a caller's `switch`. Arithmetic failures from
/// MSPCore (overflow, currency mismatch) are carried over with their code text in
/// ``message`` and the code ``Code-swift.struct/arithmetic``.
public struct BillingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable text.
        public var rawValue: String
        /// Creates a code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's text.
        public var description: String { rawValue }

        /// A tier table has no bands.
        public static let emptyTierTable = Code(rawValue: "emptyTierTable")
        /// A band's bounds are not increasing (its upper bound is at or below its lower bound,
        /// or it starts below the previous band's start).
        public static let unsortedTiers = Code(rawValue: "unsortedTiers")
        /// A band starts before the previous band ends.
        public static let overlappingTiers = Code(rawValue: "overlappingTiers")
        /// A band starts after the previous band ends (or the first band after 0).
        public static let gappedTiers = Code(rawValue: "gappedTiers")
        /// A band other than the last is open, or the last band has an upper bound.
        public static let lastTierNotOpen = Code(rawValue: "lastTierNotOpen")
        /// A stairstep band has a per-unit price (stairstep bands charge only a flat price).
        public static let stairstepUnitPrice = Code(rawValue: "stairstepUnitPrice")
        /// A package size is zero or negative.
        public static let invalidPackageSize = Code(rawValue: "invalidPackageSize")
        /// A quantity is negative.
        public static let negativeQuantity = Code(rawValue: "negativeQuantity")
        /// A price or amount is in a different currency from the plan.
        public static let currencyMismatch = Code(rawValue: "currencyMismatch")
        /// A usage record belongs to another customer.
        public static let customerMismatch = Code(rawValue: "customerMismatch")
        /// A usage record names a billable category the plan does not price.
        public static let unknownCategory = Code(rawValue: "unknownCategory")
        /// A usage record's measure does not fit its component (a count for an in-arrears
        /// component, or unit-days for an in-advance one).
        public static let measureMismatch = Code(rawValue: "measureMismatch")
        /// A usage record covers a different billing period from the one being rated.
        public static let periodMismatch = Code(rawValue: "periodMismatch")
        /// A discount is negative or over 100 %, or a fixed discount is negative.
        public static let invalidDiscount = Code(rawValue: "invalidDiscount")
        /// A minimum charge exceeds the maximum charge, or either is negative.
        public static let invalidLimits = Code(rawValue: "invalidLimits")
        /// A proration fraction is outside 0...1.
        public static let invalidFraction = Code(rawValue: "invalidFraction")
        /// Two components of one plan share a name or a billable category.
        public static let duplicateComponent = Code(rawValue: "duplicateComponent")
        /// A time entry ends before it starts.
        public static let endBeforeStart = Code(rawValue: "endBeforeStart")
        /// A time increment, minimum or multiplier is not positive.
        public static let invalidTimeRule = Code(rawValue: "invalidTimeRule")
        /// No rate is defined for a time entry's role and work type.
        public static let unknownRate = Code(rawValue: "unknownRate")
        /// An instant or range falls outside the billing period it is rated in.
        public static let outsidePeriod = Code(rawValue: "outsidePeriod")
        /// A caller-defined pricing model cannot be encoded as JSON.
        public static let notEncodable = Code(rawValue: "notEncodable")
        /// An MSPCore arithmetic error (overflow, currency mismatch, division by zero).
        public static let arithmetic = Code(rawValue: "arithmetic")
        /// A decoded document's derived field disagrees with the parts it is derived from
        /// (an invoice total that is not the sum of its lines, a key not made from its
        /// customer, plan and period, a movement whose sign contradicts its kind).
        public static let inconsistent = Code(rawValue: "inconsistent")
        /// An invoice names a plan that is not among the plans given.
        public static let unknownPlan = Code(rawValue: "unknownPlan")
        /// A quote has time entries or materials but a candidate plan has no
        /// time-and-materials price list to bill them with.
        public static let missingPriceList = Code(rawValue: "missingPriceList")
    }

    /// What went wrong.
    public var code: Code
    /// The input field at fault, e.g. `tiers[2]`.
    public var field: String
    /// The offending value as text.
    public var value: String
    /// A sentence for a person.
    public var message: String

    /// Creates an error from its parts.
    public init(code: Code, field: String, value: String, message: String) {
        self.code = code
        self.field = field
        self.value = value
        self.message = message
    }
}

// MARK: - Tier table errors

extension BillingError {
    /// A tier table with no bands.
    public static let emptyTierTable = BillingError(
        code: .emptyTierTable, field: "tiers", value: "[]", message: "a tier table needs a band")

    /// Band `index` has bounds that do not increase.
    public static func unsortedTiers(index: Int, from: Int64, upTo: Int64?) -> BillingError {
        BillingError(
            code: .unsortedTiers, field: "tiers[\(index)]", value: bandText(from, upTo),
            message: "band \(index) \(bandText(from, upTo)) is not in increasing order")
    }

    /// Band `index` starts at `from`, before the previous band's end `previousUpTo`.
    public static func overlappingTiers(index: Int, from: Int64, previousUpTo: Int64)
        -> BillingError
    {
        BillingError(
            code: .overlappingTiers, field: "tiers[\(index)]", value: String(from),
            message:
                "band \(index) starts at \(from), inside band \(index - 1) which ends at \(previousUpTo)"
        )
    }

    /// Band `index` starts at `from`, after the previous band's end (or after 0 for band 0).
    public static func gappedTiers(index: Int, from: Int64, expected: Int64) -> BillingError {
        BillingError(
            code: .gappedTiers, field: "tiers[\(index)]", value: String(from),
            message: "band \(index) starts at \(from), leaving a gap after \(expected)")
    }

    /// Band `index` is open but not last, or is last but bounded.
    public static func lastTierNotOpen(index: Int, upTo: Int64?) -> BillingError {
        BillingError(
            code: .lastTierNotOpen, field: "tiers[\(index)].upTo",
            value: upTo.map(String.init) ?? "open",
            message: upTo == nil
                ? "band \(index) is open but is not the last band"
                : "the last band \(index) must be open, but ends at \(upTo ?? 0)")
    }

    /// Band `index` of a stairstep table has a per-unit price.
    public static func stairstepUnitPrice(index: Int, price: PreciseMoney) -> BillingError {
        BillingError(
            code: .stairstepUnitPrice, field: "tiers[\(index)].unitPrice", value: price.description,
            message: "stairstep band \(index) has unit price \(price); stairstep bands are flat")
    }

    /// A package size that is not positive.
    public static func invalidPackageSize(_ size: Int64) -> BillingError {
        BillingError(
            code: .invalidPackageSize, field: "packageSize", value: String(size),
            message: "package size \(size) must be 1 or more")
    }

    private static func bandText(_ from: Int64, _ upTo: Int64?) -> String {
        "(\(from), \(upTo.map(String.init) ?? "∞")]"
    }
}

// MARK: - Input errors

extension BillingError {
    /// A negative quantity in `field`.
    public static func negativeQuantity(_ value: String, field: String) -> BillingError {
        BillingError(
            code: .negativeQuantity, field: field, value: value,
            message: "\(field) \(value) is negative")
    }

    /// An amount in `found` where the plan uses `expected`.
    public static func currencyMismatch(expected: Currency, found: Currency, field: String)
        -> BillingError
    {
        BillingError(
            code: .currencyMismatch, field: field, value: found.code,
            message: "\(field) is in \(found.code) but the plan bills in \(expected.code)")
    }

    /// A usage record for `found` while rating `expected`.
    public static func customerMismatch(expected: CustomerID, found: CustomerID, field: String)
        -> BillingError
    {
        BillingError(
            code: .customerMismatch, field: field, value: found.rawValue,
            message: "\(field) is for customer \(found) but the invoice is for \(expected)")
    }

    /// A usage record whose category the plan does not price.
    public static func unknownCategory(_ category: BillableCategory, field: String)
        -> BillingError
    {
        BillingError(
            code: .unknownCategory, field: field, value: category.rawValue,
            message: "\(field) has category \(category) which no component of the plan prices")
    }

    /// A usage measure that does not fit the component's timing.
    public static func measureMismatch(_ measure: String, expected: String, field: String)
        -> BillingError
    {
        BillingError(
            code: .measureMismatch, field: field, value: measure,
            message: "\(field) is measured as \(measure) but its component needs \(expected)")
    }

    /// A usage period other than the period being rated.
    public static func periodMismatch(
        _ period: BillingPeriod, expected: BillingPeriod, field: String
    )
        -> BillingError
    {
        BillingError(
            code: .periodMismatch, field: field, value: period.description,
            message: "\(field) covers \(period) but the invoice covers \(expected)")
    }

    /// A discount percentage or amount out of range.
    public static func invalidDiscount(_ value: String, field: String) -> BillingError {
        BillingError(
            code: .invalidDiscount, field: field, value: value,
            message: "\(field) \(value) is not a discount: percentages are 0...100, amounts ≥ 0")
    }

    /// Minimum and maximum charges that contradict each other.
    public static func invalidLimits(minimum: Money?, maximum: Money?) -> BillingError {
        let text = "\(minimum?.description ?? "none")...\(maximum?.description ?? "none")"
        return BillingError(
            code: .invalidLimits, field: "minimum", value: text,
            message: "charge limits \(text) must be ≥ 0 with minimum ≤ maximum")
    }

    /// A proration fraction outside 0...1.
    public static func invalidFraction(_ fraction: Rational, field: String) -> BillingError {
        BillingError(
            code: .invalidFraction, field: field, value: fraction.description,
            message: "\(field) \(fraction) is outside 0...1")
    }

    /// Two components sharing `value` in `field`.
    public static func duplicateComponent(_ value: String, field: String) -> BillingError {
        BillingError(
            code: .duplicateComponent, field: field, value: value,
            message: "two components share \(field) \(value)")
    }

    /// A caller's own model asked to be encoded.
    public static func notEncodable(modelName: String) -> BillingError {
        BillingError(
            code: .notEncodable, field: "pricing", value: modelName,
            message: "custom pricing model \(modelName) has no JSON form; encode it yourself")
    }

    /// An instant or range outside the period it is rated in.
    public static func outsidePeriod(_ value: String, field: String, period: BillingPeriod)
        -> BillingError
    {
        BillingError(
            code: .outsidePeriod, field: field, value: value,
            message: "\(field) \(value) is outside \(period)")
    }

    /// A decoded `field` holding `found` where its parts give `expected`.
    public static func inconsistent(field: String, found: String, expected: String)
        -> BillingError
    {
        BillingError(
            code: .inconsistent, field: field, value: found,
            message: "\(field) is \(found) but its parts give \(expected)")
    }

    /// An invoice's plan `plan` is not among the plans given.
    public static func unknownPlan(_ plan: PricePlanID, field: String) -> BillingError {
        BillingError(
            code: .unknownPlan, field: field, value: plan.rawValue,
            message: "\(field) names plan \(plan.rawValue), which is not among the plans given")
    }

    /// A quote candidate at `field` without the time-and-materials price list its
    /// `entries` time entries and `materials` materials need.
    public static func missingPriceList(field: String, entries: Int, materials: Int)
        -> BillingError
    {
        BillingError(
            code: .missingPriceList, field: field, value: "nil",
            message:
                "\(field) is missing but the quote has \(entries) time entries and "
                + "\(materials) materials to bill")
    }

    /// Wraps an MSPCore arithmetic error.
    public static func arithmetic(_ error: MoneyError) -> BillingError {
        BillingError(
            code: .arithmetic, field: error.field, value: error.value,
            message: "\(error.code): \(error.message)")
    }

    /// Wraps an MSPCore period error.
    public static func period(_ error: PeriodError) -> BillingError {
        BillingError(
            code: Code(rawValue: error.code.rawValue), field: error.field, value: error.value,
            message: error.message)
    }
}

/// Runs `body`, turning a `MoneyError` into ``BillingError/arithmetic(_:)``.
@inline(__always)
internal func exact<T>(_ body: () throws(MoneyError) -> T) throws(BillingError) -> T {
    do { return try body() } catch { throw .arithmetic(error) }
}

/// Runs `body`, turning a `PeriodError` into ``BillingError/period(_:)``.
@inline(__always)
internal func inPeriod<T>(_ body: () throws(PeriodError) -> T) throws(BillingError) -> T {
    do { return try body() } catch { throw .period(error) }
}

extension BillingError {
    /// A time entry that ends before it starts.
    public static func endBeforeStart(entry: String, start: String, end: String) -> BillingError {
        BillingError(
            code: .endBeforeStart, field: "timeEntries[\(entry)].end", value: end,
            message: "time entry \(entry) ends at \(end), before its start \(start)")
    }

    /// A time rule (increment, minimum, multiplier) out of range.
    public static func invalidTimeRule(_ value: String, field: String) -> BillingError {
        BillingError(
            code: .invalidTimeRule, field: field, value: value,
            message: "\(field) \(value) is out of range")
    }

    /// No rate for a role and work type.
    public static func unknownRate(role: String, workType: String, entry: String) -> BillingError {
        BillingError(
            code: .unknownRate, field: "timeEntries[\(entry)].role", value: "\(role)/\(workType)",
            message: "no rate for role \(role) and work type \(workType) (entry \(entry))")
    }

    /// Wraps an MSPCore calendar error.
    public static func calendar(_ error: CalendarError) -> BillingError {
        BillingError(
            code: Code(rawValue: error.code.rawValue), field: error.field, value: error.value,
            message: error.message)
    }
}

/// Runs `body`, turning a `CalendarError` into ``BillingError/calendar(_:)``.
@inline(__always)
internal func onCalendar<T>(_ body: () throws(CalendarError) -> T) throws(BillingError) -> T {
    do { return try body() } catch { throw .calendar(error) }
}

extension BillingError: MSPError {}
