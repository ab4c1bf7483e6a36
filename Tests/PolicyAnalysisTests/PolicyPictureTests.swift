import CarePolicy
import Foundation
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis

/// `carepolicy tree --format dot|mermaid` without `--decision`: the whole policy is one
/// picture, a cluster (subgraph) per decision, with node ids that cannot collide.
@Suite struct PolicyPictureTests {
    let policy: LoadedPolicy
    let trees: [(tree: DecisionTree, marks: TreeMarks?)]

    init() throws {
        let loaded = try LoadedPolicy.load(path: FixturePaths.fixture("tree_shapes"))
        let date = CivilDate("2026-06-01")!
        policy = loaded
        trees = loaded.checked.decisions.indices.compactMap { index in
            loaded.compiled.epoch(on: date).trees[index].map { ($0, TreeMarks.find(decision: index, in: loaded.compiled, on: date)) }
        }
    }

    @Test func dotIsOneDigraphWithAClusterPerDecision() throws {
        let dot = TreeRenderer.render(policy: policy.checked, trees: trees, format: .dot)
        let lines = dot.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("digraph ") }.count == 1)
        #expect(lines.filter { $0.contains("subgraph ") } == [
            "  subgraph \"cluster_implied\" {", "  subgraph \"cluster_implied_in_conjunction\" {", "  subgraph \"cluster_shared\" {",
        ])
        #expect(dot.hasPrefix("""
            digraph "tree-shapes" {
              label="决策树形状（tree-shapes 1）";
              labelloc=t;
              node [fontname="Noto Sans CJK SC"];
              edge [fontname="Noto Sans CJK SC"];
              subgraph "cluster_implied" {
                label="蕴含的条件不再测试（implied）";
                implied_n0 [shape=box, label="young\\n未满70（young）"];
                implied_n1 [shape=box, label="old\\n80以上（old）"];
                implied_n2 [shape=box, label="middle\\n70至79（else）"];
                implied_n3 [shape=diamond, label="年龄 ≥ 80"];
                implied_n3 -> implied_n1 [label="是"];
                implied_n3 -> implied_n2 [label="否", style=dashed];
                implied_n4 [shape=diamond, label="年龄 < 70"];
                implied_n4 -> implied_n0 [label="是"];
                implied_n4 -> implied_n3 [label="否", style=dashed];
              }
            """))
        // The gap of the collect table is marked inside its own cluster.
        #expect(dot.contains("    shared_n4 [style=filled, fillcolor=\"#ffdddd\", color=\"#cc0000\", xlabel=\"缺口 gap\"];\n  }\n}"))
        #expect(dot.hasSuffix("\n}"))
        // Every edge joins two nodes of the same decision.
        for line in lines where line.contains(" -> ") {
            let ends = line.trimmingCharacters(in: .whitespaces).split(separator: " ").filter { $0.contains("_n") }
            #expect(ends.count == 2 && ends[0].split(separator: "_n")[0] == ends[1].split(separator: "_n")[0], "\(line)")
        }
    }

    /// Graphviz itself reads the picture and draws one cluster per decision.
    @Test func graphvizRendersOneClusterPerDecision() throws {
        let anqing = try LoadedPolicy.load(path: FixturePaths.packageRoot + "/policies/anqing.yaml")
        let date = CivilDate("2026-06-01")!
        let parts = anqing.checked.decisions.indices.compactMap { index in
            anqing.compiled.epoch(on: date).trees[index].map { (tree: $0, marks: TreeMarks.find(decision: index, in: anqing.compiled, on: date)) }
        }
        #expect(parts.count == 5)
        let dot = TreeRenderer.render(policy: anqing.checked, trees: parts, format: .dot)
        #expect(dot.components(separatedBy: "digraph ").count == 2)
        #expect(dot.components(separatedBy: "subgraph \"cluster_").count == 6)
        #expect(dot.contains("label=\"无偿服务（free）\\n重点优抚对象（free_priority_care）\""))
        let graphviz = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
        // .ci/run installs Graphviz; without it the structure above is still checked exactly.
        guard let graphviz else { return }
        let result = try ChildProcess.run(graphviz, ["-Tsvg"], input: Data(dot.utf8))
        let svg = String(decoding: result.out, as: UTF8.self)
        #expect(result.status == 0, "\(String(decoding: result.err, as: UTF8.self))")
        #expect(svg.components(separatedBy: "class=\"cluster\"").count == 6)
        #expect(svg.contains("服务对象类别（service_tier）"))
    }

    @Test func mermaidIsOneFlowchartWithASubgraphPerDecision() throws {
        let mermaid = TreeRenderer.render(policy: policy.checked, trees: trees, format: .mermaid)
        let lines = mermaid.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("flowchart") } == ["flowchart TD"])
        #expect(lines.filter { $0.hasPrefix("  subgraph ") } == [
            "  subgraph implied_tree[\"蕴含的条件不再测试（implied）\"]",
            "  subgraph implied_in_conjunction_tree[\"合取中被蕴含的条件（implied_in_conjunction）\"]",
            "  subgraph shared_tree[\"共用的条件每条路径只测一次（shared）\"]",
        ])
        #expect(lines.filter { $0 == "  end" }.count == 3)
        #expect(mermaid.contains("""
              subgraph implied_in_conjunction_tree["合取中被蕴含的条件（implied_in_conjunction）"]
                direction TB
                implied_in_conjunction_n0["否（false）<br/>未满70（young）"]
                implied_in_conjunction_n1["是（true）<br/>70以上独居（alone_70）"]
                implied_in_conjunction_n2["否（false）<br/>其他（else）"]
            """))
        #expect(mermaid.contains("    shared_n4:::gap\n  end\n  classDef gap"))
        // No node is defined twice: each decision's ids carry its name.
        let definitions = lines.compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.contains("-->"), let end = trimmed.firstIndex(where: { $0 == "[" || $0 == "{" }) else { return nil }
            return String(trimmed[..<end])
        }
        #expect(Set(definitions).count == definitions.count)
    }

    @Test func textIsEveryTreeOneAfterAnother() {
        let text = TreeRenderer.render(policy: policy.checked, trees: trees, format: .text)
        #expect(text.components(separatedBy: "\n\n").count == 3)
        #expect(text.hasPrefix("蕴含的条件不再测试（implied，hit: first，5 nodes，depth 2）"))
    }
}
