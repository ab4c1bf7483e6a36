extension SyntaxMessage {
    public var zhCN: String {
        switch self {
        case .fileTooLarge(let bytes, let limit): return "文件有 \(bytes) 字节，政策文件最多 \(limit) 字节"
        case .splitPolicyFile: return "把政策拆成一个基础文件和若干用 `include` 引用的部分"
        case .nestsTooDeep(let limit): return "文件的嵌套超过 \(limit) 层"
        case .flattenStructure: return "政策文件用不着这么深的嵌套，请简化结构"
        case .invalidYAML(let problem): return "文件不是合法的 YAML：\(problem.zhCN)"
        case .checkIndentation: return "检查这一行和上一行的缩进是否对齐，以及每个 `键:` 后面是否有空格"
        case .quoteInsideFlow: return "在 `[…]` 或 `{…}` 中，本身含有 `[`、`]`、`{`、`}` 或 `,` 的条件要加引号；也可以改成每行一个 `- ` 的列表"
        case .duplicateKeys(let keys): return "同一个映射中有重复的键：\(Written.codes(keys, "、"))"
        case .keepOneKey: return "只保留其中一个"
        case .unreadableYAML(let problem): return "无法按 YAML 读取文件：\(problem)"
        case .saveAsUTF8: return "请把文件存为 UTF-8 编码的文本"
        case .fileEmpty: return "文件是空的"
        case .startWithPolicySection: return "政策文件以 `policy:` 部分开头"
        case .tooManyValues(let limit): return "文件中的值超过 \(limit) 个"
        case .splitLargeFile: return "这么大的政策文件不适合手工编辑，请拆分"
        case .keyNotPlainName: return "键必须是一个普通名称"
        case .writeNameValue: return "写成 `名称: 值`"
        case .anchorsNotAllowed: return "政策文件中不允许使用锚点和别名（`&名称`、`*名称`）"
        case .writeValueOutInFull: return "把值完整写出来；要在政策之间共用声明，请用 `include`"
        case .tagNotAllowed(let tag): return "政策文件中不允许使用 YAML 类型标签 \(Written.code(tag))"
        case .removeTag: return "去掉这个标签：所有值都按文本读取，类型由政策中的声明决定"
        case .notUTF8: return "文件不是 UTF-8 文本：此处的字节不属于任何 UTF-8 字符"
        case .refusedCharacter(let character): return "文件中有\(character.zhCN)，政策文件不能包含它"
        case .removeRefusedCharacter: return "删掉它：政策文件是纯 UTF-8 文本"
        case .misindented(let found, let expected):
            return "这一行的缩进不对：它从第 \(found) 列开始，而周围的行从第 \(Self.columns(expected, "或")) 列开始"
        case .indentHelp(let line, let expected):
            return "缩进决定一行属于哪一部分：把第 \(line) 行改为从第 \(Self.columns(expected, "或")) 列开始，与同一层的键对齐"

        case .numberRunsIntoName: return "数字后面不能紧跟名称"
        case .separateNumberAndName: return "在两者之间加空格或运算符；日期写成 `2026-01-01`"
        case .unclosedQuote: return "这段文字缺少后引号"
        case .endQuoteWith(let close): return "用 \(close) 结束它"
        case .meaninglessCharacter(let character): return "\(Written.code(character)) 在表达式中没有意义"
        case .operatorsAre: return "运算符有 `and or not == != < <= > >= + - * / in`；文字要放在引号里"
        case .emptyExpression: return "表达式是空的"
        case .writeConditionLikeAge: return "写一个条件，例如 `age >= 70`"
        case .unexpectedAfterExpression(let token): return "完整的表达式后面多出了 \(token.zhCN)"
        case .joinWithAndOr: return "用 `and` 或 `or` 连接多个条件"
        case .expressionTooTall(let limit): return "表达式太长：一层套一层的运算超过 \(limit) 个"
        case .splitIntoDefinitionsOrList: return "把它拆成若干有名称的 `definitions`（跨多行的 `a and b and …` 最好写成 `when:` 下的定义列表）"
        case .expected(let symbol, let found): return "此处应为 \(Written.code(symbol))，却是 \(found.zhCN)"
        case .closeCall(let name): return "用 `)` 结束对 \(Written.code(name)) 的调用"
        case .closeParenthesis: return "每个 `(` 都要有对应的 `)`"
        case .closeList: return "列表各项之间用 `,` 分隔，最后用 `]` 结束"
        case .nestsTooDeeply: return "表达式嵌套太深"
        case .splitIntoDefinitions: return "把它拆成若干有名称的 `definitions`"
        case .expectedThen: return "`if` 的条件后面应为 `then`"
        case .expectedElse: return "此处应为 `else`：`if` 需要两个分支"
        case .chainedComparison: return "比较不能连写"
        case .writeRangeAsTwoComparisons: return "写成 `60 <= age and age <= 69`，或者把其中一个比较放进括号"
        case .expectedFieldName: return "`.` 后面应为字段名"
        case .cannotStandHere(let name): return "\(Written.code(name)) 不能直接出现在更大的表达式中间"
        case .putInParentheses(let name): return "把它放进括号：`(\(name == "if" ? "if … then … else …" : "not …"))`"
        case .expectedValue(let found): return "此处应为一个值，却是 \(Written.code(found))"
        case .somethingMissingBefore(let name): return "\(Written.code(name)) 前面缺了内容"
        case .endsTooEarly: return "表达式没写完就结束了"
        case .somethingMissingAtEnd: return "末尾缺了内容"

        case .notMapping(let place, let kind): return "\(place.zhCN)必须是映射（`键: 值` 形式的若干行），而不是\(kind.zhCN)"
        case .unknownField(let name, let place): return "\(place.zhCN)中没有字段 \(Written.code(name))"
        case .suggestion(let suggestion): return suggestion.zhCN
        case .notSingleValue(let key, let place, let kind): return "\(place.zhCN)的 \(Written.code(key)) 必须是单个值，而不是\(kind.zhCN)"
        case .missingField(let place, let key): return "\(place.zhCN)缺少 \(Written.code(key))"
        case .notTrueOrFalse(let key, let found): return "\(Written.code(key)) 只能是 `true` 或 `false`，不能是 \(Written.code(found))"
        case .listItemNotSingle(let key): return "\(Written.code(key)) 的每一项都必须是单个值"
        case .notList(let key, let kind): return "\(Written.code(key)) 必须是列表，而不是\(kind.zhCN)"

        case .sectionNotMapping(let section, let kind): return "\(Written.code(section)) 必须是从名称到声明的映射，而不是\(kind.zhCN)"
        case .writeEachNameIndented: return "每一项写成 `名称:`，下面缩进写它的字段"
        case .invalidName(let name): return "\(Written.code(name)) 不是合法的名称"
        case .nameCharacters: return "名称只能用小写英文字母、数字和 `_`，并以字母开头，如 `monthly_hours`"
        case .headerShape: return "`policy` 必须是含有 `id`、`title` 和 `version` 的映射"
        case .givePolicyID: return "给政策一个简短的编号，如 `anqing`"
        case .givePolicyTitle: return "写上政策的中文名称"
        case .giveVersion: return "写上版本号，如 `\"2026.1\"`"
        case .invalidPolicyID(let id): return "\(Written.code(id)) 不是合法的政策编号"
        case .policyIDCharacters: return "只能用小写英文字母、数字和 `-`，如 `rural-pilot`"
        case .unknownType(let type): return "没有 \(Written.code(type)) 这种类型"
        case .typesAre: return "类型有 `bool`、`integer`、`decimal`、`string`、`date`、`enum`，以及它们的列表 `list of …`"
        case .enumNeedsValues: return "枚举类型需要写出 `values`"
        case .listEnumValues: return "把取值列出来，如 `values: {urban: 城镇, rural: 农村}`"
        case .valuesNeedEnum(let type): return "只有枚举类型才有 `values`，而这里的类型是 \(Written.code(type))"
        case .enumLabelNotText(let name): return "\(Written.code(name)) 的中文名称必须是文字"
        case .enumValueNotName: return "枚举的每个取值都必须是一个名称"
        case .valuesNotList: return "`values` 必须列出枚举的各个取值"
        case .writeValuesList: return "写成 `values: [urban, rural]`，或者写成从取值到中文名称的映射"
        case .invalidEnumValue(let name): return "\(Written.code(name)) 不是合法的枚举取值"
        case .lowercaseDigitsUnderscore: return "只能用小写英文字母、数字和 `_`"
        case .enumValueTwice(let name): return "枚举取值 \(Written.code(name)) 列了两次"
        case .enumNeedsOneValue: return "枚举至少要有一个取值"
        case .inputShape(let name): return "输入事实 \(Written.code(name)) 必须是映射，至少含有 `type` 和 `label`"
        case .inputMissingType(let name): return "输入事实 \(Written.code(name)) 缺少 `type`"
        case .sayFactType: return "说明这是哪一类事实，如 `type: bool`"
        case .parameterShape(let name): return "参数 \(Written.code(name)) 必须是含有 `value` 或 `timeline` 的映射"
        case .timelineNotList: return "`timeline` 必须是 `{from: 日期, value: …}` 的列表"
        case .timelineEntryShape: return "`timeline` 的每一项都必须写成 `{from: 日期, value: …}`"
        case .sayFromDate: return "说明这个值从哪一天起施行"
        case .valueAndTimeline(let name): return "参数 \(Written.code(name)) 同时有 `value` 和 `timeline`"
        case .putEveryValueInTimeline: return "把所有的值都写进 `timeline`"
        case .fromWithoutValue(let name): return "参数 \(Written.code(name)) 有 `from` 却没有 `value`"
        case .sameAsAndValues(let name, let key): return "参数 \(Written.code(name)) 同时有 `same_as` 和 \(Written.code(key))"
        case .sameAsGivesEveryValue(let target, let key):
            return "`same_as: \(target)` 让它取 \(Written.code(target)) 的每一个值（连同日期）；删去 \(Written.code(key))，或者删去 `same_as` 让它有自己的值"
        case .definitionShape(let name): return "定义 \(Written.code(name)) 必须是含有 `expr` 的映射"
        case .writeDefinitionExpression: return "写出定义它的表达式，如 `expr: not children_in_district`"

        case .decisionShape(let name): return "决策 \(Written.code(name)) 必须是含有 `rules`、`value` 或 `apportion` 的映射"
        case .rulesNotList: return "`rules` 必须是列表，每条规则以 `- ` 开头"
        case .ruleShape(let decision): return "\(Written.code(decision)) 的每条规则都必须是含有 `when` 和 `then`（或 `else`）的映射"
        case .invalidRuleID(let id): return "\(Written.code(id)) 不是合法的规则编号"
        case .ruleWhenAndElse: return "一条规则同时有 `when` 和 `else`"
        case .elseHasNoCondition: return "`else` 行在没有规则成立时适用，它没有条件"
        case .elseWithThen: return "`else` 行的值写在 `else` 里，而不是 `then` 里"
        case .writeElseValue: return "写成 `- else: 值`"
        case .ruleMissingWhen(let decision): return "\(Written.code(decision)) 的一条规则缺少 `when`"
        case .giveConditionOrElse: return "写出它的条件，或者写成 `else` 行"
        case .ruleMissingThen(let decision): return "\(Written.code(decision)) 的一条规则缺少 `then`"
        case .sayValueWhenRuleMatches: return "写出规则成立时决策的结果"
        case .conditionMappingShape: return "写成映射的条件只能是 `all: [...]` 或 `any: [...]`"
        case .conditionForms: return "条件可以写成一个表达式、一个列表（全部成立）、`all:` 或 `any:`"
        case .conditionsNotList(let key): return "\(Written.code(key)) 必须是条件的列表"
        case .emptyConditions: return "条件列表是空的"
        case .giveOneCondition: return "至少写一个条件"
        case .conditionTooLong(let limit): return "条件太长：加上这一项，一层套一层的运算超过 \(limit) 个"
        case .splitConditionList: return "拆分这个列表：把其中几组条件写成有名称的 `definitions`，再列出这些名称"
        case .listValueItemNotSingle: return "列表值的每一项都必须是单个值"
        case .ruleValueShape: return "规则的结果必须是一个表达式或一个列表"
        case .apportionShape: return "`apportion` 必须是含有 `total`、`payers` 和 `reduce_in_order` 的映射"
        case .sayTotal: return "说明分摊的是哪一笔金额，如 `total: meal_price`"
        case .apportionNeedsPayers: return "`apportion` 需要 `payers`：从各付费方到其份额的映射，其中一方为 `remainder`"
        case .shareShape(let payer): return "\(Written.code(payer)) 的份额必须是一个表达式或 `remainder`"

        case .ledgerShape: return "`ledger` 必须是含有 `title`、`accounts` 和 `events` 的映射"
        case .giveLedgerTitle: return "写上台账的中文名称，如 `title: 居家养老服务券`"
        case .ledgerMissingAccounts: return "`ledger` 缺少 `accounts`"
        case .declareAccount: return "至少声明一个账户，如 `accounts: {points: {label: 互助积分, unit: 0.5}}`"
        case .ledgerMissingEvents: return "`ledger` 缺少 `events`"
        case .declareEvents: return "声明台账重放的事件类型，如 `events: {issue: {...}}`"
        case .sectionNotList(let what): return "\(Written.code(what)) 必须是列表，每一项以 `- ` 开头"
        case .accountShape(let name): return "账户 \(Written.code(name)) 必须是含有 `label` 和 `unit` 的映射"
        case .eventShape(let name): return "事件 \(Written.code(name)) 必须是含有 `fields` 和 `effects` 的映射"
        case .implicitEventField(let key): return "\(Written.code(key)) 是每个事件都有的字段，不需要声明"
        case .eventImplicitFields: return "每个事件都有 `type`（事件类型）和 `date`（YYYY-MM-DD）；删掉这一行"
        case .takeShape: return "`take` 把一个字段对应到它所指的事件类型，如 `take: {service: service}`"
        case .unknownFieldType(let type): return "没有 \(Written.code(type)) 这种字段类型"
        case .giveEnumFieldValues(let field): return "写出枚举的取值：`\(field): {values: {a: 甲, b: 乙}}`"
        case .fieldTypesAre: return "类型有 `bool`、`integer`、`decimal`、`string`、`date`，或带 `values` 的枚举"
        case .fieldMissingType(let field): return "字段 \(Written.code(field)) 缺少类型"
        case .writeFieldType(let field): return "写成 `\(field): string`，或者写出 `type:`"
        case .refusalShape(let event): return "\(Written.code(event)) 的每条拒绝规则都必须是含有 `when` 和 `reason` 的映射"
        case .refusalMissingWhen(let event): return "\(Written.code(event)) 的一条拒绝规则缺少 `when`"
        case .giveRefusalCondition: return "写出拒绝这个事件的条件"
        case .refusalMissingReason(let event): return "\(Written.code(event)) 的一条拒绝规则缺少 `reason`"
        case .sayRefusalReason: return "用中文说明拒绝的原因，拒绝时会显示它"
        case .effectShape(let event): return "\(Written.code(event)) 的每项记账都必须是映射：`credit: 账户`、`to: 键`、`amount: …`（或 `debit` 加 `from`）"
        case .effectCreditOrDebit(let event): return "\(Written.code(event)) 的一项记账必须有且只有 `credit` 和 `debit` 中的一个"
        case .creditAddsDebitTakes: return "`credit: 账户` 增加金额，`debit: 账户` 扣减金额"
        case .effectWrongKey(let credit, let key, let wrong):
            return "\(credit ? "`credit`（记入）" : "`debit`（扣减）")用 \(Written.code(key)) 指明账户，而不是 \(Written.code(wrong))"
        case .sayWhoseAccount(let key): return "说明是谁的账户，如 `\(key): person`"
        case .giveAmount: return "用表达式写出金额，如 `amount: hours`"
        case .ledgerCheckShape: return "台账的每项核查都必须是含有 `id`、`of`、`count_distinct`、`per` 和 `at_least` 的映射"
        case .checkOfHelp: return "要计数的已接受事件的类型"
        case .checkDistinctHelp: return "按哪个字段的不同取值计数"
        case .checkPerHelp: return "按哪个字段分组计数"
        case .checkAtLeastHelp: return "最少的次数，一个数或一个参数"
        case .scheduleShape(let name): return "定期事件 \(Written.code(name)) 必须是含有 `every`、`event` 和 `fields` 的映射"
        case .scheduleEveryHelp: return "说明何时生成：`every: month`（每月第一天）"
        case .scheduleEventHelp: return "写出它生成的事件类型，如 `event: issue`"
        case .scheduleMissingFields(let name): return "定期事件 \(Written.code(name)) 缺少 `fields`"
        case .scheduleFieldsHelp: return "为事件的每个字段写一个表达式，如 `fields: {person: id, hours: monthly_hours}`"
        case .scheduleFieldShape(let field, let schedule): return "定期事件 \(Written.code(schedule)) 的字段 \(Written.code(field)) 必须是表达式，如 `monthly_hours`"

        case .approvalShape: return "`approval` 必须是含有 `title`、`steps` 和 `rejection` 的映射"
        case .giveApprovalTitle: return "写上审批流程的中文名称"
        case .giveRejectionState: return "写出申请被拒绝后所处的状态，如 `rejection: rejected`"
        case .stepShape: return "每个步骤都必须是含有 `id`、`label` 和 `actor` 的映射"
        case .invalidStepID(let id): return "\(Written.code(id)) 不是合法的步骤编号"
        case .stepMissingActor(let id): return "步骤 \(Written.code(id)) 缺少 `actor`"
        case .sayActor: return "说明由谁办理这一步，如 `actor: 社区居委会`"
        case .approvalNoSteps: return "`approval` 没有步骤"
        case .listSteps: return "在 `steps:` 下按顺序列出各个步骤"
        case .programShape(let name): return "项目 \(Written.code(name)) 必须是含有 `places`、`eligible` 和 `priority` 的映射"
        case .givePlaces: return "写出名额数，如 `places: 200`"
        case .giveEligible: return "写出谁可以获得名额，如 `eligible: smart_bracelet_eligible`"
        case .priorityShape: return "每个优先条件都写成 `名称: descending` 或 `名称: ascending`"
        case .priorityExample: return "例如 `- ability_level: descending` 把等级最高的排在最前"

        case .complianceShape: return "`compliance` 必须是含有 `title`、`records` 和 `requirements` 的映射"
        case .giveComplianceTitle: return "写上服务要求的中文名称，如 `title: 居家养老服务要求`"
        case .complianceMissingRecords: return "`compliance` 缺少 `records`"
        case .declareRecordKind: return "声明服务要求所统计的记录种类，如 `records: {service: {elder: elder, fields: {...}}}`"
        case .complianceMissingRequirements: return "`compliance` 缺少 `requirements`"
        case .declareRequirement: return "至少声明一项服务要求，如 `requirements: {daily_knock: {of: service, at_least_days: 1, per: day}}`"
        case .spotCheckPerHelp: return "每次抽样所对应的时间段，如 `per: quarter`"
        case .spotCheckShape: return "`spot_check` 必须是映射，如 `{per: quarter}`"
        case .recordKindShape(let name): return "记录种类 \(Written.code(name)) 必须是含有 `elder` 和 `fields` 的映射"
        case .implicitRecordField(let key): return "\(Written.code(key)) 是每条记录都有的字段，不需要声明"
        case .recordDateIsImplicit: return "每条记录都有 `date`（YYYY-MM-DD），即服务的日期；删掉这一行"
        case .recordNameIsReserved: return "在含有多种记录的文件中，`record` 用来写记录的种类；请换一个名称"
        case .elderFieldHelp: return "写出存放老人编号的字段，如 `elder: elder`"
        case .festivalShape(let name): return "节日 \(Written.code(name)) 必须是含有 `lunar` 或 `anniversary` 以及 `days_around` 的映射"
        case .festivalLunarOrAnniversary(let name): return "节日 \(Written.code(name)) 必须有且只有 `lunar` 和 `anniversary` 中的一个"
        case .lunarOrAnniversaryHelp: return "`lunar: 八月十五` 是农历的一天；`anniversary: birth_date` 是某个日期事实每年的同一天"
        case .daysAroundHelp: return "写出节日前后各有几天算在节日期间，如 `days_around: festival_window_days`"
        case .requirementShape(let name): return "服务要求 \(Written.code(name)) 必须是含有 `of`、`at_least_days` 和 `per` 的映射"
        case .requirementOfHelp: return "写出它统计的记录种类，如 `of: service`"
        case .requirementAtLeastHelp: return "每个时间段内至少有几天有计入的记录，如 `at_least_days: 1`"
        case .requirementPerHelp: return "时间段：`day`、`iso_week`、`half_month`、`month`、`quarter` 或 `festival`"

        case .vocabularyHelp: return "写出声明这些事实的政策文件或片段（相对于本文件的路径），如 `vocabulary: person.yaml`"
        case .populationMissingFields: return "人群描述缺少 `fields`"
        case .listFieldsWithDistributions: return "列出每个事实及其分布，如 `fields: {hukou_local: {probability: 0.92}}`"
        case .populationFieldShape(let name): return "\(Written.code(name)) 必须是一个分布，如 `{probability: 0.05}`，或带 `when` 的分布列表"
        case .populationNoCases(let name): return "\(Written.code(name)) 的情形列表是空的"
        case .giveOneDistribution: return "至少写一个分布"
        case .populationCaseNeverUsed(let name): return "\(Written.code(name)) 的这一情形永远用不到：它前面的情形没有 `when`"
        case .onlyLastCaseWithoutWhen: return "只有最后一个情形不写 `when`，它涵盖前面各情形没有涵盖的所有人"
        case .populationLastCaseHasWhen(let name): return "\(Written.code(name)) 的最后一个情形有 `when`，有些人会得不到值"
        case .endWithCaseWithoutWhen: return "最后写一个不带 `when` 的情形，如 `- {probability: 0.15}`"
        case .populationCaseShape(let field): return "\(Written.code(field)) 的每个情形都必须是映射，如 `{when: age >= 80, probability: 0.25}`"
        case .populationTwoDraws(let field, let first, let second): return "\(Written.code(field)) 的描述同时给了 \(Written.code(first)) 和 \(Written.code(second))"
        case .oneDistributionPerCase: return "每个情形只写一个分布；要在不同条件下按不同分布抽取，请写成情形列表，每项带 `when`"
        case .populationNoDraw(let field): return "\(Written.code(field)) 的描述没有给出分布"
        case .giveOneOf(let keys): return "写出 \(Written.codes(keys, "、")) 中的一个"
        case .probabilityRange(let shown): return "`probability` 必须是 0 到 1 之间的数，而不是\(shown.zhCN)"
        case .probabilityExample: return "例如 `probability: 0.05` 表示 5%"
        case .bandsShape(let key): return "\(Written.code(key)) 必须是区间的列表，如 `- {from: 60, to: 64, weight: 23}`"
        case .numberedShape: return "`numbered` 必须是单个值，即第一个人的编号，如 `P00000001`"
        case .numberedDigits(let text): return "`numbered` 必须以第一个人的序号结尾（最多 18 位数字），而不是 \(Written.code(text))"
        case .numberedExample: return "例如 `numbered: P00000001`：后面的人依次是 P00000002、P00000003……"
        case .valueNotSingle: return "`value` 必须是单个值"
        case .choicesShape(let key, let weights):
            return "\(Written.code(key)) 必须把每个取值对应到它的\(weights ? "权重" : "比例")，如 `\(weights ? "{urban: 3, rural: 2}" : "{rural: 0.40, urban: 0.60}")`"
        case .choiceNotNumber(let key, let weights): return "\(Written.code(key)) 的\(weights ? "权重" : "比例")必须是单个数"
        case .weightRange(let limit, let found): return "权重必须是 1 到 \(limit) 之间的整数，而不是 \(Written.code(found))"
        case .weightsAreRelative: return "权重是相对的：`{a: 3, b: 1}` 抽到 `a` 的次数是 `b` 的三倍"
        case .shareRange(let found): return "比例必须大于 0 且不超过 1，而不是 \(Written.code(found))"
        case .sharesSum(let field, let total): return "\(Written.code(field)) 的各比例之和是 \(total)，而不是 1"
        case .sharesAreFractions: return "比例是占全体的份额；要写相对的多少，请用 `weights`"
        case .bandShape(let field): return "\(Written.code(field)) 的每个区间都必须是映射，如 `{from: 60, to: 64, weight: 23}`"
        case .bandNotWholeNumber(let key, let found): return "\(Written.code(key)) 必须是整数，而不是 \(Written.code(found))"
        case .bandEndsBeforeStart(let from, let to): return "区间的终点（\(to)）在起点（\(from)）之前"
        }
    }
}

extension SyntaxPlace {
    var zhCN: String {
        switch self {
        case .policyFile: return "政策文件"
        case .populationDescription: return "人群描述"
        case .section(let name): return "\(Written.code(name)) "
        case .input(let name): return "输入事实 \(Written.code(name)) "
        case .parameter(let name): return "参数 \(Written.code(name)) "
        case .timelineEntry(let name): return "\(Written.code(name)) 的 `timeline` 中的一项"
        case .definition(let name): return "定义 \(Written.code(name)) "
        case .decision(let name): return "决策 \(Written.code(name)) "
        case .rule(let decision): return "\(Written.code(decision)) 的一条规则"
        case .apportion(let decision): return "\(Written.code(decision)) 的 `apportion` "
        case .approvalStep: return "审批步骤"
        case .program(let name): return "项目 \(Written.code(name)) "
        case .account(let name): return "账户 \(Written.code(name)) "
        case .event(let name): return "事件 \(Written.code(name)) "
        case .field(let name): return "字段 \(Written.code(name)) "
        case .refusal(let event): return "事件 \(Written.code(event)) 的一条拒绝规则"
        case .effect(let event): return "事件 \(Written.code(event)) 的一项记账"
        case .ledgerCheck: return "台账核查"
        case .scheduled(let name): return "定期事件 \(Written.code(name)) "
        case .recordKind(let name): return "记录种类 \(Written.code(name)) "
        case .festival(let name): return "节日 \(Written.code(name)) "
        case .requirement(let name): return "服务要求 \(Written.code(name)) "
        case .populationCase(let field): return "\(Written.code(field)) 的描述"
        case .populationBand(let field): return "\(Written.code(field)) 的一个区间"
        }
    }
}

extension NodeKind {
    var zhCN: String {
        switch self {
        case .singleValue: return "单个值"
        case .list: return "列表"
        case .mapping: return "映射（`键: 值` 形式的若干行）"
        }
    }
}

extension ShownNode {
    var zhCN: String {
        switch self {
        case .text(let text): return " \(Written.code(text))"
        case .kind(let kind): return kind.zhCN
        }
    }
}

extension ExpressionTokenText {
    var zhCN: String {
        switch self {
        case .code(let text): return Written.code(text)
        case .quoted(let text): return "“\(text)”"
        case .end: return "结尾"
        }
    }
}

extension RefusedCharacter {
    var zhCN: String {
        switch self {
        case .nul(let code): return " NUL 字节（\(code)）"
        case .control(let code): return "控制字符 \(code)"
        case .other(let code): return "字符 \(code)"
        }
    }
}

extension YAMLProblem {
    /// libyaml's words in Chinese where they are known; an unknown phrase is kept as written.
    var zhCN: String {
        let problemText = Self.problems[problem] ?? problem
        guard let context else { return problemText }
        return "\(Self.contexts[context] ?? context)，\(problemText)"
    }

    static let contexts: [String: String] = [
        "while parsing a block mapping": "读取 `键: 值` 形式的映射时",
        "while parsing a block collection": "读取以 `- ` 开头的列表时",
        "while parsing a flow mapping": "读取写在一行的 `{…}` 时",
        "while parsing a flow sequence": "读取写在一行的 `[…]` 时",
        "while parsing a block node": "读取一个值时",
        "while parsing a flow node": "读取一个值时",
        "while scanning a simple key": "读取一个键时",
        "while scanning a quoted scalar": "读取加引号的文字时",
        "while scanning a block scalar": "读取 `|` 或 `>` 开始的多行文字时",
        "while scanning a plain scalar": "读取一个值时",
        "while scanning an anchor": "读取锚点时",
        "while scanning an alias": "读取别名时",
        "while scanning a tag": "读取类型标签时",
        "while scanning a directive": "读取 `%` 指令时",
        "while parsing a node": "读取一个值时",
    ]

    static let problems: [String: String] = [
        "did not find expected key": "没有找到应有的键（这一行的缩进可能与同一层的其他行不一致）",
        "did not find expected '-' indicator": "没有找到应有的 `- `（这一行的缩进可能与列表的其他项不一致）",
        "did not find expected ',' or '}'": "没有找到应有的 `,` 或 `}`",
        "did not find expected ',' or ']'": "没有找到应有的 `,` 或 `]`",
        "did not find expected node content": "没有找到应有的值",
        "could not find expected ':'": "没有找到应有的 `:`",
        "mapping values are not allowed in this context": "这里不能出现 `: `（值里的冒号请改用中文冒号 `：`，或给整个值加引号）",
        "found character that cannot start any token": "遇到了不能作为开头的字符",
        "found unexpected end of stream": "文件意外结束",
        "found unexpected ':'": "遇到了多余的 `:`",
        "found a tab character that violates indentation": "缩进中有 Tab 字符（缩进只能用空格）",
        "found a tab character where an indentation space is expected": "应当用空格缩进的地方出现了 Tab 字符",
        "block sequence entries are not allowed in this context": "这里不能出现以 `- ` 开头的列表项",
        "found undefined tag handle": "遇到了未定义的类型标签",
        "did not find expected <document start>": "没有找到文件的开头",
        "found unknown escape character": "遇到了未知的转义字符",
        "found unexpected end of stream while scanning a quoted scalar": "加引号的文字没有结束",
        "did not find URI escaped octet": "标签中的转义写法不对",
        "did not find the expected key": "没有找到应有的键",
    ]
}
