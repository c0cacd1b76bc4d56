import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

extension SplitMix64 {
    /// A valid random tier table in `mode` with 1...5 bands.
    mutating func tierTable(_ mode: TierTable.Mode) throws -> TierTable {
        let count = int(in: 1...5)
        var tiers: [TierTable.Tier] = []
        var from: Int64 = 0
        for index in 0..<count {
            let upTo: Int64? = index == count - 1 ? nil : from + int(in: Int64(1)...Int64(500))
            let unit: Int64 = mode == .stairstep ? 0 : int(in: Int64(0)...Int64(5_000_000_000))
            tiers.append(
                TierTable.Tier(
                    from: from, upTo: upTo,
                    unitPrice: PreciseMoney(scaledUnits: unit, currency: .usd),
                    flatPrice: PreciseMoney(
                        scaledUnits: int(in: Int64(0)...Int64(10_000_000_000)), currency: .usd)))
            from = upTo ?? from
        }
        return try TierTable(mode: mode, tiers: tiers)
    }

    /// A random pricing model over any built-in.
    mutating func pricing() throws -> PlanComponent.Pricing {
        switch int(in: 0...5) {
        case 0:
            return .flat(
                try FlatFee(Money(minorUnits: int(in: Int64(0)...Int64(1_000_000)), currency: .usd))
            )
        case 1:
            return .perUnit(
                try PerUnitPrice(
                    unitPrice: PreciseMoney(
                        scaledUnits: int(in: Int64(0)...Int64(10_000_000_000)), currency: .usd),
                    includedQuantity: int(in: Int64(0)...Int64(5))))
        case 2: return .tiered(try tierTable(.graduated))
        case 3: return .tiered(try tierTable(.volume))
        case 4: return .tiered(try tierTable(.stairstep))
        default:
            return .tiered(
                try tierTable(
                    .package(
                        size: int(in: Int64(1)...Int64(20)),
                        rounding: chance(1, in: 2) ? .up : .down)))
        }
    }
}

@Suite struct BillingPropertyTests {
    @Test func graduatedPriceIsMonotoneInQuantity() throws {
        let context = try context()
        try checkProperty(seed: 0xB111) { random in
            let table = try random.tierTable(.graduated)
            let a = Rational(random.int(in: Int64(0)...Int64(3_000)))
            let b = try a + Rational(random.int(in: Int64(0)...Int64(3_000)), 31)
            let low = try table.price(a, in: context).amount
            let high = try table.price(b, in: context).amount
            return (
                "\(table.tiers.map(\.upTo)) \(a) \(b)",
                low.minorUnits <= high.minorUnits ? nil : "\(low) > \(high)"
            )
        }
    }

    @Test func fullPeriodProrationEqualsTheFullPrice() throws {
        let period = try january()
        try checkProperty(seed: 0xF011) { random in
            let pricing = try random.pricing()
            let units = random.int(in: Int64(0)...Int64(2_000))
            let advance = try plan(
                "advance", [PlanComponent(name: "X", category: .workstation, pricing: pricing)])
            let arrears = try plan(
                "arrears",
                [
                    PlanComponent(
                        name: "X", category: .workstation, pricing: pricing, timing: .inArrears)
                ])
            let full = try advance.rate(
                customer: acme(), period: period, usage: [count(units, .workstation)])
            let covered = try advance.rate(
                customer: acme(), period: period, usage: [count(units, .workstation)],
                coverage: period.range)
            let unitDays = try UnitUsage(
                customer: acme(), category: .workstation,
                measure: .unitDays(units * Int64(period.dayCount), period: period))
            let measured = try arrears.rate(customer: acme(), period: period, usage: [unitDays])
            let same = full.total == covered.total && full.total == measured.total
            return (
                "\(pricing.modelName) × \(units)",
                same ? nil : "\(full.total) / \(covered.total) / \(measured.total)"
            )
        }
    }

    @Test func totalsEqualTheSumOfTheLines() throws {
        let period = try january()
        let categories: [BillableCategory] = [.workstation, .server, .user, .mobile]
        try checkProperty(seed: 0x7074) { random in
            var components: [PlanComponent] = []
            var usage: [UnitUsage] = []
            for (index, category) in categories.prefix(random.int(in: 1...4)).enumerated() {
                components.append(
                    PlanComponent(
                        name: "C\(index)", category: category, pricing: try random.pricing()))
                for _ in 0..<random.int(in: 0...3) {
                    usage.append(try count(random.int(in: Int64(0)...Int64(400)), category))
                }
            }
            var discounts: [Discount] = []
            if random.chance(1, in: 2) {
                discounts.append(
                    try Discount(
                        name: "P",
                        value: .percent(Percentage(random.int(in: Int64(0)...Int64(100))))))
            }
            if random.chance(1, in: 2) {
                discounts.append(
                    try Discount(
                        name: "F",
                        value: .fixed(
                            Money(
                                minorUnits: random.int(in: Int64(0)...Int64(50_000)), currency: .usd
                            )),
                        scope: .component("C0")))
            }
            let taxes = TaxPolicy(
                rates: [.server: Percentage(random.int(in: Int64(0)...Int64(25)))],
                defaultRate: try Percentage(Rational(random.int(in: Int64(0)...Int64(2_500)), 100)),
                roundingPoint: random.chance(1, in: 2) ? .perLine : .perInvoice)
            let minimum: MinimumCommitment? =
                random.chance(1, in: 3)
                ? MinimumCommitment(
                    amount: Money(
                        minorUnits: random.int(in: Int64(0)...Int64(500_000)), currency: .usd),
                    category: .user) : nil
            let rated = try plan(
                "p", components, discounts: discounts, minimum: minimum, taxes: taxes)
            let invoice = try rated.rate(customer: acme(), period: period, usage: usage)
            let lineSum = try Money.sum(invoice.lines.map(\.amount), currency: .usd)
            let taxSum = try Money.sum(invoice.taxes.map(\.amount), currency: .usd)
            let discountSum = try Money.sum(
                invoice.lines.filter { $0.kind == .discount }.map(\.amount), currency: .usd)
            var failure: String?
            if lineSum != invoice.subtotal { failure = "subtotal \(invoice.subtotal) ≠ \(lineSum)" }
            if try invoice.subtotal + taxSum != invoice.total { failure = "total ≠ subtotal + tax" }
            if discountSum != invoice.discountTotal { failure = "discount total" }
            if discountSum.isPositive { failure = "positive discount \(discountSum)" }
            if let minimum, lineSum.minorUnits < minimum.amount.minorUnits {
                failure = "below the commitment: \(lineSum)"
            }
            // The invoice and the plan survive JSON, the plan still rating the same invoice.
            let decoded = try JSONDecoder().decode(
                Invoice.self, from: JSONEncoder().encode(invoice))
            if decoded != invoice { failure = "invoice JSON round trip" }
            let decodedPlan = try JSONDecoder().decode(
                PricePlan.self, from: JSONEncoder().encode(rated))
            if try decodedPlan.rate(customer: acme(), period: period, usage: usage) != invoice {
                failure = "plan JSON round trip"
            }
            return ("\(components.map(\.pricing.modelName)) \(usage.count) records", failure)
        }
    }

    @Test func chainedChangesNetExactly() throws {
        let period = try january()
        let start = period.range.startMilliseconds
        let day: Int64 = 86_400_000
        try checkProperty(seed: 0xC4A1) { random in
            var billed = BilledCharge(
                component: "Plan", category: .workstation,
                amount: Money(
                    minorUnits: random.int(in: Int64(0)...Int64(10_000_000)), currency: .usd),
                coverage: period.range)
            var lines = [billed.amount]
            var used: [Money] = []
            var changeDay: Int64 = 0
            var failure: String?
            for _ in 0..<random.int(in: 1...6) {
                changeDay = min(31, changeDay + random.int(in: Int64(0)...Int64(10)))
                let at = Date(timeIntervalSince1970: Double(start + changeDay * day) / 1000)
                let newPrice = Money(
                    minorUnits: random.int(in: Int64(0)...Int64(10_000_000)), currency: .usd)
                let coverageDays = Int64(try period.billableDays(of: billed.coverage))
                let usedDays = coverageDays - (31 - changeDay)
                let change = try PlanChange(
                    changing: billed, at: at, to: .flat(FlatFee(newPrice)), quantity: .one,
                    period: period, basis: .calendarDays)
                // The used part is within one cent of amount × usedDays / coverageDays.
                if coverageDays > 0 {
                    let exactUsed =
                        try Rational(billed.amount.minorUnits) * Rational(usedDays, coverageDays)
                    let gap = try Rational(change.used.amount.minorUnits) - exactUsed
                    if gap > .one || gap < Rational(-1) {
                        failure = "used \(change.used.amount) vs \(exactUsed)"
                    }
                }
                lines += [change.credit.amount, change.charge.amount]
                used.append(change.used.amount)
                billed = change.billed
            }
            used.append(billed.amount)
            let net = try Money.sum(lines, currency: .usd)
            let usedTotal = try Money.sum(used, currency: .usd)
            if net != usedTotal { failure = "net \(net) ≠ used \(usedTotal)" }
            return ("last change day \(changeDay)", failure)
        }
    }
}
