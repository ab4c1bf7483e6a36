extension FindingMessage {
    public var zhCN: String {
        let code = Written.code
        switch self {
        case .unlinkedParameters(let first, let second, let quote):
            return "参数 \(Written.code(first)) 和 \(Written.code(second)) 取值相同、引用同一段原文（\(quote)），却没有关联：改了一个，另一个不会跟着改"
        case .linkWithSameAs(let first, let second):
            return "如果它们是同一个数，在 \(Written.code(second)) 下写 `same_as: \(first)` 代替它的值，这样改一处两者都变"
        case .neverMatches(let rule, let decision, let condition):
            return "\(code(decision)) 的规则 \(code(rule)) 永远不会成立：没有哪位合乎条件的老人满足 \(code(condition))"
        case .checkConditionRanges: return "对照条件所读事实的取值范围检查这个条件"
        case .deadElse(let decision): return "\(code(decision)) 的 `else` 行永远用不到：上面的规则已涵盖所有人"
        case .removeOrKeepElse: return "删掉它，或者有意保留，作为日后修改时的保险"
        case .deadRule(let rule, let decision, let takenBy):
            return "\(code(decision)) 的规则 \(code(rule)) 永远不会生效：它涵盖的每个人都先被 \(Written.codes(takenBy, "、")) 取走了"
        case .moveRuleUp(let example, let gets):
            return "把它移到这些规则上面、收窄它们的条件，或者删掉它；例如\(example.zhCN)满足它，却得到 \(code(gets))"
        case .gap(let decision, let regions):
            return "\(code(decision)) 没有 `else` 行，而有些人不满足它的任何一条规则：\(regions.zhCN.joined(separator: "；"))\(regions.more > 0 ? "；另有 \(regions.more) 种情形" : "")"
        case .addElseRow(let example): return "加一个 `else` 行或一条适用于他们的规则；例如\(example.zhCN)"
        case .overlap(let rules, let decision): return "\(code(decision)) 的规则 \(Written.codes(rules, " 和 ")) 可能同时适用于同一个人，但这张表是 `unique`"
        case .makeExclusive(let example):
            let person = example.map { "例如\($0.zhCN)两条都满足；" } ?? ""
            return person + "让两条规则的条件互斥；如果应由先后顺序决定，请用 `hit: first`"
        case .orderMatters(let rule, let value, let decision, let earlier):
            let names = earlier.map { "\(code($0.rule))（\($0.value)）" }.joined(separator: "、")
            return "\(code(decision)) 的规则 \(code(rule))（\(value)）排在 \(names) 之后，而它们也涵盖它的部分人：这些人的结果由规则的先后顺序决定"
        case .orderDecides(let example, let first, let later, let value):
            return "例如\(example.zhCN)同时满足 \(code(first)) 和 \(code(later))，得到 \(value)；如果应由后面的规则生效，请把它上移"
        case .constantCondition(let condition, let place, let truth, let ranges):
            let reason = ranges.isEmpty ? "" : "：" + ranges.map(\.zhCN).joined(separator: "；")
            return "\(place.zhCN)的条件 \(code(condition)) 总是\(truth ? "成立" : "不成立")\(reason)"
        case .dropCondition: return "去掉这个条件，或者核对它所比较的数字"
        case .neverApplies: return "用到它的规则或分支永远不会适用；请核对它所比较的数字"
        case .unused(let what, let name, let label, let policies):
            let readers = policies.map { "在一起检查、引用了它的 \($0) 个政策中都" } ?? ""
            return "\(what.zhCN) \(code(name))（\(label)）\(readers)没有被任何决策读取"
        case .removeOrUse: return "删掉它，或者在规则中使用它"
        case .analysisStopped(let place, let steps):
            return "\(place.map { "对\($0.zhCN)" } ?? "")的分析在 \(steps) 步后停止：条件组合出的情形太多，因此不报告永不生效的规则、遗漏和重叠"
        case .splitDecisionOrDefine: return "把这个决策拆成几个各自只判断少数条件的小决策，或者把共用的条件在 `definitions` 中命名一次"
        case .uniqueUnproven(let decision, let steps):
            return "无法证明 \(code(decision))（hit: unique）的规则永不重叠：条件组合出的情形太多（超过 \(steps) 步）"
        case .splitDecisionOrFirst: return "把这个决策拆成几个各自只判断少数条件的小决策，或者改用 `hit: first`"
        case .treeTooLarge(let rule, let decision, let nodes, let steps):
            let name = rule.map { "\(code(decision)) 的规则 \(code($0))" } ?? "决策 \(code(decision))"
            return "\(name)使决策树大到无法构建（超过 \(nodes) 个节点或 \(steps) 步）：连同它前面的规则，条件组合出的情形太多"
        case .splitIntoFormula(let decision):
            return "把 \(code(decision)) 拆成几个各自只判断其中少数条件的小决策，再用公式（`value:`）组合它们的结果"
        case .inPeriods(let message, let periods): return "\(message.text(.zhCN))（按 \(periods.joined(separator: "、")) 施行的参数）"
        case .unconfirmed(let help):
            return "\(help?.text(.zhCN) ?? "")（这个例子经实际评估未能证实：这一发现依据的是分析无法精确拆分的判断）"
        }
    }
}

extension ExampleText {
    var zhCN: String {
        switch self {
        case .somePerson: return "某人"
        case .anyPerson(let date): return "任何人在 \(date) "
        case .facts(let json, let date): return " \(json) 在 \(date) "
        }
    }
}

extension ConditionPlace {
    var zhCN: String {
        switch self {
        case .decision(let name): return " \(Written.code(name)) "
        case .within(let place): return place.zhCN
        }
    }
}

extension RangeReason {
    var zhCN: String {
        switch self {
        case .between(let name, let low, let high): return "\(Written.code(name)) 在 \(low) 到 \(high) 之间"
        case .atLeast(let name, let low): return "\(Written.code(name)) 至少为 \(low)"
        case .atMost(let name, let high): return "\(Written.code(name)) 至多为 \(high)"
        case .oneOf(let name, let cases): return "\(Written.code(name)) 只能是 \(cases.joined(separator: "、")) 之一"
        }
    }
}
