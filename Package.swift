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
        // Already there under Hummingbird; named for the service's connection handlers (timeouts, the connection limit).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.25.0"),
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
        // Checked policy -> frozen decision trees per parameter period; tree pictures.
        .target(name: "PolicyCompiler", dependencies: ["PolicyModel"]),
        // Symbolic analysis on the trees: findings, unique-overlap proof, diff regions, why-not, example persons.
        .target(name: "PolicyAnalysis", dependencies: ["PolicyModel", "PolicyCompiler", "RecordFormats"]),
        // Bytes in and out: the one JSON reader and writer, CSV fields, line runs, buffered output. Knows no policy.
        .target(name: "RecordFormats", dependencies: ["PolicyModel"]),
        // Evaluation: the one session (flat machine, else trees); Flat/: trees lowered to flat programs and the machine that runs them
        // (one module: split across two, the machine's calls into FlatWord were not inlined and ran 2.5x slower); reference interpreter, facts, traces, ledgers.
        .target(name: "PolicyRuntime", dependencies: ["PolicyModel", "PolicyCompiler", "RecordFormats"]),
        // The facade: load -> check -> compile -> evaluate; traces; policy test files; analysis and ledger entry points.
        .target(name: "CarePolicy", dependencies: ["PolicyModel", "PolicySyntax", "PolicyCheck", "PolicyCompiler", "PolicyAnalysis",
                                                  "RecordFormats", "PolicyRuntime",
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        // Batch runs and what-if over record files; the in-place fast readers and writers.
        .target(name: "PolicyBatch", dependencies: ["CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime",
                                                   "RecordFormats"]),
        // Service requirements judged over records (compliance): windows, the Chinese calendar, streaming records, reports.
        .target(name: "PolicyCompliance", dependencies: ["PolicyModel", "PolicyCompiler", "PolicyRuntime", "RecordFormats"]),
        // Synthetic populations (described by a file under policies/), synthetic townships of service records, random persons, the evaluator agreement check.
        .target(name: "PolicySimulation", dependencies: ["CarePolicy", "PolicyModel", "PolicyCheck", "PolicyCompiler", "PolicyRuntime", "PolicySyntax",
                                                        "RecordFormats", "PolicyCompliance"]),
        // The HTTP service: routes, hot reload, decision log (SQLite), metrics. Nothing else in the package depends on it but the CLI.
        .target(name: "CarePolicyService", dependencies: [
            "CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "PolicyBatch", "PolicyCompliance",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [.copy("Resources/openapi.json")]),
        .executableTarget(name: "carepolicy", dependencies: ["CarePolicy", "CarePolicyService", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "PolicyBatch", "PolicySimulation", "PolicyCompliance", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "CarePolicyBenchmarks", dependencies: ["CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyRuntime", "RecordFormats", "PolicyBatch", "PolicySimulation", "PolicyCompliance"]),
        // Fixture paths and sample facts shared by the test targets.
        .target(name: "TestSupport", dependencies: ["CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyRuntime", "RecordFormats"], path: "Tests/TestSupport"),
        .testTarget(name: "PolicyModelTests", dependencies: ["PolicyModel"]),
        .testTarget(name: "PolicySyntaxTests", dependencies: ["PolicySyntax", "PolicyModel", "RecordFormats", "PolicySimulation", "TestSupport"]),
        .testTarget(name: "PolicyCheckTests", dependencies: ["CarePolicy", "PolicyCheck", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "PolicyCompilerTests", dependencies: ["CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "PolicyAnalysisTests", dependencies: ["CarePolicy", "PolicySimulation", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "RecordFormatsTests", dependencies: ["RecordFormats", "PolicyModel", "PolicySimulation", "TestSupport"]),
        .testTarget(name: "PolicyRuntimeTests", dependencies: ["CarePolicy", "PolicySimulation", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "CarePolicyTests", dependencies: ["CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "PolicyBatchTests", dependencies: ["PolicyBatch", "PolicySimulation", "CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "PolicyComplianceTests", dependencies: ["PolicyCompliance", "CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "PolicySimulationTests", dependencies: ["PolicySimulation", "PolicyCompliance", "PolicyBatch", "CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "PolicyBatch", "TestSupport", "carepolicy"]),
        .testTarget(name: "CarePolicyServiceTests", dependencies: [
            "CarePolicyService", "CarePolicy", "PolicyModel", "PolicyCompiler", "PolicyAnalysis", "PolicyRuntime", "RecordFormats", "PolicyBatch", "PolicyCompliance", "TestSupport", "carepolicy",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
