import PolicyModel
import RecordFormats

extension ComplianceReport {
    /// `{"policy": {…}, "period": {"from", "to"}, "elders": {ID: {"village": V, "requirements":
    /// {REQ: {"windows", "met", "missed": [LABELS]}}}}, "villages": {V: {"elders", "fully_compliant",
    /// "requirements": {REQ: {"windows", "met"}}}}, "refused": [{"line", "reason"}], "spot_check":
    /// {WINDOW: [IDS]}}` — `village(s)` named by the policy's `group_by` and `groups`.
    package var json: JSONText.Node {
        let requirements = compliance.requirements
        let grouping = compliance.grouping
        var entries: [(String, JSONText.Node)] = [
            ("policy", JSONText.policy(policy)),
            ("period", .object([("from", .string(period.from.description)), ("to", .string(period.to.description))])),
            ("elders", .object(outcomes.map { outcome in
                let elder = roster.elders[outcome.elder]
                var fields: [(String, JSONText.Node)] = []
                if let grouping { fields.append((grouping.name, elder.group.map(JSONText.Node.string) ?? .null)) }
                fields.append(("requirements", .object(zip(requirements, outcome.tallies).map { requirement, tally in
                    (requirement.name, .object([("windows", .integer(Int64(tally.windows))), ("met", .integer(Int64(tally.met))),
                                                ("missed", .array(tally.missed.map { .string($0.label) }))]))
                })))
                return (elder.id, .object(fields))
            })),
        ]
        if let grouping {
            entries.append((grouping.plural, .object(groups.map { group in
                (group.name, .object([
                    ("elders", .integer(Int64(group.elders))),
                    ("fully_compliant", .integer(Int64(group.fullyCompliant))),
                    ("requirements", .object(requirements.indices.map { index in
                        (requirements[index].name, .object([("windows", .integer(Int64(group.windows[index]))), ("met", .integer(Int64(group.met[index])))]))
                    })),
                ]))
            })))
        }
        entries.append(("refused", .array(refused.map { .object([("line", .integer(Int64($0.line))), ("reason", .string($0.reason))]) })))
        entries.append(("spot_check", .object(spotCheck.map { ($0.window, .array($0.elders.map(JSONText.Node.string))) })))
        return .object(entries)
    }
}
