import Foundation
import PolicyModel

/// Draws a decision tree as indented text, a Mermaid flowchart or a Graphviz graph,
/// with Chinese labels so a policy officer can follow it.
package enum TreeRenderer {
    package enum Format: String, Sendable, CaseIterable {
        case text, mermaid, dot
    }

    package static func render(_ tree: DecisionTree, policy: CheckedPolicy, format: Format) -> String {
        switch format {
        case .text: return text(tree, policy: policy)
        case .mermaid: return mermaid(tree, policy: policy)
        case .dot: return dot(tree, policy: policy)
        }
    }

    package static func leafText(_ rules: [Int], tree: DecisionTree, policy: CheckedPolicy) -> String {
        let decision = policy.decisions[tree.decision]
        guard case .table(let table) = decision.body else { return "" }
        if rules.isEmpty {
            if let otherwise = table.otherwise { return "\(otherwise.outputText) ← else（\(otherwise.reason)）" }
            return "无规则匹配（no rule matches）"
        }
        if tree.hitPolicy == .unique && rules.count > 1 {
            return "冲突（conflict）: " + rules.map { table.rules[$0].id }.joined(separator: ", ")
        }
        return rules.map { "\(table.rules[$0].outputText) ← \(table.rules[$0].id)" }.joined(separator: "; ")
    }

    package static func text(_ tree: DecisionTree, policy: CheckedPolicy) -> String {
        let decision = policy.decisions[tree.decision]
        var lines = ["\(decision.label)（\(decision.name)，hit: \(tree.hitPolicy.rawValue)，\(tree.nodes.count) nodes，depth \(tree.depth)）"]
        var shown = Set<Int>()
        func walk(_ index: Int, prefix: String, edge: String) {
            switch tree.nodes[index] {
            case .leaf(let rules):
                lines.append(prefix + edge + "→ " + leafText(rules, tree: tree, policy: policy))
            case .test(let atom, let ifTrue, let ifFalse):
                let test = tree.atoms[atom]
                if shown.contains(index) {
                    lines.append(prefix + edge + "[n\(index)] (shared, shown above)")
                    return
                }
                shown.insert(index)
                lines.append(prefix + edge + "[n\(index)] \(test.label)  ⟨\(test.text)⟩")
                let childPrefix = prefix + (edge.isEmpty ? "" : "    ")
                walk(ifTrue, prefix: childPrefix, edge: "是 yes: ")
                walk(ifFalse, prefix: childPrefix, edge: "否 no:  ")
            }
        }
        walk(tree.root, prefix: "", edge: "")
        return lines.joined(separator: "\n")
    }

    package static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;")
    }

    package static func mermaid(_ tree: DecisionTree, policy: CheckedPolicy) -> String {
        var lines = ["flowchart TD"]
        for (index, node) in tree.nodes.enumerated() {
            switch node {
            case .test(let atom, let ifTrue, let ifFalse):
                lines.append("  n\(index){\"\(escape(tree.atoms[atom].label))\"}")
                lines.append("  n\(index) -->|是| n\(ifTrue)")
                lines.append("  n\(index) -->|否| n\(ifFalse)")
            case .leaf(let rules):
                lines.append("  n\(index)[\"\(escape(leafText(rules, tree: tree, policy: policy)))\"]")
            }
        }
        return lines.joined(separator: "\n")
    }

    package static func dot(_ tree: DecisionTree, policy: CheckedPolicy) -> String {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let decision = policy.decisions[tree.decision]
        var lines = ["digraph \(quoted(decision.name)) {", "  label=\(quoted(decision.label));", "  node [fontname=\"Noto Sans CJK SC\"];"]
        for (index, node) in tree.nodes.enumerated() {
            switch node {
            case .test(let atom, let ifTrue, let ifFalse):
                lines.append("  n\(index) [shape=diamond, label=\(quoted(tree.atoms[atom].label))];")
                lines.append("  n\(index) -> n\(ifTrue) [label=\"是\"];")
                lines.append("  n\(index) -> n\(ifFalse) [label=\"否\", style=dashed];")
            case .leaf(let rules):
                lines.append("  n\(index) [shape=box, label=\(quoted(leafText(rules, tree: tree, policy: policy)))];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
