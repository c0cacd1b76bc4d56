import Foundation
import MSPCloseSupport
import MSPCore
import Testing

@Suite struct DocumentErrorTests {
    struct Event: Decodable {
        var at: Date
        var kind: String
    }
    struct Ticket: Decodable {
        var id: String
        var events: [Event]
    }
    struct Document: Decodable {
        var tickets: [Ticket]
    }

    private static var isoDecoder: DocumentDecoder { DocumentLoader.decoder() }

    @Test func wrongDateNamesFilePathAndReason() throws {
        let json = """
            {"tickets": [{"id": "T1", "events": [{"at": "2026-10-01T09:00:00Z", "kind": "a"},
                                                 {"at": "yesterday", "kind": "b"}]}]}
            """
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(
                Document.self, from: Data(json.utf8), file: "customers/acme.json",
                decoder: Self.isoDecoder)
        }
        let found = try #require(error)
        #expect(found.file == "customers/acme.json")
        #expect(found.jsonPath == "$.tickets[0].events[1].at")
        #expect(found.reason == "expected ISO 8601 date, found \"yesterday\"")
        #expect(found.description.hasPrefix("customers/acme.json: $.tickets[0].events[1].at: "))
    }

    @Test(arguments: [
        "2026-10-01T09:00:00Z", "2026-10-01T09:00:00.250Z", "2026-10-01T11:00:00+02:00",
    ])
    func isoDatesDecode(text: String) throws {
        let json = #"{"at": "\#(text)", "kind": "a"}"#
        let event = try DocumentLoader.decode(
            Event.self, from: Data(json.utf8), file: "e.json", decoder: Self.isoDecoder)
        // 2026-10-01T09:00:00Z is 1,790,845,200 s after 1970-01-01 (20,362 days × 86,400 + 9 h).
        #expect(event.at.timeIntervalSince1970.rounded(.down) == 1_790_845_200)
    }

    @Test func missingKeyIsNamed() throws {
        let json = #"{"tickets": [{"id": "T1", "events": [{"kind": "a"}]}]}"#
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(
                Document.self, from: Data(json.utf8), file: "t.json", decoder: Self.isoDecoder)
        }
        #expect(error?.jsonPath == "$.tickets[0].events[0]")
        #expect(error?.reason == "missing required key \"at\"")
    }

    @Test func wrongTypeIsNamed() throws {
        let json = #"{"tickets": [{"id": 7, "events": []}]}"#
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(
                Document.self, from: Data(json.utf8), file: "t.json", decoder: Self.isoDecoder)
        }
        #expect(error?.jsonPath == "$.tickets[0].id")
        #expect(error?.reason == "expected String, found number")
    }

    @Test func arrayWhereAnObjectBelongsIsNamed() throws {
        let json = #"{"tickets": [[]]}"#
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(
                Document.self, from: Data(json.utf8), file: "t.json", decoder: Self.isoDecoder)
        }
        #expect(error?.jsonPath == "$.tickets[0]")
        #expect(error?.reason == "expected an object, found an array")
    }

    @Test func brokenJSONIsReportedAtTheRoot() throws {
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(
                Document.self, from: Data("{\"tickets\": [".utf8), file: "t.json")
        }
        #expect(error?.file == "t.json")
        #expect(error?.jsonPath == "$")
    }

    @Test func libraryValidationErrorNamesFieldAndValue() throws {
        // MSPCore's Money rejects an amount with more decimals than the currency has.
        let json = #"{"amount": "1.234", "currency": "USD"}"#
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(Money.self, from: Data(json.utf8), file: "price.json")
        }
        let found = try #require(error)
        #expect(found.file == "price.json")
        #expect(found.reason.contains("1.234"))
    }

    @Test func missingFileIsNamed() throws {
        let loader = DocumentLoader(root: URL(fileURLWithPath: "/nonexistent-mspkit-data"))
        let error = #expect(throws: DocumentError.self) {
            try loader.load(Money.self, from: "plans.json")
        }
        #expect(error?.description == "plans.json: cannot read the file: no such file")
    }

    @Test(arguments: [
        ([] as [String], "$"),
        (["tickets", "3", "events", "1", "at"], "$.tickets[3].events[1].at"),
        (["odd key"], "$[\"odd key\"]"),
    ])
    func paths(keys: [String], expected: String) {
        let codingPath: [any CodingKey] = keys.map { key in
            if let index = Int(key) { return AnyKey(intValue: index) }
            return AnyKey(stringValue: key)
        }
        #expect(JSONPath.text(codingPath) == expected)
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) {
            self.stringValue = stringValue
            self.intValue = nil
        }
        init(intValue: Int) {
            self.stringValue = String(intValue)
            self.intValue = intValue
        }
    }
}

@Suite struct JSONLocatorTests {
    struct Document: Decodable {
        var name: String
        var previousMRR: Money?
        var prices: [Money]
    }

    @Test func validationErrorInsideNestedValueGetsItsPath() throws {
        // Money rejects 12.345 USD (three decimals for a two-decimal currency) with its own
        // error naming the field "amount" and the value; the locator finds where it is.
        let json = """
            {"name": "acme", "prices": [{"amount": "1.00", "currency": "USD"},
             {"amount": "12.345", "currency": "USD"}]}
            """
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.decode(Document.self, from: Data(json.utf8), file: "c.json")
        }
        #expect(error?.jsonPath == "$.prices[1].amount")
        #expect(error?.reason.contains("12.345") == true)
    }

    @Test(
        arguments: [
            ("tickets[T-7].customer", "$.tickets[1].customer"),
            ("tickets[T-7].entries[0]", "$.tickets[1].entries[0]"),
            ("tickets[T-9].customer", nil),
            ("previousMRR", "$.previousMRR"),
        ] as [(String, String?)])
    func resolveIDsToIndices(field: String, expected: String?) {
        let json = """
            {"previousMRR": null, "tickets": [{"id": "T-1", "customer": "acme"},
             {"id": "T-7", "customer": "bluebird", "entries": [1]}]}
            """
        #expect(JSONLocator.resolve(field: field, in: Data(json.utf8)) == expected)
    }

    @Test(
        arguments: [
            ("amount", "12.345", "$.b[1].amount"),
            ("b[0].amount", "1.00", "$.b[0].amount"),
            ("count", "7", "$.a.count"),
            ("missing", "x", nil),
        ] as [(String, String, String?)])
    func locate(field: String, value: String, expected: String?) {
        let json = #"{"a": {"count": 7}, "b": [{"amount": "1.00"}, {"amount": "12.345"}]}"#
        #expect(JSONLocator.locate(field: field, value: value, in: Data(json.utf8)) == expected)
    }
}
