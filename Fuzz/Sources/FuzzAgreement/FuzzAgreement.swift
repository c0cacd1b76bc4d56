import Foundation
import FuzzSupport
import MSPContracts
import MSPCore

/// Agreements decoded from arbitrary JSON (the bytes before the first zero byte), then
/// used with dates and events from the bytes after it. Checks:
///
/// - decoding never traps, and a decoded agreement round-trips;
/// - its timeline over up to 20 years starts at the start date with contiguous terms, each
///   non-empty, and `term(containing:)` agrees with the timeline for a date inside it;
/// - escalated prices, a lifecycle from dated events, a status and an early-termination
///   fee either succeed or throw a `ContractError` (never trap).
func fuzzAgreement(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var (document, input) = splitDocument(data, size)
    guard let agreement = decodeRoundTripping(Agreement.self, document) else { return 0 }
    let start = agreement.startDate
    guard let through = try? start.adding(days: Int(input.int(in: 0...7_305))) else { return 0 }
    if let timeline = try? agreement.timeline(from: start, through: through) {
        checkTimeline(agreement, timeline, from: start, through: through, &input)
    }
    guard let day = try? start.adding(days: Int(input.int(in: -400...7_305))) else { return 0 }
    let base = Money(minorUnits: input.int(in: 0...Int64.max), currency: .usd)
    _ = try? agreement.escalatedPrice(basePrice: base, on: day)

    var events: [AgreementEvent] = []
    for _ in 0..<(input.byte() % 6) {
        guard let date = try? start.adding(days: Int(input.int(in: -60...4_000))) else { continue }
        let kind: AgreementEvent.Kind
        switch input.byte() % 5 {
        case 0: kind = .signed
        case 1: kind = .noticeGiven(by: input.byte() % 2 == 0 ? .customer : .provider)
        case 2: kind = .renewed
        case 3: kind = .terminated(input.byte() % 2 == 0 ? .convenience : .cause)
        default: kind = .cancelled
        }
        events.append(AgreementEvent(kind, on: date))
    }
    guard let lifecycle = try? agreement.lifecycle(events: events) else { return 0 }
    _ = try? lifecycle.status(on: day)
    let monthly = Money(minorUnits: input.int(in: 0...10_000_000), currency: .usd)
    let rules: [EarlyTerminationTerms.Rule] = [
        .remainderOfTerm, .flat(Money(minorUnits: 250_000, currency: .usd)),
        .percentageOfRemainingCommitment(Percentage(50)),
    ]
    if let terms = try? EarlyTerminationTerms(
        rule: input.element(of: rules), monthlyCharge: monthly)
    {
        _ = try? lifecycle.earlyTerminationFee(terminatingOn: day, terms: terms)
    }
    return 0
}

private func checkTimeline(
    _ agreement: Agreement, _ timeline: AgreementTimeline, from: LocalDate, through: LocalDate,
    _ input: inout FuzzInput
) {
    guard let first = timeline.terms.first else { return }
    fuzzCheck(
        first.startDate == agreement.startDate && first.index == 0,
        "the first term \(first) does not start the agreement on \(agreement.startDate)")
    for (index, term) in timeline.terms.enumerated() {
        fuzzCheck(term.startDate < term.endDate, "empty term \(term)")
        if index > 0 {
            let previous = timeline.terms[index - 1]
            fuzzCheck(
                previous.endDate == term.startDate && previous.index + 1 == term.index,
                "terms \(previous) and \(term) are not contiguous")
        }
    }
    guard let date = try? from.adding(days: Int(input.int(in: 0...Int64(from.days(to: through)))))
    else { return }
    let listed = timeline.terms.first { $0.startDate <= date && date < $0.endDate }
    if let listed, let found = try? agreement.term(containing: date) {
        fuzzCheck(
            found == listed, "term(containing: \(date)) is \(found), the timeline has \(listed)")
    }
}
