import PolicyCompiler
import PolicyModel

/// Evaluates decisions by walking their compiled decision trees.
final class TreeEvaluator: DecisionEvaluating {
    let policy: CheckedPolicy
    let epoch: PolicyEpoch
    var fired: [[Int]]

    init(policy: CheckedPolicy, epoch: PolicyEpoch) {
        self.policy = policy
        self.epoch = epoch
        fired = Array(repeating: [], count: policy.decisions.count)
    }

    func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> Value {
        let decision = policy.decisions[index]
        let (value, rules): (Value, [Int])
        if case .table(let table) = decision.body, let tree = epoch.trees[index] {
            let matched = try walk(tree, in: frame)
            (value, rules) = try RuleOutcome.value(of: table, decision: decision, matched: matched, in: frame)
        } else {
            (value, rules) = try RuleOutcome.value(of: decision, in: frame)
        }
        fired[index] = rules
        return value
    }

    func walk(_ tree: DecisionTree, in frame: EvaluationFrame) throws(EvaluationFault) -> [Int] {
        var node = tree.root
        while true {
            switch tree.nodes[node] {
            case .leaf(let rules):
                return rules
            case .test(let atom, let ifTrue, let ifFalse):
                let answer: Bool
                do {
                    answer = try tree.atoms[atom].expression.evaluateBool(in: frame)
                } catch {
                    throw error.located(at: policy.decisions[tree.decision].span)
                }
                node = answer ? ifTrue : ifFalse
            }
        }
    }
}
