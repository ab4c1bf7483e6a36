import PolicyCompiler
import PolicyModel

/// Evaluates decisions by walking their compiled decision trees.
struct TreeEvaluator: DecisionEvaluating {
    let program: EvaluationProgram
    let epoch: PolicyEpoch

    func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        let decision = program.decisions[index]
        if let table = decision.table, let tree = epoch.trees[index] {
            let matched = try walk(tree, decision: decision, in: frame)
            return try RuleOutcome.value(of: table, decision: decision, matched: matched, in: frame)
        }
        return try RuleOutcome.value(of: decision, in: frame)
    }

    func walk(_ tree: DecisionTree, decision: DecisionProgram, in frame: EvaluationFrame) throws(EvaluationFault) -> [Int] {
        let steps = tree.steps
        var step = steps[tree.root]
        while step.atom >= 0 {
            let answer: Bool
            do {
                let kernel = tree.kernels[Int(step.atom)]
                answer = kernel.test == .general ? try tree.atomExpressions[Int(step.atom)].evaluateBool(in: frame) : try kernel.answer(in: frame)
            } catch {
                throw error.located(at: decision.span)
            }
            step = steps[Int(answer ? step.ifTrue : step.ifFalse)]
        }
        return tree.leaves[Int(step.ifTrue)]
    }
}

extension AtomKernel {
    /// The answer of a recognised (not `general`) test.
    @inline(__always)
    func answer(in frame: EvaluationFrame) throws(EvaluationFault) -> Bool {
        let value: Value
        switch source {
        case .input: value = frame.inputs[Int(index)]
        case .definition: value = try frame.definition(Int(index))
        case .decision: value = try frame.decision(Int(index))
        }
        switch (test, value) {
        case (.isTrue, .bool(let flag)): return flag
        case (.isFalse, .bool(let flag)): return !flag
        case (.integerCompare, .integer(let number)): return comparison.holds(number == constant ? 0 : (number < constant ? -1 : 1))
        case (.enumInSet, .enumCase(let case_)): return constant & (1 << case_) != 0
        case (.enumNotInSet, .enumCase(let case_)): return constant & (1 << case_) == 0
        default: return false
        }
    }
}
