import PolicyCompiler
import PolicyModel
import PolicyRuntime

extension LoadedPolicy {
    /// What `check` reports beyond errors: dead rules, gaps, overlaps, rules whose order
    /// decides, conditions that never change, unused declarations. Every example person is
    /// evaluated again; one that does not show its finding is said to be unconfirmed.
    public func findings(asOf date: CivilDate? = nil) -> [PolicyFinding] {
        PolicyFindings.find(in: compiled, asOf: date).map { finding in
            guard finding.example != nil, reproduces(finding) == false else { return finding }
            let diagnostic = finding.diagnostic
            let help = (diagnostic.help ?? "") + " (the example could not be confirmed by evaluating it: the finding rests on a test the analysis cannot split exactly)"
            return PolicyFinding(kind: finding.kind, diagnostic: Diagnostic(diagnostic.severity, diagnostic.message, at: diagnostic.span, help: help),
                                 decision: finding.decision, rules: finding.rules, shadowing: finding.shadowing, example: nil, name: finding.name)
        }
    }

    /// The example person's facts in this policy's input order.
    public func facts(of example: ExamplePerson) -> Facts? {
        var values: [Value] = []
        for input in checked.inputs {
            guard let value = example.value(of: input.name) else { return nil }
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
        let name = checked.decisions[decision].name
        let evaluation: Evaluation
        do {
            evaluation = try evaluator.evaluate(facts, on: example.date)
        } catch {
            guard case .fault(let fault) = error, fault.message.contains("`\(name)`") else { return false }
            switch finding.kind {
            case .gap: return fault.kind == .noRuleMatched
            case .overlap: return fault.kind == .conflictingRules
            default: return false
            }
        }
        let fired = evaluation.results[decision].firedRules
        switch finding.kind {
        case .deadRule:
            return holds(finding.rules[0], of: decision, for: facts, evaluation) && fired.allSatisfy(finding.shadowing.contains) && !fired.isEmpty
        case .orderMatters:
            return finding.rules.allSatisfy { holds($0, of: decision, for: facts, evaluation) } && fired == [finding.rules[0]]
        default:
            return false
        }
    }

    /// Whether a rule's condition holds for a person, the other decisions taken from an evaluation.
    public func holds(_ rule: Int, of decision: Int, for facts: Facts, _ evaluation: Evaluation) -> Bool {
        guard let condition = checked.decisions[decision].rules[rule].condition else { return true }
        let frame = EvaluationFrame(program: checked.program, inputs: facts.values, parameters: checked.parameterValues(on: evaluation.date),
                                    date: evaluation.date, decisions: KnownDecisions(evaluation.results))
        return (try? condition.evaluateBool(in: frame)) ?? false
    }
}

/// Decisions already computed by an evaluation, served to an expression that reads them.
final class KnownDecisions: DecisionEvaluating {
    let results: [DecisionResult]

    init(_ results: [DecisionResult]) { self.results = results }

    func evaluateDecision(_ index: Int, in frame: EvaluationFrame) throws(EvaluationFault) -> (Value, [Int]) {
        (results[index].value, results[index].firedRules)
    }
}
