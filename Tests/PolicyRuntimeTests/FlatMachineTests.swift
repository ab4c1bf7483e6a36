import CarePolicy
import Testing
import PolicySimulation
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// The flat machine: every construct it runs agrees with the reference interpreter on
/// random persons, a hand-worked person gets the hand-worked answers, a fault gives the
/// trees' located error, and a policy without a flat form says why.
@Suite struct FlatMachineTests {
    let policy: LoadedPolicy
    let date = CivilDate(year: 2026, month: 6, day: 1)!

    init() throws { policy = try LoadedPolicy.load(path: FixturePaths.fixture("flat_coverage")) }

    @Test func theCoverageFixtureHasAFlatFormInEveryPeriod() throws {
        #expect(policy.evaluator.flatUnsupported == nil)
        let early = try #require(policy.evaluator.flatProgram(on: CivilDate(year: 2020, month: 1, day: 1)!))
        let late = try #require(policy.evaluator.flatProgram(on: date))
        #expect(early !== late)
        #expect(late.instructionCount > 20)
    }

    @Test func everyConstructAgreesWithTheReferenceOnRandomPersons() throws {
        let report = EvaluatorAgreement.check(policy, count: 4_000, seed: 77)
        #expect(report.disagreements == 0, "\(report.mismatches)")
        #expect(report.flatPersons == 4_000)
        // `late` is not in force before 2025: the flat machine faults where the others do.
        #expect(report.faults > 0)
    }

    static let person = #"""
    {"id": "F1", "born": "1940-03-01", "joined": "2005-06-01", "amount": "12.30", "count": 4, "level": 2, "kind": "a", "flag": true}
    """#

    @Test func aHandWorkedPersonGetsTheHandWorkedAnswers() throws {
        let evaluation = try policy.evaluate(json: Self.person, on: date, engine: .flat)
        let checked = policy.checked
        func value(_ name: String) -> String {
            let index = checked.decisionIndex(named: name)!
            return evaluation.results[index].value.display(as: checked.decisions[index].type)
        }
        func fired(_ name: String) -> [Int] { evaluation.results[checked.decisionIndex(named: name)!].firedRules }
        #expect(value("band") == "high" && fired("band") == [0])                        // age 86
        #expect(value("unique_band") == "3" && fired("unique_band") == [2])             // min(4, 3, 2 + 5)
        #expect(value("tags") == "[red, green, blue]" && fired("tags") == [0, 1])
        // max(12.30 × 10.25 − 4, 12.30 / 4, −12.30) = 122.075, floored to 0.5: 122.0
        #expect(value("amount_out") == "122.00")
        #expect(value("since") == "true")                                                // 7,670 days since 2005-06-01
        #expect(value("later") == "6" && fired("later") == [0])                         // late (3) × 2
        #expect(value("chained") == "true")
        // max(12.30, 0) split: first max(3.075, 0), third 1.50 (flag), the rest 12.30 − 4.575.
        #expect(value("split") == "{first: 3.075, rest: 7.725, third: 1.50}" && fired("split") == [0])
        #expect(value("rest_positive") == "true")
        let tree = try policy.evaluate(json: Self.person, on: date, engine: .tree)
        #expect(tree.results == evaluation.results)
    }

    @Test func aSessionUsesEachPeriodsParameters() throws {
        // Born in 1960: `later` does not read `late`, which has no value before 2025.
        let facts = try policy.decodeFacts(json: Self.person.replacingOccurrences(of: "1940-03-01", with: "1960-03-01"))
        let session = EvaluationSession(policy.evaluator)
        let index = policy.checked.decisionIndex(named: "amount_out")!
        for (year, expected) in [(2023, "94.00"), (2026, "122.00"), (2023, "94.00")] {
            let day = CivilDate(year: year, month: 6, day: 1)!
            // 12.30 × 8.00 − 4 = 94.40 before 2024: floored to 94.0.
            let evaluation = try session.evaluate(facts, on: day)
            #expect(evaluation.results[index].value.display(as: .decimal) == expected, "\(year)")
            #expect(evaluation.results == (try policy.evaluator.evaluate(facts, on: day, engine: .tree)).results)
        }
    }

    @Test func aFaultGivesTheTreesLocatedError() throws {
        // Before 2025 `late` has no value; an old person's `later` reads it.
        let day = CivilDate(year: 2024, month: 6, day: 1)!
        var errors: [String] = []
        for engine in [EvaluationEngine.flat, .tree] {
            do {
                _ = try policy.evaluate(json: Self.person, on: day, engine: engine)
                Issue.record("\(engine) evaluated a person whose decision reads a parameter not in force")
            } catch {
                errors.append(FixturePaths.portable(error.description))
            }
        }
        #expect(errors.count == 2 && errors[0] == errors[1])
        #expect(errors.first?.contains("parameter `late` has no value in force on 2024-06-01") == true, "\(errors)")
        let session = EvaluationSession(policy.evaluator)
        let facts = try policy.decodeFacts(json: Self.person)
        #expect(throws: EvaluationError.self) { try session.evaluate(facts, on: day) }
        // The same session goes on with the next person.
        #expect((try session.evaluate(facts, on: date)).results == (try policy.evaluate(json: Self.person, on: date)).results)
    }

    @Test func aBirthDateAfterTheEvaluationDateIsTheSameErrorOnTheFlatMachine() throws {
        let json = Self.person.replacingOccurrences(of: "1940-03-01", with: "2027-01-01")
        var messages: [String] = []
        for engine in [EvaluationEngine.flat, .tree] {
            do {
                _ = try policy.evaluate(json: json, on: date, engine: engine)
            } catch {
                messages.append(error.description)
            }
        }
        #expect(messages == Array(repeating: "invalid facts: `born`: is 2027-01-01, after the evaluation date 2026-06-01", count: 2))
    }

    @Test func aPolicyWithoutAFlatFormSaysWhyAndTheTreesEvaluateIt() throws {
        let text = try LoadedPolicy.load(path: FixturePaths.fixture("flat_unsupported"))
        #expect(text.evaluator.flatUnsupported?.description
                == "input `name` (string) is read by an expression and has no flat form")
        #expect(text.evaluator.flatProgram(on: date) == nil)
        let json = #"{"name": "王", "count": 3}"#
        let flat = try text.evaluate(json: json, on: date, engine: .flat)
        #expect(flat.results == (try text.evaluate(json: json, on: date, engine: .reference)).results)
        #expect(flat.results.first?.value == .bool(true))
        for name in ["anqing", "dongxihu", "rural-pilot"] {
            #expect(try SamplePerson.policy(name).evaluator.flatUnsupported == nil, "\(name)")
        }
    }

    @Test func theMachineReadsFactsInItsTypedLayout() throws {
        let anqing = try SamplePerson.policy("anqing")
        let program = try #require(anqing.evaluator.flatProgram(on: date))
        let machine = FlatMachine(program)
        let checked = anqing.checked
        func slot(_ name: String) -> Int { checked.inputIndex(named: name)! }
        // Everything false or zero, an urban 85-year-old on dibao who cannot look after herself.
        for index in 0..<program.layout.count { machine.facts[index] = .zero }
        machine.facts[slot("birth_date")] = FlatWord(bits: 19410115)
        machine.facts[slot("subsistence")] = FlatWord(bits: 1)
        machine.facts[slot("ability_level")] = FlatWord(bits: 3)
        try machine.run(on: date)
        let tier = checked.decisionIndex(named: "service_tier")!
        #expect(machine.value(of: tier).display(as: checked.decisions[tier].type) == "free")
        #expect(checked.decisions[tier].rules[machine.firedRules(of: tier)[0]].id == "free_dibao_cannot_self_care")
        let hours = checked.decisionIndex(named: "monthly_hours")!
        #expect(machine.value(of: hours) == .integer(20))
        let subsidy = checked.decisionIndex(named: "monthly_subsidy_cny")!
        #expect(machine.value(of: subsidy).display(as: .decimal) == "160.00")
    }
}
