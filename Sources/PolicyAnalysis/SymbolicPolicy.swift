import PolicyModel
import PolicyCompiler

/// One policy over one period of evaluation dates, seen symbolically: each decision's
/// trees walked with regions of persons instead of one person, so that every decision
/// becomes a partition of the fact space into pieces, each with the value and the rules
/// that fire there. Tests on other decisions are answered from their partitions, so
/// regions are always about facts, never about intermediate results.
///
/// ```swift
/// let symbolic = SymbolicPolicy(policy: checked, epoch: compiled.epoch(on: date), space: space)
/// for piece in symbolic.partition(of: decisionIndex) { print(piece.region, piece.outcome.value) }
/// ```
package final class SymbolicPolicy {
    package let policy: CheckedPolicy
    package let parameters: [Value?]
    package let trees: [DecisionTree?]
    package let space: FactSpace
    package let folder: ParameterFolder
    package let printer: ExpressionPrinter
    package let constants: ConstantEvaluation
    package var partitions: [Int: [Piece]] = [:]
    package var foldedDefinitions: [Int: Expression] = [:]
    /// Values and verdicts worked out so far, and characters of open values written.
    package var steps = 0
    /// What was being worked out when the steps ran out (`of \`d\``) and where it is written.
    package var exhaustedIn: (what: ConditionPlace, span: SourceSpan?)?

    /// The most steps one period's analysis may take. The policies we know take under
    /// 20 000; conditions that combine into exponentially many cases would never finish.
    package static let maximumSteps = 250_000

    /// Whether the steps ran out: every value and verdict since is a stand-in, so the
    /// findings of this analysis mean nothing.
    package var exhausted: Bool { steps > SymbolicPolicy.maximumSteps }

    /// Counts `count` steps; true when the steps have run out.
    package func spend(_ count: Int = 1) -> Bool {
        steps += count
        return exhausted
    }

    package init(policy: CheckedPolicy, parameters: [Value?], trees: [DecisionTree?], space: FactSpace) {
        self.policy = policy
        self.parameters = parameters
        self.trees = trees
        self.space = space
        folder = ParameterFolder(policy: policy, parameters: parameters)
        printer = ExpressionPrinter(policy: policy)
        constants = ConstantEvaluation(policy: policy, parameters: parameters, date: space.from)
    }

    package convenience init(policy: CheckedPolicy, epoch: PolicyEpoch, space: FactSpace) {
        self.init(policy: policy, parameters: epoch.parameters, trees: epoch.trees, space: space)
    }

    /// The pieces of the fact space and what the decision gives in each.
    package func partition(of decision: Int) -> [Piece] {
        if let known = partitions[decision] { return known }
        let pieces = RegionMerger.merge(computePartition(of: decision), in: space)
        if exhausted && exhaustedIn == nil { exhaustedIn = (.decision(policy.decisions[decision].name), policy.decisions[decision].span) }
        partitions[decision] = pieces
        return pieces
    }

    /// The pieces of `partition(of:)` within `region`.
    package func partition(of decision: Int, within region: Region) -> [Piece] {
        partition(of: decision).compactMap { piece in
            piece.region.intersection(region, in: space).map { Piece(region: $0, outcome: piece.outcome) }
        }
    }

    package func computePartition(of decision: Int) -> [Piece] {
        let declaration = policy.decisions[decision]
        switch declaration.body {
        case .table(let table):
            guard let tree = trees[decision] else { return [] }
            return walk(tree, from: tree.root, in: .everything).flatMap { region, matched -> [Piece] in
                switch matched {
                case .faults(let kind): return [Piece(region: region, outcome: Outcome(value: .fault(kind), rules: []))]
                case .rules(let rules): return outcome(of: table, type: declaration.type, matched: rules, in: region)
                }
            }
        case .formula(let rule):
            return values(of: folder.fold(rule.output), in: .everything).map { Piece(region: $0.0, outcome: Outcome(value: $0.1, rules: [0])) }
        case .apportionment(let apportionment):
            return split(apportionment, type: declaration.type, in: .everything).map { Piece(region: $0.0, outcome: Outcome(value: $0.1, rules: [0])) }
        }
    }

    package enum Leaf {
        case rules([Int])
        case faults(EvaluationFault.Kind)
    }

    /// The leaves a region reaches in a tree, each with the part of the region that reaches it.
    package func walk(_ tree: DecisionTree, from node: Int, in region: Region) -> [(Region, Leaf)] {
        switch tree.nodes[node] {
        case .leaf(let rules):
            return [(region, .rules(rules))]
        case .test(let atom, let ifTrue, let ifFalse):
            return verdicts(of: tree.atoms[atom].expression, in: region).flatMap { part, verdict -> [(Region, Leaf)] in
                switch verdict {
                case .holds(let answer): return walk(tree, from: answer ? ifTrue : ifFalse, in: part)
                case .faults(let kind): return [(part, .faults(kind))]
                }
            }
        }
    }

    /// The nodes of a tree some person of `region` reaches.
    package func reachableNodes(of decision: Int, in region: Region = .everything) -> Set<Int> {
        guard let tree = trees[decision] else { return [] }
        var reached = Set<Int>()
        func visit(_ node: Int, _ region: Region) {
            reached.insert(node)
            if case .test(let atom, let ifTrue, let ifFalse) = tree.nodes[node] {
                for (part, verdict) in verdicts(of: tree.atoms[atom].expression, in: region) {
                    if case .holds(let answer) = verdict { visit(answer ? ifTrue : ifFalse, part) }
                }
            }
        }
        visit(tree.root, region)
        return reached
    }

    /// The value of a table for the rules matched in a region, as the evaluators give it.
    package func outcome(of table: RuleTable, type: ValueType, matched: [Int], in region: Region) -> [Piece] {
        let elseIndex = table.rules.count
        switch table.hitPolicy {
        case .first, .unique:
            if matched.count > 1 { return [Piece(region: region, outcome: Outcome(value: .fault(.conflictingRules), rules: matched))] }
            let rule: Int
            if let first = matched.first {
                rule = first
            } else if table.otherwise != nil {
                rule = elseIndex
            } else {
                return [Piece(region: region, outcome: Outcome(value: .fault(.noRuleMatched), rules: []))]
            }
            let output = rule == elseIndex ? table.otherwise!.output : table.rules[rule].output
            return values(of: folder.fold(output), in: region).map { Piece(region: $0.0, outcome: Outcome(value: $0.1, rules: [rule])) }
        case .collect:
            var rules = matched
            if rules.isEmpty, table.otherwise != nil { rules = [elseIndex] }
            let allRules = table.rules + (table.otherwise.map { [$0] } ?? [])
            let outputs = rules.map { folder.fold(allRules[$0].output) }
            guard case .list(let element) = type else { return [] }
            return combine(outputs, in: region).map { part, items -> Piece in
                if let fault = items.lazy.compactMap(\.fault).first { return Piece(region: part, outcome: Outcome(value: .fault(fault), rules: rules)) }
                var list: [Value] = []
                var open = false
                for (position, item) in items.enumerated() {
                    guard let value = item.known else { open = true; break }
                    if allRules[rules[position]].outputIsList, case .list(let values) = value { list.append(contentsOf: values) } else { list.append(value) }
                }
                if open {
                    let text = "[" + items.map(\.text).joined(separator: ", ") + "]"
                    return Piece(region: part, outcome: Outcome(value: .open(.list([], element: element), text: text), rules: rules))
                }
                return Piece(region: part, outcome: Outcome(value: .known(.list(list), type: type), rules: rules))
            }
        }
    }

    /// The split of an apportionment, known where its total and shares are known.
    package func split(_ apportionment: Apportionment, type: ValueType, in region: Region) -> [(Region, SymbolicValue)] {
        let shares = apportionment.payers.map { $0.share.map(folder.fold) ?? .constant(.decimal(.zero), .decimal) }
        return combine([folder.fold(apportionment.total)] + shares, in: region).map { part, items -> (Region, SymbolicValue) in
            if let fault = items.lazy.compactMap(\.fault).first { return (part, .fault(fault)) }
            let numbers = items.map { $0.known?.decimalValue }
            if let total = numbers[0], numbers.allSatisfy({ $0 != nil }) {
                let given = apportionment.payers.indices.map { $0 == apportionment.remainderPayer ? nil : numbers[$0 + 1] }
                do throws(EvaluationFault) {
                    let parts = try apportionment.split(total: total, shares: given)
                    return (part, .known(.record(parts.map(Value.decimal)), type: type))
                } catch {
                    return (part, .fault(error.kind))
                }
            }
            let payers = zip(apportionment.payers, items.dropFirst()).map { payer, share in
                payer.share == nil ? "\(payer.name) remainder" : "\(payer.name) \(share.text)"
            }
            return (part, .open(.constant(.bool(false), .bool), text: "split \(items[0].text): " + payers.joined(separator: ", ")))
        }
    }

    /// A definition's expression with the period's parameters in place.
    package func folded(definition index: Int) -> Expression {
        if let known = foldedDefinitions[index] { return known }
        let expression = folder.fold(policy.definitions[index].expression)
        foldedDefinitions[index] = expression
        return expression
    }
}
