import Benchmark
import Foundation
import MSPBilling
import MSPCore

/// Rating a synthetic MSP month (see `BillingData`) against a baseline on the same records.
///
/// Each iteration rates the whole month: 10,000 invoices from 1,000,000 device records,
/// 250,000 user records and 100,000 time entries (1,350,000 rated units). The baseline walks
/// the same records and adds each one's unit price × quantity as `Int64` (finding the
/// category's slot with the same string comparison), with no validation, proration,
/// rounding, tiers, taxes or invoice. Rated units per second = 1,350,000 / `Time`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 20
    )

    Benchmark("Billing month 1.35M units: rate every customer into an invoice") { benchmark in
        let month = BillingData.month
        let plans = BillingData.plans
        let period = BillingData.period
        let calendar = BillingData.calendar
        let labour = BillingData.timeAndMaterials
        var total: Int64 = 0
        for customer in month.customers {
            // The entries are passed as a slice of the month's array: `lines(for:)` reads
            // any collection in place, so nothing is copied per customer.
            let lines = try labour.lines(
                for: month.entries[customer.entries], customer: customer.id, calendar: calendar)
            let invoice = try plans[customer.plan].rate(
                customer: customer.id, period: period, usage: month.usage[customer.usage],
                passThroughCosts: customer.licences, additionalLines: lines)
            total &+= invoice.total.minorUnits
        }
        blackHole(total)
    } setup: {
        blackHole(BillingData.month.usage.count)
        blackHole(BillingData.plans.count)
        blackHole(BillingData.calendar.intervalCount)
    }

    // The same month without the 100,000 time entries: the share of time and materials.
    Benchmark("Billing month 1.25M units: rate usage only, no time entries") { benchmark in
        let month = BillingData.month
        let plans = BillingData.plans
        let period = BillingData.period
        var total: Int64 = 0
        for customer in month.customers {
            let invoice = try plans[customer.plan].rate(
                customer: customer.id, period: period, usage: month.usage[customer.usage],
                passThroughCosts: customer.licences)
            total &+= invoice.total.minorUnits
        }
        blackHole(total)
    } setup: {
        blackHole(BillingData.month.usage.count)
        blackHole(BillingData.plans.count)
    }

    Benchmark("Billing month 1.35M units: baseline Int64 walk of the same records") { benchmark in
        let month = BillingData.month
        let plans = BillingData.plans
        let prices = BillingData.baselinePrices
        let keys = plans[0].components.map(\.category.rawValue)
        var total: Int64 = 0
        for customer in month.customers {
            let price = prices[customer.plan]
            for record in month.usage[customer.usage] {
                let key = record.category.rawValue
                let slot = keys.firstIndex { $0 == key } ?? 0
                let quantity: Int64
                switch record.measure {
                case .count(let units, _): quantity = units
                case .unitDays(let days, _): quantity = days
                case .unitSeconds(let seconds, _): quantity = seconds
                }
                total &+= price[slot] &* quantity
            }
            for entry in month.entries[customer.entries] {
                total &+= (entry.range.endMilliseconds &- entry.range.startMilliseconds) &* 2
            }
        }
        blackHole(total)
    } setup: {
        blackHole(BillingData.month.usage.count)
    }
}
