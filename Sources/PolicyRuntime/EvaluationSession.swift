import PolicyCompiler
import PolicyModel

/// Evaluates many persons one after another with the decision trees, reusing its
/// working memory between them: what a batch run or a request handler keeps per thread.
/// Not `Sendable` — give each task its own session; they all share one evaluator.
///
/// ```swift
/// let session = EvaluationSession(evaluator)
/// for facts in population { results.append(try session.evaluate(facts, on: date)) }
/// ```
public final class EvaluationSession {
    public let evaluator: PolicyEvaluator
    var frame: EvaluationFrame?

    public init(_ evaluator: PolicyEvaluator) {
        self.evaluator = evaluator
    }

    /// The same result as `evaluator.evaluate(facts, on: date)`.
    public func evaluate(_ facts: Facts, on date: CivilDate) throws(EvaluationError) -> Evaluation {
        try evaluator.checkInForce(on: date)
        try evaluator.checkDates(facts, on: date)
        let trees = evaluator.treeEvaluator(on: date)
        if let frame {
            frame.reset(inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        } else {
            frame = EvaluationFrame(program: evaluator.policy.program, inputs: facts.values, parameters: trees.epoch.parameters, date: date, decisions: trees)
        }
        return try evaluator.evaluateAll(facts, on: date, in: frame!)
    }
}
