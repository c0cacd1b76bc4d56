import Foundation
import MSPKit
import Synchronization
import Testing

/// Records progress reports from any task.
final class ProgressLog: Sendable {
    private let reports = Mutex<[(done: Int, total: Int)]>([])

    func record(_ done: Int, _ total: Int) { reports.withLock { $0.append((done, total)) } }

    var all: [(done: Int, total: Int)] { reports.withLock { $0 } }
}

@Suite struct ParallelCloseTests {
    /// 2,000 generated customers with every pricing model, breaches, outages and block
    /// hours: the parallel close equals the sequential one, value for value, for 1, 2 and 3
    /// child tasks.
    @Test func parallelEqualsSequentialOn2000Customers() async throws {
        let data = try SyntheticMSP(
            customers: 2_000, devices: 40_000, users: 10_000, tickets: 8_000, outages: 20_000,
            seed: 7
        ).generate()
        let close = try PeriodClose(provider: data.provider, period: data.period)
        let sequential = try close.close(data.customers)
        #expect(sequential.customers.count == 2_000)
        #expect(sequential.customers.contains { $0.serviceCredit?.credit.amount.isZero == false })
        #expect(sequential.customers.contains { ($0.blockHours?.overage ?? 0) > 0 })
        #expect(sequential.customers.contains { $0.status == .inNoticePeriod })
        #expect(Set(sequential.mrr.movements.map(\.kind)) == Set(MRRMovementKind.allCases))
        let plans = Set(sequential.customers.compactMap { $0.plan?.rawValue })
        #expect(plans.count == 6)
        for parallelism in [1, 2, 3] {
            let parallel = try await close.close(data.customers, parallelism: parallelism)
            #expect(parallel == sequential, "parallelism \(parallelism)")
        }
    }

    /// Progress is reported from the child tasks' results: `done` grows strictly, every
    /// report names the total, and the last one is complete.
    @Test(arguments: [1, 2, 4])
    func progressIsMonotoneAndComplete(parallelism: Int) async throws {
        let data = try SyntheticMSP(
            customers: 300, devices: 3_000, users: 600, tickets: 600, outages: 600, seed: 11
        ).generate()
        let close = try PeriodClose(provider: data.provider, period: data.period)
        let log = ProgressLog()
        _ = try await close.close(data.customers, parallelism: parallelism) { done, total in
            log.record(done, total)
        }
        let reports = log.all
        #expect(!reports.isEmpty)
        #expect(reports.allSatisfy { $0.total == 300 })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.done < $1.done })
        #expect(reports.last?.done == 300)
    }

    /// The first failing customer in input order is reported, as in the sequential close,
    /// whichever child task finishes first.
    @Test func firstErrorInInputOrder() async throws {
        let data = try SyntheticMSP(
            customers: 40, devices: 200, users: 80, tickets: 40, outages: 40
        )
        .generate()
        var customers = data.customers
        let other = customers[3].customer.id
        for index in [25, 9] {
            var service = try #require(customers[index].services.first)
            service.customer = other
            customers[index].services[0] = service
        }
        let close = try PeriodClose(provider: data.provider, period: data.period)
        let expected = PeriodCloseError.customerMismatch(
            customer: customers[9].customer.id, found: other, field: "services[s1].customer")
        #expect(throws: expected) { try close.close(customers) }
        await #expect(throws: expected) {
            try await close.close(customers, parallelism: 3)
        }
    }

    @Test func parallelismBelowOneIsAnError() async throws {
        let close = try SampleData.close()
        await #expect(throws: PeriodCloseError.invalidParallelism(0)) {
            try await close.close([], parallelism: 0)
        }
    }

    @Test func emptyCloseHasNoMovements() async throws {
        let close = try SampleData.close()
        let result = try await close.close([], parallelism: 2)
        #expect(result.customers.isEmpty)
        #expect(result.mrr.movements.isEmpty)
        #expect(result.mrr.netChange == Money.zero(.usd))
    }

    /// The generator is deterministic for a seed and differs for another seed.
    @Test func generatorIsDeterministic() throws {
        let configuration = SyntheticMSP(
            customers: 30, devices: 300, users: 90, tickets: 60, outages: 90)
        let first = try configuration.generate()
        let second = try configuration.generate()
        #expect(first.customers == second.customers)
        var other = configuration
        other.seed += 1
        #expect(try other.generate().customers != first.customers)
        var devices = 0
        var seats = 0
        var tickets = 0
        var outages = 0
        for document in first.customers {
            for event in document.deviceEvents {
                if case .added = event.change { devices += 1 }
            }
            seats += document.seats.count
            tickets += document.tickets.count
            for service in document.services { outages += service.outages.count }
        }
        #expect(devices == 300)
        #expect(seats == 90)
        #expect(tickets == 60)
        #expect(outages == 90)
    }
}
