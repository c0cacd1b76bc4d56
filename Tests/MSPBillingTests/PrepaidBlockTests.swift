import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

private func validity(_ start: String, _ end: String) throws -> DateRange {
    try DateRange(start: instant(start), end: instant(end))
}

private func draw(
    _ id: String, _ date: String, _ minutes: Int64, multiplier: Rational = .one,
    kind: PrepaidBlock.Kind = .hours
) throws -> BlockDraw {
    try BlockDraw(
        id: id, kind: kind, workDate: instant(date), quantity: minutes, multiplier: multiplier)
}

@Suite struct PrepaidBlockTests {
    @Test func blockHoursWithRolloverAndExpiryConsumedByOutOfOrderEntries() throws {
        // December left 7 h (420 min) with a 5 h rollover cap: B holds 300 min until Mar 1.
        // A: 10 h (600 min) bought for January, expires Feb 1.
        // Entries arrive e3, e1, e4, e2 but are consumed by work date, earliest-expiring
        // block (A) first:
        //   e1 Jan 5, 360 min:           A 600 → 240
        //   e2 Jan 10, 120 min × 1.5 = 180: A 240 → 60
        //   e3 Jan 20, 240 min:          A 60 → 0, then B 300 → 120 (180 from B)
        //   e4 Feb 3, 240 min:           A has expired; B 120 → 0; 120 min overage
        // Overage 120 min = 2 h × 150.00 = 300.00.
        let december = try PrepaidBlock(
            id: "dec", kind: .hours, quantity: 600,
            validity: validity("2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z"))
        let rolled = try december.rolledOver(
            remaining: 420, cap: 300, id: "B",
            validity: validity("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"))
        #expect(rolled.quantity == 300)
        let a = try PrepaidBlock(
            id: "A", kind: .hours, quantity: 600,
            validity: validity("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"))
        let draws = [
            try draw("e3", "2026-01-20T10:00:00Z", 240),
            try draw("e1", "2026-01-05T10:00:00Z", 360),
            try draw("e4", "2026-02-03T10:00:00Z", 240),
            try draw("e2", "2026-01-10T19:00:00Z", 120, multiplier: Rational(3, 2)),
        ]
        let result = try BlockConsumption(blocks: [rolled, a], draws: draws)
        #expect(
            result.allocations.map { "\($0.draw)/\($0.block)/\($0.quantity)" } == [
                "e1/A/360", "e2/A/180", "e3/A/60", "e3/B/180", "e4/B/120",
            ])
        #expect(result.overage == [BlockConsumption.Overage(draw: "e4", quantity: 120)])
        #expect(result.remaining == ["A": 0, "B": 0])
        let lines = try result.overageLines(
            kind: .hours, unitPrice: price("150.00"), category: category("labour"))
        #expect(lines.map(\.amount) == [try usd("300.00")])
    }

    @Test func unusedBalanceExpires() throws {
        // A 5 h block for January and one 2 h entry on Feb 2: the block has expired, so all
        // 120 minutes are overage and the block keeps its 300 unused minutes.
        let block = try PrepaidBlock(
            id: "A", kind: .hours, quantity: 300,
            validity: validity("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"))
        let result = try BlockConsumption(
            blocks: [block], draws: [draw("late", "2026-02-02T10:00:00Z", 120)])
        #expect(result.overage.map(\.quantity) == [120])
        #expect(result.remaining["A"] == 300)
    }

    @Test func incidentAndMoneyBlocks() throws {
        // 3 incidents prepaid, 5 used: 2 over at 95.00 = 190.00.
        // 500.00 prepaid, draws of 300.00 and 350.00: 150.00 over.
        let january = try validity("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")
        let incidents = try BlockConsumption(
            blocks: [PrepaidBlock(id: "I", kind: .incidents, quantity: 3, validity: january)],
            draws: (1...5).map {
                try draw("i\($0)", "2026-01-0\($0)T10:00:00Z", 1, kind: .incidents)
            })
        #expect(
            try incidents.overageLines(
                kind: .incidents, unitPrice: price("95.00"), category: category("support")
            ).reduce(Money.zero(.usd)) { try $0 + $1.amount } == usd("190.00"))
        let money = try BlockConsumption(
            blocks: [PrepaidBlock(id: "M", kind: .money, quantity: 50_000, validity: january)],
            draws: [
                draw("m1", "2026-01-05T10:00:00Z", 30_000, kind: .money),
                draw("m2", "2026-01-06T10:00:00Z", 35_000, kind: .money),
            ])
        #expect(
            try money.overageLines(kind: .money, unitPrice: price("0"), category: category("x"))
                .map(\.amount) == [usd("150.00")])
    }

    @Test func consumptionIsTheSameInAnyInputOrder() throws {
        let start = try instant("2026-01-01T00:00:00Z").timeIntervalSince1970
        try checkProperty(seed: 0x9E7A) { random in
            var blocks: [PrepaidBlock] = []
            for index in 0..<random.int(in: 1...4) {
                let from = random.int(in: Int64(0)...Int64(40))
                let to = from + random.int(in: Int64(1)...Int64(40))
                blocks.append(
                    try PrepaidBlock(
                        id: "b\(index)", kind: .hours,
                        quantity: random.int(in: Int64(0)...Int64(900)),
                        validity: DateRange(
                            start: Date(timeIntervalSince1970: start + Double(from) * 86_400),
                            end: Date(timeIntervalSince1970: start + Double(to) * 86_400))))
            }
            var draws: [BlockDraw] = []
            for index in 0..<random.int(in: 0...8) {
                draws.append(
                    try BlockDraw(
                        id: "d\(index)", kind: .hours,
                        workDate: Date(
                            timeIntervalSince1970: start + Double(
                                random.int(in: Int64(0)...Int64(80))) * 43_200),
                        quantity: random.int(in: Int64(0)...Int64(400)),
                        multiplier: random.chance(1, in: 3) ? Rational(3, 2) : .one))
            }
            let sorted = try BlockConsumption(blocks: blocks, draws: draws)
            let shuffled = try BlockConsumption(
                blocks: blocks.shuffled(using: &random), draws: draws.shuffled(using: &random))
            return (
                "\(blocks.count) blocks, \(draws.count) draws", sorted == shuffled ? nil : "differs"
            )
        }
    }

    @Test func badBlocksAndDraws() throws {
        let january = try validity("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")
        #expect(throws: BillingError.negativeQuantity("-1", field: "quantity")) {
            try PrepaidBlock(id: "A", kind: .hours, quantity: -1, validity: january)
        }
        #expect(throws: BillingError.negativeQuantity("-5", field: "quantity")) {
            try draw("x", "2026-01-05T10:00:00Z", -5)
        }
        #expect(throws: BillingError.duplicateComponent("d", field: "draws[1].id")) {
            try BlockConsumption(
                blocks: [],
                draws: [draw("d", "2026-01-05T10:00:00Z", 5), draw("d", "2026-01-06T10:00:00Z", 5)])
        }
    }
}
