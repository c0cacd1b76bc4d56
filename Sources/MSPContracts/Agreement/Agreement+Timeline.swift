import MSPCore

/// One term of an agreement: the initial term (index 0) or a renewal term (index 1, 2, ...).
///
/// Dates are local to the agreement's time zone; ``endDate`` is exclusive, so a term's end
/// date is the next term's start date.
public struct AgreementTerm: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 0 for the initial term, *k* for the *k*-th renewal.
    public let index: Int
    /// The first day of the term.
    public let startDate: LocalDate
    /// The first day after the term (exclusive end).
    public let endDate: LocalDate
    /// Months from the agreement's start date to ``startDate``.
    public let startMonth: Int
    /// Months from the agreement's start date to ``endDate``.
    public let endMonth: Int
    /// The last day a party can give notice so that the agreement does not renew after this
    /// term (inclusive, in the agreement's time zone); `nil` unless the renewal is tacit.
    public let noticeDeadline: LocalDate?

    /// Whether this is a renewal term rather than the initial term.
    public var isRenewal: Bool { index > 0 }

    /// The term's length in months.
    public var months: Int { endMonth - startMonth }

    /// `"term 0: 2025-03-15..<2028-03-15, notice by 2027-12-15"`.
    public var description: String {
        let notice = noticeDeadline.map { ", notice by \($0)" } ?? ""
        return "term \(index): \(startDate)..<\(endDate)\(notice)"
    }
}

/// A dated point of interest on an agreement's timeline.
public struct AgreementMilestone: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What happens on the date.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The last day to give notice against the renewal that follows term ``termIndex``.
        case noticeDeadline
        /// Term ``termIndex`` (a renewal term) begins: the agreement renews (tacit) or may be
        /// renewed (express).
        case renewal
        /// An anniversary of the start date on which prices escalate.
        case escalation
        /// The end (exclusive) of an agreement that does not renew: the first day it is no
        /// longer in force.
        case expiry
    }

    /// The date.
    public let date: LocalDate
    /// What happens.
    public let kind: Kind
    /// The term the milestone belongs to; for ``Kind/escalation`` the anniversary number.
    public let termIndex: Int

    /// Creates a milestone.
    public init(date: LocalDate, kind: Kind, termIndex: Int) {
        self.date = date
        self.kind = kind
        self.termIndex = termIndex
    }

    /// `"2027-12-15 noticeDeadline (term 0)"`.
    public var description: String { "\(date) \(kind.rawValue) (term \(termIndex))" }

    /// The order of kinds on one date: deadlines, then renewals, escalations, expiries.
    internal var kindRank: Int {
        switch kind {
        case .noticeDeadline: 0
        case .renewal: 1
        case .escalation: 2
        case .expiry: 3
        }
    }
}

/// The terms and milestones of an agreement over a range of dates.
public struct AgreementTimeline: Sendable, Hashable, Codable {
    /// The terms that share at least one day with the range, in order.
    public let terms: [AgreementTerm]
    /// The milestones dated within the range, ordered by date, then kind (notice deadline,
    /// renewal, escalation, expiry).
    public let milestones: [AgreementMilestone]

    /// Asserts the timeline's invariants: terms non-empty, consecutive and contiguous;
    /// milestones strictly ordered by date, kind and term. Runs in debug builds.
    internal func _checkInvariants() {
        for (previous, term) in zip(terms, terms.dropFirst()) {
            assert(previous.endDate == term.startDate, "gap")  // justified: internal invariant
            assert(previous.index + 1 == term.index, "index")  // justified: internal invariant
        }
        for term in terms {
            assert(term.startDate < term.endDate, "empty \(term)")  // justified: internal invariant
        }
        for (previous, milestone) in zip(milestones, milestones.dropFirst()) {
            assert(  // justified: internal invariant
                (previous.date, previous.kindRank, previous.termIndex)
                    < (milestone.date, milestone.kindRank, milestone.termIndex),
                "unordered \(previous) \(milestone)")
        }
    }
}

extension Agreement {
    /// The renewal term in months, or 0 for an agreement that does not renew.
    internal var renewalMonths: Int { renewal.termMonths ?? 0 }

    /// Months from the start date to the start of term `index`.
    internal func startMonth(ofTerm index: Int) -> Int {
        index == 0 ? 0 : initialTermMonths + (index - 1) * renewalMonths
    }

    /// The date the agreement ends if it never renews beyond the terms that exist:
    /// the initial term's end for ``RenewalPolicy/Kind/none``, `nil` otherwise.
    internal var projectedEndMonth: Int? {
        renewal.kind == .none ? initialTermMonths : nil
    }

    /// Term `index` of the agreement's projected timeline: tacit terms renew for ever, express
    /// terms as if every renewal were granted.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for a negative index or a renewal term of an
    ///   agreement that does not renew, `dateOutOfRange` past year 9999.
    public func term(at index: Int) throws(ContractError) -> AgreementTerm {
        let maximum = renewal.kind == .none ? 0 : Int.max
        guard index >= 0, index <= maximum else {
            throw .outOfRange(index, field: "termIndex", allowed: 0...maximum)
        }
        let (steps, overflow) = (index == 0 ? 0 : index - 1).multipliedReportingOverflow(
            by: renewalMonths)
        guard !overflow, steps <= 12 * 10_000 else {
            throw .dateOutOfRange("term \(index)", field: "termIndex")
        }
        let startMonth = startMonth(ofTerm: index)
        let endMonth = index == 0 ? initialTermMonths : startMonth + renewalMonths
        let start = try date(monthsAfterStart: startMonth, field: "termIndex")
        let end = try date(monthsAfterStart: endMonth, field: "termIndex")
        return AgreementTerm(
            index: index, startDate: start, endDate: end, startMonth: startMonth,
            endMonth: endMonth,
            noticeDeadline: renewal.kind == .tacit
                ? try noticeDeadline(endMonth: endMonth, endDate: end) : nil)
    }

    /// The last day to give notice for a term ending `endMonth` months after the start.
    internal func noticeDeadline(endMonth: Int, endDate: LocalDate) throws(ContractError)
        -> LocalDate
    {
        let receiptShift = noticePeriod.counting == .afterReceiptDay ? -1 : 0
        // Zero notice counting the receipt day would give the term's end itself: notice must
        // still arrive within the term, so the deadline is the term's last day.
        if noticePeriod.amount == 0 && receiptShift == 0 {
            return try Agreement.date(endDate, addingDays: -1, field: "noticeDeadline")
        }
        switch noticePeriod.unit {
        case .months:
            let first = try date(
                monthsAfterStart: endMonth - noticePeriod.amount, field: "noticeDeadline")
            return receiptShift == 0
                ? first : try Agreement.date(first, addingDays: -1, field: "noticeDeadline")
        case .days:
            return try Agreement.date(
                endDate, addingDays: receiptShift - noticePeriod.amount, field: "noticeDeadline")
        }
    }

    /// The index of the projected term containing `date`, or `nil` before the start date or
    /// after the initial term of an agreement that does not renew.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange` near year 9999.
    /// - Complexity: O(1).
    public func termIndex(containing date: LocalDate) throws(ContractError) -> Int? {
        guard date.ordinal >= startDate.ordinal else { return nil }
        let months = try wholeMonths(to: date)
        if months < initialTermMonths { return 0 }
        guard renewal.kind != .none else { return nil }
        return (months - initialTermMonths) / renewalMonths + 1
    }

    /// The projected term containing `date`; see ``termIndex(containing:)``.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange` near year 9999.
    public func term(containing date: LocalDate) throws(ContractError) -> AgreementTerm? {
        guard let index = try termIndex(containing: date) else { return nil }
        return try term(at: index)
    }

    /// Every term boundary, renewal date, notice deadline, escalation date and (for an
    /// agreement that does not renew) expiry between `from` and `through`, inclusive.
    ///
    /// The timeline is the agreement's *projection* from its facts alone: tacit renewals go on
    /// for ever, express renewals are shown as if granted. The events of
    /// ``lifecycle(events:)`` decide which of these terms actually happen.
    ///
    /// Worked example: 36 months from 2025-03-15, then 12-month tacit renewals with three
    /// months' notice counting the receipt day: terms 2025-03-15..<2028-03-15 (notice by
    /// 2027-12-15), 2028-03-15..<2029-03-15 (notice by 2028-12-15), ...
    ///
    /// - Throws: ``ContractError`` `invalidRange` when `through` precedes `from`,
    ///   `dateOutOfRange` past year 9999.
    /// - Complexity: O(*t* + *m*) for *t* terms and *m* milestones returned.
    public func timeline(from: LocalDate, through: LocalDate) throws(ContractError)
        -> AgreementTimeline
    {
        try timeline(from: from, through: through, collectingTerms: true)
    }

    /// The timeline, with the terms left out when `collectingTerms` is false (reminders need
    /// only the milestones).
    internal func timeline(from: LocalDate, through: LocalDate, collectingTerms: Bool)
        throws(ContractError) -> AgreementTimeline
    {
        guard from.ordinal <= through.ordinal else {
            throw .invalidRange(from: from, to: through)
        }
        var terms: [AgreementTerm] = []
        var milestones: [AgreementMilestone] = []
        var escalations = try EscalationCursor(
            agreement: self, from: from, through: through)
        var anyTerm = false
        if through.ordinal >= startDate.ordinal,
            let first = try termIndex(
                containing: from.ordinal > startDate.ordinal ? from : startDate)
        {
            anyTerm = true
            let last = try termIndex(containing: through) ?? first
            if collectingTerms { terms.reserveCapacity(last - first + 1) }
            milestones.reserveCapacity(2 * (last - first) + 3 + (through.year - from.year))
            var start: LocalDate? = nil
            for index in first...last {
                let term = try term(at: index, knownStart: start)
                start = term.endDate
                if collectingTerms { terms.append(term) }
                // Within a term the renewal (its start) precedes its deadline, except that on
                // one date a deadline sorts first.
                var renewalMilestone: AgreementMilestone?
                if index > 0, term.startDate.ordinal >= from.ordinal {
                    renewalMilestone = AgreementMilestone(
                        date: term.startDate, kind: .renewal, termIndex: index)
                }
                var deadlineMilestone: AgreementMilestone?
                if let deadline = term.noticeDeadline, deadline.ordinal >= from.ordinal,
                    deadline.ordinal <= through.ordinal
                {
                    deadlineMilestone = AgreementMilestone(
                        date: deadline, kind: .noticeDeadline, termIndex: index)
                }
                if let deadline = deadlineMilestone, deadline.date.ordinal == term.startDate.ordinal
                {
                    try escalations.append(deadline, to: &milestones)
                    deadlineMilestone = nil
                }
                if let renewal = renewalMilestone {
                    try escalations.append(renewal, to: &milestones)
                }
                if let deadline = deadlineMilestone {
                    try escalations.append(deadline, to: &milestones)
                }
                if renewal.kind == .none, term.endDate.ordinal <= through.ordinal {
                    try escalations.append(
                        AgreementMilestone(date: term.endDate, kind: .expiry, termIndex: index),
                        to: &milestones)
                }
            }
        }
        // A range that begins on the expiry of a non-renewing agreement holds no term, but
        // still holds the expiry.
        if renewal.kind == .none, !anyTerm {
            let end = try date(monthsAfterStart: initialTermMonths, field: "expiry")
            if end.ordinal >= from.ordinal, end.ordinal <= through.ordinal {
                try escalations.append(
                    AgreementMilestone(date: end, kind: .expiry, termIndex: 0), to: &milestones)
            }
        }
        try escalations.flush(to: &milestones)
        let timeline = AgreementTimeline(terms: terms, milestones: milestones)
        #if DEBUG
            timeline._checkInvariants()
        #endif
        return timeline
    }

    /// Term `index`, reusing its start date when the caller already has it.
    private func term(at index: Int, knownStart: LocalDate?) throws(ContractError)
        -> AgreementTerm
    {
        guard let knownStart else { return try term(at: index) }
        let startMonth = startMonth(ofTerm: index)
        let endMonth = index == 0 ? initialTermMonths : startMonth + renewalMonths
        let end = try date(monthsAfterStart: endMonth, field: "termIndex")
        return AgreementTerm(
            index: index, startDate: knownStart, endDate: end, startMonth: startMonth,
            endMonth: endMonth,
            noticeDeadline: renewal.kind == .tacit
                ? try noticeDeadline(endMonth: endMonth, endDate: end) : nil)
    }
}

/// The escalation anniversaries of a range, produced in order and merged into the term
/// milestones without a sort.
private struct EscalationCursor {
    /// The agreement's start date.
    let start: LocalDate
    /// The projected end in months from the start, if the agreement does not renew.
    let endMonth: Int?
    /// The range's last day.
    let through: LocalDate
    /// The next anniversary number and its date, or `nil` when there are no more.
    var next: (number: Int, date: LocalDate)?

    init(agreement: Agreement, from: LocalDate, through: LocalDate) throws(ContractError) {
        self.start = agreement.startDate
        self.endMonth = agreement.projectedEndMonth
        self.through = through
        guard agreement.escalates else { return }
        var number = 1
        if from.ordinal > start.ordinal {
            number = max(1, (try agreement.wholeMonths(to: from)) / 12)
        }
        next = try anniversary(number)
        while let current = next, current.date.ordinal < from.ordinal {
            next = try anniversary(current.number + 1)
        }
    }

    /// Anniversary `number` when it is within the range and before the projected end.
    private func anniversary(_ number: Int) throws(ContractError) -> (number: Int, date: LocalDate)?
    {
        if let endMonth, number * 12 >= endMonth { return nil }
        let date = try Agreement.date(start, plusMonths: number * 12, field: "escalation")
        return date.ordinal > through.ordinal ? nil : (number, date)
    }

    /// Appends the anniversaries ordered before `milestone`, then `milestone`.
    mutating func append(_ milestone: AgreementMilestone, to milestones: inout [AgreementMilestone])
        throws(ContractError)
    {
        while let current = next,
            (current.date.ordinal, 2, current.number)
                < (milestone.date.ordinal, milestone.kindRank, milestone.termIndex)
        {
            milestones.append(
                AgreementMilestone(date: current.date, kind: .escalation, termIndex: current.number)
            )
            next = try anniversary(current.number + 1)
        }
        milestones.append(milestone)
    }

    /// Appends the remaining anniversaries.
    mutating func flush(to milestones: inout [AgreementMilestone]) throws(ContractError) {
        while let current = next {
            milestones.append(
                AgreementMilestone(date: current.date, kind: .escalation, termIndex: current.number)
            )
            next = try anniversary(current.number + 1)
        }
    }
}
