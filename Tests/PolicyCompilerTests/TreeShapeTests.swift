import CarePolicy
import Testing
import TestSupport
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

/// Rule tables compile to decision DAGs in which a shared test is evaluated once per
/// path and a test implied by earlier answers is not evaluated at all.
@Suite struct TreeShapeTests {
    let policy: LoadedPolicy

    init() throws { policy = try LoadedPolicy.load(path: FixturePaths.fixture("tree_shapes")) }

    func tree(_ name: String) throws -> DecisionTree {
        let index = try #require(policy.checked.decisionIndex(named: name))
        return try #require(policy.compiled.epochs[0].trees[index])
    }

    /// The atoms tested along every path from the root, as text.
    static func paths(_ tree: DecisionTree) -> [[String]] {
        func walk(_ node: Int, _ prefix: [String]) -> [[String]] {
            switch tree.nodes[node] {
            case .leaf: return [prefix]
            case .test(let atom, let yes, let no):
                let text = tree.atoms[atom].text
                return walk(yes, prefix + [text + " yes"]) + walk(no, prefix + [text + " no"])
            }
        }
        return walk(tree.root, [])
    }

    @Test func aTestImpliedByAnEarlierAnswerIsNotRepeated() throws {
        // After `age < 70` is false, `age >= 80` is still open; after it is true, nothing is tested.
        #expect(Self.paths(try tree("implied")) == [["age < 70 yes"], ["age < 70 no", "age ≥ 80 yes"], ["age < 70 no", "age ≥ 80 no"]])
        // `age >= 70` is implied by `age < 70` being false: only `lives_alone` is left to test.
        #expect(Self.paths(try tree("implied_in_conjunction")) == [["age < 70 yes"], ["age < 70 no", "lives_alone yes"], ["age < 70 no", "lives_alone no"]])
    }

    @Test func aSharedTestIsEvaluatedOncePerPath() throws {
        let shared = try tree("shared")
        #expect(Self.paths(shared) == [
            ["age ≥ 70 yes", "lives_alone yes", "residence = urban yes"],
            ["age ≥ 70 yes", "lives_alone yes", "residence = urban no"],
            ["age ≥ 70 yes", "lives_alone no", "residence = urban yes"],
            ["age ≥ 70 yes", "lives_alone no", "residence = urban no"],
            ["age ≥ 70 no"],
        ])
        #expect(shared.depth == 3)
    }

    @Test func leavesNameTheMatchingRules() throws {
        let shared = try tree("shared")
        let leaves = shared.nodes.compactMap { node -> [Int]? in
            if case .leaf(let rules) = node { return rules }
            return nil
        }
        #expect(Set(leaves) == [[0, 1], [0], [1], []])
    }

    @Test(arguments: ["anqing", "dongxihu", "rural-pilot"])
    func noPathOfAnyPolicyTestsTheSameAtomTwice(name: String) throws {
        let loaded = try SamplePerson.policy(name)
        for epoch in loaded.compiled.epochs {
            for case let tree? in epoch.trees {
                for path in Self.paths(tree) {
                    let atoms = path.map { $0.split(separator: " ").dropLast().joined(separator: " ") }
                    #expect(Set(atoms).count == atoms.count, "\(name): \(path)")
                }
            }
        }
    }
}
