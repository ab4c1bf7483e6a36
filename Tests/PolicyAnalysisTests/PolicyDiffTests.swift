import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// `diff` between Anqing, Dongxihu and variants written as fixtures: the exact regions,
/// values and examples, each example evaluated under both policies.
@Suite struct PolicyDiffTests {
    static func load(_ path: String) throws -> LoadedPolicy { try LoadedPolicy.load(path: FixturePaths.packageRoot + "/" + path) }
    static func variant(_ name: String) throws -> LoadedPolicy { try LoadedPolicy.load(path: FixturePaths.fixture("analysis_variants", name + ".yaml")) }

    static func lines(_ comparison: PolicyComparison) -> [String] {
        comparison.findings.joined().map { "\($0.difference.decision): \($0.difference.condition): \($0.difference.old) → \($0.difference.new)" }
    }

    @Test func aPolicyIsEquivalentToItself() throws {
        let anqing = try Self.load("policies/anqing.yaml")
        let comparison = try PolicyComparison(old: anqing, new: anqing)
        #expect(comparison.status == .equivalent)
        #expect(comparison.text.isEmpty)
    }

    @Test func includingTekunInTheGovernmentPurchase() throws {
        let comparison = try PolicyComparison(old: try Self.load("policies/anqing.yaml"), new: try Self.variant("anqing-tekun"), decision: "gov_purchase_eligible")
        #expect(Self.lines(comparison) == ["gov_purchase_eligible: age ≥ 70, subsistence = tekun, not children_in_district: false → true"])
        #expect(comparison.status == .different)
        let finding = try #require(comparison.findings.joined().first)
        #expect(finding.difference.exact)
        #expect(finding.observed?.old == "false" && finding.observed?.new == "true")
    }

    @Test func theDongxihuVolunteerBandTo74() throws {
        let comparison = try PolicyComparison(old: try Self.load("policies/dongxihu.yaml"), new: try Self.variant("dongxihu-volunteer-60-74"))
        #expect(Self.lines(comparison) == ["volunteer_eligible: 70 ≤ age ≤ 74, ability_level = 0: false → true"])
        #expect(comparison.text == """
        volunteer_eligible:
          70 ≤ age ≤ 74, ability_level = 0: false → true
            e.g. {"birth_date": "1955-03-21", "ability_level": 0} on 2025-03-21
        """)
    }

    @Test func theHourlyRateFrom2026ChangesOnlyTheSubsidyFromThatDate() throws {
        let comparison = try PolicyComparison(old: try Self.load("policies/anqing.yaml"), new: try Self.variant("anqing-rate-10"))
        #expect(comparison.report.periods.map(\.description) == ["2019-01-01 to 2025-12-31", "from 2026-01-01"])
        #expect(comparison.findings[0].isEmpty)
        let changes = comparison.findings[1].map(\.difference)
        #expect(Set(changes.map(\.decision)) == ["monthly_subsidy_cny"])
        #expect(Set(changes.map { "\($0.old) → \($0.new)" }) == ["160.00 → 200.00", "80.00 → 100.00"])
        #expect(changes.filter { $0.old.text == "160.00" }.map(\.condition) == [
            "age ≥ 100, subsistence in {dibao, marginal}, not children_in_district",
            "age ≥ 70, residence = urban, no_income_source, no_work_capacity, no_legal_supporter, subsistence in {dibao, marginal}, not children_in_district",
            "age ≥ 70, subsistence = dibao, ability_level ≥ 2, not children_in_district, not child_caregiver_nearby",
            "age ≥ 70, subsistence in {dibao, marginal}, not children_in_district, priority_care",
            "age ≥ 70, subsistence in {dibao, marginal}, not children_in_district, five_elders",
        ])
        let asOf = try PolicyComparison(old: try Self.load("policies/anqing.yaml"), new: try Self.variant("anqing-rate-10"), asOf: CivilDate("2025-12-31"))
        #expect(asOf.status == .equivalent)
    }

    @Test(arguments: ["anqing-tekun", "anqing-rate-10"])
    func everyExampleEvaluatesToTheValuesShown(_ name: String) throws {
        let comparison = try PolicyComparison(old: try Self.load("policies/anqing.yaml"), new: try Self.variant(name))
        for finding in comparison.findings.joined() {
            #expect(finding.difference.exact)
            #expect(finding.observed?.old == finding.difference.old.text, "\(finding.difference.condition)")
            #expect(finding.observed?.new == finding.difference.new.text, "\(finding.difference.condition)")
        }
    }

    @Test func aDecisionNotInEitherPolicyIsAnError() throws {
        let anqing = try Self.load("policies/anqing.yaml")
        #expect(throws: AnalysisError.self) { try PolicyComparison(old: anqing, new: anqing, decision: "service_teir") }
    }
}
