extension FindingMessage {
    public var en: String {
        let code = Written.code
        switch self {
        case .unlinkedParameters(let first, let second, let quote):
            return "parameters \(code(first)) and \(code(second)) have the same value and cite the same text (\(quote)) but are not linked: changing one leaves the other as it is"
        case .linkWithSameAs(let first, let second):
            return "if they are one figure, write `same_as: \(first)` under \(code(second)) instead of its values, so that one edit moves both"
        case .neverMatches(let rule, let decision, let condition):
            return "rule \(code(rule)) of \(code(decision)) can never match: no valid person meets \(code(condition))"
        case .checkConditionRanges: return "check the condition against the ranges and values of the facts it reads"
        case .deadElse(let decision): return "the `else` row of \(code(decision)) never applies: the rules above match every person"
        case .removeOrKeepElse: return "remove it, or keep it knowingly as a safeguard for later edits"
        case .deadRule(let rule, let decision, let takenBy):
            return "rule \(code(rule)) of \(code(decision)) can never fire: every person it matches is taken first by \(Written.codes(takenBy, ", "))"
        case .moveRuleUp(let example, let gets):
            return "move it above them, narrow their conditions, or remove it; e.g. \(example.en) matches it and gets \(code(gets))"
        case .gap(let decision, let regions):
            return "no rule of \(code(decision)) matches some persons, and it has no `else` row: \(regions.en.joined(separator: "; "))\(regions.more > 0 ? "; and \(regions.more) more" : "")"
        case .addElseRow(let example): return "add an `else` row or a rule for them; e.g. \(example.en)"
        case .overlap(let rules, let decision): return "rules \(Written.codes(rules, " and ")) of \(code(decision)) can both match the same person, but the table is `unique`"
        case .makeExclusive(let example):
            let person = example.map { "both match, for example, \($0.en); " } ?? ""
            return person + "make the conditions exclusive, or use `hit: first` if the order should decide"
        case .orderMatters(let rule, let value, let decision, let earlier):
            let names = earlier.map { "\(code($0.rule)) (\($0.value))" }.joined(separator: ", ")
            return "rule \(code(rule)) (\(value)) of \(code(decision)) comes after \(names), which also match some of its persons: the order of the rules decides their value"
        case .orderDecides(let example, let first, let later, let value):
            return "e.g. \(example.en) matches \(code(first)) and \(code(later)) and gets \(value); if the later rule should win, move it up"
        case .constantCondition(let condition, let place, let truth, let ranges):
            let reason = ranges.isEmpty ? "" : ": " + ranges.map(\.en).joined(separator: "; ")
            return "condition \(code(condition)) \(place.en) is always \(truth ? "true" : "false")\(reason)"
        case .dropCondition: return "drop the condition, or check the figure it compares with"
        case .neverApplies: return "the rule or branch using it can never apply; check the figure it compares with"
        case .unused(let what, let name, let label, let policies):
            let readers = policies.map { "any decision of the \($0) policies checked that include it" } ?? "any decision"
            return "\(what.enLower) \(code(name)) (\(label)) is not read by \(readers)"
        case .removeOrUse: return "remove it, or use it in a rule"
        case .analysisStopped(let place, let steps):
            return "the analysis\(place.map { " \($0.en)" } ?? "") stopped after \(steps) steps: its conditions combine into too many cases, so no dead rules, gaps or overlaps are reported"
        case .splitDecisionOrDefine: return "split the decision into smaller decisions that each test a few conditions, or name a shared condition once in `definitions`"
        case .uniqueUnproven(let decision, let steps):
            return "the rules of \(code(decision)) (hit: unique) cannot be shown never to overlap: their conditions combine into too many cases (over \(steps) steps)"
        case .splitDecisionOrFirst: return "split the decision into smaller decisions that each test a few conditions, or use `hit: first`"
        case .treeTooLarge(let rule, let decision, let nodes, let steps):
            let name = rule.map { "rule \(code($0)) of \(code(decision))" } ?? "decision \(code(decision))"
            return "\(name) makes the decision tree too large to build (over \(nodes) nodes or \(steps) steps): with the rules before it, its conditions combine into too many cases"
        case .splitIntoFormula(let decision):
            return "split \(code(decision)) into smaller decisions that each test a few of these conditions, and combine their values in a formula (`value:`)"
        case .inPeriods(let message, let periods): return "\(message.text(.en)) (with the parameters in force \(periods.joined(separator: ", ")))"
        case .unconfirmed(let help):
            return "\(help?.text(.en) ?? "") (the example could not be confirmed by evaluating it: the finding rests on a test the analysis cannot split exactly)"
        }
    }
}

extension ExampleText {
    var en: String {
        switch self {
        case .somePerson: return "a person"
        case .anyPerson(let date): return "any person on \(date)"
        case .facts(let json, let date): return "\(json) on \(date)"
        }
    }
}

extension ConditionPlace {
    var en: String {
        switch self {
        case .decision(let name): return "of \(Written.code(name))"
        case .within(let place): return place.en
        }
    }
}

extension RangeReason {
    var en: String {
        switch self {
        case .between(let name, let low, let high): return "\(Written.code(name)) is \(low) to \(high)"
        case .atLeast(let name, let low): return "\(Written.code(name)) is at least \(low)"
        case .atMost(let name, let high): return "\(Written.code(name)) is at most \(high)"
        case .oneOf(let name, let cases): return "\(Written.code(name)) is one of \(cases.joined(separator: ", "))"
        }
    }
}

extension SymbolWhat {
    var enLower: String {
        switch self {
        case .input: return "input"
        case .parameter: return "parameter"
        case .definition: return "definition"
        case .decision: return "decision"
        }
    }
}
