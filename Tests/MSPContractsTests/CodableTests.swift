import Foundation
import MSPCore
import Testing

@testable import MSPContracts

@Suite struct CodableTests {
    @Test func agreementRoundTripsThroughItsDocumentedShape() throws {
        let rate = try PriceEscalation.IndexedRate(
            series: "CPI-U", referenceLagMonths: 2, baseMonth: IndexMonth(year: 2025, month: 1))
        let escalation = try PriceEscalation(
            method: .indexed(rate), cap: Percentage(5), floor: Percentage(0), compounding: true,
            rounding: .halfEven)
        let agreement = try threeYearsThenYearly(minimumTermMonths: 24, escalation: escalation)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(agreement), as: UTF8.self)
        #expect(json.contains(#""renewal":{"kind":"tacit","termMonths":12}"#))
        #expect(json.contains(#""baseMonth":"2025-01""#))
        #expect(json.contains(#""timeZone":"UTC""#))
        let decoded = try JSONDecoder().decode(Agreement.self, from: Data(json.utf8))
        #expect(decoded == agreement)
    }

    @Test func decodingRevalidates() throws {
        let json = #"""
            {"id": "AGR-1", "customer": "ACME", "type": "retainer", "startDate": "2025-01-01",
             "initialTermMonths": 12, "renewal": {"kind": "tacit"},
             "noticePeriod": {"amount": 1, "unit": "months", "counting": "includingReceiptDay"},
             "minimumTermMonths": 0, "timeZone": "UTC",
             "pricePlans": [{"effective": "2025-01-01", "value": "gold"}],
             "slaPolicies": [{"effective": "2025-01-01", "value": "sla"}]}
            """#
        #expect(throws: ContractError.missingRenewalTerm(kind: .tacit)) {
            try JSONDecoder().decode(Agreement.self, from: Data(json.utf8))
        }
    }

    @Test func eventsAndAmendmentsRoundTrip() throws {
        let events = [
            AgreementEvent(.signed, on: try day("2025-02-20")),
            AgreementEvent(.noticeGiven(by: .customer), on: try day("2027-12-16")),
            AgreementEvent(.terminated(.cause), on: try day("2028-01-10")),
        ]
        let data = try JSONEncoder().encode(events)
        #expect(try JSONDecoder().decode([AgreementEvent].self, from: data) == events)
        let amendments = [
            try Amendment(
                .rateOverride(.workstation, rate: usd("45.00")), effective: day("2026-05-01")),
            try Amendment(.quantityCommitment(.server, quantity: 10), effective: day("2026-05-01")),
        ]
        let encoded = try JSONEncoder().encode(amendments)
        #expect(try JSONDecoder().decode([Amendment].self, from: encoded) == amendments)
        let negative =
            #"{"effective": "2026-05-01", "kind": "quantityCommitment", "category": "server", "quantity": -3}"#
        let error = #expect(throws: ContractError.self) {
            try JSONDecoder().decode(Amendment.self, from: Data(negative.utf8))
        }
        #expect(error?.code == .outOfRange)
    }

    @Test func indexMonthsAreYearDashMonth() throws {
        let month = try IndexMonth(year: 2026, month: 1)
        #expect(String(decoding: try JSONEncoder().encode(month), as: UTF8.self) == #""2026-01""#)
        #expect(try JSONDecoder().decode(IndexMonth.self, from: Data(#""2026-01""#.utf8)) == month)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(IndexMonth.self, from: Data(#""2026-1""#.utf8))
        }
        #expect(throws: ContractError.outOfRange(13, field: "indexMonth.month", allowed: 1...12)) {
            try JSONDecoder().decode(IndexMonth.self, from: Data(#""2026-13""#.utf8))
        }
    }
}
