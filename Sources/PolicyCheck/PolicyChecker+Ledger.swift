import PolicyModel
import PolicySyntax

extension PolicyChecker {
    func checkLedger(_ syntax: LedgerSyntax) -> LedgerDeclaration? {
        let errorsBefore = diagnostics.errorCount
        let accounts = syntax.accounts.compactMap(checkAccount)
        if syntax.accounts.isEmpty {
            diagnostics.append(.error(.noAccounts, at: syntax.span, help: .declareAccountUnder))
        }
        // Fields first, for every event, so an event can take one declared after it.
        let fieldLists = syntax.events.map(eventFields)
        let events = syntax.events.indices.compactMap { index in
            checkEvent(syntax.events[index], fields: fieldLists[index], all: syntax.events, fieldLists: fieldLists, accounts: syntax.accounts)
        }
        let checks = syntax.checks.compactMap { checkLedgerCheck($0, events: syntax.events, fieldLists: fieldLists) }
        let schedules = syntax.schedules.compactMap { checkSchedule($0, events: syntax.events, fieldLists: fieldLists) }
        guard diagnostics.errorCount == errorsBefore, accounts.count == syntax.accounts.count, events.count == syntax.events.count,
              schedules.count == syntax.schedules.count else { return nil }
        return LedgerDeclaration(title: syntax.title.value, accounts: accounts, events: events, checks: checks, schedules: schedules,
                                 provenance: Provenance(syntax.provenance), span: syntax.span)
    }

    func checkAccount(_ syntax: LedgerAccountSyntax) -> LedgerAccount? {
        let name = syntax.name.value
        var kind = LedgerAccount.Kind.balance
        if let scalar = syntax.kind {
            guard let parsed = LedgerAccount.Kind(rawValue: scalar.text) else {
                diagnostics.append(.error(.unknownAccountKind(scalar.text), at: scalar.span, help: .accountKinds))
                return nil
            }
            kind = parsed
        }
        guard let unitScalar = syntax.unit else {
            diagnostics.append(.error(.accountWithoutUnit(name), at: syntax.name.span, help: .giveUnit))
            return nil
        }
        guard let unit = ExactDecimal(unitScalar.text), unit > .zero, unit.normalized.scale <= 2 else {
            diagnostics.append(.error(.invalidUnit(unitScalar.text), at: unitScalar.span, help: .unitShape))
            return nil
        }
        var expiry: LedgerAccount.Expiry?
        if let scalar = syntax.expires {
            guard let parsed = LedgerAccount.Expiry(rawValue: scalar.text) else {
                diagnostics.append(.error(.unknownExpiry(scalar.text), at: scalar.span, help: .expiries))
                return nil
            }
            if kind == .settlement {
                diagnostics.append(.error(.settlementDoesNotExpire, at: scalar.span, help: .removeExpires))
                return nil
            }
            expiry = parsed
        }
        return LedgerAccount(name: name, label: syntax.label ?? name, kind: kind, unit: unit, expiry: expiry,
                             insufficientReason: syntax.insufficient, provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }

    /// The event's fields with `date` first; nil where a type did not resolve.
    func eventFields(_ syntax: LedgerEventSyntax) -> [LedgerEventType.Field?] {
        [LedgerEventType.Field(name: "date", type: .date)] + syntax.fields.map { field in
            field.type.flatMap { resolveType($0, name: field.name.value) }.map { LedgerEventType.Field(name: field.name.value, type: $0) }
        }
    }

    func checkEvent(_ syntax: LedgerEventSyntax, fields optionalFields: [LedgerEventType.Field?], all: [LedgerEventSyntax],
                    fieldLists: [[LedgerEventType.Field?]], accounts: [LedgerAccountSyntax]) -> LedgerEventType? {
        let fields = optionalFields.compactMap { $0 }
        guard fields.count == optionalFields.count else { return nil }
        let event = syntax.name.value
        var scope: [String: (Expression, ValueType)] = [:]
        for (slot, field) in fields.enumerated() { scope[field.name] = (.input(slot), field.type) }
        var holdField: Int?
        if let hold = syntax.hold {
            guard let index = fields.firstIndex(where: { $0.name == hold.value }), fields[index].type == .string else {
                diagnostics.append(.error(.holdNeedsTextField(event: event), at: hold.span,
                                      help: NameSuggestion.help(for: hold.value, in: fields.filter { $0.type == .string }.map(\.name), kind: .textFields)?.help))
                return nil
            }
            holdField = index
        }
        var takes: [LedgerEventType.Take] = []
        for take in syntax.takes {
            guard let field = fields.firstIndex(where: { $0.name == take.field.value }), fields[field].type == .string else {
                diagnostics.append(.error(.takeNeedsTextField(event: event), at: take.field.span,
                                          help: NameSuggestion.help(for: take.field.value, in: fields.map(\.name), kind: .fields)?.help))
                return nil
            }
            guard let eventType = all.firstIndex(where: { $0.name.value == take.eventType.value }) else {
                diagnostics.append(.error(.noEventTypeToTake(take.eventType.value), at: take.eventType.span,
                                          help: NameSuggestion.help(for: take.eventType.value, in: all.map(\.name.value), kind: .eventTypes)?.help))
                return nil
            }
            guard all[eventType].hold != nil else {
                diagnostics.append(.error(.eventNotHeld(take.eventType.value), at: take.eventType.span, help: .giveHold(take.eventType.value)))
                return nil
            }
            let takenFields = fieldLists[eventType].compactMap { $0 }
            let slot = fields.count + takes.count
            let record = RecordType(fields: takenFields.map { RecordType.Field(name: $0.name, type: $0.type) })
            scope[take.field.value] = (.input(slot), .record(record))
            takes.append(.init(field: field, eventType: eventType, slot: slot))
        }
        localScope = scope
        localScopeName = .ledgerRule(event: event)
        defer { localScope = nil }
        var refusals: [LedgerRefusal] = []
        for refusal in syntax.refusals {
            guard let condition = checkBool(refusal.condition.syntax, role: .refusalWhen) else { continue }
            refusals.append(LedgerRefusal(condition: condition, text: refusal.condition.text, reason: refusal.reason ?? "",
                                          provenance: Provenance(refusal.provenance), span: refusal.span))
        }
        var effects: [LedgerEffect] = []
        for effect in syntax.effects {
            guard let account = accounts.firstIndex(where: { $0.name.value == effect.account.value }) else {
                diagnostics.append(.error(.noAccount(effect.account.value), at: effect.account.span,
                                          help: NameSuggestion.help(for: effect.account.value, in: accounts.map(\.name.value), kind: .accounts)?.help))
                continue
            }
            if !effect.isCredit, accounts[account].kind?.text == LedgerAccount.Kind.settlement.rawValue {
                diagnostics.append(.error(.settlementOnlyCredited(effect.account.value), at: effect.account.span, help: .debitABalance))
                continue
            }
            guard let (key, keyType) = checkExpression(effect.key.syntax, expected: .string) else { continue }
            guard keyType == .string else {
                diagnostics.append(.error(.accountKeyNotText(keyType), at: effect.key.syntax.span))
                continue
            }
            guard let (amount, amountType) = checkExpression(effect.amount.syntax, expected: .decimal) else { continue }
            guard amountType.isNumeric else {
                diagnostics.append(.error(.amountNotNumber(amountType), at: effect.amount.syntax.span))
                continue
            }
            effects.append(LedgerEffect(isCredit: effect.isCredit, account: account, key: key,
                                        amount: PolicyChecker.widen(amount, from: amountType, to: .decimal), span: effect.span))
        }
        if syntax.effects.isEmpty && syntax.hold == nil {
            diagnostics.append(.error(.eventChangesNothing(event), at: syntax.name.span, help: .giveEffectsOrHold))
        }
        guard refusals.count == syntax.refusals.count, effects.count == syntax.effects.count else { return nil }
        return LedgerEventType(name: syntax.name.value, label: syntax.label ?? syntax.name.value, fields: fields, takes: takes,
                               holdField: holdField, refusals: refusals, effects: effects, provenance: Provenance(syntax.provenance), span: syntax.name.span)
    }

    func checkLedgerCheck(_ syntax: LedgerCheckSyntax, events: [LedgerEventSyntax], fieldLists: [[LedgerEventType.Field?]]) -> LedgerCheck? {
        guard let eventType = events.firstIndex(where: { $0.name.value == syntax.eventType.value }) else {
            diagnostics.append(.error(.noEventTypeToCount(syntax.eventType.value), at: syntax.eventType.span,
                                      help: NameSuggestion.help(for: syntax.eventType.value, in: events.map(\.name.value), kind: .eventTypes)?.help))
            return nil
        }
        let fields = fieldLists[eventType].map { $0?.name }
        func field(_ name: Located<String>) -> Int? {
            if let index = fields.firstIndex(of: name.value) { return index }
            diagnostics.append(.error(.eventHasNoField(event: syntax.eventType.value, field: name.value), at: name.span,
                                      help: NameSuggestion.help(for: name.value, in: fields.compactMap { $0 }, kind: .fields)?.help))
            return nil
        }
        let countField = field(syntax.countDistinct)
        let groupField = field(syntax.per)
        localScope = [:]
        localScopeName = .ledgerCheck
        defer { localScope = nil }
        guard let (threshold, type) = checkExpression(syntax.atLeast.syntax, expected: .integer) else { return nil }
        guard type == .integer else {
            diagnostics.append(.error(.atLeastNotWhole(type), at: syntax.atLeast.syntax.span))
            return nil
        }
        guard let countField, let groupField else { return nil }
        return LedgerCheck(id: syntax.id.value, label: syntax.label ?? syntax.id.value, eventType: eventType, countField: countField,
                           groupField: groupField, atLeast: threshold, provenance: Provenance(syntax.provenance), span: syntax.span)
    }
}
