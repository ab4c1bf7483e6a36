import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// The JSON contract (brief section 5) and the Chinese explanation.
@Suite struct OutputTests {
    let date = CivilDate(year: 2026, month: 6, day: 1)!

    @Test func anqingJSONUsesTheContractEncodings() throws {
        let policy = try SamplePerson.policy("anqing")
        let person = SamplePerson.json(["birth_date": "1950-03-15", "subsistence": "dibao", "ability_level": 3,
                                        "child_caregiver_nearby": false, "children_in_district": false])
        let evaluation = try policy.evaluate(json: person, on: date)
        let text = JSONText.write(evaluation.json(policy: policy.checked))
        let hash = policy.metadata.contentHash
        #expect(text == #"{"id":"sample","policy":{"id":"anqing","version":"2026.1","hash":""# + hash + #""},"as_of":"2026-06-01","decisions":{"service_tier":"free","volunteer_priority":true,"gov_purchase_eligible":true,"monthly_hours":20,"monthly_subsidy_cny":"160.00","required_documents":["application_form_x3","photo_2inch_x3","hukou_book","id_card","dibao_certificate"]}}"#)
        #expect(hash.count == 64)
    }

    @Test func internalDecisionsAreNotInTheResult() throws {
        let policy = try SamplePerson.policy("rural-pilot")
        let evaluation = try policy.evaluate(json: SamplePerson.json(), on: date)
        guard case .object(let entries) = evaluation.json(policy: policy.checked),
              case .object(let decisions)? = entries.first(where: { $0.0 == "decisions" })?.1 else {
            Issue.record("no decisions object")
            return
        }
        #expect(decisions.map(\.0) == ["meal_eligible", "meal_subsidy", "delivery_eligible", "delivery_fee_payer", "assessment_required",
                                       "care_grade", "care_hours_per_month", "smart_bracelet_eligible", "home_adaptation_eligible"])
    }

    @Test func theTraceCitesTheRuleAndTheFactsItRead() throws {
        let policy = try SamplePerson.policy("anqing")
        let facts = try policy.decodeFacts(json: SamplePerson.json(["birth_date": "1926-05-31"]))
        let evaluation = try policy.evaluator.evaluate(facts, on: date)
        let traces = policy.evaluator.trace(evaluation, facts: facts)
        let tier = try #require(traces.first { $0.decision == "service_tier" })
        #expect(tier.rules.map(\.id) == ["free_centenarian"])
        #expect(tier.rules.first?.reason == "百岁老人，属无偿服务对象")
        #expect(tier.rules.first?.source == "000 服务对象 1 / 002 服务原则 1：\"百岁老人\"")
        #expect(tier.rules.first?.location.line == 77)
        let age = try #require(tier.read.first { $0.name == "age" })
        #expect(age.value == .integer(100))
    }

    @Test func theExplanationIsInChinese() throws {
        let policy = try SamplePerson.policy("anqing")
        let facts = try policy.decodeFacts(json: SamplePerson.json())
        let evaluation = try policy.evaluator.evaluate(facts, on: date)
        let text = ExplanationText.render(evaluation, traces: policy.evaluator.trace(evaluation, facts: facts), policy: policy.checked)
        #expect(text.hasPrefix("人员 sample，评估日期 2026-06-01，政策 安庆市政府购买居家养老服务（anqing 版本 2026.1）"))
        #expect(text.contains("■ 服务对象类别（service_tier）：有偿服务（paid）\n  依据：年满60周岁、不属无偿或低偿对象，为有偿服务对象，自费购买服务"))
    }
}
