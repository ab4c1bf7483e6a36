import PolicyModel
import PolicyCompiler

/// Evaluates an expression made only of constants with the evaluators' own arithmetic,
/// so the analysis computes `20 × 8.00` exactly as an evaluation would.
package struct ConstantEvaluation {
    package let frame: EvaluationFrame

    package init(policy: CheckedPolicy, parameters: [Value?], date: CivilDate) {
        frame = EvaluationFrame(program: policy.program, inputs: [], parameters: parameters, date: date, decisions: NoDecisions())
    }

    package func evaluate(_ expression: Expression) -> Result<Value, EvaluationFault> {
        do {
            return .success(try expression.evaluate(in: frame))
        } catch {
            return .failure(error)
        }
    }
}

/// Decisions are never read by a constant expression.
package final class NoDecisions: DecisionEvaluating {
    package func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        throw EvaluationFault(.noRuleMatched, "a constant expression read a decision")
    }
}
