// The tour shown in the root README: run it from the repository root with
// `swift run --package-path Examples mspkit-tour`.
import Foundation
import MSPKit

// Exact money: no Double anywhere, rounding only where you name it.
let price = try Money(parsing: "45.00", currency: .usd)
let tax = try (price * 42).percentage(Percentage(parsing: "7.25"), rounding: .halfUp)

// An SLA deadline in business hours: Friday 16:30 + 4 h on Mon–Fri 09–17 is Monday 12:30.
let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
let hours = try BusinessCalendar.Span("09:00", "17:00")
let office = try BusinessCalendar(
    timeZone: "America/New_York",
    weeklyHours: Dictionary(uniqueKeysWithValues: weekdays.map { ($0, [hours]) }))
guard let friday = DateRange.instant(iso8601: "2026-03-06T16:30:00-05:00") else { exit(1) }
let week = try DateRange(start: friday, end: friday.addingTimeInterval(14 * 86_400))
let due = try office.compiled(for: week).deadline(after: friday, adding: .seconds(4 * 3600))

// A month end: the provider's plans and SLAs, one customer's facts, one close.
let data = URL(fileURLWithPath: "Examples/Data")
let provider = try JSONDecoder().decode(
    ProviderDocument.self, from: Data(contentsOf: data.appendingPathComponent("provider.json")))
let acme = try JSONDecoder().decode(
    CustomerDocument.self,
    from: Data(contentsOf: data.appendingPathComponent("customers/acme.json")))
let close = try PeriodClose(provider: provider, period: provider.period(year: 2026, month: 10))
let invoice = try close.closeCustomer(acme).invoice  // every line explained

print(
    "tax \(tax), due \(DateRange.iso8601(due) ?? "?"), invoice \(invoice?.total.description ?? "none")"
)
