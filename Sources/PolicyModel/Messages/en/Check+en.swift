extension CheckMessage {
    public var en: String {
        let code = Written.code
        switch self {
        case .suggestion(let suggestion): return suggestion.en

        case .extendsCycle(let chain): return "`extends` makes a cycle: \(Written.codes(chain, " → "))"
        case .variantCannotExtendBack: return "a variant extends a policy that does not extend it back"
        case .includeCycle(let chain): return "`include` makes a cycle: \(Written.codes(chain, " → "))"
        case .includedFileHasHeader: return "an included file is a fragment and cannot have a `policy:` section"
        case .useExtendsForWholePolicy: return "to build on a whole policy, use `extends:` instead of `include:`"
        case .fragmentDeclaresDecisions: return "an included fragment may declare inputs, parameters and definitions only"
        case .decisionsBelongInPolicyFile: return "put decisions in the policy file itself"
        case .noFile(let path): return "no file at \(code(path))"
        case .pathsAreRelative: return "paths are relative to the file that names them"
        case .isDirectory(let path): return "\(code(path)) is a directory, not a policy file"
        case .cannotRead(let path): return "cannot read \(code(path))"
        case .checkPermissions: return "check the file's permissions"
        case .outsideDirectory(let file, let directory): return "\(code(file)) is outside the policy directory \(code(directory))"
        case .putFileInDirectory(let directory): return "put the policy file itself in \(code(directory)) or a folder below it, not a link to it"
        case .absoluteReference(let keyword, let reference): return "\(code(keyword)) names an absolute path, \(code(reference))"
        case .nameFileInside(let directory): return "name a policy file inside the policy directory \(code(directory)) (or a folder below it), by a path relative to this file"
        case .referenceOutside(let keyword, let reference, let directory):
            return "\(code(keyword)) names \(code(reference)), which is outside the policy directory \(code(directory))"
        case .referenceNotPolicyFile(let keyword, let reference): return "\(code(keyword)) names \(code(reference)), which is not a policy file"
        case .policyFileExtensions: return "policy files end in `.yaml` or `.yml`"
        case .referenceLinksOutside(let keyword, let reference, let directory):
            return "\(code(keyword)) names \(code(reference)), a link to a file outside the policy directory \(code(directory))"
        case .noPolicySection: return "the file has no `policy:` section"
        case .policySectionNeeded: return "a policy starts with `policy:` giving its `id`, `title` and `version`; a file without one can only be included"
        case .alreadyDeclared(let name, let span): return "\(code(name)) is already declared at \(span)"
        case .namesAreShared: return "inputs, parameters, definitions and decisions share one set of names; rename one of them"
        case .programAlreadyDeclared(let name, let span): return "program \(code(name)) is already declared at \(span)"
        case .removeRulesOnlyInVariant: return "`remove_rules` only applies in a variant, to a decision of the policy it extends"
        case .noRuleToRemove(let rule, let decision): return "no rule \(code(rule)) in \(code(decision)) to remove"
        case .noRuleToPlaceBefore(let rule, let decision): return "no rule \(code(rule)) in \(code(decision)) to place this rule before"
        case .noRuleToPlaceAfter(let rule, let decision): return "no rule \(code(rule)) in \(code(decision)) to place this rule after"

        case .policyIDTwice(let id, let first, let second): return "policy id \(code(id)) is used by both \(first) and \(second)"
        case .giveOwnID: return "give each policy its own `id`"
        case .policyIDNotServable(let id): return "policy id \(code(id)) cannot be served over HTTP"
        case .servableIDs: return "use lowercase letters a-z, digits, `-` and `_`, starting with a letter or digit, at most 64 characters"
        case .policyIDServed(let id, let other): return "policy id \(code(id)) is already used by \(other)"
        case .checkTooSlow(let file, let deadline):
            return "checking \(file) took longer than \(deadline) (the service's reload deadline); it is not tried again until it changes"
        case .findWhatTakesTime: return "run `carepolicy check` on it to see what takes the time, or raise --reload-deadline-ms"
        case .dropsNames(let id, let decisions, let inputs, let version):
            var dropped: [String] = []
            if !decisions.isEmpty { dropped.append((decisions.count == 1 ? "decision " : "decisions ") + Written.codes(decisions, ", ")) }
            if !inputs.isEmpty { dropped.append((inputs.count == 1 ? "input " : "inputs ") + Written.codes(inputs, ", ")) }
            return "this text of \(Written.code(id)) drops the \(dropped.joined(separator: " and the ")) of the served version \(Written.code(version)) without changing `version`"
        case .keepNamesOrNewVersion: return "other systems depend on these names: keep them, or give the policy a new `version:` to publish the change on purpose"
        case .cannotReadRevision(let reference, let problem): return "cannot read \(Written.code(reference)): \(problem)"
        case .nameRevisionPath: return "name a file at a git revision as `REV:path`, such as `HEAD:policies/anqing.yaml`"
        case .cannotWriteTemporaryCopy(let path, let problem): return "cannot write a temporary copy at \(Written.code(path)): \(problem)"
        case .linkedTypeDiffers(let name, let declared, let target, let targetType):
            return "parameter \(Written.code(name)) is declared \(declared), but \(Written.code(target)), whose values it takes, is \(targetType)"
        case .linkedOneType(let declared):
            return "linked parameters share their values, so they have one type; remove `type:` here, or link to a parameter of type \(declared)"
        case .linkedUnitDiffers(let name, let unit, let target, let targetUnit):
            return "parameter \(Written.code(name)) counts \(Written.code(unit)), but \(Written.code(target)), whose values it takes, counts \(Written.code(targetUnit))"
        case .linkedSameUnit(let name):
            return "linked parameters share their values, so they count the same thing; correct the unit, or give \(Written.code(name)) values of its own instead of `same_as`"
        case .linkedToUnknown(let name, let target): return "parameter \(Written.code(name)) is `same_as` an unknown parameter \(Written.code(target))"
        case .nameAParameter(let names): return "name a parameter of this policy: " + Written.codes(names, ", ")
        case .linkedToNonParameter(let kind, let target): return "`same_as` names \(kind == "input" ? "an input" : "a \(kind)"), \(Written.code(target)); only a parameter can be linked to"
        case .linkOnlyParameters: return "a linked parameter takes the values of another parameter; to compute a value from facts, write a definition"
        case .linkCircle(let names): return "parameters linked in a circle: " + names.map(Written.code).joined(separator: " → ")
        case .circleNeedsOwnValues: return "one of them must have values of its own (`value:` or `timeline:`) for the others to take"

        case .builtinName(let name): return "\(code(name)) is a built-in name (the date of evaluation) and cannot be declared"
        case .untilBeforeFrom(let until, let from): return "`effective_until` (\(until)) is before `effective_from` (\(from))"
        case .notADate(let text): return "\(code(text)) is not a date"
        case .writeDateAs(let key): return "write \(key) as `YYYY-MM-DD`, e.g. `2026-01-01`"
        case .inputWithoutLabel(let name): return "input \(code(name)) has no `label`"
        case .giveLabel: return "give the Chinese name a policy officer knows it by, e.g. `label: 出生日期`"
        case .rangeNeedsOrderedType(let key, let type): return "\(code(key)) applies to numbers and dates, not to \(type.en)"
        case .maxBelowMin: return "`max` is less than `min`"
        case .defaultBelowMin: return "the default is below `min`"
        case .defaultAboveMax: return "the default is above `max`"
        case .decimalsNeedDecimal(let type): return "`decimals` applies to decimal inputs, not to \(type.en)"
        case .defaultTooManyPlaces(let places): return "the default has more than \(places) decimal places"
        case .decimalsRange: return "`decimals` must be a whole number from 0 to 18"
        case .decimalsForMoney: return "write `decimals: 2` for amounts of money"
        case .notAfterShape: return "`not_after` can only be `evaluation_date`, on a date input"
        case .notAfterMeaning: return "it says the date may not be later than the evaluation date, as for a birth date"
        case .parameterWithoutValue(let name): return "parameter \(code(name)) has no value"
        case .giveValueOrTimeline: return "give `value:` or a `timeline:` of `{from: DATE, value: …}`"
        case .twoValuesStartOn(let name, let date): return "two values of \(code(name)) start on \(date)"
        case .otherIsAt(let span): return "the other is at \(span)"
        case .literalMismatch(let place, let expected, let found): return "\(place.en) must be \(expected.en), not \(code(found))"
        case .literalNotEnumValue(let place, let cases, let found): return "\(place.en) must be one of \(Written.codes(cases, ", ")), not \(code(found))"
        case .definitionRefersToItself(let name): return "definition \(code(name)) refers to itself"
        case .noSelfDependency: return "a definition cannot depend on its own value, directly or through others"
        case .definitionTypeMismatch(let name, let declared, let actual): return "definition \(code(name)) is declared \(declared.en) but its expression is \(actual.en)"

        case .numberTooLarge(let text): return "\(code(text)) is too large"
        case .tooManyDigits(let text): return "\(code(text)) has too many digits to compute exactly"
        case .atMost18Digits: return "use at most 18 digits"
        case .emptyListType: return "cannot tell what this empty list holds"
        case .useWhereListTypeIsKnown: return "use it where a list of known type is expected"
        case .listMixes(let a, let b): return "this list mixes \(a.en) and \(b.en)"
        case .negateNeedsNumber(let type): return "`-` needs a number, but this is \(type.en)"
        case .ifBranchesDiffer(let a, let b): return "the branches of `if` differ: \(a.en) and \(b.en)"
        case .branchesSameKind: return "both branches must give the same kind of value"
        case .noField(let type, let field): return "\(type.en) has no field \(code(field))"
        case .needsTrueOrFalse(let role, let type): return "\(role.en) needs true or false, but this is \(type.en)"
        case .compareIt: return "compare it, e.g. `… >= 2`"
        case .notInScope(let name, let what, let scope):
            return "\(code(name)) is \(what.enAboutPerson), not part of \(scope.enItem); \(scope.en) can only use its own fields and the parameters"
        case .fieldsHereAre(let names): return "the fields here are \(Written.codes(names, ", "))"
        case .unknownName(let name): return "unknown name \(code(name))"
        case .valuesHereAre(let names): return "the values here are \(Written.codes(names, ", "))"
        case .fieldsOfScopeAre(let scope, let names): return "the fields of \(scope.enItem) are \(Written.codes(names, ", ")); parameters may be used too"
        case .declareOrQuote(let name):
            return "declare it under `inputs`, `parameters` or `definitions`; for text, write it in quotes the expression keeps: `“\(name)”` or `'\"\(name)\"'` (YAML removes the outer quotes)"
        case .cannotCompare(let a, let b): return "cannot compare \(a.en) with \(b.en)"
        case .enumsDiffer(let a, let b): return "\(code(a)) and \(code(b)) have different values"
        case .compareWithValues(let cases): return "compare it with one of its values: \(Written.codes(cases, ", "))"
        case .sameTypeBothSides: return "both sides must have the same type (integers and decimals mix freely)"
        case .orderingNeedsOrdered(let op, let type): return "\(code(op)) needs numbers or dates, but these are \(type.en)"
        case .useEqualityFor(let type): return "use `==`, `!=` or `in` to compare \(type.en)"
        case .arithmeticNeedsNumbers(let op, let type): return "\(code(op)) needs numbers, but this is \(type.en)"
        case .useDateFunctions: return "use `years_between` or `days_between` for dates"
        case .arithmeticOnNumbers: return "arithmetic works only on integers and decimals"
        case .divisionByZero: return "division by zero"
        case .inNeedsList(let type): return "`in` needs a list on its right, but this is \(type.en)"
        case .writeInList: return "write `x in [a, b]`"
        case .cannotLookFor(let item, let element): return "cannot look for \(item.en) in a list of \(element.en)"
        case .unknownFunction(let name): return "unknown function \(code(name))"
        case .arity(let name, let expected, let found): return "\(code(name)) takes \(expected) argument\(expected == 1 ? "" : "s"), not \(found)"
        case .notCalendarDate(let text): return "\(code(text)) is not a date in the calendar"
        case .writeRealDate: return "write a real date as YYYY-MM-DD: the month is 01–12 and the day exists in that month"
        case .dateNeedsQuotedDate: return "`date` needs a date in quotes, like `date(\"2026-01-01\")`"
        case .needsTwoNumbers(let name): return "\(code(name)) needs at least two numbers"
        case .functionNeedsNumbers(let name, let type): return "\(code(name)) needs numbers, but this is \(type.en)"
        case .floorToNeedsNumbers: return "`floor_to` needs two numbers: the amount and the unit"
        case .floorToUnitPositive: return "the unit of `floor_to` must be greater than zero"
        case .needsTwoDates(let name): return "\(code(name)) needs two dates"
        case .dateFunctionExample(let name): return "e.g. `\(name)(birth_date, evaluation_date)`"
        case .needsList(let name, let type): return "\(code(name)) needs a list, but this is \(type.en)"
        case .sumNeedsNumbers(let type): return "`sum` needs a list of numbers, but this holds \(type.en)"
        case .tooDeep(let through, let limit):
            return "\(through.map { "reading \(code($0)) here" } ?? "this expression") goes too deep: with the definitions and decisions it reads, more than \(limit) operations one inside the other"
        case .shortenDefinitionChain: return "a definition that reads another is evaluated inside it: shorten the chain of definitions or the expressions along it"

        case .typeNotKnownYet(let name): return "decision \(code(name)) is used while its own type is being worked out"
        case .declareDecisionType: return "declare its `type` (and `values` for an enum)"
        case .decisionWithoutBody(let name): return "decision \(code(name)) has no `rules`, `value` or `apportion`"
        case .giveDecisionBody: return "give a rule table (`rules:`), a formula (`value:`) or a split (`apportion:`)"
        case .decisionWithSeveralBodies(let name): return "decision \(code(name)) has more than one of `rules`, `value` and `apportion`"
        case .keepOneBody: return "keep one way of computing it"
        case .unknownHitPolicy(let text): return "unknown hit policy \(code(text))"
        case .hitPolicies: return "use `first` (the first matching rule wins), `unique` (only one may match) or `collect` (all matches, as a list)"
        case .ruleIDTwice(let id, let decision): return "rule id \(code(id)) is used twice in \(code(decision))"
        case .elseNotLast(let decision): return "the `else` row must be the last rule of \(code(decision))"
        case .rulesAfterElse: return "rules after it could never apply"
        case .ruleWithoutReason(let rule, let decision): return "rule \(code(rule)) of \(code(decision)) has no `reason`"
        case .giveReason: return "say in a few words, in Chinese, why the rule gives this result, e.g. `reason: 年满70周岁城镇三无老人`"
        case .conditionNotBool(let type): return "a condition must be true or false, but this is \(type.en)"
        case .ruleValueType(let rule, let type, let decision, let expected): return "the value of rule \(code(rule)) is \(type.en), but \(code(decision)) is \(expected.en)"
        case .valuesOfEnumAre(let name, let cases): return "the values of \(code(name)) are \(Written.codes(cases, ", "))"
        case .declareDecimalOrUseWholeNumbers: return "declare the decision `type: decimal`, or use whole numbers"
        case .formulaType(let name, let type, let declared): return "the value of \(code(name)) is \(type.en), but it is declared \(declared.en)"
        case .dependsOnItself(let name, let cycle): return "\(code(name)) depends on itself: \(Written.codes(cycle, " → "))"
        case .breakCycle: return "break the cycle: one of these must be computed without the others"
        case .emptyRuleTable(let name): return "decision \(code(name)) has an empty rule table"
        case .addRule: return "add at least one rule or an `else` row"

        case .totalNotNumber(let type): return "the `total` to split must be a number, not \(type.en)"
        case .payerTwice(let name): return "payer \(code(name)) is listed twice"
        case .shareNotAmount(let name, let type): return "the share of \(code(name)) must be an amount, not \(type.en)"
        case .remainderCount(let name, let count): return "`apportion` of \(code(name)) needs exactly one payer whose share is `remainder` (it has \(count))"
        case .remainderMeaning: return "the remainder payer takes what is left after the others, so the parts add up to the total"
        case .notAPayer(let name): return "\(code(name)) in `reduce_in_order` is not a payer"
        case .remainderHasNoShare(let name): return "the remainder payer \(code(name)) has no share to reduce"
        case .listOtherPayers: return "list only the other payers"
        case .reduceListedTwice(let name): return "\(code(name)) is listed twice in `reduce_in_order`"
        case .reduceMissing(let names): return "`reduce_in_order` must list every payer but the remainder payer; missing: \(Written.codes(names, ", "))"
        case .completeTheOrder(let names): return "without a full order the shares could exceed the total with nowhere to cut; add \(Written.codes(names, ", "))"
        case .totalMayBeNegative(let total, let decision, let range):
            return "cannot prove that the total \(code(total)) split by \(code(decision)) is never negative (its range is \(range))"
        case .declareMinZero: return "declare `min: 0` on the facts the total is computed from, so the parts always sum to it"
        case .mayOverflow(let expression, let place, let operands):
            return "\(code(expression)) \(place.en) can be too large to compute exactly: with the parameters' values and the facts' declared ranges, it can reach \(operands)"
        case .useSmallerFigures: return "a parameter or number it uses is too large for exact arithmetic (18 digits in all); use a smaller figure, or declare `max:` on the facts it reads"

        case .noAccounts: return "the ledger declares no accounts"
        case .declareAccountUnder: return "declare at least one under `accounts:`"
        case .unknownAccountKind(let text): return "unknown account kind \(code(text))"
        case .accountKinds: return "`balance` can be credited and debited and never goes below zero; `settlement` is only credited (what is owed to a provider)"
        case .accountWithoutUnit(let name): return "account \(code(name)) is missing `unit`"
        case .giveUnit: return "give the smallest amount it stores, e.g. `unit: 0.5` for half points or `unit: 0.01` for yuan"
        case .invalidUnit(let text): return "\(code(text)) is not a valid unit"
        case .unitShape: return "a unit is a positive number with at most two decimal places, like `1`, `0.5`, `0.25` or `0.01`"
        case .unknownExpiry(let text): return "unknown expiry \(code(text))"
        case .expiries: return "the expiry the language knows is `end_of_year` (each credit lapses at the end of 31 December of its year)"
        case .settlementDoesNotExpire: return "a settlement account does not expire"
        case .removeExpires: return "remove `expires`, or make the account a `balance`"
        case .holdNeedsTextField(let event): return "`hold` must name a text field of event \(code(event))"
        case .takeNeedsTextField(let event): return "`take` must name a text field of event \(code(event)) holding the id of an earlier event"
        case .noEventTypeToTake(let name): return "no event type \(code(name)) to take"
        case .eventNotHeld(let name): return "event \(code(name)) is not held, so no later event can take it"
        case .giveHold(let name): return "give event \(code(name)) a `hold: FIELD` naming the field that identifies it"
        case .noAccount(let name): return "no account \(code(name))"
        case .settlementOnlyCredited(let name): return "account \(code(name)) is a settlement and is only credited"
        case .debitABalance: return "debit a `balance` account instead"
        case .accountKeyNotText(let type): return "an account key must be text (a person's or a provider's id), but this is \(type.en)"
        case .amountNotNumber(let type): return "an amount must be a number, but this is \(type.en)"
        case .eventChangesNothing(let event): return "event \(code(event)) has no `effects` and is not held, so it would change nothing"
        case .giveEffectsOrHold: return "give it `effects:` (credits and debits) or `hold: FIELD`"
        case .noEventTypeToCount(let name): return "no event type \(code(name)) to count"
        case .eventHasNoField(let event, let field): return "event \(code(event)) has no field \(code(field))"
        case .atLeastNotWhole(let type): return "`at_least` must be a whole number, but this is \(type.en)"
        case .unknownCalendar(let text, let schedule): return "unknown calendar \(code(text)) for scheduled \(code(schedule))"
        case .calendars: return "the calendar the language knows is `month` (the first day of each month)"
        case .noEventTypeToSchedule(let name): return "no event type \(code(name)) to schedule"
        case .scheduledEventTakes(let name): return "event \(code(name)) takes an earlier event, so the ledger cannot make it by itself"
        case .scheduleWithoutTake: return "schedule an event type without `take`"
        case .dateIsNotGiven: return "`date` is the day the event is made, not a field to give"
        case .everySetsDate(let every): return "`every: \(every)` sets it; remove this line"
        case .scheduleMissingField(let schedule, let field, let event): return "scheduled \(code(schedule)) does not give field \(code(field)) of event \(code(event))"
        case .giveFieldExpression(let field): return "give it an expression about the person, e.g. `\(field): …` under `fields`"
        case .scheduleFieldType(let field, let event, let type, let actual): return "field \(code(field)) of event \(code(event)) is \(type.en), but this is \(actual.en)"

        case .stepTwice(let id, let span): return "the step \(code(id)) is listed twice (first at \(span))"
        case .rejectionIsStep(let name, let span): return "the rejection state \(code(name)) is also a step (at \(span))"
        case .nameRejectionApart: return "name the rejection apart from the steps, e.g. `rejection: rejected`"
        case .notPlaces(let text): return "\(code(text)) is not a number of places"
        case .givePlacesNumber: return "give a whole number, e.g. `places: 200`"
        case .priorityNotOrdered(let name, let type): return "\(code(name)) is \(type.en), which has no order to rank by"
        case .rankByNumberOrDate: return "rank by a number or a date, such as `ability_level` or `age`"

        case .noRecordKinds: return "the compliance section declares no record kinds"
        case .declareRecordsUnder: return "declare at least one under `records:`"
        case .noRequirements: return "the compliance section declares no requirements"
        case .declareRequirementsUnder: return "declare at least one under `requirements:`"
        case .tooManyRequirements: return "a compliance section holds at most 64 requirements"
        case .splitRequirements: return "split the requirements over two policies"
        case .spotCheckPerFestival: return "a spot check is drawn per calendar window, not per festival"
        case .spotCheckPerQuarter: return "use `per: quarter` or `per: month`"
        case .elderNeedsTextField(let kind): return "`elder` must name a text field of record kind \(code(kind))"
        case .declareElderField: return "declare the field that holds the elder's id, e.g. `elder: string` under `fields:`"
        case .notLunarDay(let text): return "\(code(text)) is not a day of the Chinese calendar"
        case .writeLunarDay: return "write the month and day the way a calendar does, like `正月初一`, `八月十五`, `腊月廿三`, or as `MM-DD` (`08-15`)"
        case .anniversaryNeedsDateFact: return "`anniversary` must name a date fact of the elder"
        case .noRecordKind(let name): return "no record kind \(code(name))"
        case .festivalWindowWithoutFestivals(let name): return "requirement \(code(name)) is judged per festival, but the section declares no festivals"
        case .declareFestivals: return "declare them under `festivals:`, e.g. `mid_autumn: {label: 中秋节, lunar: 八月十五, days_around: 3}`"
        case .noFestival(let name): return "no festival \(code(name))"
        case .festivalsNeedFestivalWindow: return "`festivals` belongs to a requirement judged `per: festival`"
        case .removeFestivals: return "remove it, or judge the requirement per festival"
        case .fromNotDate(let type): return "`from` must be a date about the elder, but this is \(type.en)"
        case .fromMeaning: return "name a date fact such as `card_issued_on`: only windows that start on or after it are judged"
        case .requirementNeverMet(let name, let days, let longest):
            return "requirement \(code(name)) asks for \(days) distinct days in a window of at most \(longest) day\(longest == 1 ? "" : "s"): it can never be met"
        case .unknownWindow(let text): return "unknown window \(code(text))"
        case .windowsAre(let names): return "the windows are \(Written.codes(names, ", "))"
        case .countNegative(let key, let found): return "\(code(key)) must be 0 or more, not \(found)"
        case .daysNotNegative: return "a number of days cannot be negative"
        case .countParameterNotWhole(let key, let parameter, let type): return "\(code(key)) must be a whole number, but parameter \(code(parameter)) is \(type.en)"
        case .countParameterNegative(let key, let parameter, let value, let from):
            return "\(code(key)) must be 0 or more, but parameter \(code(parameter)) is \(value)\(from.map { " from \($0)" } ?? "")"
        case .daysNotNegativeValueAt(let span): return "a number of days cannot be negative; the value is at \(span)"
        case .countShape(let key): return "\(code(key)) must be a whole number of days or the name of an integer parameter"
        case .countExample(let key): return "e.g. `\(key): 1` or `\(key): festival_window_days`"
        case .groupsWithoutGroupBy: return "`groups` names the groups of `group_by`, which is missing"
        case .addGroupBy: return "add `group_by: FACT`, e.g. `group_by: village`"
        case .groupByNeedsFact: return "`group_by` must name a fact of the elder"
        case .groupByNeedsTextOrEnum(let name, let type): return "`group_by` must name a text or enum fact, but \(code(name)) is \(type.map { $0.en } ?? "untyped")"
        case .groupByNeedsGroups: return "`group_by` needs `groups`, the name the report gives the groups"
        case .groupsExample: return "e.g. `groups: villages`"
        case .cannotNameGroups(let name): return "\(code(name)) cannot name the groups"
        case .groupNameRules: return "use lowercase letters, digits and `_`, other than the report's own keys (`policy`, `period`, `elders`, `refused`, `spot_check`)"

        case .populationNotInput(let name, let what, let vocabulary):
            return "\(code(name)) is \(what.enArticle) of \(code(vocabulary)), not an input: a population draws inputs only"
        case .describeInputsItReads: return "describe the inputs it reads; a `when` can use it"
        case .populationUnknownInput(let name, let vocabulary): return "\(code(name)) is not an input of \(code(vocabulary))"
        case .whenReadsUndrawn(let field, let other, let through):
            return "the `when` of \(code(field)) reads \(code(other))\(through.map { " (through \(code($0)))" } ?? ""), which is not drawn before it"
        case .drawOrder(let other, let field): return "facts are drawn in the order they are listed; describe \(code(other)) above \(code(field))"
        case .whenReadsDecision(let field, let decision): return "the `when` of \(code(field)) reads the decision \(code(decision)); a population is drawn before any decision"
        case .useDrawnFacts: return "use facts drawn before it, definitions and parameters"
        case .drawMismatch(let key, let kind, let input, let type): return "\(code(key)) draws \(kind.en), but \(code(input)) is \(type.en)"
        case .drawsThatSuit(let type, let keys):
            return "for \(type.en), use \(Self.joined(keys.map(code), last: "or")) (or `value` for everyone alike)"
        case .bandBelow(let from, let low, let scope): return "the band starts at \(from), below \(low), the least of \(scope.en)"
        case .bandAbove(let to, let high, let scope): return "the band ends at \(to), above \(high), the largest of \(scope.en)"
        case .valueBelowMinimum(let value, let minimum, let input): return "\(code(value)) is below the least value \(minimum) of \(code(input))"
        case .valueAboveMaximum(let value, let maximum, let input): return "\(code(value)) is above the largest value \(maximum) of \(code(input))"
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func joined(_ items: [String], last: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(last) " + (items.last ?? "")
    }
}

extension LiteralPlace {
    var en: String {
        switch self {
        case .key(let key): return Written.code(key)
        case .defaultOf(let name): return "the default of \(Written.code(name))"
        case .valueOf(let name): return "the value of \(Written.code(name))"
        case .aValueOf(let name): return "a value of \(Written.code(name))"
        }
    }
}

extension ExpectedLiteral {
    var en: String {
        switch self {
        case .trueOrFalse: return "`true` or `false`"
        case .wholeNumber: return "a whole number"
        case .decimalNumber: return "a decimal number such as `12.00`"
        case .date: return "a date `YYYY-MM-DD`"
        case .list: return "a list such as `[a, b]`"
        case .constantList: return "a constant list"
        }
    }
}

extension BoolRole {
    var en: String {
        switch self {
        case .keyword(let word): return Written.code(word)
        case .refusalWhen: return "a refusal's `when`"
        case .scheduleWhen(let name): return "the `when` of scheduled \(Written.code(name))"
        case .programEligible(let name): return "`eligible` of program \(Written.code(name))"
        case .populationWhen(let name): return "the `when` of \(Written.code(name))"
        }
    }
}

extension SymbolWhat {
    var enAboutPerson: String {
        switch self {
        case .input: return "a fact about a person"
        case .definition: return "a definition about a person"
        case .decision, .parameter: return "a decision about a person"
        }
    }

    var enArticle: String {
        switch self {
        case .input: return "an input"
        case .parameter: return "a parameter"
        case .definition: return "a definition"
        case .decision: return "a decision"
        }
    }
}

extension LocalScope {
    var en: String {
        switch self {
        case .ledgerRule(let event): return "a ledger rule of event \(Written.code(event))"
        case .ledgerCheck: return "a ledger check"
        case .counts(let requirement): return "the `counts` of requirement \(Written.code(requirement))"
        }
    }

    var enItem: String {
        switch self {
        case .counts: return "the record"
        case .ledgerRule, .ledgerCheck: return "the event"
        }
    }
}

extension ArithmeticPlace {
    var en: String {
        switch self {
        case .definition(let name): return "in definition \(Written.code(name))"
        case .ruleCondition(let rule, let decision): return "in rule \(Written.code(rule)) of \(Written.code(decision))"
        case .decisionValue(let decision): return "in the value of \(Written.code(decision))"
        case .share(let payer): return "in the share of \(Written.code(payer))"
        }
    }
}

extension DrawKind {
    var en: String {
        switch self {
        case .trueOrFalse: return "true or false"
        case .oneOfListed: return "one of the values it lists"
        case .wholeNumber: return "a whole number"
        case .dateFromAge: return "a date, from an age"
        case .text: return "text"
        }
    }
}

extension BandScope {
    var en: String {
        switch self {
        case .ages: return "the ages `age` draws"
        case .values(let name): return "the values of \(Written.code(name))"
        }
    }
}

extension ValueType {
    /// The type as an English message names it (`integer`, `enum subsistence`, `list of date`).
    public var en: String { description }
}
