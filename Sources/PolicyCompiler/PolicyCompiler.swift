import PolicyModel

/// Compiles a checked policy into decision trees.
///
/// ```swift
/// let compiled = try PolicyCompiler.compile(checked)
/// let tree = compiled.epoch(on: date).trees[decisionIndex]
/// ```
public enum PolicyCompiler {
    public static func compile(_ policy: CheckedPolicy) throws(DiagnosticList) -> CompiledPolicy {
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
                let tree = buildTree(decision: index, table: table, policy: policy, parameters: parameters)
                if tree == nil {
                    diagnostics.append(.error("decision `\(decision.name)` is too complex to compile (over \(TreeBuilder.maximumNodes) tree nodes)", at: decision.span,
                                              help: "split it into smaller decisions or name shared conditions in `definitions`"))
                }
                if let tree, table.hitPolicy == .unique {
                    diagnostics.append(contentsOf: overlaps(in: tree, table: table, decision: decision, from: start))
                }
                trees.append(tree)
            }
            epochs.append(PolicyEpoch(from: start, parameters: parameters, trees: trees))
        }
        if diagnostics.hasErrors {
            // The same finding in several periods is reported once.
            var seen = Set<Diagnostic>()
            throw DiagnosticList(diagnostics.all.filter { seen.insert($0).inserted })
        }
        return CompiledPolicy(checked: policy, epochs: epochs)
    }

    /// A `unique` table whose tree has a leaf with two rules: both can match the same person.
    static func overlaps(in tree: DecisionTree, table: RuleTable, decision: DecisionDeclaration, from start: CivilDate) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        var reported = Set<[Int]>()
        for node in tree.nodes {
            guard case .leaf(let rules) = node, rules.count > 1, reported.insert(rules).inserted else { continue }
            let names = rules.map { "`\(table.rules[$0].id)`" }.joined(separator: " and ")
            diagnostics.append(.error("rules \(names) of `\(decision.name)` can both match the same person, but the table is `unique`", at: table.rules[rules[1]].span,
                                      help: "make the conditions exclusive, or use `hit: first` if the order should decide"))
        }
        return diagnostics
    }

    static func buildTree(decision: Int, table: RuleTable, policy: CheckedPolicy, parameters: [Value?]) -> DecisionTree? {
        let folder = ParameterFolder(policy: policy, parameters: parameters)
        var builder = TreeBuilder(policy: policy, hitPolicy: table.hitPolicy) { index in
            let definition = policy.definitions[index]
            return definition.type == .bool ? folder.fold(definition.expression) : nil
        }
        var rules: [TreeBuilder.RuleFormula] = []
        for (index, rule) in table.rules.enumerated() {
            let condition = rule.condition.map(folder.fold) ?? .constant(.bool(true), .bool)
            rules.append(TreeBuilder.RuleFormula(rule: index, formula: builder.formula(condition)))
        }
        guard let root = builder.build(rules) else { return nil }
        let plain = ExpressionPrinter(policy: policy), labelled = ExpressionPrinter(policy: policy, useLabels: true)
        let atoms = builder.atoms.expressions.map { AtomicTest(expression: $0, text: plain.print($0), label: labelled.print($0)) }
        return DecisionTree(decision: decision, hitPolicy: table.hitPolicy, atoms: atoms, nodes: builder.nodes, root: root)
    }
}
