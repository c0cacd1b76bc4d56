import Foundation

/// Reads JSON documents from a data folder and turns every failure into a ``DocumentError``
/// that names the file, the JSON path and the reason.
package struct DocumentLoader: Sendable {
    /// The folder relative paths are resolved against.
    package let root: URL

    /// Creates a loader for the data folder `root`.
    package init(root: URL) {
        self.root = root
    }

    /// The URL of `relativePath` under ``root``.
    package func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// Whether `relativePath` exists under ``root``.
    package func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    /// The JSON files directly in the folder `relativePath`, sorted by name, as relative
    /// paths; empty when the folder does not exist.
    package func jsonFiles(in relativePath: String) -> [String] {
        let folder = url(relativePath)
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map {
            relativePath.isEmpty ? $0 : relativePath + "/" + $0
        }
    }

    /// The decoder for the data folder's documents: strict JSON, dates as ISO 8601 text
    /// (`2026-10-01T09:00:00Z`, fractional seconds and offsets allowed), and errors that
    /// carry the full JSON path and the text found:
    /// `$.tickets[3].events[1].at: expected ISO 8601 date, found "yesterday"`.
    package static func decoder() -> DocumentDecoder {
        DocumentDecoder()
    }

    /// The encoder of the tools' output: dates written the way ``decoder()`` reads them
    /// (ISO 8601 UTC text, with milliseconds only when the instant has them:
    /// `2026-10-01T09:00:00Z`, `2026-10-01T09:00:00.250Z`), keys sorted.
    package static func encoder(pretty: Bool) -> DocumentEncoder {
        DocumentEncoder(pretty: pretty)
    }

    /// ISO 8601 UTC text of `date`, with milliseconds when it has them.
    package static func iso8601(_ date: Date) -> String {
        ISO8601Text.format(date)
    }

    /// Parses ISO 8601 text with or without fractional seconds or an offset.
    package static func parseISO8601(_ text: String) -> Date? {
        ISO8601Text.date(text)
    }

    /// Reads and decodes the document at `relativePath`.
    ///
    /// - Throws: ``DocumentError`` naming `relativePath`, the JSON path and the reason.
    package func load<Document: Decodable>(
        _ type: Document.Type, from relativePath: String,
        decoder: DocumentDecoder = DocumentLoader.decoder()
    ) throws(DocumentError) -> Document {
        let data: Data
        do {
            data = try Data(contentsOf: url(relativePath))
        } catch {
            throw DocumentError(
                file: relativePath, jsonPath: nil, reason: DocumentLoader.readFailure(error))
        }
        return try DocumentLoader.decode(type, from: data, file: relativePath, decoder: decoder)
    }

    /// Decodes `data` as the document `file`.
    ///
    /// - Throws: ``DocumentError`` naming `file`, the JSON path and the reason.
    package static func decode<Document: Decodable>(
        _ type: Document.Type, from data: Data, file: String,
        decoder: DocumentDecoder = DocumentLoader.decoder()
    ) throws(DocumentError) -> Document {
        do {
            return try decoder.decode(type, from: data)
        } catch {
            var failure = DocumentError(file: file, decoding: error)
            if !(error is DecodingError), let validation = ValidationFailure(error),
                let path = JSONLocator.locate(
                    field: validation.field, value: validation.value, in: data)
            {
                failure.jsonPath = path
            }
            throw failure
        }
    }

    private static func readFailure(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain
            && (nsError.code == NSFileReadNoSuchFileError || nsError.code == 260)
        {
            return "cannot read the file: no such file"
        }
        return "cannot read the file: \(nsError.localizedDescription)"
    }
}
