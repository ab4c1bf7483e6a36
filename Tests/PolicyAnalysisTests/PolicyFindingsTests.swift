import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// `check`'s findings on a fixture with one of each kind, and on the district policies.
@Suite struct PolicyFindingsTests {
    static func findings(_ path: String) throws -> [PolicyFinding] {
        try LoadedPolicy.load(path: path).findings()
    }

    @Test func everyKindOfFindingOnTheFixture() throws {
        let findings = try Self.findings(FixturePaths.fixture("analysis_findings"))
        let found = findings.map { "\($0.kind.rawValue) \(FixturePaths.portable($0.diagnostic.line(.en)))" }
        #expect(found == [
            "order_matters Fixtures/base.yaml:34:9: note: rule `poor` (free) of `tier` comes after `young` (not_eligible), which also match some of its persons: the order of the rules decides their value",
            "dead_rule Fixtures/analysis_findings/policy.yaml:29:9: warning: rule `from_80` of `band` can never fire: every person it matches is taken first by `from_60`",
            "dead_else Fixtures/analysis_findings/policy.yaml:33:9: warning: the `else` row of `band` never applies: the rules above match every person",
            "never_matches Fixtures/analysis_findings/policy.yaml:48:9: warning: rule `impossible` of `level_group` can never match: no valid person meets `ability_level > 4`",
            "gap Fixtures/analysis_findings/policy.yaml:35:3: warning: no rule of `level_group` matches some persons, and it has no `else` row: ability_level = 2",
            "order_matters Fixtures/analysis_findings/policy.yaml:61:9: note: rule `asked` (false) of `helped` comes after `poor_alone` (true), which also match some of its persons: the order of the rules decides their value",
            "unused_input Fixtures/analysis_findings/policy.yaml:8:3: warning: input `unused_flag` (未用事实) is not read by any decision",
            "unused_parameter Fixtures/analysis_findings/policy.yaml:11:3: warning: parameter `unused_rate` (未用标准) is not read by any decision",
            "unused_definition Fixtures/analysis_findings/policy.yaml:14:3: warning: definition `spare` (未用定义) is not read by any decision",
        ])
        // In Chinese, the default, the gap is described with the facts' labels.
        #expect(findings.map { FixturePaths.portable($0.diagnostic.description) }.filter { $0.contains("else") } == [
            "Fixtures/analysis_findings/policy.yaml:33:9: 警告：`band` 的 `else` 行永远用不到：上面的规则已涵盖所有人",
            "Fixtures/analysis_findings/policy.yaml:35:3: 警告：`level_group` 没有 `else` 行，而有些人不满足它的任何一条规则：能力等级 = 2",
        ])
    }

    @Test func aDeadRuleNamesItsShadowAndAnExample() throws {
        let dead = try #require(try Self.findings(FixturePaths.fixture("analysis_findings")).first { $0.kind == .deadRule })
        #expect(dead.diagnostic.helpText(.en) == "move it above them, narrow their conditions, or remove it; e.g. {\"birth_date\": \"1939-01-01\"} on 2019-01-01 matches it and gets `from_60`")
        #expect(dead.example?.json() == #"{"birth_date": "1939-01-01", "ability_level": 0, "subsistence": "none", "lives_alone": false, "wants_help": false, "monthly_income": "0.00", "unused_flag": false}"#)
    }

    @Test func alwaysTrueAndAlwaysFalseConditions() throws {
        let policy = try LoadedPolicy.load(path: FixturePaths.fixture("analysis_findings"))
        let constant = PolicyFindings.find(in: policy.compiled).filter { $0.kind == .alwaysTrue || $0.kind == .alwaysFalse }
        // `ability_level > 4` is reported once, as the rule that never matches.
        #expect(constant.isEmpty)
        let runtime = try LoadedPolicy.load(path: FixturePaths.fixture("runtime_faults")).findings().map { FixturePaths.portable($0.diagnostic.line(.en)) }
        #expect(runtime == ["Fixtures/runtime_faults/policy.yaml:10:3: warning: no rule of `band` matches some persons, and it has no `else` row: count ≤ 4"])
    }

    @Test func anqingShowsThatTheOrderOfItsTiersMatters() throws {
        let notes = try Self.findings(FixturePaths.packageRoot + "/policies/anqing.yaml").filter { $0.kind == .orderMatters }
        let note = try #require(notes.first { $0.diagnostic.text(.en).hasPrefix("rule `low_cost_empty_nest_80`") })
        // The issue's example: an urban 三无 person aged 80 with no child in the district.
        #expect(note.diagnostic.helpText(.en) == #"e.g. {"birth_date": "1939-01-01", "residence": "urban", "no_income_source": true, "no_work_capacity": true, "no_legal_supporter": true, "children_in_district": false, "receives_civil_aid": false} on 2019-01-01 matches `free_urban_three_nos_70` and `low_cost_empty_nest_80` and gets free; if the later rule should win, move it up"#)
        #expect(notes.count == 6)
    }

    @Test func theDistrictPoliciesHaveNoDeadRulesGapsOrConstantConditions() throws {
        for name in ["anqing", "dongxihu", "rural-pilot"] {
            let kinds = try Self.findings(FixturePaths.packageRoot + "/policies/\(name).yaml").map(\.kind)
            #expect(kinds.allSatisfy { [.orderMatters, .unusedInput, .unusedParameter, .unusedDefinition].contains($0) }, "\(name): \(kinds)")
        }
        let rural = try Self.findings(FixturePaths.packageRoot + "/policies/rural-pilot.yaml").filter { $0.diagnostic.severity == .warning }
        #expect(rural.contains { $0.kind == .unusedParameter && $0.name == "delivery_fee_cny" })
    }

    @Test func sharedDeclarationsAreUnusedOnlyWhenNoPolicyReadsThem() throws {
        var shared = SharedDeclarations()
        for name in ["anqing", "dongxihu", "rural-pilot"] {
            let policy = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/\(name).yaml")
            _ = shared.record(policy.findings(), of: policy.checked)
        }
        let unused = shared.unusedEverywhere(policyCount: 3).map(\.diagnostic.message)
        #expect(unused.map { $0.text(.en) } == ["input `hukou_local` (户籍在本区) is not read by any decision of the 3 policies checked that include it"])
        #expect(unused.map { $0.text(.zhCN) } == ["输入事实 `hukou_local`（户籍在本区）在一起检查、引用了它的 3 个政策中都没有被任何决策读取"])
    }

    @Test func aUniqueOverlapNamesAPersonBothRulesMatch() throws {
        let policy = try LoadedPolicy.load(path: FixturePaths.fixture("errors_unique_overlap"), refusingOverlaps: false)
        let overlap = try #require(policy.findings().first { $0.kind == .overlap })
        #expect(overlap.example?.json(onlyShown: true) == #"{"ability_level": 2}"#)
        #expect(policy.reproduces(overlap) == true)
    }
}

/// Two parameters with the same values that cite the same sentence, not linked by `same_as`.
@Suite struct UnlinkedParameterTests {
    @Test func twinsCitingTheSameTextAreNotedOnce() throws {
        let findings = try LoadedPolicy.load(path: FixturePaths.fixture("analysis_unlinked_parameters")).findings()
            .filter { $0.kind == .unlinkedParameters }
        #expect(findings.map { FixturePaths.portable($0.diagnostic.line(.en)) } == [
            "Fixtures/analysis_unlinked_parameters/policy.yaml:16:3: note: parameters `hourly_rate_cny` and `settlement_rate_cny` have the same value and cite the same text (“由政府按每小时8元的标准负担”) but are not linked: changing one leaves the other as it is",
        ])
        #expect(findings.first?.diagnostic.helpText(.en) == "if they are one figure, write `same_as: hourly_rate_cny` under `settlement_rate_cny` instead of its values, so that one edit moves both")
        #expect(findings.first?.name == "settlement_rate_cny")
    }

    @Test func linkedParametersAreNotNoted() throws {
        let findings = try LoadedPolicy.load(path: FixturePaths.fixture("good_linked_parameters")).findings()
        #expect(!findings.contains { $0.kind == .unlinkedParameters })
        let anqing = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml").findings()
        #expect(!anqing.contains { $0.kind == .unlinkedParameters })
    }

    @Test(arguments: [
        ("第三条：\"由政府按每小时8元的标准负担\"；第四条", ["由政府按每小时8元的标准负担"]),
        ("“甲乙”与「丙丁」及『戊己』", ["甲乙", "丙丁", "戊己"]),
        ("\"x\" 太短，不算", [String]()),
    ])
    func quotationsAreTheQuotedPassages(text: String, passages: [String]) {
        #expect(UnlinkedParameters.quotations(text) == passages)
    }
}
