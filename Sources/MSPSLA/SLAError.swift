import Foundation
import MSPCore

/// An error from SLA policies, ticket timelines, availability objectives and credit
/// schedules.
///
/// A struct with a ``code-swift.property`` rather than an enum, so that new codes do not
/// break a caller's `switch`; every error names the ``field`` and the offending ``value``.
public struct SLAError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// A priority the policy has no targets for.
        public static let unknownPriority = Code(rawValue: "unknownPriority")
        /// A target duration below zero.
        public static let negativeTarget = Code(rawValue: "negativeTarget")
        /// A target duration over 100 years.
        public static let targetTooLong = Code(rawValue: "targetTooLong")
        /// A warning threshold outside `(0, 1]`.
        public static let invalidThreshold = Code(rawValue: "invalidThreshold")
        /// A target naming a calendar that was not supplied.
        public static let unknownCalendar = Code(rawValue: "unknownCalendar")
        /// Two targets of the same kind for one priority.
        public static let duplicateTarget = Code(rawValue: "duplicateTarget")
        /// A policy without any priority.
        public static let emptyPolicy = Code(rawValue: "emptyPolicy")
        /// A timeline without a `created` event.
        public static let missingCreation = Code(rawValue: "missingCreation")
        /// A timeline with more than one `created` event.
        public static let duplicateCreation = Code(rawValue: "duplicateCreation")
        /// An event before the ticket's creation.
        public static let eventBeforeCreation = Code(rawValue: "eventBeforeCreation")
        /// An event that cannot happen in the ticket's state (a reopen of an open ticket,
        /// a resolve of a resolved one).
        public static let invalidTransition = Code(rawValue: "invalidTransition")
        /// An evaluation instant before the ticket's creation.
        public static let asOfBeforeCreation = Code(rawValue: "asOfBeforeCreation")
        /// An instant that is not representable (not finite, or outside years 1...9999).
        public static let invalidInstant = Code(rawValue: "invalidInstant")
        /// A business-calendar query that failed, typically outside the compiled horizon.
        public static let calendar = Code(rawValue: "calendar")
        /// No policy version is in effect at the ticket's creation.
        public static let noPolicyInEffect = Code(rawValue: "noPolicyInEffect")
        /// Two policy (or calendar) versions with the same effective instant.
        public static let duplicateVersion = Code(rawValue: "duplicateVersion")
        /// No calendar version is in effect at the ticket's creation.
        public static let noCalendarsInEffect = Code(rawValue: "noCalendarsInEffect")
        /// An availability objective outside `(0, 100]`.
        public static let invalidObjective = Code(rawValue: "invalidObjective")
        /// A range whose end is before its start (an outage, a maintenance window).
        public static let endBeforeStart = Code(rawValue: "endBeforeStart")
        /// A credit band whose bounds are reversed, empty or outside 0...100.
        public static let invalidBand = Code(rawValue: "invalidBand")
        /// Two credit bands that share availability values.
        public static let overlappingBands = Code(rawValue: "overlappingBands")
        /// Availability values between two bands, or below the lowest, that no band covers.
        public static let gapInBands = Code(rawValue: "gapInBands")
        /// A credit percentage outside 0...100.
        public static let invalidCredit = Code(rawValue: "invalidCredit")
        /// Exact arithmetic that overflowed or failed.
        public static let arithmetic = Code(rawValue: "arithmetic")
        /// An invalid calendar month.
        public static let invalidPeriod = Code(rawValue: "invalidPeriod")
    }

    /// The kind of failure.
    public var code: Code
    /// The input the error is about, such as `"priority"` or `"warningThresholds"`.
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

extension SLAError {
    /// A priority the policy does not define.
    public static func unknownPriority(_ priority: TicketPriority) -> SLAError {
        SLAError(
            code: .unknownPriority, field: "priority", value: priority.rawValue,
            message: "priority \"\(priority.rawValue)\" has no targets in the policy")
    }

    /// A negative target duration.
    public static func negativeTarget(_ duration: Duration, kind: SLATargetKind) -> SLAError {
        SLAError(
            code: .negativeTarget, field: "target", value: String(describing: duration),
            message: "the \(kind.rawValue) target \(duration) is negative")
    }

    /// A warning threshold outside `(0, 1]`.
    public static func invalidThreshold(_ threshold: Rational) -> SLAError {
        SLAError(
            code: .invalidThreshold, field: "warningThresholds", value: threshold.description,
            message: "warning threshold \(threshold) is outside (0, 1]")
    }

    /// A calendar name that was not supplied.
    public static func unknownCalendar(_ name: String) -> SLAError {
        SLAError(
            code: .unknownCalendar, field: "calendar", value: name,
            message: "calendar \"\(name)\" was not supplied")
    }

    /// Two targets of one kind for one priority.
    public static func duplicateTarget(_ kind: SLATargetKind, priority: TicketPriority)
        -> SLAError
    {
        SLAError(
            code: .duplicateTarget, field: "targets", value: kind.rawValue,
            message: "priority \"\(priority.rawValue)\" has two \(kind.rawValue) targets")
    }

    /// A policy without priorities.
    public static func emptyPolicy() -> SLAError {
        SLAError(
            code: .emptyPolicy, field: "targets", value: "[]",
            message: "a policy needs targets for at least one priority")
    }

    /// A timeline without a `created` event.
    public static func missingCreation() -> SLAError {
        SLAError(
            code: .missingCreation, field: "events", value: "no created event",
            message: "the ticket's events have no created event")
    }

    /// A second `created` event.
    public static func duplicateCreation(_ instant: Date) -> SLAError {
        SLAError(
            code: .duplicateCreation, field: "events", value: SLAError.text(instant),
            message: "a second created event at \(SLAError.text(instant))")
    }

    /// An event before creation.
    public static func eventBeforeCreation(_ kind: String, at instant: Date, created: Date)
        -> SLAError
    {
        SLAError(
            code: .eventBeforeCreation, field: "events", value: SLAError.text(instant),
            message:
                "\(kind) at \(SLAError.text(instant)) is before creation at "
                + SLAError.text(created))
    }

    /// An event that the ticket's state does not allow.
    public static func invalidTransition(_ kind: String, at instant: Date, state: String)
        -> SLAError
    {
        SLAError(
            code: .invalidTransition, field: "events", value: SLAError.text(instant),
            message: "\(kind) at \(SLAError.text(instant)) while the ticket is \(state)")
    }

    /// An evaluation instant before creation.
    public static func asOfBeforeCreation(_ asOf: Date, created: Date) -> SLAError {
        SLAError(
            code: .asOfBeforeCreation, field: "asOf", value: SLAError.text(asOf),
            message: "asOf \(SLAError.text(asOf)) is before creation at \(SLAError.text(created))")
    }

    /// A non-representable instant.
    public static func invalidInstant(_ instant: Date, field: String) -> SLAError {
        SLAError(
            code: .invalidInstant, field: field,
            value: String(describing: instant.timeIntervalSince1970),
            message: "\(field) \(instant.timeIntervalSince1970) s is not an instant in 1...9999")
    }

    /// A failed calendar query.
    public static func calendar(_ error: CalendarError) -> SLAError {
        SLAError(
            code: .calendar, field: error.field, value: error.value,
            message: "calendar: \(error.message)")
    }

    /// No policy version at the ticket's creation.
    public static func noPolicyInEffect(_ created: Date) -> SLAError {
        SLAError(
            code: .noPolicyInEffect, field: "versions", value: SLAError.text(created),
            message: "no policy version is in effect at \(SLAError.text(created))")
    }

    /// Two versions of `subject` (`"policy"`, `"calendar"`) effective at the same instant.
    public static func duplicateVersion(_ instant: Date, of subject: String = "policy")
        -> SLAError
    {
        SLAError(
            code: .duplicateVersion, field: "versions", value: SLAError.text(instant),
            message: "two \(subject) versions take effect at \(SLAError.text(instant))")
    }

    /// No calendar version at the ticket's creation.
    public static func noCalendarsInEffect(_ created: Date) -> SLAError {
        SLAError(
            code: .noCalendarsInEffect, field: "versions", value: SLAError.text(created),
            message: "no calendar version is in effect at \(SLAError.text(created))")
    }

    /// An objective outside `(0, 100]`.
    public static func invalidObjective(_ objective: Percentage) -> SLAError {
        SLAError(
            code: .invalidObjective, field: "objective", value: objective.description,
            message: "availability objective \(objective) is outside (0%, 100%]")
    }

    /// A range ending before it starts.
    public static func endBeforeStart(start: Int64, end: Int64, field: String) -> SLAError {
        SLAError(
            code: .endBeforeStart, field: field, value: SLAError.text(milliseconds: end),
            message:
                "\(field) ends at \(SLAError.text(milliseconds: end)) before it starts at "
                + SLAError.text(milliseconds: start))
    }

    /// A malformed band.
    public static func invalidBand(_ band: String, reason: String) -> SLAError {
        SLAError(
            code: .invalidBand, field: "bands", value: band,
            message: "credit band \(band) \(reason)")
    }

    /// Two bands that overlap.
    public static func overlappingBands(_ lower: String, _ upper: String) -> SLAError {
        SLAError(
            code: .overlappingBands, field: "bands", value: upper,
            message: "credit bands \(lower) and \(upper) overlap")
    }

    /// Values no band covers.
    public static func gapInBands(below band: String, gap: String) -> SLAError {
        SLAError(
            code: .gapInBands, field: "bands", value: gap,
            message: "no credit band covers \(gap) below band \(band)")
    }

    /// A credit percentage outside 0...100.
    public static func invalidCredit(_ credit: Percentage, field: String) -> SLAError {
        SLAError(
            code: .invalidCredit, field: field, value: credit.description,
            message: "credit \(credit) is outside 0%...100%")
    }

    /// Failed exact arithmetic.
    public static func arithmetic(_ error: MoneyError) -> SLAError {
        SLAError(
            code: .arithmetic, field: error.field, value: error.value,
            message: "arithmetic: \(error.message)")
    }

    /// An invalid month.
    public static func invalidPeriod(_ error: PeriodError) -> SLAError {
        SLAError(
            code: .invalidPeriod, field: error.field, value: error.value,
            message: "period: \(error.message)")
    }

    /// `instant` as ISO 8601 UTC with milliseconds.
    static func text(_ instant: Date) -> String {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return String(describing: seconds) }
        return text(milliseconds: Int64((seconds * 1000).rounded(.toNearestOrEven)))
    }

    /// `milliseconds` since the epoch as ISO 8601 UTC, via `DateRange`'s writer.
    static func text(milliseconds: Int64) -> String {
        guard
            let range = try? DateRange(
                startMilliseconds: milliseconds, endMilliseconds: milliseconds)
        else { return "\(milliseconds) ms" }
        // DateRange describes itself as `[start, end)`; take the start.
        let description = range.description
        guard let comma = description.firstIndex(of: ",") else { return description }
        return String(description[description.index(after: description.startIndex)..<comma])
    }
}

extension SLAError: MSPError {}
