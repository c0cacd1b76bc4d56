import Foundation
import MSPCore
import MSPTestSupport
import Testing

@testable import MSPContracts

private func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// 12 months from 2026-01-01 with monthly tacit renewals and 7 days' notice.
private func monthlyRenewing() throws -> Agreement {
    try makeAgreement(
        start: "2026-01-01", initialTermMonths: 12, renewal: .tacit(months: 1),
        notice: .days(7))
}

/// A documented agreement JSON with `type` and `renewal` substituted.
private func agreementJSON(type: String = "fullyManaged", renewal: String) -> String {
    """
    {"id": "AGR-1", "customer": "ACME", "type": "\(type)", "startDate": "2025-01-01",
     "initialTermMonths": 12, "renewal": \(renewal),
     "noticePeriod": {"amount": 1, "unit": "months", "counting": "includingReceiptDay"},
     "minimumTermMonths": 0, "timeZone": "UTC",
     "pricePlans": [{"effective": "2025-01-01", "value": "gold"}],
     "slaPolicies": [{"effective": "2025-01-01", "value": "sla"}]}
    """
}

/// Hostile inputs to MSPContracts: terms and notices out of range, impossible event
/// sequences, dates at the end of the calendar, Int64-edge prices, mismatched currencies,
/// and JSON of the wrong shape.
let hostileContractInputs: [HostileInput] = [
    // Terms
    HostileInput(name: "an initial term of 0 months", expected: "ContractError.outOfRange") {
        outcome {
            try makeAgreement(
                start: "2026-01-01", initialTermMonths: 0, renewal: .none, notice: .days(0))
        }
    },
    HostileInput(name: "an initial term of Int.max months", expected: "ContractError.outOfRange") {
        outcome {
            try makeAgreement(
                start: "2026-01-01", initialTermMonths: .max, renewal: .none, notice: .days(0))
        }
    },
    HostileInput(name: "a renewal of 1201 months", expected: "ContractError.outOfRange") {
        outcome { try RenewalPolicy.tacit(months: 1_201) }
    },
    HostileInput(name: "a notice of -1 days", expected: "ContractError.outOfRange") {
        outcome { try NoticePeriod.days(-1) }
    },
    HostileInput(
        name: "a notice as long as the term", expected: "ContractError.noticeLongerThanTerm"
    ) {
        outcome {
            try makeAgreement(
                start: "2026-01-01", initialTermMonths: 12, renewal: .none, notice: .months(12))
        }
    },
    HostileInput(
        name: "a minimum term past the term", expected: "ContractError.minimumTermLongerThanTerm"
    ) {
        outcome {
            try makeAgreement(
                start: "2026-01-01", initialTermMonths: 12, renewal: .none, notice: .days(0),
                minimumTermMonths: 13)
        }
    },
    HostileInput(name: "an unknown time zone", expected: "ContractError.unknownTimeZone") {
        outcome {
            try makeAgreement(
                start: "2026-01-01", initialTermMonths: 12, renewal: .none, notice: .days(0),
                timeZone: "Mars/Olympus_Mons")
        }
    },
    HostileInput(
        name: "an initial term ending after 9999", expected: "ContractError.dateOutOfRange"
    ) {
        outcome {
            try makeAgreement(
                start: "9999-06-01", initialTermMonths: 12, renewal: .none, notice: .days(0))
        }
    },
    HostileInput(name: "no price plan assignment", expected: "ContractError.invalidAssignments") {
        outcome { try DatedAssignments<PricePlanID>([]) }
    },
    // Timelines and lifecycles
    HostileInput(name: "a timeline ending before it starts", expected: "ContractError.invalidRange")
    {
        outcome {
            try monthlyRenewing().timeline(from: day("2026-06-01"), through: day("2026-05-31"))
        }
    },
    HostileInput(name: "monthly renewals through 9998", expected: "valid: 95665 terms") {
        // The first term 2026-01-01 ..< 2027-01-01, then one renewal a month from 2027-01
        // through 9998-12: (9998 - 2027 + 1) x 12 = 95,664 renewals, 95,665 terms.
        outcome {
            "\(try monthlyRenewing().timeline(from: day("2026-01-01"), through: day("9998-12-31")).terms.count) terms"
        }
    },
    HostileInput(name: "signed twice", expected: "ContractError.impossibleSequence") {
        outcome {
            try monthlyRenewing().lifecycle(events: [
                AgreementEvent(.signed, on: day("2025-12-01")),
                AgreementEvent(.signed, on: day("2025-12-02")),
            ])
        }
    },
    HostileInput(name: "terminated before signed", expected: "ContractError.impossibleSequence") {
        outcome {
            try monthlyRenewing().lifecycle(events: [
                AgreementEvent(.terminated(.cause), on: day("2025-11-01")),
                AgreementEvent(.signed, on: day("2025-12-01")),
            ])
        }
    },
    // Money
    HostileInput(name: "a negative monthly charge", expected: "ContractError.outOfRange") {
        outcome {
            try EarlyTerminationTerms(
                rule: .remainderOfTerm, monthlyCharge: Money(minorUnits: -1, currency: .usd))
        }
    },
    HostileInput(name: "an empty declining schedule", expected: "ContractError.invalidSchedule") {
        outcome { try EarlyTerminationTerms(rule: .declining([]), monthlyCharge: usd("100.00")) }
    },
    HostileInput(name: "a EUR fee with a USD charge", expected: "ContractError.money") {
        outcome {
            try EarlyTerminationTerms(
                rule: .flat(Money(minorUnits: 100, currency: .eur)), monthlyCharge: usd("100.00"))
        }
    },
    HostileInput(name: "a fee on the start date", expected: "ContractError.beforeStart") {
        outcome {
            try monthlyRenewing().earlyTerminationFee(
                terminatingOn: day("2026-01-01"),
                terms: EarlyTerminationTerms(rule: .remainderOfTerm, monthlyCharge: usd("100.00")))
        }
    },
    HostileInput(name: "Int64.max monthly for the remainder", expected: "ContractError.money") {
        outcome {
            try monthlyRenewing().earlyTerminationFee(
                terminatingOn: day("2026-02-01"),
                terms: EarlyTerminationTerms(
                    rule: .remainderOfTerm, monthlyCharge: Money(minorUnits: .max, currency: .usd)))
        }
    },
    HostileInput(name: "Int64.max escalated by 3 %", expected: "ContractError.money") {
        outcome {
            let escalation = try PriceEscalation(
                method: .fixed(Percentage(3)), compounding: true, rounding: .halfEven)
            return try makeAgreement(
                start: "2026-01-01", initialTermMonths: 24, renewal: .none, notice: .days(0),
                escalation: escalation
            ).escalatedPrice(
                basePrice: Money(minorUnits: .max, currency: .usd), on: day("2027-01-01"))
        }
    },
    HostileInput(
        name: "an indexed price without an index", expected: "ContractError.missingIndexValue"
    ) {
        outcome {
            let rate = try PriceEscalation.IndexedRate(
                series: "CPI-U", referenceLagMonths: 2, baseMonth: IndexMonth(year: 2025, month: 11)
            )
            let escalation = try PriceEscalation(
                method: .indexed(rate), compounding: true, rounding: .halfEven)
            return try makeAgreement(
                start: "2026-01-01", initialTermMonths: 24, renewal: .none, notice: .days(0),
                escalation: escalation
            ).escalatedPrice(
                basePrice: usd("100.00"), on: day("2027-01-01"), index: IndexTable(series: [:]))
        }
    },
    HostileInput(name: "index month 13", expected: "ContractError.outOfRange") {
        outcome { try IndexMonth(year: 2026, month: 13) }
    },
    // JSON
    HostileInput(name: "an unknown agreement type", expected: "DecodingError") {
        outcome {
            try json(
                Agreement.self,
                agreementJSON(type: "handshake", renewal: #"{"kind": "tacit", "termMonths": 12}"#))
        }
    },
    HostileInput(
        name: "a tacit renewal without a term", expected: "ContractError.missingRenewalTerm"
    ) {
        outcome { try json(Agreement.self, agreementJSON(renewal: #"{"kind": "tacit"}"#)) }
    },
    HostileInput(name: "a renewal term of 10^30 months", expected: "DecodingError") {
        outcome {
            try json(
                Agreement.self,
                agreementJSON(
                    renewal: #"{"kind": "tacit", "termMonths": 1000000000000000000000000000000}"#))
        }
    },
    HostileInput(name: "an agreement of 100,000 nested arrays", expected: "DecodingError") {
        outcome {
            try json(
                Agreement.self,
                String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        }
    },
    HostileInput(name: "a negative committed quantity", expected: "ContractError.outOfRange") {
        outcome {
            try json(
                Amendment.self,
                #"{"effective": "2026-05-01", "kind": "quantityCommitment", "category": "server", "quantity": -3}"#
            )
        }
    },
]

@Suite struct HostileInputTests {
    @Test(arguments: hostileContractInputs)
    func hostileInputIsRejectedOrDocumented(_ input: HostileInput) {
        #expect(input.run() == input.expected)
    }

    @Test func namesAreUnique() {
        #expect(Set(hostileContractInputs.map(\.name)).count == hostileContractInputs.count)
    }
}
