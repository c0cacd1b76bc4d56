import MSPBilling
import MSPCore

extension PeriodClose {
    /// Closes the period for every customer, one after another.
    ///
    /// - Parameter customers: One document per customer; the results keep this order.
    /// - Returns: Each customer's close and the MRR movements across them.
    /// - Throws: ``PeriodCloseError`` of the first customer (in the given order) whose
    ///   close fails; `duplicateID` for two documents of one customer.
    /// - Complexity: O(total size of the documents), plus sorting within each customer.
    public func close(_ customers: [CustomerDocument]) throws(PeriodCloseError) -> CloseResult {
        try checkUnique(customers)
        var results: [CustomerClose] = []
        results.reserveCapacity(customers.count)
        for document in customers { results.append(try closeCustomer(document)) }
        return try summarise(results, customers)
    }

    /// Closes the period for every customer in parallel, in chunks spread over
    /// `parallelism` child tasks, with the same result as ``close(_:)``.
    ///
    /// The customers are cut into contiguous chunks; each child task closes its chunks in
    /// order and the results are put back in the input order, so the output is identical
    /// to the sequential close whatever the scheduling. When several customers fail, the
    /// error of the first in input order is thrown, as in the sequential close.
    ///
    /// - Parameters:
    ///   - customers: One document per customer; the results keep this order.
    ///   - parallelism: How many child tasks close customers at once (1 or more).
    ///   - progress: Called with (customers done, total) after each chunk, from any task;
    ///     `done` reported to it only grows and the last call reports `total`.
    /// - Throws: ``PeriodCloseError`` `invalidParallelism` for a parallelism below 1, or as
    ///   ``close(_:)``. Cancellation of the calling task stops the close with
    ///   `CancellationError`.
    public func close(
        _ customers: [CustomerDocument], parallelism: Int,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) async throws -> CloseResult {
        guard parallelism >= 1 else { throw PeriodCloseError.invalidParallelism(parallelism) }
        try checkUnique(customers)
        let total = customers.count
        let chunkSize = Swift.max(
            1, Swift.min(256, (total + parallelism * 8 - 1) / (parallelism * 8)))
        let chunkCount = (total + chunkSize - 1) / chunkSize
        var slots = [[Result<CustomerClose, PeriodCloseError>]?](repeating: nil, count: chunkCount)
        try await withThrowingTaskGroup(
            of: (Int, [Result<CustomerClose, PeriodCloseError>]).self
        ) { group in
            var next = 0
            var done = 0
            func submit(_ chunk: Int) {
                let lower = chunk * chunkSize
                let upper = Swift.min(total, lower + chunkSize)
                group.addTask {
                    try Task.checkCancellation()
                    var results: [Result<CustomerClose, PeriodCloseError>] = []
                    results.reserveCapacity(upper - lower)
                    for index in lower..<upper {
                        results.append(
                            Result { () throws(PeriodCloseError) in
                                try self.closeCustomer(customers[index])
                            })
                    }
                    return (chunk, results)
                }
            }
            while next < Swift.min(parallelism, chunkCount) {
                submit(next)
                next += 1
            }
            while let (chunk, results) = try await group.next() {
                slots[chunk] = results
                done += results.count
                progress?(done, total)
                if next < chunkCount {
                    submit(next)
                    next += 1
                }
            }
        }
        var results: [CustomerClose] = []
        results.reserveCapacity(total)
        for slot in slots {
            for result in slot ?? [] { results.append(try result.get()) }
        }
        return try summarise(results, customers)
    }

    /// Two documents of one customer are an error.
    private func checkUnique(_ customers: [CustomerDocument]) throws(PeriodCloseError) {
        var seen = Set<CustomerID>()
        seen.reserveCapacity(customers.count)
        for document in customers where !seen.insert(document.customer.id).inserted {
            throw .duplicateID(document.customer.id.rawValue, customer: nil, field: "customers")
        }
    }

    /// The close result with the MRR movements across customers.
    private func summarise(_ results: [CustomerClose], _ customers: [CustomerDocument])
        throws(PeriodCloseError) -> CloseResult
    {
        let currency = provider.currency
        let context = ErrorContext(customer: nil)
        var before: [CustomerID: Money] = [:]
        var after: [CustomerID: Money] = [:]
        var previouslyActive = Set<CustomerID>()
        var totalBefore: Int64 = 0
        var totalAfter: Int64 = 0
        for (document, result) in zip(customers, results) {
            if let previous = document.previousMRR, previous.minorUnits > 0 {
                before[document.customer.id] = previous
                totalBefore = try Self.add(totalBefore, previous.minorUnits)
            }
            if result.monthlyRecurringRevenue.minorUnits > 0 {
                after[result.customer] = result.monthlyRecurringRevenue
                totalAfter = try Self.add(totalAfter, result.monthlyRecurringRevenue.minorUnits)
            }
            if document.previouslyActive { previouslyActive.insert(document.customer.id) }
        }
        let movements = try context.billing("mrr") { () throws(BillingError) in
            try MRRMovements(
                before: before, after: after, previouslyActive: previouslyActive,
                currency: currency)
        }
        return CloseResult(
            period: period, customers: results,
            mrr: MRRSummary(
                before: Money(minorUnits: totalBefore, currency: currency),
                after: Money(minorUnits: totalAfter, currency: currency), movements: movements))
    }

    /// `a + b`, or an error on overflow.
    private static func add(_ a: Int64, _ b: Int64) throws(PeriodCloseError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else {
            throw PeriodCloseError(
                code: .billing, customer: nil, field: "mrr", value: "\(a) + \(b)",
                message: "the total MRR overflows")
        }
        return sum
    }
}
