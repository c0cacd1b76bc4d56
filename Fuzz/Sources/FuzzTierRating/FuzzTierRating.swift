import FuzzSupport
import MSPBilling
import MSPCore

/// Tier tables built from the input (every mode, 1 to 8 bands, small and enormous bounds and
/// prices, flat prices) rated at two quantities `q1 <= q2` taken from the input (whole and
/// fractional, as averages of unit-days are). Checks the rating rules, not only "no crash":
///
/// - a valid table (built by the harness) is accepted;
/// - the exact total is the sum of the band charges, each band charge is its quantity times
///   its unit price plus its flat price, and the amount is the exact total rounded once;
/// - graduated: the band quantities add up to the quantity and fit their bands;
/// - volume and stairstep: one charge, in the band the quantity reaches;
/// - graduated and package totals never decrease with the quantity (prices are never
///   negative, so each unit or package adds a non-negative charge). Volume and stairstep
///   totals may fall where a band starts (the "volume cliff"), so they are not checked
///   for it;
/// - the only error while rating is `arithmetic` (overflow of an enormous price or
///   quantity), or `.unnecessary` rounding of an inexact amount.
func fuzzTierRating(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var input = FuzzInput(data, size)
    let mode = tierMode(&input)
    let tiers = randomTiers(&input, stairstep: mode == .stairstep)
    let table: TierTable
    do {
        table = try TierTable(mode: mode, tiers: tiers)
    } catch {
        fuzzCheck(false, "valid table rejected: \(error) \(tiers)")
        return 0
    }
    let rule = input.element(of: RoundingRule.allCases)
    guard let context = try? RatingContext(currency: .usd, rounding: rule) else {
        fuzzCheck(false, "context rejected")
        return 0
    }
    let q1 = quantity(&input)
    let q2 = (try? q1 + quantity(&input)) ?? q1
    let first = rate(table, q1, context)
    let second = rate(table, q2, context)
    switch mode {
    case .graduated, .package:
        if let first, let second {
            fuzzCheck(
                first.exactMinorUnits <= second.exactMinorUnits
                    && first.amount.minorUnits <= second.amount.minorUnits,
                "\(table.modelName) total fell from \(first.amount) at \(q1) to \(second.amount) at \(q2)"
            )
        }
    case .volume, .stairstep:
        break
    }
    return 0
}

/// Rates `quantity` and checks the result's own consistency; nil when rating threw an
/// allowed error.
private func rate(_ table: TierTable, _ quantity: Rational, _ context: RatingContext)
    -> PricedAmount?
{
    let priced: PricedAmount
    do {
        priced = try table.price(quantity, in: context)
    } catch {
        fuzzCheck(
            error.code == .arithmetic,
            "rating \(quantity) threw \(error) on \(table.mode) \(table.tiers)")
        return nil
    }
    var sum = Rational.zero
    for charge in priced.tiers {
        let tier = table.tiers[charge.band]
        fuzzCheck(
            charge.unitPrice == tier.unitPrice && charge.flatPrice == tier.flatPrice,
            "charge of band \(charge.band) has other prices than the band")
        guard let unit = try? Rational(tier.unitPrice.scaledUnits, 1_000_000),
            let flat = try? Rational(tier.flatPrice.scaledUnits, 1_000_000),
            let expected = try? unit * charge.quantity + flat,
            let next = try? sum + charge.exactMinorUnits
        else { return priced }
        fuzzCheck(
            expected == charge.exactMinorUnits,
            "band \(charge.band): \(charge.quantity) x \(tier.unitPrice) + \(tier.flatPrice) is \(expected), charged \(charge.exactMinorUnits)"
        )
        sum = next
    }
    fuzzCheck(
        sum == priced.exactMinorUnits,
        "total \(priced.exactMinorUnits) is not the sum \(sum) of the band charges at \(quantity)")
    if let rounded = try? priced.exactMinorUnits.rounded(context.rounding) {
        fuzzCheck(
            rounded == priced.amount.minorUnits,
            "amount \(priced.amount) is not \(priced.exactMinorUnits) rounded \(context.rounding)")
    }
    if quantity.isZero {
        fuzzCheck(priced.amount.minorUnits == 0, "zero units cost \(priced.amount)")
        return priced
    }
    switch table.mode {
    case .graduated:
        var units = Rational.zero
        for charge in priced.tiers {
            let tier = table.tiers[charge.band]
            if let upTo = tier.upTo, let width = try? Rational(upTo) - Rational(tier.from) {
                fuzzCheck(
                    charge.quantity <= width && !charge.quantity.isNegative,
                    "band \(charge.band) holds \(charge.quantity) units, wider than \(width)")
            }
            units = (try? units + charge.quantity) ?? units
        }
        fuzzCheck(units == quantity, "graduated bands hold \(units) units, not \(quantity)")
    case .volume, .stairstep:
        let band = table.bandIndex(reaching: quantity)
        fuzzCheck(
            priced.tiers.count == 1 && priced.tiers[0].band == band
                && priced.tiers[0].quantity == quantity,
            "\(table.modelName) at \(quantity) charged bands \(priced.tiers.map(\.band)), reaches \(band)"
        )
    case .package:
        break
    }
    return priced
}

private func tierMode(_ input: inout FuzzInput) -> TierTable.Mode {
    switch input.byte() % 4 {
    case 0: return .graduated
    case 1: return .volume
    case 2: return .stairstep
    default:
        let size = input.byte() % 8 == 0 ? input.int(in: 1...Int64.max) : input.int(in: 1...100)
        return .package(size: size, rounding: input.byte() % 2 == 0 ? .up : .down)
    }
}

/// Valid bands: from 0, contiguous, increasing, the last open; bounds and prices mostly
/// small, sometimes near the `Int64` edge.
private func randomTiers(_ input: inout FuzzInput, stairstep: Bool) -> [TierTable.Tier] {
    let count = Int(input.byte() % 8) + 1
    var tiers: [TierTable.Tier] = []
    var from: Int64 = 0
    for index in 0..<count {
        var upTo: Int64?
        if index < count - 1 {
            let width =
                input.byte() % 16 == 0
                ? input.int(in: 1...Int64.max / 16) : input.int(in: 1...1_000)
            let (next, overflow) = from.addingReportingOverflow(width)
            if !overflow { upTo = next }
        }
        let unit = stairstep ? 0 : price(&input)
        let flat = input.byte() % 3 == 0 ? price(&input) : 0
        tiers.append(
            TierTable.Tier(
                from: from, upTo: upTo,
                unitPrice: PreciseMoney(scaledUnits: unit, currency: .usd),
                flatPrice: PreciseMoney(scaledUnits: flat, currency: .usd)))
        guard let upTo else { break }
        from = upTo
    }
    return tiers
}

/// A price in millionths of a cent: mostly up to 100.00 USD, sometimes up to `Int64.max`.
private func price(_ input: inout FuzzInput) -> Int64 {
    input.byte() % 16 == 0
        ? input.int(in: 0...Int64.max) : input.int(in: 0...10_000 * 1_000_000)
}

/// A quantity: a whole count or an average (a fraction), mostly small, sometimes enormous.
private func quantity(_ input: inout FuzzInput) -> Rational {
    let numerator =
        input.byte() % 16 == 0 ? input.int(in: 0...Int64.max) : input.int(in: 0...5_000)
    let denominator = input.byte() % 2 == 0 ? 1 : input.int(in: 1...31)
    return (try? Rational(numerator, denominator)) ?? .zero
}
