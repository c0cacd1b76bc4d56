import BenchmarkSupport
import MSPContracts
import MSPCore

/// Inputs of the contract benchmarks, built once per process outside any measured region.
///
/// 100,000 agreements with seeded random facts: starts in 2015...2030 on any day (month ends
/// included), initial terms of 12...60 months, renewals of 12 or 24 months (three in four
/// tacit, the rest express or none), notice of 1...3 months or 30...90 days. Each has a
/// signature and, for three in ten, a notice from the customer within its first five years.
enum ContractData {
    /// The seed of every input.
    static let seed: UInt64 = 0x4D53_5043_4F4E_5452  // "MSPCONTR"

    /// How many agreements each pass covers.
    static let count = 100_000

    /// The agreements.
    static let agreements: [Agreement] = {
        var generator = SplitMix64(seed: seed)
        var result: [Agreement] = []
        result.reserveCapacity(count)
        while result.count < count {
            if let agreement = try? randomAgreement(&generator, number: result.count) {
                result.append(agreement)
            }
        }
        return result
    }()

    /// Each agreement's events: signed a week before the start, notice for three in ten.
    static let events: [[AgreementEvent]] = {
        var generator = SplitMix64(seed: seed ^ 0xE7E7)
        return agreements.map { agreement in
            var events: [AgreementEvent] = []
            if let signed = try? agreement.startDate.adding(days: -7) {
                events.append(AgreementEvent(.signed, on: signed))
            }
            if Int.random(in: 0..<10, using: &generator) < 3, agreement.renewal.kind == .tacit,
                let notice = try? agreement.startDate.adding(
                    days: Int.random(in: 0...1800, using: &generator))
            {
                events.append(AgreementEvent(.noticeGiven(by: .customer), on: notice))
            }
            return events
        }
    }()

    /// The lifecycles, resolved once (for the reminder benchmark).
    static let lifecycles: [AgreementLifecycle] = zip(agreements, events).compactMap {
        try? $0.lifecycle(events: $1)
    }

    /// Each agreement's start date plus ten years: the end of the timeline range.
    static let tenYearEnds: [LocalDate] = agreements.map {
        (try? $0.startDate.adding(months: 120)) ?? $0.startDate
    }

    /// The months from the start of every term boundary within ten years, per agreement:
    /// what the baseline adds to the start date.
    static let boundaryMonths: [[Int]] = agreements.map { agreement in
        let renewal = agreement.renewal.termMonths ?? 0
        var months = [0, agreement.initialTermMonths]
        if renewal > 0 {
            var month = agreement.initialTermMonths + renewal
            while month <= 120 + renewal {
                months.append(month)
                month += renewal
            }
        }
        return months
    }

    /// The instant of "today" for status and reminders: 2027-06-01.
    static let today: LocalDate =
        (try? LocalDate(year: 2027, month: 6, day: 1))
        ?? agreements[0].startDate

    private static func randomAgreement(_ generator: inout SplitMix64, number: Int) throws
        -> Agreement
    {
        let year = Int.random(in: 2015...2030, using: &generator)
        let month = Int.random(in: 1...12, using: &generator)
        let day = Int.random(
            in: 1...LocalDate.daysInMonth(year: year, month: month), using: &generator)
        let start = try LocalDate(year: year, month: month, day: day)
        let renewalMonths = Bool.random(using: &generator) ? 12 : 24
        let renewal: RenewalPolicy =
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: .none
            case 1: try .express(months: renewalMonths)
            default: try .tacit(months: renewalMonths)
            }
        let notice: NoticePeriod =
            Bool.random(using: &generator)
            ? try .months(Int.random(in: 1...3, using: &generator))
            : try .days(Int.random(in: 30...90, using: &generator))
        let escalation = try PriceEscalation(
            method: .fixed(Percentage(3)), compounding: true, rounding: .halfEven)
        return try Agreement(
            id: AgreementID("AGR-\(number)"), customer: CustomerID("C-\(number % 977)"),
            type: .fullyManaged, startDate: start,
            initialTermMonths: Int.random(in: 12...60, using: &generator), renewal: renewal,
            noticePeriod: notice, timeZoneIdentifier: "UTC",
            pricePlans: DatedAssignments(PricePlanID("plan"), from: start),
            slaPolicies: DatedAssignments(SLAPolicyID("sla"), from: start),
            escalation: escalation)
    }
}
