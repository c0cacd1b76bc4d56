// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "MSPKitExamples",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mspkit-demo", targets: ["mspkit-demo"])
    ],
    dependencies: [
        .package(name: "MSPKit", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "mspkit-demo",
            dependencies: [.product(name: "MSPCore", package: "MSPKit")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .treatAllWarnings(as: .error),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
