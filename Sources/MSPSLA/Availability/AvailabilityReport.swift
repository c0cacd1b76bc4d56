import Foundation
import MSPCore

/// Which availability figure a credit schedule reads.
public enum AvailabilityFigure: String, Sendable, Hashable, Codable, CaseIterable {
    /// Unknown time counts as down: ``AvailabilityReport/strictAvailability``.
    case strict
    /// Unknown time is left out: ``AvailabilityReport/availabilityExcludingUnknown``.
    case excludingUnknown
}

/// The availability of one period, with its evidence.
///
/// All durations are exact milliseconds; the figures are exact `Rational` percentages in
/// `0...100`.
public struct AvailabilityReport: Sendable, Hashable {
    /// The objective measured against.
    public let objective: Percentage
    /// The period measured.
    public let period: DateRange
    /// The period's length less maintenance: the time that counts.
    public let measuredTime: Duration
    /// Maintenance inside the period, merged.
    public let maintenanceTime: Duration
    /// Downtime inside the period, merged, maintenance removed.
    public let downtime: Duration
    /// Unknown time inside the period that is neither downtime nor maintenance.
    public let unknownTime: Duration
    /// `100 × (measured − down − unknown) / measured`; 100 when nothing is measured.
    public let strictAvailability: Rational
    /// `100 × (measured − unknown − down) / (measured − unknown)`; 100 when nothing is left.
    public let availabilityExcludingUnknown: Rational
    /// The downtime the objective allows, in milliseconds, exact: `measured × (100 −
    /// objective) / 100`. 99.9% of a 31-day month is 2,678,400 ms (44.64 minutes).
    public let allowedDowntimeMilliseconds: Rational
    /// Whether the strict figure reaches the objective.
    public let meetsObjective: Bool
    /// The merged downtime intervals counted: the evidence.
    ///
    /// - Complexity: O(*k*) for *k* intervals; built on each access.
    public var downtimeIntervals: [DateRange] { AvailabilityReport.ranges(downtimeMilliseconds) }
    /// The merged unknown intervals counted.
    ///
    /// - Complexity: O(*k*) for *k* intervals; built on each access.
    public var unknownIntervals: [DateRange] { AvailabilityReport.ranges(unknownMilliseconds) }
    /// The merged downtime intervals, kept as plain values.
    let downtimeMilliseconds: [MillisecondInterval]
    /// The merged unknown intervals, kept as plain values.
    let unknownMilliseconds: [MillisecondInterval]
    /// How many of the given outages touched the period.
    public let outagesCounted: Int

    /// The figure `figure` names.
    public func availability(_ figure: AvailabilityFigure) -> Rational {
        figure == .strict ? strictAvailability : availabilityExcludingUnknown
    }

    init(
        objective: Percentage, period: DateRange, maintenance: Int64,
        downtime: [MillisecondInterval], unknown: [MillisecondInterval], outagesCounted: Int
    ) throws(SLAError) {
        let length = period.endMilliseconds - period.startMilliseconds
        let measured = length - maintenance
        let down = MillisecondInterval.total(downtime)
        let unknownTotal = MillisecondInterval.total(unknown)
        do {
            let hundred = Rational(100)
            self.strictAvailability =
                measured == 0
                ? hundred : try hundred * (try Rational(measured - down - unknownTotal, measured))
            let known = measured - unknownTotal
            self.availabilityExcludingUnknown =
                known == 0 ? hundred : try hundred * (try Rational(known - down, known))
            self.allowedDowntimeMilliseconds =
                try Rational(measured) * (try Rational.one - objective.fraction)
        } catch { throw .arithmetic(error) }
        self.objective = objective
        self.period = period
        self.measuredTime = .milliseconds(measured)
        self.maintenanceTime = .milliseconds(maintenance)
        self.downtime = .milliseconds(down)
        self.unknownTime = .milliseconds(unknownTotal)
        self.meetsObjective = !(strictAvailability < objective.percent)
        self.downtimeMilliseconds = downtime
        self.unknownMilliseconds = unknown
        self.outagesCounted = outagesCounted
    }

    /// Intervals already clipped to a valid period as `DateRange`s.
    private static func ranges(_ intervals: [MillisecondInterval]) -> [DateRange] {
        intervals.compactMap {
            try? DateRange(startMilliseconds: $0.start, endMilliseconds: $0.end)
        }
    }
}
