import Foundation
import MSPKit

/// A monitored service's availability day by day over a period, measured with the
/// service level's own objective (maintenance excluded, as in the close) on each local day
/// of the objective's time zone.
package struct DailyAvailability: Sendable {
    /// One day's measure.
    package struct Day: Sendable {
        /// The local day.
        package var date: LocalDate
        /// The exact availability in percent (strict: unknown time counts as down), e.g.
        /// `99.5` for 99.5%.
        package var availability: Rational
    }

    /// The service.
    package var service: ServiceID
    /// The service's name.
    package var name: String
    /// The days of the period in order.
    package var days: [Day]

    /// Measures `service` on each local day of `period`.
    ///
    /// - Throws: `MonitoringError` or `SLAError` from the library, `PeriodError` for a
    ///   time zone the system does not know.
    package init(
        service: MonitoredService, objective: AvailabilityObjective, period: DateRange
    ) throws {
        self.service = service.id
        self.name = service.name
        let outages =
            service.timeline?.outages(in: period, cause: service.name) ?? service.outages
        // Maintenance windows once for the period (a weekly window compiles a calendar),
        // then each day takes the windows and outages that overlap it.
        let windows = try service.maintenance.windows(in: period)
        var days: [Day] = []
        var date = try LocalDate(containing: period.start, inTimeZone: objective.timeZone)
        var start = max(try date.firstInstant(inTimeZone: objective.timeZone), period.start)
        while start < period.end {
            let next = try date.adding(days: 1)
            let end = min(try next.firstInstant(inTimeZone: objective.timeZone), period.end)
            if end > start {
                let range = try DateRange(start: start, end: end)
                let overlapping = outages.filter { $0.range.end > start && $0.range.start < end }
                let maintenance = windows.filter { $0.end > start && $0.start < end }
                let report = try objective.measure(
                    period: range, outages: overlapping, maintenance: maintenance)
                days.append(Day(date: date, availability: report.strictAvailability))
            }
            date = next
            start = end
        }
        self.days = days
    }
}
