import PolicyCompiler
import PolicyModel
import PolicyRuntime
import PolicySyntax
import PolicyCheck
import PolicyAnalysis
import RecordFormats

/// `carepolicy explain --why-not decision=value`: the smallest changes of a person's facts
/// that would give the decision that value, each re-evaluated to confirm it, with the rule
/// that would then fire, written in Chinese.
public struct WhyNotAnswer: Sendable {
    /// One confirmed way to the wanted value.
    public struct Way: Sendable {
        package let option: WhyNot.Option
        /// The rule that fires when the person, changed, is evaluated.
        package let firedRule: Rule?
        public let confirmed: Bool
    }

    public let decision: Int
    public let target: Value
    public let current: Value?
    public let date: CivilDate
    public let personID: String?
    public let ways: [Way]
    package let policy: LoadedPolicy

    /// `service_tier=free` as a decision and one of its values.
    package static func parse(_ question: String, in policy: CheckedPolicy) throws(AnalysisError) -> (decision: Int, value: Value) {
        let parts = question.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw AnalysisError("write the question as DECISION=VALUE, e.g. service_tier=free") }
        guard let index = policy.decisionIndex(named: parts[0]) else {
            let hint = NameSuggestion.closest(to: parts[0], in: policy.decisions.map(\.name)).map { "; did you mean `\($0)`?" } ?? ""
            throw AnalysisError("no decision `\(parts[0])` in policy `\(policy.metadata.id)`\(hint)")
        }
        let type = policy.decisions[index].type
        let text = parts[1]
        let value: Value?
        switch type {
        case .bool: value = text == "true" ? .bool(true) : (text == "false" ? .bool(false) : nil)
        case .integer: value = Int64(text).map(Value.integer)
        case .decimal: value = ExactDecimal(text).map(Value.decimal)
        case .enumeration(let enumType): value = enumType.index(of: text).map(Value.enumCase)
        default: value = nil
        }
        guard let value else {
            var allowed = type.description
            if case .enumeration(let enumType) = type { allowed = enumType.cases.joined(separator: ", ") }
            throw AnalysisError("`\(text)` is not a value of `\(parts[0])` (\(allowed))")
        }
        return (index, value)
    }

    public init(policy: LoadedPolicy, facts: Facts, on date: CivilDate, decision: Int, target: Value) {
        self.policy = policy
        self.decision = decision
        self.target = target
        self.date = date
        personID = facts.id
        current = try? policy.evaluator.evaluate(facts, on: date).results[decision].value
        var person: [String: Value] = [:]
        for (input, value) in zip(policy.checked.inputs, facts.values) { person[input.name] = value }
        let options = current == target ? [] : WhyNot.options(for: policy.compiled, decision: decision, target: target, person: person, on: date)
        ways = options.map { option in
            guard let changed = policy.facts(of: option.person),
                  let evaluation = try? policy.evaluator.evaluate(Facts(values: changed.values, id: facts.id), on: option.date) else {
                return Way(option: option, firedRule: nil, confirmed: false)
            }
            let result = evaluation.results[decision]
            let rules = policy.checked.decisions[decision].rules
            return Way(option: option, firedRule: result.firedRules.first.flatMap { $0 < rules.count ? rules[$0] : nil }, confirmed: result.value == target)
        }
    }

    /// The answer in Chinese.
    public var text: String {
        let checked = policy.checked
        let declaration = checked.decisions[decision]
        let who = personID.map { "人员 \($0) " } ?? "此人"
        let wanted = Self.display(target, declaration.type)
        var lines: [String] = []
        let now = current.map { Self.display($0, declaration.type) } ?? "（无法评估）"
        if current == target {
            return "\(who)于 \(date) 的\(declaration.label)（\(declaration.name)）已经是 \(wanted)，无需改变。"
        }
        lines.append("\(who)于 \(date) 的\(declaration.label)（\(declaration.name)）为 \(now)，不是 \(wanted)。")
        let confirmed = ways.filter(\.confirmed)
        if confirmed.isEmpty {
            lines.append("没有找到能得到 \(wanted) 的事实改变（出生日期等不能改变的事实只随评估日期推移）。")
            return lines.joined(separator: "\n")
        }
        lines.append("得到 \(wanted) 的最少改变：")
        let space = (try? FactSpace(policies: [checked], from: date, until: nil))
        for (number, way) in confirmed.enumerated() {
            var parts: [String] = []
            if let space {
                let text = RegionText(space: space, policy: checked, useLabels: true)
                for (subject, required) in way.option.waited {
                    if case .age = subject, case .numbers(let bounds) = required, let lower = bounds.lower {
                        parts.append("自 \(way.option.date) 起，\(text.name(of: subject))满 \(lower.value)")
                    } else {
                        parts.append("自 \(way.option.date) 起")
                    }
                }
                for change in way.option.changes {
                    let input = space.input(named: change.subject.description)
                    let type = input?.type ?? .bool
                    parts.append("\(text.name(of: change.subject))由 \(Self.display(change.current, type)) 改为 \(Self.requirement(change.required, type: type, chosen: change.chosen))")
                }
            }
            lines.append("\(number + 1). " + parts.joined(separator: "；"))
            if let rule = way.firedRule {
                lines.append("   将适用规则 \(rule.id)（\(rule.span)）：\(rule.reason)")
            }
        }
        if confirmed.contains(where: { !$0.option.waited.isEmpty }) {
            lines.append("（出生日期不能改变，年龄只随评估日期增长。）")
        }
        return lines.joined(separator: "\n")
    }

    /// What a changed fact must become: `2 及以上（例如 2）`, `是`, `低保、低保边缘户之一`.
    package static func requirement(_ domain: Domain, type: ValueType, chosen: Value) -> String {
        switch domain {
        case .flags, .cases:
            if case .cases(let bits) = domain, bits.nonzeroBitCount > 1, case .enumeration(let enumType) = type {
                let names = enumType.cases.indices.filter { bits & (UInt64(1) << UInt64($0)) != 0 }.map { display(.enumCase($0), type) }
                return names.joined(separator: "、") + "之一"
            }
            return display(chosen, type)
        case .numbers(let bounds):
            if bounds.pointValue != nil { return display(chosen, type) }
            let low = bounds.lower.map { $0.value.description }, high = bounds.upper.map { $0.value.description }
            let range: String
            switch (low, high) {
            case (let low?, let high?): range = "\(low) 至 \(high)"
            case (let low?, nil): range = "\(low) 及以上"
            case (nil, let high?): range = "不超过 \(high)"
            default: range = display(chosen, type)
            }
            return "\(range)（例如 \(display(chosen, type))）"
        }
    }

    /// A value as the explanations show it: 是/否, enum labels, two places for money.
    package static func display(_ value: Value, _ type: ValueType) -> String {
        switch (value, type) {
        case (.bool(let flag), _): return flag ? "是" : "否"
        case (.decimal(let number), _): return number.formatted(places: 2)
        case (.enumCase(let index), .enumeration(let enumType)):
            let name = index < enumType.cases.count ? enumType.cases[index] : "?"
            if index < enumType.labels.count, let label = enumType.labels[index] { return "\(label)（\(name)）" }
            return name
        default: return value.display(as: type)
        }
    }
}
