import PolicyModel
import PolicyCompiler
import RecordFormats

/// A readable explanation of an evaluation, in Chinese, for a policy officer or a
/// caseworker: each decision, its value, the rule and its reason, the clause cited,
/// and the facts that led there.
package enum ExplanationText {
    package static func render(_ evaluation: Evaluation, traces: [DecisionTrace], policy: CheckedPolicy) -> String {
        var lines: [String] = []
        let who = evaluation.personID.map { "人员 \($0)，" } ?? ""
        lines.append("\(who)评估日期 \(evaluation.date)，政策 \(policy.metadata.title)（\(policy.metadata.id) 版本 \(policy.metadata.version)）")
        for trace in traces {
            guard let index = policy.decisionIndex(named: trace.decision), policy.decisions[index].isPublic else { continue }
            lines.append("")
            lines.append("■ \(trace.label)（\(trace.decision)）：\(display(trace.value, trace.type))")
            for rule in trace.rules {
                lines.append("  依据：\(rule.reason)")
                if let source = rule.source { lines.append("  出处：\(source)") }
                if let note = rule.note { lines.append("  说明：\(note)") }
                lines.append("  规则：\(rule.id)（\(rule.location)）")
            }
            if !trace.read.isEmpty {
                lines.append("  所读事实：" + trace.read.map { "\($0.label)=\(display($0.value, $0.type))" }.joined(separator: "，"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A value with enum labels where the policy gives them (`无偿服务 (free)`).
    package static func display(_ value: Value, _ type: ValueType) -> String {
        switch (value, type) {
        case (.bool(let v), _): return v ? "是" : "否"
        case (.decimal(let v), _): return v.formatted(places: 2)
        case (.enumCase(let index), .enumeration(let enumType)):
            let name = index < enumType.cases.count ? enumType.cases[index] : "?"
            if index < enumType.labels.count, let label = enumType.labels[index] { return "\(label)（\(name)）" }
            return name
        case (.list(let items), .list(let element)):
            return items.isEmpty ? "（无）" : items.map { display($0, element) }.joined(separator: "、")
        case (.record(let fields), .record(let record)):
            return zip(record.fields, fields).map { "\($0.name) \(display($1, $0.type))" }.joined(separator: "，")
        default: return value.display(as: type)
        }
    }
}
