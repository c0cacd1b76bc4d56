import Benchmark
import Foundation
import MSPKit

/// The month-end close of a whole MSP, in memory, from generated documents.
///
/// Full set (issue 8): 10,000 customers, 1,000,000 devices, 250,000 users, 200,000 tickets,
/// 1,000,000 outage intervals. Target: ≤ 2 s wall on 2 cores, ≤ 1 GB peak, speed-up from
/// 1 to 2 child tasks ≥ 1.7×. A tenth of it is measured too, to iterate quickly.
///
/// Each close runs beside two baselines on the same documents: the sequential
/// `close(_:)` (parallelism 1 must match it) and a loop that only reads every input record
/// (the floor: what touching the data costs). Generating the documents is setup, not
/// measured.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )

    for (label, data) in [("1/10 MSP", CloseData.tenth), ("full MSP", CloseData.full)] {
        Benchmark("Close \(label): parallel close, 2 tasks") { _ in
            let close = try data().close
            blackHole(try await close.close(data().customers, parallelism: 2))
        } setup: {
            blackHole(try data().customers.count)
        }

        Benchmark("Close \(label): parallel close, 1 task") { _ in
            let close = try data().close
            blackHole(try await close.close(data().customers, parallelism: 1))
        } setup: {
            blackHole(try data().customers.count)
        }

        Benchmark("Close \(label): baseline sequential close(_:)") { _ in
            let close = try data().close
            blackHole(try close.close(data().customers))
        } setup: {
            blackHole(try data().customers.count)
        }

        Benchmark("Close \(label): baseline read every record") { _ in
            var total: Int64 = 0
            for document in try data().customers {
                for event in document.deviceEvents { total &+= event.effectiveMilliseconds }
                total &+= Int64(document.seats.count)
                for ticket in document.tickets {
                    for event in ticket.events {
                        total &+= Int64(event.instant.timeIntervalSince1970)
                    }
                }
                for service in document.services {
                    for outage in service.outages { total &+= outage.range.startMilliseconds }
                }
            }
            blackHole(total)
        } setup: {
            blackHole(try data().customers.count)
        }
    }
}

/// A generated data set and its prepared close.
struct CloseData: Sendable {
    let customers: [CustomerDocument]
    let close: PeriodClose

    init(_ configuration: SyntheticMSP) throws {
        let data = try configuration.generate()
        customers = data.customers
        close = try PeriodClose(provider: data.provider, period: data.period)
    }

    private static let tenthSet = Result {
        try CloseData(
            SyntheticMSP(
                customers: 1_000, devices: 100_000, users: 25_000, tickets: 20_000,
                outages: 100_000, seed: 8))
    }
    private static let fullSet = Result {
        try CloseData(
            SyntheticMSP(
                customers: 10_000, devices: 1_000_000, users: 250_000, tickets: 200_000,
                outages: 1_000_000, seed: 8))
    }

    /// Generated on first use.
    static func tenth() throws -> CloseData { try tenthSet.get() }
    /// Generated on first use.
    static func full() throws -> CloseData { try fullSet.get() }
}
