import PolicyModel

/// A rule table compiled into a decision DAG: a flat array of nodes with child indices,
/// built once and shared by every evaluation without locks.
///
/// Each test node evaluates one atomic test (`age >= 70`, `subsistence in [dibao, marginal]`);
/// along any path a test is evaluated at most once, and tests implied by earlier answers
/// (`age >= 80` after `age < 70`) are not evaluated at all.
package final class DecisionTree: Sendable {
    /// One node: a test with its two successors, or a leaf naming the matching rules.
    package enum Node: Sendable, Hashable {
        case test(atom: Int, ifTrue: Int, ifFalse: Int)
        /// Indices into the table's rules. Empty: no rule matched (the `else` row applies).
        /// Two or more in a `unique` table: a conflict.
        case leaf(rules: [Int])
    }

    /// A node as the evaluator walks it: plain integers, so a walk retains nothing.
    /// A test node has `atom >= 0`; a leaf has `atom == -1` and `ifTrue` indexes `leaves`.
    package struct Step: Sendable, Hashable {
        package let atom: Int32
        package let ifTrue: Int32
        package let ifFalse: Int32
    }

    package let decision: Int
    package let hitPolicy: HitPolicy
    package let atoms: [AtomicTest]
    package let nodes: [Node]
    package let root: Int
    /// `nodes` as steps, in the same order.
    package let steps: [Step]
    /// The rule lists of the leaves, indexed by a leaf step's `ifTrue`.
    package let leaves: [[Int]]
    /// The expressions of `atoms`, in the same order.
    package let atomExpressions: [Expression]
    /// The recognised shape of each atom, in the same order.
    package let kernels: [AtomKernel]

    package init(decision: Int, hitPolicy: HitPolicy, atoms: [AtomicTest], nodes: [Node], root: Int) {
        self.decision = decision
        self.hitPolicy = hitPolicy
        self.atoms = atoms
        self.nodes = nodes
        self.root = root
        var leaves: [[Int]] = []
        steps = nodes.map { node in
            switch node {
            case .test(let atom, let ifTrue, let ifFalse):
                return Step(atom: Int32(atom), ifTrue: Int32(ifTrue), ifFalse: Int32(ifFalse))
            case .leaf(let rules):
                leaves.append(rules)
                return Step(atom: -1, ifTrue: Int32(leaves.count - 1), ifFalse: -1)
            }
        }
        self.leaves = leaves
        atomExpressions = atoms.map(\.expression)
        kernels = atoms.map { AtomKernel.recognise($0.expression) }
    }

    /// The number of tests on the longest path from the root.
    package var depth: Int {
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
package struct AtomicTest: Sendable, Hashable {
    package let expression: Expression
    /// How the test reads in a picture, with names (`age ≥ 70`).
    package let text: String
    /// The same with Chinese labels (`年龄（周岁） ≥ 70`).
    package let label: String
}
