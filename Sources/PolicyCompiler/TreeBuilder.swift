import PolicyModel

/// Builds the decision DAG of one rule table for one period.
///
/// At each node the builder takes the first rule still undecided and tests the leftmost
/// atom of its remaining condition, as a short-circuit evaluation of the rules in order
/// would; answers settle every atom they imply. Equal states share one node.
package struct TreeBuilder {
    /// A condition as a formula over atom ids.
    package indirect enum Formula: Hashable {
        case constant(Bool)
        case atom(Int)
        case not(Formula)
        case and([Formula])
        case or([Formula])
    }

    package struct State: Hashable {
        package var undecided: [RuleFormula]
        package var matched: [Int]
        package var knowledge: TestKnowledge
    }

    package struct RuleFormula: Hashable {
        package let rule: Int
        package let formula: Formula
    }

    /// The most nodes one tree may have. The policies we know need under 200; a table
    /// of independent rules needs twice as many nodes for every rule added.
    package static let maximumNodes = 5_000
    /// The most formula parts the builder may look at for one tree (each node looks at
    /// every condition still undecided), so a refusal comes in well under a second.
    package static let maximumWork = 4_000_000

    package var atoms: AtomTable
    package let hitPolicy: HitPolicy
    package let definitionInliner: (Int) -> Expression?
    package var nodes: [DecisionTree.Node] = []
    package var memo: [State: Int] = [:]
    /// Formula parts built or looked at so far.
    package var work = 0
    /// The rule the builder was working on when it ran out of nodes or work.
    package var tooLargeAt: Int?
    package var tooLarge: Bool { tooLargeAt != nil }

    package init(policy: CheckedPolicy, hitPolicy: HitPolicy, inline: @escaping (Int) -> Expression?) {
        atoms = AtomTable(policy: policy)
        self.hitPolicy = hitPolicy
        definitionInliner = inline
    }

    /// Converts a bool expression to a formula, inlining bool definitions.
    package mutating func formula(_ expression: Expression, depth: Int = 0) -> Formula {
        work += 1
        if work > TreeBuilder.maximumWork { return .constant(false) }
        switch expression {
        case .constant(.bool(let value), _): return .constant(value)
        case .not(let inner): return .not(formula(inner, depth: depth))
        case .and:
            return .and(TreeBuilder.operands(of: expression, and: true).flatMap { part in
                let converted = formula(part, depth: depth)
                if case .and(let inner) = converted { return inner }
                return [converted]
            })
        case .or:
            return .or(TreeBuilder.operands(of: expression, and: false).flatMap { part in
                let converted = formula(part, depth: depth)
                if case .or(let inner) = converted { return inner }
                return [converted]
            })
        case .definition(let index) where depth < 16:
            if let inlined = definitionInliner(index) { return formula(inlined, depth: depth + 1) }
            return .atom(atoms.atom(for: expression))
        case .compare(.notEqual, let a, let b, let kind):
            return .not(.atom(atoms.atom(for: .compare(.equal, a, b, kind))))
        default:
            return .atom(atoms.atom(for: expression))
        }
    }

    /// The operands of a chain of `and` (or of `or`), left to right: `a and b and c` is
    /// one formula of three parts, not two nested ones, however long the chain.
    package static func operands(of expression: Expression, and: Bool) -> [Expression] {
        var operands: [Expression] = []
        var pending = [expression]
        while let next = pending.popLast() {
            switch (next, and) {
            case (.and(let a, let b), true), (.or(let a, let b), false):
                pending.append(b)
                pending.append(a)
            default:
                operands.append(next)
            }
        }
        return operands
    }

    package mutating func simplify(_ formula: Formula, _ knowledge: TestKnowledge) -> Formula {
        work += 1
        switch formula {
        case .constant: return formula
        case .atom(let atom):
            if let answer = atoms.settled(atom, by: knowledge) { return .constant(answer) }
            return formula
        case .not(let inner):
            let simplified = simplify(inner, knowledge)
            if case .constant(let value) = simplified { return .constant(!value) }
            return .not(simplified)
        case .and(let parts), .or(let parts):
            let isAnd: Bool
            if case .and = formula { isAnd = true } else { isAnd = false }
            var kept: [Formula] = []
            for part in parts {
                let simplified = simplify(part, knowledge)
                if case .constant(let value) = simplified {
                    if value != isAnd { return .constant(value) }
                    continue
                }
                kept.append(simplified)
            }
            if kept.isEmpty { return .constant(isAnd) }
            if kept.count == 1 { return kept[0] }
            return isAnd ? .and(kept) : .or(kept)
        }
    }

    package func leftmostAtom(_ formula: Formula) -> Int? {
        switch formula {
        case .constant: return nil
        case .atom(let atom): return atom
        case .not(let inner): return leftmostAtom(inner)
        case .and(let parts), .or(let parts):
            // A plain loop: `lazy.compactMap(…).first` would work out the first part twice,
            // and twice again at each level below it.
            for part in parts {
                if let atom = leftmostAtom(part) { return atom }
            }
            return nil
        }
    }

    package func collectAtoms(_ formula: Formula, into set: inout Set<Int>) {
        switch formula {
        case .constant: break
        case .atom(let atom): set.insert(atom)
        case .not(let inner): collectAtoms(inner, into: &set)
        case .and(let parts), .or(let parts): for part in parts { collectAtoms(part, into: &set) }
        }
    }

    /// The root of the tree, or nil when it would be too large (`tooLargeAt` says at which rule).
    package mutating func build(_ rules: [RuleFormula]) -> Int? {
        let root = node(for: State(undecided: rules, matched: [], knowledge: TestKnowledge()))
        return tooLarge ? nil : root
    }

    package mutating func node(for incoming: State) -> Int {
        if tooLarge { return 0 }
        if work > TreeBuilder.maximumWork || nodes.count >= TreeBuilder.maximumNodes {
            tooLargeAt = incoming.undecided.first?.rule ?? incoming.matched.last ?? 0
            return 0
        }
        // Settle what the knowledge decides.
        var undecided: [RuleFormula] = []
        var matched = incoming.matched
        for entry in incoming.undecided {
            let simplified = simplify(entry.formula, incoming.knowledge)
            switch simplified {
            case .constant(true):
                if hitPolicy == .first && undecided.isEmpty { return leaf([entry.rule]) }
                if hitPolicy == .first { undecided.append(RuleFormula(rule: entry.rule, formula: simplified)) } else { matched.append(entry.rule) }
            case .constant(false):
                continue
            default:
                undecided.append(RuleFormula(rule: entry.rule, formula: simplified))
            }
        }
        if hitPolicy == .unique && matched.count >= 2 { return leaf(matched) }
        if hitPolicy == .first, let first = undecided.first, case .constant(true) = first.formula { return leaf([first.rule]) }
        guard let first = undecided.first, let atom = leftmostAtom(first.formula) else { return leaf(matched) }
        // Keep only the knowledge that still matters, so equal states meet.
        var liveAtoms = Set<Int>()
        for entry in undecided { collectAtoms(entry.formula, into: &liveAtoms) }
        let liveSubjects = Set(liveAtoms.compactMap(atoms.subjectOf))
        let state = State(undecided: undecided, matched: matched, knowledge: incoming.knowledge.restricted(subjects: liveSubjects, atoms: liveAtoms))
        if let existing = memo[state] { return existing }
        let ifTrue = node(for: State(undecided: undecided, matched: matched, knowledge: atoms.learning(atom, is: true, in: state.knowledge)))
        let ifFalse = node(for: State(undecided: undecided, matched: matched, knowledge: atoms.learning(atom, is: false, in: state.knowledge)))
        let index = append(.test(atom: atom, ifTrue: ifTrue, ifFalse: ifFalse))
        memo[state] = index
        return index
    }

    package var leafIndex: [[Int]: Int] = [:]

    package mutating func leaf(_ rules: [Int]) -> Int {
        if let existing = leafIndex[rules] { return existing }
        let index = append(.leaf(rules: rules))
        leafIndex[rules] = index
        return index
    }

    package mutating func append(_ node: DecisionTree.Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }
}
