import Foundation
import MSPCore

/// Why a span of a target's cycle was counted or skipped.
public enum SLASpanReason: Sendable, Hashable {
    /// Counted: the calendar was open and the clock running.
    case counted(calendar: String)
    /// Skipped: the calendar was closed; `holidays` lists the calendar's holidays that fall
    /// in the span (empty for ordinary closed hours).
    case closed(calendar: String, holidays: [LocalDate])
    /// Skipped: the clock was paused by a status.
    case paused(by: TicketStatus)
    /// Skipped: the clock was stopped (the ticket was resolved) until a reopen resumed the
    /// same cycle (``SLAPolicy/ReopenRule/resume``).
    case stopped
}

/// One span of an explanation.
public struct SLASpan: Sendable, Hashable, CustomStringConvertible {
    /// The instants, half-open.
    public let range: DateRange
    /// Why they were counted or skipped.
    public let reason: SLASpanReason

    /// Creates a span.
    public init(range: DateRange, reason: SLASpanReason) {
        self.range = range
        self.reason = reason
    }

    /// `[…, …) counted on office`.
    public var description: String {
        switch reason {
        case .counted(let calendar): "\(range) counted on \(calendar)"
        case .closed(let calendar, let holidays) where holidays.isEmpty:
            "\(range) skipped: \(calendar) closed"
        case .closed(let calendar, let holidays):
            "\(range) skipped: \(calendar) holiday "
                + holidays.map(\.description).joined(separator: ", ")
        case .paused(let status): "\(range) skipped: paused by \(status)"
        case .stopped: "\(range) skipped: stopped until reopened"
        }
    }
}

/// The spans of one target's current cycle up to the evaluation instant, counted and
/// skipped, with reasons. Their counted spans add up to the evaluation's `elapsed`. The
/// spans are contiguous from the cycle's start: time while the clock was stopped between a
/// resolve and a reopen that resumed the cycle is listed as ``SLASpanReason/stopped``. A
/// stopped clock's explanation ends where it stopped.
public struct SLAExplanation: Sendable, Hashable {
    /// The target kind.
    public let kind: SLATargetKind
    /// The spans in time order; adjacent spans with the same reason are merged.
    public let spans: [SLASpan]

    /// The business time counted: the sum of the counted spans.
    public var counted: Duration {
        spans.reduce(.zero) { total, span in
            if case .counted = span.reason { return total + span.range.duration }
            return total
        }
    }
}

/// Records every span a replay counts or pauses.
struct RecordingSink: ClockSink {
    var records: [(kind: Int, from: Int64, to: Int64, calendar: Int, status: Int32?)] = []

    mutating func counted(kind: Int, from: Int64, to: Int64, calendar: Int) {
        records.append((kind, from, to, calendar, nil))
    }

    mutating func paused(kind: Int, from: Int64, to: Int64, status: Int32) {
        records.append((kind, from, to, 0, status))
    }
}

extension SLAEngine {
    /// Explains each target of a ticket at `asOf`: the spans of its current cycle that were
    /// counted, and those skipped because the calendar was closed (naming holidays) or a
    /// status paused the clock.
    ///
    /// Worked example (Mon-Fri 09:00-17:00 New York, 4 h resolution): created Friday
    /// 2026-03-06 16:30 EST, asOf Monday 2026-03-09 10:00 EDT gives three spans: Friday
    /// 16:30-17:00 counted, Friday 17:00 to Monday 09:00 skipped (closed), Monday
    /// 09:00-10:00 counted: 1 h 30 in all.
    ///
    /// - Throws: ``SLAError`` as ``evaluate(_:asOf:)``.
    public func explain(_ events: [TicketEvent], asOf: Date) throws(SLAError) -> [SLAExplanation] {
        let packed = try pack(events)
        let time = try SLAEngine.milliseconds(asOf, field: "asOf")
        var sink = RecordingSink()
        let outcome = try replay(packed, asOf: time, sink: &sink)
        var result: [SLAExplanation] = []
        for kind in SLATargetKind.allCases {
            let clock = outcome.clocks[kind.index]
            guard clock.phase != 0 else { continue }
            var spans: [SLASpan] = []
            for record in sink.records where record.kind == kind.index {
                guard record.from >= clock.cycleStart else { continue }
                if let last = spans.last, last.range.endMilliseconds < record.from {
                    append(&spans, last.range.endMilliseconds, record.from, .stopped)
                }
                if let status = record.status {
                    let name =
                        Int(status) < pausingStatuses.count
                        ? pausingStatuses[Int(status)] : TicketStatus.open
                    append(
                        &spans, record.from, record.to, .paused(by: name))
                } else {
                    try explainCounted(
                        &spans, from: record.from, to: record.to, calendar: record.calendar)
                }
            }
            result.append(SLAExplanation(kind: kind, spans: spans))
        }
        return result
    }

    /// Splits a running span into open (counted) and closed parts.
    private func explainCounted(
        _ spans: inout [SLASpan], from: Int64, to: Int64, calendar index: Int
    ) throws(SLAError) {
        let calendar = compiledCalendars[index]
        let name = calendarNames[index]
        let open: [DateRange]
        do {
            open = try calendar.openIntervals(from: SLAEngine.date(from), to: SLAEngine.date(to))
        } catch { throw .calendar(error) }
        var cursor = from
        for range in open {
            if range.startMilliseconds > cursor {
                append(
                    &spans, cursor, range.startMilliseconds,
                    closedReason(calendar, name, cursor, range.startMilliseconds))
            }
            append(&spans, range.startMilliseconds, range.endMilliseconds, .counted(calendar: name))
            cursor = range.endMilliseconds
        }
        if cursor < to { append(&spans, cursor, to, closedReason(calendar, name, cursor, to)) }
    }

    /// `closed`, naming the holidays whose local day overlaps `[from, to)`.
    private func closedReason(
        _ calendar: BusinessCalendar.Compiled, _ name: String, _ from: Int64, _ to: Int64
    ) -> SLASpanReason {
        let zone = calendar.calendar.timeZoneIdentifier
        var holidays: [LocalDate] = []
        for holiday in calendar.calendar.holidays {
            guard let start = try? holiday.date.firstInstant(inTimeZone: zone),
                let next = try? holiday.date.adding(days: 1),
                let end = try? next.firstInstant(inTimeZone: zone)
            else { continue }
            if start < SLAEngine.date(to), end > SLAEngine.date(from),
                holidays.last != holiday.date
            {
                holidays.append(holiday.date)
            }
        }
        return .closed(calendar: name, holidays: holidays)
    }

    /// Appends a span, merging it into the previous one when they touch with one reason.
    private func append(
        _ spans: inout [SLASpan], _ from: Int64, _ to: Int64, _ reason: SLASpanReason
    ) {
        guard from < to else { return }
        if let last = spans.last, last.reason == reason, last.range.endMilliseconds == from,
            let merged = try? DateRange(
                startMilliseconds: last.range.startMilliseconds, endMilliseconds: to)
        {
            spans[spans.count - 1] = SLASpan(range: merged, reason: reason)
            return
        }
        guard let range = try? DateRange(startMilliseconds: from, endMilliseconds: to) else {
            return
        }
        spans.append(SLASpan(range: range, reason: reason))
    }
}
