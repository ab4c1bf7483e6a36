import PolicyModel
import PolicyCompiler

/// What the analysis adds to a tree picture: nodes no valid person reaches, leaves where
/// no rule matches and there is no `else` (gaps), and rules that never fire.
package struct TreeMarks: Sendable {
    package let unreachable: Set<Int>
    package let gaps: Set<Int>
    /// Dead rules and rules that never match, each with its finding's message.
    package let deadRules: [(rule: Int, message: Message)]

    /// The marks of `decision`'s tree in the period in force on `date`.
    package static func find(decision: Int, in compiled: CompiledPolicy, on date: CivilDate) -> TreeMarks? {
        let policy = compiled.checked
        guard case .table(let table) = policy.decisions[decision].body,
              let period = AnalysisPeriod.periods(of: compiled, asOf: date).first ?? AnalysisPeriod.periods(of: compiled).first,
              let tree = period.epoch.trees[decision],
              let space = try? FactSpace(policies: [policy], from: period.from, until: period.until) else { return nil }
        let symbolic = SymbolicPolicy(policy: policy, epoch: period.epoch, space: space)
        let reached = symbolic.reachableNodes(of: decision)
        let gaps = Set(reached.filter { node in
            if case .leaf(let rules) = tree.nodes[node] { return rules.isEmpty && table.otherwise == nil }
            return false
        })
        let dead = TableFindings(symbolic: symbolic).findings(decision: decision, table: table)
            .filter { [.deadRule, .neverMatches, .deadElse].contains($0.kind) }
            .map { ($0.rules.first ?? 0, $0.diagnostic.message) }
        return TreeMarks(unreachable: Set(tree.nodes.indices).subtracting(reached), gaps: gaps, deadRules: dead)
    }
}
