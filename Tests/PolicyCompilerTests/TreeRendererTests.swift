import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// The tree pictures a policy officer reads: text, Mermaid and Graphviz, with Chinese labels.
@Suite struct TreeRendererTests {
    let policy: LoadedPolicy
    let tree: DecisionTree

    init() throws {
        policy = try LoadedPolicy.load(path: FixturePaths.fixture("tree_shapes"))
        tree = policy.compiled.epochs[0].trees[policy.checked.decisionIndex(named: "implied")!]!
    }

    @Test func text() {
        #expect(TreeRenderer.render(tree, policy: policy.checked, format: .text) == """
        蕴含的条件不再测试（implied，hit: first，5 nodes，depth 2）
        [n4] 年龄 < 70  ⟨age < 70⟩
        是 yes: → young ← young
        否 no:  [n3] 年龄 ≥ 80  ⟨age ≥ 80⟩
            是 yes: → old ← old
            否 no:  → middle ← else（70至79）
        """)
    }

    @Test func mermaid() {
        #expect(TreeRenderer.render(tree, policy: policy.checked, format: .mermaid) == """
        flowchart TD
          n0["young ← young"]
          n1["old ← old"]
          n2["middle ← else（70至79）"]
          n3{"年龄 ≥ 80"}
          n3 -->|是| n1
          n3 -->|否| n2
          n4{"年龄 < 70"}
          n4 -->|是| n0
          n4 -->|否| n3
        """)
    }

    @Test func dot() {
        let text = TreeRenderer.render(tree, policy: policy.checked, format: .dot)
        #expect(text.hasPrefix("digraph \"implied\" {\n  label=\"蕴含的条件不再测试\";"))
        #expect(text.contains("  n4 [shape=diamond, label=\"年龄 < 70\"];\n  n4 -> n0 [label=\"是\"];\n  n4 -> n3 [label=\"否\", style=dashed];"))
        #expect(text.hasSuffix("}"))
    }
}
