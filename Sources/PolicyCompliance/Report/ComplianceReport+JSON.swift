import PolicyModel
import RecordFormats

extension ComplianceReport {
    /// `{"policy": {…}, "period": {"from", "to"}, "elders": {ID: {"village": V, "requirements":
    /// {REQ: {"windows", "met", "missed": [LABELS]}}}}, "villages": {V: {"elders", "fully_compliant",
    /// "requirements": {REQ: {"windows", "met"}}}}, "refused": [{"line", "reason"}], "spot_check":
    /// {WINDOW: [IDS]}}` — `village(s)` named by the policy's `group_by` and `groups`.
    package var json: JSONText.Node {
        var entries: [(String, JSONText.Node)] = [("policy", JSONText.policy(policy)), ("period", periodNode), ("elders", .object(outcomes.map(elderEntry)))]
        if let grouping = compliance.grouping { entries.append((grouping.plural, groupsNode)) }
        entries.append(("refused", refusedNode))
        entries.append(("spot_check", spotCheckNode))
        return .object(entries)
    }

    /// The same text as `JSONText.write(json, pretty:)`, appended to `sink` an elder at a
    /// time and handed to `flush` whenever it passes a megabyte (the rest stays in `sink`):
    /// the text of a township's report, or its tree, is never whole in memory.
    ///
    /// ```swift
    /// var bytes: [UInt8] = []
    /// report.writeJSON(pretty: true, into: &bytes) { output.write($0); $0.removeAll(keepingCapacity: true) }
    /// output.write(bytes)
    /// ```
    package func writeJSON(pretty: Bool, into sink: inout [UInt8], flush: (inout [UInt8]) -> Void) {
        func key(_ name: String, _ position: Int, level: Int) {
            if position > 0 { sink.append(44) }
            if pretty {
                sink.append(10)
                JSONText.indent(level, into: &sink)
            }
            JSONString.appendQuoted(name, to: &sink)
            sink.append(58)
            if pretty { sink.append(32) }
        }
        func value(_ node: JSONText.Node, level: Int) {
            if pretty { JSONText.writePretty(node, level: level, into: &sink) } else { JSONText.writeCompact(node, into: &sink) }
        }
        func close(_ byte: UInt8, level: Int) {
            if pretty {
                sink.append(10)
                JSONText.indent(level, into: &sink)
            }
            sink.append(byte)
        }
        sink.append(123)
        key("policy", 0, level: 1)
        value(JSONText.policy(policy), level: 1)
        key("period", 1, level: 1)
        value(periodNode, level: 1)
        key("elders", 2, level: 1)
        if outcomes.isEmpty {
            sink.appendASCII("{}")
        } else {
            sink.append(123)
            for (position, outcome) in outcomes.enumerated() {
                let (id, node) = elderEntry(outcome)
                key(id, position, level: 2)
                value(node, level: 2)
                if sink.count >= 1 << 20 { flush(&sink) }
            }
            close(125, level: 1)
        }
        var position = 3
        if let grouping = compliance.grouping {
            key(grouping.plural, position, level: 1)
            value(groupsNode, level: 1)
            position += 1
        }
        key("refused", position, level: 1)
        value(refusedNode, level: 1)
        key("spot_check", position + 1, level: 1)
        value(spotCheckNode, level: 1)
        close(125, level: 0)
    }

    var periodNode: JSONText.Node {
        .object([("from", .string(period.from.description)), ("to", .string(period.to.description))])
    }

    /// One elder's id and `{"village": V, "requirements": {REQ: {"windows", "met", "missed"}}}`.
    func elderEntry(_ outcome: ElderOutcome) -> (String, JSONText.Node) {
        let elder = roster.elders[outcome.elder]
        var fields: [(String, JSONText.Node)] = []
        if let grouping = compliance.grouping { fields.append((grouping.name, elder.group.map(JSONText.Node.string) ?? .null)) }
        fields.append(("requirements", .object(zip(compliance.requirements, outcome.tallies).map { requirement, tally in
            (requirement.name, .object([("windows", .integer(Int64(tally.windows))), ("met", .integer(Int64(tally.met))),
                                        ("missed", .array(tally.missed.map { .string($0.label) }))]))
        })))
        return (elder.id, .object(fields))
    }

    var groupsNode: JSONText.Node {
        let requirements = compliance.requirements
        return .object(groups.map { group in
            (group.name, .object([
                ("elders", .integer(Int64(group.elders))),
                ("fully_compliant", .integer(Int64(group.fullyCompliant))),
                ("requirements", .object(requirements.indices.map { index in
                    (requirements[index].name, .object([("windows", .integer(Int64(group.windows[index]))), ("met", .integer(Int64(group.met[index])))]))
                })),
            ]))
        })
    }

    var refusedNode: JSONText.Node {
        .array(refused.map { .object([("line", .integer(Int64($0.line))), ("reason", .string($0.reason))]) })
    }

    var spotCheckNode: JSONText.Node {
        .object(spotCheck.map { ($0.window, .array($0.elders.map(JSONText.Node.string))) })
    }
}
