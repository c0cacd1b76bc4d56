import Foundation
import MSPBilling
import MSPCore
import Testing

@Suite struct TierTableTests {
    // Table (0, 250] at 5.00 / (250, ∞) at 4.00. Upper bounds are inclusive.
    @Test(arguments: [
        // graduated: each unit in its band.
        // 300 = 250 × 5.00 + 50 × 4.00 = 1,250.00 + 200.00 = 1,450.00
        // 250 (on the boundary) = 250 × 5.00 = 1,250.00, all in band 0
        // 251 = 1,250.00 + 1 × 4.00 = 1,254.00
        // 1 = 5.00; 0 = 0.00
        (Int64(300), "1450.00", "1200.00"),
        // volume: every unit at the band reached.
        // 300 reaches band 1: 300 × 4.00 = 1,200.00
        // 250 reaches band 0 (inclusive bound): 250 × 5.00 = 1,250.00
        // 251 reaches band 1: 251 × 4.00 = 1,004.00 (cheaper than 250: the volume cliff)
        (250, "1250.00", "1250.00"),
        (251, "1254.00", "1004.00"),
        (1, "5.00", "5.00"),
        (0, "0.00", "0.00"),
    ])
    func graduatedVersusVolume(quantity: Int64, graduated: String, volume: String) throws {
        let context = try context()
        #expect(
            try fiveFour(.graduated).price(Rational(quantity), in: context).amount
                == usd(graduated))
        #expect(try fiveFour(.volume).price(Rational(quantity), in: context).amount == usd(volume))
    }

    @Test func boundaryQuantityFallsInTheLowerBand() throws {
        let table = try fiveFour(.graduated)
        #expect(table.bandIndex(reaching: Rational(250)) == 0)
        #expect(table.bandIndex(reaching: Rational(251)) == 1)
        let priced = try table.price(Rational(250), in: context())
        #expect(priced.tiers.map(\.band) == [0])
        #expect(priced.tiers.first?.quantity == Rational(250))
        let above = try table.price(Rational(300), in: context())
        #expect(above.tiers.map(\.quantity) == [Rational(250), Rational(50)])
    }

    @Test func flatAndUnitPricesWithinBands() throws {
        // (0, 10] at 2.00 + 10.00 flat, (10, ∞) at 1.00 + 5.00 flat; 15 units.
        // graduated: band 0 = 10 × 2.00 + 10.00 = 30.00; band 1 = 5 × 1.00 + 5.00 = 10.00;
        //            total 40.00
        // volume: band 1 reached: 15 × 1.00 + 5.00 = 20.00
        let tiers = [
            try tier(0, 10, "2.00", flat: "10.00"), try tier(10, nil, "1.00", flat: "5.00"),
        ]
        let graduated = try TierTable(mode: .graduated, tiers: tiers)
        let volume = try TierTable(mode: .volume, tiers: tiers)
        #expect(try graduated.price(Rational(15), in: context()).amount == usd("40.00"))
        #expect(try volume.price(Rational(15), in: context()).amount == usd("20.00"))
    }

    @Test(arguments: [
        // (0, 10] flat 100.00, (10, 50] flat 300.00, (50, ∞) flat 500.00
        (Int64(1), "100.00"), (10, "100.00"), (11, "300.00"), (50, "300.00"), (51, "500.00"),
        (0, "0.00"),
    ])
    func stairstep(quantity: Int64, expected: String) throws {
        let table = try TierTable(
            mode: .stairstep,
            tiers: [
                tier(0, 10, "0", flat: "100.00"), tier(10, 50, "0", flat: "300.00"),
                tier(50, nil, "0", flat: "500.00"),
            ])
        #expect(try table.price(Rational(quantity), in: context()).amount == usd(expected))
    }

    @Test(arguments: [
        // Packages of 10 at 25.00 each.
        // 21 units: up ⌈2.1⌉ = 3 packages = 75.00; down ⌊2.1⌋ = 2 packages = 50.00
        // 20 units: exactly 2 packages = 50.00 either way
        // 1 unit: up 1 package = 25.00; down 0 packages = 0.00
        (Int64(21), "75.00", "50.00"), (20, "50.00", "50.00"), (1, "25.00", "0.00"),
    ])
    func packageRounding(quantity: Int64, up: String, down: String) throws {
        let tiers = [try tier(0, nil, "25.00")]
        let roundUp = try TierTable(mode: .package(size: 10, rounding: .up), tiers: tiers)
        let roundDown = try TierTable(mode: .package(size: 10, rounding: .down), tiers: tiers)
        #expect(try roundUp.price(Rational(quantity), in: context()).amount == usd(up))
        #expect(try roundDown.price(Rational(quantity), in: context()).amount == usd(down))
    }

    @Test(arguments: [
        // 55 × 0.067 = 3.685 exactly; rounded once at the end.
        (RoundingRule.halfUp, "3.69"), (.halfEven, "3.68"), (.down, "3.68"), (.up, "3.69"),
    ])
    func subCentUnitPrice(rule: RoundingRule, expected: String) throws {
        let table = try TierTable(mode: .graduated, tiers: [tier(0, nil, "0.067")])
        let priced = try table.price(Rational(55), in: context(rounding: rule))
        #expect(priced.amount == (try usd(expected)))
        #expect(priced.exactMinorUnits == (try Rational(3685, 10)))
        #expect(priced.rounding == rule)
    }

    @Test func prorationAppliesBeforeTheSingleRounding() throws {
        // 300 units graduated = 1,450.00 for the month; 17 of 31 days:
        // 145,000 × 17 / 31 = 2,465,000 / 31 = 79,516.129… cents → 795.16
        let priced = try fiveFour(.graduated).price(Rational(300), in: context(Rational(17, 31)))
        #expect(priced.amount == (try usd("795.16")))
    }

    @Test func codableRoundTripAndShape() throws {
        let table = try TierTable(
            mode: .package(size: 10, rounding: .down),
            tiers: [tier(0, 5, "25.00"), tier(5, nil, "20.00")])
        let data = try JSONEncoder().encode(table)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"mode\":\"package\""))
        #expect(text.contains("\"amount\":\"25.00\""))
        #expect(try JSONDecoder().decode(TierTable.self, from: data) == table)
    }

    @Test func decodingRevalidates() throws {
        let json = """
            {"mode": "graduated", "tiers": [
              {"from": 0, "upTo": 250, "unitPrice": {"amount": "5.00", "currency": "USD"},
               "flatPrice": {"amount": "0", "currency": "USD"}},
              {"from": 300, "unitPrice": {"amount": "4.00", "currency": "USD"},
               "flatPrice": {"amount": "0", "currency": "USD"}}]}
            """
        #expect(throws: BillingError.gappedTiers(index: 1, from: 300, expected: 250)) {
            try JSONDecoder().decode(TierTable.self, from: Data(json.utf8))
        }
    }
}

@Suite struct TierTableErrorTests {
    @Test func emptyTable() throws {
        #expect(throws: BillingError.emptyTierTable) {
            try TierTable(mode: .graduated, tiers: [])
        }
    }

    @Test func bandWithUpperBoundBelowItsStart() throws {
        let tiers = [try tier(0, 100, "1"), try tier(100, 50, "1"), try tier(50, nil, "1")]
        #expect(throws: BillingError.unsortedTiers(index: 1, from: 100, upTo: 50)) {
            try TierTable(mode: .graduated, tiers: tiers)
        }
    }

    @Test func bandStartingBeforeThePreviousBand() throws {
        let tiers = [try tier(0, 100, "1"), try tier(100, 200, "1"), try tier(0, nil, "1")]
        #expect(throws: BillingError.unsortedTiers(index: 2, from: 0, upTo: nil)) {
            try TierTable(mode: .volume, tiers: tiers)
        }
    }

    @Test func overlappingBands() throws {
        let tiers = [try tier(0, 250, "1"), try tier(200, nil, "1")]
        #expect(throws: BillingError.overlappingTiers(index: 1, from: 200, previousUpTo: 250)) {
            try TierTable(mode: .graduated, tiers: tiers)
        }
    }

    @Test func gappedBands() throws {
        let tiers = [try tier(0, 250, "1"), try tier(300, nil, "1")]
        #expect(throws: BillingError.gappedTiers(index: 1, from: 300, expected: 250)) {
            try TierTable(mode: .graduated, tiers: tiers)
        }
        #expect(throws: BillingError.gappedTiers(index: 0, from: 10, expected: 0)) {
            try TierTable(mode: .graduated, tiers: [tier(10, nil, "1")])
        }
    }

    @Test func lastBandMustBeOpenAndOnlyTheLast() throws {
        #expect(throws: BillingError.lastTierNotOpen(index: 1, upTo: 500)) {
            try TierTable(mode: .graduated, tiers: [tier(0, 250, "1"), tier(250, 500, "1")])
        }
        #expect(throws: BillingError.lastTierNotOpen(index: 0, upTo: nil)) {
            try TierTable(mode: .graduated, tiers: [tier(0, nil, "1"), tier(250, nil, "1")])
        }
    }

    @Test func zeroPackageSize() throws {
        #expect(throws: BillingError.invalidPackageSize(0)) {
            try TierTable(mode: .package(size: 0, rounding: .up), tiers: [tier(0, nil, "1")])
        }
    }

    @Test func stairstepBandWithUnitPrice() throws {
        #expect(throws: BillingError.stairstepUnitPrice(index: 0, price: try price("1.00"))) {
            try TierTable(mode: .stairstep, tiers: [tier(0, nil, "1.00", flat: "5.00")])
        }
    }

    @Test func bandsInMixedCurrencies() throws {
        let euro = TierTable.Tier(from: 250, upTo: nil, unitPrice: try price("4.00", .eur))
        let error = #expect(throws: BillingError.self) {
            try TierTable(mode: .graduated, tiers: [tier(0, 250, "5.00"), euro])
        }
        #expect(error?.code == .currencyMismatch)
        #expect(error?.field == "tiers[1].unitPrice")
    }

    @Test func negativeQuantity() throws {
        #expect(throws: BillingError.negativeQuantity("-1", field: "quantity")) {
            try fiveFour(.graduated).price(Rational(-1), in: context())
        }
    }

    @Test func contextCurrencyDiffersFromTheTable() throws {
        let euros = try RatingContext(currency: .eur)
        #expect(throws: BillingError.currencyMismatch(expected: .eur, found: .usd, field: "tiers"))
        {
            try fiveFour(.volume).price(Rational(3), in: euros)
        }
    }

    @Test func prorationFractionOutsideZeroToOne() throws {
        #expect(
            throws: BillingError.invalidFraction(try Rational(3, 2), field: "prorationFraction")
        ) {
            try RatingContext(currency: .usd, prorationFraction: Rational(3, 2))
        }
    }
}
