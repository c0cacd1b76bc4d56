import MSPKit
import Testing

@Suite struct PeriodCloseErrorTests {
    @Test func customerMismatchNamesCustomerFieldAndValue() throws {
        let acme = try CustomerID("acme")
        let globex = try CustomerID("globex")
        let error = PeriodCloseError.customerMismatch(
            customer: acme, found: globex, field: "sites[0].customer")
        #expect(error.code == .customerMismatch)
        #expect(error.customer == acme)
        #expect(error.field == "sites[0].customer")
        #expect(error.value == "globex")
        #expect(
            error.description
                == "customerMismatch [customer acme]: sites[0].customer belongs to customer globex, not acme"
        )
    }

    @Test func invalidParallelismIsProviderLevel() {
        let error = PeriodCloseError.invalidParallelism(0)
        #expect(error.customer == nil)
        #expect(error.field == "parallelism")
        #expect(error.value == "0")
    }
}
