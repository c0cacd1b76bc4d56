// The parallel speed-up of the period close, measured outside ordo-one/benchmark.
//
// ordo-one's runner waits for an async benchmark on a semaphore from a thread of Swift's
// cooperative pool, so on a 2-core machine only one pool thread is left for the close's child
// tasks and "2 tasks" cannot scale there. This driver runs from an async `main` with the whole
// pool free. It generates the data set once (not timed), then alternates the sequential close
// and the parallel close with 1 and 2 child tasks, several rounds, and prints for each the
// best wall time, the process CPU time of that run and the peak resident memory.
//
//     swift run -c release --package-path Benchmarks CloseScaling [tenth|full] [rounds]
import Foundation
import MSPKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    let selfUsage = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
    let selfUsage = RUSAGE_SELF
#endif

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(selfUsage, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(selfUsage, &usage)
    #if canImport(Darwin)
        return Double(usage.ru_maxrss) / 1_048_576
    #else
        return Double(usage.ru_maxrss) / 1024
    #endif
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

@main
struct CloseScaling {
    static func main() async throws {
        let arguments = CommandLine.arguments
        let full = arguments.count > 1 && arguments[1] == "full"
        let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
        let configuration =
            full
            ? SyntheticMSP(
                customers: 10_000, devices: 1_000_000, users: 250_000, tickets: 200_000,
                outages: 1_000_000, seed: 8)
            : SyntheticMSP(
                customers: 1_000, devices: 100_000, users: 25_000, tickets: 20_000,
                outages: 100_000, seed: 8)
        let clock = ContinuousClock()
        let generationStart = clock.now
        let data = try configuration.generate()
        let close = try PeriodClose(provider: data.provider, period: data.period)
        print(
            "data set: \(full ? "full" : "tenth"), \(data.customers.count) customers, generated in \(seconds(clock.now - generationStart)) s, peak RSS so far \(Int(peakResidentMegabytes())) MB"
        )

        var best: [String: (wall: Double, cpu: Double)] = [:]
        var reference: CloseResult?
        for _ in 0..<rounds {
            for label in ["sequential", "parallel 1", "parallel 2"] {
                let cpu0 = cpuSeconds()
                let start = clock.now
                let result: CloseResult
                switch label {
                case "sequential": result = try close.close(data.customers)
                case "parallel 1": result = try await close.close(data.customers, parallelism: 1)
                default: result = try await close.close(data.customers, parallelism: 2)
                }
                let wall = seconds(clock.now - start)
                let cpu = cpuSeconds() - cpu0
                if let reference, reference != result { print("MISMATCH in \(label)") }
                reference = reference ?? result
                if wall < best[label]?.wall ?? .infinity { best[label] = (wall, cpu) }
            }
        }
        for label in ["sequential", "parallel 1", "parallel 2"] {
            guard let measured = best[label] else { continue }
            print(
                "\(label): best wall \(String(format: "%.3f", measured.wall)) s, CPU \(String(format: "%.3f", measured.cpu)) s (\(String(format: "%.2f", measured.cpu / measured.wall)) cores)"
            )
        }
        if let one = best["parallel 1"], let two = best["parallel 2"] {
            print("speed-up 1 → 2 tasks (wall): \(String(format: "%.2f", one.wall / two.wall))×")
        }
        print("peak resident memory: \(Int(peakResidentMegabytes())) MB")
        var loads = [Double](repeating: 0, count: 3)
        if getloadavg(&loads, 3) == 3 {
            print(
                "load average: \(loads.map { String(format: "%.2f", $0) }.joined(separator: " "))")
        }
    }
}
