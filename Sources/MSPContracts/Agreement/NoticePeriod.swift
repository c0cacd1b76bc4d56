import MSPCore

/// How much notice a party must give to stop a tacit renewal, and how it counts.
///
/// Notice must be **received no later than the deadline date, inclusive, in the agreement's
/// time zone**. The deadline of a term that ends (exclusively) on date *E* is:
///
/// | unit | ``Counting/includingReceiptDay`` | ``Counting/afterReceiptDay`` |
/// |---|---|---|
/// | *n* days | *E* − *n* days | *E* − *n* − 1 days |
/// | *n* months | start + (*M* − *n*) months | start + (*M* − *n*) months − 1 day |
///
/// where *M* is the number of months from the agreement's start date to *E*. Months are
/// always counted from the start date, never from a clamped term end, exactly like
/// `BillingCycle` anchor days: for an agreement starting 2025-01-31 with a term
/// ending 2026-02-28 (13 months) and one month's notice counting the receipt day, the
/// deadline is start + 12 months = 2026-01-31, not 2026-02-28 − 1 month = 2026-01-28.
///
/// Zero notice counting the receipt day would put the deadline on *E*, outside the term; it
/// is the term's last day (*E* − 1 day) instead, the same as zero notice after the receipt
/// day. Every deadline therefore falls within its term.
///
/// Worked example: a term ending on 2028-03-15 with three months' notice. Counting the
/// receipt day, notice received on 2027-12-15 is in time (the notice period runs
/// 2027-12-15 ... 2028-03-14, three months); counting from the day after receipt it must be
/// received by 2027-12-14.
///
/// JSON: `{"amount": 3, "unit": "months", "counting": "includingReceiptDay"}`.
public struct NoticePeriod: Sendable, Hashable, CustomStringConvertible {
    /// The unit a notice period counts in.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Calendar days.
        case days
        /// Calendar months, counted from the agreement's start date.
        case months
    }

    /// Whether the day notice is received is the first day of the notice period.
    public enum Counting: String, Sendable, Hashable, Codable, CaseIterable {
        /// The notice period begins on the day notice is received.
        case includingReceiptDay
        /// The notice period begins on the day after notice is received (the civil-law
        /// convention), so the deadline is one day earlier.
        case afterReceiptDay
    }

    /// The allowed amounts: 0 (notice may be given until the last day) to 36,500.
    public static let amountRange: ClosedRange<Int> = 0...36_500

    /// How many ``unit``s of notice are required.
    public let amount: Int
    /// Days or months.
    public let unit: Unit
    /// Whether the receipt day counts.
    public let counting: Counting

    /// Creates a notice period.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for an amount outside 0...36,500.
    public init(amount: Int, unit: Unit, counting: Counting = .includingReceiptDay)
        throws(ContractError)
    {
        guard NoticePeriod.amountRange.contains(amount) else {
            throw .outOfRange(
                amount, field: "noticePeriod.amount", allowed: NoticePeriod.amountRange)
        }
        self.amount = amount
        self.unit = unit
        self.counting = counting
    }

    /// `n` months of notice.
    ///
    /// - Throws: ``ContractError`` `outOfRange` outside 0...36,500.
    public static func months(_ n: Int, counting: Counting = .includingReceiptDay)
        throws(ContractError) -> NoticePeriod
    {
        try NoticePeriod(amount: n, unit: .months, counting: counting)
    }

    /// `n` days of notice.
    ///
    /// - Throws: ``ContractError`` `outOfRange` outside 0...36,500.
    public static func days(_ n: Int, counting: Counting = .includingReceiptDay)
        throws(ContractError) -> NoticePeriod
    {
        try NoticePeriod(amount: n, unit: .days, counting: counting)
    }

    /// Whether the period fits strictly inside every term of `termMonths` months, so that
    /// every deadline falls on or after its term's first day: fewer months than the term, or
    /// fewer days than 28 × the term's months (the shortest such term).
    internal func fits(termMonths: Int) -> Bool {
        switch unit {
        case .months: amount < termMonths
        case .days: amount < 28 * termMonths
        }
    }

    /// `"3 months (including receipt day)"`.
    public var description: String {
        let counted = counting == .includingReceiptDay ? "including" : "after"
        return "\(amount) \(unit.rawValue) (\(counted) receipt day)"
    }
}

extension NoticePeriod: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount, unit, counting
    }

    /// Decodes `{"amount", "unit", "counting"}` and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            amount: container.decode(Int.self, forKey: .amount),
            unit: container.decode(Unit.self, forKey: .unit),
            counting: container.decode(Counting.self, forKey: .counting))
    }

    /// Encodes `{"amount", "unit", "counting"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount, forKey: .amount)
        try container.encode(unit, forKey: .unit)
        try container.encode(counting, forKey: .counting)
    }
}
