import Foundation
import MSPCore

/// One period an agreement is billed for, with the key that makes invoicing it idempotent.
public struct BillablePeriod: Sendable, Hashable, Codable {
    /// The billing-cycle period.
    public let period: BillingPeriod
    /// The part of the period the agreement was in force.
    public let serviceRange: DateRange
    /// A deterministic key for (agreement, period start date, period end date):
    /// `"<length of the agreement ID in UTF-8 bytes>:<agreement ID>|<start>|<end>"`, such as
    /// `"5:AGR-1|2025-03-15|2025-04-15"`. The length prefix keeps keys unambiguous whatever
    /// the ID contains. The same agreement and period always give the same key, whatever
    /// range was asked for, so an invoicing system that stores the key never bills a period
    /// twice.
    public let idempotencyKey: String

    /// Whether the agreement was in force for the whole period.
    public var isWholePeriod: Bool { serviceRange == period.range }

    /// The key for `agreement` and the period `startDate..<endDate`.
    public static func idempotencyKey(
        agreement: AgreementID, startDate: LocalDate, endDate: LocalDate
    ) -> String {
        "\(agreement.rawValue.utf8.count):\(agreement.rawValue)|\(startDate)|\(endDate)"
    }
}

extension AgreementLifecycle {
    /// The reminders due from `date` through `days` days later, inclusive: notice deadlines
    /// and renewals of a tacit agreement no one has given notice on, escalation
    /// anniversaries, and the expiry of an agreement that ends at a term's end.
    ///
    /// Nothing is due for an agreement that is not signed on `date` or has ended by then;
    /// nothing after the agreement's end is reported.
    ///
    /// - Throws: ``ContractError`` `outOfRange` for a negative `days`, `dateOutOfRange`.
    /// - Complexity: O(*m*) for *m* milestones in the window.
    public func reminders(on date: LocalDate, withinDays days: Int) throws(ContractError)
        -> [AgreementMilestone]
    {
        guard days >= 0 else { throw .outOfRange(days, field: "days", allowed: 0...36_500) }
        guard let signedOn, signedOn <= date, serviceEndDate.map({ date < $0 }) ?? true else {
            return []
        }
        let last = try Agreement.date(date, addingDays: days, field: "days")
        let noticeGiven = noticeGivenOn.map { $0 <= date } ?? false
        var result = try agreement.timeline(from: date, through: last, collectingTerms: false)
            .milestones
        let endOrdinal = endDate?.ordinal ?? Int.max
        result.removeAll { milestone in
            if milestone.date.ordinal >= endOrdinal { return true }
            switch milestone.kind {
            case .noticeDeadline: return noticeGiven
            case .expiry: return true
            case .renewal, .escalation: return false
            }
        }
        if endReason == .expired, let endDate, endDate >= date, endDate <= last {
            let term = try agreement.termIndex(
                containing: Agreement.date(endDate, addingDays: -1, field: "endDate"))
            result.append(AgreementMilestone(date: endDate, kind: .expiry, termIndex: term ?? 0))
        }
        return result
    }

    /// The billing-cycle periods of `cycle` that overlap both `range` and the agreement's
    /// service (from the start of its start date to the start of its end date, in its time
    /// zone), each with its idempotency key.
    ///
    /// A period the agreement starts or ends in is returned whole with the covered
    /// ``BillablePeriod/serviceRange`` (the period clipped to the service, never to
    /// `range`); an unsigned agreement or a cancelled one has none.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange`, or `outOfRange` when the range spans
    ///   more than `BillingCycle.maximumPeriodCount` periods.
    public func billablePeriods(overlapping range: DateRange, cycle: BillingCycle)
        throws(ContractError) -> [BillablePeriod]
    {
        guard signedOn != nil else { return [] }
        let timeZone = agreement.timeZoneIdentifier
        do {
            let start = try agreement.startDate.firstInstant(inTimeZone: timeZone)
            let end = try serviceEndDate?.firstInstant(inTimeZone: timeZone)
            // Local midnights from LocalDate are whole milliseconds in the supported range.
            let serviceStart = DateRange.milliseconds(of: start) ?? range.startMilliseconds
            let serviceEnd = end.flatMap(DateRange.milliseconds(of:))
            let queryStart = max(range.startMilliseconds, serviceStart)
            let queryEnd = min(range.endMilliseconds, serviceEnd ?? range.endMilliseconds)
            guard queryStart < queryEnd else { return [] }
            let query = try DateRange(startMilliseconds: queryStart, endMilliseconds: queryEnd)
            var result: [BillablePeriod] = []
            for period in try cycle.periods(overlapping: query) {
                let covered = try DateRange(
                    startMilliseconds: max(period.range.startMilliseconds, serviceStart),
                    endMilliseconds: min(
                        period.range.endMilliseconds,
                        serviceEnd ?? period.range.endMilliseconds))
                result.append(
                    BillablePeriod(
                        period: period, serviceRange: covered,
                        idempotencyKey: BillablePeriod.idempotencyKey(
                            agreement: agreement.id, startDate: period.startDate,
                            endDate: period.endDate)))
            }
            return result
        } catch {
            throw ContractError(
                code: error.code == .tooManyPeriods ? .outOfRange : .dateOutOfRange,
                field: "range", value: error.value, message: error.message)
        }
    }

    /// Checks that `successor` starts no earlier than this agreement's service ends.
    ///
    /// - Throws: ``ContractError`` `overlappingSuccessor` when this agreement has no end
    ///   (a tacit agreement without notice) or ends after the successor's start date.
    public func checkSuccessor(_ successor: Agreement) throws(ContractError) {
        guard let end = serviceEndDate, end <= successor.startDate else {
            throw .overlappingSuccessor(
                successorStart: successor.startDate, predecessorEnd: serviceEndDate)
        }
    }
}
