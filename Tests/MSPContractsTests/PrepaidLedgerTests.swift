import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

@testable import MSPContracts

/// A block of `minutes` valid from `from` to `to` (UTC midnights).
private func hoursBlock(_ id: String, _ minutes: Int64, _ from: String, _ to: String) throws
    -> PrepaidBlock
{
    try PrepaidBlock(
        id: id, kind: .hours, quantity: minutes,
        validity: DateRange(start: instant(from + "T00:00:00Z"), end: instant(to + "T00:00:00Z")))
}

/// A draw of `minutes` worked at noon UTC on `date`.
private func hoursDraw(_ id: String, _ date: String, _ minutes: Int64, multiplier: Rational = .one)
    throws
    -> BlockDraw
{
    try BlockDraw(
        id: id, kind: .hours, workDate: instant(date + "T12:00:00Z"), quantity: minutes,
        multiplier: multiplier)
}

@Suite struct PrepaidLedgerTests {
    /// Block A: 600 minutes for January 2026; block B: 1,200 minutes for February 2026;
    /// rollover cap 120 minutes; thresholds 80 % and 95 %.
    /// Draws: d1 01-10 240 min; d2 01-20 120 min × 1.5 = 180; d3 02-10 1,100; d4 02-20 480.
    ///
    /// By hand: A is drawn 240 + 180 = 420, leaving 180 at its expiry on 02-01; 120 roll
    /// into "A+rollover", valid 02-01 for January's 31 days (to 03-04), and 60 expire.
    /// In February B expires first (03-01 before 03-04), so d3 takes 1,100 of B (100 left);
    /// d4 takes B's 100 and the rollover's 120, and 480 − 220 = 260 is overage.
    private func ledger() throws -> PrepaidLedger {
        try PrepaidLedger(
            agreement: AgreementID("AGR-1"), kind: .hours,
            blocks: [
                hoursBlock("A", 600, "2026-01-01", "2026-02-01"),
                hoursBlock("B", 1200, "2026-02-01", "2026-03-01"),
            ],
            draws: [
                hoursDraw("d4", "2026-02-20", 480),
                hoursDraw("d2", "2026-01-20", 120, multiplier: Rational(3, 2)),
                hoursDraw("d1", "2026-01-10", 240),
                hoursDraw("d3", "2026-02-10", 1100),
            ],
            rolloverCap: 120)
    }

    private func balance(
        _ purchased: Int64, _ available: Int64, _ consumed: Int64, _ expired: Int64,
        _ overage: Int64
    )
        -> PrepaidLedger.Balance
    {
        .init(
            purchased: purchased, available: available, consumed: consumed, expired: expired,
            overage: overage)
    }

    @Test func ledgerRoundTripsThroughItsFacts() throws {
        let ledger = try ledger()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(ledger), as: UTF8.self)
        // Only the facts are written: the purchased blocks, not the derived rollover.
        #expect(!text.contains("A+rollover"))
        #expect(text.contains(#""rolloverCap":120"#))
        #expect(text.contains(#""thresholds":[80,95]"#))
        let decoded = try JSONDecoder().decode(PrepaidLedger.self, from: Data(text.utf8))
        #expect(decoded == ledger)
        #expect(decoded.rolledOver == ledger.rolledOver)

        // Results round-trip too: balances, history, threshold crossings and reminders.
        let at = try instant("2026-02-05T00:00:00Z")
        let balance = ledger.balance(at: at)
        #expect(
            try JSONDecoder().decode(
                PrepaidLedger.Balance.self, from: encoder.encode(balance)) == balance)
        let history = ledger.history
        #expect(
            try JSONDecoder().decode(
                [PrepaidLedger.HistoryEntry].self, from: encoder.encode(history)) == history)
        let events = ledger.lowBalanceEvents
        let eventText = String(decoding: try encoder.encode(events), as: UTF8.self)
        // January peaks at 420 of 600 (70 %); d3 on 02-10 uses 1,100 of February's 1,320
        // (83 %), crossing 80 % at noon.
        #expect(eventText.contains(#""date":"2026-02-10T12:00:00.000Z","draw":"d3""#))
        #expect(
            try JSONDecoder().decode(
                [PrepaidLedger.LowBalanceEvent].self, from: Data(eventText.utf8)) == events)
        let reminders = try ledger.lowBalanceReminders(at: at, withinDays: 30)
        #expect(!reminders.isEmpty)
        #expect(
            try JSONDecoder().decode(
                [PrepaidLedger.Reminder].self, from: encoder.encode(reminders)) == reminders)
    }

    @Test func decodedLedgersAreRevalidated() throws {
        let block =
            #"{"id": "B-1", "kind": "hours", "quantity": 600, "validity": {"start": "2026-01-01T00:00:00.000Z", "end": "2026-02-01T00:00:00.000Z"}}"#
        let draw =
            #"{"id": "T-1", "kind": "money", "workDate": "2026-01-05T14:00:00.000Z", "quantity": 90}"#
        let text =
            #"{"agreement": "AGR-1", "kind": "hours", "blocks": [\#(block)], "draws": [\#(draw)]}"#
        let error = #expect(throws: ContractError.self) {
            try JSONDecoder().decode(PrepaidLedger.self, from: Data(text.utf8))
        }
        #expect(error?.code == .invalidLedger)
        #expect(error?.field == "draws[0].kind")
        let badThreshold =
            #"{"agreement": "AGR-1", "kind": "hours", "blocks": [], "draws": [], "thresholds": [0]}"#
        #expect(throws: ContractError.outOfRange(0, field: "thresholds[0]", allowed: 1...100)) {
            try JSONDecoder().decode(PrepaidLedger.self, from: Data(badThreshold.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(
                PrepaidLedger.Reminder.self,
                from: Data(
                    #"{"date": "2026-01-05", "kind": "blockExpiry", "block": "B", "remaining": 1}"#
                        .utf8))
        }
    }

    @Test func rolloverBlockIsCappedAndValidForTheOriginalLength() throws {
        let ledger = try ledger()
        #expect(
            try ledger.rolledOver == [hoursBlock("A+rollover", 120, "2026-02-01", "2026-03-04")])
    }

    @Test func balanceBeforeAndAfterExpiryWithRollover() throws {
        let ledger = try ledger()
        // 01-25: only A bought (600); 420 consumed, 180 available.
        #expect(
            ledger.balance(at: try instant("2026-01-25T00:00:00Z")) == balance(600, 180, 420, 0, 0))
        // The last instant of January: still 180 available, nothing expired.
        #expect(
            ledger.balance(at: try instant("2026-01-31T23:59:59Z")) == balance(600, 180, 420, 0, 0))
        // 02-01 00:00: A has expired: 180 left, 120 rolled, 60 expired; B 1,200 + rollover 120
        // available. 420 + 1,320 + 60 = 1,800 purchased.
        #expect(
            ledger.balance(at: try instant("2026-02-01T00:00:00Z"))
                == balance(1800, 1320, 420, 60, 0))
        // 02-15: B 100 + rollover 120 = 220 available; consumed 420 + 1,100 = 1,520.
        #expect(
            ledger.balance(at: try instant("2026-02-15T00:00:00Z"))
                == balance(1800, 220, 1520, 60, 0))
        // 03-05: everything drawn or expired; consumed 420 + 1,200 + 120 = 1,740; overage 260.
        #expect(
            ledger.balance(at: try instant("2026-03-05T00:00:00Z"))
                == balance(1800, 0, 1740, 60, 260))
    }

    @Test func historyIsInWorkDateOrder() throws {
        let history = try ledger().history
        #expect(history.map(\.draw.id) == ["d1", "d2", "d3", "d4"])
        #expect(
            history[3].allocations == [
                .init(draw: "d4", block: "B", quantity: 100),
                .init(draw: "d4", block: "A+rollover", quantity: 120),
            ])
        #expect(history[3].overage == 260)
        #expect(history[1].allocations == [.init(draw: "d2", block: "A", quantity: 180)])
    }

    @Test func thresholdCrossingsAndTheirReminders() throws {
        let ledger = try ledger()
        // January: 240 / 600 = 40 %, 420 / 600 = 70 %: no crossing.
        // d3: valid blocks B and the rollover, capacity 1,320; 1,100 / 1,320 = 83.3 % ≥ 80 %.
        // d4: 1,320 / 1,320 = 100 % ≥ 95 %.
        let d3 = try instant("2026-02-10T12:00:00Z")
        let d4 = try instant("2026-02-20T12:00:00Z")
        let crossing80 = PrepaidLedger.LowBalanceEvent(
            thresholdPercent: 80, draw: "d3", date: d3, available: 220, capacity: 1320)
        let crossing95 = PrepaidLedger.LowBalanceEvent(
            thresholdPercent: 95, draw: "d4", date: d4, available: 0, capacity: 1320)
        #expect(ledger.lowBalanceEvents == [crossing80, crossing95])
        // From 02-05 through 7 days later (02-12): only the 80 % crossing.
        #expect(
            try ledger.lowBalanceReminders(at: instant("2026-02-05T00:00:00Z"), withinDays: 7) == [
                .init(date: d3, kind: .lowBalance(crossing80))
            ])
        // From 01-28 through 02-04: A expires on 02-01 with 180 unused.
        #expect(
            try ledger.lowBalanceReminders(at: instant("2026-01-28T00:00:00Z"), withinDays: 7) == [
                .init(
                    date: instant("2026-02-01T00:00:00Z"),
                    kind: .blockExpiry(block: "A", remaining: 180))
            ])
        // Nothing from 01-01 through 01-05.
        #expect(
            try ledger.lowBalanceReminders(at: instant("2026-01-01T00:00:00Z"), withinDays: 4)
                .isEmpty)
    }

    @Test func thresholdIsReachedAtExactlyItsShareAndTheWindowIsInclusive() throws {
        // 100 minutes; 79 used is 79 % (below 80 %); one more is exactly 80 %, which counts;
        // 15 more is exactly 95 %.
        let ledger = try PrepaidLedger(
            agreement: AgreementID("A"), kind: .hours,
            blocks: [hoursBlock("A", 100, "2026-01-01", "2026-02-01")],
            draws: [
                hoursDraw("d1", "2026-01-05", 79), hoursDraw("d2", "2026-01-06", 1),
                hoursDraw("d3", "2026-01-07", 15),
            ])
        let events = ledger.lowBalanceEvents
        #expect(events.map(\.draw) == ["d2", "d3"])
        #expect(events.map(\.thresholdPercent) == [80, 95])
        #expect(events.map(\.available) == [20, 5])
        // The 80 % crossing is at 01-06 12:00; a window starting exactly one day earlier
        // with N = 1 ends on it and includes it; N = 0 from that instant includes it too.
        let crossing = try instant("2026-01-06T12:00:00Z")
        let dayBefore = try instant("2026-01-05T12:00:00Z")
        #expect(
            try ledger.lowBalanceReminders(at: dayBefore, withinDays: 1).map(\.date) == [crossing])
        #expect(
            try ledger.lowBalanceReminders(at: crossing, withinDays: 0).map(\.date) == [crossing])
        // One millisecond later it is no longer due.
        #expect(
            try ledger.lowBalanceReminders(at: crossing.addingTimeInterval(0.001), withinDays: 0)
                .isEmpty)
    }

    @Test func aRolloverIDTakenByAPurchasedBlockIsATypedError() throws {
        let error = #expect(throws: ContractError.self) {
            try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours,
                blocks: [
                    hoursBlock("A", 100, "2026-01-01", "2026-02-01"),
                    hoursBlock("A+rollover", 100, "2026-03-01", "2026-04-01"),
                ],
                draws: [], rolloverCap: 50)
        }
        #expect(error?.code == .invalidLedger)
        #expect(error?.value == "A+rollover")
    }

    @Test func badInputsAreTypedErrors() throws {
        let block = try hoursBlock("A", 600, "2026-01-01", "2026-02-01")
        let money = try PrepaidBlock(id: "M", kind: .money, quantity: 10, validity: block.validity)
        #expect(
            throws: ContractError.invalidLedger(
                field: "blocks[1].kind", value: "money", reason: "is not hours")
        ) {
            try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: [block, money], draws: [])
        }
        #expect(throws: ContractError.outOfRange(0, field: "thresholds[0]", allowed: 1...100)) {
            try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: [block], draws: [],
                thresholds: [0])
        }
        #expect(
            throws: ContractError.invalidLedger(
                field: "thresholds[1]", value: "80", reason: "is repeated")
        ) {
            try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: [block], draws: [],
                thresholds: [80, 80])
        }
        #expect(
            throws: ContractError.invalidLedger(
                field: "rolloverCap", value: "-1", reason: "is negative")
        ) {
            try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: [block], draws: [],
                rolloverCap: -1)
        }
        let duplicate = #expect(throws: ContractError.self) {
            try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: [block, block], draws: [])
        }
        #expect(duplicate?.code == .invalidLedger)
        #expect(duplicate?.field == "blocks[1].id")
        // 6 × 10^15 + 6 × 10^15 = 1.2 × 10^16 > 10^16: the second block is too much.
        let huge = try PrepaidBlock(
            id: "H1", kind: .hours, quantity: 6_000_000_000_000_000, validity: block.validity)
        var huge2 = huge
        huge2.id = "H2"
        #expect(
            throws: ContractError.invalidLedger(
                field: "blocks[1].quantity", value: "6000000000000000",
                reason: "takes the total past 10000000000000000 units")
        ) {
            try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: [huge, huge2], draws: [])
        }
        let ledger = try PrepaidLedger(
            agreement: AgreementID("A"), kind: .hours, blocks: [block], draws: [])
        #expect(throws: ContractError.outOfRange(-1, field: "days", allowed: 0...36_500)) {
            try ledger.lowBalanceReminders(at: instant("2026-01-01T00:00:00Z"), withinDays: -1)
        }
    }

    @Test func balanceAddsUpWhateverTheDrawOrder() throws {
        let day: Int64 = 86_400_000
        let origin: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z
        try checkProperty(seed: 0x1ED6_E5, cases: 10_000) { generator in
            var blocks: [PrepaidBlock] = []
            for index in 0..<generator.int(in: 1...4) {
                let start = origin + generator.int(in: Int64(0)...Int64(90)) * day
                let length = generator.int(in: Int64(1)...Int64(60)) * day
                blocks.append(
                    try PrepaidBlock(
                        id: "b\(index)", kind: .hours,
                        quantity: generator.int(in: Int64(0)...Int64(2000)),
                        validity: DateRange(
                            startMilliseconds: start, endMilliseconds: start + length)))
            }
            var draws: [BlockDraw] = []
            for index in 0..<generator.int(in: 0...12) {
                let at = origin + generator.int(in: Int64(0)...Int64(200) * day)
                draws.append(
                    try BlockDraw(
                        id: "d\(index)", kind: .hours,
                        workDate: Date(timeIntervalSince1970: Double(at) / 1000),
                        quantity: generator.int(in: Int64(0)...Int64(600)),
                        multiplier: generator.int(in: 0...1) == 0 ? .one : Rational(3, 2)))
            }
            let cap: Int64? =
                generator.int(in: 0...2) == 0 ? nil : generator.int(in: Int64(0)...Int64(500))
            var shuffledDraws = draws
            var shuffledBlocks = blocks
            for i in stride(from: shuffledDraws.count - 1, to: 0, by: -1) {
                shuffledDraws.swapAt(i, generator.int(in: 0...i))
            }
            for i in stride(from: shuffledBlocks.count - 1, to: 0, by: -1) {
                shuffledBlocks.swapAt(i, generator.int(in: 0...i))
            }
            let ledger = try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: blocks, draws: draws,
                rolloverCap: cap)
            let other = try PrepaidLedger(
                agreement: AgreementID("A"), kind: .hours, blocks: shuffledBlocks,
                draws: shuffledDraws,
                rolloverCap: cap)
            let at = Date(
                timeIntervalSince1970: Double(
                    origin + generator.int(in: Int64(0)...Int64(260) * day)) / 1000)
            let b = ledger.balance(at: at)
            let input = "blocks \(blocks) draws \(draws) cap \(String(describing: cap)) at \(at)"
            guard b.available + b.consumed + b.expired == b.purchased else {
                return (input, "balance \(b) does not add up")
            }
            guard b.available >= 0, b.consumed >= 0, b.expired >= 0, b.overage >= 0 else {
                return (input, "negative part in \(b)")
            }
            guard other.balance(at: at) == b else { return (input, "order changed the balance") }
            return (input, nil)
        }
    }
}
