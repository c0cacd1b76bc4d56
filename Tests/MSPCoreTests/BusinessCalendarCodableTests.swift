import Foundation
import MSPCore
import MSPTestSupport
import Testing

// MARK: Codable

@Suite struct BusinessCalendarCodableTests {
    static let sample = """
        {
          "timeZone": "America/New_York",
          "weeklyHours": {
            "monday": [{"start": "09:00", "end": "17:00"}],
            "friday": [{"start": "22:00", "end": "06:00"}, {"start": "09:00", "end": "17:00"}],
            "sunday": []
          },
          "holidays": [
            {"date": "2026-12-25"},
            {"date": "2026-12-24", "closed": {"start": "12:00", "end": "24:00"}}
          ],
          "extraOpenings": [{"date": "2026-12-26", "open": {"start": "10:00", "end": "14:00"}}]
        }
        """

    @Test func decodesTheDocumentedShape() throws {
        let calendar = try JSONDecoder().decode(
            BusinessCalendar.self, from: Data(Self.sample.utf8))
        #expect(calendar.timeZoneIdentifier == "America/New_York")
        #expect(
            calendar.spans(on: .friday) == [try span("09:00", "17:00"), try span("22:00", "06:00")])
        #expect(calendar.spans(on: .sunday).isEmpty)
        #expect(
            calendar.holidays.first
                == .init(date: try day("2026-12-24"), closed: try span("12:00", "24:00")))
        #expect(calendar.extraOpenings.count == 1)
    }

    @Test func encodesTheDocumentedShape() throws {
        let calendar = try BusinessCalendar(
            timeZone: "Europe/London", weeklyHours: [.monday: [span("09:00", "17:30")]],
            holidays: [.init(date: day("2026-12-25"))],
            extraOpenings: [.init(date: day("2026-12-26"), open: span("10:00", "14:00"))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(calendar), as: UTF8.self)
        #expect(
            text
                == #"{"extraOpenings":[{"date":"2026-12-26","open":{"end":"14:00","start":"10:00"}}],"#
                + #""holidays":[{"date":"2026-12-25"}],"timeZone":"Europe\/London","#
                + #""weeklyHours":{"monday":[{"end":"17:30","start":"09:00"}]}}"#)
    }

    @Test func roundTrips() throws {
        let calendar = try JSONDecoder().decode(
            BusinessCalendar.self, from: Data(Self.sample.utf8))
        let again = try JSONDecoder().decode(
            BusinessCalendar.self, from: JSONEncoder().encode(calendar))
        #expect(again == calendar)
    }

    @Test(arguments: [
        #"{"timeZone":"UTC","weeklyHours":{"monday":[{"start":"09:00","end":"12:00"},{"start":"11:00","end":"13:00"}]}}"#,
        #"{"timeZone":"UTC","weeklyHours":{"funday":[]}}"#,
        #"{"timeZone":"UTC","weeklyHours":{"monday":[{"start":"25:00","end":"26:00"}]}}"#,
        #"{"timeZone":"UTC","weeklyHours":{"monday":[{"start":"09:00","end":"09:00"}]}}"#,
        #"{"timeZone":"Nowhere/Special","weeklyHours":{}}"#,
        #"{"timeZone":"UTC","weeklyHours":{},"holidays":[{"date":"2027-02-29"}]}"#,
    ])
    func rejectsInvalidJSON(_ json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8))
        }
    }
}
