import ArgumentParser
import Foundation
import MSPCloseSupport
import MSPContracts
import MSPCore
import MSPSLA

/// `msp-close sla-whatif`: a ticket's SLA as of any instant, and what a change would do.
struct SLAWhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla-whatif",
        abstract: "Evaluate a ticket's SLA as of an instant, and what a change would do.",
        discussion: """
            The ticket is found in customers/<customer>.json; its SLA policy is the one \
            the customer's agreement assigns on the day the ticket was created, with the \
            provider's calendars. Example: msp-close sla-whatif --customer acme \
            --ticket ACME-1002 --at 2026-10-07T17:00:00Z --priority P1
            """)

    @OptionGroup var data: DataOptions

    @Option(help: "The customer ID (its document is customers/<ID>.json).")
    var customer: String

    @Option(help: "The ticket ID.")
    var ticket: String

    @Option(help: ArgumentHelp("The instant to evaluate at (ISO 8601).", valueName: "INSTANT"))
    var at: Instant

    @Option(help: "What if the ticket had this priority (from --from, default its creation).")
    var priority: String?

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "When the --priority change takes effect (ISO 8601).", valueName: "INSTANT"))
    var priorityFrom: Instant?

    @Option(
        name: .customLong("remove-pause-at"),
        help: ArgumentHelp(
            "What if the pause starting at this instant never happened.", valueName: "INSTANT"))
    var removePauseAt: Instant?

    @Flag(help: "List every business span counted or skipped.")
    var explain = false

    @Option(help: "table or json.")
    var format: QuoteCommand.QuoteFormat = .table

    func validate() throws {
        if priority != nil && removePauseAt != nil {
            throw ValidationError("give one change: --priority or --remove-pause-at, not both")
        }
        if priorityFrom != nil && priority == nil {
            throw ValidationError("--from goes with --priority")
        }
    }

    /// The parts of provider.json the what-if needs.
    struct ProviderPart: Decodable {
        struct Level: Decodable {
            var id: SLAPolicyID
            var policy: SLAPolicy
        }
        var calendars: [String: BusinessCalendar]
        var serviceLevels: [Level]
    }

    /// The parts of a customer document the what-if needs.
    struct CustomerPart: Decodable {
        struct AgreementPart: Decodable {
            var agreement: Agreement
        }
        struct TicketPart: Decodable {
            var id: TicketID
            var events: [TicketEvent]
        }
        var agreement: AgreementPart
        var tickets: [TicketPart]?
    }

    func run() throws {
        do {
            let loader = try data.loader()
            let provider = try loader.load(ProviderPart.self, from: "provider.json")
            let file = "customers/\(customer).json"
            guard loader.exists(file) else {
                throw InputError(description: "no customer \(customer): \(file) does not exist")
            }
            let document = try loader.load(CustomerPart.self, from: file)
            guard let found = document.tickets?.first(where: { $0.id.rawValue == ticket }) else {
                throw InputError(description: "\(file): no ticket \(ticket)")
            }
            guard let created = found.events.map(\.instant).min() else {
                throw InputError(description: "\(file): ticket \(ticket) has no events")
            }
            let agreement = document.agreement.agreement
            let day = try LocalDate(
                containing: created, inTimeZone: agreement.timeZoneIdentifier)
            guard let policyID = agreement.slaPolicies.value(on: day) else {
                throw InputError(
                    description: "\(file): the agreement assigns no SLA policy on \(day)")
            }
            guard let level = provider.serviceLevels.first(where: { $0.id == policyID }) else {
                throw InputError(
                    description: "provider.json: no service level \(policyID.rawValue)")
            }
            if let removePauseAt,
                !found.events.contains(where: {
                    if case .statusChanged = $0.kind { return $0.instant == removePauseAt.date }
                    return false
                })
            {
                throw InputError(
                    description:
                        "\(file): ticket \(ticket) has no status change at "
                        + "\(Formatting.instant(removePauseAt.date)); its events: "
                        + found.events.map(\.description).joined(separator: ", "))
            }
            let change: SLAWhatIf? =
                if let priority {
                    .priority(
                        TicketPriority(rawValue: priority), from: priorityFrom?.date ?? created)
                } else if let removePauseAt {
                    .removePause(at: removePauseAt.date)
                } else { nil }
            let whatIf = try TicketWhatIf(
                policy: level.policy, calendars: provider.calendars, events: found.events,
                asOf: at.date, change: change)
            switch format {
            case .table:
                print(
                    render(whatIf, policy: policyID.rawValue, change: change), terminator: "")
            case .json:
                print(try json(whatIf))
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw report(error)
        }
    }

    func render(_ whatIf: TicketWhatIf, policy: String, change: SLAWhatIf?) -> String {
        var text = "Ticket \(ticket) of \(customer), policy \(policy), as of "
        text += "\(Formatting.instant(at.date)): \(whatIf.evaluation.state), "
        text += "priority \(whatIf.evaluation.priority)\n\n"
        text += TicketWhatIf.table(whatIf.evaluation).render()
        text += "\n" + whatIf.explanationLines().joined(separator: "\n") + "\n"
        if explain {
            for explanation in whatIf.explanations {
                text += "\n\(explanation.kind.rawValue):\n"
                text += explanation.spans.map { "  \($0)" }.joined(separator: "\n") + "\n"
            }
        }
        guard let change, let result = whatIf.result, let table = whatIf.changesTable() else {
            return text
        }
        switch change {
        case .priority(let priority, let from):
            text += "\nWhat if it were \(priority) from \(Formatting.instant(from)):\n"
        case .removePause(let instant):
            text += "\nWhat if the pause at \(Formatting.instant(instant)) never happened:\n"
        case .calendars:
            text += "\nWhat if the calendars differed:\n"
        }
        if result.changes.isEmpty {
            return text + "nothing changes.\n"
        }
        text += table.render()
        for change in result.changes {
            var notes: [String] = []
            if change.breachChanged {
                notes.append(
                    change.after?.status == .breached ? "becomes breached" : "no longer breached")
            }
            if let shift = change.deadlineShift {
                let sign = shift < .zero ? "earlier" : "later"
                let magnitude = shift < .zero ? .zero - shift : shift
                notes.append("deadline \(Formatting.duration(magnitude)) \(sign)")
            }
            if !notes.isEmpty {
                text += "\(change.kind.rawValue): \(notes.joined(separator: "; "))\n"
            }
        }
        return text
    }

    struct TargetJSON: Encodable {
        var kind: String
        var status: String
        var priority: String
        var targetMilliseconds: Int64
        var elapsedMilliseconds: Int64
        var remainingMilliseconds: Int64
        var deadline: Date?
        var breachInstant: Date?

        init(_ target: SLATargetEvaluation) {
            kind = target.kind.rawValue
            status = target.status.rawValue
            priority = target.priority.rawValue
            targetMilliseconds = Self.milliseconds(target.target)
            elapsedMilliseconds = Self.milliseconds(target.elapsed)
            remainingMilliseconds = Self.milliseconds(target.remaining)
            deadline = target.deadline
            breachInstant = target.breachInstant
        }

        static func milliseconds(_ duration: Duration) -> Int64 {
            duration.components.seconds * 1000 + duration.components.attoseconds
                / 1_000_000_000_000_000
        }
    }

    struct WhatIfJSON: Encodable {
        var ticket: String
        var asOf: Date
        var targets: [TargetJSON]
        var after: [TargetJSON]?
        var changed: [String]?
    }

    func json(_ whatIf: TicketWhatIf) throws -> String {
        let value = WhatIfJSON(
            ticket: ticket, asOf: at.date, targets: whatIf.evaluation.targets.map(TargetJSON.init),
            after: whatIf.result?.after.targets.map(TargetJSON.init),
            changed: whatIf.result?.changes.map(\.kind.rawValue))
        return String(decoding: try JSONOutput.encode(value), as: UTF8.self)
    }
}
