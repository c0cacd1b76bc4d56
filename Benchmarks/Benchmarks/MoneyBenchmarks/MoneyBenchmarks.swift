import Benchmark

/// The suite. ordo-one/benchmark's `BenchmarkPlugin` generates the `main` that calls this
/// closure; each benchmark family registers itself from its own file.
///
/// Naming: `<family> <input size>: <variant>`. Rows of one family run on the same inputs (same
/// seed, same count, built outside the measured region), so their ratios are meaningful:
/// `Money` rows are the code under test, `baseline` rows are what they are judged against.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 30
    )
    registerSumBenchmarks()
    registerMultiplyRoundBenchmarks()
}
