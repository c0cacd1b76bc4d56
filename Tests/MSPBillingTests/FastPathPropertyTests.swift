import Foundation
import MSPBilling
import MSPCore
import MSPTestSupport
import Testing

/// The rating fast paths (the key written byte by byte, the remembered category slot, time
/// entries read in place) against plain reference computations on random inputs.
@Suite struct FastPathPropertyTests {
    /// The key as the first implementation built it: `%` and `/` percent-encoded character
    /// by character, parts joined with `/`, dates as `LocalDate.description`.
    private func referenceKey(_ customer: String, _ plan: String, _ period: BillingPeriod)
        -> String
    {
        func escaped(_ text: String) -> String {
            var result = ""
            for character in text {
                switch character {
                case "%": result += "%25"
                case "/": result += "%2F"
                default: result.append(character)
                }
            }
            return result
        }
        return [
            escaped(customer), escaped(plan), period.startDate.description,
            period.endDate.description,
        ].joined(separator: "/")
    }

    @Test func invoiceKeyMatchesTheReference() throws {
        // Identifiers from an alphabet with the escaped characters, multi-byte letters and
        // an emoji; periods of random monthly cycles across years 1...9998.
        let alphabet = ["a", "Z", "7", "%", "/", "-", "é", "€", "日", "🙂", " ", "_"]
        try checkProperty(seed: 0x4B45_5953, cases: 10_000) { random in
            func identifier() -> String {
                var text = random.element(of: ["a", "b", "%", "/"])
                for _ in 0..<random.int(in: 0...12) { text += random.element(of: alphabet) }
                return text
            }
            let customer = identifier()
            let plan = identifier()
            let anchor = try LocalDate(
                year: random.int(in: 1...9_998), month: random.int(in: 1...12),
                day: random.int(in: 1...28))
            let cycle = try BillingCycle.monthly(anchoredAt: anchor, timeZoneIdentifier: "UTC")
            let period = try cycle.period(at: random.int(in: 0...11))
            let key = InvoiceKey(
                customer: try CustomerID(customer), plan: try PricePlanID(plan), period: period)
            let expected = referenceKey(customer, plan, period)
            return (
                "\(customer) | \(plan) | \(period.startDate)",
                key.rawValue.utf8.elementsEqual(expected.utf8) ? nil : "\(key) ≠ \(expected)"
            )
        }
    }

    @Test func ratingDoesNotDependOnRecordOrder() throws {
        // Records grouped by category (the remembered slot hits) and shuffled (it misses
        // at almost every record) rate to the same invoice, and so does a collection
        // without contiguous storage (the copying path).
        let period = try january()
        let categories: [BillableCategory] = [.workstation, .server, .user, .mobile, .licence]
        try checkProperty(seed: 0x5107, cases: 2_000) { random in
            var components: [PlanComponent] = []
            var usage: [UnitUsage] = []
            for (index, category) in categories.prefix(random.int(in: 1...5)).enumerated() {
                components.append(
                    PlanComponent(
                        name: "C\(index)", category: category, pricing: try random.pricing()))
                for _ in 0..<random.int(in: 0...6) {
                    usage.append(try count(random.int(in: Int64(0)...Int64(400)), category))
                }
            }
            let rated = try plan("p", components)
            var shuffled = usage
            for index in shuffled.indices.reversed() where index > 0 {
                shuffled.swapAt(index, random.int(in: 0...index))
            }
            let grouped = try rated.rate(customer: acme(), period: period, usage: usage)
            let mixed = try rated.rate(customer: acme(), period: period, usage: shuffled)
            let lazy = try rated.rate(
                customer: acme(), period: period, usage: shuffled.lazy.map { $0 })
            let failure: String? =
                grouped != mixed ? "shuffled order" : grouped != lazy ? "lazy collection" : nil
            return ("\(usage.count) records, \(components.count) components", failure)
        }
    }

    @Test func timeEntriesGiveTheSameLinesFromAnyCollection() throws {
        // An array, a slice of a larger array and a lazy (non-contiguous) collection of the
        // same random entries price to the same lines.
        let hours = try BusinessCalendar.Span("09:00", "17:00")
        let calendar = try BusinessCalendar(
            timeZone: "UTC",
            weeklyHours: [
                .monday: [hours], .tuesday: [hours], .wednesday: [hours], .thursday: [hours],
                .friday: [hours],
            ]
        ).compiled(for: january().range)
        let list = try TimeAndMaterials(
            rates: [
                .init(role: "engineer", workType: "remote", hourly: price("120.00")),
                .init(role: "engineer", workType: "onsite", hourly: price("150.00")),
            ],
            incrementMinutes: 15, minimumMinutes: 60, afterHoursMultiplier: Rational(3, 2),
            labourCategory: category("labour"), materialCategory: category("parts"))
        let start = try january().range.startMilliseconds
        try checkProperty(seed: 0x7E57, cases: 2_000) { random in
            var entries: [TimeEntry] = []
            for index in 0..<random.int(in: 0...8) {
                let begin = start + random.int(in: Int64(0)...Int64(29 * 86_400_000))
                let length = random.int(in: Int64(0)...Int64(600)) * 60_000
                entries.append(
                    try TimeEntry(
                        id: "t\(index)", customer: acme(), role: "engineer",
                        workType: random.chance(1, in: 2) ? "remote" : "onsite",
                        start: Date(timeIntervalSince1970: Double(begin) / 1000),
                        end: Date(timeIntervalSince1970: Double(begin + length) / 1000),
                        status: random.element(of: [.billable, .noCharge, .coveredByAgreement])))
            }
            let padded = [entries.first].compactMap { $0 } + entries + entries
            let slice = padded[(padded.count - 2 * entries.count)..<(padded.count - entries.count)]
            let fromArray = try list.lines(for: entries, customer: acme(), calendar: calendar)
            let fromSlice = try list.lines(for: slice, customer: acme(), calendar: calendar)
            let fromLazy = try list.lines(
                for: entries.lazy.map { $0 }, customer: acme(), calendar: calendar)
            var failure: String? =
                fromArray != fromSlice ? "slice" : fromArray != fromLazy ? "lazy" : nil
            // Each billable line's exact amount is rate × billed minutes / 60, computed here
            // through MSPCore's own Rational arithmetic (the rating does it in one reduction).
            for (entry, line) in zip(entries, fromArray) where entry.status == .billable {
                let hourly = entry.workType == "remote" ? "120" : "150"
                let expected =
                    try Rational(parsing: hourly) * Rational(100) * line.quantity / Rational(60)
                if line.exactMinorUnits != expected {
                    failure =
                        "\(entry.id): \(String(describing: line.exactMinorUnits)) ≠ \(expected)"
                }
            }
            return ("\(entries.count) entries", failure)
        }
    }
}

@Suite struct TimeEntryOverloadTests {
    @Test func emptyArrayLiteralPricesOnlyTheMaterials() throws {
        // No entries, one part: 2 × 80.00 = 160.00 at cost + 25 % = 200.00.
        let list = try TimeAndMaterials(
            rates: [.init(role: "engineer", workType: "remote", hourly: price("120.00"))],
            labourCategory: category("labour"), materialCategory: category("parts"))
        let calendar = try BusinessCalendar(timeZone: "UTC", weeklyHours: [:])
            .compiled(for: january().range)
        let part = try MaterialCharge(
            description: "SSD", unitCost: usd("80.00"), quantity: 2, markup: Percentage(25))
        let lines = try list.lines(
            for: [], materials: [part], customer: acme(), calendar: calendar)
        #expect(lines.map(\.amount) == [try usd("200.00")])
    }
}
