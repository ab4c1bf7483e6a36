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
        .executableTarget(name: "carepolicy", dependencies: ["CarePolicy", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
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
    ],
    swiftLanguageModes: [.v6]
)
