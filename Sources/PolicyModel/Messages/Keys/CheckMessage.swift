/// What checking a policy can say (PolicyCheck): files and references, names, types,
/// rule tables, ledgers, approval paths, programs, compliance and populations. The texts
/// are in `zh-CN/Check+zhCN.swift` and `en/Check+en.swift`.
public enum CheckMessage: MessageCatalogue {
    case suggestion(Suggestion)

    // Files, includes and variants.
    case extendsCycle([String])
    case variantCannotExtendBack
    case includeCycle([String])
    case includedFileHasHeader
    case useExtendsForWholePolicy
    case fragmentDeclaresDecisions
    case decisionsBelongInPolicyFile
    case noFile(String)
    case pathsAreRelative
    case isDirectory(String)
    case cannotRead(String)
    case checkPermissions
    case outsideDirectory(file: String, directory: String)
    case putFileInDirectory(String)
    case absoluteReference(keyword: String, reference: String)
    case nameFileInside(String)
    case referenceOutside(keyword: String, reference: String, directory: String)
    case referenceNotPolicyFile(keyword: String, reference: String)
    case policyFileExtensions
    case referenceLinksOutside(keyword: String, reference: String, directory: String)
    case noPolicySection
    case policySectionNeeded
    case alreadyDeclared(String, at: SourceSpan)
    case namesAreShared
    case programAlreadyDeclared(String, at: SourceSpan)
    case removeRulesOnlyInVariant
    case noRuleToRemove(rule: String, decision: String)
    case noRuleToPlaceBefore(rule: String, decision: String)
    case noRuleToPlaceAfter(rule: String, decision: String)
    case policyIDTwice(String, first: String, second: String)
    case giveOwnID
    case policyIDNotServable(String)
    case servableIDs
    case policyIDServed(String, by: String)
    /// A checked policy took longer than the service's reload deadline.
    case checkTooSlow(file: String, deadline: String)
    case findWhatTakesTime
    /// A new text with the same `version` that drops public decisions or inputs.
    case dropsNames(id: String, decisions: [String], inputs: [String], version: String)
    case keepNamesOrNewVersion
    /// `REV:path` that git could not give.
    case cannotReadRevision(String, problem: String)
    case nameRevisionPath
    case cannotWriteTemporaryCopy(String, problem: String)
    /// `same_as` links between parameters.
    case linkedTypeDiffers(String, declared: String, target: String, targetType: String)
    case linkedOneType(declared: String)
    case linkedUnitDiffers(String, unit: String, target: String, targetUnit: String)
    case linkedSameUnit(String)
    case linkedToUnknown(String, target: String)
    case nameAParameter([String])
    /// `kind` is `input`, `definition` or `decision`.
    case linkedToNonParameter(kind: String, target: String)
    case linkOnlyParameters
    case linkCircle([String])
    case circleNeedsOwnValues

    // Declarations.
    case builtinName(String)
    case untilBeforeFrom(until: String, from: String)
    case notADate(String)
    case writeDateAs(String)
    case inputWithoutLabel(String)
    case giveLabel
    case rangeNeedsOrderedType(key: String, ValueType)
    case maxBelowMin
    case defaultBelowMin
    case defaultAboveMax
    case decimalsNeedDecimal(ValueType)
    case defaultTooManyPlaces(Int)
    case decimalsRange
    case decimalsForMoney
    case notAfterShape
    case notAfterMeaning
    case parameterWithoutValue(String)
    case giveValueOrTimeline
    case twoValuesStartOn(String, date: String)
    case otherIsAt(SourceSpan)
    case literalMismatch(LiteralPlace, expected: ExpectedLiteral, found: String)
    case literalNotEnumValue(LiteralPlace, cases: [String], found: String)
    case definitionRefersToItself(String)
    case noSelfDependency
    case definitionTypeMismatch(String, declared: ValueType, actual: ValueType)

    // Expressions.
    case numberTooLarge(String)
    case tooManyDigits(String)
    case atMost18Digits
    case emptyListType
    case useWhereListTypeIsKnown
    case listMixes(ValueType, ValueType)
    case negateNeedsNumber(ValueType)
    case ifBranchesDiffer(ValueType, ValueType)
    case branchesSameKind
    case noField(ValueType, String)
    case needsTrueOrFalse(BoolRole, ValueType)
    case compareIt
    case notInScope(String, SymbolWhat, scope: LocalScope)
    case fieldsHereAre([String])
    case unknownName(String)
    case valuesHereAre([String])
    case fieldsOfScopeAre(LocalScope, [String])
    case declareOrQuote(String)
    case cannotCompare(ValueType, ValueType)
    case enumsDiffer(String, String)
    case compareWithValues([String])
    case sameTypeBothSides
    case orderingNeedsOrdered(String, ValueType)
    case useEqualityFor(ValueType)
    case arithmeticNeedsNumbers(String, ValueType)
    case useDateFunctions
    case arithmeticOnNumbers
    case divisionByZero
    case inNeedsList(ValueType)
    case writeInList
    case cannotLookFor(ValueType, inListOf: ValueType)
    case unknownFunction(String)
    case arity(String, expected: Int, found: Int)
    case notCalendarDate(String)
    case writeRealDate
    case dateNeedsQuotedDate
    case needsTwoNumbers(String)
    case functionNeedsNumbers(String, ValueType)
    case floorToNeedsNumbers
    case floorToUnitPositive
    case needsTwoDates(String)
    case dateFunctionExample(String)
    case needsList(String, ValueType)
    case sumNeedsNumbers(ValueType)
    case tooDeep(through: String?, limit: Int)
    case shortenDefinitionChain

    // Decisions.
    case typeNotKnownYet(String)
    case declareDecisionType
    case decisionWithoutBody(String)
    case giveDecisionBody
    case decisionWithSeveralBodies(String)
    case keepOneBody
    case unknownHitPolicy(String)
    case hitPolicies
    case ruleIDTwice(String, decision: String)
    case elseNotLast(String)
    case rulesAfterElse
    case ruleWithoutReason(rule: String, decision: String)
    case giveReason
    case conditionNotBool(ValueType)
    case ruleValueType(rule: String, ValueType, decision: String, expected: ValueType)
    case valuesOfEnumAre(String, [String])
    case declareDecimalOrUseWholeNumbers
    case formulaType(String, ValueType, declared: ValueType)
    case dependsOnItself(String, cycle: [String])
    case breakCycle
    case emptyRuleTable(String)
    case addRule

    // Apportionments and arithmetic.
    case totalNotNumber(ValueType)
    case payerTwice(String)
    case shareNotAmount(String, ValueType)
    case remainderCount(String, count: Int)
    case remainderMeaning
    case notAPayer(String)
    case remainderHasNoShare(String)
    case listOtherPayers
    case reduceListedTwice(String)
    case reduceMissing([String])
    case completeTheOrder([String])
    case totalMayBeNegative(total: String, decision: String, range: String)
    case declareMinZero
    case mayOverflow(expression: String, ArithmeticPlace, operands: String)
    case useSmallerFigures

    // Ledgers.
    case noAccounts
    case declareAccountUnder
    case unknownAccountKind(String)
    case accountKinds
    case accountWithoutUnit(String)
    case giveUnit
    case invalidUnit(String)
    case unitShape
    case unknownExpiry(String)
    case expiries
    case settlementDoesNotExpire
    case removeExpires
    case holdNeedsTextField(event: String)
    case takeNeedsTextField(event: String)
    case noEventTypeToTake(String)
    case eventNotHeld(String)
    case giveHold(String)
    case noAccount(String)
    case settlementOnlyCredited(String)
    case debitABalance
    case accountKeyNotText(ValueType)
    case amountNotNumber(ValueType)
    case eventChangesNothing(String)
    case giveEffectsOrHold
    case noEventTypeToCount(String)
    case eventHasNoField(event: String, field: String)
    case atLeastNotWhole(ValueType)
    case unknownCalendar(String, schedule: String)
    case calendars
    case noEventTypeToSchedule(String)
    case scheduledEventTakes(String)
    case scheduleWithoutTake
    case dateIsNotGiven
    case everySetsDate(String)
    case scheduleMissingField(schedule: String, field: String, event: String)
    case giveFieldExpression(String)
    case scheduleFieldType(field: String, event: String, ValueType, actual: ValueType)

    // Approval paths and programs.
    case stepTwice(String, at: SourceSpan)
    case rejectionIsStep(String, at: SourceSpan)
    case nameRejectionApart
    case notPlaces(String)
    case givePlacesNumber
    case priorityNotOrdered(String, ValueType)
    case rankByNumberOrDate

    // Compliance.
    case noRecordKinds
    case declareRecordsUnder
    case noRequirements
    case declareRequirementsUnder
    case tooManyRequirements
    case splitRequirements
    case spotCheckPerFestival
    case spotCheckPerQuarter
    case elderNeedsTextField(String)
    case declareElderField
    case notLunarDay(String)
    case writeLunarDay
    case anniversaryNeedsDateFact
    case noRecordKind(String)
    case festivalWindowWithoutFestivals(String)
    case declareFestivals
    case noFestival(String)
    case festivalsNeedFestivalWindow
    case removeFestivals
    case fromNotDate(ValueType)
    case fromMeaning
    case requirementNeverMet(String, days: Int64, longest: Int64)
    case unknownWindow(String)
    case windowsAre([String])
    case countNegative(key: String, found: String)
    case daysNotNegative
    case countParameterNotWhole(key: String, parameter: String, ValueType)
    case countParameterNegative(key: String, parameter: String, value: String, from: String?)
    case daysNotNegativeValueAt(SourceSpan)
    case countShape(String)
    case countExample(String)
    case groupsWithoutGroupBy
    case addGroupBy
    case groupByNeedsFact
    case groupByNeedsTextOrEnum(String, ValueType?)
    case groupByNeedsGroups
    case groupsExample
    case cannotNameGroups(String)
    case groupNameRules

    // Populations.
    case populationNotInput(String, SymbolWhat, vocabulary: String)
    case describeInputsItReads
    case populationUnknownInput(String, vocabulary: String)
    case whenReadsUndrawn(field: String, other: String, through: String?)
    case drawOrder(other: String, field: String)
    case whenReadsDecision(field: String, decision: String)
    case useDrawnFacts
    case drawMismatch(key: String, DrawKind, input: String, ValueType)
    case drawsThatSuit(ValueType, [String])
    case bandBelow(from: Int, low: Int64, BandScope)
    case bandAbove(to: Int, high: Int64, BandScope)
    case valueBelowMinimum(String, minimum: String, input: String)
    case valueAboveMaximum(String, maximum: String, input: String)
}

/// Where a literal value is written, as a message names it.
public enum LiteralPlace: Sendable, Hashable {
    /// A key such as `min`, `max`, `from`.
    case key(String)
    case defaultOf(String)
    case valueOf(String)
    case aValueOf(String)
}

/// What a literal should have been.
public enum ExpectedLiteral: Sendable, Hashable {
    case trueOrFalse, wholeNumber, decimalNumber, date, list, constantList
}

/// What needs a true-or-false value: an operator or key, or a named condition.
public enum BoolRole: Sendable, Hashable {
    /// `not`, `if`, `and`, `or`, `counts`, `elders`.
    case keyword(String)
    case refusalWhen
    case scheduleWhen(String)
    case programEligible(String)
    case populationWhen(String)
}

/// What kind of declaration a name is, as a message calls it.
public enum SymbolWhat: Sendable, Hashable {
    case input, parameter, definition, decision
}

/// A scope with its own fields: a ledger rule of an event, a ledger check, a requirement's `counts`.
public enum LocalScope: Sendable, Hashable {
    case ledgerRule(event: String)
    case ledgerCheck
    case counts(requirement: String)
}

/// Where arithmetic that may overflow is written.
public enum ArithmeticPlace: Sendable, Hashable {
    case definition(String)
    case ruleCondition(rule: String, decision: String)
    case decisionValue(String)
    case share(String)
}

/// What a population distribution draws.
public enum DrawKind: Sendable, Hashable {
    case trueOrFalse, oneOfListed, wholeNumber, dateFromAge, text
}

/// Whose values a band bounds.
public enum BandScope: Sendable, Hashable {
    case ages
    case values(of: String)
}
