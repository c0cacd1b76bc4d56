import Foundation
import MSPBilling
import MSPContracts
import MSPCore
import MSPInventory
import MSPMonitoring
import MSPSLA

/// A deterministic generator of synthetic MSP data sets of any size, for demonstrations,
/// tests and benchmarks.
///
/// The same configuration (including ``seed``) always generates the same data set. Every
/// customer gets one of the six plans of ``standardProvider()`` in turn (per-device,
/// per-user, tiered, all-inclusive, monitoring-only, break/fix) and the counts are spread
/// evenly over the customers. The mix: about 4% of devices added and 4% retired during the
/// month, 5% of seats starting during it; tickets of priorities P1–P3 with replies, pauses
/// (waiting on customer), priority raises and some breaches; outages of 1–90 minutes on one
/// to three services per customer, some of them unknown and some inside the weekly
/// maintenance window; block hours with overage for break/fix customers; one customer in
/// twenty starting mid-month, one in twenty in its notice period, one in fifty ended the
/// month before (churn), one in fifty returning (reactivation). Instants fall on whole
/// minutes. Each already-billed customer's previous MRR is its MRR for the month moved by
/// up to ±10 %, so the MRR movements mix expansion and contraction (generating closes the
/// data set once for that). Money is never a floating-point value.
public struct SyntheticMSP: Sendable, Hashable, Codable {
    /// The number of customers (at least 1).
    public var customers: Int
    /// The number of devices, spread over the customers.
    public var devices: Int
    /// The number of user seats.
    public var users: Int
    /// The number of tickets.
    public var tickets: Int
    /// The number of outage intervals.
    public var outages: Int
    /// The seed of the pseudo-random generator.
    public var seed: UInt64
    /// The year of the month generated.
    public var year: Int
    /// The month generated (1...12).
    public var month: Int

    /// Creates a configuration. The defaults describe a small MSP in October 2026.
    public init(
        customers: Int = 60, devices: Int = 3_000, users: Int = 1_500, tickets: Int = 1_200,
        outages: Int = 3_000, seed: UInt64 = 2026, year: Int = 2026, month: Int = 10
    ) {
        self.customers = customers
        self.devices = devices
        self.users = users
        self.tickets = tickets
        self.outages = outages
        self.seed = seed
        self.year = year
        self.month = month
    }

    /// Generates the data set.
    ///
    /// - Throws: ``PeriodCloseError`` with code `core` for fewer than one customer or a
    ///   negative count, or a wrapped `PeriodError` for a month outside the supported years.
    /// - Complexity: O(customers + devices + users + tickets + outages).
    public func generate() throws -> SyntheticDataSet {
        guard customers >= 1 else {
            throw PeriodCloseError(
                code: .core, customer: nil, field: "customers", value: String(customers),
                message: "a data set needs at least one customer")
        }
        for (name, value) in [
            ("devices", devices), ("users", users), ("tickets", tickets), ("outages", outages),
        ] where value < 0 {
            throw PeriodCloseError(
                code: .core, customer: nil, field: name, value: String(value),
                message: "\(name) \(value) is negative")
        }
        let provider = try Self.standardProvider()
        let period = try provider.period(year: year, month: month)
        var documents: [CustomerDocument] = []
        documents.reserveCapacity(customers)
        var generator = CustomerGenerator(period: period, seed: seed)
        for index in 0..<customers {
            documents.append(
                try generator.customer(
                    index,
                    devices: Self.share(devices, of: index, among: customers),
                    users: Self.share(users, of: index, among: customers),
                    tickets: Self.share(tickets, of: index, among: customers),
                    outages: Self.share(outages, of: index, among: customers)))
        }
        // Previous MRR: this period's MRR moved by up to ±10 % for customers that were
        // already billed, so the movements mix expansion, contraction and no change; an
        // ended customer keeps its generated amount (churn).
        let close = try PeriodClose(provider: provider, period: period)
        var random = SplitMix64(seed: seed ^ 0x4D52_5200)
        for index in documents.indices where documents[index].previousMRR != nil {
            let current = try close.closeCustomer(documents[index]).monthlyRecurringRevenue
            guard current.minorUnits > 0 else { continue }
            let tenth = current.minorUnits / 10
            let change = tenth == 0 ? 0 : random.below(2 * tenth + 1) - tenth
            documents[index].previousMRR = Money(
                minorUnits: current.minorUnits - change, currency: current.currency)
        }
        return SyntheticDataSet(provider: provider, customers: documents, period: period)
    }

    /// Customer `index`'s share of `total` spread evenly over `count` customers.
    static func share(_ total: Int, of index: Int, among count: Int) -> Int {
        total / count + (index < total % count ? 1 : 0)
    }
}

/// A generated data set: the provider, one document per customer and the period.
public struct SyntheticDataSet: Sendable {
    /// The provider document.
    public var provider: ProviderDocument
    /// One document per customer, in identifier order.
    public var customers: [CustomerDocument]
    /// The period the data describes.
    public var period: BillingPeriod

    /// Creates a data set.
    public init(provider: ProviderDocument, customers: [CustomerDocument], period: BillingPeriod) {
        self.provider = provider
        self.customers = customers
        self.period = period
    }
}
