import Foundation
import FuzzSupport
import MSPBilling
import MSPCore

/// Price plans and tier tables decoded from arbitrary JSON (the bytes before the first zero
/// byte), then used: the bytes after it choose a period and quantities. Checks:
///
/// - decoding never traps; a decoded table round-trips, a decoded plan's JSON is stable;
/// - a decoded table priced at a quantity gives a total equal to the sum of its band
///   charges, rounded once, and only an `arithmetic` error;
/// - a decoded plan rates a period of its cycle with usage for every component into an
///   invoice in the plan's currency whose total is the subtotal plus the taxes, or throws
///   a `BillingError` (overflow, a period out of range).
func fuzzPricePlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var (document, input) = splitDocument(data, size)
    if let table = decodeRoundTripping(TierTable.self, document),
        let context = try? RatingContext(currency: table.currency, rounding: .halfEven)
    {
        let quantity =
            (try? Rational(input.int(in: 0...1_000_000), 1 + Int64(input.byte()))) ?? .one
        do {
            let priced = try table.price(quantity, in: context)
            var sum = Rational.zero
            for charge in priced.tiers {
                guard let next = try? sum + charge.exactMinorUnits else { return 0 }
                sum = next
            }
            fuzzCheck(
                sum == priced.exactMinorUnits,
                "total \(priced.exactMinorUnits) is not the sum \(sum) of the bands at \(quantity)")
            fuzzCheck(
                (try? priced.exactMinorUnits.rounded(.halfEven)) == priced.amount.minorUnits,
                "amount \(priced.amount) is not \(priced.exactMinorUnits) rounded once")
        } catch {
            fuzzCheck(error.code == .arithmetic, "pricing \(quantity) threw \(error)")
        }
    }
    if let plan = decodeStablyEncoding(PricePlan.self, document) {
        rate(plan, &input)
    }
    return 0
}

private func rate(_ plan: PricePlan, _ input: inout FuzzInput) {
    guard let customer = try? CustomerID("fuzz"),
        let period = try? plan.cycle.period(at: Int(input.int(in: -50...50)))
    else { return }
    var usage: [UnitUsage] = []
    for component in plan.components {
        let units = input.byte() % 8 == 0 ? input.int(in: 0...Int64.max) : input.int(in: 0...500)
        let measure: UnitUsage.Measure =
            component.timing == .inAdvance
            ? .count(units, at: period.start) : .unitDays(units, period: period)
        guard
            let record = try? UnitUsage(
                customer: customer, category: component.category, measure: measure)
        else { continue }
        usage.append(record)
    }
    guard let invoice = try? plan.rate(customer: customer, period: period, usage: usage) else {
        return
    }
    fuzzCheck(invoice.currency == plan.currency, "invoice in \(invoice.currency)")
    fuzzCheck(
        invoice.lines.allSatisfy { $0.amount.currency == plan.currency },
        "a line is not in \(plan.currency)")
    fuzzCheck(
        (try? invoice.subtotal + invoice.taxTotal) == invoice.total,
        "total \(invoice.total) is not \(invoice.subtotal) + \(invoice.taxTotal)")
}
