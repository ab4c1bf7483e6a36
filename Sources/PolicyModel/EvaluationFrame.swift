/// Computes a decision's value when an expression first needs it. The decision-tree
/// evaluator and the reference interpreter each provide one.
public protocol DecisionEvaluating: AnyObject {
    func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> Value
}

/// The state of one evaluation of one person on one date: the facts, the parameters in
/// force, and each definition and decision computed at most once.
public final class EvaluationFrame {
    public let policy: CheckedPolicy
    public let inputs: [Value]
    public let parameters: [Value?]
    public let date: CivilDate
    @usableFromInline var definitionMemo: [Value?]
    @usableFromInline var decisionMemo: [Value?]
    unowned let decisions: any DecisionEvaluating

    public init(policy: CheckedPolicy, inputs: [Value], parameters: [Value?], date: CivilDate, decisions: any DecisionEvaluating) {
        self.policy = policy
        self.inputs = inputs
        self.parameters = parameters
        self.date = date
        self.decisions = decisions
        definitionMemo = Array(repeating: nil, count: policy.definitions.count)
        decisionMemo = Array(repeating: nil, count: policy.decisions.count)
    }

    public func definition(_ index: Int) throws(EvaluationFault) -> Value {
        if let value = definitionMemo[index] { return value }
        let declaration = policy.definitions[index]
        let value: Value
        do {
            value = try declaration.expression.evaluate(in: self)
        } catch {
            throw error.located(at: declaration.span)
        }
        definitionMemo[index] = value
        return value
    }

    public func decision(_ index: Int) throws(EvaluationFault) -> Value {
        if let value = decisionMemo[index] { return value }
        let value = try decisions.evaluateDecision(index, in: self)
        decisionMemo[index] = value
        return value
    }

    /// A decision's value if it has been computed already.
    public func memoizedDecision(_ index: Int) -> Value? { decisionMemo[index] }
}
