import PolicyModel
import PolicyCompiler
import RecordFormats

extension PolicyEvaluator {
    /// The values of checked expressions over the policy's names (inputs, definitions,
    /// decisions) for one person on one date, computed with the decision trees.
    package func evaluate(_ expressions: [Expression], for facts: Facts, on date: CivilDate) throws(EvaluationError) -> [Value] {
        try checkInForce(on: date)
        try checkDates(facts, on: date)
        let trees = treeEvaluator(on: date)
        let frame = EvaluationFrame(program: policy.program, inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        var values: [Value] = []
        do {
            for expression in expressions { values.append(try expression.evaluate(in: frame)) }
        } catch {
            throw .fault(error)
        }
        return values
    }
}
