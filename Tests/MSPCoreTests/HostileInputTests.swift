import Foundation
import MSPCore
import MSPTestSupport
import Testing

private func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

private let may2026 = Date(timeIntervalSince1970: 1_777_593_600)  // 2026-05-01T00:00:00Z

/// Hostile inputs to MSPCore: Int64 edges, enormous and malformed text, impossible dates and
/// calendars, and JSON that is deep, huge or of the wrong shape.
let hostileCoreInputs: [HostileInput] = [
    // Money text and Int64 edges
    HostileInput(name: "largest cent amount", expected: "valid: 92233720368547758.07 USD") {
        outcome { try Money(parsing: "92233720368547758.07", currency: .usd) }
    },
    HostileInput(name: "one cent past Int64.max", expected: "MoneyError.overflow") {
        outcome { try Money(parsing: "92233720368547758.08", currency: .usd) }
    },
    HostileInput(name: "Int64.min minor units", expected: "valid: -92233720368547758.08 USD") {
        outcome { try Money(parsing: "-92233720368547758.08", currency: .usd) }
    },
    HostileInput(name: "a million digits", expected: "MoneyError.overflow") {
        outcome { try Money(parsing: String(repeating: "9", count: 1_000_000), currency: .usd) }
    },
    HostileInput(name: "a million zeros then 1", expected: "valid: 1.00 USD") {
        outcome {
            try Money(parsing: String(repeating: "0", count: 1_000_000) + "1", currency: .usd)
        }
    },
    HostileInput(name: "sub-cent amount for USD", expected: "MoneyError.tooManyDecimals") {
        outcome { try Money(parsing: "0.001", currency: .usd) }
    },
    HostileInput(name: "exponent notation", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "1e5", currency: .usd) }
    },
    HostileInput(name: "NaN", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "NaN", currency: .usd) }
    },
    HostileInput(name: "Infinity", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "-Infinity", currency: .usd) }
    },
    HostileInput(name: "leading plus", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "+1.00", currency: .usd) }
    },
    HostileInput(name: "Arabic-Indic digits", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "\u{0661}\u{0662}", currency: .usd) }
    },
    HostileInput(name: "thousands separator", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "1,000.00", currency: .usd) }
    },
    HostileInput(name: "empty amount", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "", currency: .usd) }
    },
    HostileInput(name: "NUL inside the amount", expected: "MoneyError.invalidNumber") {
        outcome { try Money(parsing: "1\u{0}0", currency: .usd) }
    },
    HostileInput(name: "19 decimals", expected: "MoneyError.tooManyDecimals") {
        outcome { try Rational(parsing: "0.0000000000000000001") }
    },
    HostileInput(name: "Int64.max + Int64.max", expected: "MoneyError.overflow") {
        outcome {
            let max = Money(minorUnits: .max, currency: .usd)
            return try max + max
        }
    },
    HostileInput(name: "negating Int64.min", expected: "MoneyError.overflow") {
        outcome { try Money(minorUnits: .min, currency: .usd).negated() }
    },
    HostileInput(name: "Int64.max × 2", expected: "MoneyError.overflow") {
        outcome { try Money(minorUnits: .max, currency: .usd) * 2 }
    },
    HostileInput(name: "Int64.max × 150%", expected: "MoneyError.overflow") {
        outcome {
            try Money(minorUnits: .max, currency: .usd).percentage(
                Percentage(150), rounding: .halfEven)
        }
    },
    HostileInput(name: "Int64.min ÷ −1", expected: "MoneyError.overflow") {
        outcome { try Money(minorUnits: .min, currency: .usd).divided(by: -1, rounding: .down) }
    },
    HostileInput(name: "divide by zero", expected: "MoneyError.divisionByZero") {
        outcome { try Money(minorUnits: 100, currency: .usd).divided(by: 0, rounding: .down) }
    },
    HostileInput(
        name: "sum of Int64.max twice then −Int64.max", expected: "valid: 92233720368547758.07 USD"
    ) {
        outcome {
            let max = Money(minorUnits: .max, currency: .usd)
            let min = Money(minorUnits: -.max, currency: .usd)
            return try Money.sum([max, max, min], currency: .usd)
        }
    },
    HostileInput(name: "USD + EUR", expected: "MoneyError.currencyMismatch") {
        outcome { try Money(minorUnits: 1, currency: .usd) + Money(minorUnits: 1, currency: .eur) }
    },
    HostileInput(name: "compare USD with JPY", expected: "MoneyError.currencyMismatch") {
        outcome {
            try Money(minorUnits: 1, currency: .usd) < Money(minorUnits: 1, currency: .jpy)
        }
    },
    HostileInput(name: "allocate into no parts", expected: "MoneyError.invalidRatio") {
        outcome { try Money(minorUnits: 100, currency: .usd).allocated(by: [Int64]()) }
    },
    HostileInput(name: "allocate by all-zero weights", expected: "MoneyError.invalidRatio") {
        outcome { try Money(minorUnits: 100, currency: .usd).allocated(by: [0, 0]) }
    },
    HostileInput(name: "allocate by a negative weight", expected: "MoneyError.invalidRatio") {
        outcome { try Money(minorUnits: 100, currency: .usd).allocated(by: [3, -1]) }
    },
    HostileInput(name: "allocate by weights summing past Int64", expected: "MoneyError.overflow") {
        outcome { try Money(minorUnits: 100, currency: .usd).allocated(by: [.max, .max]) }
    },
    HostileInput(name: "split into a million and one parts", expected: "MoneyError.invalidCount") {
        outcome { try Money(minorUnits: 100, currency: .usd).split(into: 1_000_001) }
    },
    HostileInput(name: "split into zero parts", expected: "MoneyError.invalidCount") {
        outcome { try Money(minorUnits: 100, currency: .usd).split(into: 0) }
    },
    HostileInput(name: "rounding necessary", expected: "MoneyError.roundingNecessary") {
        outcome {
            try Money(minorUnits: 1, currency: .usd).divided(by: 3, rounding: .unnecessary)
        }
    },
    // Ratios and currencies
    HostileInput(name: "ratio over zero", expected: "MoneyError.divisionByZero") {
        outcome { try Rational(1, 0) }
    },
    HostileInput(name: "Int64.min / −1", expected: "MoneyError.overflow") {
        outcome { try Rational(.min, -1) }
    },
    HostileInput(name: "ratio product past Int64", expected: "MoneyError.overflow") {
        outcome { try Rational(.max, 1) * Rational(.max, 1) }
    },
    HostileInput(name: "lower-case currency code", expected: "MoneyError.malformedCurrency") {
        outcome { try Currency(code: "usd") }
    },
    HostileInput(name: "unknown currency code", expected: "MoneyError.unknownCurrency") {
        outcome { try Currency(code: "ZZZ") }
    },
    HostileInput(name: "five-letter currency code", expected: "MoneyError.malformedCurrency") {
        outcome { try Currency(code: "USDDD") }
    },
    HostileInput(
        name: "four-letter code not in ISO 4217 (well formed, as USDC is)",
        expected: "MoneyError.unknownCurrency"
    ) {
        outcome { try Currency(code: "USDD") }
    },
    HostileInput(name: "custom currency with 10 decimals", expected: "MoneyError.invalidMinorUnits")
    {
        outcome { try Currency(custom: "XTS", minorUnits: 10) }
    },
    // Identifiers
    HostileInput(name: "empty identifier", expected: "IdentifierError.empty") {
        outcome { try CustomerID("") }
    },
    HostileInput(name: "identifier of 257 bytes", expected: "IdentifierError.tooLong") {
        outcome { try DeviceID(String(repeating: "a", count: 257)) }
    },
    HostileInput(name: "identifier with a newline", expected: "IdentifierError.controlCharacter") {
        outcome { try TicketID("T-1\nT-2") }
    },
    HostileInput(name: "identifier of tabs and spaces", expected: "IdentifierError.blank") {
        outcome { try UserID(" \t ") }
    },
    // Dates, ranges and cycles
    HostileInput(name: "February 29 of a common year", expected: "PeriodError.invalidDate") {
        outcome { try LocalDate(year: 2027, month: 2, day: 29) }
    },
    HostileInput(name: "year 0", expected: "PeriodError.invalidDate") {
        outcome { try LocalDate(parsing: "0000-01-01") }
    },
    HostileInput(name: "year 10000", expected: "PeriodError.invalidDate") {
        outcome { try LocalDate(parsing: "10000-01-01") }
    },
    HostileInput(name: "range ending before it starts", expected: "PeriodError.endBeforeStart") {
        outcome { try DateRange(start: may2026, end: may2026.addingTimeInterval(-1)) }
    },
    HostileInput(name: "infinite instant", expected: "PeriodError.invalidInstant") {
        outcome { try DateRange(start: may2026, end: Date(timeIntervalSince1970: .infinity)) }
    },
    HostileInput(name: "NaN instant", expected: "PeriodError.invalidInstant") {
        outcome { try DateRange(start: Date(timeIntervalSince1970: .nan), end: may2026) }
    },
    HostileInput(name: "anchor day 32", expected: "PeriodError.invalidAnchorDay") {
        outcome {
            try BillingCycle(
                unit: .month, interval: 1, anchorDate: LocalDate(year: 2026, month: 1, day: 31),
                anchorDay: 32, timeZoneIdentifier: "America/New_York")
        }
    },
    HostileInput(name: "cycle of 0 months", expected: "PeriodError.invalidInterval") {
        outcome {
            try BillingCycle(
                unit: .month, interval: 0, anchorDate: LocalDate(year: 2026, month: 1, day: 1),
                timeZoneIdentifier: "America/New_York")
        }
    },
    HostileInput(name: "cycle in an unknown zone", expected: "PeriodError.unknownTimeZone") {
        outcome {
            try BillingCycle(
                unit: .month, interval: 1, anchorDate: LocalDate(year: 2026, month: 1, day: 1),
                timeZoneIdentifier: "Mars/Olympus_Mons")
        }
    },
    HostileInput(name: "period 10 million cycles ahead", expected: "PeriodError.outOfRange") {
        outcome {
            try BillingCycle(
                unit: .month, interval: 1, anchorDate: LocalDate(year: 2026, month: 1, day: 1),
                timeZoneIdentifier: "America/New_York"
            ).period(at: 10_000_000)
        }
    },
    HostileInput(name: "negative usage", expected: "PeriodError.negativeQuantity") {
        outcome {
            try UnitUsage(
                customer: CustomerID("c"), category: .server, measure: .count(-1, at: may2026))
        }
    },
    // Business calendars
    HostileInput(name: "calendar in an unknown zone", expected: "CalendarError.unknownTimeZone") {
        outcome { try BusinessCalendar(timeZone: "Nowhere/Null", weeklyHours: [:]) }
    },
    HostileInput(name: "span 24:01", expected: "CalendarError.invalidTime") {
        outcome { try BusinessCalendar.Span("09:00", "24:01") }
    },
    HostileInput(name: "empty span", expected: "CalendarError.emptySpan") {
        outcome { try BusinessCalendar.Span("09:00", "09:00") }
    },
    HostileInput(name: "overlapping spans", expected: "CalendarError.overlappingSpans") {
        outcome {
            try BusinessCalendar(
                timeZone: "Europe/London",
                weeklyHours: [
                    .monday: [BusinessCalendar.Span("09:00", "13:00"), .init("12:00", "17:00")]
                ])
        }
    },
    HostileInput(name: "10,000-year horizon", expected: "CalendarError.horizonTooLong") {
        outcome {
            try BusinessCalendar.twentyFourSeven(timeZone: "Europe/London").compiled(
                for: DateRange(
                    start: Date(timeIntervalSince1970: -62_135_596_800),
                    end: Date(timeIntervalSince1970: 253_402_214_400)))
        }
    },
    HostileInput(name: "query outside the horizon", expected: "CalendarError.outsideHorizon") {
        outcome {
            let compiled = try BusinessCalendar.twentyFourSeven(timeZone: "Europe/London")
                .compiled(for: DateRange(start: may2026, end: may2026.addingTimeInterval(86_400)))
            return try compiled.isOpen(at: may2026.addingTimeInterval(-1))
        }
    },
    HostileInput(name: "negative deadline duration", expected: "CalendarError.negativeDuration") {
        outcome {
            let compiled = try BusinessCalendar.twentyFourSeven(timeZone: "Europe/London")
                .compiled(for: DateRange(start: may2026, end: may2026.addingTimeInterval(86_400)))
            return try compiled.deadline(after: may2026, adding: .seconds(-1))
        }
    },
    // JSON
    HostileInput(name: "money amount as a JSON number", expected: "DecodingError") {
        outcome { try json(Money.self, #"{"amount": 12.34, "currency": "USD"}"#) }
    },
    HostileInput(name: "money amount past Int64 in JSON", expected: "DecodingError") {
        outcome { try json(Money.self, #"{"amount": "1e400", "currency": "USD"}"#) }
    },
    HostileInput(name: "100,000 nested arrays", expected: "DecodingError") {
        outcome {
            try json(
                [Money].self,
                String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        }
    },
    HostileInput(name: "a 10 MB identifier in JSON", expected: "DecodingError") {
        outcome {
            try json(CustomerID.self, "\"" + String(repeating: "x", count: 10_000_000) + "\"")
        }
    },
    HostileInput(name: "unknown rounding rule", expected: "DecodingError") {
        outcome { try json(RoundingRule.self, #""bankers""#) }
    },
    HostileInput(name: "unknown outage kind", expected: "DecodingError") {
        outcome {
            try json(
                Outage.self,
                #"{"range":{"start":"2026-05-01T00:00:00Z","end":"2026-05-01T00:01:00Z"},"kind":"meh"}"#
            )
        }
    },
    HostileInput(name: "range with a JSON-number bound", expected: "DecodingError") {
        outcome { try json(DateRange.self, #"{"start": 0, "end": 1}"#) }
    },
    HostileInput(name: "calendar with an overlapping week", expected: "DecodingError") {
        outcome {
            try json(
                BusinessCalendar.self,
                #"{"timeZone":"Europe/London","weeklyHours":{"monday":[["09:00","13:00"],["12:00","17:00"]]}}"#
            )
        }
    },
]

@Suite struct HostileInputTests {
    @Test(arguments: hostileCoreInputs)
    func hostileInputIsRejectedOrDocumented(_ input: HostileInput) {
        #expect(input.run() == input.expected)
    }

    @Test func tableIsLargeAndNamesAreUnique() {
        #expect(hostileCoreInputs.count >= 60)
        #expect(Set(hostileCoreInputs.map(\.name)).count == hostileCoreInputs.count)
    }
}
