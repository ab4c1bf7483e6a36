extension SyntaxMessage {
    public var en: String {
        switch self {
        case .fileTooLarge(let bytes, let limit): return "the file is \(bytes) bytes; a policy file may be at most \(limit) bytes"
        case .splitPolicyFile: return "split the policy into a base file and `include`d parts"
        case .nestsTooDeep(let limit): return "the document nests more than \(limit) levels deep"
        case .flattenStructure: return "a policy never needs this much nesting; flatten the structure"
        case .invalidYAML(let problem): return "the file is not valid YAML: \(problem.en)"
        case .checkIndentation: return "check the indentation and that every `key:` is followed by a space"
        case .quoteInsideFlow: return "inside `[…]` or `{…}`, a condition that itself contains `[`, `]`, `{`, `}` or `,` must be quoted; or write the conditions one per line as a `- ` list"
        case .duplicateKeys(let keys): return "a key is written twice in the same mapping: \(Written.codes(keys, ", "))"
        case .keepOneKey: return "keep one of them"
        case .unreadableYAML(let problem): return "the file cannot be read as YAML: \(problem)"
        case .saveAsUTF8: return "save the file as UTF-8 text"
        case .fileEmpty: return "the file is empty"
        case .startWithPolicySection: return "a policy file starts with a `policy:` section"
        case .tooManyValues(let limit): return "the document has more than \(limit) values"
        case .splitLargeFile: return "a policy file this large is not meant to be edited by hand; split it"
        case .keyNotPlainName: return "a key must be a plain name"
        case .writeNameValue: return "write `name: value`"
        case .anchorsNotAllowed: return "anchors and aliases (`&name`, `*name`) are not allowed in policy files"
        case .writeValueOutInFull: return "write the value out in full; to share declarations between policies use `include`"
        case .tagNotAllowed(let tag): return "the YAML tag \(Written.code(tag)) is not allowed in policy files"
        case .removeTag: return "remove the tag: every value is read as text, and the policy's declarations give its type"
        case .notUTF8: return "the file is not UTF-8 text: the byte here is not part of a UTF-8 character"
        case .refusedCharacter(let character): return "the file holds \(character.en), which a policy file cannot contain"
        case .removeRefusedCharacter: return "remove it: a policy file is plain UTF-8 text"
        case .misindented(let found, let expected):
            return "this line is indented to column \(found), but the lines around it are at column \(Self.columns(expected, "or"))"
        case .indentHelp(let line, let expected):
            return "indentation decides what a line belongs to: start line \(line) at column \(Self.columns(expected, "or")), level with the keys it sits among"

        case .numberRunsIntoName: return "a number cannot run into a name here"
        case .separateNumberAndName: return "put a space or an operator between them; write a date as `2026-01-01`"
        case .unclosedQuote: return "this text has no closing quote"
        case .endQuoteWith(let close): return "end it with \(close)"
        case .meaninglessCharacter(let character): return "\(Written.code(character)) has no meaning in an expression"
        case .operatorsAre: return "operators are `and or not == != < <= > >= + - * / in`; text goes in quotes"
        case .emptyExpression: return "the expression is empty"
        case .writeConditionLikeAge: return "write a condition such as `age >= 70`"
        case .unexpectedAfterExpression(let token): return "unexpected \(token.en) after a complete expression"
        case .joinWithAndOr: return "join conditions with `and` or `or`"
        case .expressionTooTall(let limit): return "the expression is too long: more than \(limit) operations one inside the other"
        case .splitIntoDefinitionsOrList: return "split it into named `definitions` (`a and b and …` over many lines is better written as a `when:` list of definitions)"
        case .expected(let symbol, let found): return "expected \(Written.code(symbol)) but found \(found.en)"
        case .closeCall(let name): return "close the call of \(Written.code(name))"
        case .closeParenthesis: return "every `(` needs a `)`"
        case .closeList: return "separate list items with `,` and close the list with `]`"
        case .nestsTooDeeply: return "the expression nests too deeply"
        case .splitIntoDefinitions: return "split it into named `definitions`"
        case .expectedThen: return "expected `then` after the condition of `if`"
        case .expectedElse: return "expected `else`: an `if` needs both branches"
        case .chainedComparison: return "comparisons cannot be chained"
        case .writeRangeAsTwoComparisons: return "write `60 <= age and age <= 69`, or put one comparison in parentheses"
        case .expectedFieldName: return "expected a field name after `.`"
        case .cannotStandHere(let name): return "\(Written.code(name)) cannot stand here inside a larger expression"
        case .putInParentheses(let name): return "put it in parentheses: `(\(name == "if" ? "if … then … else …" : "not …"))`"
        case .expectedValue(let found): return "expected a value but found \(Written.code(found))"
        case .somethingMissingBefore(let name): return "something is missing before \(Written.code(name))"
        case .endsTooEarly: return "the expression ends too early"
        case .somethingMissingAtEnd: return "something is missing at the end"

        case .notMapping(let place, let kind): return "\(place.en) must be a mapping (key: value lines), not \(kind.en)"
        case .unknownField(let name, let place): return "unknown field \(Written.code(name)) in \(place.en)"
        case .suggestion(let suggestion): return suggestion.en
        case .notSingleValue(let key, let place, let kind): return "\(Written.code(key)) in \(place.en) must be a single value, not \(kind.en)"
        case .missingField(let place, let key): return "\(place.en) is missing \(Written.code(key))"
        case .notTrueOrFalse(let key, let found): return "\(Written.code(key)) must be `true` or `false`, not \(Written.code(found))"
        case .listItemNotSingle(let key): return "each item of \(Written.code(key)) must be a single value"
        case .notList(let key, let kind): return "\(Written.code(key)) must be a list, not \(kind.en)"

        case .sectionNotMapping(let section, let kind): return "\(Written.code(section)) must be a mapping of names to declarations, not \(kind.en)"
        case .writeEachNameIndented: return "write each as `name:` followed by its fields, indented"
        case .invalidName(let name): return "\(Written.code(name)) is not a valid name"
        case .nameCharacters: return "names use lowercase letters, digits and `_`, and start with a letter, like `monthly_hours`"
        case .headerShape: return "`policy` must be a mapping with `id`, `title` and `version`"
        case .givePolicyID: return "give the policy a short id such as `anqing`"
        case .givePolicyTitle: return "give the policy's Chinese title"
        case .giveVersion: return "give a version such as `\"2026.1\"`"
        case .invalidPolicyID(let id): return "\(Written.code(id)) is not a valid policy id"
        case .policyIDCharacters: return "use lowercase letters, digits and `-`, like `rural-pilot`"
        case .unknownType(let type): return "unknown type \(Written.code(type))"
        case .typesAre: return "the types are `bool`, `integer`, `decimal`, `string`, `date`, `enum`, and `list of` any of them"
        case .enumNeedsValues: return "an enum needs its `values`"
        case .listEnumValues: return "list them, e.g. `values: {urban: 城镇, rural: 农村}`"
        case .valuesNeedEnum(let type): return "`values` belongs to an enum, but the type is \(Written.code(type))"
        case .enumLabelNotText(let name): return "the label of \(Written.code(name)) must be text"
        case .enumValueNotName: return "each enum value must be a name"
        case .valuesNotList: return "`values` must list the enum's values"
        case .writeValuesList: return "write `values: [urban, rural]` or a mapping of value to label"
        case .invalidEnumValue(let name): return "\(Written.code(name)) is not a valid enum value"
        case .lowercaseDigitsUnderscore: return "use lowercase letters, digits and `_`"
        case .enumValueTwice(let name): return "the enum value \(Written.code(name)) is listed twice"
        case .enumNeedsOneValue: return "an enum needs at least one value"
        case .inputShape(let name): return "input \(Written.code(name)) must be a mapping with at least `type` and `label`"
        case .inputMissingType(let name): return "input \(Written.code(name)) is missing `type`"
        case .sayFactType: return "say what kind of fact it is, e.g. `type: bool`"
        case .parameterShape(let name): return "parameter \(Written.code(name)) must be a mapping with `value` or `timeline`"
        case .timelineNotList: return "`timeline` must be a list of `{from: DATE, value: …}`"
        case .timelineEntryShape: return "each timeline entry must be `{from: DATE, value: …}`"
        case .sayFromDate: return "say from which date the value is in force"
        case .valueAndTimeline(let name): return "parameter \(Written.code(name)) has both `value` and `timeline`"
        case .putEveryValueInTimeline: return "put every value in the timeline"
        case .fromWithoutValue(let name): return "parameter \(Written.code(name)) has `from` but no `value`"
        case .sameAsAndValues(let name, let key): return "parameter \(Written.code(name)) has both `same_as` and \(Written.code(key))"
        case .sameAsGivesEveryValue(let target, let key):
            return "`same_as: \(target)` gives it every value of \(Written.code(target)), dates included; remove \(Written.code(key)), or remove `same_as` to give it values of its own"
        case .definitionShape(let name): return "definition \(Written.code(name)) must be a mapping with `expr`"
        case .writeDefinitionExpression: return "write the expression that defines it, e.g. `expr: not children_in_district`"

        case .decisionShape(let name): return "decision \(Written.code(name)) must be a mapping with `rules`, `value` or `apportion`"
        case .rulesNotList: return "`rules` must be a list, each rule starting with `- `"
        case .ruleShape(let decision): return "each rule of \(Written.code(decision)) must be a mapping with `when` and `then` (or `else`)"
        case .invalidRuleID(let id): return "\(Written.code(id)) is not a valid rule id"
        case .ruleWhenAndElse: return "a rule has both `when` and `else`"
        case .elseHasNoCondition: return "an `else` row applies when no rule matches; it has no condition"
        case .elseWithThen: return "an `else` row gives its value in `else`, not `then`"
        case .writeElseValue: return "write `- else: VALUE`"
        case .ruleMissingWhen(let decision): return "a rule of \(Written.code(decision)) is missing `when`"
        case .giveConditionOrElse: return "give its condition, or write an `else` row"
        case .ruleMissingThen(let decision): return "a rule of \(Written.code(decision)) is missing `then`"
        case .sayValueWhenRuleMatches: return "say what the decision is when the rule matches"
        case .conditionMappingShape: return "a condition mapping must be `all: [...]` or `any: [...]`"
        case .conditionForms: return "write the condition as an expression, a list (all must hold), `all:` or `any:`"
        case .conditionsNotList(let key): return "\(Written.code(key)) must be a list of conditions"
        case .emptyConditions: return "an empty list of conditions"
        case .giveOneCondition: return "give at least one condition"
        case .conditionTooLong(let limit): return "the condition is too long: with this item, its conditions make more than \(limit) operations one inside the other"
        case .splitConditionList: return "split the list: name groups of its conditions in `definitions` and list those"
        case .listValueItemNotSingle: return "each item of a list value must be a single value"
        case .ruleValueShape: return "a rule's value must be an expression or a list"
        case .apportionShape: return "`apportion` must be a mapping with `total`, `payers` and `reduce_in_order`"
        case .sayTotal: return "say which amount is split, e.g. `total: meal_price`"
        case .apportionNeedsPayers: return "`apportion` needs `payers`: a mapping of each payer to its share, one of them `remainder`"
        case .shareShape(let payer): return "the share of \(Written.code(payer)) must be an expression or `remainder`"

        case .ledgerShape: return "`ledger` must be a mapping with `title`, `accounts` and `events`"
        case .giveLedgerTitle: return "give the ledger's Chinese title, e.g. `title: 居家养老服务券`"
        case .ledgerMissingAccounts: return "`ledger` is missing `accounts`"
        case .declareAccount: return "declare at least one account, e.g. `accounts: {points: {label: 互助积分, unit: 0.5}}`"
        case .ledgerMissingEvents: return "`ledger` is missing `events`"
        case .declareEvents: return "declare the event types the ledger replays, e.g. `events: {issue: {...}}`"
        case .sectionNotList(let what): return "\(Written.code(what)) must be a list, each item starting with `- `"
        case .accountShape(let name): return "account \(Written.code(name)) must be a mapping with `label` and `unit`"
        case .eventShape(let name): return "event \(Written.code(name)) must be a mapping with `fields` and `effects`"
        case .implicitEventField(let key): return "\(Written.code(key)) is a field of every event and is not declared"
        case .eventImplicitFields: return "every event has `type` (its event type) and `date` (YYYY-MM-DD); remove this line"
        case .takeShape: return "`take` maps a field to the event type it names, e.g. `take: {service: service}`"
        case .unknownFieldType(let type): return "unknown field type \(Written.code(type))"
        case .giveEnumFieldValues(let field): return "give an enum its values: `\(field): {values: {a: 甲, b: 乙}}`"
        case .fieldTypesAre: return "the types are `bool`, `integer`, `decimal`, `string`, `date`, or an enum with `values`"
        case .fieldMissingType(let field): return "field \(Written.code(field)) is missing its type"
        case .writeFieldType(let field): return "write `\(field): string` or give `type:`"
        case .refusalShape(let event): return "each refusal of \(Written.code(event)) must be a mapping with `when` and `reason`"
        case .refusalMissingWhen(let event): return "a refusal of \(Written.code(event)) is missing `when`"
        case .giveRefusalCondition: return "give the condition under which the event is refused"
        case .refusalMissingReason(let event): return "a refusal of \(Written.code(event)) is missing `reason`"
        case .sayRefusalReason: return "say in Chinese why the event is refused; it is shown with the refusal"
        case .effectShape(let event): return "each effect of \(Written.code(event)) must be a mapping: `credit: ACCOUNT`, `to: KEY`, `amount: …` (or `debit` with `from`)"
        case .effectCreditOrDebit(let event): return "an effect of \(Written.code(event)) needs exactly one of `credit` and `debit`"
        case .creditAddsDebitTakes: return "`credit: ACCOUNT` adds the amount, `debit: ACCOUNT` takes it away"
        case .effectWrongKey(let credit, let key, let wrong): return "a \(credit ? "credit" : "debit") names its account with \(Written.code(key)), not \(Written.code(wrong))"
        case .sayWhoseAccount(let key): return "say whose account, e.g. `\(key): person`"
        case .giveAmount: return "give the amount as an expression, e.g. `amount: hours`"
        case .ledgerCheckShape: return "each ledger check must be a mapping with `id`, `of`, `count_distinct`, `per` and `at_least`"
        case .checkOfHelp: return "the event type whose accepted events are counted"
        case .checkDistinctHelp: return "the field whose distinct values are counted"
        case .checkPerHelp: return "the field that groups the count"
        case .checkAtLeastHelp: return "the least count, a number or a parameter"
        case .scheduleShape(let name): return "scheduled \(Written.code(name)) must be a mapping with `every`, `event` and `fields`"
        case .scheduleEveryHelp: return "say when it is made: `every: month` (the first day of each month)"
        case .scheduleEventHelp: return "name the event type it makes, e.g. `event: issue`"
        case .scheduleMissingFields(let name): return "scheduled \(Written.code(name)) is missing `fields`"
        case .scheduleFieldsHelp: return "give each field of the event an expression, e.g. `fields: {person: id, hours: monthly_hours}`"
        case .scheduleFieldShape(let field, let schedule): return "field \(Written.code(field)) of scheduled \(Written.code(schedule)) must be an expression, such as `monthly_hours`"

        case .approvalShape: return "`approval` must be a mapping with `title`, `steps` and `rejection`"
        case .giveApprovalTitle: return "give the path's Chinese title"
        case .giveRejectionState: return "name the state an application ends in when refused, e.g. `rejection: rejected`"
        case .stepShape: return "each step must be a mapping with `id`, `label` and `actor`"
        case .invalidStepID(let id): return "\(Written.code(id)) is not a valid step id"
        case .stepMissingActor(let id): return "step \(Written.code(id)) is missing `actor`"
        case .sayActor: return "say who takes this step, e.g. `actor: 社区居委会`"
        case .approvalNoSteps: return "`approval` has no steps"
        case .listSteps: return "list the steps in order under `steps:`"
        case .programShape(let name): return "program \(Written.code(name)) must be a mapping with `places`, `eligible` and `priority`"
        case .givePlaces: return "give the number of places, e.g. `places: 200`"
        case .giveEligible: return "give who may get a place, e.g. `eligible: smart_bracelet_eligible`"
        case .priorityShape: return "each priority key is `NAME: descending` or `NAME: ascending`"
        case .priorityExample: return "e.g. `- ability_level: descending` puts the highest level first"

        case .complianceShape: return "`compliance` must be a mapping with `title`, `records` and `requirements`"
        case .giveComplianceTitle: return "give the requirements' Chinese title, e.g. `title: 居家养老服务要求`"
        case .complianceMissingRecords: return "`compliance` is missing `records`"
        case .declareRecordKind: return "declare the kind of record the requirements count, e.g. `records: {service: {elder: elder, fields: {...}}}`"
        case .complianceMissingRequirements: return "`compliance` is missing `requirements`"
        case .declareRequirement: return "declare at least one requirement, e.g. `requirements: {daily_knock: {of: service, at_least_days: 1, per: day}}`"
        case .spotCheckPerHelp: return "the window each sample is drawn for, e.g. `per: quarter`"
        case .spotCheckShape: return "`spot_check` must be a mapping such as `{per: quarter}`"
        case .recordKindShape(let name): return "record kind \(Written.code(name)) must be a mapping with `elder` and `fields`"
        case .implicitRecordField(let key): return "\(Written.code(key)) is a field of every record and is not declared"
        case .recordDateIsImplicit: return "every record has `date` (YYYY-MM-DD), the day of the service; remove this line"
        case .recordNameIsReserved: return "`record` names a record's kind in a file of several kinds; choose another name"
        case .elderFieldHelp: return "name the field that holds the elder's id, e.g. `elder: elder`"
        case .festivalShape(let name): return "festival \(Written.code(name)) must be a mapping with `lunar` or `anniversary`, and `days_around`"
        case .festivalLunarOrAnniversary(let name): return "festival \(Written.code(name)) needs exactly one of `lunar` and `anniversary`"
        case .lunarOrAnniversaryHelp: return "`lunar: 八月十五` is a day of the Chinese calendar; `anniversary: birth_date` the yearly return of a date fact"
        case .daysAroundHelp: return "give the days before and after the festival that belong to its window, e.g. `days_around: festival_window_days`"
        case .requirementShape(let name): return "requirement \(Written.code(name)) must be a mapping with `of`, `at_least_days` and `per`"
        case .requirementOfHelp: return "name the kind of record it counts, e.g. `of: service`"
        case .requirementAtLeastHelp: return "the least number of distinct days with a counted record in each window, e.g. `at_least_days: 1`"
        case .requirementPerHelp: return "the window: `day`, `iso_week`, `half_month`, `month`, `quarter` or `festival`"

        case .vocabularyHelp: return "name the policy file or fragment that declares the facts, relative to this file, e.g. `vocabulary: person.yaml`"
        case .populationMissingFields: return "the population description is missing `fields`"
        case .listFieldsWithDistributions: return "list each fact with its distribution, e.g. `fields: {hukou_local: {probability: 0.92}}`"
        case .populationFieldShape(let name): return "\(Written.code(name)) must be a distribution such as `{probability: 0.05}`, or a list of them with `when`"
        case .populationNoCases(let name): return "\(Written.code(name)) has an empty list of cases"
        case .giveOneDistribution: return "give at least one distribution"
        case .populationCaseNeverUsed(let name): return "this case of \(Written.code(name)) is never used: the case before it has no `when`"
        case .onlyLastCaseWithoutWhen: return "only the last case goes without `when`; it covers everyone the cases before it do not"
        case .populationLastCaseHasWhen(let name): return "the last case of \(Written.code(name)) has a `when`, so some persons would get no value"
        case .endWithCaseWithoutWhen: return "end with a case without `when`, such as `- {probability: 0.15}`"
        case .populationCaseShape(let field): return "each case of \(Written.code(field)) must be a mapping such as `{when: age >= 80, probability: 0.25}`"
        case .populationTwoDraws(let field, let first, let second): return "the description of \(Written.code(field)) gives both \(Written.code(first)) and \(Written.code(second))"
        case .oneDistributionPerCase: return "one distribution per case; to draw differently under different conditions, write a list of cases, each with `when`"
        case .populationNoDraw(let field): return "the description of \(Written.code(field)) gives no distribution"
        case .giveOneOf(let keys): return "give one of \(Written.codes(keys, ", "))"
        case .probabilityRange(let shown): return "`probability` must be a number from 0 to 1, not \(shown.en)"
        case .probabilityExample: return "e.g. `probability: 0.05` for 5%"
        case .bandsShape(let key): return "\(Written.code(key)) must be a list of bands such as `- {from: 60, to: 64, weight: 23}`"
        case .numberedShape: return "`numbered` must be a single value, the first person's text such as `P00000001`"
        case .numberedDigits(let text): return "`numbered` must end in the first person's number (at most 18 digits), not \(Written.code(text))"
        case .numberedExample: return "e.g. `numbered: P00000001`: later persons are P00000002, P00000003, …"
        case .valueNotSingle: return "`value` must be a single value"
        case .choicesShape(let key, let weights):
            return "\(Written.code(key)) must map each value to its \(weights ? "weight" : "share"), e.g. `\(weights ? "{urban: 3, rural: 2}" : "{rural: 0.40, urban: 0.60}")`"
        case .choiceNotNumber(let key, let weights): return "the \(weights ? "weight" : "share") of \(Written.code(key)) must be a single number"
        case .weightRange(let limit, let found): return "a weight must be a whole number from 1 to \(limit), not \(Written.code(found))"
        case .weightsAreRelative: return "weights are relative: `{a: 3, b: 1}` draws `a` three times as often as `b`"
        case .shareRange(let found): return "a share must be a number above 0 and at most 1, not \(Written.code(found))"
        case .sharesSum(let field, let total): return "the shares of \(Written.code(field)) add up to \(total), not 1"
        case .sharesAreFractions: return "shares are fractions of everyone; for relative amounts use `weights`"
        case .bandShape(let field): return "each band of \(Written.code(field)) must be a mapping such as `{from: 60, to: 64, weight: 23}`"
        case .bandNotWholeNumber(let key, let found): return "\(Written.code(key)) must be a whole number, not \(Written.code(found))"
        case .bandEndsBeforeStart(let from, let to): return "the band ends (\(to)) before it starts (\(from))"
        }
    }

    static func columns(_ columns: [Int], _ or: String) -> String {
        columns.map(String.init).joined(separator: " \(or) ")
    }
}

extension SyntaxPlace {
    var en: String {
        switch self {
        case .policyFile: return "the policy file"
        case .populationDescription: return "the population description"
        case .section(let name): return Written.code(name)
        case .input(let name): return "input \(Written.code(name))"
        case .parameter(let name): return "parameter \(Written.code(name))"
        case .timelineEntry(let name): return "a timeline entry of \(Written.code(name))"
        case .definition(let name): return "definition \(Written.code(name))"
        case .decision(let name): return "decision \(Written.code(name))"
        case .rule(let decision): return "a rule of \(Written.code(decision))"
        case .apportion(let decision): return "`apportion` of \(Written.code(decision))"
        case .approvalStep: return "an approval step"
        case .program(let name): return "program \(Written.code(name))"
        case .account(let name): return "account \(Written.code(name))"
        case .event(let name): return "event \(Written.code(name))"
        case .field(let name): return "field \(Written.code(name))"
        case .refusal(let event): return "a refusal of event \(Written.code(event))"
        case .effect(let event): return "an effect of event \(Written.code(event))"
        case .ledgerCheck: return "a ledger check"
        case .scheduled(let name): return "scheduled \(Written.code(name))"
        case .recordKind(let name): return "record kind \(Written.code(name))"
        case .festival(let name): return "festival \(Written.code(name))"
        case .requirement(let name): return "requirement \(Written.code(name))"
        case .populationCase(let field): return "the description of \(Written.code(field))"
        case .populationBand(let field): return "a band of \(Written.code(field))"
        }
    }
}

extension NodeKind {
    var en: String {
        switch self {
        case .singleValue: return "a single value"
        case .list: return "a list"
        case .mapping: return "a mapping (key: value lines)"
        }
    }
}

extension ShownNode {
    var en: String {
        switch self {
        case .text(let text): return Written.code(text)
        case .kind(let kind): return kind.en
        }
    }
}

extension ExpressionTokenText {
    var en: String {
        switch self {
        case .code(let text): return Written.code(text)
        case .quoted(let text): return "\"\(text)\""
        case .end: return "the end"
        }
    }
}

extension RefusedCharacter {
    var en: String {
        switch self {
        case .nul(let code): return "a NUL byte (\(code))"
        case .control(let code): return "the control character \(code)"
        case .other(let code): return "the character \(code)"
        }
    }
}

extension YAMLProblem {
    var en: String {
        let detail = context.map { "\($0) " } ?? ""
        var text = detail + problem
        while text.last == " " { text.removeLast() }
        return text
    }
}
