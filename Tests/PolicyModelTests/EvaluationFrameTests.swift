import PolicyModel
import Testing

/// Parameters in force on the evaluation date, definitions and decisions computed once.
@Suite("EvaluationFrame")
struct EvaluationFrameTests {
    typealias P = SamplePolicy

    @Test("a parameter has the value in force on the evaluation date", arguments: [
        ("2019-01-01", "8.00"), ("2025-12-31", "8.00"), ("2026-01-01", "10.00"), ("2030-06-01", "10.00"),
    ])
    func parameterInForce(_ date: String, _ value: String) throws {
        #expect(try Expression.parameter(0).evaluate(in: P.frame(on: date)) == .decimal(ExactDecimal(value)!))
    }

    @Test("a parameter with no value in force yet is a located fault")
    func parameterNotInForce() {
        let expected = EvaluationFault(.parameterNotInForce, "parameter `future_cap` has no value in force on 2025-06-01",
                                       at: P.span(12, length: 10))
        #expect(throws: expected) { try Expression.parameter(1).evaluate(in: P.frame()) }
        #expect(throws: EvaluationFault.self) { try Expression.parameter(0).evaluate(in: P.frame(on: "2018-12-31")) }
    }

    @Test("a definition is computed once and remembered")
    func definitions() throws {
        let frame = P.frame()
        #expect(try frame.definition(0) == .integer(144))
        #expect(try Expression.definition(0).evaluate(in: frame) == .integer(144))
    }

    @Test("a fault inside a definition is placed at the definition")
    func definitionFault() {
        let expected = EvaluationFault(.divisionByZero, "division by zero", at: P.span(16, length: 6))
        #expect(throws: expected) { try Expression.definition(1).evaluate(in: P.frame()) }
    }

    @Test("a decision is asked of the evaluator once, and its fired rules are kept")
    func decisions() throws {
        let evaluator = FixedDecisions()
        let frame = P.frame(decisions: evaluator)
        #expect(frame.memoizedDecision(1) == nil)
        #expect(frame.firedRules == [[], []])
        #expect(try Expression.decision(1).evaluate(in: frame) == .integer(20))
        #expect(try frame.decision(1) == .integer(20))
        #expect(evaluator.calls == 1)
        #expect(frame.memoizedDecision(1) == .integer(20))
        #expect(frame.memoizedDecision(0) == nil)
        #expect(frame.firedRules == [[], [0]])
    }

    @Test("reset starts a new evaluation: new facts, date and evaluator, nothing remembered")
    func reset() throws {
        let first = FixedDecisions()
        let frame = P.frame(decisions: first)
        _ = try frame.decision(0)
        _ = try frame.definition(0)
        var older = P.inputs
        older[0] = .integer(90)
        let second = FixedDecisions([.enumCase(1), .integer(0)])
        let date = CivilDate("2026-03-01")!
        frame.reset(inputs: older, parameters: P.policy.parameterValues(on: date), date: date, decisions: second)
        #expect(frame.memoizedDecision(0) == nil)
        #expect(frame.firedRules == [[], []])
        #expect(try frame.definition(0) == .integer(180))
        #expect(try frame.decision(0) == .enumCase(1))
        #expect(try Expression.parameter(0).evaluate(in: frame) == .decimal(ExactDecimal(10)))
        #expect(first.calls == 1)
        #expect(second.calls == 1)
    }

    @Test("the flat program mirrors the checked policy")
    func program() {
        let program = P.policy.program
        #expect(program.parameterNames == ["rate", "future_cap"])
        #expect(program.definitionSpans == [P.span(15, length: 10), P.span(16, length: 6)])
        #expect(program.decisions.map(\.name) == ["tier", "hours"])
        let table = program.decisions[0].table
        #expect(table?.ruleCount == 1)
        #expect(table?.hasOtherwise == true)
        #expect(table?.ruleIDs == ["old", "else"])
        #expect(table?.single == [[0], [1]])
        #expect(table?.hitPolicy == .first)
        #expect(program.decisions[1].table == nil)
    }
}
