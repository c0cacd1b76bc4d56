import Foundation
import MSPCore
import MSPSLA
import Testing

/// JSON of explanations and what-if results.
@Suite struct ExplanationCodableTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test func spansHaveTheDocumentedShape() throws {
        // 2026-03-09T09:00Z is 1773046800000 ms since 1970; 11:00Z is 7,200,000 ms later.
        let counted = SLASpan(
            range: try range("2026-03-09T09:00:00Z", "2026-03-09T11:00:00Z"),
            reason: .counted(calendar: "office"))
        #expect(
            try json(counted)
                == #"{"calendar":"office","end":1773054000000,"reason":"counted","start":1773046800000}"#
        )
        let spans = [
            counted,
            SLASpan(
                range: try range("2026-03-09T11:00:00Z", "2026-03-09T14:00:00Z"), reason: .stopped),
            SLASpan(
                range: try range("2026-03-09T14:00:00Z", "2026-03-09T15:00:00Z"),
                reason: .paused(by: .waitingOnCustomer)),
            SLASpan(
                range: try range("2026-03-09T15:00:00Z", "2026-03-10T09:00:00Z"),
                reason: .closed(
                    calendar: "office", holidays: [try LocalDate(parsing: "2026-03-10")])),
        ]
        #expect(try decode([SLASpan].self, json(spans)) == spans)
        #expect(throws: DecodingError.self) {
            try decode(SLASpan.self, #"{"start":10,"end":5,"reason":"stopped"}"#)
        }
        #expect(throws: DecodingError.self) {
            try decode(SLASpan.self, #"{"start":1,"end":5,"reason":"lunch"}"#)
        }
    }

    @Test func explanationsRoundTripWithTheirCountedTime() throws {
        let sla = try engine([(.resolution, hours(8))], calendar: try allDay("UTC"))
        let events = [
            try created("2026-03-09T09:00:00Z"),
            try event(.resolved, "2026-03-09T11:00:00Z"),
            try event(.reopened, "2026-03-09T14:00:00Z"),
        ]
        let explanations = try sla.explain(events, asOf: try instant("2026-03-09T15:00:00Z"))
        let text = try json(explanations)
        // 2 h + 1 h counted = 10,800,000 ms.
        #expect(text.contains(#""countedMilliseconds":10800000"#))
        #expect(try decode([SLAExplanation].self, text) == explanations)
        let overlapping =
            #"{"kind":"resolution","spans":[{"start":0,"end":10,"reason":"stopped"},{"start":5,"end":20,"reason":"stopped"}]}"#
        #expect(throws: DecodingError.self) { try decode(SLAExplanation.self, overlapping) }
    }

    @Test func whatIfResultsRecomputeTheirChanges() throws {
        let policy = try SLAPolicy(targets: [
            "P1": [try SLATarget(kind: .resolution, duration: hours(4), calendar: "office")],
            "P3": [try SLATarget(kind: .resolution, duration: hours(8), calendar: "office")],
        ])
        let sla = try SLAEngine(policy: policy, calendars: ["office": try newYorkOffice()])
        // P3 created Monday 2026-03-09 09:00 EDT; as P1 it breaches at 13:00 EDT and its
        // deadline moves 4 h (14,400,000 ms) earlier.
        let result = try sla.whatIf(
            .priority("P1", from: try instant("2026-03-09T09:00:00-04:00")),
            events: [try created("2026-03-09T09:00:00-04:00", "P3")],
            asOf: try instant("2026-03-09T15:00:00-04:00"))
        let text = try json(result)
        #expect(text.contains(#""breachChanged":true"#))
        #expect(text.contains(#""deadlineShiftMilliseconds":-14400000"#))
        let decoded = try decode(SLAWhatIfResult.self, text)
        #expect(decoded == result)
        // The changes are derived: a document without them decodes to the same result.
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let trimmed = try JSONSerialization.data(
            withJSONObject: object.filter { $0.key != "changes" })
        #expect(try JSONDecoder().decode(SLAWhatIfResult.self, from: trimmed) == result)
    }
}
