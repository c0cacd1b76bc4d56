// swift-tools-version:6.2
// Fuzz targets for MSPKit, built with libFuzzer and AddressSanitizer by `Fuzz/run`.
// Not part of the SDK: nothing here is a product of the root package.

import PackageDescription

let fuzzSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

func fuzzTarget(_ name: String, dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + dependencies,
        swiftSettings: fuzzSettings)
}

/// A product of the root MSPKit package.
func mspKit(_ product: String) -> Target.Dependency {
    .product(name: product, package: "MSPKit")
}

let package = Package(
    name: "MSPKitFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "MSPKit", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"], swiftSettings: fuzzSettings),
        fuzzTarget("FuzzMoneyText", dependencies: [.product(name: "MSPCore", package: "MSPKit")]),
        fuzzTarget("FuzzCalendar", dependencies: [.product(name: "MSPCore", package: "MSPKit")]),
        fuzzTarget("FuzzCoreJSON", dependencies: [.product(name: "MSPCore", package: "MSPKit")]),
        fuzzTarget("FuzzTierRating", dependencies: [mspKit("MSPCore"), mspKit("MSPBilling")]),
        fuzzTarget("FuzzPricePlan", dependencies: [mspKit("MSPCore"), mspKit("MSPBilling")]),
        fuzzTarget("FuzzAgreement", dependencies: [mspKit("MSPCore"), mspKit("MSPContracts")]),
        .target(
            name: "SLAFuzzSupport",
            dependencies: ["FuzzSupport", mspKit("MSPCore"), mspKit("MSPSLA")],
            swiftSettings: fuzzSettings),
        fuzzTarget(
            "FuzzSLAPolicy", dependencies: ["SLAFuzzSupport", mspKit("MSPCore"), mspKit("MSPSLA")]),
        fuzzTarget(
            "FuzzTicketTimeline",
            dependencies: ["SLAFuzzSupport", mspKit("MSPCore"), mspKit("MSPSLA")]),
        fuzzTarget(
            "FuzzInventoryHistory", dependencies: [mspKit("MSPCore"), mspKit("MSPInventory")]),
        fuzzTarget(
            "FuzzMonitoringRule", dependencies: [mspKit("MSPCore"), mspKit("MSPMonitoring")]),
    ],
    swiftLanguageModes: [.v6]
)
