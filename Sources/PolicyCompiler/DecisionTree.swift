import PolicyModel

/// A rule table compiled into a decision DAG: a flat array of nodes with child indices,
/// built once and shared by every evaluation without locks.
///
/// Each test node evaluates one atomic test (`age >= 70`, `subsistence in [dibao, marginal]`);
/// along any path a test is evaluated at most once, and tests implied by earlier answers
/// (`age >= 80` after `age < 70`) are not evaluated at all.
public struct DecisionTree: Sendable {
    /// One node: a test with its two successors, or a leaf naming the matching rules.
    public enum Node: Sendable, Hashable {
        case test(atom: Int, ifTrue: Int, ifFalse: Int)
        /// Indices into the table's rules. Empty: no rule matched (the `else` row applies).
        /// Two or more in a `unique` table: a conflict.
        case leaf(rules: [Int])
    }

    public let decision: Int
    public let hitPolicy: HitPolicy
    public let atoms: [AtomicTest]
    public let nodes: [Node]
    public let root: Int

    /// The number of tests on the longest path from the root.
    public var depth: Int {
        var memo = [Int: Int]()
        func depth(_ index: Int) -> Int {
            if let known = memo[index] { return known }
            let result: Int
            switch nodes[index] {
            case .leaf: result = 0
            case .test(_, let t, let f): result = 1 + max(depth(t), depth(f))
            }
            memo[index] = result
            return result
        }
        return depth(root)
    }
}

/// One test in a decision tree: a bool expression over facts, definitions and decisions,
/// with the policy's parameters already replaced by their values for the period.
public struct AtomicTest: Sendable, Hashable {
    public let expression: Expression
    /// How the test reads in a picture, with names (`age ≥ 70`).
    public let text: String
    /// The same with Chinese labels (`年龄（周岁） ≥ 70`).
    public let label: String
}
