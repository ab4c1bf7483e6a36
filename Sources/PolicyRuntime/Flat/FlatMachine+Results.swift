import PolicyModel
import PolicyCompiler
import RecordFormats

extension FlatMachine {
    /// Decision `index`'s value from the last `run`.
    package func value(of index: Int) -> Value {
        let plan = decisions[index]
        if plan.kind == .collectLeaf { return program.collectResults[index][Int(fired[index])].value }
        if plan.kind == .record {
            return .record((0..<Int(plan.width)).map { .decimal(registers[Int(plan.register) + $0].decimal) })
        }
        return plan.kind.value(of: registers[Int(plan.register)])
    }

    /// The rules that gave decision `index` its value in the last `run` (indices into its
    /// rules, the `else` row last), shared arrays: nothing is allocated.
    package func firedRules(of index: Int) -> [Int] {
        if decisions[index].kind == .collectLeaf { return program.collectResults[index][Int(fired[index])].fired }
        return program.single[index][Int(fired[index])]
    }

    /// Decision `index`'s word and kind from the last `run`: for a `collect` table, the kind
    /// is `collectLeaf` and `collectLeaf(of:)` says which leaf.
    @inline(__always)
    package func word(of index: Int) -> (FlatWord, FlatKind) {
        let plan = decisions[index]
        return (registers[Int(plan.register)], plan.kind)
    }

    /// For a `collect` decision, the leaf its tree reached in the last `run`.
    @inline(__always)
    package func collectLeaf(of index: Int) -> Int { Int(fired[index]) }

    /// For a record decision, field `field`'s word from the last `run`.
    @inline(__always)
    package func recordField(_ field: Int, of index: Int) -> FlatWord { registers[Int(decisions[index].register) + field] }

    /// Definition `index`'s value for the person and date of the last `run`, computed now
    /// if that run did not need it.
    package func definitionValue(_ index: Int) throws(FlatFallback) -> Value {
        try ensureDefinition(index)
        return program.definitionKinds[index].value(of: registers[Int(definitions[index].result)])
    }

    /// Every decision's result from the last `run`, as the tree evaluator reports them.
    package func results() -> [DecisionResult] {
        var results: [DecisionResult] = []
        results.reserveCapacity(decisionCount)
        for index in 0..<decisionCount {
            results.append(DecisionResult(decision: index, value: value(of: index), firedRules: firedRules(of: index)))
        }
        return results
    }
}
