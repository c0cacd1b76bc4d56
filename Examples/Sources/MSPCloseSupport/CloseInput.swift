import Foundation
import MSPKit

/// A data folder read for a close: `provider.json` and every `customers/*.json`, in file-name
/// order, decoded in parallel.
package struct CloseInput: Sendable {
    /// The provider document.
    package var provider: ProviderDocument
    /// The customer documents, in file-name order.
    package var customers: [CustomerDocument]
    /// The file each customer document came from (relative to the data folder), same order.
    package var files: [String]
    /// The data folder.
    package var root: URL

    /// Creates an input from documents already in memory (`files` names each customer's
    /// document for messages).
    package init(
        provider: ProviderDocument, customers: [CustomerDocument], files: [String], root: URL
    ) {
        self.provider = provider
        self.customers = customers
        self.files = files
        self.root = root
    }

    /// Reads a data folder.
    ///
    /// - Parameters:
    ///   - loader: The data folder.
    ///   - parallelism: How many files are decoded at once.
    ///   - progress: Called with (files read, total) as chunks finish.
    /// - Throws: ``DocumentError`` of the first file (in name order) that fails.
    package static func read(
        _ loader: DocumentLoader, parallelism: Int,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> CloseInput {
        let provider = try loader.load(ProviderDocument.self, from: "provider.json")
        let files = loader.jsonFiles(in: "customers")
        guard !files.isEmpty else {
            throw DocumentError(
                file: "customers/", jsonPath: nil,
                reason: "no customer documents (customers/*.json) in the data folder")
        }
        let chunkSize = max(1, min(64, files.count / max(1, parallelism * 8)))
        let chunks = stride(from: 0, to: files.count, by: chunkSize).map {
            $0..<min(files.count, $0 + chunkSize)
        }
        var slots = [[Result<CustomerDocument, DocumentError>]?](
            repeating: nil, count: chunks.count)
        try await withThrowingTaskGroup(of: (Int, [Result<CustomerDocument, DocumentError>]).self) {
            group in
            var next = 0
            var done = 0
            func submit(_ chunk: Int) {
                let range = chunks[chunk]
                group.addTask {
                    let decoder = DocumentLoader.decoder()
                    var results: [Result<CustomerDocument, DocumentError>] = []
                    results.reserveCapacity(range.count)
                    for index in range {
                        try Task.checkCancellation()
                        results.append(
                            Result { () throws(DocumentError) in
                                try loader.load(
                                    CustomerDocument.self, from: files[index], decoder: decoder)
                            })
                    }
                    return (chunk, results)
                }
            }
            while next < min(max(1, parallelism), chunks.count) {
                submit(next)
                next += 1
            }
            while let (chunk, results) = try await group.next() {
                slots[chunk] = results
                done += results.count
                progress?(done, files.count)
                if next < chunks.count {
                    submit(next)
                    next += 1
                }
            }
        }
        var customers: [CustomerDocument] = []
        customers.reserveCapacity(files.count)
        for slot in slots {
            for result in slot ?? [] { customers.append(try result.get()) }
        }
        return CloseInput(
            provider: provider, customers: customers, files: files, root: loader.root)
    }

    /// The file of `customer`'s document, for error messages.
    package func file(of customer: CustomerID) -> String? {
        customers.firstIndex { $0.customer.id == customer }.map { files[$0] }
    }

    /// A close error as a ``DocumentError`` naming the file, the JSON path of the field and
    /// the reason: `customers/acme.json: $.tickets[3].timeEntries[0].customer: …` (the
    /// library names the ticket by ID, `tickets[T-7]`; the path names its index in the file
    /// when the file has it).
    package func documentError(_ error: PeriodCloseError) -> DocumentError {
        let file = error.customer.flatMap { self.file(of: $0) } ?? "provider.json"
        let reason =
            error.value.isEmpty
            ? "\(error.message) (\(error.code))"
            : "\(error.message) (\(error.code), value \"\(error.value)\")"
        let data = try? Data(contentsOf: root.appendingPathComponent(file))
        let path =
            data.flatMap { JSONLocator.resolve(field: error.field, in: $0) }
            ?? JSONPath.text(field: error.field)
        return DocumentError(file: file, jsonPath: path, reason: reason)
    }
}
