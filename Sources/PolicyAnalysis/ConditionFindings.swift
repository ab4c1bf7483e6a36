import PolicyModel
import PolicyCompiler

/// Comparisons that come out the same for every valid person, given the types, ranges
/// and enum values of the facts and the parameters in force (`ability_level > 4` when
/// the level runs from 0 to 4).
package struct ConditionFindings {
    package let symbolic: SymbolicPolicy
    package var policy: CheckedPolicy { symbolic.policy }

    package func all() -> [PolicyFinding] {
        var findings: [PolicyFinding] = []
        var seen = Set<String>()
        func scan(_ expression: Expression, at span: SourceSpan, in place: String) {
            expression.forEach { part in
                switch part {
                case .compare, .member: break
                default: return
                }
                let before = symbolic.exhausted
                let truth = symbolic.constantTruth(of: part)
                if !before && symbolic.exhausted { symbolic.exhaustedIn = symbolic.exhaustedIn ?? (place, span) }
                guard let truth else { return }
                let text = ExpressionPrinter(policy: policy).print(symbolic.fold(part))
                guard seen.insert("\(span) \(text)").inserted else { return }
                let kind: PolicyFinding.Kind = truth ? .alwaysTrue : .alwaysFalse
                findings.append(PolicyFinding(kind: kind, diagnostic: .warning(
                    "condition `\(text)` \(place) is always \(truth ? "true" : "false")\(reason(part))", at: span,
                    help: truth ? "drop the condition, or check the figure it compares with" : "the rule or branch using it can never apply; check the figure it compares with")))
            }
        }
        for definition in policy.definitions {
            scan(definition.expression, at: definition.span, in: "in definition `\(definition.name)`")
        }
        for decision in policy.decisions {
            for rule in decision.rules {
                if let condition = rule.condition { scan(condition, at: rule.span, in: "in rule `\(rule.id)` of `\(decision.name)`") }
                scan(rule.output, at: rule.span, in: "in the value of `\(decision.name)`")
            }
            if case .apportionment(let apportionment) = decision.body {
                for payer in apportionment.payers { if let share = payer.share { scan(share, at: payer.span, in: "in the share of `\(payer.name)`") } }
            }
        }
        return findings
    }

    /// `: ability_level is 0 to 4` — the range that settles it, when one fact does.
    package func reason(_ expression: Expression) -> String {
        var subjects: [Subject] = []
        expression.forEach { part in
            if let subject = symbolic.subjectOf(part), !subjects.contains(subject) { subjects.append(subject) }
        }
        let text = RegionText(space: symbolic.space, policy: policy)
        let ranges = subjects.compactMap { subject -> String? in
            switch symbolic.space.fullDomain(subject) {
            case .numbers(let bounds):
                let low = bounds.lower.map { text.display($0.value, subject) }
                let high = bounds.upper.map { text.display($0.value, subject) }
                switch (low, high) {
                case (let low?, let high?): return "`\(text.name(of: subject))` is \(low) to \(high)"
                case (let low?, nil): return "`\(text.name(of: subject))` is at least \(low)"
                case (nil, let high?): return "`\(text.name(of: subject))` is at most \(high)"
                default: return nil
                }
            case .cases:
                guard case .fact(let name) = subject, case .enumeration(let enumType)? = symbolic.space.input(named: name)?.type else { return nil }
                return "`\(name)` is one of \(enumType.cases.joined(separator: ", "))"
            default: return nil
            }
        }
        return ranges.isEmpty ? "" : ": " + ranges.joined(separator: "; ")
    }
}
