import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Policy test files: cases pass or fail with a readable difference, and every rule a
/// case fires is counted for coverage.
@Suite struct PolicyTestRunnerTests {
    func run(_ path: String) throws -> PolicyTestReport {
        let file = try PolicyTestFile.load(path: path)
        return PolicyTestRunner.run(file, policy: try LoadedPolicy.load(path: file.policyPath))
    }

    @Test func aWrongExpectationFailsWithTheDifference() throws {
        let report = try run(FixturePaths.fixture("policy_tests", "base-cases.yaml"))
        #expect(report.passed == 3)
        #expect(report.failures.map(\.name) == ["故意写错的期望"])
        #expect(report.failures.first?.differences == ["tier: expected paid, got free (rule poor)"])
        #expect(report.failures.first?.location.line == 12)
        #expect(report.uncovered == ["tier.else"])
        #expect(report.coverage.map(\.rule) == ["tier.young", "tier.poor", "tier.else", "hours.free_hours", "hours.else", "subsidy.value"])
    }

    /// The three district policies' own test files pass and fire every rule.
    @Test(arguments: ["anqing", "dongxihu", "rural-pilot"])
    func districtTestFilesPassWithFullCoverage(name: String) throws {
        let report = try run(FixturePaths.packageRoot + "/policies/tests/\(name).yaml")
        #expect(report.failures.isEmpty, "\(report.failures.map { "\($0.name): \($0.differences)" })")
        #expect(report.uncovered.isEmpty, "rules no case fires: \(report.uncovered)")
        #expect(report.passed >= 20)
    }

    @Test func aBrokenTestFileIsALocatedError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepolicy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.yaml").path
        try "policy: x.yaml\ncases:\n  - name: a\n    fakts: {}\n    expect: {tier: free}\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try PolicyTestFile.load(path: path)
            Issue.record("accepted")
        } catch {
            #expect(error.rendered(.en).contains("t.yaml:4:5: error: unknown field `fakts` in a case"))
            #expect(error.rendered(.en).contains("did you mean `facts`?"))
            #expect(error.rendered.contains("t.yaml:4:5: 错误：用例中没有字段 `fakts`"))
            #expect(error.rendered.contains("= 建议：您是不是要写 `facts`？"))
        }
    }
}
