import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// `explain --why-not`: the smallest changes, in Chinese, each confirmed by evaluating it.
@Suite struct WhyNotTests {
    static let person = #"{"id": "X1", "birth_date": "1956-03-01", "hukou_local": true, "residence": "rural", "no_income_source": false, "no_work_capacity": false, "no_legal_supporter": false, "subsistence": "dibao", "ability_level": 1, "lives_alone": false, "children_in_district": true, "child_caregiver_nearby": true, "left_behind": false, "severe_disability": false, "family_planning_special": false, "priority_care": false, "five_elders": false, "receives_civil_aid": false, "low_income_certified": false, "receives_home_care_subsidy": false, "tekun_dispersed": false}"#

    static func answer(_ question: String, on date: String) throws -> WhyNotAnswer {
        let policy = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        let (decision, value) = try WhyNotAnswer.parse(question, in: policy.checked)
        return WhyNotAnswer(policy: policy, facts: try policy.decodeFacts(json: person), on: CivilDate(date)!, decision: decision, target: value)
    }

    @Test func anAgeIsReachedByWaitingForTheBirthday() throws {
        let answer = try Self.answer("gov_purchase_eligible=true", on: "2025-06-01")
        #expect(answer.text == """
        人员 X1 于 2025-06-01 的享受政府购买服务（gov_purchase_eligible）为 否，不是 是。
        得到 是 的最少改变：
        1. 自 2026-03-01 起，年龄（周岁）满 70；有子女在本区居住由 是 改为 否
           将适用规则 eligible（\(FixturePaths.packageRoot)/policies/anqing.yaml:128:9）：年满70周岁、低保或低保边缘户、空巢，符合政府购买服务享受条件
        （出生日期不能改变，年龄只随评估日期增长。）
        """)
    }

    @Test func theFewestChangesComeFirstAndEachIsConfirmed() throws {
        let answer = try Self.answer("service_tier=free", on: "2025-06-01")
        #expect(answer.ways.allSatisfy { $0.confirmed })
        #expect(answer.ways.map { $0.firedRule?.id ?? "" } == ["free_centenarian", "free_five_elders", "free_priority_care", "free_dibao_cannot_self_care", "free_urban_three_nos_70"])
        #expect(answer.ways[0].option.changes.isEmpty && answer.ways[0].option.date == CivilDate("2056-03-01"))
        #expect(answer.ways[3].option.changes.map(\.subject.description) == ["ability_level", "child_caregiver_nearby"])
        #expect(answer.ways[3].option.changes.map(\.chosen) == [.integer(2), .bool(false)])
    }

    @Test func aValueAlreadyHeldNeedsNoChange() throws {
        let answer = try Self.answer("service_tier=paid", on: "2025-06-01")
        #expect(answer.text == "人员 X1 于 2025-06-01 的服务对象类别（service_tier）已经是 有偿服务（paid），无需改变。")
    }

    @Test func aBadQuestionSaysWhatIsAllowed() throws {
        let policy = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        #expect(throws: AnalysisError.self) { try WhyNotAnswer.parse("service_tier=gratis", in: policy.checked) }
        do {
            _ = try WhyNotAnswer.parse("service_teir=free", in: policy.checked)
        } catch {
            #expect(error.description == "no decision `service_teir` in policy `anqing`; did you mean `service_tier`?")
        }
    }
}
