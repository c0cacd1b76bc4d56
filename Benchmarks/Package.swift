// swift-tools-version:6.1
// ordo-one/benchmark needs tools ≥ 6.1 here: `traits:` on a package dependency is 6.1 API.
import PackageDescription

// Benchmarks for MSPKit, kept in a nested package so that the SDK itself (../Package.swift)
// keeps zero dependencies. Run from the repository root:
//
//     swift package --package-path Benchmarks benchmark
//
// See README.md in this directory for running, filtering, baselines and reading the ratios.
//
// About the `traits:` list below. ordo-one/benchmark ≥ 1.38 has two default traits:
// - "MallocInterposer" (malloc counts such as `.mallocCountTotal`): it replaced the old
//   jemalloc backend, so no system jemalloc (libjemalloc-dev) is needed on Linux any more; it
//   builds from the malloc-interposer package alone. Naming it keeps malloc metrics.
// - "RuntimeInterposer" (ARC metrics on Linux with Swift 6.3.x): it pulls in
//   github.com/ordo-one/swift-runtime-interposer. We leave it out: MSPCore is plain values and
//   these benchmarks do not measure ARC traffic, and leaving it out keeps the dependency graph
//   to packages that resolve in our CI and offline mirrors. Because SwiftPM prunes
//   dependencies that only a disabled trait uses, that package is then never even fetched.
// If the malloc interposer ever misbehaves on a platform, set BENCHMARK_DISABLE_MALLOC_INTERPOSER=1
// (or the older alias BENCHMARK_DISABLE_JEMALLOC=1) in the environment of `swift package
// benchmark` and remove "MallocInterposer" below; `.mallocCountTotal` then reads zero.

/// Swift settings shared by every benchmark target (mirrors the root package's list; the
/// root's `.treatAllWarnings(as: .error)` needs tools 6.2, so warnings are checked in CI
/// with `-Xswiftc -warnings-as-errors` instead).
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// One ordo-one benchmark executable: sources in `Benchmarks/<name>/`, the `Benchmark`
/// library, the generated `main` from `BenchmarkPlugin`, plus the MSPKit products it measures.
/// To add a suite (e.g. `CalendarBenchmarks`), create `Benchmarks/CalendarBenchmarks/
/// CalendarBenchmarks.swift` with a `let benchmarks: @Sendable () -> Void` and add one line to
/// `targets` below.
func benchmarkTarget(_ name: String, measuring products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchmarkSupport"]
            + products.map { .product(name: $0, package: "MSPKit") },
        path: "Benchmarks/\(name)",
        swiftSettings: sharedSettings,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "MSPKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "MSPKit", path: ".."),
        .package(
            url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
            traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport",
            swiftSettings: sharedSettings),
        benchmarkTarget("MoneyBenchmarks", measuring: ["MSPCore"]),
        benchmarkTarget("CalendarBenchmarks", measuring: ["MSPCore"]),
        benchmarkTarget("InventoryBenchmarks", measuring: ["MSPCore", "MSPInventory"]),
        benchmarkTarget("MonitoringBenchmarks", measuring: ["MSPCore", "MSPMonitoring"]),
        benchmarkTarget("ContractBenchmarks", measuring: ["MSPCore", "MSPContracts"]),
        benchmarkTarget("BillingBenchmarks", measuring: ["MSPCore", "MSPBilling"]),
        benchmarkTarget("SLABenchmarks", measuring: ["MSPCore", "MSPSLA"]),
        benchmarkTarget("CloseBenchmarks", measuring: ["MSPKit"]),
        // Not an ordo-one suite: a driver measuring the close's parallel speed-up from an async
        // `main` (see its header).
        .executableTarget(
            name: "CloseScaling", dependencies: [.product(name: "MSPKit", package: "MSPKit")],
            path: "Benchmarks/CloseScaling", swiftSettings: sharedSettings),
    ],
    swiftLanguageModes: [.v6]
)
