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

    package static let maximumNodes = 200_000

    package var atoms: AtomTable
    package let hitPolicy: HitPolicy
    package let definitionInliner: (Int) -> Expression?
    package var nodes: [DecisionTree.Node] = []
    package var memo: [State: Int] = [:]
    package var tooLarge = false

    package init(policy: CheckedPolicy, hitPolicy: HitPolicy, inline: @escaping (Int) -> Expression?) {
        atoms = AtomTable(policy: policy)
        self.hitPolicy = hitPolicy
        definitionInliner = inline
    }

    /// Converts a bool expression to a formula, inlining bool definitions.
    package mutating func formula(_ expression: Expression, depth: Int = 0) -> Formula {
        switch expression {
        case .constant(.bool(let value), _): return .constant(value)
        case .not(let inner): return .not(formula(inner, depth: depth))
        case .and(let a, let b): return .and([formula(a, depth: depth), formula(b, depth: depth)])
        case .or(let a, let b): return .or([formula(a, depth: depth), formula(b, depth: depth)])
        case .definition(let index) where depth < 16:
            if let inlined = definitionInliner(index) { return formula(inlined, depth: depth + 1) }
            return .atom(atoms.atom(for: expression))
        case .compare(.notEqual, let a, let b, let kind):
            return .not(.atom(atoms.atom(for: .compare(.equal, a, b, kind))))
        default:
            return .atom(atoms.atom(for: expression))
        }
    }

    package func simplify(_ formula: Formula, _ knowledge: TestKnowledge) -> Formula {
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
        case .and(let parts), .or(let parts): return parts.lazy.compactMap(leftmostAtom).first
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

    package mutating func build(_ rules: [RuleFormula]) -> Int? {
        let root = node(for: State(undecided: rules, matched: [], knowledge: TestKnowledge()))
        return tooLarge ? nil : root
    }

    package mutating func node(for incoming: State) -> Int {
        if tooLarge { return 0 }
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
        if nodes.count >= TreeBuilder.maximumNodes { tooLarge = true; return 0 }
        nodes.append(node)
        return nodes.count - 1
    }
}
