import PolicyModel

extension PolicyFileParser {
    mutating func parseLedger(_ node: YAMLNode) -> LedgerSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledger, context: .section("ledger"), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.ledgerShape, at: node.span))
            return nil
        }
        let title = reader.required("title", diagnostics: &diagnostics, help: .giveLedgerTitle)
        if reader.node("accounts") == nil {
            diagnostics.append(.error(.ledgerMissingAccounts, at: reader.span, help: .declareAccount))
        }
        if reader.node("events") == nil {
            diagnostics.append(.error(.ledgerMissingEvents, at: reader.span, help: .declareEvents))
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
            diagnostics.append(.error(.sectionNotList(what), at: node.span))
            return []
        }
        return items
    }

    mutating func parseAccount(_ entry: YAMLEntry) -> LedgerAccountSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerAccount, context: .account(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.accountShape(entry.key), at: entry.value.span))
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
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerEvent, context: .event(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.eventShape(entry.key), at: entry.value.span))
            return nil
        }
        var fields: [LedgerEventSyntax.Field] = []
        for field in entries(reader.node("fields"), section: "fields") {
            if field.key == "date" || field.key == "type" {
                diagnostics.append(.error(.implicitEventField(field.key), at: field.keySpan, help: .eventImplicitFields))
                continue
            }
            fields.append(LedgerEventSyntax.Field(name: Located(field.key, field.keySpan), type: parseFieldType(field)))
        }
        var takes: [LedgerEventSyntax.Take] = []
        for take in entries(reader.node("take"), section: "take") {
            guard case .scalar(let eventType) = take.value else {
                diagnostics.append(.error(.takeShape, at: take.value.span))
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
                diagnostics.append(.error(.unknownFieldType(scalar.text), at: scalar.span, help: base == "enum" ? .giveEnumFieldValues(entry.key) : .fieldTypesAre))
                return nil
            }
            return TypeSyntax(base: Located(base, scalar.span), isList: base != scalar.text, values: nil)
        }
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerField, context: .field(entry.key), diagnostics: &diagnostics) else {
            return nil
        }
        let type = parseType(reader)
        if type == nil && reader.node("type") == nil && reader.node("values") == nil {
            diagnostics.append(.error(.fieldMissingType(entry.key), at: entry.keySpan, help: .writeFieldType(entry.key)))
        }
        return type
    }

    mutating func parseRefusal(_ node: YAMLNode, event: String) -> LedgerRefusalSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledgerRefusal, context: .refusal(event: event), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.refusalShape(event: event), at: node.span))
            return nil
        }
        guard let whenNode = reader.node("when") else {
            diagnostics.append(.error(.refusalMissingWhen(event: event), at: reader.span, help: .giveRefusalCondition))
            return nil
        }
        if reader.node("reason") == nil {
            diagnostics.append(.error(.refusalMissingReason(event: event), at: reader.span, help: .sayRefusalReason))
        }
        guard let condition = parseCondition(whenNode) else { return nil }
        return LedgerRefusalSyntax(condition: condition, reason: reader.text("reason", diagnostics: &diagnostics),
                                   provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    mutating func parseEffect(_ node: YAMLNode, event: String) -> LedgerEffectSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledgerEffect, context: .effect(event: event), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.effectShape(event: event), at: node.span))
            return nil
        }
        let credit = reader.scalar("credit", diagnostics: &diagnostics)
        let debit = reader.scalar("debit", diagnostics: &diagnostics)
        guard (credit == nil) != (debit == nil), let account = credit ?? debit else {
            diagnostics.append(.error(.effectCreditOrDebit(event: event), at: reader.span, help: .creditAddsDebitTakes))
            return nil
        }
        let keyName = credit != nil ? "to" : "from"
        let wrongKey = credit != nil ? "from" : "to"
        if reader.node(wrongKey) != nil {
            diagnostics.append(.error(.effectWrongKey(credit: credit != nil, key: keyName, wrong: wrongKey), at: reader.entry(wrongKey)?.keySpan ?? reader.span))
            return nil
        }
        guard let keyScalar = reader.required(keyName, diagnostics: &diagnostics, help: .sayWhoseAccount(keyName)),
              let amountScalar = reader.required("amount", diagnostics: &diagnostics, help: .giveAmount),
              let key = parseExpression(keyScalar), let amount = parseExpression(amountScalar) else { return nil }
        return LedgerEffectSyntax(isCredit: credit != nil, account: Located(account.text, account.span), key: key, amount: amount, span: reader.span)
    }

    mutating func parseLedgerCheck(_ node: YAMLNode) -> LedgerCheckSyntax? {
        guard let reader = try? MappingReader(node, allowed: PolicyFileKeys.ledgerCheck, context: .ledgerCheck, diagnostics: &diagnostics) else {
            diagnostics.append(.error(.ledgerCheckShape, at: node.span))
            return nil
        }
        let id = reader.required("id", diagnostics: &diagnostics)
        let of = reader.required("of", diagnostics: &diagnostics, help: .checkOfHelp)
        let distinct = reader.required("count_distinct", diagnostics: &diagnostics, help: .checkDistinctHelp)
        let per = reader.required("per", diagnostics: &diagnostics, help: .checkPerHelp)
        let atLeast = reader.required("at_least", diagnostics: &diagnostics, help: .checkAtLeastHelp)
        guard let id, let of, let distinct, let per, let atLeast, let threshold = parseExpression(atLeast) else { return nil }
        return LedgerCheckSyntax(id: Located(id.text, id.span), label: reader.text("label", diagnostics: &diagnostics),
                                 eventType: Located(of.text, of.span), countDistinct: Located(distinct.text, distinct.span),
                                 per: Located(per.text, per.span), atLeast: threshold,
                                 provenance: reader.provenance(diagnostics: &diagnostics), span: reader.span)
    }

    mutating func parseLedgerSchedule(_ entry: YAMLEntry) -> LedgerScheduleSyntax? {
        guard let reader = try? MappingReader(entry.value, allowed: PolicyFileKeys.ledgerSchedule, context: .scheduled(entry.key), diagnostics: &diagnostics) else {
            diagnostics.append(.error(.scheduleShape(entry.key), at: entry.value.span))
            return nil
        }
        let every = reader.required("every", diagnostics: &diagnostics, help: .scheduleEveryHelp)
        let event = reader.required("event", diagnostics: &diagnostics, help: .scheduleEventHelp)
        var condition: WrittenExpression?
        if let whenNode = reader.node("when") {
            guard let parsed = parseCondition(whenNode) else { return nil }
            condition = parsed
        }
        if reader.node("fields") == nil {
            diagnostics.append(.error(.scheduleMissingFields(entry.key), at: reader.span, help: .scheduleFieldsHelp))
        }
        var fields: [LedgerScheduleSyntax.Field] = []
        for field in entries(reader.node("fields"), section: "fields") {
            guard case .scalar(let scalar) = field.value, let value = parseExpression(scalar) else {
                if case .scalar = field.value { continue }
                diagnostics.append(.error(.scheduleFieldShape(field: field.key, schedule: entry.key), at: field.value.span))
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
