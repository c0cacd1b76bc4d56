import ArgumentParser
import Foundation
import MSPCloseSupport

/// The `--data DIR` option shared by every subcommand.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "The data folder (provider.json and customers/*.json).",
            discussion: "Default: the sample MSP bundled in Examples/Data.",
            valueName: "DIR"))
    var path: String?

    /// The data folder: `--data`, or the bundled sample found next to this package's
    /// sources, or `Examples/Data` / `Data` under the current directory.
    func folder() throws -> URL {
        if let path { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: #filePath)
        let candidates = [
            here.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Data"),
            URL(fileURLWithPath: "Examples/Data"),
            URL(fileURLWithPath: "Data"),
        ]
        for candidate in candidates
        where FileManager.default.fileExists(
            atPath: candidate.appendingPathComponent("provider.json").path)
        {
            return candidate
        }
        throw InputError(
            description:
                "the bundled sample data (Examples/Data) was not found; pass --data DIR")
    }

    /// A loader for the data folder.
    func loader() throws -> DocumentLoader {
        DocumentLoader(root: try folder())
    }
}

/// Parses `YYYY-MM`.
struct Month: ExpressibleByArgument, CustomStringConvertible {
    var year: Int
    var month: Int

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...9999).contains(year),
            (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month before the one containing `date` in UTC (the CLI reads the clock once).
    static func previous(before date: Date) -> Month {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        return month == 1 ? Month(year: year - 1, month: 12) : Month(year: year, month: month - 1)
    }

    /// The 15th at 12:00 UTC: an instant safely inside the month in every time zone.
    var middle: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: 15, hour: 12)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    var description: String {
        let paddedMonth = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(paddedMonth)"
    }
}

/// An ISO 8601 instant argument, `2026-10-05T14:30:00Z`.
struct Instant: ExpressibleByArgument {
    var date: Date

    init?(argument: String) {
        guard let date = DocumentLoader.parseISO8601(argument) else { return nil }
        self.date = date
    }
}
