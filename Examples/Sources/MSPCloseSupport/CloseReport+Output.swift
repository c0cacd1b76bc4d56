import Foundation
import MSPKit

extension CloseReport {
    /// Writes every output into `output` with `parallelism` tasks: the customers' HTML
    /// reports (rendered and written by chunks, so at most a chunk per task is in memory),
    /// `close.json`, `invoice-lines.csv` and `index.html`.
    ///
    /// - Throws: ``OutputError`` for a file that cannot be written, or a library error while
    ///   measuring daily availability.
    package func write(to output: AtomicOutput, parallelism: Int) async throws {
        let documents = Dictionary(
            input.customers.map { ($0.customer.id, $0) }, uniquingKeysWith: { first, _ in first })
        let customers = result.customers
        let chunkSize = max(1, min(64, customers.count / max(1, parallelism * 4)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func submit() {
                let range = next..<min(customers.count, next + chunkSize)
                next = range.upperBound
                group.addTask {
                    for customer in customers[range] {
                        try output.write(
                            self.html(customer, document: documents[customer.customer]),
                            to: CloseReport.reportFile(customer.customer))
                    }
                }
            }
            // The JSON is encoded by chunks like the reports, so neither waits on the other;
            // the CSV and the index are one task each.
            group.addTask {
                try output.write(await self.closeJSON(parallelism: parallelism), to: "close.json")
            }
            group.addTask { try output.write(self.invoiceLinesCSV(), to: "invoice-lines.csv") }
            group.addTask { try output.write(self.indexHTML(), to: "index.html") }
            for _ in 0..<max(1, parallelism) where next < customers.count { submit() }
            while try await group.next() != nil {
                if next < customers.count { submit() }
            }
        }
    }

    /// `close.json`: exactly the bytes `JSONOutput.encode(result, pretty: false)` gives
    /// (compact, keys sorted; 10,000 customers make about 200 MB), built from each
    /// customer's encoding so that the customers are encoded by `parallelism` tasks and no
    /// single encoder holds the whole tree.
    ///
    /// - Throws: `EncodingError` from a value's `encode(to:)`.
    package func closeJSON(parallelism: Int) async throws -> Data {
        let customers = result.customers
        guard !customers.isEmpty else { return try JSONOutput.encode(result, pretty: false) }
        let chunkSize = max(1, customers.count / max(1, parallelism * 8))
        let parts = try await withThrowingTaskGroup(of: (Int, [Data]).self) { group in
            for start in stride(from: 0, to: customers.count, by: chunkSize) {
                group.addTask {
                    let encoder = DocumentLoader.encoder(pretty: false)
                    var encoded: [Data] = []
                    for customer in customers[start..<min(customers.count, start + chunkSize)] {
                        encoded.append(try encoder.encode(customer))
                    }
                    return (start, encoded)
                }
            }
            var parts: [(Int, [Data])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        let encoder = DocumentLoader.encoder(pretty: false)
        var json = Data()
        json.reserveCapacity(parts.reduce(64) { $0 + $1.count + 1 })
        json.append(Data("{\"customers\":[".utf8))
        for (index, part) in parts.enumerated() {
            if index > 0 { json.append(44) }  // ,
            json.append(part)
        }
        json.append(Data("],\"mrr\":".utf8))
        json.append(try encoder.encode(result.mrr))
        json.append(Data(",\"period\":".utf8))
        json.append(try encoder.encode(result.period))
        json.append(125)  // }
        return json
    }
}
