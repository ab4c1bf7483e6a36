import PolicyModel

/// Finds definitions and decisions that depend on themselves, which would never finish evaluating.
enum DependencyCycles {
    static func find(in policy: CheckedPolicy) -> DiagnosticList {
        // Nodes: definitions 0..<d, then decisions d..<d+n.
        let d = policy.definitions.count
        var edges: [[Int]] = []
        for definition in policy.definitions {
            let refs = definition.expression.references
            edges.append(refs.definitions.sorted() + refs.decisions.sorted().map { $0 + d })
        }
        for decision in policy.decisions {
            var definitions = Set<Int>(), decisions = Set<Int>()
            for expression in decision.expressions {
                let refs = expression.references
                definitions.formUnion(refs.definitions)
                decisions.formUnion(refs.decisions)
            }
            edges.append(definitions.sorted() + decisions.sorted().map { $0 + d })
        }
        func name(_ node: Int) -> String { node < d ? policy.definitions[node].name : policy.decisions[node - d].name }
        func span(_ node: Int) -> SourceSpan { node < d ? policy.definitions[node].span : policy.decisions[node - d].span }
        var state = Array(repeating: 0, count: edges.count) // 0 new, 1 on stack, 2 done
        var stack: [Int] = []
        var diagnostics = DiagnosticList()
        func visit(_ node: Int) {
            state[node] = 1
            stack.append(node)
            for next in edges[node] {
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    let cycle = stack[start...].map(name) + [name(next)]
                    diagnostics.append(.error(.dependsOnItself(name(next), cycle: cycle), at: span(next), help: .breakCycle))
                } else if state[next] == 0 {
                    visit(next)
                }
            }
            stack.removeLast()
            state[node] = 2
        }
        for node in edges.indices where state[node] == 0 { visit(node) }
        return diagnostics
    }
}
