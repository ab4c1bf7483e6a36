import PolicyModel

/// Compiles a checked policy into decision trees.
///
/// ```swift
/// let compiled = try PolicyCompiler.compile(checked)
/// let tree = compiled.epoch(on: date).trees[decisionIndex]
/// ```
package enum PolicyCompiler {
    /// A check run on each period's trees (the analysis's proof that no two rules of a
    /// `unique` table match one person): the policy, the trees and parameters of the period,
    /// its first day and the first day of the next period.
    package typealias PeriodCheck = (CheckedPolicy, [DecisionTree?], [Value?], CivilDate, CivilDate?) -> DiagnosticList

    /// Without a `periodCheck`, a `unique` table whose rules overlap compiles (an
    /// evaluation that meets the overlap faults), so the analysis can study it.
    package static func compile(_ policy: CheckedPolicy, periodCheck: PeriodCheck? = nil) throws(DiagnosticList) -> CompiledPolicy {
        let beginning = CivilDate(year: 1, month: 1, day: 1)!
        let starts = [beginning] + policy.parameterChangeDates.filter { $0 > beginning }
        var epochs: [PolicyEpoch] = []
        var diagnostics = DiagnosticList()
        for start in starts {
            let parameters = policy.parameterValues(on: start)
            var trees: [DecisionTree?] = []
            for (index, decision) in policy.decisions.enumerated() {
                guard case .table(let table) = decision.body else {
                    trees.append(nil)
                    continue
                }
                let tree: DecisionTree?
                switch buildTree(decision: index, table: table, policy: policy, parameters: parameters) {
                case .success(let built): tree = built
                case .failure(let tooLarge):
                    tree = nil
                    diagnostics.append(tooLarge.diagnostic(decision: decision, table: table))
                }
                trees.append(tree)
            }
            if let periodCheck {
                diagnostics.append(contentsOf: periodCheck(policy, trees, parameters, start, starts.first { $0 > start }))
            }
            epochs.append(PolicyEpoch(from: start, parameters: parameters, trees: trees))
        }
        if diagnostics.hasErrors {
            // The same finding in several periods is reported once.
            var seen = Set<String>()
            throw DiagnosticList(diagnostics.all.filter { seen.insert($0.description).inserted })
        }
        return CompiledPolicy(checked: policy, epochs: epochs)
    }

    package static func buildTree(decision: Int, table: RuleTable, policy: CheckedPolicy, parameters: [Value?]) -> Result<DecisionTree, TreeTooLarge> {
        let folder = ParameterFolder(policy: policy, parameters: parameters)
        var builder = TreeBuilder(policy: policy, hitPolicy: table.hitPolicy) { index in
            let definition = policy.definitions[index]
            return definition.type == .bool ? folder.fold(definition.expression) : nil
        }
        var rules: [TreeBuilder.RuleFormula] = []
        for (index, rule) in table.rules.enumerated() {
            let condition = rule.condition.map(folder.fold) ?? .constant(.bool(true), .bool)
            rules.append(TreeBuilder.RuleFormula(rule: index, formula: builder.formula(condition)))
            if builder.work > TreeBuilder.maximumWork { return .failure(TreeTooLarge(rule: index)) }
        }
        guard let root = builder.build(rules) else { return .failure(TreeTooLarge(rule: builder.tooLargeAt ?? 0)) }
        let plain = ExpressionPrinter(policy: policy), labelled = ExpressionPrinter(policy: policy, useLabels: true)
        let atoms = builder.atoms.expressions.map { AtomicTest(expression: $0, text: plain.print($0), label: labelled.print($0)) }
        return .success(DecisionTree(decision: decision, hitPolicy: table.hitPolicy, atoms: atoms, nodes: builder.nodes, root: root))
    }
}
