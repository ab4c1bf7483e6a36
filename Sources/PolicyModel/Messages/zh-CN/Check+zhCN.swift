extension CheckMessage {
    public var zhCN: String {
        let code = Written.code
        switch self {
        case .suggestion(let suggestion): return suggestion.zhCN

        case .extendsCycle(let chain): return "`extends` 形成了循环：\(Written.codes(chain, " → "))"
        case .variantCannotExtendBack: return "变体所扩展的政策不能反过来扩展这个变体"
        case .includeCycle(let chain): return "`include` 形成了循环：\(Written.codes(chain, " → "))"
        case .includedFileHasHeader: return "被引用的文件是片段，不能有 `policy:` 部分"
        case .useExtendsForWholePolicy: return "要在一个完整政策的基础上修改，请用 `extends:` 而不是 `include:`"
        case .fragmentDeclaresDecisions: return "被引用的片段只能声明输入事实、参数和定义"
        case .decisionsBelongInPolicyFile: return "把决策写在政策文件本身中"
        case .noFile(let path): return "找不到文件 \(code(path))"
        case .pathsAreRelative: return "路径是相对于写出它的那个文件的"
        case .isDirectory(let path): return "\(code(path)) 是文件夹，不是政策文件"
        case .cannotRead(let path): return "无法读取 \(code(path))"
        case .checkPermissions: return "检查文件的读取权限"
        case .outsideDirectory(let file, let directory): return "\(code(file)) 不在政策目录 \(code(directory)) 中"
        case .putFileInDirectory(let directory): return "把政策文件本身（而不是指向它的链接）放在 \(code(directory)) 或其下的文件夹中"
        case .absoluteReference(let keyword, let reference): return "\(code(keyword)) 写的是绝对路径 \(code(reference))"
        case .nameFileInside(let directory): return "用相对于本文件的路径，写政策目录 \(code(directory))（或其下文件夹）中的政策文件"
        case .referenceOutside(let keyword, let reference, let directory):
            return "\(code(keyword)) 写的 \(code(reference)) 在政策目录 \(code(directory)) 之外"
        case .referenceNotPolicyFile(let keyword, let reference): return "\(code(keyword)) 写的 \(code(reference)) 不是政策文件"
        case .policyFileExtensions: return "政策文件的扩展名是 `.yaml` 或 `.yml`"
        case .referenceLinksOutside(let keyword, let reference, let directory):
            return "\(code(keyword)) 写的 \(code(reference)) 是指向政策目录 \(code(directory)) 之外的链接"
        case .noPolicySection: return "文件没有 `policy:` 部分"
        case .policySectionNeeded: return "政策以 `policy:` 开头，写出 `id`、`title` 和 `version`；没有它的文件只能被引用"
        case .alreadyDeclared(let name, let span): return "\(code(name)) 已经在 \(span) 声明过"
        case .namesAreShared: return "输入事实、参数、定义和决策共用一套名称；请改掉其中一个"
        case .programAlreadyDeclared(let name, let span): return "项目 \(code(name)) 已经在 \(span) 声明过"
        case .removeRulesOnlyInVariant: return "`remove_rules` 只能用在变体中，作用于它所扩展的政策的决策"
        case .noRuleToRemove(let rule, let decision): return "\(code(decision)) 中没有要删除的规则 \(code(rule))"
        case .noRuleToPlaceBefore(let rule, let decision): return "\(code(decision)) 中没有规则 \(code(rule))，无法把这条规则放在它前面"
        case .noRuleToPlaceAfter(let rule, let decision): return "\(code(decision)) 中没有规则 \(code(rule))，无法把这条规则放在它后面"

        case .policyIDTwice(let id, let first, let second): return "\(first) 和 \(second) 用了同一个政策编号 \(code(id))"
        case .giveOwnID: return "给每个政策一个不同的 `id`"
        case .policyIDNotServable(let id): return "政策编号 \(code(id)) 不能通过 HTTP 提供"
        case .servableIDs: return "只能用小写英文字母 a-z、数字、`-` 和 `_`，以字母或数字开头，最多 64 个字符"
        case .policyIDServed(let id, let other): return "政策编号 \(code(id)) 已被 \(other) 使用"
        case .checkTooSlow(let file, let deadline):
            return "检查 \(file) 用时超过 \(deadline)（服务的重新加载时限）；在它再次改动之前不会重试"
        case .findWhatTakesTime: return "对它运行 `carepolicy check` 看看是什么耗时，或者调大 --reload-deadline-ms"
        case .dropsNames(let id, let decisions, let inputs, let version):
            var dropped: [String] = []
            if !decisions.isEmpty { dropped.append("决策 " + Written.codes(decisions, "、")) }
            if !inputs.isEmpty { dropped.append("输入 " + Written.codes(inputs, "、")) }
            return "\(Written.code(id)) 的这一版去掉了正在提供的版本 \(Written.code(version)) 中的\(dropped.joined(separator: "和"))，却没有改 `version`"
        case .keepNamesOrNewVersion: return "其他系统依赖这些名称：请保留它们，或者给政策一个新的 `version:`，有意发布这个改动"
        case .cannotReadRevision(let reference, let problem): return "无法读取 \(Written.code(reference))：\(problem)"
        case .nameRevisionPath: return "用 `REV:path` 指定某个 git 版本中的文件，例如 `HEAD:policies/anqing.yaml`"
        case .cannotWriteTemporaryCopy(let path, let problem): return "无法在 \(Written.code(path)) 写入临时副本：\(problem)"
        case .linkedTypeDiffers(let name, let declared, let target, let targetType):
            return "参数 \(Written.code(name)) 声明为 \(declared)，但它取值的 \(Written.code(target)) 是 \(targetType)"
        case .linkedOneType(let declared):
            return "关联的参数共用取值，所以类型相同；删去这里的 `type:`，或者关联到类型为 \(declared) 的参数"
        case .linkedUnitDiffers(let name, let unit, let target, let targetUnit):
            return "参数 \(Written.code(name)) 的单位是 \(Written.code(unit))，但它取值的 \(Written.code(target)) 的单位是 \(Written.code(targetUnit))"
        case .linkedSameUnit(let name):
            return "关联的参数共用取值，所以单位相同；改正单位，或者不用 `same_as`，给 \(Written.code(name)) 写上自己的值"
        case .linkedToUnknown(let name, let target): return "参数 \(Written.code(name)) 的 `same_as` 指向未知的参数 \(Written.code(target))"
        case .nameAParameter(let names): return "写本政策中的一个参数：" + Written.codes(names, "、")
        case .linkedToNonParameter(let kind, let target): return "`same_as` 指向的 \(Written.code(target)) 是\(["input": "输入事实", "definition": "定义"][kind] ?? "决策")，只能关联到参数"
        case .linkOnlyParameters: return "关联的参数取另一个参数的值；要从事实算出一个值，请写一个定义（definition）"
        case .linkCircle(let names): return "参数关联成了一个圈：" + names.map(Written.code).joined(separator: " → ")
        case .circleNeedsOwnValues: return "其中必须有一个参数有自己的值（`value:` 或 `timeline:`），其他参数才能取它的值"

        case .builtinName(let name): return "\(code(name)) 是内置名称（评估日期），不能声明"
        case .untilBeforeFrom(let until, let from): return "`effective_until`（\(until)）早于 `effective_from`（\(from)）"
        case .notADate(let text): return "\(code(text)) 不是日期"
        case .writeDateAs(let key): return "\(key) 写成 `YYYY-MM-DD`，如 `2026-01-01`"
        case .inputWithoutLabel(let name): return "输入事实 \(code(name)) 没有 `label`"
        case .giveLabel: return "写上经办人员熟悉的中文名称，如 `label: 出生日期`"
        case .rangeNeedsOrderedType(let key, let type): return "\(code(key)) 只适用于数和日期，不适用于\(type.zhCN)"
        case .maxBelowMin: return "`max` 小于 `min`"
        case .defaultBelowMin: return "默认值小于 `min`"
        case .defaultAboveMax: return "默认值大于 `max`"
        case .decimalsNeedDecimal(let type): return "`decimals` 只适用于小数类型的输入事实，不适用于\(type.zhCN)"
        case .defaultTooManyPlaces(let places): return "默认值的小数位数多于 \(places) 位"
        case .decimalsRange: return "`decimals` 必须是 0 到 18 之间的整数"
        case .decimalsForMoney: return "金额写 `decimals: 2`"
        case .notAfterShape: return "`not_after` 只能是 `evaluation_date`，且只能用于日期类型的输入事实"
        case .notAfterMeaning: return "它表示这个日期不能晚于评估日期，例如出生日期"
        case .parameterWithoutValue(let name): return "参数 \(code(name)) 没有值"
        case .giveValueOrTimeline: return "写出 `value:`，或者写出由 `{from: 日期, value: …}` 组成的 `timeline:`"
        case .twoValuesStartOn(let name, let date): return "\(code(name)) 有两个值都从 \(date) 起施行"
        case .otherIsAt(let span): return "另一个在 \(span)"
        case .literalMismatch(let place, let expected, let found): return "\(place.zhCN)必须是\(expected.zhCN)，而不是 \(code(found))"
        case .literalNotEnumValue(let place, let cases, let found): return "\(place.zhCN)必须是 \(Written.codes(cases, "、")) 之一，而不是 \(code(found))"
        case .definitionRefersToItself(let name): return "定义 \(code(name)) 引用了它自己"
        case .noSelfDependency: return "定义不能直接或间接地依赖自身的值"
        case .definitionTypeMismatch(let name, let declared, let actual): return "定义 \(code(name)) 声明为\(declared.zhCN)，但它的表达式是\(actual.zhCN)"

        case .numberTooLarge(let text): return "\(code(text)) 太大了"
        case .tooManyDigits(let text): return "\(code(text)) 的位数太多，无法精确计算"
        case .atMost18Digits: return "最多用 18 位数字"
        case .emptyListType: return "无法判断这个空列表装的是什么"
        case .useWhereListTypeIsKnown: return "在需要已知类型列表的地方使用它"
        case .listMixes(let a, let b): return "这个列表混用了\(a.zhCN)和\(b.zhCN)"
        case .negateNeedsNumber(let type): return "`-` 需要一个数，但这是\(type.zhCN)"
        case .ifBranchesDiffer(let a, let b): return "`if` 的两个分支不一致：一个是\(a.zhCN)，一个是\(b.zhCN)"
        case .branchesSameKind: return "两个分支必须给出同一类值"
        case .noField(let type, let field): return "\(type.zhCN)没有字段 \(code(field))"
        case .needsTrueOrFalse(let role, let type): return "\(role.zhCN)需要“是”或“否”，但这是\(type.zhCN)"
        case .compareIt: return "拿它做比较，如 `… >= 2`"
        case .notInScope(let name, let what, let scope):
            return "\(code(name)) 是\(what.zhAboutPerson)，不属于\(scope.zhItem)；\(scope.zhCN)只能使用自己的字段和参数"
        case .fieldsHereAre(let names): return "这里可用的字段有 \(Written.codes(names, "、"))"
        case .unknownName(let name): return "未知的名称 \(code(name))"
        case .valuesHereAre(let names): return "这里可用的取值有 \(Written.codes(names, "、"))"
        case .fieldsOfScopeAre(let scope, let names): return "\(scope.zhItem)的字段有 \(Written.codes(names, "、"))；也可以使用参数"
        case .declareOrQuote(let name):
            return "在 `inputs`、`parameters` 或 `definitions` 中声明它；如果是文字，请用表达式能保留下来的引号：`“\(name)”` 或 `'\"\(name)\"'`（YAML 会去掉最外层的引号）"
        case .cannotCompare(let a, let b): return "无法拿\(a.zhCN)和\(b.zhCN)比较"
        case .enumsDiffer(let a, let b): return "\(code(a)) 和 \(code(b)) 的取值不同"
        case .compareWithValues(let cases): return "拿它和它的某个取值比较：\(Written.codes(cases, "、"))"
        case .sameTypeBothSides: return "两边的类型必须相同（整数和小数可以混用）"
        case .orderingNeedsOrdered(let op, let type): return "\(code(op)) 需要数或日期，但这里是\(type.zhCN)"
        case .useEqualityFor(let type): return "比较\(type.zhCN)请用 `==`、`!=` 或 `in`"
        case .arithmeticNeedsNumbers(let op, let type): return "\(code(op)) 需要数，但这是\(type.zhCN)"
        case .useDateFunctions: return "日期请用 `years_between` 或 `days_between`"
        case .arithmeticOnNumbers: return "只有整数和小数可以做算术"
        case .divisionByZero: return "除数为零"
        case .inNeedsList(let type): return "`in` 的右边需要一个列表，但这是\(type.zhCN)"
        case .writeInList: return "写成 `x in [a, b]`"
        case .cannotLookFor(let item, let element): return "无法在\(element.zhCN)的列表中查找\(item.zhCN)"
        case .unknownFunction(let name): return "未知的函数 \(code(name))"
        case .arity(let name, let expected, let found): return "\(code(name)) 需要 \(expected) 个参数，而不是 \(found) 个"
        case .notCalendarDate(let text): return "\(code(text)) 不是日历上存在的日期"
        case .writeRealDate: return "按 YYYY-MM-DD 写一个真实的日期：月份是 01–12，日子在该月中存在"
        case .dateNeedsQuotedDate: return "`date` 需要加引号的日期，如 `date(\"2026-01-01\")`"
        case .needsTwoNumbers(let name): return "\(code(name)) 至少需要两个数"
        case .functionNeedsNumbers(let name, let type): return "\(code(name)) 需要数，但这是\(type.zhCN)"
        case .floorToNeedsNumbers: return "`floor_to` 需要两个数：金额和单位"
        case .floorToUnitPositive: return "`floor_to` 的单位必须大于零"
        case .needsTwoDates(let name): return "\(code(name)) 需要两个日期"
        case .dateFunctionExample(let name): return "如 `\(name)(birth_date, evaluation_date)`"
        case .needsList(let name, let type): return "\(code(name)) 需要一个列表，但这是\(type.zhCN)"
        case .sumNeedsNumbers(let type): return "`sum` 需要数的列表，但这个列表装的是\(type.zhCN)"
        case .tooDeep(let through, let limit):
            return "\(through.map { "此处读取 \(code($0))" } ?? "这个表达式")嵌套太深：连同它读取的定义和决策，一层套一层的运算超过 \(limit) 个"
        case .shortenDefinitionChain: return "读取另一个定义的定义要在其内部计算：请缩短定义链，或简化链上的表达式"

        case .typeNotKnownYet(let name): return "决策 \(code(name)) 的类型还没推断出来就被使用了"
        case .declareDecisionType: return "声明它的 `type`（枚举还要写 `values`）"
        case .decisionWithoutBody(let name): return "决策 \(code(name)) 没有 `rules`、`value` 或 `apportion`"
        case .giveDecisionBody: return "写一张规则表（`rules:`）、一个公式（`value:`）或一个分摊（`apportion:`）"
        case .decisionWithSeveralBodies(let name): return "决策 \(code(name)) 同时有 `rules`、`value` 和 `apportion` 中的多个"
        case .keepOneBody: return "只保留一种计算方式"
        case .unknownHitPolicy(let text): return "未知的命中方式 \(code(text))"
        case .hitPolicies: return "用 `first`（第一条成立的规则生效）、`unique`（只能有一条成立）或 `collect`（收集所有成立的规则，结果是列表）"
        case .ruleIDTwice(let id, let decision): return "\(code(decision)) 中的规则编号 \(code(id)) 用了两次"
        case .elseNotLast(let decision): return "`else` 行必须是 \(code(decision)) 的最后一条规则"
        case .rulesAfterElse: return "它后面的规则永远不会适用"
        case .ruleWithoutReason(let rule, let decision): return "\(code(decision)) 的规则 \(code(rule)) 没有 `reason`"
        case .giveReason: return "用几个字的中文说明这条规则为什么给出这个结果，如 `reason: 年满70周岁城镇三无老人`"
        case .conditionNotBool(let type): return "条件必须是“是”或“否”，但这是\(type.zhCN)"
        case .ruleValueType(let rule, let type, let decision, let expected): return "规则 \(code(rule)) 的结果是\(type.zhCN)，而 \(code(decision)) 是\(expected.zhCN)"
        case .valuesOfEnumAre(let name, let cases): return "\(code(name)) 的取值有 \(Written.codes(cases, "、"))"
        case .declareDecimalOrUseWholeNumbers: return "把决策声明为 `type: decimal`，或者只用整数"
        case .formulaType(let name, let type, let declared): return "\(code(name)) 的值是\(type.zhCN)，但它声明为\(declared.zhCN)"
        case .dependsOnItself(let name, let cycle): return "\(code(name)) 依赖它自己：\(Written.codes(cycle, " → "))"
        case .breakCycle: return "打破这个循环：其中一个必须不依赖其他几个来计算"
        case .emptyRuleTable(let name): return "决策 \(code(name)) 的规则表是空的"
        case .addRule: return "至少加一条规则或一个 `else` 行"

        case .totalNotNumber(let type): return "要分摊的 `total` 必须是数，而不是\(type.zhCN)"
        case .payerTwice(let name): return "付费方 \(code(name)) 列了两次"
        case .shareNotAmount(let name, let type): return "\(code(name)) 的份额必须是金额，而不是\(type.zhCN)"
        case .remainderCount(let name, let count): return "\(code(name)) 的 `apportion` 必须恰好有一个份额为 `remainder` 的付费方（现在有 \(count) 个）"
        case .remainderMeaning: return "`remainder` 付费方承担其他各方之后剩下的部分，这样各部分相加正好等于总额"
        case .notAPayer(let name): return "`reduce_in_order` 中的 \(code(name)) 不是付费方"
        case .remainderHasNoShare(let name): return "`remainder` 付费方 \(code(name)) 没有可以削减的份额"
        case .listOtherPayers: return "只列出其他付费方"
        case .reduceListedTwice(let name): return "\(code(name)) 在 `reduce_in_order` 中列了两次"
        case .reduceMissing(let names): return "`reduce_in_order` 必须列出 `remainder` 以外的所有付费方；缺少 \(Written.codes(names, "、"))"
        case .completeTheOrder(let names): return "没有完整的顺序，各份额之和可能超过总额而无处削减；请加上 \(Written.codes(names, "、"))"
        case .totalMayBeNegative(let total, let decision, let range):
            return "无法证明 \(code(decision)) 分摊的总额 \(code(total)) 永远不是负数（它的范围是 \(range)）"
        case .declareMinZero: return "在计算总额所用的事实上声明 `min: 0`，这样各部分之和总是等于总额"
        case .mayOverflow(let expression, let place, let operands):
            return "\(place.zhCN)的 \(code(expression)) 可能大到无法精确计算：按参数的值和事实声明的范围，它可以达到 \(operands)"
        case .useSmallerFigures: return "它用到的参数或数字太大，无法精确计算（总共 18 位数字）；请用小一些的数，或者在它读取的事实上声明 `max:`"

        case .noAccounts: return "台账没有声明账户"
        case .declareAccountUnder: return "在 `accounts:` 下至少声明一个"
        case .unknownAccountKind(let text): return "未知的账户种类 \(code(text))"
        case .accountKinds: return "`balance`（余额）可以记入和扣减，且不会低于零；`settlement`（结算）只能记入（应付给服务机构的金额）"
        case .accountWithoutUnit(let name): return "账户 \(code(name)) 缺少 `unit`"
        case .giveUnit: return "写出它记录的最小数额，如半分写 `unit: 0.5`，元写 `unit: 0.01`"
        case .invalidUnit(let text): return "\(code(text)) 不是合法的单位"
        case .unitShape: return "单位是最多两位小数的正数，如 `1`、`0.5`、`0.25` 或 `0.01`"
        case .unknownExpiry(let text): return "未知的有效期 \(code(text))"
        case .expiries: return "目前支持的有效期是 `end_of_year`（每笔记入在当年 12 月 31 日结束时作废）"
        case .settlementDoesNotExpire: return "结算账户没有有效期"
        case .removeExpires: return "删掉 `expires`，或者把账户改为 `balance`"
        case .holdNeedsTextField(let event): return "`hold` 必须写事件 \(code(event)) 的一个文字字段"
        case .takeNeedsTextField(let event): return "`take` 必须写事件 \(code(event)) 中存放先前事件编号的文字字段"
        case .noEventTypeToTake(let name): return "没有可以 `take` 的事件类型 \(code(name))"
        case .eventNotHeld(let name): return "事件 \(code(name)) 没有 `hold`，后面的事件无法取用它"
        case .giveHold(let name): return "给事件 \(code(name)) 加上 `hold: 字段`，写出标识它的字段"
        case .noAccount(let name): return "没有账户 \(code(name))"
        case .settlementOnlyCredited(let name): return "账户 \(code(name)) 是结算账户，只能记入"
        case .debitABalance: return "改为从 `balance` 账户扣减"
        case .accountKeyNotText(let type): return "账户的键必须是文字（老人或服务机构的编号），但这是\(type.zhCN)"
        case .amountNotNumber(let type): return "数额必须是数，但这是\(type.zhCN)"
        case .eventChangesNothing(let event): return "事件 \(code(event)) 既没有 `effects` 也没有 `hold`，不会改变任何东西"
        case .giveEffectsOrHold: return "给它加上 `effects:`（记入和扣减）或 `hold: 字段`"
        case .noEventTypeToCount(let name): return "没有要计数的事件类型 \(code(name))"
        case .eventHasNoField(let event, let field): return "事件 \(code(event)) 没有字段 \(code(field))"
        case .atLeastNotWhole(let type): return "`at_least` 必须是整数，但这是\(type.zhCN)"
        case .unknownCalendar(let text, let schedule): return "定期事件 \(code(schedule)) 的周期 \(code(text)) 无法识别"
        case .calendars: return "目前支持的周期是 `month`（每月第一天）"
        case .noEventTypeToSchedule(let name): return "没有要定期生成的事件类型 \(code(name))"
        case .scheduledEventTakes(let name): return "事件 \(code(name)) 要取用先前的事件，台账无法自行生成它"
        case .scheduleWithoutTake: return "定期生成一个没有 `take` 的事件类型"
        case .dateIsNotGiven: return "`date` 是事件生成的日期，不是要填写的字段"
        case .everySetsDate(let every): return "`every: \(every)` 决定了它；删掉这一行"
        case .scheduleMissingField(let schedule, let field, let event): return "定期事件 \(code(schedule)) 没有给出事件 \(code(event)) 的字段 \(code(field))"
        case .giveFieldExpression(let field): return "在 `fields` 下给它写一个关于这位老人的表达式，如 `\(field): …`"
        case .scheduleFieldType(let field, let event, let type, let actual): return "事件 \(code(event)) 的字段 \(code(field)) 是\(type.zhCN)，但这是\(actual.zhCN)"

        case .stepTwice(let id, let span): return "步骤 \(code(id)) 列了两次（第一次在 \(span)）"
        case .rejectionIsStep(let name, let span): return "拒绝状态 \(code(name)) 同时也是一个步骤（在 \(span)）"
        case .nameRejectionApart: return "给拒绝状态起一个与各步骤不同的名称，如 `rejection: rejected`"
        case .notPlaces(let text): return "\(code(text)) 不是名额数"
        case .givePlacesNumber: return "写一个整数，如 `places: 200`"
        case .priorityNotOrdered(let name, let type): return "\(code(name)) 是\(type.zhCN)，没有可以排序的先后"
        case .rankByNumberOrDate: return "按数或日期排序，如 `ability_level` 或 `age`"

        case .noRecordKinds: return "服务要求部分没有声明记录种类"
        case .declareRecordsUnder: return "在 `records:` 下至少声明一种"
        case .noRequirements: return "服务要求部分没有声明任何要求"
        case .declareRequirementsUnder: return "在 `requirements:` 下至少声明一项"
        case .tooManyRequirements: return "一个服务要求部分最多有 64 项要求"
        case .splitRequirements: return "把这些要求分到两个政策中"
        case .spotCheckPerFestival: return "抽查按日历上的时间段抽样，不能按节日"
        case .spotCheckPerQuarter: return "用 `per: quarter` 或 `per: month`"
        case .elderNeedsTextField(let kind): return "`elder` 必须写记录种类 \(code(kind)) 的一个文字字段"
        case .declareElderField: return "在 `fields:` 下声明存放老人编号的字段，如 `elder: string`"
        case .notLunarDay(let text): return "\(code(text)) 不是农历中的日子"
        case .writeLunarDay: return "按日历的写法写月和日，如 `正月初一`、`八月十五`、`腊月廿三`，或写成 `MM-DD`（`08-15`）"
        case .anniversaryNeedsDateFact: return "`anniversary` 必须写老人的一个日期事实"
        case .noRecordKind(let name): return "没有记录种类 \(code(name))"
        case .festivalWindowWithoutFestivals(let name): return "服务要求 \(code(name)) 按节日考核，但这一部分没有声明节日"
        case .declareFestivals: return "在 `festivals:` 下声明节日，如 `mid_autumn: {label: 中秋节, lunar: 八月十五, days_around: 3}`"
        case .noFestival(let name): return "没有节日 \(code(name))"
        case .festivalsNeedFestivalWindow: return "只有按 `per: festival` 考核的要求才有 `festivals`"
        case .removeFestivals: return "删掉它，或者改为按节日考核"
        case .fromNotDate(let type): return "`from` 必须是关于老人的日期，但这是\(type.zhCN)"
        case .fromMeaning: return "写一个日期事实，如 `card_issued_on`：只考核从这一天或之后开始的时间段"
        case .requirementNeverMet(let name, let days, let longest):
            return "服务要求 \(code(name)) 要求在最多 \(longest) 天的时间段内有 \(days) 个不同的日子：永远达不到"
        case .unknownWindow(let text): return "未知的时间段 \(code(text))"
        case .windowsAre(let names): return "时间段有 \(Written.codes(names, "、"))"
        case .countNegative(let key, let found): return "\(code(key)) 必须是 0 或更大的数，而不是 \(found)"
        case .daysNotNegative: return "天数不能是负数"
        case .countParameterNotWhole(let key, let parameter, let type): return "\(code(key)) 必须是整数，但参数 \(code(parameter)) 是\(type.zhCN)"
        case .countParameterNegative(let key, let parameter, let value, let from):
            return "\(code(key)) 必须是 0 或更大的数，但参数 \(code(parameter)) \(from.map { "从 \($0) 起" } ?? "")是 \(value)"
        case .daysNotNegativeValueAt(let span): return "天数不能是负数；这个值在 \(span)"
        case .countShape(let key): return "\(code(key)) 必须是整天数，或一个整数参数的名称"
        case .countExample(let key): return "如 `\(key): 1` 或 `\(key): festival_window_days`"
        case .groupsWithoutGroupBy: return "`groups` 是 `group_by` 分组的名称，但没有 `group_by`"
        case .addGroupBy: return "加上 `group_by: 事实`，如 `group_by: village`"
        case .groupByNeedsFact: return "`group_by` 必须写老人的一个事实"
        case .groupByNeedsTextOrEnum(let name, let type): return "`group_by` 必须写文字或枚举类型的事实，但 \(code(name)) 是\(type.map { $0.zhCN } ?? "未定类型")"
        case .groupByNeedsGroups: return "`group_by` 需要 `groups`，即报告中分组的名称"
        case .groupsExample: return "如 `groups: villages`"
        case .cannotNameGroups(let name): return "\(code(name)) 不能用作分组的名称"
        case .groupNameRules: return "只能用小写英文字母、数字和 `_`，且不能与报告自身的键（`policy`、`period`、`elders`、`refused`、`spot_check`）相同"

        case .populationNotInput(let name, let what, let vocabulary):
            return "\(code(name)) 是 \(code(vocabulary)) 中的\(what.zhCN)，不是输入事实：人群只抽取输入事实"
        case .describeInputsItReads: return "描述它读取的输入事实；`when` 中可以使用它"
        case .populationUnknownInput(let name, let vocabulary): return "\(code(name)) 不是 \(code(vocabulary)) 的输入事实"
        case .whenReadsUndrawn(let field, let other, let through):
            return "\(code(field)) 的 `when` 读取了 \(code(other))\(through.map { "（通过 \(code($0))）" } ?? "")，而它不是在此之前抽取的"
        case .drawOrder(let other, let field): return "事实按列出的顺序抽取；把 \(code(other)) 写在 \(code(field)) 上面"
        case .whenReadsDecision(let field, let decision): return "\(code(field)) 的 `when` 读取了决策 \(code(decision))；人群在做出任何决策之前就已抽取"
        case .useDrawnFacts: return "使用在此之前抽取的事实、定义和参数"
        case .drawMismatch(let key, let kind, let input, let type): return "\(code(key)) 抽取的是\(kind.zhCN)，但 \(code(input)) 是\(type.zhCN)"
        case .drawsThatSuit(let type, let keys): return "\(type.zhCN)请用 \(Written.codes(keys, "、"))（所有人都一样时用 `value`）"
        case .bandBelow(let from, let low, let scope): return "区间从 \(from) 开始，小于\(scope.zhCN)的最小值 \(low)"
        case .bandAbove(let to, let high, let scope): return "区间到 \(to) 结束，大于\(scope.zhCN)的最大值 \(high)"
        case .valueBelowMinimum(let value, let minimum, let input): return "\(code(value)) 小于 \(code(input)) 的最小值 \(minimum)"
        case .valueAboveMaximum(let value, let maximum, let input): return "\(code(value)) 大于 \(code(input)) 的最大值 \(maximum)"
        }
    }
}

extension LiteralPlace {
    var zhCN: String {
        switch self {
        case .key(let key): return "\(Written.code(key)) "
        case .defaultOf(let name): return "\(Written.code(name)) 的默认值"
        case .valueOf(let name): return "\(Written.code(name)) 的值"
        case .aValueOf(let name): return "\(Written.code(name)) 的取值"
        }
    }
}

extension ExpectedLiteral {
    var zhCN: String {
        switch self {
        case .trueOrFalse: return " `true` 或 `false`"
        case .wholeNumber: return "整数"
        case .decimalNumber: return "小数，如 `12.00`"
        case .date: return "日期 `YYYY-MM-DD`"
        case .list: return "列表，如 `[a, b]`"
        case .constantList: return "常量列表"
        }
    }
}

extension BoolRole {
    var zhCN: String {
        switch self {
        case .keyword(let word): return "\(Written.code(word)) "
        case .refusalWhen: return "拒绝规则的 `when` "
        case .scheduleWhen(let name): return "定期事件 \(Written.code(name)) 的 `when` "
        case .programEligible(let name): return "项目 \(Written.code(name)) 的 `eligible` "
        case .populationWhen(let name): return "\(Written.code(name)) 的 `when` "
        }
    }
}

extension SymbolWhat {
    var zhAboutPerson: String {
        switch self {
        case .input: return "关于老人的事实"
        case .definition: return "关于老人的定义"
        case .decision, .parameter: return "关于老人的决策"
        }
    }

    var zhCN: String {
        switch self {
        case .input: return "输入事实"
        case .parameter: return "参数"
        case .definition: return "定义"
        case .decision: return "决策"
        }
    }
}

extension LocalScope {
    var zhCN: String {
        switch self {
        case .ledgerRule(let event): return "事件 \(Written.code(event)) 的台账规则"
        case .ledgerCheck: return "台账核查"
        case .counts(let requirement): return "服务要求 \(Written.code(requirement)) 的 `counts` "
        }
    }

    var zhItem: String {
        switch self {
        case .counts: return "这条记录"
        case .ledgerRule, .ledgerCheck: return "这个事件"
        }
    }
}

extension ArithmeticPlace {
    var zhCN: String {
        switch self {
        case .definition(let name): return "定义 \(Written.code(name)) 中"
        case .ruleCondition(let rule, let decision): return "\(Written.code(decision)) 的规则 \(Written.code(rule)) 中"
        case .decisionValue(let decision): return "\(Written.code(decision)) 的值中"
        case .share(let payer): return "\(Written.code(payer)) 的份额中"
        }
    }
}

extension DrawKind {
    var zhCN: String {
        switch self {
        case .trueOrFalse: return "“是”或“否”"
        case .oneOfListed: return "所列取值之一"
        case .wholeNumber: return "整数"
        case .dateFromAge: return "由年龄得出的日期"
        case .text: return "文字"
        }
    }
}

extension BandScope {
    var zhCN: String {
        switch self {
        case .ages: return " `age` 所抽取年龄"
        case .values(let name): return " \(Written.code(name)) "
        }
    }
}

extension ValueType {
    /// The type as a Chinese message names it (`整数`, `枚举 \`subsistence\``, `日期列表`).
    public var zhCN: String {
        switch self {
        case .bool: return "“是/否”值"
        case .integer: return "整数"
        case .decimal: return "小数"
        case .string: return "文字"
        case .date: return "日期"
        case .enumeration(let type): return "枚举 \(Written.code(type.name)) "
        case .list(let element):
            switch element {
            case .enumeration, .list, .record: return "\(element.zhCN)的列表"
            default: return "\(element.zhCN)列表"
            }
        case .record(let record): return "记录 {\(record.fields.map(\.name).joined(separator: ", "))}"
        }
    }
}
