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
        是 yes: → young ← 未满70（young）
        否 no:  [n3] 年龄 ≥ 80  ⟨age ≥ 80⟩
            是 yes: → old ← 80以上（old）
            否 no:  → middle ← 70至79（else）
        """)
    }

    @Test func mermaid() {
        #expect(TreeRenderer.render(tree, policy: policy.checked, format: .mermaid) == """
        flowchart TD
          n0["young<br/>未满70（young）"]
          n1["old<br/>80以上（old）"]
          n2["middle<br/>70至79（else）"]
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
        #expect(text.contains("  n2 [shape=box, label=\"middle\\n70至79（else）\"];"))
        #expect(text.hasSuffix("}"))
    }

    /// A leaf names the value by its Chinese label, the code second, and the rule by its short reason, the id second.
    @Test func leavesSpeakChineseFirst() throws {
        let anqing = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        let tier = try #require(anqing.checked.decisionIndex(named: "service_tier"))
        let tree = try #require(anqing.compiled.epochs[0].trees[tier])
        let table = anqing.checked.decisions[tier].rules
        let priority = try #require(table.firstIndex { $0.id == "free_priority_care" })
        #expect(TreeRenderer.leafText([priority], tree: tree, policy: anqing.checked) == "无偿服务（free） ← 重点优抚对象（free_priority_care）")
        #expect(TreeRenderer.leafText([], tree: tree, policy: anqing.checked) == "有偿服务（paid） ← 年满60周岁、不属无偿或低偿对象（else）")
        let eligible = try #require(anqing.checked.decisionIndex(named: "gov_purchase_eligible"))
        let eligibleTree = try #require(anqing.compiled.epochs[0].trees[eligible])
        #expect(TreeRenderer.leafText([0], tree: eligibleTree, policy: anqing.checked) == "是（true） ← 年满70周岁、低保或低保边缘户、空巢（eligible）")
    }

    @Test(arguments: [
        ("重点优抚对象，属无偿服务对象", "重点优抚对象"),
        ("孤寡老人（无法定赡养人，且独居），为志愿服务重点对象", "孤寡老人（无法定赡养人，且独居）"),
        ("不同时满足70周岁以上、低保或低保边缘户、空巢三项条件", "不同时满足70周岁以上、低保或低保边缘户、空巢…"),
        ("其他", "其他"),
    ])
    func aShortReasonIsTheFirstClause(reason: String, short: String) {
        #expect(TreeRenderer.shortReason(reason) == short)
    }
}
