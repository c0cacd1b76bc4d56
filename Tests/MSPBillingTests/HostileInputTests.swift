import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

private func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// `count` one-unit bands `(i, i + 1]` at `unit` each, the last band open from `count - 1`.
private func unitBands(_ count: Int, unit: String, last: String) throws -> [TierTable.Tier] {
    let price = try PreciseMoney(parsing: unit, currency: .usd)
    var tiers = (0..<Int64(count - 1)).map {
        TierTable.Tier(from: $0, upTo: $0 + 1, unitPrice: price)
    }
    tiers.append(
        TierTable.Tier(
            from: Int64(count - 1), upTo: nil,
            unitPrice: try PreciseMoney(parsing: last, currency: .usd)))
    return tiers
}

/// One open band from 0 at `unit`.
private func single(_ mode: TierTable.Mode = .graduated, unit: PreciseMoney) throws -> TierTable {
    try TierTable(mode: mode, tiers: [TierTable.Tier(from: 0, upTo: nil, unitPrice: unit)])
}

private func rateWorkstations(_ usage: [UnitUsage]) throws -> Invoice {
    try plan("bronze", [perUnit("Workstations", .workstation, "25.00")])
        .rate(customer: acme(), period: january(), usage: usage)
}

/// Hostile inputs to MSPBilling: a million bands, Int64-edge quantities and prices,
/// impossible tables, mismatched currencies and customers, a million usage records, and
/// JSON that is deep or of the wrong shape. Expected amounts are worked by hand in the
/// comments.
let hostileBillingInputs: [HostileInput] = [
    // 10^6 bands
    HostileInput(name: "10^6 graduated bands at 10^6 units", expected: "valid: 10000.00 USD") {
        // 999,999 one-unit bands at 0.01 + 1 unit in the open band at 0.01 = 10,000.00.
        outcome {
            try TierTable(mode: .graduated, tiers: unitBands(1_000_000, unit: "0.01", last: "0.01"))
                .price(Rational(1_000_000), in: context()).amount
        }
    },
    HostileInput(name: "10^6 volume bands at 10^6 units", expected: "valid: 5000.00 USD") {
        // 10^6 units reach the open band: 1,000,000 x 0.005 = 5,000.00.
        outcome {
            try TierTable(mode: .volume, tiers: unitBands(1_000_000, unit: "0.01", last: "0.005"))
                .price(Rational(1_000_000), in: context()).amount
        }
    },
    HostileInput(
        name: "10^6 bands with a gap before the last", expected: "BillingError.gappedTiers"
    ) {
        outcome {
            var tiers = try unitBands(1_000_000, unit: "0.01", last: "0.01")
            tiers[999_999].from += 1
            return try TierTable(mode: .graduated, tiers: tiers)
        }
    },
    HostileInput(name: "10^6 bands, the last one closed", expected: "BillingError.lastTierNotOpen")
    {
        outcome {
            var tiers = try unitBands(1_000_000, unit: "0.01", last: "0.01")
            tiers[999_999].upTo = 1_000_000
            return try TierTable(mode: .graduated, tiers: tiers)
        }
    },
    // Impossible tables
    HostileInput(name: "empty tier table", expected: "BillingError.emptyTierTable") {
        outcome { try TierTable(mode: .volume, tiers: []) }
    },
    HostileInput(name: "first band from -1", expected: "BillingError.unsortedTiers") {
        outcome { try TierTable(mode: .graduated, tiers: [tier(-1, nil, "1.00")]) }
    },
    HostileInput(name: "band (10, 10]", expected: "BillingError.unsortedTiers") {
        outcome {
            try TierTable(
                mode: .graduated,
                tiers: [tier(0, 10, "1.00"), tier(10, 10, "1.00"), tier(10, nil, "1.00")])
        }
    },
    HostileInput(name: "overlapping bands", expected: "BillingError.overlappingTiers") {
        outcome {
            try TierTable(mode: .graduated, tiers: [tier(0, 10, "1.00"), tier(5, nil, "1.00")])
        }
    },
    HostileInput(name: "negative unit price", expected: "BillingError.negativeQuantity") {
        outcome { try TierTable(mode: .graduated, tiers: [tier(0, nil, "-0.01")]) }
    },
    HostileInput(
        name: "stairstep band with a unit price", expected: "BillingError.stairstepUnitPrice"
    ) {
        outcome { try TierTable(mode: .stairstep, tiers: [tier(0, nil, "1.00", flat: "10.00")]) }
    },
    HostileInput(name: "packages of 0 units", expected: "BillingError.invalidPackageSize") {
        outcome {
            try TierTable(mode: .package(size: 0, rounding: .up), tiers: [tier(0, nil, "1.00")])
        }
    },
    HostileInput(name: "packages of Int64.min units", expected: "BillingError.invalidPackageSize") {
        outcome {
            try TierTable(
                mode: .package(size: .min, rounding: .down), tiers: [tier(0, nil, "1.00")])
        }
    },
    HostileInput(name: "a EUR band in a USD table", expected: "BillingError.currencyMismatch") {
        outcome {
            try TierTable(
                mode: .graduated,
                tiers: [
                    tier(0, 10, "1.00"),
                    TierTable.Tier(from: 10, upTo: nil, unitPrice: price("1.00", .eur)),
                ])
        }
    },
    // Int64-edge quantities and prices
    HostileInput(name: "negative quantity", expected: "BillingError.negativeQuantity") {
        outcome { try fiveFour(.graduated).price(Rational(-1), in: context()) }
    },
    HostileInput(name: "Int64.max units at 1.00", expected: "BillingError.arithmetic") {
        outcome { try single(unit: price("1.00")).price(Rational(.max), in: context()) }
    },
    HostileInput(name: "Int64.max units at a zero price", expected: "valid: 0.00 USD") {
        outcome { try single(unit: price("0")).price(Rational(.max), in: context()).amount }
    },
    HostileInput(
        name: "largest price times 10^6 units", expected: "valid: 92233720368547758.07 USD"
    ) {
        // (2^63 - 1) millionths of a cent, 10^6 times: exactly 2^63 - 1 cents.
        outcome {
            try single(unit: PreciseMoney(scaledUnits: .max, currency: .usd))
                .price(Rational(1_000_000), in: context()).amount
        }
    },
    HostileInput(name: "largest price times 2 x 10^6 units", expected: "BillingError.arithmetic") {
        // 2 x (2^63 - 1) cents does not fit in Int64.
        outcome {
            try single(unit: PreciseMoney(scaledUnits: .max, currency: .usd))
                .price(Rational(2_000_000), in: context())
        }
    },
    HostileInput(name: "1/Int64.max of a unit at 1.00", expected: "valid: 0.00 USD") {
        // 100 / (2^63 - 1) minor units rounds half-up to 0.
        outcome {
            try single(unit: price("1.00")).price(Rational(1, .max), in: context()).amount
        }
    },
    HostileInput(name: "one unit in packages of Int64.max", expected: "valid: 5.00 USD") {
        // 1 unit rounds up to 1 package, in the first band at 5.00.
        outcome {
            try fiveFour(.package(size: .max, rounding: .up)).price(Rational(1), in: context())
                .amount
        }
    },
    // Contexts and plans
    HostileInput(name: "proration fraction 2", expected: "BillingError.invalidFraction") {
        outcome { try context(Rational(2)) }
    },
    HostileInput(name: "proration fraction -1/2", expected: "BillingError.invalidFraction") {
        outcome { try context(Rational(-1, 2)) }
    },
    HostileInput(name: "a EUR base amount", expected: "BillingError.currencyMismatch") {
        outcome { try context(base: Money(minorUnits: 100, currency: .eur)) }
    },
    HostileInput(name: "a USD table rated in EUR", expected: "BillingError.currencyMismatch") {
        outcome {
            try fiveFour(.volume).price(Rational(3), in: RatingContext(currency: .eur))
        }
    },
    HostileInput(
        name: "two components for one category", expected: "BillingError.duplicateComponent"
    ) {
        outcome {
            try plan(
                "gold",
                [
                    perUnit("Workstations", .workstation, "25.00"),
                    perUnit("Desktops", .workstation, "20.00"),
                ])
        }
    },
    HostileInput(name: "discount naming no component", expected: "BillingError.unknownCategory") {
        outcome {
            try plan(
                "gold", [perUnit("Workstations", .workstation, "25.00")],
                discounts: [
                    Discount(
                        name: "Ghost", value: .percent(Percentage(10)), scope: .component("Servers")
                    )
                ])
        }
    },
    HostileInput(name: "usage of another customer", expected: "BillingError.customerMismatch") {
        outcome { try rateWorkstations([count(3, .workstation, customer: "globex")]) }
    },
    HostileInput(name: "Int64.max workstations", expected: "BillingError.arithmetic") {
        outcome { try rateWorkstations([count(.max, .workstation)]) }
    },
    HostileInput(name: "10^6 usage records", expected: "valid: 25000000.00 USD") {
        // 10^6 records of 1 workstation at 25.00 = 25,000,000.00.
        outcome {
            let one = try count(1, .workstation)
            return try rateWorkstations(Array(repeating: one, count: 1_000_000)).total
        }
    },
    // JSON
    HostileInput(name: "tier table with an unknown mode", expected: "DecodingError") {
        outcome { try json(TierTable.self, #"{"mode": "tiered", "tiers": []}"#) }
    },
    HostileInput(name: "tier price as a JSON number", expected: "DecodingError") {
        outcome {
            try json(
                TierTable.self,
                #"{"mode": "volume", "tiers": [{"from": 0, "unitPrice": 5, "flatPrice": 0}]}"#)
        }
    },
    HostileInput(name: "tier bound past Int64 in JSON", expected: "DecodingError") {
        outcome {
            try json(
                TierTable.Tier.self,
                #"{"from": 9223372036854775808, "unitPrice": {"amount": "1", "currency": "USD"}, "flatPrice": {"amount": "0", "currency": "USD"}}"#
            )
        }
    },
    HostileInput(name: "100,000 nested arrays as a plan", expected: "DecodingError") {
        outcome {
            try json(
                PricePlan.self,
                String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        }
    },
    HostileInput(name: "JSON bands that overlap", expected: "BillingError.overlappingTiers") {
        outcome {
            let usd = #""currency": "USD""#
            return try json(
                TierTable.self,
                """
                {"mode": "graduated", "tiers": [
                  {"from": 0, "upTo": 100, "unitPrice": {"amount": "1", \(usd)}, "flatPrice": {"amount": "0", \(usd)}},
                  {"from": 50, "unitPrice": {"amount": "1", \(usd)}, "flatPrice": {"amount": "0", \(usd)}}]}
                """)
        }
    },
]

@Suite struct HostileInputTests {
    @Test(arguments: hostileBillingInputs)
    func hostileInputIsRejectedOrDocumented(_ input: HostileInput) {
        #expect(input.run() == input.expected)
    }

    @Test func namesAreUnique() {
        #expect(Set(hostileBillingInputs.map(\.name)).count == hostileBillingInputs.count)
    }
}
