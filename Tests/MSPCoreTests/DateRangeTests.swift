import Foundation
import MSPCore
import MSPTestSupport
import Testing

/// The instant `value` milliseconds after 2026-01-01T00:00:00Z.
private func at(_ value: Int64) -> Date {
    Date(timeIntervalSince1970: 1_767_225_600 + Double(value) / 1000)
}

/// The range `[at(start), at(end))`.
private func span(_ start: Int64, _ end: Int64) throws -> DateRange {
    try DateRange(start: at(start), end: at(end))
}

/// `[start, end)` pairs of millisecond offsets, for readable tables.
private func spans(_ pairs: [(Int64, Int64)]) throws -> [DateRange] {
    try pairs.map { try span($0.0, $0.1) }
}

@Suite struct DateRangeTests {
    // MARK: Containment and overlap

    @Test func containmentIsHalfOpen() throws {
        let range = try span(1000, 2000)
        #expect(range.contains(at(1000)))
        #expect(range.contains(at(1999)))
        #expect(!range.contains(at(2000)))
        #expect(!range.contains(at(999)))
        #expect(!range.contains(Date(timeIntervalSince1970: .nan)))
        #expect(range.duration == .milliseconds(1000))
        #expect(!range.isEmpty)
    }

    @Test func emptyRangeContainsNothing() throws {
        let empty = try span(1000, 1000)
        #expect(empty.isEmpty)
        #expect(empty.duration == .zero)
        #expect(!empty.contains(at(1000)))
        #expect(try span(0, 2000).contains(empty))
        #expect(try span(0, 1000).contains(empty))
        #expect(!(try span(0, 999).contains(empty)))
    }

    @Test(
        arguments: [
            // a, b, a contains b
            ((0, 10), (0, 10), true),
            ((0, 10), (2, 8), true),
            ((2, 8), (0, 10), false),
            ((0, 10), (5, 11), false),
            ((0, 10), (10, 10), true),
        ] as [((Int64, Int64), (Int64, Int64), Bool)])
    func rangeContainment(a: (Int64, Int64), b: (Int64, Int64), expected: Bool) throws {
        #expect(try span(a.0, a.1).contains(span(b.0, b.1)) == expected)
    }

    @Test(
        arguments: [
            // a, b, intersection or nil
            ((0, 10), (10, 20), nil),
            ((0, 10), (5, 20), (5, 10)),
            ((0, 10), (2, 8), (2, 8)),
            ((0, 10), (0, 10), (0, 10)),
            ((0, 10), (11, 20), nil),
            ((0, 10), (5, 5), nil),
            ((5, 5), (5, 5), nil),
            ((10, 20), (0, 15), (10, 15)),
        ] as [((Int64, Int64), (Int64, Int64), (Int64, Int64)?)])
    func overlapAndIntersection(
        a: (Int64, Int64), b: (Int64, Int64), expected: (Int64, Int64)?
    ) throws {
        let first = try span(a.0, a.1)
        let second = try span(b.0, b.1)
        #expect(first.overlaps(second) == (expected != nil))
        #expect(second.overlaps(first) == (expected != nil))
        let intersection = try expected.map { try span($0.0, $0.1) }
        #expect(first.intersection(second) == intersection)
        #expect(second.intersection(first) == intersection)
    }

    // MARK: Union and subtraction

    @Test(
        arguments: [
            // inputs, merged
            ([], []),
            ([(0, 10)], [(0, 10)]),
            ([(0, 10), (10, 20)], [(0, 20)]),
            ([(10, 20), (0, 10)], [(0, 20)]),
            ([(0, 30), (5, 10), (12, 20)], [(0, 30)]),
            ([(0, 10), (20, 30), (5, 25)], [(0, 30)]),
            ([(0, 10), (11, 20)], [(0, 10), (11, 20)]),
            ([(5, 5), (7, 7)], []),
            ([(0, 10), (10, 10), (10, 20)], [(0, 20)]),
            ([(0, 10), (0, 10), (0, 5)], [(0, 10)]),
            ([(30, 40), (0, 10), (15, 20), (18, 25)], [(0, 10), (15, 25), (30, 40)]),
            ([(9, 9), (0, 10)], [(0, 10)]),
        ] as [([(Int64, Int64)], [(Int64, Int64)])])
    func union(inputs: [(Int64, Int64)], merged: [(Int64, Int64)]) throws {
        #expect(DateRange.union(try spans(inputs)) == (try spans(merged)))
    }

    @Test(
        arguments: [
            // base, cuts, remainder
            ((0, 100), [], [(0, 100)]),
            ((0, 100), [(20, 30)], [(0, 20), (30, 100)]),
            ((0, 100), [(0, 100)], []),
            ((0, 100), [(-10, 200)], []),
            ((0, 100), [(-10, 10), (90, 200)], [(10, 90)]),
            ((0, 100), [(100, 200), (-50, 0)], [(0, 100)]),
            ((0, 100), [(20, 30), (30, 40), (35, 50)], [(0, 20), (50, 100)]),
            ((0, 100), [(50, 50)], [(0, 100)]),
            ((0, 100), [(60, 70), (10, 20)], [(0, 10), (20, 60), (70, 100)]),
            ((50, 50), [(0, 100)], []),
            ((50, 50), [], []),
        ] as [((Int64, Int64), [(Int64, Int64)], [(Int64, Int64)])])
    func subtracting(
        base: (Int64, Int64), cuts: [(Int64, Int64)], remainder: [(Int64, Int64)]
    ) throws {
        #expect(try span(base.0, base.1).subtracting(spans(cuts)) == (try spans(remainder)))
    }

    // MARK: Invalid input

    @Test func endBeforeStart() {
        #expect(throws: PeriodError.endBeforeStart(start: at(10), end: at(9))) {
            try DateRange(start: at(10), end: at(9))
        }
    }

    @Test(arguments: [
        Double.nan, .infinity, -.infinity, 253_402_300_800, -62_135_596_801, 1e300,
    ])
    func invalidInstants(seconds: Double) {
        let bad = Date(timeIntervalSince1970: seconds)
        #expect(throws: PeriodError.invalidInstant(bad, field: "start")) {
            try DateRange(start: bad, end: at(0))
        }
        #expect(throws: PeriodError.invalidInstant(bad, field: "end")) {
            try DateRange(start: at(0), end: bad)
        }
    }

    @Test func boundsRoundToTheNearestMillisecond() throws {
        let epoch = Date(timeIntervalSince1970: 0)
        let range = try DateRange(
            start: epoch.addingTimeInterval(0.0004), end: epoch.addingTimeInterval(0.0016))
        #expect(range.start == epoch)
        #expect(range.duration == .milliseconds(2))
        let extremes = try DateRange(
            start: Date(timeIntervalSince1970: -62_135_596_800),
            end: Date(timeIntervalSince1970: 253_402_300_799.999))
        #expect(extremes.duration == .milliseconds(253_402_300_799_999 + 62_135_596_800_000))
    }

    // MARK: Ordering, description, Codable

    @Test func orderingAndDescription() throws {
        #expect(try span(0, 10) < span(0, 20))
        #expect(try span(0, 20) < span(5, 6))
        let january = try DateRange(
            start: Date(timeIntervalSince1970: 1_767_225_600),
            end: Date(timeIntervalSince1970: 1_769_904_000))
        #expect(january.description == "[2026-01-01T00:00:00.000Z, 2026-02-01T00:00:00.000Z)")
    }

    @Test func jsonUsesISO8601Strings() throws {
        let range = try span(0, 1_500)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(range), as: UTF8.self)
        #expect(json == #"{"end":"2026-01-01T00:00:01.500Z","start":"2026-01-01T00:00:00.000Z"}"#)
        #expect(try JSONDecoder().decode(DateRange.self, from: Data(json.utf8)) == range)
        // The encoder's date strategy does not change the shape.
        encoder.dateEncodingStrategy = .secondsSince1970
        #expect(String(decoding: try encoder.encode(range), as: UTF8.self) == json)
    }

    @Test(
        arguments: [
            (#"{"start":"2026-01-01T02:00:00+02:00","end":"2026-01-01T00:00:01Z"}"#, 0, 1000),
            (#"{"start":"2025-12-31T19:00:00.25-05:00","end":"2026-01-01T00:00:00.5Z"}"#, 250, 500),
        ] as [(String, Int64, Int64)])
    func decodesOffsetsAndShortFractions(json: String, start: Int64, end: Int64) throws {
        let decoded = try JSONDecoder().decode(DateRange.self, from: Data(json.utf8))
        #expect(decoded == (try span(start, end)))
    }

    @Test(arguments: [
        #"{"start":"2026-01-02T00:00:00Z","end":"2026-01-01T00:00:00Z"}"#,
        #"{"start":0,"end":1}"#,
        #"{"start":"2026-01-01","end":"2026-01-02"}"#,
        #"{"start":"2026-01-01T00:00:00","end":"2026-01-02T00:00:00Z"}"#,
        #"{"start":"2026-02-30T00:00:00Z","end":"2026-03-02T00:00:00Z"}"#,
        #"{"start":"2026-01-01T24:00:00Z","end":"2026-01-02T00:00:00Z"}"#,
        #"{"start":"2026-01-01T00:00:00.1234567891Z","end":"2026-01-02T00:00:00Z"}"#,
        #"{"start":"2026-01-01T00:00:00.Z","end":"2026-01-02T00:00:00Z"}"#,
        #"{"start":"2026-01-01T00:00:00Z "}"#,
        #"{"start":"0001-01-01T00:00:00+01:00","end":"0001-01-02T00:00:00Z"}"#,
        #"{"start":"2026-01-01T00:00:00Z"}"#,
    ])
    func decodingRejectsInvalidRanges(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DateRange.self, from: Data(json.utf8))
        }
    }

    // MARK: Properties

    @Test func unionIsSortedDisjointAndCoversTheSameInstants() throws {
        try checkProperty(seed: 0xDA7E_2A46E) { random in
            let ranges = try (0..<random.int(in: 0...12)).map { _ in
                let start: Int64 = random.int(in: 0...200)
                return try span(start, start + random.int(in: Int64(0)...40))
            }
            let merged = DateRange.union(ranges)
            let input = "\(ranges)"
            for (earlier, later) in zip(merged, merged.dropFirst())
            where !(earlier.end < later.start) {
                return (input, "\(earlier) and \(later) are not sorted, disjoint and apart")
            }
            if merged.contains(where: \.isEmpty) { return (input, "an empty range remains") }
            var samples = Set((0..<20).map { _ in random.int(in: Int64(-5)...250) })
            for range in ranges {
                for offset: Int64 in [-1, 0, 1] {
                    samples.insert(Int64(range.start.timeIntervalSince(at(0)) * 1000) + offset)
                    samples.insert(Int64(range.end.timeIntervalSince(at(0)) * 1000) + offset)
                }
            }
            for sample in samples {
                let point = at(sample)
                let inInputs = ranges.contains { $0.contains(point) }
                let inUnion = merged.contains { $0.contains(point) }
                if inInputs != inUnion { return (input, "\(sample) ms: \(inInputs) vs \(inUnion)") }
            }
            return (input, nil)
        }
    }

    @Test func subtractingRemovesExactlyTheCuts() throws {
        try checkProperty(seed: 0x5B_7AC7) { random in
            let start: Int64 = random.int(in: 0...100)
            let base = try span(start, start + random.int(in: Int64(0)...100))
            let cuts = try (0..<random.int(in: 0...6)).map { _ in
                let cutStart: Int64 = random.int(in: -20...220)
                return try span(cutStart, cutStart + random.int(in: Int64(0)...50))
            }
            let rest = base.subtracting(cuts)
            let input = "\(base) - \(cuts)"
            guard DateRange.union(rest) == rest else { return (input, "\(rest) not normalised") }
            for sample in Int64(-25)...Int64(275) {
                let point = at(sample)
                let expected = base.contains(point) && !cuts.contains { $0.contains(point) }
                if rest.contains(where: { $0.contains(point) }) != expected {
                    return (input, "\(sample) ms misclassified in \(rest)")
                }
            }
            return (input, nil)
        }
    }
}
