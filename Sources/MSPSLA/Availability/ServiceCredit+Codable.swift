import Foundation
import MSPCore

/// JSON of a service credit: the amount as MSPCore `Money`, percentages as `Percentage`
/// strings, the availability as a `Rational` string, the band as a ``CreditBand`` object
/// (omitted when no band was hit), the report as an ``AvailabilityReport`` object, and the
/// breached targets as an object keyed by target kind:
///
/// ```json
/// {"amount": {"amount": "120.00", "currency": "USD"}, "percentage": "12%",
///  "band": {…}, "bandCredit": "10%", "ticketCredit": "2%", "capped": false,
///  "figure": "strict", "availability": "…", "report": {…},
///  "breachedTargets": {"resolution": 2}}
/// ```
///
/// Decoding re-checks what the values alone determine: the availability is the report's
/// figure named by `figure`; the band credit is the band's (0% without a band);
/// `percentage` equals `bandCredit + ticketCredit` when not capped and is below it when
/// capped; counts are non-negative. The fee, the schedule and the rounding rule are not
/// kept, so `amount` cannot be re-checked.
extension ServiceCredit: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount, percentage, band, bandCredit, ticketCredit, capped, figure, availability
        case report, breachedTargets
    }

    /// Decodes the documented JSON object and re-checks its invariants.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = try container.decode(Money.self, forKey: .amount)
        percentage = try container.decode(Percentage.self, forKey: .percentage)
        band = try container.decodeIfPresent(CreditBand.self, forKey: .band)
        bandCredit = try container.decode(Percentage.self, forKey: .bandCredit)
        ticketCredit = try container.decode(Percentage.self, forKey: .ticketCredit)
        capped = try container.decode(Bool.self, forKey: .capped)
        figure = try container.decode(AvailabilityFigure.self, forKey: .figure)
        availability = try container.decode(Rational.self, forKey: .availability)
        report = try container.decode(AvailabilityReport.self, forKey: .report)
        let raw = try container.decode([String: Int].self, forKey: .breachedTargets)
        var counts: [SLATargetKind: Int] = [:]
        for (name, count) in raw {
            guard let kind = SLATargetKind(rawValue: name), count >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .breachedTargets, in: container,
                    debugDescription: "\"\(name)\": \(count) is not a target kind and count >= 0")
            }
            counts[kind] = count
        }
        breachedTargets = counts
        guard availability == report.availability(figure) else {
            throw DecodingError.dataCorruptedError(
                forKey: .availability, in: container,
                debugDescription: "availability is not the report's \(figure.rawValue) figure")
        }
        guard bandCredit == (band?.credit ?? Percentage.zero) else {
            throw DecodingError.dataCorruptedError(
                forKey: .bandCredit, in: container, debugDescription: "bandCredit is not the band's"
            )
        }
        let uncapped: Rational
        do { uncapped = try bandCredit.percent + ticketCredit.percent } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .ticketCredit, in: container, debugDescription: "\(error)")
        }
        guard capped ? percentage.percent < uncapped : percentage.percent == uncapped else {
            throw DecodingError.dataCorruptedError(
                forKey: .percentage, in: container,
                debugDescription:
                    "percentage does not agree with bandCredit + ticketCredit and capped")
        }
    }

    /// Encodes the documented JSON object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount, forKey: .amount)
        try container.encode(percentage, forKey: .percentage)
        try container.encodeIfPresent(band, forKey: .band)
        try container.encode(bandCredit, forKey: .bandCredit)
        try container.encode(ticketCredit, forKey: .ticketCredit)
        try container.encode(capped, forKey: .capped)
        try container.encode(figure, forKey: .figure)
        try container.encode(availability, forKey: .availability)
        try container.encode(report, forKey: .report)
        var raw: [String: Int] = [:]
        for (kind, count) in breachedTargets { raw[kind.rawValue] = count }
        try container.encode(raw, forKey: .breachedTargets)
    }
}
