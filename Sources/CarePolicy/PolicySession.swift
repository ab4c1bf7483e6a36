import PolicyModel
import PolicyRuntime

/// Evaluates many persons under one policy, one after another, reusing its working memory
/// (the flat machine, the trees' frame). Not `Sendable`: one session per thread.
///
/// ```swift
/// let session = policy.session()
/// for facts in persons { evaluations.append(try session.evaluate(facts, on: date)) }
/// ```
public final class PolicySession {
    package let session: EvaluationSession

    package init(_ session: EvaluationSession) { self.session = session }

    /// Every decision for decoded facts on `date`: the same as `LoadedPolicy.evaluate`.
    public func evaluate(_ facts: Facts, on date: CivilDate) throws(EvaluationError) -> Evaluation {
        try session.evaluate(facts, on: date)
    }
}
