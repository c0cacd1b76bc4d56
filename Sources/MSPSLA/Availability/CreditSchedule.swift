import Foundation
import MSPCore

/// A band of achieved availability and the service credit it earns.
///
/// Bounds are explicit about inclusion: `< 99.9% and ≥ 99.0%` is
/// `CreditBand(lower: .inclusive(99.0), upper: .exclusive(99.9), credit: 10%)`. A missing
/// lower bound means from 0% inclusive; a missing upper bound means up to 100% inclusive.
///
/// JSON: `{"lower": {"value": "99", "inclusive": true}, "upper": {"value": "99.9",
/// "inclusive": false}, "credit": "10%"}`.
public struct CreditBand: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One end of a band.
    public struct Bound: Sendable, Hashable, Codable {
        /// The availability percentage at the bound.
        public let value: Percentage
        /// Whether the bound itself belongs to the band.
        public let inclusive: Bool

        /// Creates a bound.
        public init(value: Percentage, inclusive: Bool) {
            self.value = value
            self.inclusive = inclusive
        }

        /// A bound that belongs to the band.
        public static func inclusive(_ value: Percentage) -> Bound {
            Bound(value: value, inclusive: true)
        }

        /// A bound that does not belong to the band.
        public static func exclusive(_ value: Percentage) -> Bound {
            Bound(value: value, inclusive: false)
        }
    }

    /// The lower bound; `nil` is 0% inclusive.
    public let lower: Bound?
    /// The upper bound; `nil` is 100% inclusive.
    public let upper: Bound?
    /// The credit, as a percentage of the fee, in `0...100`.
    public let credit: Percentage

    /// Creates a band; ``CreditSchedule`` validates it.
    public init(lower: Bound?, upper: Bound?, credit: Percentage) {
        self.lower = lower
        self.upper = upper
        self.credit = credit
    }

    /// Whether `availability` (in percent) lies in the band.
    public func contains(_ availability: Rational) -> Bool {
        let lowerValue = lower?.value.percent ?? .zero
        let upperValue = upper?.value.percent ?? Rational(100)
        let aboveLower =
            (lower?.inclusive ?? true)
            ? !(availability < lowerValue) : lowerValue < availability
        let belowUpper =
            (upper?.inclusive ?? true)
            ? !(upperValue < availability) : availability < upperValue
        return aboveLower && belowUpper
    }

    /// `[99, 99.9) -> 10%`.
    public var description: String {
        let low = lower.map { ($0.inclusive ? "[" : "(") + "\($0.value.percent)" } ?? "[0"
        let high = upper.map { "\($0.value.percent)" + ($0.inclusive ? "]" : ")") } ?? "100]"
        return "\(low), \(high) -> \(credit)"
    }

    /// The lower bound with the default filled in.
    var effectiveLower: Bound { lower ?? .inclusive(.zero) }
    /// The upper bound with the default filled in.
    var effectiveUpper: Bound { upper ?? .inclusive(.hundred) }
}

/// A service-credit schedule: availability bands mapped to credit percentages, credits per
/// breached ticket target, and an optional cap.
///
/// The bands must be contiguous from 0% upward: sorted by lower bound, each band's upper
/// bound must meet the next band's lower bound with exactly one of the two inclusive. Above
/// the highest band no credit is due (the objective is met). So the schedule
///
/// | availability | credit |
/// |---|---|
/// | `< 99.9%` and `≥ 99.0%` | 10% |
/// | `< 99.0%` and `≥ 95.0%` | 25% |
/// | `< 95.0%` | 100% |
///
/// gives 0% at exactly 99.9%, 10% at exactly 99.0%, 25% at 98.99%.
///
/// A ticket credit adds its percentage once per breached target of its kind; the sum of the
/// band credit and ticket credits is then limited by the cap (100% when none).
///
/// JSON: `{"bands": [CreditBand…], "ticketCredits": {"resolution": "2"}, "cap": "30"}`.
public struct CreditSchedule: Sendable, Hashable {
    /// The bands, sorted from the lowest availability up.
    public let bands: [CreditBand]
    /// The credit per breached ticket target, by kind.
    public let ticketCredits: [SLATargetKind: Percentage]
    /// The most credit in total; `nil` for 100%.
    public let cap: Percentage?

    /// Creates and validates a schedule.
    ///
    /// - Throws: ``SLAError`` `invalidBand` for reversed, empty or out-of-range bounds,
    ///   `overlappingBands`, `gapInBands` (including one between 0% and the lowest band),
    ///   `invalidCredit` for a credit or cap outside `0...100`.
    public init(
        bands: [CreditBand], ticketCredits: [SLATargetKind: Percentage] = [:],
        cap: Percentage? = nil
    ) throws(SLAError) {
        for band in bands {
            let low = band.effectiveLower
            let high = band.effectiveUpper
            for bound in [low, high]
            where bound.value < Percentage.zero || Percentage.hundred < bound.value {
                throw .invalidBand(band.description, reason: "has a bound outside 0...100")
            }
            if high.value < low.value
                || (high.value == low.value && !(low.inclusive && high.inclusive))
            {
                throw .invalidBand(band.description, reason: "is empty or reversed")
            }
            guard !(band.credit < Percentage.zero), !(Percentage.hundred < band.credit) else {
                throw .invalidCredit(band.credit, field: "bands")
            }
        }
        for (_, credit) in ticketCredits
        where credit < Percentage.zero || Percentage.hundred < credit {
            throw .invalidCredit(credit, field: "ticketCredits")
        }
        if let cap, cap < Percentage.zero || Percentage.hundred < cap {
            throw .invalidCredit(cap, field: "cap")
        }
        let sorted = bands.sorted {
            let a = $0.effectiveLower
            let b = $1.effectiveLower
            if a.value != b.value { return a.value < b.value }
            return a.inclusive && !b.inclusive
        }
        if let first = sorted.first {
            let low = first.effectiveLower
            if Percentage.zero < low.value || !low.inclusive {
                throw .gapInBands(
                    below: first.description,
                    gap: "[0, \(low.value.percent)"
                        + (low.inclusive ? ")" : "]"))
            }
        }
        for (below, above) in zip(sorted, sorted.dropFirst()) {
            let high = below.effectiveUpper
            let low = above.effectiveLower
            if high.value < low.value
                || (high.value == low.value && !high.inclusive && !low.inclusive)
            {
                throw .gapInBands(
                    below: above.description,
                    gap: (high.inclusive ? "(" : "[") + "\(high.value.percent), "
                        + "\(low.value.percent)" + (low.inclusive ? ")" : "]"))
            }
            if low.value < high.value || (high.inclusive && low.inclusive) {
                throw .overlappingBands(below.description, above.description)
            }
        }
        self.bands = sorted
        self.ticketCredits = ticketCredits
        self.cap = cap
    }

    /// The band that `availability` (in percent) falls in; `nil` above the highest band.
    public func band(for availability: Rational) -> CreditBand? {
        bands.first { $0.contains(availability) }
    }

    /// The credit due on `fee` for a period.
    ///
    /// Worked example: fee 1,000.00 USD; availability 99.5% falls in `[99, 99.9) -> 10%`;
    /// two breached resolution targets at 2% each add 4%: 14% of 1,000.00 is 140.00 USD. With
    /// a cap of 12% the credit is 120.00 USD.
    ///
    /// - Parameters:
    ///   - report: The period's availability report.
    ///   - fee: The fee the credit is a share of.
    ///   - figure: Which availability figure to read; strict by default.
    ///   - breachedTargets: How many ticket targets of each kind were breached.
    ///   - rounding: The rule that rounds the credit to the currency's minor unit.
    /// - Returns: The credit with its evidence.
    /// - Throws: ``SLAError`` `arithmetic` when the credit overflows or `rounding` is
    ///   `.unnecessary` and the credit is not whole minor units.
    public func credit(
        for report: AvailabilityReport, fee: Money, figure: AvailabilityFigure = .strict,
        breachedTargets: [SLATargetKind: Int] = [:], rounding: RoundingRule
    ) throws(SLAError) -> ServiceCredit {
        let availability = report.availability(figure)
        let band = band(for: availability)
        do {
            var ticketPercent = Rational.zero
            for kind in SLATargetKind.allCases {
                guard let each = ticketCredits[kind], let count = breachedTargets[kind], count > 0
                else { continue }
                ticketPercent = try ticketPercent + (try each.percent * Rational(Int64(count)))
            }
            let bandPercent = band?.credit.percent ?? .zero
            let uncapped = try bandPercent + ticketPercent
            let limit = cap?.percent ?? Rational(100)
            let capped = limit < uncapped
            let total = try Percentage(capped ? limit : uncapped)
            return ServiceCredit(
                amount: try fee.percentage(total, rounding: rounding), percentage: total,
                band: band, bandCredit: try Percentage(bandPercent),
                ticketCredit: try Percentage(ticketPercent), capped: capped,
                figure: figure, availability: availability, report: report,
                breachedTargets: breachedTargets)
        } catch { throw .arithmetic(error) }
    }
}

extension CreditSchedule: Codable {
    private enum CodingKeys: String, CodingKey { case bands, ticketCredits, cap }

    /// Decodes the documented JSON object and re-validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw =
            try container.decodeIfPresent([String: Percentage].self, forKey: .ticketCredits) ?? [:]
        var credits: [SLATargetKind: Percentage] = [:]
        for (name, credit) in raw {
            guard let kind = SLATargetKind(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .ticketCredits, in: container,
                    debugDescription: "unknown target kind \"\(name)\"")
            }
            credits[kind] = credit
        }
        try self.init(
            bands: try container.decode([CreditBand].self, forKey: .bands),
            ticketCredits: credits,
            cap: try container.decodeIfPresent(Percentage.self, forKey: .cap))
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bands, forKey: .bands)
        var raw: [String: Percentage] = [:]
        for (kind, credit) in ticketCredits { raw[kind.rawValue] = credit }
        try container.encode(raw, forKey: .ticketCredits)
        try container.encodeIfPresent(cap, forKey: .cap)
    }
}

/// A service credit and the evidence behind it.
public struct ServiceCredit: Sendable, Hashable {
    /// The credit, rounded to the fee currency's minor unit by the named rule.
    public let amount: Money
    /// The credit as a percentage of the fee, after the cap.
    public let percentage: Percentage
    /// The availability band hit; `nil` when the availability is above every band.
    public let band: CreditBand?
    /// The band's credit, 0% when no band was hit.
    public let bandCredit: Percentage
    /// The sum of the ticket credits before the cap.
    public let ticketCredit: Percentage
    /// Whether the cap reduced the credit.
    public let capped: Bool
    /// The availability figure read.
    public let figure: AvailabilityFigure
    /// The availability achieved, in percent.
    public let availability: Rational
    /// The availability report: downtime, outages counted, merged intervals.
    public let report: AvailabilityReport
    /// The breached ticket targets counted, by kind.
    public let breachedTargets: [SLATargetKind: Int]
}
