import ArgumentParser
import Foundation
import MSPCloseSupport
import MSPKit

/// `msp-close generate`: a synthetic MSP data set of any size, deterministic for a seed.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic MSP data set (provider.json + customers/*.json).",
        discussion: """
            The data set comes from MSPKit's SyntheticMSP and is the same for the same \
            counts, seed and period. Close it with: msp-close --data DIR --period YYYY-MM. \
            Example: msp-close generate --customers 200 --devices 20000 --users 5000 \
            --tickets 4000 --outages 20000 --seed 1 --period 2026-10 --out /tmp/msp
            """)

    @Option(help: "Customers.")
    var customers: Int = 100
    @Option(help: "Devices, spread over the customers.")
    var devices: Int = 10_000
    @Option(help: "Users, spread over the customers.")
    var users: Int = 2_500
    @Option(help: "Tickets in the period, spread over the customers.")
    var tickets: Int = 2_000
    @Option(help: "Outage intervals, spread over the monitored services.")
    var outages: Int = 10_000
    @Option(help: "The random seed.")
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The month the data is about.", valueName: "YYYY-MM"))
    var period: Month = Month(year: 2026, month: 10)
    @Option(help: ArgumentHelp("The folder to write (replaced whole).", valueName: "DIR"))
    var out: String
    @Flag(help: "Indent the JSON (bigger files, slower to read).")
    var pretty = false
    @Option(help: "How many files are encoded at once (default: the cores).")
    var parallel: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        for (name, value) in [
            ("customers", customers), ("devices", devices), ("users", users),
            ("tickets", tickets), ("outages", outages),
        ] where value < 0 {
            throw ValidationError("--\(name) cannot be negative (found \(value))")
        }
        guard customers >= 1 else { throw ValidationError("--customers must be 1 or more") }
        guard parallel >= 1 else { throw ValidationError("--parallel must be 1 or more") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let data = try SyntheticMSP(
                customers: customers, devices: devices, users: users, tickets: tickets,
                outages: outages, seed: seed, year: period.year, month: period.month
            ).generate()
            let generated = clock.now
            let files = try await encode(data)
            let destination = URL(fileURLWithPath: out)
            try AtomicOutput.write(to: destination) { output in
                for (name, bytes) in files { try output.write(bytes, to: name) }
            }
            printError(
                "msp-close: generated \(data.customers.count) customers in "
                    + "\(CloseCommand.seconds(generated - started)), wrote \(files.count) files "
                    + "to \(destination.path) in \(CloseCommand.seconds(clock.now - generated))")
            print("msp-close --data \(destination.path) --period \(period)")
        } catch {
            throw report(error)
        }
    }

    /// Encodes every document, in parallel, in file order.
    func encode(_ data: SyntheticDataSet) async throws -> [(String, Data)] {
        let pretty = self.pretty
        @Sendable func encoder() -> DocumentEncoder { DocumentLoader.encoder(pretty: pretty) }
        var files = [("provider.json", try encoder().encode(data.provider))]
        let documents = data.customers
        let chunk = max(1, documents.count / (parallel * 8))
        let encoded = try await withThrowingTaskGroup(of: (Int, [(String, Data)]).self) { group in
            for start in stride(from: 0, to: documents.count, by: chunk) {
                group.addTask {
                    let encoder = encoder()
                    var part: [(String, Data)] = []
                    for document in documents[start..<min(documents.count, start + chunk)] {
                        part.append(
                            (
                                "customers/\(document.customer.id.rawValue).json",
                                try encoder.encode(document)
                            ))
                    }
                    return (start, part)
                }
            }
            var parts: [(Int, [(String, Data)])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        files += encoded
        return files
    }
}
