import PolicyModel
import PolicyCompiler

extension SymbolicPolicy {
    /// The parts of `region` where a rule's condition holds (an `else` row always holds).
    package func regionsWhere(decision: Int, rule: Int, holdsIn region: Region = .everything) -> [Region] {
        guard case .table(let table) = policy.decisions[decision].body, rule < table.rules.count,
              let condition = table.rules[rule].condition else { return [region] }
        return verdicts(of: folder.fold(condition), in: region).compactMap { part, verdict in
            verdict == .holds(true) ? part : nil
        }
    }

    /// The value a rule's output takes in the parts of `region`.
    package func outputValues(decision: Int, rule: Int, in region: Region) -> [(Region, SymbolicValue)] {
        let rules = policy.decisions[decision].rules
        guard rule < rules.count else { return [] }
        return values(of: folder.fold(rules[rule].output), in: region)
    }

    /// An expression with the period's parameters in place.
    package func fold(_ expression: Expression) -> Expression { folder.fold(expression) }

    /// Whether a bool expression holds everywhere (true), nowhere (false) or depends (nil).
    package func constantTruth(of expression: Expression) -> Bool? {
        let answers = Set(verdicts(of: folder.fold(expression), in: .everything).map(\.1))
        if answers == [.holds(true)] { return true }
        if answers == [.holds(false)] { return false }
        return nil
    }

    /// The subject an expression stands for, when it is one.
    package func subjectOf(_ expression: Expression) -> Subject? { subject(of: folder.fold(expression)) }
}
