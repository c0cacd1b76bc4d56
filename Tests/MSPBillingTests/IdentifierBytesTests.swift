import Foundation
import MSPBilling
import MSPCore
import Testing

/// Rating matches customers and categories as identifiers do, by UTF-8 bytes: `"café"`
/// composed (`caf\u{E9}`) and decomposed (`cafe\u{301}`) are different IDs everywhere, as
/// they are to `==`, `Hashable` and `TaxPolicy.rate(for:)`.
@Suite struct IdentifierBytesTests {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"

    @Test func aCategoryMatchesOnlyItsOwnBytes() throws {
        let cafe = try plan("cafe", [perUnit("Café", try category(composed), "10.00")])
        // The same text, other bytes: not a category of the plan.
        let usage = try [count(1, category(decomposed))]
        #expect(
            throws: BillingError.unknownCategory(
                try category(decomposed), field: "usage[0].category")
        ) {
            try cafe.rate(customer: acme(), period: january(), usage: usage)
        }
        #expect(cafe.componentIndex(for: try category(decomposed)) == nil)
        #expect(cafe.componentIndex(for: try category(composed)) == 0)
    }

    @Test func aCustomerMatchesOnlyItsOwnBytes() throws {
        let cafe = try plan("cafe", [perUnit("Workstations", .workstation, "10.00")])
        let usage = try [count(1, .workstation, customer: decomposed)]
        #expect(
            throws: BillingError.customerMismatch(
                expected: try CustomerID(composed), found: try CustomerID(decomposed),
                field: "usage[0].customer")
        ) {
            try cafe.rate(customer: CustomerID(composed), period: january(), usage: usage)
        }
    }

    /// A rate keyed by the composed category does not tax a line in the decomposed one:
    /// 1 × 100.00 at the 5 % default is 5.00 (10 % would be 10.00), as `rate(for:)` says.
    @Test func aTaxRateAppliesOnlyToItsOwnBytes() throws {
        let taxes = TaxPolicy(
            rates: [try category(composed): Percentage(10)], defaultRate: Percentage(5),
            roundingPoint: .perInvoice)
        #expect(taxes.rate(for: try category(decomposed)) == Percentage(5))
        let cafe = try plan(
            "cafe", [perUnit("Café", try category(decomposed), "100.00")], taxes: taxes)
        let invoice = try cafe.rate(
            customer: acme(), period: january(), usage: [count(1, category(decomposed))])
        #expect(invoice.taxes.map(\.rate) == [Percentage(5)])
        #expect(invoice.taxTotal == (try usd("5.00")))
        #expect(invoice.total == (try usd("105.00")))
    }
}
