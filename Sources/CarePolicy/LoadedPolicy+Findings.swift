import PolicyCompiler
import PolicyModel
import PolicyRuntime
import PolicySyntax
import PolicyCheck
import PolicyAnalysis
import RecordFormats

extension LoadedPolicy {
    /// What `check` reports beyond errors: dead rules, gaps, overlaps, rules whose order
    /// decides, conditions that never change, unused declarations. Every example person is
    /// evaluated again; one that does not show its finding is said to be unconfirmed.
    public func findings(asOf date: CivilDate? = nil) -> [PolicyFinding] {
        PolicyFindings.find(in: compiled, asOf: date).map { finding in
            guard finding.example != nil, reproduces(finding) == false else { return finding }
            let diagnostic = finding.diagnostic
            let help = Message.finding(.unconfirmed(diagnostic.help))
            return PolicyFinding(kind: finding.kind, diagnostic: Diagnostic(diagnostic.severity, diagnostic.message, at: diagnostic.span, help: help),
                                 decision: finding.decision, rules: finding.rules, shadowing: finding.shadowing, example: nil, name: finding.name)
        }
    }

    /// The example person's facts in this policy's input order.
    package func facts(of example: ExamplePerson) -> Facts? {
        let byName = Dictionary(zip(example.names, example.values)) { first, _ in first }
        var values: [Value] = []
        for input in checked.inputs {
            guard let value = byName[input.name] else { return nil }
            values.append(value)
        }
        return Facts(values: values, id: nil)
    }

    /// Whether evaluating the finding's example person shows the finding: the dead rule
    /// matches and a shadowing rule fires; both overlapping rules match; no rule matches;
    /// nil when the finding has no example.
    public func reproduces(_ finding: PolicyFinding) -> Bool? {
        guard let example = finding.example, let decision = finding.decision else { return nil }
        guard let facts = facts(of: example) else { return false }
        let outcome: (result: DecisionResult, frame: EvaluationFrame)
        do {
            outcome = try evaluator.evaluate(decision: decision, for: facts, on: example.date)
        } catch {
            guard case .fault(let fault) = error, fault.message.contains("`\(checked.decisions[decision].name)`") else { return false }
            switch finding.kind {
            case .gap: return fault.kind == .noRuleMatched
            case .overlap: return fault.kind == .conflictingRules && fault.span == checked.decisions[decision].rules[finding.rules[1]].span
            default: return false
            }
        }
        let fired = outcome.result.firedRules
        switch finding.kind {
        case .deadRule:
            return holds(finding.rules[0], of: decision, in: outcome.frame) && !fired.isEmpty && fired.allSatisfy(finding.shadowing.contains)
        case .orderMatters:
            return finding.rules.allSatisfy { holds($0, of: decision, in: outcome.frame) } && fired == [finding.rules[0]]
        default:
            return false
        }
    }

    /// Whether a rule's condition holds in an evaluation's frame (other decisions computed as needed).
    package func holds(_ rule: Int, of decision: Int, in frame: EvaluationFrame) -> Bool {
        guard let condition = checked.decisions[decision].rules[rule].condition else { return true }
        return (try? condition.evaluateBool(in: frame)) ?? false
    }
}

