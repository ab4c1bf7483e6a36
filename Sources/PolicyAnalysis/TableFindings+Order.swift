import PolicyModel
import PolicyCompiler

extension TableFindings {
    /// For each rule of a `first` table, the earlier rules with another value that can
    /// match the same person and win by their place: the order of the table decides.
    package func orderNotes(table: RuleTable, decision index: Int, pieces: [Piece], fired: Set<Int>) -> [PolicyFinding] {
        let decision = policy.decisions[index]
        let holds = table.rules.indices.map { symbolic.regionsWhere(decision: index, rule: $0) }
        // Each pair of rules looks only at the pieces where the earlier one fired alone.
        let piecesOfRule = Dictionary(grouping: pieces.filter { $0.outcome.rules.count == 1 }) { $0.outcome.rules[0] }
        var notes: [PolicyFinding] = []
        for later in table.rules.indices where fired.contains(later) {
            var earlier: [(rule: Int, value: String)] = []
            var witness: (rule: Int, region: Region, value: String, laterValue: String)?
            for rule in 0..<later where fired.contains(rule) {
                guard let found = contest(rule, later, decision: index, holds: holds, pieces: piecesOfRule[rule] ?? []) else { continue }
                earlier.append((rule, found.value))
                if witness == nil { witness = (rule, found.region, found.value, found.laterValue) }
            }
            guard let witness else { continue }
            let laterValue = witness.laterValue
            let names = earlier.map { RuleValue(rule: table.rules[$0.rule].id, value: $0.value) }
            let person = example(witness.region)
            let help = FindingMessage.orderDecides(describe(person), first: table.rules[witness.rule].id, later: table.rules[later].id, value: witness.value)
            notes.append(PolicyFinding(kind: .orderMatters, diagnostic: .finding(.note,
                .orderMatters(rule: table.rules[later].id, value: laterValue, decision: decision.name, earlier: names),
                at: table.rules[later].span, help: help), decision: index, rules: [witness.rule, later], example: person))
        }
        return notes
    }

    /// Where `rule` fires although `later` matches too and would give another value.
    package func contest(_ rule: Int, _ later: Int, decision index: Int, holds: [[Region]], pieces: [Piece]) -> (region: Region, value: String, laterValue: String)? {
        for piece in pieces where piece.outcome.rules == [rule] {
            for a in holds[later] {
                guard let both = piece.region.intersection(a, in: space) else { continue }
                for (part, value) in symbolic.outputValues(decision: index, rule: later, in: both) where value != piece.outcome.value {
                    return (part, piece.outcome.value.text, value.text)
                }
            }
        }
        return nil
    }
}
