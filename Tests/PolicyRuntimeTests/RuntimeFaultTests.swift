import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Division by zero or a table with no matching rule is an error with the rule's
/// location, from both evaluators, never a crash.
@Suite struct RuntimeFaultTests {
    let policy: LoadedPolicy
    let date = CivilDate(year: 2026, month: 1, day: 1)!

    init() throws { policy = try LoadedPolicy.load(path: FixturePaths.fixture("runtime_faults")) }

    func fault(_ json: String, engine: EvaluationEngine) -> EvaluationFault? {
        do {
            _ = try policy.evaluate(json: json, on: date, engine: engine)
            return nil
        } catch {
            guard case .fault(let fault) = error else { return nil }
            return fault
        }
    }

    @Test(arguments: [EvaluationEngine.tree, .flat, .reference])
    func divisionByZeroNamesTheFormula(engine: PolicyRuntime.EvaluationEngine) throws {
        let found = try #require(fault(#"{"amount": "10.00", "count": 0}"#, engine: engine))
        #expect(found.kind == .divisionByZero)
        #expect(FixturePaths.portable(found.description) == "Fixtures/runtime_faults/policy.yaml:8:12: division by zero")
    }

    @Test(arguments: [EvaluationEngine.tree, .flat, .reference])
    func noMatchingRuleWithoutElseNamesTheDecision(engine: PolicyRuntime.EvaluationEngine) throws {
        let found = try #require(fault(#"{"amount": "10.00", "count": 2}"#, engine: engine))
        #expect(found.kind == .noRuleMatched)
        #expect(FixturePaths.portable(found.description)
                == "Fixtures/runtime_faults/policy.yaml:10:3: no rule of `band` matches these facts, and it has no `else` row")
    }

    @Test func aSessionReportsTheSameFault() throws {
        let facts = try policy.decodeFacts(json: #"{"amount": "1.00", "count": 0}"#)
        let session = EvaluationSession(policy.evaluator)
        #expect(throws: EvaluationError.self) { try session.evaluate(facts, on: date) }
        // The session recovers: the next person evaluates normally.
        let next = try session.evaluate(try policy.decodeFacts(json: #"{"amount": "9.00", "count": 6}"#), on: date)
        #expect(next.json(of: "per_person", in: policy) == #""1.50""#)
        #expect(next.json(of: "band", in: policy) == "1")
    }
}
