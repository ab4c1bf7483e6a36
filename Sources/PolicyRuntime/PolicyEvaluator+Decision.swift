import PolicyModel
import PolicyCompiler
import RecordFormats

extension PolicyEvaluator {
    /// One decision for a person on a date, computing only what it reads: a fault in a
    /// decision it does not depend on does not stop it. The analysis confirms its example
    /// persons this way.
    ///
    /// ```swift
    /// let tier = try evaluator.evaluate(decision: 0, for: facts, on: date)
    /// ```
    package func evaluate(decision index: Int, for facts: Facts, on date: CivilDate) throws(EvaluationError) -> (result: DecisionResult, frame: EvaluationFrame) {
        try checkInForce(on: date)
        try checkDates(facts, on: date)
        let trees = treeEvaluator(on: date)
        let frame = EvaluationFrame(program: policy.program, inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        do {
            let value = try frame.decision(index)
            return (DecisionResult(decision: index, value: value, firedRules: frame.firedRules[index]), frame)
        } catch {
            throw .fault(error)
        }
    }
}
