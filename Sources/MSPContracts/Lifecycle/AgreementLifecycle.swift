import Foundation
import MSPCore

/// The state of an agreement on a date.
public struct AgreementStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lifecycle states.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not yet in force: unsigned, or before its start date.
        case draft
        /// In force in its initial term, no notice given.
        case active
        /// In force, notice given; it ends on ``AgreementStatus/endDate``.
        case inNoticePeriod
        /// In force in a renewal term, no notice given.
        case renewed
        /// Ended at the end of a term (no renewal, notice given, or express renewal not
        /// granted).
        case expired
        /// Ended by termination (for convenience or cause) or cancellation.
        case terminated
    }

    /// The state.
    public let state: State
    /// The term the date falls in while the agreement is in force; `nil` otherwise.
    public let termIndex: Int?
    /// The first day the agreement is (or will be) no longer in force, when known.
    public let endDate: LocalDate?

    /// `"inNoticePeriod (term 1) until 2029-03-15"`.
    public var description: String {
        let term = termIndex.map { " (term \($0))" } ?? ""
        let end = endDate.map { " until \($0)" } ?? ""
        return "\(state.rawValue)\(term)\(end)"
    }
}

/// An agreement's life resolved from its facts and dated events.
///
/// Built by ``Agreement/lifecycle(events:)``, which sorts the events by date (same date:
/// signed, renewed, notice, terminated, cancelled; then input order) and checks that each
/// can happen given the ones before it:
///
/// - Every event but cancellation needs the agreement signed on or before its date, and the
///   agreement still in force: notice, renewal or termination dated on or after the end
///   (expiry, termination) is an `impossibleSequence` error.
/// - Notice for a tacit renewal received on or before the current term's notice deadline
///   ends the agreement at that term's end; received later, it renews once more and ends at
///   the following term's end. A later notice never moves the end.
/// - Only express-renewal agreements are renewed by an event, each renewal adding one
///   renewal term, and not after notice was given.
/// - An agreement never signed stays a draft for ever (unless cancelled).
/// - Termination takes effect on its date, on or after the start date; cancellation only
///   before the start date.
public struct AgreementLifecycle: Sendable, Hashable {
    /// Why an agreement ended.
    public enum EndReason: String, Sendable, Hashable, Codable {
        /// A term ended without renewal.
        case expired
        /// Terminated for convenience.
        case terminatedForConvenience
        /// Terminated for cause.
        case terminatedForCause
        /// Cancelled before it started.
        case cancelled
    }

    /// The agreement.
    public let agreement: Agreement
    /// The events in the order applied.
    public let events: [AgreementEvent]
    /// The date the agreement was signed, if it was.
    public let signedOn: LocalDate?
    /// The date notice was first given, if it was.
    public let noticeGivenOn: LocalDate?
    /// The first day the agreement is no longer in force; `nil` while it renews for ever.
    /// For a cancelled agreement, the cancellation date.
    public let endDate: LocalDate?
    /// Why the agreement ends, when ``endDate`` is set.
    public let endReason: EndReason?

    /// The last day of service plus one: ``endDate``, or the start date for a cancelled
    /// agreement (it never served a day).
    public var serviceEndDate: LocalDate? {
        endReason == .cancelled ? agreement.startDate : endDate
    }

    /// The agreement's state on `date`.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange` near year 9999.
    /// - Complexity: O(1).
    public func status(on date: LocalDate) throws(ContractError) -> AgreementStatus {
        if let endDate, date.ordinal >= endDate.ordinal {
            let state: AgreementStatus.State = endReason == .expired ? .expired : .terminated
            return AgreementStatus(state: state, termIndex: nil, endDate: endDate)
        }
        guard let signedOn, date.ordinal >= signedOn.ordinal,
            date.ordinal >= agreement.startDate.ordinal,
            let index = try agreement.termIndex(containing: date)
        else {
            return AgreementStatus(state: .draft, termIndex: nil, endDate: endDate)
        }
        let state: AgreementStatus.State
        if let noticeGivenOn, date.ordinal >= noticeGivenOn.ordinal {
            state = .inNoticePeriod
        } else {
            state = index == 0 ? .active : .renewed
        }
        return AgreementStatus(state: state, termIndex: index, endDate: endDate)
    }

    /// The early-termination fee for terminating on `date`, checked against what happened:
    /// the agreement must be in force on the day before `date` as its events tell.
    ///
    /// ``Agreement/earlyTerminationFee(terminatingOn:terms:)`` prices the projected
    /// timeline, in which an express agreement renews every term. This one refuses a date
    /// in a term that was never granted (an express renewal without its `renewed` event),
    /// after the agreement ended, or before it was signed and started, so a fee is never
    /// charged for a term the customer did not have.
    ///
    /// - Throws: ``ContractError`` `notInForce` (field `"date"`), or what
    ///   ``Agreement/earlyTerminationFee(terminatingOn:terms:)`` throws.
    public func earlyTerminationFee(terminatingOn date: LocalDate, terms: EarlyTerminationTerms)
        throws(ContractError) -> EarlyTerminationFee
    {
        guard date > agreement.startDate else {
            throw .beforeStart(date, start: agreement.startDate, field: "date")
        }
        let lastDay = try Agreement.date(date, addingDays: -1, field: "date")
        let state = try status(on: lastDay).state
        switch state {
        case .active, .renewed, .inNoticePeriod:
            return try agreement.earlyTerminationFee(terminatingOn: date, terms: terms)
        default:
            throw .notInForce(lastDay, state: state.rawValue, field: "date")
        }
    }

    /// The agreement's state at `instant`, taking the local date in the agreement's time
    /// zone.
    ///
    /// - Throws: ``ContractError`` `dateOutOfRange` for an instant outside years 1...9999.
    public func status(at instant: Date) throws(ContractError) -> AgreementStatus {
        let date: LocalDate
        do {
            date = try LocalDate(containing: instant, inTimeZone: agreement.timeZoneIdentifier)
        } catch {
            throw .dateOutOfRange("\(instant.timeIntervalSince1970) s", field: "instant")
        }
        return try status(on: date)
    }
}

extension Agreement {
    /// Resolves the agreement's life from dated events; see ``AgreementLifecycle``.
    ///
    /// - Throws: ``ContractError`` `impossibleSequence` naming the first event that cannot
    ///   happen (its index in the sorted order), `dateOutOfRange`.
    /// - Complexity: O(*e* log *e*) for *e* events.
    public func lifecycle(events: [AgreementEvent]) throws(ContractError) -> AgreementLifecycle {
        // Events usually arrive in order; then they are used as given, with no copy.
        let inOrder = zip(events, events.dropFirst()).allSatisfy {
            ($0.date.ordinal, $0.rank) <= ($1.date.ordinal, $1.rank)
        }
        let sorted =
            inOrder
            ? events
            : events.enumerated().sorted {
                ($0.element.date, $0.element.rank, $0.offset)
                    < ($1.element.date, $1.element.rank, $1.offset)
            }.map(\.element)
        var signedOn: LocalDate?
        var noticeGivenOn: LocalDate?
        var endMonth = renewal.kind == .tacit ? nil : initialTermMonths as Int?
        var endDate: LocalDate? = nil
        var endReason: AgreementLifecycle.EndReason? = nil
        func resolvedEnd() throws(ContractError) -> LocalDate? {
            if let endDate { return endDate }
            guard let endMonth else { return nil }
            return try date(monthsAfterStart: endMonth, field: "endDate")
        }
        for (index, event) in sorted.enumerated() {
            func fail(_ reason: String) -> ContractError {
                .impossibleSequence(index: index, event: event, reason: reason)
            }
            if let end = try resolvedEnd(), event.date.ordinal >= end.ordinal {
                let how =
                    endReason.map { "the agreement ended (\($0.rawValue))" }
                    ?? "the agreement expired"
                throw fail("\(how) on \(end)")
            }
            if case .signed = event.kind {
            } else if case .cancelled = event.kind {
            } else {
                guard let signed = signedOn, signed <= event.date else {
                    throw fail("the agreement is not signed by then")
                }
            }
            switch event.kind {
            case .signed:
                guard signedOn == nil else { throw fail("the agreement is already signed") }
                signedOn = event.date
            case .noticeGiven:
                if noticeGivenOn != nil { continue }
                noticeGivenOn = event.date
                if renewal.kind == .tacit {
                    let term = try self.term(containing: max(event.date, startDate))
                    guard let term, let deadline = term.noticeDeadline else {
                        throw fail("no term contains its date")
                    }
                    endMonth =
                        event.date <= deadline ? term.endMonth : term.endMonth + renewalMonths
                }
            case .renewed:
                guard renewal.kind == .express else {
                    throw fail("only express-renewal agreements are renewed by an event")
                }
                guard noticeGivenOn == nil else { throw fail("notice was already given") }
                endMonth = (endMonth ?? initialTermMonths) + renewalMonths
            case .terminated(let reason):
                guard event.date >= startDate else {
                    throw fail("it precedes the start date \(startDate); cancel instead")
                }
                endDate = event.date
                endReason = reason == .cause ? .terminatedForCause : .terminatedForConvenience
            case .cancelled:
                guard event.date < startDate else {
                    throw fail("the agreement started on \(startDate); terminate instead")
                }
                endDate = event.date
                endReason = .cancelled
            }
        }
        // An agreement never signed (and not cancelled) stays a draft: it has no end.
        let end = signedOn == nil && endReason != .cancelled ? nil : try resolvedEnd()
        if endReason == nil, end != nil { endReason = .expired }
        return AgreementLifecycle(
            agreement: self, events: sorted, signedOn: signedOn, noticeGivenOn: noticeGivenOn,
            endDate: end, endReason: endReason)
    }
}
