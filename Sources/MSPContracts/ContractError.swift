import MSPCore

/// An error from agreements, their timelines, lifecycles, amendments, fees and escalation.
///
/// A struct with a ``code-swift.property`` rather than an enum, so that new codes do not
/// break a caller's `switch`; every error names the ``field`` and the offending ``value``.
public struct ContractError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// A number (a term, a notice period, a percentage, a count) outside its range.
        public static let outOfRange = Code(rawValue: "outOfRange")
        /// A tacit (automatic) or express renewal without a renewal term.
        public static let missingRenewalTerm = Code(rawValue: "missingRenewalTerm")
        /// A renewal term given to an agreement that does not renew.
        public static let unexpectedRenewalTerm = Code(rawValue: "unexpectedRenewalTerm")
        /// A notice period at least as long as the term it must be given in.
        public static let noticeLongerThanTerm = Code(rawValue: "noticeLongerThanTerm")
        /// A minimum term longer than the initial term.
        public static let minimumTermLongerThanTerm = Code(rawValue: "minimumTermLongerThanTerm")
        /// A time-zone identifier the system does not know.
        public static let unknownTimeZone = Code(rawValue: "unknownTimeZone")
        /// A dated assignment or amendment effective before the agreement starts.
        public static let beforeStart = Code(rawValue: "beforeStart")
        /// Dated assignments that are empty, out of order, or do not begin on the start date.
        public static let invalidAssignments = Code(rawValue: "invalidAssignments")
        /// A successor agreement that starts before its predecessor ends.
        public static let overlappingSuccessor = Code(rawValue: "overlappingSuccessor")
        /// An event that cannot happen in the agreement's state at its date, such as notice
        /// after expiry or the renewal of a terminated agreement.
        public static let impossibleSequence = Code(rawValue: "impossibleSequence")
        /// A date or a computation that falls outside years 1...9999.
        public static let dateOutOfRange = Code(rawValue: "dateOutOfRange")
        /// Money arithmetic that overflowed or mixed currencies.
        public static let money = Code(rawValue: "money")
        /// An index table without a value for a month the escalation needs.
        public static let missingIndexValue = Code(rawValue: "missingIndexValue")
        /// A fee or escalation schedule that is empty or out of order.
        public static let invalidSchedule = Code(rawValue: "invalidSchedule")
        /// A date range whose end precedes its start.
        public static let invalidRange = Code(rawValue: "invalidRange")
        /// A work type listed in two coverage sets (included, excluded, no charge).
        public static let conflictingCoverage = Code(rawValue: "conflictingCoverage")
        /// A coverage rate override that names nothing, repeats, or is negative.
        public static let invalidCoverage = Code(rawValue: "invalidCoverage")
        /// A billable time entry that no override or price-list rate prices.
        public static let unknownRate = Code(rawValue: "unknownRate")
        /// A prepaid ledger input that is inconsistent (kind, threshold, duplicate, billing).
        public static let invalidLedger = Code(rawValue: "invalidLedger")
        /// A date on which the agreement, as its events tell, is not in force (not yet
        /// signed or started, expired, terminated or cancelled).
        public static let notInForce = Code(rawValue: "notInForce")
    }

    /// The kind of failure.
    public var code: Code
    /// The input the error is about, such as `"noticePeriod"` or `"events[2]"`.
    public var field: String
    /// The offending value as text.
    public var value: String
    /// A sentence for people.
    public var message: String

    /// Creates an error. Prefer the static factories, which fill in a consistent message.
    public init(code: Code, field: String, value: String, message: String) {
        self.code = code
        self.field = field
        self.value = value
        self.message = message
    }
}

extension ContractError {
    /// A number outside its allowed range.
    public static func outOfRange(_ value: Int, field: String, allowed: ClosedRange<Int>)
        -> ContractError
    {
        ContractError(
            code: .outOfRange, field: field, value: String(value),
            message:
                "\(field) \(value) is outside \(allowed.lowerBound)...\(allowed.upperBound)")
    }

    /// A renewing agreement (tacit or express) without a renewal term.
    public static func missingRenewalTerm(kind: RenewalPolicy.Kind) -> ContractError {
        ContractError(
            code: .missingRenewalTerm, field: "renewal.termMonths", value: "nil",
            message: "a \(kind.rawValue) renewal needs a renewal term in months")
    }

    /// A renewal term given to an agreement that does not renew.
    public static func unexpectedRenewalTerm(_ months: Int) -> ContractError {
        ContractError(
            code: .unexpectedRenewalTerm, field: "renewal.termMonths", value: String(months),
            message: "an agreement that does not renew has no renewal term (got \(months))")
    }

    /// A notice period that does not fit inside the term it must be given in.
    public static func noticeLongerThanTerm(
        notice: NoticePeriod, termMonths: Int, field: String
    ) -> ContractError {
        ContractError(
            code: .noticeLongerThanTerm, field: "noticePeriod", value: notice.description,
            message:
                "notice period \(notice) is not shorter than the \(field) of \(termMonths) months"
        )
    }

    /// A minimum term longer than the initial term.
    public static func minimumTermLongerThanTerm(minimum: Int, initial: Int) -> ContractError {
        ContractError(
            code: .minimumTermLongerThanTerm, field: "minimumTermMonths", value: String(minimum),
            message: "minimum term \(minimum) months exceeds the initial term of \(initial) months")
    }

    /// An unknown IANA time-zone identifier.
    public static func unknownTimeZone(_ identifier: String) -> ContractError {
        ContractError(
            code: .unknownTimeZone, field: "timeZone", value: identifier,
            message: "time zone \"\(identifier)\" is not a known IANA identifier")
    }

    /// Something dated `date` that takes effect before the agreement's start date.
    public static func beforeStart(_ date: LocalDate, start: LocalDate, field: String)
        -> ContractError
    {
        ContractError(
            code: .beforeStart, field: field, value: date.description,
            message: "\(field) is effective \(date), before the agreement starts on \(start)")
    }

    /// Dated assignments that break the rules of ``DatedAssignments``.
    public static func invalidAssignments(field: String, value: String, reason: String)
        -> ContractError
    {
        ContractError(
            code: .invalidAssignments, field: field, value: value,
            message: "\(field): \(reason)")
    }

    /// A successor that starts before its predecessor's end.
    public static func overlappingSuccessor(
        successorStart: LocalDate, predecessorEnd: LocalDate?
    ) -> ContractError {
        let end = predecessorEnd.map { "ends on \($0)" } ?? "has no end"
        return ContractError(
            code: .overlappingSuccessor, field: "successor.startDate",
            value: successorStart.description,
            message: "successor starts \(successorStart) but its predecessor \(end)")
    }

    /// The agreement is not in force on `date`, in state `state`.
    public static func notInForce(_ date: LocalDate, state: String, field: String) -> ContractError
    {
        ContractError(
            code: .notInForce, field: field, value: date.description,
            message: "the agreement is not in force on \(date) (\(state))")
    }

    /// An event that cannot happen at its date given the events before it.
    public static func impossibleSequence(index: Int, event: AgreementEvent, reason: String)
        -> ContractError
    {
        ContractError(
            code: .impossibleSequence, field: "events[\(index)]", value: event.description,
            message: "\(event) is impossible: \(reason)")
    }

    /// A date computation that left years 1...9999.
    public static func dateOutOfRange(_ value: String, field: String) -> ContractError {
        ContractError(
            code: .dateOutOfRange, field: field, value: value,
            message: "\(field) \(value) falls outside the supported years 1...9999")
    }

    /// Wraps a money failure (overflow, currency mismatch, rounding) with the field it hit.
    public static func money(_ error: MoneyError, field: String) -> ContractError {
        ContractError(
            code: .money, field: field, value: error.value,
            message: "\(field): \(error.message)")
    }

    /// An index series without a value for `month`.
    public static func missingIndexValue(series: String, month: IndexMonth) -> ContractError {
        ContractError(
            code: .missingIndexValue, field: "index.\(series)", value: month.description,
            message: "index series \"\(series)\" has no value for \(month)")
    }

    /// A schedule that is empty or out of order.
    public static func invalidSchedule(field: String, value: String, reason: String)
        -> ContractError
    {
        ContractError(
            code: .invalidSchedule, field: field, value: value, message: "\(field): \(reason)")
    }

    /// A range `from...to` whose end precedes its start.
    public static func invalidRange(from: LocalDate, to: LocalDate) -> ContractError {
        ContractError(
            code: .invalidRange, field: "to", value: to.description,
            message: "range end \(to) is before its start \(from)")
    }

    /// A work type in two coverage sets.
    public static func conflictingCoverage(_ workType: String, first: String, second: String)
        -> ContractError
    {
        ContractError(
            code: .conflictingCoverage, field: "\(first)/\(second)", value: workType,
            message: "work type \"\(workType)\" is in both \(first) and \(second)")
    }

    /// A coverage override that breaks a rule of ``Coverage``.
    public static func invalidCoverage(field: String, value: String, reason: String)
        -> ContractError
    {
        ContractError(
            code: .invalidCoverage, field: field, value: value, message: "\(field) \(reason)")
    }

    /// A billable entry without a rate.
    public static func unknownRate(role: String, workType: String, entry: String)
        -> ContractError
    {
        ContractError(
            code: .unknownRate, field: "entries[\(entry)]", value: "\(role)/\(workType)",
            message: "no rate override or price-list rate for \(role)/\(workType) (entry \(entry))")
    }

    /// A prepaid-ledger input that breaks a rule of ``PrepaidLedger``.
    public static func invalidLedger(field: String, value: String, reason: String)
        -> ContractError
    {
        ContractError(
            code: .invalidLedger, field: field, value: value, message: "\(field): \(reason)")
    }
}

extension ContractError: MSPError {}
