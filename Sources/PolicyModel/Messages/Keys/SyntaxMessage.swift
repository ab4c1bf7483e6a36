/// What reading a policy file's YAML and expressions can say (PolicySyntax): the
/// message keys with their typed arguments. The texts are in `zh-CN/Syntax+zhCN.swift`
/// and `en/Syntax+en.swift`.
public enum SyntaxMessage: MessageCatalogue {
    // The file as text and YAML.
    case fileTooLarge(bytes: Int, limit: Int)
    case splitPolicyFile
    case nestsTooDeep(limit: Int)
    case flattenStructure
    case invalidYAML(YAMLProblem)
    case checkIndentation
    case quoteInsideFlow
    case duplicateKeys([String])
    case keepOneKey
    case unreadableYAML(String)
    case saveAsUTF8
    case fileEmpty
    case startWithPolicySection
    case tooManyValues(limit: Int)
    case splitLargeFile
    case keyNotPlainName
    case writeNameValue
    case anchorsNotAllowed
    case writeValueOutInFull
    case tagNotAllowed(String)
    case removeTag
    case notUTF8
    case refusedCharacter(RefusedCharacter)
    case removeRefusedCharacter
    /// A line indented deeper or shallower than the lines around it.
    case misindented(found: Int, expected: [Int])
    case indentHelp(line: Int, expected: [Int])

    // Expressions.
    case numberRunsIntoName
    case separateNumberAndName
    case unclosedQuote
    case endQuoteWith(String)
    case meaninglessCharacter(String)
    case operatorsAre
    case emptyExpression
    case writeConditionLikeAge
    case unexpectedAfterExpression(ExpressionTokenText)
    case joinWithAndOr
    case expressionTooTall(limit: Int)
    case splitIntoDefinitionsOrList
    case expected(String, found: ExpressionTokenText)
    case closeCall(String)
    case closeParenthesis
    case closeList
    case nestsTooDeeply
    case splitIntoDefinitions
    case expectedThen
    case expectedElse
    case chainedComparison
    case writeRangeAsTwoComparisons
    case expectedFieldName
    case cannotStandHere(String)
    case putInParentheses(String)
    case expectedValue(found: String)
    case somethingMissingBefore(String)
    case endsTooEarly
    case somethingMissingAtEnd

    // Any mapping read against its keys.
    case notMapping(SyntaxPlace, NodeKind)
    case unknownField(String, in: SyntaxPlace)
    case suggestion(Suggestion)
    case notSingleValue(String, in: SyntaxPlace, NodeKind)
    case missingField(SyntaxPlace, String)
    case notTrueOrFalse(String, found: String)
    case listItemNotSingle(String)
    case notList(String, NodeKind)

    // The policy file's sections and declarations.
    case sectionNotMapping(String, NodeKind)
    case writeEachNameIndented
    case invalidName(String)
    case nameCharacters
    case headerShape
    case givePolicyID
    case givePolicyTitle
    case giveVersion
    case invalidPolicyID(String)
    case policyIDCharacters
    case unknownType(String)
    case typesAre
    case enumNeedsValues
    case listEnumValues
    case valuesNeedEnum(String)
    case enumLabelNotText(String)
    case enumValueNotName
    case valuesNotList
    case writeValuesList
    case invalidEnumValue(String)
    case lowercaseDigitsUnderscore
    case enumValueTwice(String)
    case enumNeedsOneValue
    case inputShape(String)
    case inputMissingType(String)
    case sayFactType
    case parameterShape(String)
    case timelineNotList
    case timelineEntryShape
    case sayFromDate
    case valueAndTimeline(String)
    case putEveryValueInTimeline
    case fromWithoutValue(String)
    /// A linked parameter (`same_as`) that also gives `value`, `timeline` or `from`.
    case sameAsAndValues(String, key: String)
    /// Help: what `same_as` gives, and the two ways out.
    case sameAsGivesEveryValue(String, key: String)
    case definitionShape(String)
    case writeDefinitionExpression

    // Decisions and rules.
    case decisionShape(String)
    case rulesNotList
    case ruleShape(decision: String)
    case invalidRuleID(String)
    case ruleWhenAndElse
    case elseHasNoCondition
    case elseWithThen
    case writeElseValue
    case ruleMissingWhen(decision: String)
    case giveConditionOrElse
    case ruleMissingThen(decision: String)
    case sayValueWhenRuleMatches
    case conditionMappingShape
    case conditionForms
    case conditionsNotList(String)
    case emptyConditions
    case giveOneCondition
    case conditionTooLong(limit: Int)
    case splitConditionList
    case listValueItemNotSingle
    case ruleValueShape
    case apportionShape
    case sayTotal
    case apportionNeedsPayers
    case shareShape(String)

    // Ledgers.
    case ledgerShape
    case giveLedgerTitle
    case ledgerMissingAccounts
    case declareAccount
    case ledgerMissingEvents
    case declareEvents
    case sectionNotList(String)
    case accountShape(String)
    case eventShape(String)
    case implicitEventField(String)
    case eventImplicitFields
    case takeShape
    case unknownFieldType(String)
    case giveEnumFieldValues(String)
    case fieldTypesAre
    case fieldMissingType(String)
    case writeFieldType(String)
    case refusalShape(event: String)
    case refusalMissingWhen(event: String)
    case giveRefusalCondition
    case refusalMissingReason(event: String)
    case sayRefusalReason
    case effectShape(event: String)
    case effectCreditOrDebit(event: String)
    case creditAddsDebitTakes
    case effectWrongKey(credit: Bool, key: String, wrong: String)
    case sayWhoseAccount(String)
    case giveAmount
    case ledgerCheckShape
    case checkOfHelp
    case checkDistinctHelp
    case checkPerHelp
    case checkAtLeastHelp
    case scheduleShape(String)
    case scheduleEveryHelp
    case scheduleEventHelp
    case scheduleMissingFields(String)
    case scheduleFieldsHelp
    case scheduleFieldShape(field: String, schedule: String)

    // Approval paths and programs.
    case approvalShape
    case giveApprovalTitle
    case giveRejectionState
    case stepShape
    case invalidStepID(String)
    case stepMissingActor(String)
    case sayActor
    case approvalNoSteps
    case listSteps
    case programShape(String)
    case givePlaces
    case giveEligible
    case priorityShape
    case priorityExample

    // Compliance.
    case complianceShape
    case giveComplianceTitle
    case complianceMissingRecords
    case declareRecordKind
    case complianceMissingRequirements
    case declareRequirement
    case spotCheckPerHelp
    case spotCheckShape
    case recordKindShape(String)
    case implicitRecordField(String)
    case recordDateIsImplicit
    case recordNameIsReserved
    case elderFieldHelp
    case festivalShape(String)
    case festivalLunarOrAnniversary(String)
    case lunarOrAnniversaryHelp
    case daysAroundHelp
    case requirementShape(String)
    case requirementOfHelp
    case requirementAtLeastHelp
    case requirementPerHelp

    // Population descriptions.
    case vocabularyHelp
    case populationMissingFields
    case listFieldsWithDistributions
    case populationFieldShape(String)
    case populationNoCases(String)
    case giveOneDistribution
    case populationCaseNeverUsed(String)
    case onlyLastCaseWithoutWhen
    case populationLastCaseHasWhen(String)
    case endWithCaseWithoutWhen
    case populationCaseShape(String)
    case populationTwoDraws(String, String, String)
    case oneDistributionPerCase
    case populationNoDraw(String)
    case giveOneOf([String])
    case probabilityRange(ShownNode)
    case probabilityExample
    case bandsShape(String)
    case numberedShape
    case numberedDigits(String)
    case numberedExample
    case valueNotSingle
    case choicesShape(String, weights: Bool)
    case choiceNotNumber(String, weights: Bool)
    case weightRange(limit: Int, found: String)
    case weightsAreRelative
    case shareRange(String)
    case sharesSum(String, total: String)
    case sharesAreFractions
    case bandShape(String)
    case bandNotWholeNumber(String, found: String)
    case bandEndsBeforeStart(from: Int, to: Int)
}

/// The kind of a YAML node, as a message names it.
public enum NodeKind: Sendable, Hashable {
    case singleValue, list, mapping
}

/// A node as a message shows it: a single value's text, else its kind.
public enum ShownNode: Sendable, Hashable {
    case text(String)
    case kind(NodeKind)
}

/// Where in a policy file a mapping is read, as a message names the place.
public enum SyntaxPlace: Sendable, Hashable {
    case policyFile
    case populationDescription
    /// A top-level section such as `policy`, `ledger`, `approval`, `compliance`, `spot_check`.
    case section(String)
    case input(String)
    case parameter(String)
    case timelineEntry(of: String)
    case definition(String)
    case decision(String)
    case rule(of: String)
    case apportion(of: String)
    case approvalStep
    case program(String)
    case account(String)
    case event(String)
    case field(String)
    case refusal(event: String)
    case effect(event: String)
    case ledgerCheck
    case scheduled(String)
    case recordKind(String)
    case festival(String)
    case requirement(String)
    case populationCase(field: String)
    case populationBand(field: String)
}

/// A token of an expression as a message shows it.
public enum ExpressionTokenText: Sendable, Hashable {
    /// A name, number, date or symbol, shown in backticks.
    case code(String)
    /// Text in quotes.
    case quoted(String)
    case end
}

/// A character a policy file cannot hold, by its code point (`U+0000`).
public enum RefusedCharacter: Sendable, Hashable {
    case nul(String)
    case control(String)
    case other(String)
}

/// What the YAML parser (libyaml) reported: the construct it was reading and the problem,
/// in its own English words, which the catalogues translate where they know them.
public struct YAMLProblem: Sendable, Hashable {
    public let context: String?
    public let problem: String

    public init(context: String?, problem: String) {
        self.context = context
        self.problem = problem
    }
}
