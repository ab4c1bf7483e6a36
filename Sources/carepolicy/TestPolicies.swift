import Foundation
import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy test [PATH…]`: run policy test files and report rule coverage.
struct TestPolicies: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run policy test files (YAML cases of facts, date and expected decisions) and report rule coverage.",
        discussion: "With no path, runs every file under `policies/tests/`. Prints `N passed, M failed`; exits 1 on any failure.")

    @OptionGroup var lang: LanguageOption

    @Argument(help: "Test files or directories (default: policies/tests/).")
    var paths: [String] = []

    @Flag(name: .customLong("require-coverage"), help: "Fail when some rule of a policy is hit by no test case.")
    var requireCoverage = false

    func run() throws {
        let files = (paths.isEmpty ? ["policies/tests"] : paths).flatMap(testFiles(under:))
        if files.isEmpty {
            Output.err("error: no test files found")
            throw ExitCode(1)
        }
        var passed = 0, failed = 0, uncoveredTotal = 0
        for path in files {
            let file: PolicyTestFile
            let policy: LoadedPolicy
            do {
                file = try PolicyTestFile.load(path: path)
                policy = try LoadedPolicy.load(path: file.policyPath)
            } catch {
                Output.out(error.rendered(lang.language))
                failed += 1
                continue
            }
            let report = PolicyTestRunner.run(file, policy: policy)
            passed += report.passed
            failed += report.failures.count
            for failure in report.failures {
                Output.out("FAIL \(failure.name) (\(failure.location))")
                for difference in failure.differences { Output.out("  \(difference)") }
            }
            let hit = report.coverage.filter(\.hit).count
            Output.out("\(path): \(report.passed) passed, \(report.failures.count) failed; rules covered \(hit)/\(report.coverage.count)")
            if !report.uncovered.isEmpty {
                Output.out("  rules no case fires: " + report.uncovered.joined(separator: ", "))
                uncoveredTotal += report.uncovered.count
            }
        }
        Output.out("\(passed) passed, \(failed) failed")
        if failed > 0 || (requireCoverage && uncoveredTotal > 0) { throw ExitCode(1) }
    }

    func testFiles(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { (path.hasSuffix("/") ? path : path + "/") + $0 }
    }
}
