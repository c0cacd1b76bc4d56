import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output folder written all at once: every file goes into a hidden staging folder next
/// to the destination, and only ``commit()`` moves it into place, so a failure part-way
/// leaves the destination as it was (absent, or the previous complete run).
///
/// ```swift
/// try AtomicOutput.write(to: outputURL) { output in
///     try output.write(json, to: "invoices.json")
///     try output.write(csv, to: "invoice-lines.csv")
/// }
/// ```
///
/// ``write(_:to:)-(String,_)`` may be called from several tasks at once (each call writes its
/// own file); ``commit()`` and ``discard()`` once, after every write has returned.
package final class AtomicOutput: Sendable {
    /// The folder the output ends up in.
    package let destination: URL
    /// The staging folder, a sibling of ``destination``.
    package let staging: URL
    private let finished = Mutex(false)

    /// Creates the staging folder (and the destination's parent folders).
    ///
    /// - Throws: ``OutputError`` when a folder cannot be created.
    package init(destination: URL) throws(OutputError) {
        let destination = destination.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        self.destination = destination
        self.staging = parent.appendingPathComponent(
            ".\(destination.lastPathComponent).partial-\(unique)")
        do {
            try FileManager.default.createDirectory(
                at: staging, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: staging.path, reason: error.localizedDescription)
        }
    }

    deinit {
        if !finished.withLock({ $0 }) { discard() }
    }

    /// Writes `text` as UTF-8 to `relativePath` inside the staging folder.
    ///
    /// - Throws: ``OutputError`` naming the file.
    package func write(_ text: String, to relativePath: String) throws(OutputError) {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Writes `data` to `relativePath` inside the staging folder, creating sub-folders.
    ///
    /// The file is written with plain `open`/`write`/`close`: Foundation's `Data.write(to:)`
    /// calls `fsync` for every file, which made writing 10,000 reports wait on the disk
    /// 10,000 times. The output's guarantee is the one ``commit()`` gives — the folder
    /// appears whole or not at all when the process stops or fails — not durability across
    /// a power loss.
    ///
    /// - Throws: ``OutputError`` naming the file.
    package func write(_ data: Data, to relativePath: String) throws(OutputError) {
        let file = staging.appendingPathComponent(relativePath)
        let shown = destination.appendingPathComponent(relativePath).path
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: shown, reason: error.localizedDescription)
        }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: shown, reason: Self.lastError()) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Self.lastError()
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = Self.lastError() }
        if let failure { throw OutputError(path: shown, reason: failure) }
    }

    /// The text of the last system error (`errno`).
    private static func lastError() -> String {
        String(cString: strerror(errno))
    }

    /// Moves the staging folder into place, replacing a previous output folder.
    ///
    /// The previous folder is first renamed aside, then the staging folder renamed to the
    /// destination (one `rename(2)` each), then the previous folder removed; if the second
    /// rename fails the previous folder is put back.
    ///
    /// - Throws: ``OutputError`` when a rename fails.
    package func commit() throws(OutputError) {
        let manager = FileManager.default
        var previous: URL?
        if manager.fileExists(atPath: destination.path) {
            let aside = staging.deletingLastPathComponent().appendingPathComponent(
                staging.lastPathComponent + ".previous")
            do {
                try manager.moveItem(at: destination, to: aside)
            } catch {
                throw OutputError(path: destination.path, reason: error.localizedDescription)
            }
            previous = aside
        }
        do {
            try manager.moveItem(at: staging, to: destination)
        } catch {
            if let previous { try? manager.moveItem(at: previous, to: destination) }
            throw OutputError(path: destination.path, reason: error.localizedDescription)
        }
        finished.withLock { $0 = true }
        if let previous { try? manager.removeItem(at: previous) }
    }

    /// Removes the staging folder; the destination is untouched.
    package func discard() {
        finished.withLock { $0 = true }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Runs `body` with a fresh staging folder and commits it if `body` returns; if `body`
    /// throws, the staging folder is removed and the error rethrown.
    ///
    /// - Throws: what `body` throws, or ``OutputError``.
    package static func write(
        to destination: URL, _ body: (AtomicOutput) throws -> Void
    ) throws {
        let output = try AtomicOutput(destination: destination)
        do {
            try body(output)
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
    }

    /// The asynchronous form of ``write(to:_:)``, for bodies that write from child tasks.
    package static func write(
        to destination: URL, _ body: (AtomicOutput) async throws -> Void
    ) async throws {
        let output = try AtomicOutput(destination: destination)
        do {
            try await body(output)
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
    }
}

/// An output file or folder that could not be written.
package struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or folder.
    package var path: String
    /// Why.
    package var reason: String

    /// Creates an error.
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write path: reason`.
    package var description: String { "cannot write \(path): \(reason)" }
}

/// `write(2)`, named apart from ``AtomicOutput``'s own `write` methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}
