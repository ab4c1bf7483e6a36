import CarePolicy
import Testing
import TestSupport
import PolicySimulation
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// The compiled trees and the rule-by-rule reference interpreter give the same
/// decisions and fire the same rules for random valid persons on random dates.
@Suite struct EvaluatorAgreementTests {
    static let policies = PolicyFiles.policyFiles(under: FixturePaths.packageRoot + "/policies")

    @Test func everyPolicyFileIsFound() {
        let names = Self.policies.map { $0.replacingOccurrences(of: FixturePaths.packageRoot + "/", with: "") }
        #expect(names.contains("policies/anqing.yaml"))
        #expect(names.contains("policies/dongxihu.yaml"))
        #expect(names.contains("policies/rural-pilot.yaml"))
        #expect(!names.contains { $0.hasPrefix("policies/tests/") || $0.hasPrefix("policies/common/") })
    }

    @Test(arguments: policies)
    func treesAgreeWithTheReference(path: String) throws {
        let policy = try LoadedPolicy.load(path: path)
        let report = EvaluatorAgreement.check(policy, count: 3_000, seed: 20261123)
        #expect(report.persons == 3_000)
        #expect(report.disagreements == 0, "\(report.mismatches)")
        // The flat machine is checked too, wherever the policy has a flat form.
        #expect(report.flatPersons == (policy.evaluator.flatUnsupported == nil ? 3_000 : 0))
    }
}
