import PolicyModel
import PolicyCompiler

extension TreeRenderer {
    /// The picture with the analysis marked: gap leaves in red (缺口), nodes no valid person
    /// reaches greyed and dashed (不可达), and a note listing the rules that never fire.
    package static func render(_ tree: DecisionTree, policy: CheckedPolicy, format: Format, marks: TreeMarks, language: Language = .standard) -> String {
        switch format {
        case .text:
            return markedText(tree, policy: policy, marks: marks, language: language)
        case .mermaid:
            return (["flowchart TD"] + mermaidNodes(tree, policy: policy) + mermaidClasses + mermaidMarks(marks, prefix: "", indent: "  ", language: language))
                .joined(separator: "\n")
        case .dot:
            let decision = policy.decisions[tree.decision]
            return (["digraph \(quoted(decision.name)) {", "  label=\(quoted(decision.label));", "  node [fontname=\"Noto Sans CJK SC\"];"]
                + dotNodes(tree, policy: policy) + dotMarks(marks, prefix: "", indent: "  ", language: language) + ["}"]).joined(separator: "\n")
        }
    }

    /// Every tree of a policy in one picture: for dot one `digraph` with a
    /// `subgraph cluster_<decision>` per decision, for Mermaid one `flowchart` with a
    /// `subgraph` per decision, node ids prefixed with the decision's name; text is each
    /// tree's text, a blank line between.
    package static func render(policy: CheckedPolicy, trees: [(tree: DecisionTree, marks: TreeMarks?)], format: Format,
                                language: Language = .standard) -> String {
        switch format {
        case .text:
            return trees.map { part in part.marks.map { markedText(part.tree, policy: policy, marks: $0, language: language) } ?? text(part.tree, policy: policy) }
                .joined(separator: "\n\n")
        case .mermaid:
            var lines = ["flowchart TD"]
            for (tree, marks) in trees {
                let decision = policy.decisions[tree.decision]
                let prefix = decision.name + "_"
                lines.append("  subgraph \(prefix)tree[\"\(escape("\(decision.label)（\(decision.name)）"))\"]")
                lines.append("    direction TB")
                lines += mermaidNodes(tree, policy: policy, prefix: prefix, indent: "    ")
                if let marks { lines += mermaidMarks(marks, prefix: prefix, indent: "    ", language: language) }
                lines.append("  end")
            }
            if trees.contains(where: { $0.marks != nil }) { lines += mermaidClasses }
            return lines.joined(separator: "\n")
        case .dot:
            var lines = ["digraph \(quoted(policy.metadata.id)) {", "  label=\(quoted("\(policy.metadata.title)（\(policy.metadata.id) \(policy.metadata.version)）"));",
                         "  labelloc=t;", "  node [fontname=\"Noto Sans CJK SC\"];", "  edge [fontname=\"Noto Sans CJK SC\"];"]
            for (tree, marks) in trees {
                let decision = policy.decisions[tree.decision]
                let prefix = decision.name + "_"
                lines.append("  subgraph \(quoted("cluster_" + decision.name)) {")
                lines.append("    label=\(quoted("\(decision.label)（\(decision.name)）"));")
                lines += dotNodes(tree, policy: policy, prefix: prefix, indent: "    ")
                if let marks { lines += dotMarks(marks, prefix: prefix, indent: "    ", language: language) }
                lines.append("  }")
            }
            lines.append("}")
            return lines.joined(separator: "\n")
        }
    }

    static func deadNotes(_ marks: TreeMarks, language: Language) -> [String] {
        marks.deadRules.map { "永不适用 dead: \($0.message.text(language))" }
    }

    static func markedText(_ tree: DecisionTree, policy: CheckedPolicy, marks: TreeMarks, language: Language) -> String {
        var lines = text(tree, policy: policy).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            for node in marks.unreachable where line.contains("[n\(node)] ") { lines[index] += "  ✗ 不可达 unreachable" }
        }
        let gapLeaves = marks.gaps.count
        if gapLeaves > 0 { lines.append("⚠ 缺口 gap: \(gapLeaves) leaf\(gapLeaves == 1 ? "" : "s") where no rule matches and there is no else row") }
        return (lines + deadNotes(marks, language: language).map { "⚠ " + $0 }).joined(separator: "\n")
    }

    static let mermaidClasses = [
        "  classDef gap fill:#fdd,stroke:#c00,stroke-width:2px",
        "  classDef unreachable fill:#eee,stroke:#999,stroke-dasharray:4 3,color:#999",
        "  classDef dead fill:#fff3cd,stroke:#c90",
    ]

    static func mermaidMarks(_ marks: TreeMarks, prefix: String, indent: String, language: Language) -> [String] {
        marks.gaps.sorted().map { indent + "\(prefix)n\($0):::gap" }
            + marks.unreachable.sorted().map { indent + "\(prefix)n\($0):::unreachable" }
            + deadNotes(marks, language: language).enumerated().map { indent + "\(prefix)dead\($0)[\"\(escape($1))\"]:::dead" }
    }

    static func dotMarks(_ marks: TreeMarks, prefix: String, indent: String, language: Language) -> [String] {
        marks.gaps.sorted().map { indent + "\(prefix)n\($0) [style=filled, fillcolor=\"#ffdddd\", color=\"#cc0000\", xlabel=\"缺口 gap\"];" }
            + marks.unreachable.sorted().map { indent + "\(prefix)n\($0) [style=dashed, color=\"#999999\", fontcolor=\"#999999\"];" }
            + deadNotes(marks, language: language).enumerated().map { indent + "\(prefix)dead\($0) [shape=note, style=filled, fillcolor=\"#fff3cd\", label=\(quoted($1))];" }
    }
}
