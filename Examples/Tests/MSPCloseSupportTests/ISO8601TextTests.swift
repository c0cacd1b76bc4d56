import Foundation
import MSPCloseSupport
import Testing

@Suite struct ISO8601TextTests {
    // 2026-10-01T09:00:00Z: 20,362 days after 1970-01-01 × 86,400 s + 9 × 3,600 s
    // = 1,790,845,200 s. 1969-12-31T23:59:59.999Z is 1 ms before the epoch.
    // 0001-01-01T00:00:00Z is 719,162 days before the epoch: −62,135,596,800 s.
    // 2024-02-29T23:59:59.999Z: 19,782 days × 86,400,000 + 86,399,999 ms.
    @Test(
        arguments: [
            (Int64(1_790_845_200_000), "2026-10-01T09:00:00Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (-62_135_596_800_000, "0001-01-01T00:00:00Z"),
            (19_782 * 86_400_000 + 86_399_999, "2024-02-29T23:59:59.999Z"),
            (250, "1970-01-01T00:00:00.250Z"),
        ] as [(Int64, String)])
    func workedValues(milliseconds: Int64, text: String) {
        #expect(ISO8601Text.format(milliseconds: milliseconds) == text)
        #expect(ISO8601Text.milliseconds(text) == milliseconds)
    }

    @Test(arguments: [
        "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-10-01 09:00:00Z", "yesterday", "",
        "2026-10-01T24:00:00Z", "2026-10-01T09:00:00.Z",
    ])
    func rejectsWhatIsNotADate(text: String) {
        #expect(ISO8601Text.milliseconds(text) == nil)
    }

    @Test func offsetsAreRead() {
        // 11:00 at +02:00 is 09:00Z.
        #expect(ISO8601Text.milliseconds("2026-10-01T11:00:00+02:00") == 1_790_845_200_000)
    }

    /// 10,000 seeded random instants in years 1…9999 round-trip; from 1600 on (Foundation
    /// switches to the Julian calendar before 1582) they also agree with Foundation.
    @Test func roundTripsAndAgreesWithFoundation() {
        var state: UInt64 = 0x5EED_1234
        func next() -> UInt64 {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let low: Int64 = -62_135_596_800_000  // 0001-01-01
        let high: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999
        var mismatches: [Int64] = []
        for _ in 0..<10_000 {
            let milliseconds = low + Int64(next() % UInt64(high - low + 1))
            let text = ISO8601Text.format(milliseconds: milliseconds)
            let seconds = Date(
                timeIntervalSince1970: Double(milliseconds.quotientAndRemainderFloor))
            let foundation = seconds.formatted(.iso8601)
            let gregorian = milliseconds >= -11_676_096_000_000  // 1600-01-01
            if ISO8601Text.milliseconds(text) != milliseconds
                || (gregorian && !text.hasPrefix(String(foundation.dropLast())))
            {
                mismatches.append(milliseconds)
            }
        }
        #expect(mismatches.isEmpty, "seed 0x5EED1234, first failures: \(mismatches.prefix(3))")
    }
}

extension Int64 {
    /// Whole seconds, rounded toward negative infinity.
    fileprivate var quotientAndRemainderFloor: Int64 {
        self >= 0 ? self / 1000 : (self - 999) / 1000
    }
}
