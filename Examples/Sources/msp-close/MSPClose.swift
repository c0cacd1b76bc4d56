import ArgumentParser
import Foundation
import MSPCloseSupport

/// `msp-close`: an MSP's month end with MSPKit, on the bundled sample data or a data folder.
@main
struct MSPClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "msp-close",
        abstract: "Close an MSP's service period with MSPKit: invoices, SLA, availability, MRR.",
        discussion: """
            Run with no arguments, it closes last month for the sample MSP bundled in
            Examples/Data and writes JSON, CSV and one HTML report per customer.

            Exit status: 0 success, 64 bad command line, 65 an input document is wrong \
            (the file, the JSON path and the reason are printed), 73 the output cannot be \
            written, 1 anything else.
            """,
        subcommands: [
            CloseCommand.self, GenerateCommand.self, QuoteCommand.self, SLAWhatIfCommand.self,
        ],
        defaultSubcommand: CloseCommand.self
    )
}

/// The exit statuses of `msp-close` (from BSD's `sysexits.h`).
enum ExitStatus {
    /// An input document is wrong (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// The output cannot be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
}

/// Reports `error` on standard error as `msp-close: error: …` and returns the exit code for it.
func report(_ error: any Error) -> ExitCode {
    switch error {
    case let error as DocumentError:
        printError("msp-close: error: \(error)")
        return ExitStatus.dataError
    case let error as OutputError:
        printError("msp-close: error: \(error)")
        return ExitStatus.cannotCreate
    case let error as CloseFailure:
        printError("msp-close: error: \(error.error)")
        return ExitStatus.dataError
    case let error as InputError:
        printError("msp-close: error: \(error)")
        return ExitStatus.dataError
    default:
        if let failure = ValidationFailure(error) {
            printError("msp-close: error: \(failure.field): \(failure.reason)")
            return ExitStatus.dataError
        }
        printError("msp-close: error: \(error)")
        return .failure
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A problem with what the user asked for that is only found once the data is read (an
/// unknown customer or ticket), said in one sentence.
struct InputError: Error, CustomStringConvertible {
    var description: String
}
