import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicySimulation

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
        #expect(Self.lines(comparison) == ["gov_purchase_eligible: 年龄（周岁） ≥ 70，社会救助类别为特困供养，空巢老人: false → true"])
        #expect(comparison.findings.joined().map(\.difference.conditionCodes) == ["age ≥ 70, subsistence = tekun, empty_nest"])
        #expect(comparison.status == .different)
        let finding = try #require(comparison.findings.joined().first)
        #expect(finding.difference.exact)
        #expect(finding.observed?.old == "false" && finding.observed?.new == "true")
    }

    /// The 特困 variant changes three decisions; each change is one region, written with the
    /// decisions that explain it (about 60 regions of facts before terms were used).
    @Test func theTekunVariantIsFiveRegionsInThePolicysOwnTerms() throws {
        let comparison = try PolicyComparison(old: try Self.load("policies/anqing.yaml"), new: try Self.load("policies/variants/anqing-gov-purchase-tekun.yaml"))
        #expect(Self.lines(comparison) == [
            "gov_purchase_eligible: 年龄（周岁） ≥ 70，社会救助类别为特困供养，空巢老人: false → true",
            "monthly_hours: 服务对象类别为无偿服务，享受政府购买服务由否变为是: 0 → 20",
            "monthly_hours: 服务对象类别为低偿服务，享受政府购买服务由否变为是: 0 → 10",
            "monthly_subsidy_cny: 每月政府购买服务小时数由0变为20: 0.00 → 160.00",
            "monthly_subsidy_cny: 每月政府购买服务小时数由0变为10: 0.00 → 80.00",
        ])
        #expect(comparison.findings.joined().map(\.difference.conditionCodes) == [
            "age ≥ 70, subsistence = tekun, empty_nest",
            "service_tier = free, gov_purchase_eligible: false → true",
            "service_tier = low_cost, gov_purchase_eligible: false → true",
            "monthly_hours: 0 → 20",
            "monthly_hours: 0 → 10",
        ])
        for finding in comparison.findings.joined() {
            #expect(finding.difference.exact)
            #expect(finding.confirmed, "\(finding.difference.condition)")
        }
    }

    @Test func theDongxihuVolunteerBandTo74() throws {
        let comparison = try PolicyComparison(old: try Self.load("policies/dongxihu.yaml"), new: try Self.variant("dongxihu-volunteer-60-74"))
        #expect(Self.lines(comparison) == ["volunteer_eligible: 70 ≤ 年龄（周岁） ≤ 74，老年人能力等级 = 0: false → true"])
        #expect(comparison.text == """
        volunteer_eligible（可加入互助养老员队伍）：
          70 ≤ 年龄（周岁） ≤ 74，老年人能力等级 = 0：否 → 是
            例：{"birth_date": "1955-03-21", "ability_level": 0}，评估日期 2025-03-21
        """)
        #expect(comparison.text(english: true) == """
        volunteer_eligible:
          70 ≤ age ≤ 74, ability_level = 0: false → true
            e.g. {"birth_date": "1955-03-21", "ability_level": 0} on 2025-03-21
        """)
    }

    @Test func theHourlyRateFrom2026ChangesOnlyTheSubsidyFromThatDate() throws {
        let comparison = try PolicyComparison(old: try Self.load("policies/anqing.yaml"), new: try Self.variant("anqing-rate-10"))
        #expect(comparison.report.periods.map(\.description) == ["2019-01-01 to 2025-12-31", "from 2026-01-01"])
        #expect(comparison.findings[0].isEmpty)
        #expect(comparison.findings[1].map { "\($0.difference.decision): \($0.difference.condition): \($0.difference.old) → \($0.difference.new)" } == [
            "monthly_subsidy_cny: 每月政府购买服务小时数为20: 160.00 → 200.00",
            "monthly_subsidy_cny: 每月政府购买服务小时数为10: 80.00 → 100.00",
        ])
        let asOf = try PolicyComparison(old: try Self.load("policies/anqing.yaml"), new: try Self.variant("anqing-rate-10"), asOf: CivilDate("2025-12-31"))
        #expect(asOf.status == .equivalent)
    }

    @Test(arguments: ["anqing-tekun", "anqing-rate-10", "dongxihu-volunteer-60-74"])
    func everyExampleEvaluatesToTheValuesShown(_ name: String) throws {
        let base = name.hasPrefix("dongxihu") ? "policies/dongxihu.yaml" : "policies/anqing.yaml"
        let comparison = try PolicyComparison(old: try Self.load(base), new: try Self.variant(name))
        #expect(!comparison.findings.joined().isEmpty)
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

/// Edits an officer makes to a copy of `policies/anqing.yaml` saved outside the policy
/// directory (its `include` resolves from the policy directory it came from).
@Suite struct PolicyDiffEditTests {
    /// `policies/anqing.yaml` with `edits` (text replaced), saved beside a fresh policy folder.
    static func edited(_ edits: [(String, String)]) throws -> (base: LoadedPolicy, edited: LoadedPolicy, folder: PolicyFolder) {
        let folder = try PolicyFolder(copying: ["anqing.yaml"])
        var text = try String(contentsOfFile: folder.policies + "/anqing.yaml", encoding: .utf8)
        for (old, new) in edits {
            #expect(text.contains(old), "the edit does not apply: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let copy = try folder.write(folder.root + "/saved/anqing.yaml", text)
        let base = try LoadedPolicy.load(path: folder.policies + "/anqing.yaml")
        return (base, try LoadedPolicy.load(comparing: copy, with: folder.policies + "/anqing.yaml"), folder)
    }

    static let rateStep = ("""
            source: 000 享受标准："由政府按每小时8元的标准负担"
      free_monthly_hours:
    """, """
            source: 000 享受标准："由政府按每小时8元的标准负担"
          - from: 2027-01-01
            value: 10.00
      free_monthly_hours:
    """)

    /// One rate step (8.00 → 10.00 from 2027-01-01) is two regions of `monthly_subsidy_cny`,
    /// one per number of hours (21 regions of facts before terms were used); the voucher
    /// settlement rate, linked to the hourly rate, moves with it in the ledger.
    @Test func aRateStepIsTwoRegions() throws {
        let (base, edited, _) = try Self.edited([Self.rateStep])
        let comparison = try PolicyComparison(old: base, new: edited)
        #expect(comparison.report.periods.map(\.description) == ["2019-01-01 to 2026-12-31", "from 2027-01-01"])
        #expect(comparison.findings[0].isEmpty)
        #expect(comparison.findings[1].count <= 2)
        #expect(comparison.text == """
        自 2027-01-01 起：
        monthly_subsidy_cny（每月政府补贴金额（元））：
          每月政府购买服务小时数为20：160.00 → 200.00
            例：{"birth_date": "1957-01-01", "residence": "rural", "subsistence": "marginal", "children_in_district": false, "priority_care": true}，评估日期 2027-01-01
          每月政府购买服务小时数为10：80.00 → 100.00
            例：{"birth_date": "1957-01-01", "residence": "rural", "subsistence": "marginal", "ability_level": 2, "children_in_district": false, "priority_care": false, "five_elders": false}，评估日期 2027-01-01
        账本：
          参数 voucher_settlement_rate_cny（服务券结算标准（元/小时））：8.00 → 10.00（自 2027-01-01 起）
        """)
        #expect(comparison.findings[1].map(\.difference.conditionCodes) == ["monthly_hours = 20", "monthly_hours = 10"])
        for finding in comparison.findings.joined() { #expect(finding.confirmed && finding.difference.exact) }
    }

    /// `--as-of` inside the first period compares that period only, and says nothing about
    /// the dates after it (both policies are in force then).
    @Test func noNoteAboutLaterDatesWhenBothStayInForce() throws {
        let (base, edited, _) = try Self.edited([Self.rateStep])
        let comparison = try PolicyComparison(old: base, new: edited, asOf: CivilDate("2026-06-01"))
        #expect(comparison.report.remarks.isEmpty)
        #expect(comparison.status == .equivalent)
        #expect(comparison.text.isEmpty)
    }

    /// A policy that ends earlier: the dates after its end are not compared, and the note says so.
    @Test func aNoteWhenOnlyOnePolicyIsInForceLater() throws {
        let (base, edited, _) = try Self.edited([("  effective_from: 2019-01-01\n", "  effective_from: 2019-01-01\n  effective_until: 2030-12-31\n")])
        let comparison = try PolicyComparison(old: base, new: edited)
        #expect(comparison.report.remarks == [.onlyOneAfter(CivilDate("2030-12-31")!)])
        #expect(comparison.text == "注：2030-12-31 之后只有一项政策生效，这些日期未作比较")
        #expect(comparison.text(english: true) == "note: only one policy is in force after 2030-12-31; those dates are not compared")
        #expect(comparison.findings.joined().isEmpty)
    }

    /// Two rules moved at once: decisions that change themselves read as changes (`由…变为…`),
    /// on one side (`原政策下`, `新政策下`), or the same in both; every example confirms its region.
    @Test func decisionsThatChangeReadAsChanges() throws {
        let (base, edited, _) = try Self.edited([
            ("when: [age >= 70, residence == urban, three_nos]", "when: [age >= 65, three_nos]"),
            ("          - age >= 70\n          - subsistence in [dibao, marginal]", "          - age >= 65\n          - subsistence in [dibao, marginal]"),
        ])
        let comparison = try PolicyComparison(old: base, new: edited)
        let hours = comparison.findings.joined().filter { $0.difference.decision == "monthly_hours" }
        #expect(hours.map { "\($0.difference.condition): \($0.difference.old) → \($0.difference.new)" } == [
            "服务对象类别由有偿服务变为无偿服务，新政策下享受政府购买服务: 0 → 20",
            "原政策下服务对象类别为无偿服务、低偿服务之一，新政策下服务对象类别为无偿服务，享受政府购买服务由否变为是: 0 → 20",
            "服务对象类别为低偿服务（新旧政策相同），享受政府购买服务由否变为是: 0 → 10",
            "服务对象类别由低偿服务变为无偿服务，原政策下享受政府购买服务: 10 → 20",
        ])
        #expect(hours[2].difference.conditionCodes == "service_tier = low_cost in both, gov_purchase_eligible: false → true")
        #expect(comparison.findings.joined().filter { $0.difference.decision == "monthly_subsidy_cny" }.map(\.difference.condition) == [
            "每月政府购买服务小时数由0变为20", "每月政府购买服务小时数由0变为10", "每月政府购买服务小时数由10变为20",
        ])
        for finding in comparison.findings.joined() {
            #expect(finding.difference.exact)
            #expect(finding.observed?.old == finding.difference.old.text && finding.observed?.new == finding.difference.new.text, "\(finding.difference.condition)")
        }
        // And every person whose value changes is in a region with those two values.
        var generator = SeededGenerator(seed: 13)
        let persons = RandomPersons(policy: base.checked)
        let date = CivilDate("2026-06-01")!
        let space = try FactSpace(policies: [base.checked, edited.checked], from: comparison.report.periods[0].from, until: comparison.report.periods[0].until)
        var changed = 0
        for number in 0..<400 {
            let facts = persons.person(number: number, on: date, using: &generator)
            let named = Dictionary(uniqueKeysWithValues: zip(base.checked.inputs.map(\.name), facts.values))
            for decision in comparison.report.compared {
                let a = DiffPropertyTests.outcome(base, facts, date, decision), b = DiffPropertyTests.outcome(edited, facts, date, decision)
                guard a != b else { continue }
                changed += 1
                let covered = comparison.findings[0].contains {
                    $0.difference.decision == decision && $0.difference.old.text == a && $0.difference.new.text == b && $0.difference.contains(named, on: date, in: space)
                }
                #expect(covered, "person \(number): \(decision) \(a) → \(b) is in no region")
            }
        }
        #expect(changed > 0)
    }
}
