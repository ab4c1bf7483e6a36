import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Every example person of every finding, on every policy and fixture that loads, shows
/// its finding when evaluated again: the dead rule matches and an earlier rule fires, both
/// rules match and the earlier wins, no rule matches, both rules of a `unique` table match.
@Suite struct FindingReproductionTests {
    static var policies: [String] {
        (PolicyFiles.policyFiles(under: FixturePaths.packageRoot + "/policies") + PolicyFiles.policyFiles(under: FixturePaths.fixtures))
            .filter { (try? LoadedPolicy.load(path: $0)) != nil }
    }

    static let needExamples: Set<PolicyFinding.Kind> = [.deadRule, .gap, .overlap, .orderMatters]

    @Test(arguments: policies)
    func everyExampleReproducesItsFinding(_ path: String) throws {
        let policy = try LoadedPolicy.load(path: path)
        for finding in policy.findings() {
            if Self.needExamples.contains(finding.kind) {
                #expect(finding.example != nil, "\(finding.diagnostic)")
                #expect(policy.reproduces(finding) == true, "\(finding.diagnostic)")
            }
        }
    }

    @Test func theFixturesHaveExamplesOfEveryKind() throws {
        var kinds: [PolicyFinding.Kind: Int] = [:]
        for path in Self.policies {
            for finding in try LoadedPolicy.load(path: path).findings() where policyFileOwns(finding, path) { kinds[finding.kind, default: 0] += 1 }
        }
        let overlaps = try LoadedPolicy.load(path: FixturePaths.fixture("errors_unique_overlap"), refusingOverlaps: false).findings()
        for finding in overlaps where finding.kind == .overlap { kinds[.overlap, default: 0] += 1 }
        #expect(kinds[.deadRule] == 1)
        #expect(kinds[.gap] == 2)
        #expect(kinds[.overlap] == 1)
        #expect(kinds[.neverMatches] == 1)
        #expect((kinds[.orderMatters] ?? 0) >= 17)
    }

    func policyFileOwns(_ finding: PolicyFinding, _ path: String) -> Bool { finding.diagnostic.span?.file == path }
}
