import Foundation
import MSPKit

/// Reads the bundled sample MSP in `Examples/Data`, found from this file's path.
enum SampleData {
    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Examples/Data")
    }

    static func provider() throws -> ProviderDocument {
        try JSONDecoder().decode(
            ProviderDocument.self,
            from: Data(contentsOf: folder.appendingPathComponent("provider.json")))
    }

    /// The customer documents in file-name order.
    static func customers() throws -> [CustomerDocument] {
        let directory = folder.appendingPathComponent("customers")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            try JSONDecoder().decode(
                CustomerDocument.self,
                from: Data(contentsOf: directory.appendingPathComponent(name)))
        }
    }

    static func customer(_ id: String) throws -> CustomerDocument {
        try JSONDecoder().decode(
            CustomerDocument.self,
            from: Data(
                contentsOf: folder.appendingPathComponent("customers/\(id).json")))
    }

    static let october = (year: 2026, month: 10)

    static func close() throws -> PeriodClose {
        let provider = try provider()
        return try PeriodClose(
            provider: provider, period: provider.period(year: october.year, month: october.month))
    }
}

extension SampleData {
    /// An ISO 8601 instant in UTC without fractional seconds.
    static func instant(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }
}
