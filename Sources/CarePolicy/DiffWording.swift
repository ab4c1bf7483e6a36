import PolicyModel
import PolicyRuntime
import PolicyAnalysis

/// How `carepolicy diff` words its report: in Chinese with the policy's labels (the
/// default, for a policy officer), or in English with fact and value codes.
struct DiffWording {
    let english: Bool
    let old: CheckedPolicy
    let new: CheckedPolicy

    var colon: String { english ? ":" : "：" }

    func note(_ text: String) -> String { english ? "note: " + text : "注：" + text }

    func sameAsAbove(_ period: String) -> String { english ? "\(period): the same as above" : "\(period)：同上" }

    /// A decision's value: its label and code in Chinese (`无偿服务（free）`, `是`), its code in English.
    func value(_ value: SymbolicValue, decision: String) -> String {
        guard !english, let known = value.known, let index = new.decisionIndex(named: decision) ?? old.decisionIndex(named: decision) else { return value.text }
        let type = (new.decisionIndex(named: decision).map { new.decisions[$0] } ?? old.decisions[index]).type
        return ExplanationText.display(known, type)
    }

    func header(_ decision: String) -> String {
        if english { return "\(decision):" }
        let label = (new.decisionIndex(named: decision).map { new.decisions[$0].label } ?? old.decisionIndex(named: decision).map { old.decisions[$0].label }) ?? decision
        return "\(decision)（\(label)）："
    }

    func render(_ findings: [PolicyComparison.Finding], examples: Bool) -> String {
        var lines: [String] = []
        var decision: String?
        for finding in findings {
            let difference = finding.difference
            if difference.decision != decision {
                decision = difference.decision
                lines.append(header(difference.decision))
            }
            let change = "\(value(difference.old, decision: difference.decision)) → \(value(difference.new, decision: difference.decision))"
            lines.append("  \(english ? difference.conditionCodes : difference.condition)\(colon)\(english ? " " : "")\(change)")
            if !difference.exact {
                lines.append("    " + inexact(difference, confirmed: finding.confirmed))
            }
            guard examples, let example = difference.example else { continue }
            let facts = example.shown.isEmpty ? (english ? "any person" : "任何人") : example.json(onlyShown: true)
            var line = english ? "    e.g. \(facts) on \(example.date)" : "    例：\(facts)，评估日期 \(example.date)"
            if let observed = finding.observed, !difference.exact || observed.old != difference.old.text || observed.new != difference.new.text {
                line += english ? " (evaluates to \(observed.old) → \(observed.new))" : "（计算结果为 \(observed.old) → \(observed.new)）"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    func inexact(_ difference: PolicyDiff.Difference, confirmed: Bool) -> String {
        let arithmetic = difference.old.isOpen || difference.new.isOpen
        if english {
            let why = arithmetic
                ? "the values are arithmetic on facts, so only where they differ exactly is not worked out"
                : "the region rests on a test between facts that the analysis treats as independent"
            return "not exact: \(why); " + (confirmed ? "this example does differ" : "no example was found that differs")
        }
        let why = arithmetic ? "取值是对事实的算术，未精确算出两者在何处不同" : "该区域依赖一个比较两个事实的条件，分析把它当作独立的是非条件"
        return "非精确：\(why)；" + (confirmed ? "此例确有不同" : "未找到确有不同的例子")
    }

    /// The changes of the ledger, approval steps and programs, under one heading per section.
    func render(_ changes: [DeclarationDiff.Change]) -> [String] {
        var lines: [String] = []
        for section in DeclarationDiff.Section.allCases {
            let inSection = changes.filter { $0.section == section }
            if inSection.isEmpty { continue }
            lines.append(english ? "\(section.rawValue):" : ["ledger": "账本：", "approval": "审批流程：", "programs": "名额项目："][section.rawValue]!)
            for change in inSection {
                let absent = english ? "(none)" : "（无）"
                var line = "  \(english ? change.whatCodes : change.what)\(colon)\(english ? " " : "")\(change.before ?? absent) → \(change.after ?? absent)"
                if let from = change.from {
                    let period = change.until.map { english ? "\(from) to \($0)" : "\(from) 至 \($0)" } ?? (english ? "from \(from)" : "自 \(from) 起")
                    line += english ? " (\(period))" : "（\(period)）"
                }
                lines.append(line)
            }
        }
        return lines
    }
}
