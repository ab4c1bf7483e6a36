import PolicyModel

/// The reference evaluator: reads the checked rules one by one, in order, exactly as
/// written. Slow and plain on purpose; the decision trees must agree with it.
final class ReferenceInterpreter: DecisionEvaluating {
    let policy: CheckedPolicy
    var fired: [[Int]]

    init(policy: CheckedPolicy) {
        self.policy = policy
        fired = Array(repeating: [], count: policy.decisions.count)
    }

    func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> Value {
        let decision = policy.decisions[index]
        let (value, rules): (Value, [Int])
        if case .table(let table) = decision.body {
            var matched: [Int] = []
            for (position, rule) in table.rules.enumerated() {
                let holds: Bool
                do {
                    holds = try rule.condition?.evaluateBool(in: frame) ?? true
                } catch {
                    throw error.located(at: rule.span)
                }
                if holds {
                    matched.append(position)
                    if table.hitPolicy == .first { break }
                }
            }
            (value, rules) = try RuleOutcome.value(of: table, decision: decision, matched: matched, in: frame)
        } else {
            (value, rules) = try RuleOutcome.value(of: decision, in: frame)
        }
        fired[index] = rules
        return value
    }
}
