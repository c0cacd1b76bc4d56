import ArgumentParser
import Foundation
import MSPCloseSupport
import MSPKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `msp-close` (or `msp-close close`): close a month for every customer in a data folder.
struct CloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a month: invoices, SLA, availability, credits, MRR (the default).",
        discussion: """
            Reads provider.json and customers/*.json, closes the month for every customer \
            and writes to --out: close.json (every result), invoice-lines.csv, index.html \
            and customers/<id>.html (one self-contained report per customer, with SVG \
            charts). The folder appears whole or not at all. --format chooses what is \
            printed: the readable summary (table), the JSON, the CSV, or the index page.
            """)

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The month to close (default: last month).", valueName: "YYYY-MM"))
    var period: Month?

    @Option(
        help: ArgumentHelp(
            "The output folder (default: msp-close-output/<period>).", valueName: "DIR"))
    var out: String?

    @Option(help: "What to print: table, json, csv or html.")
    var format: CloseFormat = .table

    @Option(help: "How many customers are read and closed at once (default: the cores).")
    var parallel: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Show progress on standard error (on by default from 1,000 customers).")
    var progress = false

    enum CloseFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, html
    }

    func validate() throws {
        guard parallel >= 1 else { throw ValidationError("--parallel must be 1 or more") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        // The one clock read of the program: which month is "last month".
        let month = period ?? Month.previous(before: Date())
        if period == nil {
            printError("msp-close: closing \(month), last month (--period YYYY-MM for another)")
        }
        let loader: DocumentLoader
        let input: CloseInput
        do {
            loader = try data.loader()
            let count = loader.jsonFiles(in: "customers").count
            let meter = ProgressMeter(label: "reading", enabled: progress || count >= 1_000)
            input = try await CloseInput.read(
                loader, parallelism: parallel, progress: meter.callback)
            meter.finish(since: started)
        } catch {
            throw report(error)
        }
        let closed = clock.now
        let result: CloseResult
        do {
            let billingPeriod = try input.provider.period(year: month.year, month: month.month)
            let close = try PeriodClose(provider: input.provider, period: billingPeriod)
            let meter = ProgressMeter(
                label: "closing", enabled: progress || input.customers.count >= 1_000)
            result = try await close.close(
                input.customers, parallelism: parallel, progress: meter.callback)
            meter.finish(since: closed)
        } catch let error as PeriodCloseError {
            throw report(CloseFailure(error: input.documentError(error)))
        } catch {
            throw report(error)
        }
        let closeReport = CloseReport(result: result, input: input)
        let destination = URL(fileURLWithPath: out ?? "msp-close-output/\(month)")
        let written = clock.now
        let writtenCPU = ProgressMeter.processorTime()
        do {
            try await write(closeReport, to: destination)
        } catch {
            throw report(error)
        }
        if progress || input.customers.count >= 1_000 {
            let wall = Self.seconds(clock.now - written)
            let cpu = Self.seconds(ProgressMeter.processorTime() - writtenCPU)
            let totalWall = Self.seconds(clock.now - started)
            let totalCPU = Self.seconds(ProgressMeter.processorTime())
            printError(
                "msp-close: wrote \(destination.path) in \(wall) (processor time \(cpu)); "
                    + "total \(totalWall) (processor time \(totalCPU))")
        }
        switch format {
        case .table:
            print(closeReport.summary(), terminator: "")
            print(
                "\nWrote \(destination.path): close.json, invoice-lines.csv, index.html and "
                    + "\(result.customers.count) customer report(s) in customers/")
        case .json:
            print(String(decoding: try JSONOutput.encode(result), as: UTF8.self))
        case .csv:
            print(closeReport.invoiceLinesCSV(), terminator: "")
        case .html:
            print(closeReport.indexHTML(), terminator: "")
        }
    }

    /// Renders every output into a staging folder and moves it into place.
    func write(_ report: CloseReport, to destination: URL) async throws {
        try await AtomicOutput.write(to: destination) { output in
            try await report.write(to: output, parallelism: parallel)
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds =
            duration.components.seconds * 1000 + duration.components.attoseconds
            / 1_000_000_000_000_000
        let tenths = milliseconds / 100
        return "\(tenths / 10).\(tenths % 10) s"
    }
}

/// A close error already located in its file.
struct CloseFailure: Error {
    var error: DocumentError
}

/// Prints `label: done/total` to standard error at each tenth of the way.
final class ProgressMeter: Sendable {
    let label: String
    let enabled: Bool
    private let lastTenth = Mutex(-1)

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    var callback: (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        return { [self] done, total in
            let tenth = total == 0 ? 10 : done * 10 / total
            let advanced = lastTenth.withLock { last in
                guard tenth > last else { return false }
                last = tenth
                return true
            }
            if advanced { printError("msp-close: \(label) \(done)/\(total)") }
        }
    }

    private let cpuAtStart = ProgressMeter.processorTime()

    func finish(since start: ContinuousClock.Instant) {
        guard enabled else { return }
        let wall = CloseCommand.seconds(ContinuousClock.now - start)
        let cpu = CloseCommand.seconds(ProgressMeter.processorTime() - cpuAtStart)
        printError("msp-close: \(label) done in \(wall) (processor time \(cpu))")
    }

    /// The processor time the process has used, all threads.
    static func processorTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }
}
