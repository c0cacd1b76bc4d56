import MSPKit
import MSPTestSupport
import Testing

/// Invariants of the close over randomly sized generated MSPs (seeded; a failure names the
/// seed and case).
@Suite struct ClosePropertyTests {
    /// A random small data set: 1–8 customers and up to 40 devices, users, tickets and
    /// outages each, with a random generator seed.
    func dataSet(_ random: inout SplitMix64) throws -> (SyntheticMSP, SyntheticDataSet) {
        let configuration = SyntheticMSP(
            customers: random.int(in: 1...8), devices: random.int(in: 0...40),
            users: random.int(in: 0...40), tickets: random.int(in: 0...40),
            outages: random.int(in: 0...40), seed: random.next())
        return (configuration, try configuration.generate())
    }

    /// Every invoice's total is its lines plus taxes; a credit line is the negated credit
    /// and never more than the fee or the 30 % cap; the block-hour movement balances
    /// (opening + purchased − consumed − expired = closing) and its overage is billed at
    /// exactly 2.50 a minute (150.00 an hour); the MRR movements sum to after − before.
    @Test func closeInvariants() throws {
        try checkProperty(seed: 0xC105_0001, cases: 400) { random in
            let (configuration, data) = try dataSet(&random)
            let result = try PeriodClose(provider: data.provider, period: data.period)
                .close(data.customers)
            for close in result.customers {
                if let invoice = close.invoice {
                    let lines = invoice.lines.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
                    guard invoice.subtotal.minorUnits == lines,
                        invoice.total.minorUnits == lines + invoice.taxTotal.minorUnits
                    else {
                        return ("\(configuration)", "\(close.customer): total \(invoice.total)")
                    }
                    let creditLines = invoice.lines.filter { $0.model == "sla-credit" }
                    if let applied = close.serviceCredit, applied.credit.amount.minorUnits > 0 {
                        guard creditLines.count == 1,
                            creditLines[0].amount.minorUnits == -applied.credit.amount.minorUnits,
                            applied.credit.amount.minorUnits <= applied.fee.minorUnits,
                            applied.credit.percentage <= Percentage(30)
                        else { return ("\(configuration)", "\(close.customer): credit") }
                    } else if !creditLines.isEmpty {
                        return ("\(configuration)", "\(close.customer): credit line without credit")
                    }
                    let overage = invoice.lines.filter { $0.model == "prepaid-overage" }
                        .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
                    if let blocks = close.blockHours {
                        guard
                            blocks.opening + blocks.purchased - blocks.consumed - blocks.expired
                                == blocks.closing,
                            overage == blocks.overage * 250
                        else { return ("\(configuration)", "\(close.customer): \(blocks)") }
                    }
                }
                for service in close.availability
                where service.report.downtime > service.report.measuredTime {
                    return ("\(configuration)", "\(close.customer): downtime above measured")
                }
            }
            let mrr = result.mrr
            let moved = mrr.movements.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            guard moved == mrr.netChange.minorUnits,
                mrr.after.minorUnits - mrr.before.minorUnits == mrr.netChange.minorUnits
            else { return ("\(configuration)", "MRR \(mrr)") }
            return ("\(configuration)", nil)
        }
    }

    /// Each customer's close depends on its own document only: closing the customers in
    /// reverse order gives each the same result.
    @Test func customersAreIndependent() throws {
        try checkProperty(seed: 0xC105_0002, cases: 200) { random in
            let (configuration, data) = try dataSet(&random)
            let close = try PeriodClose(provider: data.provider, period: data.period)
            let forward = try close.close(data.customers)
            let backward = try close.close(data.customers.reversed())
            guard Array(backward.customers.reversed()) == forward.customers,
                backward.mrr == forward.mrr
            else { return ("\(configuration)", "order changed a result") }
            return ("\(configuration)", nil)
        }
    }

    /// Any parallelism gives the sequential result.
    @Test func anyParallelismGivesTheSequentialResult() async throws {
        var random = caseGenerator(seed: 0xC105_0003, caseIndex: 0)
        for round in 0..<40 {
            let (configuration, data) = try dataSet(&random)
            let close = try PeriodClose(provider: data.provider, period: data.period)
            let parallelism = random.int(in: 1...6)
            let parallel = try await close.close(data.customers, parallelism: parallelism)
            #expect(
                try parallel == close.close(data.customers),
                "round \(round), parallelism \(parallelism), \(configuration)")
        }
    }
}
