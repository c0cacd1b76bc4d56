import Foundation
import MSPBilling
import MSPCore
import Testing

@Suite struct SimpleModelTests {
    @Test func flatFeeIgnoresQuantityAndProrates() throws {
        let fee = try FlatFee(usd("1500.00"))
        #expect(try fee.price(Rational(99), in: context()).amount == usd("1500.00"))
        // 150,000 cents × 17 / 31 = 2,550,000 / 31 = 82,258.06… cents → 822.58
        #expect(try fee.price(.one, in: context(Rational(17, 31))).amount == usd("822.58"))
    }

    @Test(arguments: [
        // servers at 45.00, the first 5 included:
        // 8 servers: (8 − 5) × 45.00 = 135.00; 5 servers: 0.00; 3 servers: 0.00
        (Int64(8), "135.00"), (5, "0.00"), (3, "0.00"), (12, "315.00"),
    ])
    func perUnitWithIncludedQuantity(servers: Int64, expected: String) throws {
        let model = try PerUnitPrice(unitPrice: price("45.00"), includedQuantity: 5)
        #expect(try model.price(Rational(servers), in: context()).amount == usd(expected))
    }

    @Test func perUnitMinimumAndMaximum() throws {
        // 8 servers, 5 included: 135.00 raw. Minimum 150.00 lifts it; maximum 100.00 caps it.
        let floor = try PerUnitPrice(
            unitPrice: price("45.00"), includedQuantity: 5, minimum: usd("150.00"))
        let floored = try floor.price(Rational(8), in: context())
        #expect(floored.amount == (try usd("150.00")))
        #expect(floored.note == "minimum 150.00 USD applied")
        let cap = try PerUnitPrice(
            unitPrice: price("45.00"), includedQuantity: 5, maximum: usd("100.00"))
        #expect(try cap.price(Rational(8), in: context()).amount == usd("100.00"))
    }

    @Test func perUnitOfAnAverageQuantity() throws {
        // 37 devices all month and 3 devices for 14 of 31 days at 10.00:
        // 1,189 unit-days / 31 = 1,189/31 devices; × 10.00 = 11,890 / 31 = 383.548… → 383.55
        let model = try PerUnitPrice(unitPrice: price("10.00"))
        let priced = try model.price(try Rational(37 * 31 + 3 * 14, 31), in: context())
        #expect(priced.amount == (try usd("383.55")))
    }

    @Test func percentageOfAmount() throws {
        // 10 % of 1,234.56 = 123.456 → 123.46 (half-up); exactly 12,345.6 cents = 61,728/5
        let fee = try PercentageOfAmount(Percentage(10))
        let priced = try fee.price(.zero, in: context(base: usd("1234.56")))
        #expect(priced.amount == (try usd("123.46")))
        #expect(priced.exactMinorUnits == (try Rational(61728, 5)))
    }

    @Test func limitErrors() throws {
        #expect(
            throws: BillingError.invalidLimits(minimum: try usd("10.00"), maximum: try usd("5.00"))
        ) {
            try PerUnitPrice(unitPrice: price("1.00"), minimum: usd("10.00"), maximum: usd("5.00"))
        }
        #expect(throws: BillingError.negativeQuantity("-1", field: "includedQuantity")) {
            try PerUnitPrice(unitPrice: price("1.00"), includedQuantity: -1)
        }
        #expect(throws: BillingError.negativeQuantity("-5.00 USD", field: "amount")) {
            try FlatFee(usd("-5.00"))
        }
        #expect(throws: BillingError.negativeQuantity("-1", field: "quantity")) {
            try PerUnitPrice(unitPrice: price("1.00")).price(Rational(-1), in: context())
        }
    }

    @Test func builtInsRoundTripThroughJSON() throws {
        let perUnit = try PerUnitPrice(
            unitPrice: price("0.067"), includedQuantity: 5, minimum: usd("1.00"))
        let decoded = try JSONDecoder().decode(
            PerUnitPrice.self, from: JSONEncoder().encode(perUnit))
        #expect(decoded == perUnit)
        let fee = try PercentageOfAmount(Percentage(10))
        #expect(
            try JSONDecoder().decode(PercentageOfAmount.self, from: JSONEncoder().encode(fee))
                == fee)
    }
}
