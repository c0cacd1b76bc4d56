import MSPCore
import MSPTestSupport
import Testing

@testable import MSPContracts

/// A random agreement: start in 1990...2060, initial term 1...60 months, a random renewal
/// kind with 1...36-month renewals, and a notice period that fits both terms.
private func randomAgreement(_ generator: inout SplitMix64) throws -> Agreement {
    let year = generator.int(in: 1990...2060)
    let month = generator.int(in: 1...12)
    let startDay = generator.int(in: 1...LocalDate.daysInMonth(year: year, month: month))
    let start = try LocalDate(year: year, month: month, day: startDay)
    let initial = generator.int(in: 1...60)
    let renewalMonths = generator.int(in: 1...36)
    let renewal: RenewalPolicy =
        switch generator.int(in: 0...3) {
        case 0: .none
        case 1: try .express(months: renewalMonths)
        default: try .tacit(months: renewalMonths)
        }
    let shortest = renewal.kind == .tacit ? min(initial, renewalMonths) : initial
    let counting: NoticePeriod.Counting =
        Bool.random(using: &generator) ? .includingReceiptDay : .afterReceiptDay
    let notice: NoticePeriod =
        Bool.random(using: &generator)
        ? try .months(generator.int(in: 0...(shortest - 1)), counting: counting)
        : try .days(generator.int(in: 0...(28 * shortest - 1)), counting: counting)
    return try Agreement(
        id: AgreementID("A"), customer: CustomerID("C"), type: .retainer, startDate: start,
        initialTermMonths: initial, renewal: renewal, noticePeriod: notice,
        minimumTermMonths: generator.int(in: 0...initial), timeZoneIdentifier: "UTC",
        pricePlans: DatedAssignments(PricePlanID("p"), from: start),
        slaPolicies: DatedAssignments(SLAPolicyID("s"), from: start),
        escalation: Bool.random(using: &generator)
            ? try PriceEscalation(
                method: .fixed(Percentage(2)), compounding: true, rounding: .halfEven) : nil)
}

/// Describes an agreement for a failure report.
private func summary(_ agreement: Agreement) -> String {
    "start \(agreement.startDate), initial \(agreement.initialTermMonths), renewal "
        + "\(agreement.renewal.kind.rawValue) \(agreement.renewal.termMonths ?? 0), notice "
        + "\(agreement.noticePeriod)"
}

@Suite struct PropertyTests {
    @Test func termBoundariesIncreaseAndAreContiguous() throws {
        try checkProperty(seed: 0xC0_47AC_7501, cases: 10_000) { generator in
            let agreement = try randomAgreement(&generator)
            let from = try agreement.startDate.adding(days: generator.int(in: -400...4000))
            let through = try from.adding(days: generator.int(in: 0...4000))
            let terms = try agreement.timeline(from: from, through: through).terms
            for (offset, term) in terms.enumerated() {
                guard term.startDate < term.endDate else {
                    return (summary(agreement), "term \(term) is empty")
                }
                // Every boundary is start + n months computed by MSPCore from the start.
                guard term.startDate == (try agreement.startDate.adding(months: term.startMonth)),
                    term.endDate == (try agreement.startDate.adding(months: term.endMonth))
                else { return (summary(agreement), "term \(term) not counted from the start") }
                if offset > 0 {
                    let previous = terms[offset - 1]
                    guard previous.endDate == term.startDate, previous.index + 1 == term.index
                    else { return (summary(agreement), "gap or overlap \(previous) \(term)") }
                }
            }
            // The terms cover the range's days from the start date on (until a non-renewing
            // agreement's end).
            if let first = terms.first, first.startDate > max(from, agreement.startDate) {
                return (summary(agreement), "first term \(first) starts after \(from)")
            }
            if let last = terms.last, last.endDate <= through, agreement.renewal.kind != .none {
                return (summary(agreement), "last term \(last) ends before \(through)")
            }
            return (summary(agreement), nil)
        }
    }

    @Test func noticeDeadlinesPrecedeTermEndsByTheNoticePeriod() throws {
        try checkProperty(seed: 0x2071_CE, cases: 10_000) { generator in
            let agreement = try randomAgreement(&generator)
            guard agreement.renewal.kind == .tacit else { return ("not tacit", nil) }
            let term = try agreement.term(at: generator.int(in: 0...40))
            guard let deadline = term.noticeDeadline else {
                return (summary(agreement), "tacit term \(term) without a deadline")
            }
            let notice = agreement.noticePeriod
            // Zero notice is clamped to the term's last day, as documented on NoticePeriod.
            let shift = notice.counting == .afterReceiptDay || notice.amount == 0 ? 1 : 0
            switch notice.unit {
            case .months:
                // The day after the deadline (or the deadline, counting the receipt day) is
                // start + (end months - n) months: clamped like a billing-cycle anchor.
                let expected = try agreement.startDate.adding(
                    months: term.endMonth - notice.amount)
                guard try deadline.adding(days: shift) == expected else {
                    return (summary(agreement), "\(term): deadline \(deadline) != \(expected)")
                }
            case .days:
                guard deadline.days(to: term.endDate) == notice.amount + shift else {
                    return (summary(agreement), "\(term): deadline \(deadline)")
                }
            }
            guard deadline >= term.startDate, deadline < term.endDate else {
                return (summary(agreement), "\(term): deadline \(deadline) outside the term")
            }
            return (summary(agreement), nil)
        }
    }

    @Test func lifecycleAgreesWithTheTimeline() throws {
        try checkProperty(seed: 0x11FE_C1E, cases: 10_000) { generator in
            let agreement = try randomAgreement(&generator)
            let start = agreement.startDate
            var events = [
                AgreementEvent(.signed, on: try start.adding(days: -generator.int(in: 0...60)))
            ]
            // Express renewals, granted inside the last granted term.
            var grantedEndMonth = agreement.initialTermMonths
            if agreement.renewal.kind == .express {
                for _ in 0..<generator.int(in: 0...3) {
                    let end = try start.adding(months: grantedEndMonth)
                    events.append(AgreementEvent(.renewed, on: try end.adding(days: -1)))
                    grantedEndMonth += agreement.renewal.termMonths ?? 0
                }
            }
            let grantedEnd = try start.adding(months: grantedEndMonth)
            var noticeDate: LocalDate?
            if generator.int(in: 0...1) == 0 {
                let date = try start.adding(days: generator.int(in: 0...2000))
                if agreement.renewal.kind == .tacit || date < grantedEnd,
                    agreement.renewal.kind != .express || events.count == 1
                {
                    noticeDate = date
                    events.append(AgreementEvent(.noticeGiven(by: .customer), on: date))
                }
            }
            let life = try agreement.lifecycle(events: events)
            // The end the timeline predicts.
            let expectedEnd: LocalDate?
            switch agreement.renewal.kind {
            case .none, .express:
                expectedEnd = grantedEnd
            case .tacit:
                if let noticeDate, let term = try agreement.term(containing: noticeDate),
                    let deadline = term.noticeDeadline
                {
                    let next = try agreement.term(at: term.index + 1)
                    expectedEnd = noticeDate <= deadline ? term.endDate : next.endDate
                } else {
                    expectedEnd = nil
                }
            }
            let input = summary(agreement) + ", events \(events)"
            guard life.endDate == expectedEnd else {
                return (
                    input,
                    "end \(String(describing: life.endDate)) != \(String(describing: expectedEnd))"
                )
            }
            let date = try start.adding(days: generator.int(in: -30...4000))
            let status = try life.status(on: date)
            let expected: AgreementStatus.State
            let term = try agreement.termIndex(containing: date)
            if date < start {
                expected = .draft
            } else if let end = expectedEnd, date >= end {
                expected = .expired
            } else if let noticeDate, date >= noticeDate {
                expected = .inNoticePeriod
            } else {
                expected = term == 0 ? .active : .renewed
            }
            guard status.state == expected else {
                return (input, "on \(date): \(status) but expected \(expected.rawValue)")
            }
            let inForce = expected != .draft && expected != .expired
            guard status.termIndex == (inForce ? term : nil) else {
                return (input, "on \(date): term \(String(describing: status.termIndex))")
            }
            return (input, nil)
        }
    }

    @Test func aSubRangeOfTheTimelineIsTheWholeTimelineFiltered() throws {
        try checkProperty(seed: 0x5B_4A7E, cases: 10_000) { generator in
            let agreement = try randomAgreement(&generator)
            let wideFrom = try agreement.startDate.adding(days: -40)
            let wideThrough = try agreement.startDate.adding(days: 5000)
            let wide = try agreement.timeline(from: wideFrom, through: wideThrough)
            let from = try wideFrom.adding(days: generator.int(in: 0...4000))
            let through = try from.adding(
                days: generator.int(
                    in: 0...(wideFrom.days(to: wideThrough) - wideFrom.days(to: from))))
            let part = try agreement.timeline(from: from, through: through)
            let expected = wide.milestones.filter { $0.date >= from && $0.date <= through }
            guard part.milestones == expected else {
                return (
                    summary(agreement) + " \(from)...\(through)",
                    "\(part.milestones) != \(expected)"
                )
            }
            // Milestones are ordered by date, then kind, then term.
            let ordered = zip(wide.milestones, wide.milestones.dropFirst()).allSatisfy {
                ($0.date, $0.kindRank, $0.termIndex) < ($1.date, $1.kindRank, $1.termIndex)
            }
            guard ordered else { return (summary(agreement), "unordered \(wide.milestones)") }
            let expectedTerms = wide.terms.filter { $0.endDate > from && $0.startDate <= through }
            guard part.terms == expectedTerms else {
                return (summary(agreement) + " \(from)...\(through)", "terms \(part.terms)")
            }
            return (summary(agreement), nil)
        }
    }

    @Test func dateOrdinalsOrderLikeDates() throws {
        try checkProperty(seed: 0x0D_DA7E, cases: 10_000) { generator in
            let a = try LocalDate(parsing: "2000-01-01").adding(days: generator.int(in: 0...40_000))
            let b = try a.adding(days: generator.int(in: -400...400))
            let agrees = (a < b) == (a.ordinal < b.ordinal) && (a == b) == (a.ordinal == b.ordinal)
            return ("\(a) \(b)", agrees ? nil : "ordinals disagree with <")
        }
    }

    @Test func addingDaysAgreesWithMSPCore() throws {
        try checkProperty(seed: 0xDA75, cases: 10_000) { generator in
            let date = try LocalDate(parsing: "0001-01-01").adding(
                days: generator.int(in: 0...3_652_000))
            let days = generator.int(in: -100_000...100_000)
            let core = try? date.adding(days: days)
            let ours = try? Agreement.date(date, addingDays: days, field: "date")
            return ("\(date) + \(days)", core == ours ? nil : "\(String(describing: ours))")
        }
    }
}
