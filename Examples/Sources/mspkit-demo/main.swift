// A small month end for one customer, computed exactly with MSPCore.
//
// Run it with `swift run --package-path Examples mspkit-demo`.

import Foundation
import MSPCore

/// One line of the demo invoice.
struct Line {
    var text: String
    var amount: Money
}

func demo() throws {
    let usd = Currency.usd
    var lines: [Line] = []

    // Per-device prices from the price plan, exact decimals parsed from text.
    let workstation = try Money(parsing: "45.00", currency: usd)
    let server = try Money(parsing: "125.00", currency: usd)
    lines.append(Line(text: "42 workstations × \(workstation)", amount: try workstation * 42))
    lines.append(Line(text: "6 servers × \(server)", amount: try server * 6))

    // The customer is billed monthly on the 1st, in New York time. A server removed at the
    // start of January 15 was under management for 14 of January's 31 days.
    let cycle = try BillingCycle.monthly(anchorDay: 1, timeZoneIdentifier: "America/New_York")
    let removedAt = try Date("2026-01-15T05:00:00Z", strategy: .iso8601)  // 00:00 EST
    let january = try cycle.period(containing: removedAt)
    let usedFraction = try january.prorationFraction(
        of: DateRange(start: january.start, end: removedAt), basis: .calendarDays)
    lines.append(
        Line(
            text: "1 server for \(usedFraction) of \(january.startDate)..<\(january.endDate)",
            amount: try server.multiplied(by: usedFraction, rounding: .halfEven)))

    // Backup storage priced below a cent per gigabyte stays exact until it is rounded once.
    let perGigabyte = try PreciseMoney(parsing: "0.000125", currency: usd)
    let gigabytes = try Rational(parsing: "1234567.5")
    lines.append(
        Line(
            text: "\(gigabytes) GB backup × \(perGigabyte)",
            amount: try perGigabyte.amount(for: gigabytes, rounding: .halfEven)))

    let subtotal = try Money.sum(lines.map(\.amount), currency: usd)
    let taxRate = try Percentage(parsing: "7.25%")
    let tax = try subtotal.percentage(taxRate, rounding: .halfUp)
    let total = try subtotal + tax

    for line in lines {
        print(line.text.padding(toLength: 48), line.amount.amountText.leftPadded(toLength: 12))
    }
    print("subtotal".padding(toLength: 48), subtotal.amountText.leftPadded(toLength: 12))
    print("tax \(taxRate)".padding(toLength: 48), tax.amountText.leftPadded(toLength: 12))
    print("total \(usd)".padding(toLength: 48), total.amountText.leftPadded(toLength: 12))

    // A ticket opened late on a Friday with a 4-business-hour resolution target, on the
    // service desk's Monday-to-Friday 09:00-17:00 hours in New York, with Monday a holiday.
    let hours = try BusinessCalendar.Span("09:00", "17:00")
    let serviceDesk = try BusinessCalendar(
        timeZone: "America/New_York",
        weeklyHours: [
            .monday: [hours], .tuesday: [hours], .wednesday: [hours], .thursday: [hours],
            .friday: [hours],
        ],
        holidays: [BusinessCalendar.Holiday(date: LocalDate(year: 2026, month: 2, day: 2))]
    )
    .compiled(for: DateRange(start: january.start, end: cycle.period(after: january).end))
    let opened = try Date("2026-01-30T20:30:00Z", strategy: .iso8601)  // Friday 15:30 EST
    let due = try serviceDesk.deadline(after: opened, adding: .seconds(4 * 3600))
    print("ticket opened", opened.formatted(.iso8601), "resolution due", due.formatted(.iso8601))

    // The customer splits the bill across three cost centres 50:30:20; not a cent is lost.
    let shares = try total.allocated(by: [50, 30, 20])
    print(
        "cost centres 50:30:20:", shares.map(\.amountText).joined(separator: " + "), "=",
        try Money.sum(shares, currency: usd).amountText)
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    func leftPadded(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}

// An error propagates out of top-level code and ends the program with a non-zero status.
try demo()
