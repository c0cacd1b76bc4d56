import ArgumentParser
import Foundation
import MSPBilling
import MSPCloseSupport
import MSPCore

/// `msp-close quote`: a prospect's counts priced under every bundled plan, ranked.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Price a prospect's devices and users under each price plan, cheapest first.",
        discussion: """
            Every plan in provider.json is rated for one period of its own billing cycle \
            with the counts given; a category a plan does not price is listed next to it, \
            and the plans that price everything come first. \
            Example: msp-close quote --workstations 40 --servers 4 --users 55 --period 2026-11
            """)

    @OptionGroup var data: DataOptions

    @Option(help: "Workstations (category workstation).")
    var workstations: Int64 = 0
    @Option(help: "Servers (category server).")
    var servers: Int64 = 0
    @Option(help: "Network devices (category network-device).")
    var networkDevices: Int64 = 0
    @Option(help: "Mobile devices (category mobile).")
    var mobile: Int64 = 0
    @Option(help: "Users (category user).")
    var users: Int64 = 0
    @Option(help: "Monitored endpoints (category monitored-endpoint).")
    var monitoredEndpoints: Int64 = 0
    @Option(
        name: .customLong("count"),
        help: ArgumentHelp(
            "Any other category, as category=count (repeatable).", valueName: "CATEGORY=N"))
    var otherCounts: [String] = []

    @Option(help: ArgumentHelp("The month priced (default: next month).", valueName: "YYYY-MM"))
    var period: Month?

    @Option(help: "table or json.")
    var format: QuoteFormat = .table

    enum QuoteFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    /// The part of provider.json a quote needs.
    struct PlansDocument: Decodable {
        var pricePlans: [PricePlan]
    }

    func validate() throws {
        for value in [workstations, servers, networkDevices, mobile, users, monitoredEndpoints]
        where value < 0 {
            throw ValidationError("counts cannot be negative (found \(value))")
        }
    }

    func counts() throws -> [(category: BillableCategory, count: Int64)] {
        var counts: [(category: BillableCategory, count: Int64)] = [
            (.workstation, workstations), (.server, servers), (.networkDevice, networkDevices),
            (.mobile, mobile), (.user, users), (.monitoredEndpoint, monitoredEndpoints),
        ]
        for text in otherCounts {
            let parts = text.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let count = Int64(parts[1]), count >= 0,
                let category = BillableCategory(rawValue: String(parts[0]))
            else {
                throw ValidationError("--count takes category=count, found \"\(text)\"")
            }
            counts.append((category, count))
        }
        return counts
    }

    func run() throws {
        do {
            let plans = try data.loader().load(PlansDocument.self, from: "provider.json")
                .pricePlans
            let month = period ?? Month.next(after: Date())
            let options = try ProspectQuote.rank(
                plans: plans, counts: try counts(), at: month.middle)
            switch format {
            case .table: print(render(options, month: month), terminator: "")
            case .json: print(try json(options))
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw report(error)
        }
    }

    func render(_ options: [ProspectQuote.Option], month: Month) -> String {
        var text = "Quote for \(month): "
        text +=
            (try? counts()).map { list in
                list.filter { $0.count > 0 }.map { "\($0.count) \($0.category.rawValue)" }
                    .joined(separator: ", ")
            } ?? ""
        text += "\n\n"
        var ranking = TextTable([
            .init("#", .right), .init("Plan"), .init("Period"), .init("Total", .right),
            .init("vs first", .right), .init("Not priced"),
        ])
        let cheapest = options.first?.invoice.total
        for (index, option) in options.enumerated() {
            let difference =
                cheapest.flatMap { try? option.invoice.total - $0 }.map {
                    $0.isZero ? "–" : "+" + $0.amountText
                } ?? ""
            ranking.append([
                String(index + 1), "\(option.plan.name) (\(option.plan.id.rawValue))",
                "\(option.invoice.period.startDate)..<\(option.invoice.period.endDate)",
                option.invoice.total.description, difference,
                option.unpriced.map { "\($0.count) \($0.category.rawValue)" }
                    .joined(separator: ", "),
            ])
        }
        text += ranking.render()
        for (index, option) in options.enumerated() {
            text += "\n\(index + 1). \(option.plan.name)\n"
            text += InvoiceRendering.table(option.invoice).render()
        }
        return text
    }

    struct QuoteJSON: Encodable {
        var rank: Int
        var plan: String
        var name: String
        var unpriced: [String: Int64]
        var invoice: Invoice
    }

    func json(_ options: [ProspectQuote.Option]) throws -> String {
        let rows = options.enumerated().map { index, option in
            QuoteJSON(
                rank: index + 1, plan: option.plan.id.rawValue, name: option.plan.name,
                unpriced: Dictionary(
                    option.unpriced.map { ($0.category.rawValue, $0.count) },
                    uniquingKeysWith: +),
                invoice: option.invoice)
        }
        return String(decoding: try JSONOutput.encode(rows), as: UTF8.self)
    }
}

extension Month {
    /// The month after the one containing `date` (UTC).
    static func next(after date: Date) -> Month {
        let previous = Month.previous(before: date)
        // previous + 2 months
        var month = previous.month + 2
        var year = previous.year
        if month > 12 {
            month -= 12
            year += 1
        }
        return Month(year: year, month: month)
    }
}
