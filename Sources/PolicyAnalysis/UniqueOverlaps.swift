import PolicyCompiler
import PolicyModel

/// The compile-time proof that no two rules of a `unique` table match one valid person.
package enum UniqueOverlaps {
    /// The rules of `unique` tables that can both match one person in the period from
    /// `start` (to the day before `next`), each with an example person. A tree leaf with
    /// two rules is only a candidate: the analysis keeps the overlaps some valid person has.
    package static func find(in policy: CheckedPolicy, trees: [DecisionTree?], parameters: [Value?], from start: CivilDate, until next: CivilDate?) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        var from = start
        var until = next.flatMap { CivilDate(dayNumber: $0.dayNumber - 1) }
        if let effective = policy.metadata.effectiveFrom, from < effective { from = effective }
        if let end = policy.metadata.effectiveUntil { until = until.map { min($0, end) } ?? end }
        if let until, until < from { return diagnostics }
        guard let space = try? FactSpace(policies: [policy], from: from, until: until) else { return diagnostics }
        var symbolic: SymbolicPolicy?
        for (index, decision) in policy.decisions.enumerated() {
            guard let tree = trees[index], case .table(let table) = decision.body, table.hitPolicy == .unique,
                  tree.nodes.contains(where: { if case .leaf(let rules) = $0 { return rules.count > 1 } else { return false } }) else { continue }
            let analysis = symbolic ?? SymbolicPolicy(policy: policy, parameters: parameters, trees: trees, space: space)
            symbolic = analysis
            var seen = Set<[Int]>()
            let pieces = analysis.partition(of: index)
            if analysis.exhausted {
                diagnostics.append(.finding(.error, .uniqueUnproven(decision: decision.name, steps: SymbolicPolicy.maximumSteps), at: decision.span,
                                            help: .splitDecisionOrFirst))
                return diagnostics
            }
            for piece in pieces where piece.outcome.value.fault == .conflictingRules && piece.outcome.rules.count > 1 {
                let pair = Array(piece.outcome.rules.prefix(2))
                guard seen.insert(pair).inserted else { continue }
                let example = ExamplePerson.make(for: piece.region, in: space)
                diagnostics.append(TableFindings.overlap(pair, table: table, decision: decision, index: index, example: example).diagnostic)
            }
        }
        return diagnostics
    }
}
