import PolicyModel
import RecordFormats
import PolicyRuntime

/// Reading an `Evaluation` by decision name, and writing it as the documented JSON answer
/// or as a readable Chinese explanation.
///
/// ```swift
/// let evaluation = try policy.evaluate(json: facts, on: date)
/// policy.json(of: "service_tier", in: evaluation)       // "\"free\""
/// policy.firedRuleIDs(of: "service_tier", in: evaluation)  // ["free_dibao_cannot_self_care"]
/// print(policy.json(evaluation))                        // {"id":…,"policy":{…},"as_of":…,"decisions":{…}}
/// ```
extension LoadedPolicy {
    /// The names of the policy's public decisions, in file order.
    public var decisionNames: [String] {
        checked.decisions.filter(\.isPublic).map(\.name)
    }

    /// A decision's value as its JSON text (`"160.00"`, `true`, `"free"`, `["a","b"]`), or nil
    /// when the policy has no such decision.
    public func json(of decision: String, in evaluation: Evaluation) -> String? {
        guard let index = checked.decisionIndex(named: decision),
              let result = evaluation.results.first(where: { $0.decision == index }) else { return nil }
        return JSONText.write(JSONText.value(result.value, type: checked.decisions[index].type))
    }

    /// The ids of the rules that fired for a decision (`else` for the else row).
    public func firedRuleIDs(of decision: String, in evaluation: Evaluation) -> [String] {
        guard let index = checked.decisionIndex(named: decision),
              let result = evaluation.results.first(where: { $0.decision == index }) else { return [] }
        let rules = checked.decisions[index].rules
        return result.firedRules.map { $0 < rules.count ? rules[$0].id : "else" }
    }

    /// The answer as other systems receive it: `{"id", "policy": {"id", "version", "hash"},
    /// "as_of", "decisions": {…public decisions…}, "trace": […]}` (the trace when given).
    public func json(_ evaluation: Evaluation, trace: [DecisionTrace]? = nil, pretty: Bool = false) -> String {
        JSONText.write(evaluation.json(policy: checked, traces: trace), pretty: pretty)
    }

    /// A readable explanation in Chinese: each decision, the rules that fired with their
    /// reasons and the clauses they cite, and the facts they read.
    public func explanation(_ evaluation: Evaluation, trace: [DecisionTrace]) -> String {
        ExplanationText.render(evaluation, traces: trace, policy: checked)
    }
}
