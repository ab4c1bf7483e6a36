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
        let epoch = evaluator.compiled.epoch(on: date)
        let program = evaluator.policy.program
        if let frame {
            frame.reset(inputs: facts.values, parameters: epoch.parameters, date: date,
                        decisions: TreeEvaluator(program: program, epoch: epoch))
        } else {
            frame = EvaluationFrame(program: program, inputs: facts.values, parameters: epoch.parameters, date: date,
                                    decisions: TreeEvaluator(program: program, epoch: epoch))
        }
        return try evaluator.evaluateAll(facts, on: date, in: frame!)
    }
}
