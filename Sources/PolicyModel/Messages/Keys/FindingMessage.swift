/// What the analysis of a policy's decision trees finds (warnings and notes of `check`),
/// and the refusals the tree builder and the `unique` proof make. The texts are in
/// `zh-CN/Finding+zhCN.swift` and `en/Finding+en.swift`.
public indirect enum FindingMessage: MessageCatalogue {
    /// Two parameters with the same values citing the same text, not linked by `same_as`.
    case unlinkedParameters(String, String, quote: String)
    case linkWithSameAs(String, under: String)
    case neverMatches(rule: String, decision: String, condition: String)
    case checkConditionRanges
    case deadElse(decision: String)
    case removeOrKeepElse
    case deadRule(rule: String, decision: String, takenBy: [String])
    case moveRuleUp(ExampleText, gets: String)
    case gap(decision: String, regions: RegionList)
    case addElseRow(ExampleText)
    case overlap(rules: [String], decision: String)
    case makeExclusive(ExampleText?)
    case orderMatters(rule: String, value: String, decision: String, earlier: [RuleValue])
    case orderDecides(ExampleText, first: String, later: String, value: String)
    case constantCondition(condition: String, ConditionPlace, truth: Bool, ranges: [RangeReason])
    case dropCondition
    case neverApplies
    case unused(SymbolWhat, name: String, label: String, inPolicies: Int?)
    case removeOrUse
    case analysisStopped(ConditionPlace?, steps: Int)
    case splitDecisionOrDefine
    case uniqueUnproven(decision: String, steps: Int)
    case splitDecisionOrFirst
    case treeTooLarge(rule: String?, decision: String, nodes: Int, steps: Int)
    case splitIntoFormula(String)
    /// A finding that holds only in some periods of the parameters.
    case inPeriods(Message, [String])
    /// A help whose example person could not be confirmed by evaluating it.
    case unconfirmed(Message?)
}

/// An example person as a message shows it: its facts as JSON on a date.
public enum ExampleText: Sendable, Hashable {
    /// No example could be made.
    case somePerson
    /// Any person will do.
    case anyPerson(date: String)
    /// The facts that matter, as JSON.
    case facts(String, date: String)
}

/// Regions of persons, described in each language (names in English, the policy's
/// Chinese labels in Chinese), with how many more there are.
public struct RegionList: Sendable, Hashable {
    public let zhCN: [String]
    public let en: [String]
    public let more: Int

    public init(zhCN: [String], en: [String], more: Int) {
        self.zhCN = zhCN
        self.en = en
        self.more = more
    }
}

/// A rule and the value it gives.
public struct RuleValue: Sendable, Hashable {
    public let rule: String
    public let value: String

    public init(rule: String, value: String) {
        self.rule = rule
        self.value = value
    }
}

/// Where a condition is written: a definition, a rule of a decision, a decision's value, a share.
public enum ConditionPlace: Sendable, Hashable {
    case decision(String)
    case within(ArithmeticPlace)
}

/// The declared range that settles a condition.
public enum RangeReason: Sendable, Hashable {
    case between(String, low: String, high: String)
    case atLeast(String, String)
    case atMost(String, String)
    case oneOf(String, [String])
}
