import Foundation
import PolicyModel

/// Draws a decision tree as indented text, a Mermaid flowchart or a Graphviz graph,
/// with Chinese labels so a policy officer can follow it. A leaf reads as the value's
/// label with its code second and the rule's short reason with its id second:
/// `无偿服务（free）← 重点优抚对象（free_priority_care）`.
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

    /// What a leaf says, on one line (text) or two (`separator` between the value and the reason).
    package static func leafText(_ rules: [Int], tree: DecisionTree, policy: CheckedPolicy, separator: String = " ← ") -> String {
        let decision = policy.decisions[tree.decision]
        guard case .table(let table) = decision.body else { return "" }
        if rules.isEmpty {
            if let otherwise = table.otherwise { return outputLabel(otherwise) + separator + "\(shortReason(otherwise.reason))（else）" }
            return "无规则匹配（no rule matches）"
        }
        if tree.hitPolicy == .unique && rules.count > 1 {
            return "冲突（conflict）: " + rules.map { table.rules[$0].id }.joined(separator: ", ")
        }
        return rules.map { index -> String in
            let rule = table.rules[index]
            return outputLabel(rule) + separator + "\(shortReason(rule.reason))（\(rule.id)）"
        }.joined(separator: separator == " ← " ? "; " : separator)
    }

    /// A rule's value as a policy officer reads it: the Chinese label first, the code
    /// second (`无偿服务（free）`, `是（true）`); a computed value as written.
    package static func outputLabel(_ rule: Rule) -> String {
        guard case .constant(let value, let type) = rule.output else { return rule.outputText }
        switch (value, type) {
        case (.bool(let flag), _): return flag ? "是（true）" : "否（false）"
        case (.enumCase(let index), .enumeration(let enumType)):
            guard index < enumType.cases.count else { return rule.outputText }
            let code = enumType.cases[index]
            if index < enumType.labels.count, let label = enumType.labels[index], label != code { return "\(label)（\(code)）" }
            return code
        default: return rule.outputText
        }
    }

    /// The first clause of a reason (up to the first comma or full stop outside brackets),
    /// at most 24 characters: `重点优抚对象，属无偿服务对象` → `重点优抚对象`.
    package static func shortReason(_ reason: String) -> String {
        var depth = 0
        var clause = ""
        for character in reason {
            if "（(「“".contains(character) { depth += 1 }
            if "）)」”".contains(character) { depth = max(0, depth - 1) }
            if depth == 0 && "，,。；;".contains(character) { break }
            clause.append(character)
        }
        let trimmed = clause.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 24 ? String(trimmed.prefix(23)) + "…" : trimmed
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

    /// A Graphviz string literal.
    package static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The node and edge lines of one tree in Mermaid, node ids `<prefix>n<index>`.
    package static func mermaidNodes(_ tree: DecisionTree, policy: CheckedPolicy, prefix: String = "", indent: String = "  ") -> [String] {
        var lines: [String] = []
        for (index, node) in tree.nodes.enumerated() {
            switch node {
            case .test(let atom, let ifTrue, let ifFalse):
                lines.append(indent + "\(prefix)n\(index){\"\(escape(tree.atoms[atom].label))\"}")
                lines.append(indent + "\(prefix)n\(index) -->|是| \(prefix)n\(ifTrue)")
                lines.append(indent + "\(prefix)n\(index) -->|否| \(prefix)n\(ifFalse)")
            case .leaf(let rules):
                lines.append(indent + "\(prefix)n\(index)[\"\(escape(leafText(rules, tree: tree, policy: policy, separator: "<br/>")))\"]")
            }
        }
        return lines
    }

    package static func mermaid(_ tree: DecisionTree, policy: CheckedPolicy) -> String {
        (["flowchart TD"] + mermaidNodes(tree, policy: policy)).joined(separator: "\n")
    }

    /// The node and edge lines of one tree in Graphviz, node ids `<prefix>n<index>`.
    package static func dotNodes(_ tree: DecisionTree, policy: CheckedPolicy, prefix: String = "", indent: String = "  ") -> [String] {
        var lines: [String] = []
        for (index, node) in tree.nodes.enumerated() {
            switch node {
            case .test(let atom, let ifTrue, let ifFalse):
                lines.append(indent + "\(prefix)n\(index) [shape=diamond, label=\(quoted(tree.atoms[atom].label))];")
                lines.append(indent + "\(prefix)n\(index) -> \(prefix)n\(ifTrue) [label=\"是\"];")
                lines.append(indent + "\(prefix)n\(index) -> \(prefix)n\(ifFalse) [label=\"否\", style=dashed];")
            case .leaf(let rules):
                lines.append(indent + "\(prefix)n\(index) [shape=box, label=\(quoted(leafText(rules, tree: tree, policy: policy, separator: "\n")).replacingOccurrences(of: "\n", with: "\\n"))];")
            }
        }
        return lines
    }

    package static func dot(_ tree: DecisionTree, policy: CheckedPolicy) -> String {
        let decision = policy.decisions[tree.decision]
        return (["digraph \(quoted(decision.name)) {", "  label=\(quoted(decision.label));", "  node [fontname=\"Noto Sans CJK SC\"];"]
            + dotNodes(tree, policy: policy) + ["}"]).joined(separator: "\n")
    }
}
