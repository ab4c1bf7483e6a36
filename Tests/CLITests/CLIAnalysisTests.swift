import Foundation
import Testing
import TestSupport

/// `check` warnings and notes, `diff`, `explain --why-not` and the marked tree, run as a
/// policy officer runs them.
@Suite(.serialized) struct CLIAnalysisTests {
    @Test func checkPrintsWarningsWithTheirLocationsAndExamples() throws {
        let result = try CommandRunner.run(["check", "--lang", "en", "--brief", "--examples", "Tests/Fixtures/analysis_findings/policy.yaml"])
        #expect(result.status == 0)
        #expect(result.out.contains("Tests/Fixtures/analysis_findings/policy.yaml:29:9: warning: rule `from_80` of `band` can never fire: every person it matches is taken first by `from_60`\n"
            + #"   = example (as of 2019-01-01): {"birth_date": "1939-01-01", "ability_level": 0, "subsistence": "none", "lives_alone": false, "wants_help": false, "monthly_income": "0.00", "unused_flag": false}"#))
        #expect(result.out.hasSuffix("checked 1 policy: 1 ok, 0 with errors, 7 warnings, 2 notes\n"))
    }

    @Test func checkRendersANoteWithItsSourceLine() throws {
        let result = try CommandRunner.run(["check", "--lang", "en", "policies/anqing.yaml"])
        #expect(result.out.contains("""
        policies/anqing.yaml:87:9: note: rule `low_cost_empty_nest_80` (low_cost) of `service_tier` comes after `free_urban_three_nos_70` (free), `free_dibao_cannot_self_care` (free), `free_priority_care` (free), `free_five_elders` (free), `free_centenarian` (free), which also match some of its persons: the order of the rules decides their value
           |       - id: low_cost_empty_nest_80
           |         ^
        """))
    }

    @Test func diffPrintsRegionsAndExitsOneWhenTheyDiffer() throws {
        let result = try CommandRunner.run(["diff", "policies/dongxihu.yaml", "Tests/Fixtures/analysis_variants/dongxihu-volunteer-60-74.yaml"])
        #expect(result.status == 1)
        #expect(result.out == """
        volunteer_eligible:
          70 ≤ age ≤ 74, ability_level = 0: false → true
            e.g. {"birth_date": "1955-03-21", "ability_level": 0} on 2025-03-21

        """)
    }

    @Test func diffPrintsNothingAndExitsZeroWhenEquivalent() throws {
        let result = try CommandRunner.run(["diff", "policies/anqing.yaml", "Tests/Fixtures/analysis_variants/anqing-rate-10.yaml", "--decision", "service_tier"])
        #expect(result.status == 0)
        #expect(result.out.isEmpty)
    }

    @Test func diffOnADateInAnotherPeriod() throws {
        let result = try CommandRunner.run(["diff", "policies/anqing.yaml", "Tests/Fixtures/analysis_variants/anqing-rate-10.yaml",
                                            "--decision", "monthly_subsidy_cny", "--as-of", "2026-06-01"])
        #expect(result.status == 1)
        #expect(result.out.contains("  age ≥ 70, subsistence = dibao, ability_level ≥ 2, not children_in_district, not child_caregiver_nearby: 160.00 → 200.00\n"
            + #"    e.g. {"birth_date": "1956-06-01", "subsistence": "dibao", "ability_level": 2, "children_in_district": false, "child_caregiver_nearby": false} on 2026-06-01"#))
    }

    @Test func diffRefusesAnUnknownDecisionWithExitTwo() throws {
        let result = try CommandRunner.run(["diff", "policies/anqing.yaml", "policies/anqing.yaml", "--decision", "service_teir"])
        #expect(result.status == 2)
        #expect(result.err == "error: no decision `service_teir` in either policy; did you mean `service_tier`?\n")
    }

    @Test func explainWhyNotAnswersInChinese() throws {
        let result = try CommandRunner.run(["explain", "policies/anqing.yaml", "--facts", "docs/examples/person.json", "--why-not", "service_tier=low_cost", "--as-of", "2026-06-01"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("""
        人员 AQ-2026-0001 于 2026-06-01 的服务对象类别（service_tier）为 无偿服务（free），不是 低偿服务（low_cost）。
        得到 低偿服务（low_cost） 的最少改变：
        1. 身边有子女照顾由 否 改为 是
           将适用规则 low_cost_empty_nest_cannot_self_care（policies/anqing.yaml:82:9）：生活不能自理的"空巢"老人，属低偿服务对象
        """))
    }

    @Test func explainRefusesAValueTheDecisionDoesNotHave() throws {
        let result = try CommandRunner.run(["explain", "policies/anqing.yaml", "--facts", "docs/examples/person.json", "--why-not", "service_tier=gratis"])
        #expect(result.status != 0)
        #expect(result.err.contains("`gratis` is not a value of `service_tier` (free, low_cost, paid, not_eligible)"))
    }

    @Test func treeMarksGapsAndDeadRules() throws {
        let result = try CommandRunner.run(["tree", "Tests/Fixtures/analysis_findings/policy.yaml", "--decision", "level_group", "--format", "mermaid", "--as-of", "2026-06-01"])
        #expect(result.status == 0)
        #expect(result.out.contains("  classDef gap fill:#fdd,stroke:#c00,stroke-width:2px\n"))
        #expect(result.out.contains("\"永不适用 dead: `level_group` 的规则 `impossible` 永远不会成立：没有哪位合乎条件的老人满足 `ability_level > 4`\"]:::dead"))
        let gap = try #require(result.out.split(separator: "\n").first { $0.hasSuffix(":::gap") })
        let node = gap.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ":::gap", with: "")
        #expect(result.out.contains("  \(node)[\"无规则匹配（no rule matches）\"]"))
        let dot = try CommandRunner.run(["tree", "Tests/Fixtures/analysis_findings/policy.yaml", "--decision", "band", "--format", "dot", "--as-of", "2026-06-01", "--lang", "en"])
        #expect(dot.out.contains("永不适用 dead: rule `from_80` of `band` can never fire: every person it matches is taken first by `from_60`"))
    }
}
