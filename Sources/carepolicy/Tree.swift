import ArgumentParser
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch
import PolicySimulation

/// `carepolicy tree POLICY`: show the compiled decision trees.
struct Tree: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a policy's compiled decision trees (text, Mermaid or Graphviz dot), with Chinese labels.")

    @OptionGroup var lang: LanguageOption

    @Argument(help: "The policy file.")
    var policy: String

    @Option(help: "Only this decision.")
    var decision: String?

    @Option(help: "text (default), mermaid or dot. Without --decision, mermaid and dot draw every rule table in one picture, a subgraph (cluster) per decision.")
    var format: TreeRenderer.Format = .text

    @Option(name: .customLong("as-of"), help: "Use the parameter values in force on this date (default: today).")
    var asOf: String?

    func run() throws {
        let date = try parseDate(asOf)
        let loaded = try loadPolicyOrExit(policy, language: lang.language)
        let checked = loaded.checked
        var indices = checked.decisions.indices.filter { loaded.compiled.epoch(on: date).trees[$0] != nil }
        if let decision {
            guard let index = checked.decisionIndex(named: decision) else {
                let hint = NameSuggestion.help(for: decision, in: checked.decisions.map(\.name), kind: .decisions).map { Message.common(.suggestion($0)).text(.en) } ?? ""
                throw ValidationError("no decision `\(decision)` in \(policy); \(hint)")
            }
            guard loaded.compiled.epoch(on: date).trees[index] != nil else {
                let rule = checked.decisions[index].rules.first
                Output.out("\(checked.decisions[index].label)（\(decision)）is a formula, not a rule table: \(rule?.outputText ?? "")")
                return
            }
            indices = [index]
        }
        let epoch = loaded.compiled.epoch(on: date)
        // Dead rules, gaps and unreachable nodes, found by the analysis, are marked in the picture.
        let trees = indices.compactMap { index in
            epoch.trees[index].map { (tree: $0, marks: TreeMarks.find(decision: index, in: loaded.compiled, on: date)) }
        }
        if decision != nil, let (tree, marks) = trees.first {
            Output.out(marks.map { TreeRenderer.render(tree, policy: checked, format: format, marks: $0, language: lang.language) } ?? TreeRenderer.render(tree, policy: checked, format: format))
            return
        }
        // The whole policy is one picture: one digraph with a cluster per decision, one flowchart with a subgraph per decision.
        Output.out(TreeRenderer.render(policy: checked, trees: trees, format: format, language: lang.language))
    }
}

extension TreeRenderer.Format: ExpressibleByArgument {}
