import Foundation
import MSPCore
import MSPTestSupport
import Testing

@Suite struct BusinessCalendarMillisecondsTests {
    @Test func fridayAfternoonInMilliseconds() throws {
        let office = try newYorkOffice()
        // Friday 2026-03-06 16:00 EST is 21:00Z = 1_772_830_800_000 ms; Monday 2026-03-09
        // 10:00 EDT is 14:00Z = 1_773_064_800_000 ms; 2 business hours = 7_200_000 ms.
        let friday: Int64 = 1_772_830_800_000
        let monday: Int64 = 1_773_064_800_000
        #expect(try office.deadlineMilliseconds(after: friday, adding: 7_200_000) == monday)
        #expect(try office.businessMilliseconds(from: friday, to: monday) == 7_200_000)
        #expect(try office.deadlineMilliseconds(after: friday, adding: 0) == friday)
    }

    @Test func agreesWithTheDateQueries() throws {
        let office = try newYorkOffice()
        let low = office.horizon.startMilliseconds
        let span = office.horizon.endMilliseconds - low
        try checkProperty(seed: 0x5A17) { random in
            let a = low + random.int64(in: 0...(span / 2))
            let b = a + random.int64(in: 0...(span / 4))
            let amount = random.int64(in: 0...(40 * 3_600_000))
            let date = { (ms: Int64) in Date(timeIntervalSince1970: Double(ms) / 1000) }
            let business = try office.businessMilliseconds(from: a, to: b)
            let expected = try office.businessDuration(from: date(a), to: date(b))
            let deadline = try office.deadlineMilliseconds(after: a, adding: amount)
            let expectedDeadline = try office.deadline(
                after: date(a), adding: .milliseconds(amount))
            let agrees =
                Duration.milliseconds(business) == expected && date(deadline) == expectedDeadline
            return ("\(a) \(b) \(amount)", agrees ? nil : "ms and Date queries disagree")
        }
    }

    @Test func errors() throws {
        let office = try newYorkOffice()
        let start = office.horizon.startMilliseconds
        #expect(throws: CalendarError.self) {
            try office.businessMilliseconds(from: start - 1, to: start)
        }
        let reversed = #expect(throws: CalendarError.self) {
            try office.businessMilliseconds(from: start + 10, to: start)
        }
        #expect(reversed?.code == .endBeforeStart)
        let negative = #expect(throws: CalendarError.self) {
            try office.deadlineMilliseconds(after: start, adding: -1)
        }
        #expect(negative?.code == .negativeDuration)
        let beyond = #expect(throws: CalendarError.self) {
            try office.deadlineMilliseconds(after: start, adding: .max / 2)
        }
        #expect(beyond?.code == .outsideHorizon)
    }
}

@Suite struct BusinessCalendarCumulativeTests {
    @Test func cumulativeTimeIsTheRunningTotal() throws {
        let office = try newYorkOffice()
        let low = office.horizon.startMilliseconds
        let span = office.horizon.endMilliseconds - low
        try checkProperty(seed: 0xC0_0001) { random in
            let a = low + random.int64(in: 0...(span / 2))
            let b = a + random.int64(in: 0...(span / 4))
            let amount = random.int64(in: 1...(40 * 3_600_000))
            let before = try office.cumulativeBusinessMilliseconds(at: a)
            let difference = try office.cumulativeBusinessMilliseconds(at: b) - before
            let reached = try office.instant(
                reachingCumulativeBusinessMilliseconds: before + amount)
            let expectedDifference = try office.businessMilliseconds(from: a, to: b)
            let expectedReached = try office.deadlineMilliseconds(after: a, adding: amount)
            let agrees = difference == expectedDifference && reached == expectedReached
            return ("\(a) \(b) \(amount)", agrees ? nil : "cumulative queries disagree")
        }
    }

    @Test func cumulativeErrors() throws {
        let office = try newYorkOffice()
        // The horizon starts Thursday 2026-01-01 00:00 EST, a holiday-free closed night:
        // nothing is open before 09:00, so the cumulative time at the start is 0.
        #expect(
            try office.cumulativeBusinessMilliseconds(at: office.horizon.startMilliseconds) == 0)
        let zero = #expect(throws: CalendarError.self) {
            try office.instant(reachingCumulativeBusinessMilliseconds: 0)
        }
        #expect(zero?.code == .outsideHorizon)
        let beyond = #expect(throws: CalendarError.self) {
            try office.instant(
                reachingCumulativeBusinessMilliseconds: office.totalBusinessTime.components.seconds
                    * 1000 + 1)
        }
        #expect(beyond?.code == .outsideHorizon)
    }
}
