import Foundation
import MSPCloseSupport
import Testing

@Suite struct AtomicOutputTests {
    struct Failure: Error {}

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "msp-close-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func names(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    @Test func commitMovesEverythingIntoPlace() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("out")
        try AtomicOutput.write(to: destination) { output in
            try output.write("a", to: "a.txt")
            try output.write("b", to: "reports/b.html")
        }
        #expect(try names(root) == ["out"])
        #expect(
            try String(
                contentsOf: destination.appendingPathComponent("reports/b.html"), encoding: .utf8)
                == "b")
    }

    @Test func failureLeavesThePreviousOutputWhole() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("out")
        try AtomicOutput.write(to: destination) { try $0.write("old", to: "a.txt") }
        #expect(throws: Failure.self) {
            try AtomicOutput.write(to: destination) { output in
                try output.write("new", to: "a.txt")
                throw Failure()
            }
        }
        #expect(try names(root) == ["out"])
        #expect(try names(destination) == ["a.txt"])
        #expect(
            try String(contentsOf: destination.appendingPathComponent("a.txt"), encoding: .utf8)
                == "old")
    }

    @Test func failureBeforeAnyOutputLeavesNothing() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: Failure.self) {
            try AtomicOutput.write(to: root.appendingPathComponent("out")) { _ in throw Failure() }
        }
        #expect(try names(root).isEmpty)
    }

    /// A file written twice holds the second content whole (shorter, so truncated), large
    /// data is written whole, and a file that cannot be opened is an `OutputError` naming
    /// the destination path and the system's reason.
    @Test func filesAreWrittenWholeAndFailuresNamed() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("out")
        let large = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try AtomicOutput.write(to: destination) { output in
            try output.write("a longer first text", to: "a.txt")
            try output.write("short", to: "a.txt")
            try output.write(large, to: "deep/er/large.bin")
        }
        let text = try String(
            contentsOf: destination.appendingPathComponent("a.txt"), encoding: .utf8)
        #expect(text == "short")
        #expect(
            try Data(contentsOf: destination.appendingPathComponent("deep/er/large.bin")) == large)
        let error = #expect(throws: OutputError.self) {
            try AtomicOutput.write(to: root.appendingPathComponent("second")) { output in
                try output.write("x", to: "folder/inside.txt")
                try output.write("y", to: "folder")
            }
        }
        #expect(
            error?.path == root.appendingPathComponent("second/folder").standardizedFileURL.path)
        #expect(error?.reason == "Is a directory")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("second").path))
    }

    @Test func secondRunReplacesTheFirst() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("out")
        try AtomicOutput.write(to: destination) { try $0.write("1", to: "stale.txt") }
        try AtomicOutput.write(to: destination) { try $0.write("2", to: "fresh.txt") }
        #expect(try names(destination) == ["fresh.txt"])
        #expect(try names(root) == ["out"])
    }
}
