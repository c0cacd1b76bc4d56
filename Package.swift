// swift-tools-version:6.2
import PackageDescription

/// Settings shared by every target: Swift 6 language mode is set package-wide below.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "MSPKit",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "MSPCore", targets: ["MSPCore"]),
        .library(name: "MSPSLA", targets: ["MSPSLA"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "MSPCore", swiftSettings: sharedSettings),
        .target(
            name: "MSPTestSupport",
            path: "Tests/MSPTestSupport",
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "MSPCoreTests",
            dependencies: ["MSPCore", "MSPTestSupport"],
            swiftSettings: sharedSettings
        ),
        .target(name: "MSPSLA", dependencies: ["MSPCore"], swiftSettings: sharedSettings),
        .testTarget(
            name: "MSPSLATests",
            dependencies: ["MSPSLA", "MSPCore", "MSPTestSupport"],
            swiftSettings: sharedSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
