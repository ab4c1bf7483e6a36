import PolicyCompiler
import PolicyModel
import RecordFormats

/// Evaluates decisions by walking their compiled decision trees: one per period of a
/// compiled policy, made once and shared by every evaluation in that period.
package final class TreeEvaluator: DecisionEvaluating {
    /// What one decision needs, without reference counting: `program` and `epoch`
    /// keep every object here alive for as long as the evaluator lives.
    package struct Plan {
        unowned(unsafe) let decision: DecisionProgram
        unowned(unsafe) let table: TableProgram?
        unowned(unsafe) let tree: DecisionTree?
    }

    package let program: EvaluationProgram
    package let epoch: PolicyEpoch
    package let plans: [Plan]

    package init(program: EvaluationProgram, epoch: PolicyEpoch) {
        self.program = program
        self.epoch = epoch
        plans = program.decisions.indices.map { index in
            Plan(decision: program.decisions[index], table: program.decisions[index].table, tree: epoch.trees[index])
        }
    }

    package func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        let plan = plans[index]
        if let table = plan.table, let tree = plan.tree {
            let matched = try walk(tree, decision: plan.decision, in: frame)
            return try RuleOutcome.value(of: table, decision: plan.decision, matched: matched, in: frame)
        }
        return try RuleOutcome.value(of: plan.decision, in: frame)
    }

    package func walk(_ tree: DecisionTree, decision: DecisionProgram, in frame: EvaluationFrame) throws(EvaluationFault) -> [Int] {
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
    package func answer(in frame: EvaluationFrame) throws(EvaluationFault) -> Bool {
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
