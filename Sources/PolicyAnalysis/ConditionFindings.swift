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
        func scan(_ expression: Expression, at span: SourceSpan, in place: ConditionPlace) {
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
                findings.append(PolicyFinding(kind: kind, diagnostic: .finding(.warning,
                    .constantCondition(condition: text, place, truth: truth, ranges: reason(part)), at: span,
                    help: truth ? .dropCondition : .neverApplies)))
            }
        }
        for definition in policy.definitions {
            scan(definition.expression, at: definition.span, in: .within(.definition(definition.name)))
        }
        for decision in policy.decisions {
            for rule in decision.rules {
                if let condition = rule.condition { scan(condition, at: rule.span, in: .within(.ruleCondition(rule: rule.id, decision: decision.name))) }
                scan(rule.output, at: rule.span, in: .within(.decisionValue(decision.name)))
            }
            if case .apportionment(let apportionment) = decision.body {
                for payer in apportionment.payers { if let share = payer.share { scan(share, at: payer.span, in: .within(.share(payer.name))) } }
            }
        }
        return findings
    }

    /// `: ability_level is 0 to 4` — the range that settles it, when one fact does.
    package func reason(_ expression: Expression) -> [RangeReason] {
        var subjects: [Subject] = []
        expression.forEach { part in
            if let subject = symbolic.subjectOf(part), !subjects.contains(subject) { subjects.append(subject) }
        }
        let text = RegionText(space: symbolic.space, policy: policy)
        return subjects.compactMap { subject -> RangeReason? in
            switch symbolic.space.fullDomain(subject) {
            case .numbers(let bounds):
                let low = bounds.lower.map { text.display($0.value, subject) }
                let high = bounds.upper.map { text.display($0.value, subject) }
                switch (low, high) {
                case (let low?, let high?): return .between(text.name(of: subject), low: low, high: high)
                case (let low?, nil): return .atLeast(text.name(of: subject), low)
                case (nil, let high?): return .atMost(text.name(of: subject), high)
                default: return nil
                }
            case .cases:
                guard case .fact(let name) = subject, case .enumeration(let enumType)? = symbolic.space.input(named: name)?.type else { return nil }
                return .oneOf(name, enumType.cases)
            default: return nil
            }
        }
    }
}
