import PolicyModel

extension PolicyFileParser {
    mutating func parseLedger(_ node: YAMLNode) -> LedgerSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledger, context: "`ledger`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("`ledger` must be a mapping with `title`, `accounts` and `events`", at: node.span))
            return nil
        }
        let title = reader.required("title", diagnostics: &diagnostics, help: "give the ledger's Chinese title, e.g. `title: 居家养老服务券`")
        if reader.node("accounts") == nil {
            diagnostics.append(.error("`ledger` is missing `accounts`", at: reader.span, help: "declare at least one account, e.g. `accounts: {points: {label: 互助积分, unit: 0.5}}`"))
        }
        if reader.node("events") == nil {
            diagnostics.append(.error("`ledger` is missing `events`", at: reader.span, help: "declare the event types the ledger replays, e.g. `events: {issue: {...}}`"))
        }
        let accounts = entries(reader.node("accounts"), section: "accounts").compactMap { parseAccount($0) }
        let events = entries(reader.node("events"), section: "events").compactMap { parseLedgerEvent($0) }
        let checks = sequence(reader.node("checks"), what: "checks").compactMap { parseLedgerCheck($0) }
        let schedules = entries(reader.node("scheduled"), section: "scheduled").compactMap { parseLedgerSchedule($0) }
        guard let title else { return nil }
        return LedgerSyntax(title: Located(title.text, title.span), accounts: accounts, events: events, checks: checks, schedules: schedules,
                            provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    /// The items of a list-valued section, or an error when it is not a list.
    mutating func sequence(_ node: YAMLNode?, what: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard case .sequence(let items, _) = node else {
            diagnostics.append(.error("`\(what)` must be a list, each item starting with `- `", at: node.span))
            return []
        }
        return items
    }

    mutating func parseAccount(_ entry: YAMLEntry) -> LedgerAccountSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerAccount, context: "account `\(entry.key)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("account `\(entry.key)` must be a mapping with `label` and `unit`", at: entry.value.span))
            return nil
        }
        return LedgerAccountSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics),
                                   kind: reader.scalar("kind", diagnostics: &diagnostics),
                                   unit: reader.scalar("unit", diagnostics: &diagnostics),
                                   expires: reader.scalar("expires", diagnostics: &diagnostics),
                                   insufficient: reader.text("insufficient", diagnostics: &diagnostics),
                                   provenance: reader.provenance(diagnostics: &diagnostics))
    }

    mutating func parseLedgerEvent(_ entry: YAMLEntry) -> LedgerEventSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerEvent, context: "event `\(entry.key)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("event `\(entry.key)` must be a mapping with `fields` and `effects`", at: entry.value.span))
            return nil
        }
        var fields: [LedgerEventSyntax.Field] = []
        for field in entries(reader.node("fields"), section: "fields") {
            if field.key == "date" || field.key == "type" {
                diagnostics.append(.error("`\(field.key)` is a field of every event and is not declared", at: field.keySpan,
                                          help: "every event has `type` (its event type) and `date` (YYYY-MM-DD); remove this line"))
                continue
            }
            fields.append(LedgerEventSyntax.Field(name: Located(field.key, field.keySpan), type: parseFieldType(field)))
        }
        var takes: [LedgerEventSyntax.Take] = []
        for take in entries(reader.node("take"), section: "take") {
            guard case .scalar(let eventType) = take.value else {
                diagnostics.append(.error("`take` maps a field to the event type it names, e.g. `take: {service: service}`", at: take.value.span))
                continue
            }
            takes.append(.init(field: Located(take.key, take.keySpan), eventType: Located(eventType.text, eventType.span)))
        }
        let hold = reader.scalar("hold", diagnostics: &diagnostics).map { Located($0.text, $0.span) }
        let refusals = sequence(reader.node("refuse"), what: "refuse").compactMap { parseRefusal($0, event: entry.key) }
        let effects = sequence(reader.node("effects"), what: "effects").compactMap { parseEffect($0, event: entry.key) }
        return LedgerEventSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics),
                                 fields: fields, takes: takes, hold: hold, refusals: refusals, effects: effects,
                                 provenance: reader.provenance(diagnostics: &diagnostics))
    }

    /// `name: string`, or a mapping with `type`/`values` as for an input.
    mutating func parseFieldType(_ entry: YAMLEntry) -> TypeSyntax? {
        if case .scalar(let scalar) = entry.value {
            let base = scalar.text.hasPrefix("list of ") ? String(scalar.text.dropFirst("list of ".count)) : scalar.text
            guard PolicyFileKeys.typeNames.contains(base), base != "enum" else {
                diagnostics.append(.error("unknown field type `\(scalar.text)`", at: scalar.span,
                                          help: base == "enum" ? "give an enum its values: `\(entry.key): {values: {a: 甲, b: 乙}}`"
                                            : "the types are `bool`, `integer`, `decimal`, `string`, `date`, or an enum with `values`"))
                return nil
            }
            return TypeSyntax(base: Located(base, scalar.span), isList: base != scalar.text, values: nil)
        }
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerField, context: "field `\(entry.key)`", diagnostics: &diagnostics) else {
            return nil
        }
        let type = parseType(reader)
        if type == nil && reader.node("type") == nil && reader.node("values") == nil {
            diagnostics.append(.error("field `\(entry.key)` is missing its type", at: entry.keySpan, help: "write `\(entry.key): string` or give `type:`"))
        }
        return type
    }

    mutating func parseRefusal(_ node: YAMLNode, event: String) -> LedgerRefusalSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledgerRefusal, context: "a refusal of event `\(event)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("each refusal of `\(event)` must be a mapping with `when` and `reason`", at: node.span))
            return nil
        }
        guard let whenNode = reader.node("when") else {
            diagnostics.append(.error("a refusal of `\(event)` is missing `when`", at: reader.span, help: "give the condition under which the event is refused"))
            return nil
        }
        if reader.node("reason") == nil {
            diagnostics.append(.error("a refusal of `\(event)` is missing `reason`", at: reader.span, help: "say in Chinese why the event is refused; it is shown with the refusal"))
        }
        guard let condition = parseCondition(whenNode) else { return nil }
        return LedgerRefusalSyntax(condition: condition, reason: reader.text("reason", diagnostics: &diagnostics),
                                   provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    mutating func parseEffect(_ node: YAMLNode, event: String) -> LedgerEffectSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledgerEffect, context: "an effect of event `\(event)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("each effect of `\(event)` must be a mapping: `credit: ACCOUNT`, `to: KEY`, `amount: …` (or `debit` with `from`)", at: node.span))
            return nil
        }
        let credit = reader.scalar("credit", diagnostics: &diagnostics)
        let debit = reader.scalar("debit", diagnostics: &diagnostics)
        guard (credit == nil) != (debit == nil), let account = credit ?? debit else {
            diagnostics.append(.error("an effect of `\(event)` needs exactly one of `credit` and `debit`", at: reader.span,
                                      help: "`credit: ACCOUNT` adds the amount, `debit: ACCOUNT` takes it away"))
            return nil
        }
        let keyName = credit != nil ? "to" : "from"
        let wrongKey = credit != nil ? "from" : "to"
        if reader.node(wrongKey) != nil {
            diagnostics.append(.error("a \(credit != nil ? "credit" : "debit") names its account with `\(keyName)`, not `\(wrongKey)`", at: reader.entry(wrongKey)?.keySpan ?? reader.span))
            return nil
        }
        guard let keyScalar = reader.required(keyName, diagnostics: &diagnostics, help: "say whose account, e.g. `\(keyName): person`"),
              let amountScalar = reader.required("amount", diagnostics: &diagnostics, help: "give the amount as an expression, e.g. `amount: hours`"),
              let key = parseExpression(keyScalar), let amount = parseExpression(amountScalar) else { return nil }
        return LedgerEffectSyntax(isCredit: credit != nil, account: Located(account.text, account.span), key: key, amount: amount, span: reader.span)
    }

    mutating func parseLedgerCheck(_ node: YAMLNode) -> LedgerCheckSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledgerCheck, context: "a ledger check", diagnostics: &diagnostics) else {
            diagnostics.append(.error("each ledger check must be a mapping with `id`, `of`, `count_distinct`, `per` and `at_least`", at: node.span))
            return nil
        }
        let id = reader.required("id", diagnostics: &diagnostics)
        let of = reader.required("of", diagnostics: &diagnostics, help: "the event type whose accepted events are counted")
        let distinct = reader.required("count_distinct", diagnostics: &diagnostics, help: "the field whose distinct values are counted")
        let per = reader.required("per", diagnostics: &diagnostics, help: "the field that groups the count")
        let atLeast = reader.required("at_least", diagnostics: &diagnostics, help: "the least count, a number or a parameter")
        guard let id, let of, let distinct, let per, let atLeast, let threshold = parseExpression(atLeast) else { return nil }
        return LedgerCheckSyntax(id: Located(id.text, id.span), label: reader.text("label", diagnostics: &diagnostics),
                                 eventType: Located(of.text, of.span), countDistinct: Located(distinct.text, distinct.span),
                                 per: Located(per.text, per.span), atLeast: threshold,
                                 provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    mutating func parseLedgerSchedule(_ entry: YAMLEntry) -> LedgerScheduleSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerSchedule, context: "scheduled `\(entry.key)`", diagnostics: &diagnostics) else {
            diagnostics.append(.error("scheduled `\(entry.key)` must be a mapping with `every`, `event` and `fields`", at: entry.value.span))
            return nil
        }
        let every = reader.required("every", diagnostics: &diagnostics, help: "say when it is made: `every: month` (the first day of each month)")
        let event = reader.required("event", diagnostics: &diagnostics, help: "name the event type it makes, e.g. `event: issue`")
        var condition: WrittenExpression?
        if let whenNode = reader.node("when") {
            guard let parsed = parseCondition(whenNode) else { return nil }
            condition = parsed
        }
        if reader.node("fields") == nil {
            diagnostics.append(.error("scheduled `\(entry.key)` is missing `fields`", at: reader.span,
                                      help: "give each field of the event an expression, e.g. `fields: {person: id, hours: monthly_hours}`"))
        }
        var fields: [LedgerScheduleSyntax.Field] = []
        for field in entries(reader.node("fields"), section: "fields") {
            guard case .scalar(let scalar) = field.value, let value = parseExpression(scalar) else {
                if case .scalar = field.value { continue }
                diagnostics.append(.error("field `\(field.key)` of scheduled `\(entry.key)` must be an expression, such as `monthly_hours`", at: field.value.span))
                continue
            }
            fields.append(.init(name: Located(field.key, field.keySpan), value: value))
        }
        guard let every, let event else { return nil }
        return LedgerScheduleSyntax(name: Located(entry.key, entry.keySpan), label: reader.text("label", diagnostics: &diagnostics), every: every,
                                    eventType: Located(event.text, event.span), condition: condition, fields: fields,
                                    provenance: reader.provenance(diagnostics: &diagnostics))
    }
}
