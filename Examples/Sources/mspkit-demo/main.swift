// A small month end for one customer, computed exactly with MSPCore.
//
// Run it with `swift run --package-path Examples mspkit-demo`.

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

    // A server removed on the 15th of a 31-day month is billed for 14/31 of the month.
    let usedFraction = try Rational(14, 31)
    lines.append(
        Line(
            text: "1 server for \(usedFraction) of the month",
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
