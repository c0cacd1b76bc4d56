import Foundation
import MSPKit
import Testing

@Suite struct DocumentCodingTests {
    func sortedJSON<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    /// Every bundled customer document decodes, encodes and decodes back equal.
    @Test func sampleCustomersRoundTrip() throws {
        let customers = try SampleData.customers()
        #expect(customers.count == 7)
        for document in customers {
            let decoded = try JSONDecoder().decode(
                CustomerDocument.self, from: JSONEncoder().encode(document))
            #expect(decoded == document, "\(document.customer.id)")
        }
    }

    /// The provider document round-trips to the same JSON (it holds price plans, which are
    /// not `Equatable`, so the JSON is compared).
    @Test func providerRoundTrips() throws {
        let provider = try SampleData.provider()
        let decoded = try JSONDecoder().decode(
            ProviderDocument.self, from: JSONEncoder().encode(provider))
        #expect(try sortedJSON(decoded) == sortedJSON(provider))
        #expect(
            provider.pricePlans.map(\.id.rawValue) == [
                "per-device", "per-user", "tiered", "all-inclusive", "monitoring-only", "break-fix",
            ])
        #expect(provider.serviceLevels.map(\.id.rawValue) == ["managed", "monitoring", "basic"])
    }

    /// The generator's provider is the bundled one.
    @Test func standardProviderIsTheBundledOne() throws {
        #expect(
            try sortedJSON(SyntheticMSP.standardProvider()) == sortedJSON(SampleData.provider()))
    }

    /// Generated documents of every plan round-trip.
    @Test func generatedCustomersRoundTrip() throws {
        let data = try SyntheticMSP(
            customers: 12, devices: 120, users: 60, tickets: 48, outages: 60
        )
        .generate()
        for document in data.customers {
            let decoded = try JSONDecoder().decode(
                CustomerDocument.self, from: JSONEncoder().encode(document))
            #expect(decoded == document, "\(document.customer.id)")
        }
    }

    /// Omitted arrays decode empty, omitted MRR as none, `previouslyActive` as false.
    @Test func minimalCustomerDocument() throws {
        let json = """
            {"customer": {"id": "solo", "name": "Solo", "timeZone": "UTC"},
             "agreement": {"agreement": {"id": "S-1", "customer": "solo", "type": "breakFix",
               "startDate": "2026-01-01", "initialTermMonths": 12, "minimumTermMonths": 0,
               "renewal": {"kind": "none"},
               "noticePeriod": {"amount": 1, "unit": "months", "counting": "includingReceiptDay"},
               "timeZone": "UTC", "pricePlans": [{"effective": "2026-01-01", "value": "break-fix"}],
               "slaPolicies": [{"effective": "2026-01-01", "value": "basic"}]}}}
            """
        let document = try JSONDecoder().decode(CustomerDocument.self, from: Data(json.utf8))
        #expect(document.agreement.events.isEmpty)
        #expect(document.agreement.coverage == nil)
        #expect(document.deviceEvents.isEmpty && document.tickets.isEmpty && document.seats.isEmpty)
        #expect(document.previousMRR == nil)
        #expect(document.previouslyActive == false)
    }

    /// Block-hour draws are written with an ISO 8601 work date and read back exactly.
    @Test func blockHourDrawShape() throws {
        let fjord = try SampleData.customer("fjord")
        let blocks = try #require(fjord.agreement.blockHours)
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(blocks)) as? [String: Any])
        let draws = try #require(object["draws"] as? [[String: Any]])
        #expect(draws.first?["workDate"] as? String == "2026-10-06T14:00:00.000Z")
        #expect(draws.first?["quantity"] as? Int == 240)
        #expect(draws.first?["multiplier"] as? String == "1")
        let bad = Data(
            #"{"blocks": [], "draws": [{"id": "x", "workDate": "yesterday", "quantity": 1}], "overageRate": {"amount": "1.00", "currency": "USD"}}"#
                .utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BlockHours.self, from: bad) }
    }

    /// A service level without availability, credits or rounding decodes with half-up
    /// rounding.
    @Test func serviceLevelDefaults() throws {
        let provider = try SampleData.provider()
        let basic = try #require(provider.serviceLevels.last)
        #expect(basic.availability == nil && basic.credits == nil)
        let policy = String(decoding: try JSONEncoder().encode(basic.policy), as: UTF8.self)
        let json = #"{"id": "lite", "policy": \#(policy)}"#
        let level = try JSONDecoder().decode(ServiceLevel.self, from: Data(json.utf8))
        #expect(level.creditRounding == .halfUp)
        #expect(level.policy == basic.policy)
    }
}

/// A host caps the collections of the documents it decodes: a ticket timeline.
@Suite struct DocumentDecodingLimitTests {
    @Test func ticketTimelineOverTheLimitIsRefused() throws {
        let tickets = try SampleData.customers().flatMap(\.tickets)
        let ticket = try #require(tickets.max { $0.events.count < $1.events.count })
        let count = ticket.events.count
        try #require(count >= 2)
        let data = try JSONEncoder().encode(ticket)

        let decoder = JSONDecoder()
        decoder.userInfo[ResourceLimits.codingUserInfoKey] = try ResourceLimits(
            decodedCollectionElements: count)
        #expect(try decoder.decode(Ticket.self, from: data) == ticket)

        decoder.userInfo[ResourceLimits.codingUserInfoKey] = try ResourceLimits(
            decodedCollectionElements: count - 1)
        let error = #expect(throws: DecodingError.self) {
            try decoder.decode(Ticket.self, from: data)
        }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(
            context.underlyingError as? ResourceLimitError
                == .tooManyElements(String(count), field: "events", limit: count - 1))
    }
}
