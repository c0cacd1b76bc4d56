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
