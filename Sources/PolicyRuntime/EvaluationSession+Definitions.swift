import PolicyModel
import PolicyCompiler
import RecordFormats

extension EvaluationSession {
    /// The value of definition `index` (an index into the policy's `definitions`) for the
    /// person and date of the last `evaluate`, computed now if that evaluation did not
    /// need it. Nil before the first evaluation. Used to group results by a derived fact
    /// such as `age`.
    ///
    /// ```swift
    /// _ = try session.evaluate(facts, on: date)
    /// let age = try session.definitionValue(policy.checked.definitions.firstIndex { $0.name == "age" }!)
    /// ```
    package func definitionValue(_ index: Int) throws(EvaluationFault) -> Value? {
        if let machine = lastFlat, let last {
            do {
                return try machine.definitionValue(index)
            } catch {
                // The trees locate the fault: evaluate the same person there.
                let trees = evaluator.treeEvaluator(on: last.date)
                let frame = EvaluationFrame(program: evaluator.policy.program, inputs: last.facts.values, parameters: trees.epoch.parameters,
                                            date: last.date, decisions: trees)
                return try frame.definition(index)
            }
        }
        guard let frame else { return nil }
        return try frame.definition(index)
    }
}
