import Foundation
import MSPCore
import Testing

@testable import MSPContracts

// Helpers shared by the MSPContracts test files.

/// A local date from `YYYY-MM-DD`.
func day(_ text: String) throws -> LocalDate {
    try LocalDate(parsing: text)
}

/// An amount in US dollars from its canonical text, `"12.34"`.
func usd(_ text: String) throws -> Money {
    try Money(parsing: text, currency: .usd)
}

/// The instant of an ISO 8601 text with an offset, such as `2026-03-06T16:00:00Z`.
func instant(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return try #require(formatter.date(from: text), "not an ISO 8601 instant: \(text)")
}

/// An agreement with test defaults: ID `AGR-1`, customer `ACME`, fully managed, plan `gold`
/// and SLA `sla-standard` from the start, UTC.
func makeAgreement(
    start: String, initialTermMonths: Int, renewal: RenewalPolicy,
    notice: NoticePeriod, minimumTermMonths: Int = 0, timeZone: String = "UTC",
    escalation: PriceEscalation? = nil, id: String = "AGR-1"
) throws -> Agreement {
    let startDate = try day(start)
    return try Agreement(
        id: AgreementID(id), customer: CustomerID("ACME"), type: .fullyManaged,
        startDate: startDate, initialTermMonths: initialTermMonths, renewal: renewal,
        noticePeriod: notice, minimumTermMonths: minimumTermMonths,
        timeZoneIdentifier: timeZone,
        pricePlans: DatedAssignments(PricePlanID("gold"), from: startDate),
        slaPolicies: DatedAssignments(SLAPolicyID("sla-standard"), from: startDate),
        escalation: escalation)
}

/// The issue's agreement: 36 months from 2025-03-15, then 12-month tacit renewals with
/// three months' notice.
func threeYearsThenYearly(
    counting: NoticePeriod.Counting = .includingReceiptDay, minimumTermMonths: Int = 0,
    escalation: PriceEscalation? = nil
) throws -> Agreement {
    try makeAgreement(
        start: "2025-03-15", initialTermMonths: 36, renewal: .tacit(months: 12),
        notice: .months(3, counting: counting), minimumTermMonths: minimumTermMonths,
        escalation: escalation)
}

/// `"start..<end notice"` for each term.
func describe(_ terms: [AgreementTerm]) -> [String] {
    terms.map { "\($0.startDate)..<\($0.endDate) \($0.noticeDeadline?.description ?? "-")" }
}

/// `"date kind term"` for each milestone.
func describe(_ milestones: [AgreementMilestone]) -> [String] {
    milestones.map { "\($0.date) \($0.kind.rawValue) \($0.termIndex)" }
}
