import PolicyModel
import RecordFormats

extension Evaluation {
    /// `{"id":…, "policy":{…}, "as_of":…, "decisions":{…}}` with only public decisions.
    package func json(policy: CheckedPolicy, traces: [DecisionTrace]? = nil) -> JSONText.Node {
        var entries: [(String, JSONText.Node)] = []
        if let personID { entries.append(("id", .string(personID))) }
        entries.append(("policy", JSONText.policy(self.policy)))
        entries.append(("as_of", .string(date.description)))
        let decisions: [(String, JSONText.Node)] = results.compactMap { result in
            let decision = policy.decisions[result.decision]
            guard decision.isPublic else { return nil }
            return (decision.name, JSONText.value(result.value, type: decision.type))
        }
        entries.append(("decisions", .object(decisions)))
        if let traces {
            entries.append(("trace", .array(traces.map { $0.json })))
        }
        return .object(entries)
    }
}

extension DecisionTrace {
    package var json: JSONText.Node {
        .object([
            ("decision", .string(decision)),
            ("label", .string(label)),
            ("value", JSONText.value(value, type: type)),
            ("rules", .array(rules.map { rule in
                var entries: [(String, JSONText.Node)] = [("id", .string(rule.id)), ("reason", .string(rule.reason))]
                if let source = rule.source { entries.append(("source", .string(source))) }
                if let note = rule.note { entries.append(("note", .string(note))) }
                entries.append(("location", .string(rule.location.description)))
                return .object(entries)
            })),
            ("read", .object(read.map { ($0.name, JSONText.value($0.value, type: $0.type)) })),
        ])
    }
}
