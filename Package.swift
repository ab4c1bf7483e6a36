// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CarePolicy",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CarePolicy", targets: ["CarePolicy"]),
        .executable(name: "carepolicy", targets: ["carepolicy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // The HTTP service (CarePolicyService) only: Hummingbird, its lifecycle and logging, metrics, the decision log.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Values, types, spans, diagnostics and the typed policy model (the checked IR). No dependencies.
        .target(name: "PolicyModel"),
        // YAML and expression text -> syntax trees with source spans. The only module that imports Yams.
        .target(name: "PolicySyntax", dependencies: ["PolicyModel", .product(name: "Yams", package: "Yams")]),
        // Names, types, includes and variants merged -> a checked policy, or diagnostics.
        .target(name: "PolicyCheck", dependencies: ["PolicyModel", "PolicySyntax", .product(name: "Crypto", package: "swift-crypto")]),
        // Checked policy -> frozen decision trees; tree rendering.
        .target(name: "PolicyCompiler", dependencies: ["PolicyModel"]),
        // Evaluation: decision-tree walker, reference interpreter, facts decoding, traces.
        .target(name: "PolicyRuntime", dependencies: ["PolicyModel", "PolicyCompiler"]),
        // The facade: load -> check -> compile -> evaluate; policy test files.
        .target(name: "CarePolicy", dependencies: ["PolicyModel", "PolicySyntax", "PolicyCheck", "PolicyCompiler", "PolicyRuntime",
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        // The HTTP service: routes, hot reload, decision log (SQLite), metrics. Nothing else in the package depends on it but the CLI.
        .target(name: "CarePolicyService", dependencies: [
            "CarePolicy",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [.copy("Resources/openapi.json")]),
        .executableTarget(name: "carepolicy", dependencies: ["CarePolicy", "CarePolicyService", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "CarePolicyBenchmarks", dependencies: ["CarePolicy"]),
        // Fixture paths and sample facts shared by the test targets.
        .target(name: "TestSupport", dependencies: ["CarePolicy"], path: "Tests/TestSupport"),
        .testTarget(name: "PolicyModelTests", dependencies: ["PolicyModel"]),
        .testTarget(name: "PolicySyntaxTests", dependencies: ["PolicySyntax"]),
        .testTarget(name: "PolicyCheckTests", dependencies: ["CarePolicy", "TestSupport"]),
        .testTarget(name: "PolicyCompilerTests", dependencies: ["CarePolicy", "TestSupport"]),
        .testTarget(name: "PolicyRuntimeTests", dependencies: ["CarePolicy", "TestSupport"]),
        .testTarget(name: "CarePolicyTests", dependencies: ["CarePolicy", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["CarePolicy", "TestSupport", "carepolicy"]),
        .testTarget(name: "CarePolicyServiceTests", dependencies: [
            "CarePolicyService", "TestSupport", "carepolicy",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
