import MSPCore
import MSPTestSupport
import Testing

@Suite struct MoneyAllocationTests {
    /// The documented table in `Money+Allocation.swift`.
    static let table: [(String, [Int64], [String])] = [
        ("100.00", [1, 1, 1], ["33.34", "33.33", "33.33"]),
        ("0.05", [3, 7], ["0.02", "0.03"]),
        ("10.00", [1, 0, 1], ["5.00", "0.00", "5.00"]),
        ("-100.00", [1, 1, 1], ["-33.34", "-33.33", "-33.33"]),
        ("0.02", [1, 1, 1], ["0.01", "0.01", "0.00"]),
        ("0.00", [2, 1], ["0.00", "0.00"]),
        ("1.00", [1], ["1.00"]),
        // remainders 0.6, 0.3, 0.1 of a cent: leftover 1 cent → largest remainder (part 1)
        ("0.01", [6, 3, 1], ["0.01", "0.00", "0.00"]),
        // 10 cents by 1:2:3:4 → 1, 2, 3, 4 exactly
        ("0.10", [1, 2, 3, 4], ["0.01", "0.02", "0.03", "0.04"]),
        // 0.07 by 1:1:1 → 3, 2, 2 (ties go to the earliest part)
        ("0.07", [1, 1, 1], ["0.03", "0.02", "0.02"]),
        // 0.05 by 1:3 → 1.25 and 3.75: the larger remainder (second part) gets the cent
        ("0.05", [1, 3], ["0.01", "0.04"]),
    ]

    @Test(arguments: table)
    func documentedTable(total: String, weights: [Int64], expected: [String]) throws {
        let parts = try usd(total).allocated(by: weights)
        #expect(parts == (try expected.map(usd)))
    }

    @Test func splitEvenlyGivesExtraUnitsToTheFirstParts() throws {
        #expect(try usd("100.00").split(into: 3) == ["33.34", "33.33", "33.33"].map(usd))
        #expect(try usd("-0.05").split(into: 3) == ["-0.02", "-0.02", "-0.01"].map(usd))
        #expect(try usd("7.00").split(into: 1) == [usd("7.00")])
        #expect(
            try Money(minorUnits: 5, currency: .jpy).split(into: 2).map(\.minorUnits) == [3, 2])
    }

    @Test func rationalRatiosMatchIntegerWeights() throws {
        let ratios = try [Rational(1, 3), Rational(1, 6), Rational(1, 2)]
        #expect(try usd("100.00").allocated(by: ratios) == usd("100.00").allocated(by: [2, 1, 3]))
        let decimals = try ["0.5", "0.25", "0.25"].map { try Rational(parsing: $0) }
        // Weights 2:1:1 of 3 cents: shares 1.5, 0.75, 0.75; the larger remainders win.
        #expect(try usd("0.03").allocated(by: decimals) == ["0.01", "0.01", "0.01"].map(usd))
    }

    @Test func extremeTotalsAllocateWithoutOverflow() throws {
        let min = Money(minorUnits: .min, currency: .usd)
        let parts = try min.allocated(by: [1, 1])
        #expect(parts.map(\.minorUnits) == [Int64.min / 2, Int64.min / 2])
        let max = Money(minorUnits: .max, currency: .usd)
        let maxParts = try max.allocated(by: [Int64.max - 1, 1])
        #expect(try Money.sum(maxParts, currency: .usd) == max)
    }

    @Test func badRatiosAreErrors() throws {
        let amount = try usd("1.00")
        #expect(throws: MoneyError.invalidRatio("[]", reason: "no parts")) {
            try amount.allocated(by: [Int64]())
        }
        #expect(throws: MoneyError.invalidRatio("[1, -1]", reason: "weight -1 is negative")) {
            try amount.allocated(by: [1, -1])
        }
        #expect(throws: MoneyError.invalidRatio("[0, 0]", reason: "all weights are zero")) {
            try amount.allocated(by: [0, 0])
        }
        #expect(throws: MoneyError.overflow(operation: "allocate", operands: "sum of weights")) {
            try amount.allocated(by: [.max, 1])
        }
        #expect(
            throws: MoneyError.invalidCount(0, field: "count", reason: "must be in 1...1000000")
        ) {
            try amount.split(into: 0)
        }
        #expect(
            throws: MoneyError.invalidCount(
                1_000_001, field: "count", reason: "must be in 1...1000000")
        ) {
            try amount.split(into: 1_000_001)
        }
    }

    @Test func partsAlwaysSumToTheTotalAndStayWithinOneUnitOfTheirShare() throws {
        try checkProperty(seed: 0x5EED_0004) { rng in
            let total =
                rng.chance(1, in: 20)
                ? rng.element(of: [Int64.max, Int64.min, 0, 1, -1])
                : rng.int64(in: -1_000_000_000_000...1_000_000_000_000)
            let count = rng.int(in: 1...12)
            let weights = (0..<count).map { _ in
                rng.chance(1, in: 5) ? 0 : rng.int64(in: 0...1_000_000)
            }
            let money = Money(minorUnits: total, currency: .usd)
            guard weights.contains(where: { $0 > 0 }) else { return ("all zero", nil) }
            let parts = try money.allocated(by: weights)
            let sum = try Money.sum(parts, currency: .usd)
            let weightSum = weights.reduce(0, +)
            var failure: String?
            if sum != money { failure = "sum \(sum) != \(money)" }
            for (part, weight) in zip(parts, weights) {
                // |part| is floor or floor + 1 of the exact share, and has the total's sign.
                let exact = total.magnitude.multipliedFullWidth(by: UInt64(weight))
                let floor = UInt64(weightSum).dividingFullWidth(exact).quotient
                let got = part.minorUnits.magnitude
                if got != floor && got != floor + 1 { failure = "part \(part) vs share \(floor)" }
                if weight == 0 && got != 0 { failure = "zero weight got \(part)" }
                if total < 0 && part.minorUnits > 0 || total > 0 && part.minorUnits < 0 {
                    failure = "sign of \(part)"
                }
            }
            return ("\(money) by \(weights)", failure)
        }
    }

    /// Largest remainder, worked by hand: 0.10 by [1, 1, 1] is 0.03 each with remainder 1/3
    /// each, so the one unit left goes to the first part; 0.10 by [1, 2, 2, 1] has shares
    /// 1, 3, 3, 1 (+ remainders 4/6, 2/6, 2/6, 4/6) and the two units left go to the first
    /// and last parts, the largest remainders.
    @Test func leftoverUnitsGoToTheLargestRemaindersEarliestFirst() throws {
        #expect(try usd("0.10").allocated(by: [1, 1, 1]) == ["0.04", "0.03", "0.03"].map(usd))
        #expect(
            try usd("0.10").allocated(by: [1, 2, 2, 1])
                == ["0.02", "0.03", "0.03", "0.02"].map(usd))
        #expect(
            try usd("-0.10").allocated(by: [1, 2, 2, 1])
                == ["-0.02", "-0.03", "-0.03", "-0.02"].map(usd))
    }

    /// Which parts get the leftover units, against a plain sort of the parts by remainder
    /// (largest first, earlier part first on a tie), with up to 40 parts so that both the
    /// scan (up to 8 units left over) and the sort are taken.
    @Test func leftoverUnitsMatchASortByRemainder() throws {
        try checkProperty(seed: 0x5EED_0044) { rng in
            let total = rng.int64(in: -10_000_000...10_000_000)
            let count = rng.int(in: 1...40)
            let weights = (0..<count).map { _ in
                rng.chance(1, in: 6) ? 0 : rng.int64(in: 0...(rng.chance(1, in: 2) ? 3 : 1_000))
            }
            guard weights.contains(where: { $0 > 0 }) else { return ("all zero", nil) }
            let weightSum = UInt64(weights.reduce(0, +))
            let magnitude = total.magnitude
            var shares = weights.map { magnitude * UInt64($0) / weightSum }
            let remainders = weights.map { magnitude * UInt64($0) % weightSum }
            let leftover = Int(magnitude - shares.reduce(0, +))
            let order = (0..<count).sorted {
                remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1
            }
            for index in order.prefix(leftover) { shares[index] += 1 }
            let expected = shares.map {
                Money(minorUnits: total < 0 ? -Int64($0) : Int64($0), currency: .usd)
            }
            let parts = try Money(minorUnits: total, currency: .usd).allocated(by: weights)
            return (
                "\(total) by \(weights) (\(leftover) left over)",
                parts == expected ? nil : "got \(parts.map(\.minorUnits))"
            )
        }
    }

    @Test func tooManyWeightsIsAnError() throws {
        let weights = [Int64](repeating: 1, count: Money.maximumAllocationParts + 1)
        #expect(
            throws: MoneyError.invalidCount(
                Money.maximumAllocationParts + 1, field: "parts",
                reason: "more than \(Money.maximumAllocationParts) parts")
        ) {
            try usd("1.00").allocated(by: weights)
        }
    }
}
