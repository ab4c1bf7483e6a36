import PolicyModel
import PolicyCompiler
import RecordFormats

/// The reference evaluator: reads the checked rules one by one, in order, exactly as
/// written. Plain on purpose; the decision trees must agree with it.
package final class ReferenceInterpreter: DecisionEvaluating {
    package let program: EvaluationProgram

    package init(program: EvaluationProgram) { self.program = program }

    package func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        let decision = program.decisions[index]
        guard case .table(let table) = decision.body else { return try RuleOutcome.value(of: decision, in: frame) }
        var matched: [Int] = []
        for (position, condition) in table.conditions.enumerated() {
            let holds: Bool
            do {
                holds = try condition?.evaluateBool(in: frame) ?? true
            } catch {
                throw error.located(at: table.ruleSpans[position])
            }
            if holds {
                matched.append(position)
                if table.hitPolicy == .first { break }
            }
        }
        return try RuleOutcome.value(of: table, decision: decision, matched: matched, in: frame)
    }
}
