import MSPCore
import Testing

@Suite struct RoundingRuleTests {
    /// The table in `RoundingRule`'s documentation: value in tenths, then the result for
    /// up, down, ceiling, floor, halfUp, halfDown, halfEven (unnecessary checked apart).
    static let table: [(tenths: Int64, expected: [Int64])] = [
        (55, [6, 5, 6, 5, 6, 5, 6]),
        (25, [3, 2, 3, 2, 3, 2, 2]),
        (16, [2, 1, 2, 1, 2, 2, 2]),
        (11, [2, 1, 2, 1, 1, 1, 1]),
        (10, [1, 1, 1, 1, 1, 1, 1]),
        (-10, [-1, -1, -1, -1, -1, -1, -1]),
        (-11, [-2, -1, -1, -2, -1, -1, -1]),
        (-16, [-2, -1, -1, -2, -2, -2, -2]),
        (-25, [-3, -2, -2, -3, -3, -2, -2]),
        (-55, [-6, -5, -5, -6, -6, -5, -6]),
        (35, [4, 3, 4, 3, 4, 3, 4]),
        (-35, [-4, -3, -3, -4, -4, -3, -4]),
        (4, [1, 0, 1, 0, 0, 0, 0]),
        (-4, [-1, 0, 0, -1, 0, 0, 0]),
        (0, [0, 0, 0, 0, 0, 0, 0]),
    ]

    static let rules: [RoundingRule] = [
        .up, .down, .ceiling, .floor, .halfUp, .halfDown, .halfEven,
    ]

    @Test(arguments: table)
    func documentedTable(tenths: Int64, expected: [Int64]) throws {
        let value = try Rational(tenths, 10)
        for (rule, result) in zip(Self.rules, expected) {
            #expect(try value.rounded(rule) == result, "\(value) \(rule)")
        }
        if tenths % 10 == 0 {
            #expect(try value.rounded(.unnecessary) == tenths / 10)
        } else {
            #expect(throws: MoneyError.roundingNecessary(operation: "round", value: "\(value)")) {
                try value.rounded(.unnecessary)
            }
        }
    }

    @Test func ruleNamesAreStableJSON() {
        #expect(
            RoundingRule.allCases.map(\.rawValue) == [
                "up", "down", "ceiling", "floor", "halfUp", "halfDown", "halfEven", "unnecessary",
            ])
    }
}
