// swift-tools-version:6.2
import PackageDescription

// The example programs of MSPKit, in a nested package so that the SDK itself (../Package.swift)
// keeps zero dependencies. Run from the repository root:
//
//     swift run --package-path Examples msp-close          # close last month, bundled data
//     swift run --package-path Examples msp-close --help
//     swift test --package-path Examples
//
// `MSPCloseSupport` holds the reusable pieces (document loading with file + JSON-path errors,
// atomic output, terminal tables, CSV, HTML and SVG rendering) so that they are tested on
// their own; the executables stay thin.

/// Swift settings shared by every target (the root package's list).
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "MSPKitExamples",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "msp-close", targets: ["msp-close"]),
        .executable(name: "mspkit-demo", targets: ["mspkit-demo"]),
        .executable(name: "mspkit-tour", targets: ["mspkit-tour"]),
    ],
    dependencies: [
        .package(name: "MSPKit", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "MSPCloseSupport",
            dependencies: [
                .product(name: "MSPKit", package: "MSPKit"),
                .product(name: "MSPCore", package: "MSPKit"),
                .product(name: "MSPBilling", package: "MSPKit"),
                .product(name: "MSPSLA", package: "MSPKit"),
                .product(name: "MSPMonitoring", package: "MSPKit"),
                .product(name: "MSPContracts", package: "MSPKit"),
            ],
            swiftSettings: sharedSettings
        ),
        .executableTarget(
            name: "msp-close",
            dependencies: [
                "MSPCloseSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MSPKit", package: "MSPKit"),
                .product(name: "MSPCore", package: "MSPKit"),
                .product(name: "MSPBilling", package: "MSPKit"),
                .product(name: "MSPSLA", package: "MSPKit"),
                .product(name: "MSPContracts", package: "MSPKit"),
            ],
            swiftSettings: sharedSettings
        ),
        .executableTarget(
            name: "mspkit-demo",
            dependencies: [.product(name: "MSPCore", package: "MSPKit")],
            swiftSettings: sharedSettings
        ),
        .executableTarget(
            name: "mspkit-tour",
            dependencies: [.product(name: "MSPKit", package: "MSPKit")],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "MSPCloseSupportTests",
            dependencies: [
                "MSPCloseSupport",
                .product(name: "MSPKit", package: "MSPKit"),
                .product(name: "MSPCore", package: "MSPKit"),
                .product(name: "MSPBilling", package: "MSPKit"),
            ],
            swiftSettings: sharedSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
