import PolicyModel
import PolicyCompiler

extension TreeRenderer {
    /// The picture with the analysis marked: gap leaves in red (缺口), nodes no valid person
    /// reaches greyed and dashed (不可达), and a note listing the rules that never fire.
    package static func render(_ tree: DecisionTree, policy: CheckedPolicy, format: Format, marks: TreeMarks, language: Language = .standard) -> String {
        let plain = render(tree, policy: policy, format: format)
        let dead = marks.deadRules.map { "永不适用 dead: \($0.message.text(language))" }
        switch format {
        case .text:
            var lines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() {
                for node in marks.unreachable where line.contains("[n\(node)] ") { lines[index] += "  ✗ 不可达 unreachable" }
            }
            let gapLeaves = marks.gaps.count
            if gapLeaves > 0 { lines.append("⚠ 缺口 gap: \(gapLeaves) leaf\(gapLeaves == 1 ? "" : "s") where no rule matches and there is no else row") }
            return (lines + dead.map { "⚠ " + $0 }).joined(separator: "\n")
        case .mermaid:
            var lines = [plain]
            lines.append("  classDef gap fill:#fdd,stroke:#c00,stroke-width:2px")
            lines.append("  classDef unreachable fill:#eee,stroke:#999,stroke-dasharray:4 3,color:#999")
            lines.append("  classDef dead fill:#fff3cd,stroke:#c90")
            for node in marks.gaps.sorted() { lines.append("  n\(node):::gap") }
            for node in marks.unreachable.sorted() { lines.append("  n\(node):::unreachable") }
            for (index, text) in dead.enumerated() { lines.append("  dead\(index)[\"\(escape(text))\"]:::dead") }
            return lines.joined(separator: "\n")
        case .dot:
            var lines = plain.split(separator: "\n").map(String.init)
            let closing = lines.popLast() ?? "}"
            for node in marks.gaps.sorted() { lines.append("  n\(node) [style=filled, fillcolor=\"#ffdddd\", color=\"#cc0000\", xlabel=\"缺口 gap\"];") }
            for node in marks.unreachable.sorted() { lines.append("  n\(node) [style=dashed, color=\"#999999\", fontcolor=\"#999999\"];") }
            for (index, text) in dead.enumerated() {
                let quoted = "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
                lines.append("  dead\(index) [shape=note, style=filled, fillcolor=\"#fff3cd\", label=\(quoted)];")
            }
            return (lines + [closing]).joined(separator: "\n")
        }
    }
}
