import Foundation
import Testing
import TestSupport

/// One rate step written into `policies/anqing.yaml`: 8.00 → 10.00 from 2027-01-01.
enum PolicyDiffRateStep {
    static let before = "        source: 000 享受标准：\"由政府按每小时8元的标准负担\"\n  free_monthly_hours:"
    static let after = "        source: 000 享受标准：\"由政府按每小时8元的标准负担\"\n      - from: 2027-01-01\n        value: 10.00\n  free_monthly_hours:"
}

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
        volunteer_eligible（可加入互助养老员队伍）：
          70 ≤ 年龄（周岁） ≤ 74，老年人能力等级 = 0：否 → 是
            例：{"birth_date": "1955-03-21", "ability_level": 0}，评估日期 2025-03-21

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
        #expect(result.out.hasPrefix("monthly_subsidy_cny（每月政府补贴金额（元））：\n  每月政府购买服务小时数为20：160.00 → 200.00\n"
            + #"    例：{"birth_date": "1956-06-01", "residence": "rural", "subsistence": "marginal", "children_in_district": false, "priority_care": true}，评估日期 2026-06-01"#))
        #expect(!result.out.contains("注："))
    }

    @Test func diffWritesJSON() throws {
        let result = try CommandRunner.run(["diff", "policies/dongxihu.yaml", "Tests/Fixtures/analysis_variants/dongxihu-volunteer-60-74.yaml", "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["equivalent"] as? Bool == false)
        let decisions = try #require(object["decisions"] as? [String: [[String: Any]]])
        #expect(Set(decisions.keys) == ["mutual_aid_recipient", "mutual_aid_categories", "volunteer_eligible"])
        #expect(decisions["mutual_aid_recipient"]?.isEmpty == true)
        let region = try #require(decisions["volunteer_eligible"]?.first)
        #expect(Set(region.keys) == ["when", "from", "to", "before", "after", "exact", "example", "example_as_of"])
        #expect(region["when"] as? String == "70 ≤ 年龄（周岁） ≤ 74，老年人能力等级 = 0")
        #expect(region["before"] as? Bool == false && region["after"] as? Bool == true)
        #expect(region["to"] is NSNull)
        #expect(region["example_as_of"] as? String == "2025-03-21")
        let example = try #require(region["example"] as? [String: Any])
        #expect(example["birth_date"] as? String == "1955-03-21" && example["ability_level"] as? Int == 0)
    }

    /// OLD at a git revision, with its include read at that revision: a repository made
    /// for the test, whose working copy raises the hourly rate from 2027.
    @Test func diffAgainstAGitRevision() throws {
        let folder = try PolicyFolder(copying: ["anqing.yaml"])
        func git(_ arguments: [String]) throws {
            let result = try ChildProcess.run("/usr/bin/env", ["git", "-c", "user.name=test", "-c", "user.email=test@example.com"] + arguments, directory: folder.root)
            #expect(result.status == 0, "git \(arguments): \(String(decoding: result.err, as: UTF8.self))")
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "anqing 2026.1"])
        try git(["tag", "v2026.1"])
        let path = folder.policies + "/anqing.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try folder.write(path, text.replacingOccurrences(of: PolicyDiffRateStep.before, with: PolicyDiffRateStep.after))
        // The shared file moves on after the tag: the revision must read its own copy.
        try folder.write(folder.policies + "/common/person.yaml", try String(contentsOfFile: folder.policies + "/common/person.yaml", encoding: .utf8) + "\n")
        for old in ["HEAD:policies/anqing.yaml", "v2026.1:policies/anqing.yaml"] {
            let result = try ChildProcess.run(ChildProcess.carepolicy, ["diff", old, "policies/anqing.yaml", "--decision", "monthly_subsidy_cny"], directory: folder.root)
            let out = String(decoding: result.out, as: UTF8.self)
            #expect(result.status == 1, "\(String(decoding: result.err, as: UTF8.self))")
            #expect(out.hasPrefix("自 2027-01-01 起：\nmonthly_subsidy_cny（每月政府补贴金额（元））：\n  每月政府购买服务小时数为20：160.00 → 200.00\n"))
        }
        let unchanged = try ChildProcess.run(ChildProcess.carepolicy, ["diff", "HEAD:policies/anqing.yaml", "HEAD:policies/anqing.yaml"], directory: folder.root)
        #expect(unchanged.status == 0)
        let missing = try ChildProcess.run(ChildProcess.carepolicy, ["diff", "v2025.9:policies/anqing.yaml", "policies/anqing.yaml"], directory: folder.root)
        #expect(missing.status == 2)
        #expect(String(decoding: missing.err, as: UTF8.self).contains("错误：无法读取 `v2025.9:policies/anqing.yaml`：`v2025.9` is not a commit"))
    }

    /// A saved copy outside `policies/` resolves its include from NEW's policy directory.
    @Test func diffAgainstASavedCopy() throws {
        let folder = try PolicyFolder(copying: ["anqing.yaml"])
        let text = try String(contentsOfFile: folder.policies + "/anqing.yaml", encoding: .utf8)
        let saved = try folder.write(folder.root + "/saved-anqing.yaml", text)
        try folder.write("anqing.yaml", text.replacingOccurrences(of: PolicyDiffRateStep.before, with: PolicyDiffRateStep.after))
        let result = try ChildProcess.run(ChildProcess.carepolicy, ["diff", saved, folder.policies + "/anqing.yaml", "--decision", "monthly_subsidy_cny"], directory: folder.root)
        #expect(result.status == 1, "\(String(decoding: result.err, as: UTF8.self))")
        #expect(String(decoding: result.out, as: UTF8.self).contains("  每月政府购买服务小时数为10：80.00 → 100.00\n"))
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
