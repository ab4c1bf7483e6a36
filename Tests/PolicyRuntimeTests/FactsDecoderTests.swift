import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Facts arrive as JSON: every problem is reported at once, naming the field and what
/// is allowed; defaults fill what a policy allows to be missing.
@Suite struct FactsDecoderTests {
    let anqing: LoadedPolicy
    let date = CivilDate(year: 2026, month: 6, day: 1)!

    init() throws { anqing = try SamplePerson.policy("anqing") }

    func problems(_ json: String) -> [FactProblem] {
        do {
            _ = try anqing.decodeFacts(json: json)
            return []
        } catch {
            guard case .invalidFacts(let facts) = error else { return [] }
            return facts.problems
        }
    }

    @Test func aCompletePersonDecodes() throws {
        let facts = try anqing.decodeFacts(json: SamplePerson.json())
        #expect(facts.id == "sample")
        let slot = try #require(anqing.checked.inputIndex(named: "ability_level"))
        #expect(facts.values[slot] == .integer(0))
    }

    @Test func everyProblemIsNamedAtOnce() {
        let found = problems(SamplePerson.json(["ability_level": 7, "subsistence": "rich", "lives_alone": NSNull(), "hukou_local": "yes"]))
        #expect(found.map(\.description).sorted() == [
            "`ability_level`: is 7, above the largest allowed value 4 (allowed: 0 to 4)",
            "`hukou_local`: expected true or false, found the text \"yes\"",
            "`lives_alone`: is missing (独居); expected true or false",
            "`subsistence`: \"rich\" is not allowed; expected one of \"none\", \"dibao\", \"marginal\", \"tekun\"",
        ])
    }

    @Test func anUnknownFieldIsAnErrorWithASuggestion() {
        let found = problems(SamplePerson.json(["lives_alon": true]))
        #expect(found == [FactProblem(field: "lives_alon", message: "is not a fact of policy `anqing`; did you mean `lives_alone`?")])
    }

    @Test func malformedJSONIsAnErrorNotACrash() {
        let found = problems("{\"birth_date\": ")
        #expect(found.count == 1)
        #expect(found.first?.field == "(facts)")
        #expect(problems("[1, 2]").count == 1)
    }

    @Test func aBirthDateAfterTheEvaluationDateIsAnError() throws {
        let facts = try anqing.decodeFacts(json: SamplePerson.json(["birth_date": "2026-06-02"]))
        #expect(throws: EvaluationError.self) { try anqing.evaluator.evaluate(facts, on: date) }
        do {
            _ = try anqing.evaluator.evaluate(facts, on: date)
        } catch {
            guard case .invalidFacts(let problems) = error else { Issue.record("wrong error \(error)"); return }
            #expect(problems.problems == [FactProblem(field: "birth_date", message: "is 2026-06-02, after the evaluation date 2026-06-01", kind: .value)])
        }
    }

    @Test func anImpossibleDateIsAnError() {
        let found = problems(SamplePerson.json(["birth_date": "1950-02-30"]))
        #expect(found.map(\.field) == ["birth_date"])
    }

    @Test func declaredDefaultsFillMissingFacts() throws {
        let rural = try SamplePerson.policy("rural-pilot")
        let evaluation = try rural.evaluate(json: SamplePerson.json(), on: date)
        #expect(evaluation.json(of: "meal_subsidy", in: rural) == #"{"government":"2.00","village":"2.00","elder":"6.00","society":"1.00","enterprise":"1.00"}"#)
        #expect(evaluation.json(of: "delivery_fee_payer", in: rural) == #""none""#)
    }

    @Test func decimalsArriveAsStringsOrNumbersExactly() throws {
        let rural = try SamplePerson.policy("rural-pilot")
        let fromString = try rural.evaluate(json: SamplePerson.json(["meal_price": "10.10"]), on: date)
        let fromNumber = try rural.evaluate(json: SamplePerson.json(["meal_price": 10.10]), on: date)
        #expect(fromString.json(of: "meal_subsidy", in: rural) == #"{"government":"2.00","village":"2.00","elder":"4.10","society":"1.00","enterprise":"1.00"}"#)
        #expect(fromNumber.json(of: "meal_subsidy", in: rural) == fromString.json(of: "meal_subsidy", in: rural))
    }

    @Test func aNegativePriceIsOutOfRange() throws {
        let rural = try SamplePerson.policy("rural-pilot")
        #expect(throws: EvaluationError.self) { try rural.evaluate(json: SamplePerson.json(["meal_price": "-1.00"]), on: date) }
    }
}
