import Foundation
import MSPBilling
import MSPCore
import Testing

/// Discounts and tax policies through JSON, and the tax rate a category gets.
@Suite struct DiscountCodableTests {
    @Test func discountsRoundTrip() throws {
        let discounts = [
            try Discount(name: "Welcome", value: .percent(Percentage(10)), periodCount: 3),
            try Discount(
                name: "Servers", value: .fixed(usd("20.00")), scope: .component("Servers")),
            try Discount(name: "Loyalty", value: .percent(Percentage(parsing: "2.5"))),
        ]
        let data = try JSONEncoder().encode(discounts)
        #expect(try JSONDecoder().decode([Discount].self, from: data) == discounts)
    }

    @Test func decodingRevalidatesADiscount() throws {
        let over = try Discount(name: "Too much", value: .percent(Percentage(100)))
        // Re-encode the valid 100 % discount as 150 %: decoding must refuse it.
        let json = String(decoding: try JSONEncoder().encode(over), as: UTF8.self)
            .replacingOccurrences(of: "100", with: "150")
        // MSPBilling reports a rule broken while decoding as `dataCorrupted` at the field,
        // with the `BillingError` as the underlying error.
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Discount.self, from: Data(json.utf8))
        }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect((context.underlyingError as? BillingError)?.code == .invalidDiscount)
    }

    /// A server line is taxed at its own 20 %; a category without a rate gets the default 8 %.
    @Test func taxRatesFallBackToTheDefault() throws {
        let policy = TaxPolicy(
            rates: [.server: Percentage(20)], defaultRate: Percentage(8), roundingPoint: .perLine)
        #expect(policy.rate(for: .server) == Percentage(20))
        #expect(policy.rate(for: .workstation) == Percentage(8))
        let decoded = try JSONDecoder().decode(
            TaxPolicy.self, from: JSONEncoder().encode(policy))
        #expect(decoded == policy)
    }
}
