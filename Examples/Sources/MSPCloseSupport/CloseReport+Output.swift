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
            group.addTask {
                try output.write(await self.closeJSON(parallelism: 1), to: "close.json")
                try output.write(self.invoiceLinesCSV(), to: "invoice-lines.csv")
                try output.write(self.indexHTML(), to: "index.html")
            }
            for _ in 0..<max(1, parallelism - 1) where next < customers.count { submit() }
            while try await group.next() != nil {
                if next < customers.count { submit() }
            }
        }
    }

    /// `close.json`: exactly the bytes `JSONOutput.encode(result)` gives (pretty-printed,
    /// keys sorted), built from each customer's encoding so that the customers can be
    /// encoded by `parallelism` tasks and no single encoder holds the whole tree.
    ///
    /// - Throws: `EncodingError` from a value's `encode(to:)`.
    package func closeJSON(parallelism: Int) async throws -> Data {
        let customers = result.customers
        guard !customers.isEmpty else { return try JSONOutput.encode(result) }
        let chunkSize = max(1, customers.count / max(1, parallelism * 8))
        let parts = try await withThrowingTaskGroup(of: (Int, [Data]).self) { group in
            for start in stride(from: 0, to: customers.count, by: chunkSize) {
                group.addTask {
                    let encoder = DocumentLoader.encoder(pretty: true)
                    var encoded: [Data] = []
                    for customer in customers[start..<min(customers.count, start + chunkSize)] {
                        encoded.append(CloseReport.indented(try encoder.encode(customer), by: 4))
                    }
                    return (start, encoded)
                }
            }
            var parts: [(Int, [Data])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        let encoder = DocumentLoader.encoder(pretty: true)
        var json = Data("{\n  \"customers\" : [\n".utf8)
        for (index, part) in parts.enumerated() {
            json.append(contentsOf: [32, 32, 32, 32])
            json.append(part)
            json.append(contentsOf: Array((index + 1 < parts.count ? ",\n" : "\n").utf8))
        }
        json.append(Data("  ],\n  \"mrr\" : ".utf8))
        json.append(CloseReport.indented(try encoder.encode(result.mrr), by: 2))
        json.append(Data(",\n  \"period\" : ".utf8))
        json.append(CloseReport.indented(try encoder.encode(result.period), by: 2))
        json.append(Data("\n}".utf8))
        return json
    }

    /// `data` with `count` spaces after every line break that starts a non-empty line.
    static func indented(_ data: Data, by count: Int) -> Data {
        var result = Data()
        result.reserveCapacity(data.count + data.count / 8)
        let spaces = [UInt8](repeating: 32, count: count)
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0
            for index in bytes.indices where bytes[index] == 10 {
                result.append(contentsOf: bytes[start...index])
                // Foundation leaves the blank line inside an empty array unindented.
                if index + 1 < bytes.count, bytes[index + 1] != 10 {
                    result.append(contentsOf: spaces)
                }
                start = index + 1
            }
            result.append(contentsOf: bytes[start...])
        }
        return result
    }
}
