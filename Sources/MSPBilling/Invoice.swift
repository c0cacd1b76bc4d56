import MSPCore

/// A deterministic key for one invoice: `customer/plan/start/end` of the period, with `%`
/// and `/` in identifiers percent-encoded.
///
/// The key depends only on the customer, the plan and the period's local dates, so it is
/// the same on every run and platform: rating the same period twice gives the same key,
/// and a store that refuses a second invoice with a known key can never bill twice.
/// Example: `acme/gold/2026-01-01/2026-02-01`; in JSON, that string.
public struct InvoiceKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The key text.
    public let rawValue: String

    /// The key for a customer, a plan and a period.
    public init(customer: CustomerID, plan: PricePlanID, period: BillingPeriod) {
        // Written byte by byte into one allocation: this runs once per invoice.
        let customerText = customer.rawValue.utf8
        let planText = plan.rawValue.utf8
        let length = Self.escapedLength(customerText) + Self.escapedLength(planText) + 23
        rawValue = String(unsafeUninitializedCapacity: length) { buffer in
            var cursor = 0
            func put(_ byte: UInt8) {
                buffer[cursor] = byte
                cursor += 1
            }
            func putEscaped(_ text: String.UTF8View) {
                for byte in text {
                    switch byte {
                    case UInt8(ascii: "%"), UInt8(ascii: "/"):
                        // %25 or %2F
                        put(UInt8(ascii: "%"))
                        put(UInt8(ascii: "2"))
                        put(byte == UInt8(ascii: "%") ? UInt8(ascii: "5") : UInt8(ascii: "F"))
                    default: put(byte)
                    }
                }
            }
            func putDigits(_ value: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                var rest = value
                while divisor > 0 {
                    put(UInt8(ascii: "0") + UInt8(rest / divisor))
                    rest %= divisor
                    divisor /= 10
                }
            }
            func putDate(_ date: LocalDate) {
                putDigits(date.year, 4)
                put(UInt8(ascii: "-"))
                putDigits(date.month, 2)
                put(UInt8(ascii: "-"))
                putDigits(date.day, 2)
            }
            putEscaped(customerText)
            put(UInt8(ascii: "/"))
            putEscaped(planText)
            put(UInt8(ascii: "/"))
            putDate(period.startDate)
            put(UInt8(ascii: "/"))
            putDate(period.endDate)
            return cursor
        }
    }

    /// The UTF-8 length of `text` with `%` and `/` percent-encoded.
    private static func escapedLength(_ text: String.UTF8View) -> Int {
        var length = text.count
        for byte in text where byte == UInt8(ascii: "%") || byte == UInt8(ascii: "/") {
            length += 2
        }
        return length
    }

    /// The key text.
    public var description: String { rawValue }

    /// Decodes the key from its text and re-validates it: four `/`-separated parts, a
    /// non-empty customer and plan, and two dates `YYYY-MM-DD` with the start before the end.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, !parts[0].isEmpty, !parts[1].isEmpty,
            let start = try? LocalDate(parsing: String(parts[2])),
            let end = try? LocalDate(parsing: String(parts[3])), start < end
        else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "invoice key \"\(text)\" is not customer/plan/start/end with start < end")
        }
        rawValue = text
    }

    /// Encodes the key as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Orders keys by their text.
    public static func < (lhs: InvoiceKey, rhs: InvoiceKey) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

/// Where a line's quantity came from: the usage records summed into it.
public struct QuantitySource: Sendable, Hashable {
    /// The number of usage records.
    public var records: Int
    /// The sum of `.count` measures.
    public var count: Int64
    /// The sum of `.unitDays` measures.
    public var unitDays: Int64
    /// The sum of `.unitSeconds` measures.
    public var unitSeconds: Int64

    /// Creates a source.
    public init(records: Int = 0, count: Int64 = 0, unitDays: Int64 = 0, unitSeconds: Int64 = 0) {
        self.records = records
        self.count = count
        self.unitDays = unitDays
        self.unitSeconds = unitSeconds
    }
}

/// One line of an invoice, explaining itself.
public struct InvoiceLine: Sendable, Hashable {
    /// What made the line.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A component's charge.
        case charge
        /// A third-party cost billed at cost.
        case passThrough
        /// A discount (negative).
        case discount
        /// The top-up to a minimum commitment.
        case minimumTrueUp
        /// A credit for the unused part of a charge already billed (negative).
        case prorationCredit
        /// A charge for part of a period after a change.
        case prorationCharge
        /// A repair line from re-rating (credit or charge).
        case adjustment
        /// Time and materials work.
        case labour
        /// Parts and materials.
        case material
    }

    // `amount` is declared first so that the memberwise initialiser the compiler writes
    // (amount, kind, description, …) differs from the public one below, which calls it:
    // an initialiser that assigns `self.x = x` field by field makes the optimiser build the
    // line in a temporary and copy it (retaining then releasing every string) wherever a
    // line is appended, while the memberwise one builds it in place.

    /// The rounded amount (negative for credits and discounts).
    public var amount: Money
    /// What made the line.
    public var kind: Kind
    /// A description for a person.
    public var description: String
    /// The component's name, when a component made it.
    public var component: String?
    /// The line's category (taxes are chosen by it).
    public var category: BillableCategory
    /// The pricing model's name, e.g. `"graduated-tiers"`, or the rule, e.g. `"discount"`.
    public var model: String
    /// The quantity priced: units for per-unit and tiered models, 1 for a flat fee, the base
    /// amount in major units for a percentage, the fraction for a percentage discount, the
    /// billed minutes for labour.
    public var quantity: Rational
    /// Where the quantity came from.
    public var source: QuantitySource?
    /// How each band contributed.
    public var tiers: [TierCharge]
    /// The part of the period charged.
    public var prorationFraction: Rational
    /// The exact amount in minor units before rounding, when the line was rounded.
    public var exactMinorUnits: Rational?
    /// The rounding rule applied, when the line was rounded.
    public var rounding: RoundingRule?
    /// A remark (minimum applied, percentage base…).
    public var note: String?
}

extension InvoiceLine {
    /// Creates a line.
    public init(
        kind: Kind, description: String, component: String? = nil, category: BillableCategory,
        model: String, quantity: Rational = .one, source: QuantitySource? = nil,
        tiers: [TierCharge] = [], prorationFraction: Rational = .one,
        exactMinorUnits: Rational? = nil, rounding: RoundingRule? = nil, note: String? = nil,
        amount: Money
    ) {
        self.init(
            amount: amount, kind: kind, description: description, component: component,
            category: category, model: model, quantity: quantity, source: source, tiers: tiers,
            prorationFraction: prorationFraction, exactMinorUnits: exactMinorUnits,
            rounding: rounding, note: note)
    }
}

/// The tax at one rate.
public struct TaxLine: Sendable, Hashable {
    /// The rate.
    public var rate: Percentage
    /// The sum of the lines taxed at this rate.
    public var taxableAmount: Money
    /// The tax, rounded at the policy's rounding point.
    public var amount: Money

    /// Creates a tax line.
    public init(rate: Percentage, taxableAmount: Money, amount: Money) {
        self.rate = rate
        self.taxableAmount = taxableAmount
        self.amount = amount
    }
}

/// An invoice (or, when the total is negative, a credit note) for one customer, plan and
/// period.
///
/// Invariant: ``total`` = ``subtotal`` + ``taxTotal``, ``subtotal`` is the sum of the
/// rounded ``lines`` and ``taxTotal`` the sum of the rounded ``taxes``. Nothing is rounded
/// after the lines.
public struct Invoice: Sendable, Hashable {
    /// Invoice or credit note.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The customer owes ``Invoice/total``.
        case invoice
        /// The customer is owed the magnitude of ``Invoice/total``.
        case creditNote
    }

    /// The deterministic key from customer, plan and period.
    public var key: InvoiceKey
    /// Invoice or credit note, from the sign of the total.
    public var kind: Kind
    /// The customer billed.
    public var customer: CustomerID
    /// The plan rated.
    public var plan: PricePlanID
    /// The period covered.
    public var period: BillingPeriod
    /// The currency of every amount.
    public var currency: Currency
    /// The lines, in the plan's component order, then pass-through, discounts, true-up.
    public var lines: [InvoiceLine]
    /// The tax per rate.
    public var taxes: [TaxLine]
    /// The sum of the lines.
    public var subtotal: Money
    /// The sum of the discount lines (zero or negative).
    public var discountTotal: Money
    /// The sum of the taxes.
    public var taxTotal: Money
    /// ``subtotal`` + ``taxTotal``.
    public var total: Money

    /// Builds an invoice from its lines, taxing them with `taxes`.
    ///
    /// - Throws: ``BillingError`` for a line in another currency or overflow.
    public init(
        customer: CustomerID, plan: PricePlanID, period: BillingPeriod, currency: Currency,
        lines: [InvoiceLine], taxPolicy: TaxPolicy
    ) throws(BillingError) {
        // Lines are read by index throughout: iterating the array would copy each line.
        for index in lines.indices where lines[index].amount.currency != currency {
            throw .currencyMismatch(
                expected: currency, found: lines[index].amount.currency,
                field: "lines[\(index)].amount")
        }
        let (subtotal, discounts) = try Self.sums(lines, currency: currency)
        let taxes = try Self.tax(lines, policy: taxPolicy, currency: currency)
        let taxTotal = try exact { () throws(MoneyError) in
            try Money.sum(taxes.lazy.map { $0.amount }, currency: currency)
        }
        let total = try exact { () throws(MoneyError) in try subtotal + taxTotal }
        self.key = InvoiceKey(customer: customer, plan: plan, period: period)
        self.kind = total.isNegative ? .creditNote : .invoice
        self.customer = customer
        self.plan = plan
        self.period = period
        self.currency = currency
        self.lines = lines
        self.taxes = taxes
        self.subtotal = subtotal
        self.discountTotal = discounts
        self.taxTotal = taxTotal
        self.total = total
        #if DEBUG
            _checkInvariants()
        #endif
    }

    /// The subtotal and the discount total, in one pass of `Int64` additions; when an
    /// addition overflows, the exact sums (which tolerate an overflowing intermediate) decide
    /// the result or the error.
    private static func sums(_ lines: [InvoiceLine], currency: Currency) throws(BillingError)
        -> (subtotal: Money, discounts: Money)
    {
        var subtotal: Int64 = 0
        var discounts: Int64 = 0
        var overflowed = false
        for index in lines.indices {
            let units = lines[index].amount.minorUnits
            let (sum, o1) = subtotal.addingReportingOverflow(units)
            subtotal = sum
            if lines[index].kind == .discount {
                let (discount, o2) = discounts.addingReportingOverflow(units)
                discounts = discount
                overflowed = overflowed || o2
            }
            overflowed = overflowed || o1
        }
        guard overflowed else {
            return (
                Money(minorUnits: subtotal, currency: currency),
                Money(minorUnits: discounts, currency: currency)
            )
        }
        let exactSubtotal = try exact { () throws(MoneyError) in
            try Money.sum(lines.indices.lazy.map { lines[$0].amount }, currency: currency)
        }
        let exactDiscounts = try exact { () throws(MoneyError) in
            try Money.sum(
                lines.indices.lazy.filter { lines[$0].kind == .discount }.map { lines[$0].amount },
                currency: currency)
        }
        return (exactSubtotal, exactDiscounts)
    }

    private static func tax(_ lines: [InvoiceLine], policy: TaxPolicy, currency: Currency)
        throws(BillingError) -> [TaxLine]
    {
        // One group per rate, in first-seen order so the output is deterministic; the
        // groups are the result's own storage, their amounts filled in at the end.
        var groups: [TaxLine] = []
        // Consecutive lines mostly share a category (every labour line has the price list's
        // one): the last category's group is remembered (-1: untaxed).
        var lastCategory: BillableCategory?
        var lastSlot = -1
        for index in lines.indices {
            let amount = lines[index].amount
            let slot: Int
            if let lastCategory, lastCategory == lines[index].category {
                slot = lastSlot
            } else {
                // A scan of the few rates beats hashing the identifier byte by byte; it
                // finds what `policy.rate(for:)` does, as at most one key is equal.
                var rate = policy.defaultRate
                for (category, categoryRate) in policy.rates
                where category == lines[index].category {
                    rate = categoryRate
                    break
                }
                if rate.percent.isZero {
                    slot = -1
                } else if let found = groups.firstIndex(where: { $0.rate == rate }) {
                    slot = found
                } else {
                    groups.append(
                        TaxLine(rate: rate, taxableAmount: .zero(currency), amount: .zero(currency))
                    )
                    slot = groups.count - 1
                }
                lastCategory = lines[index].category
                lastSlot = slot
            }
            guard slot >= 0 else { continue }
            let base = groups[slot].taxableAmount.minorUnits
            let (sum, overflowed) = base.addingReportingOverflow(amount.minorUnits)
            groups[slot].taxableAmount =
                overflowed
                ? try exact { () throws(MoneyError) in
                    try Money(minorUnits: base, currency: currency) + amount
                } : Money(minorUnits: sum, currency: currency)
            if policy.roundingPoint == .perLine {
                let tax = try exact { () throws(MoneyError) in
                    try amount.percentage(groups[slot].rate, rounding: policy.rounding)
                }
                groups[slot].amount = try exact { () throws(MoneyError) in
                    try groups[slot].amount + tax
                }
            }
        }
        if policy.roundingPoint == .perInvoice {
            for slot in groups.indices {
                groups[slot].amount = try exact { () throws(MoneyError) in
                    try groups[slot].taxableAmount.percentage(
                        groups[slot].rate, rounding: policy.rounding)
                }
            }
        }
        return groups
    }

    /// Checks that the totals are the sums of the rounded lines and taxes.
    internal func _checkInvariants() {
        let lineSum = lines.reduce(Int64(0)) { $0 &+ $1.amount.minorUnits }
        let taxSum = taxes.reduce(Int64(0)) { $0 &+ $1.amount.minorUnits }
        precondition(lineSum == subtotal.minorUnits)  // justified: internal invariant
        precondition(taxSum == taxTotal.minorUnits)  // justified: internal invariant
        let sum = subtotal.minorUnits &+ taxTotal.minorUnits
        precondition(sum == total.minorUnits)  // justified: internal invariant
        precondition((kind == .creditNote) == total.isNegative)  // justified: internal invariant
    }
}
