import PolicyModel
import PolicyCompiler

/// The findings about each rule table in one period: rules that never fire, persons no
/// rule covers, rules of a `unique` table that overlap, and rules of a `first` table
/// whose order decides a person's value.
package struct TableFindings {
    package let symbolic: SymbolicPolicy
    package var policy: CheckedPolicy { symbolic.policy }
    package var space: FactSpace { symbolic.space }

    package func all() -> [PolicyFinding] {
        policy.decisions.indices.flatMap { index -> [PolicyFinding] in
            guard case .table(let table) = policy.decisions[index].body, symbolic.trees[index] != nil else { return [] }
            let before = symbolic.exhausted
            let found = findings(decision: index, table: table)
            if !before && symbolic.exhausted {
                symbolic.exhaustedIn = symbolic.exhaustedIn ?? (.decision(policy.decisions[index].name), policy.decisions[index].span)
            }
            return found
        }
    }

    package func findings(decision index: Int, table: RuleTable) -> [PolicyFinding] {
        let decision = policy.decisions[index]
        let pieces = symbolic.partition(of: index)
        // Before its parameters are in force a table cannot be evaluated at all: nothing to say.
        if pieces.contains(where: { $0.outcome.value.fault == .parameterNotInForce }) { return [] }
        let fired = Set(pieces.flatMap(\.outcome.rules))
        var findings: [PolicyFinding] = []
        for (position, rule) in table.rules.enumerated() where !fired.contains(position) {
            let holds = symbolic.regionsWhere(decision: index, rule: position)
            if holds.isEmpty || table.hitPolicy != .first {
                findings.append(PolicyFinding(kind: .neverMatches, diagnostic: .finding(.warning,
                    .neverMatches(rule: rule.id, decision: decision.name, condition: rule.conditionText ?? ""), at: rule.span, help: .checkConditionRanges), decision: index, rules: [position]))
                continue
            }
            findings.append(deadRule(position, of: table, decision: index, holds: holds, pieces: pieces))
        }
        if let otherwise = table.otherwise, !fired.contains(table.rules.count) {
            findings.append(PolicyFinding(kind: .deadElse, diagnostic: .finding(.warning,
                .deadElse(decision: decision.name), at: otherwise.span, help: .removeOrKeepElse), decision: index, rules: [table.rules.count]))
        }
        findings += gaps(in: pieces, decision: index)
        findings += overlaps(in: pieces, table: table, decision: index)
        if table.hitPolicy == .first { findings += orderNotes(table: table, decision: index, pieces: pieces, fired: fired) }
        return findings
    }

    package func example(_ region: Region) -> ExamplePerson? { ExamplePerson.make(for: region, in: space) }

    package func describe(_ person: ExamplePerson?) -> ExampleText {
        person?.text ?? .somePerson
    }

    package func deadRule(_ position: Int, of table: RuleTable, decision index: Int, holds: [Region], pieces: [Piece]) -> PolicyFinding {
        let decision = policy.decisions[index]
        var shadowing = Set<Int>()
        var witness: (Region, Int)?
        for region in holds {
            for piece in pieces {
                guard let both = piece.region.intersection(region, in: space) else { continue }
                shadowing.formUnion(piece.outcome.rules)
                if witness == nil, let first = piece.outcome.rules.first { witness = (both, first) }
            }
        }
        let names = shadowing.sorted().map { ruleID(table, $0) }
        let person = witness.flatMap { example($0.0) }
        let rule = table.rules[position]
        return PolicyFinding(kind: .deadRule, diagnostic: .finding(.warning,
            .deadRule(rule: rule.id, decision: decision.name, takenBy: names), at: rule.span,
            help: .moveRuleUp(describe(person), gets: witness.map { ruleID(table, $0.1) } ?? "")),
            decision: index, rules: [position], shadowing: shadowing.sorted(), example: person)
    }

    package func ruleID(_ table: RuleTable, _ index: Int) -> String {
        index < table.rules.count ? table.rules[index].id : "else"
    }

    package func gaps(in pieces: [Piece], decision index: Int) -> [PolicyFinding] {
        let regions = RegionCover.simplify(pieces.filter { $0.outcome.value.fault == .noRuleMatched }.map(\.region), in: space)
        guard let first = regions.first else { return [] }
        let decision = policy.decisions[index]
        let names = RegionText(space: space, policy: policy)
        let labels = RegionText(space: space, policy: policy, useLabels: true)
        let shown = RegionList(zhCN: regions.prefix(5).map(labels.describe), en: regions.prefix(5).map(names.describe), more: max(regions.count - 5, 0))
        return [PolicyFinding(kind: .gap, diagnostic: .finding(.warning,
            .gap(decision: decision.name, regions: shown), at: decision.span,
            help: .addElseRow(describe(example(first)))), decision: index, example: example(first))]
    }

    package func overlaps(in pieces: [Piece], table: RuleTable, decision index: Int) -> [PolicyFinding] {
        var seen = Set<[Int]>()
        return pieces.compactMap { piece -> PolicyFinding? in
            guard piece.outcome.value.fault == .conflictingRules, piece.outcome.rules.count >= 2 else { return nil }
            let pair = Array(piece.outcome.rules.prefix(2))
            guard seen.insert(pair).inserted else { return nil }
            return Self.overlap(pair, table: table, decision: policy.decisions[index], index: index, example: example(piece.region))
        }
    }

    /// The finding for two rules of a `unique` table that both match `example`.
    package static func overlap(_ pair: [Int], table: RuleTable, decision: DecisionDeclaration, index: Int, example: ExamplePerson?) -> PolicyFinding {
        return PolicyFinding(kind: .overlap, diagnostic: .finding(.error,
            .overlap(rules: pair.map { table.rules[$0].id }, decision: decision.name), at: table.rules[pair[1]].span,
            help: .makeExclusive(example?.text)), decision: index, rules: pair, example: example)
    }
}
