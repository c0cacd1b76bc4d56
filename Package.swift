// swift-tools-version:6.2
import PackageDescription

/// Settings shared by every target: Swift 6 language mode is set package-wide below.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

/// The product modules and what each builds on. Lower modules never import higher ones;
/// MSPCore is the shared vocabulary.
let modules: [(name: String, dependencies: [String])] = [
    ("MSPCore", []),
    ("MSPBilling", ["MSPCore"]),
    ("MSPInventory", ["MSPCore"]),
    ("MSPMonitoring", ["MSPCore"]),
    ("MSPSLA", ["MSPCore"]),
    ("MSPContracts", ["MSPCore", "MSPBilling"]),
    (
        "MSPKit",
        ["MSPCore", "MSPBilling", "MSPInventory", "MSPMonitoring", "MSPSLA", "MSPContracts"]
    ),
]

let package = Package(
    name: "MSPKit",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: modules.map { .library(name: $0.name, targets: [$0.name]) },
    dependencies: [],
    targets: modules.flatMap { module -> [Target] in
        [
            .target(
                name: module.name,
                dependencies: module.dependencies.map { .target(name: $0) },
                swiftSettings: sharedSettings),
            .testTarget(
                name: "\(module.name)Tests",
                dependencies: [.target(name: module.name), "MSPTestSupport"],
                swiftSettings: sharedSettings),
        ]
    } + [
        .target(
            name: "MSPTestSupport",
            path: "Tests/MSPTestSupport",
            swiftSettings: sharedSettings
        )
    ],
    swiftLanguageModes: [.v6]
)
