/// A checked ledger: accounts, event types with typed fields, refusals and effects.
/// Its expressions read the event (`.input(slot)` is a field of the event) and the
/// parameters in force on the event's date.
package struct LedgerDeclaration: Sendable {
    package let title: String
    package let accounts: [LedgerAccount]
    package let events: [LedgerEventType]
    package let checks: [LedgerCheck]
    /// Events the ledger makes itself from each person's facts and decisions.
    package let schedules: [LedgerSchedule]
    package let provenance: Provenance
    package let span: SourceSpan

    package init(title: String, accounts: [LedgerAccount], events: [LedgerEventType], checks: [LedgerCheck], schedules: [LedgerSchedule] = [],
                 provenance: Provenance, span: SourceSpan) {
        self.title = title
        self.accounts = accounts
        self.events = events
        self.checks = checks
        self.schedules = schedules
        self.provenance = provenance
        self.span = span
    }

    package func eventIndex(named name: String) -> Int? { events.firstIndex { $0.name == name } }
}

/// A family of accounts (one balance per key) and the rules every posting to it obeys.
package struct LedgerAccount: Sendable {
    /// A balance can be debited and may not go below zero; a settlement is only credited.
    package enum Kind: String, Sendable { case balance, settlement }
    /// When credited amounts lapse.
    package enum Expiry: String, Sendable {
        /// At the end of 31 December of the year of the credit.
        case endOfYear = "end_of_year"
    }

    package let name: String
    package let label: String
    package let kind: Kind
    /// Every amount posted is a multiple of it (0.5 points, 0.25 hours, 0.01 yuan).
    package let unit: ExactDecimal
    package let expiry: Expiry?
    package let insufficientReason: String?
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, label: String, kind: Kind, unit: ExactDecimal, expiry: Expiry?, insufficientReason: String?, provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.label = label
        self.kind = kind
        self.unit = unit
        self.expiry = expiry
        self.insufficientReason = insufficientReason
        self.provenance = provenance
        self.span = span
    }
}

/// One event type. Its slots are `fields` (in order, `date` first) followed by one
/// record per taken event.
package struct LedgerEventType: Sendable {
    /// A named, typed field of the event as it is read from JSON.
    package struct Field: Sendable {
        package let name: String
        package let type: ValueType
        package init(name: String, type: ValueType) {
            self.name = name
            self.type = type
        }
    }

    /// A field naming an earlier held event of `eventType`, bound as a record in slot `slot`.
    package struct Take: Sendable {
        package let field: Int
        package let eventType: Int
        package let slot: Int
        package init(field: Int, eventType: Int, slot: Int) {
            self.field = field
            self.eventType = eventType
            self.slot = slot
        }
    }

    package let name: String
    package let label: String
    package let fields: [Field]
    package let takes: [Take]
    /// The field whose value keeps the event for a later `take`.
    package let holdField: Int?
    package let refusals: [LedgerRefusal]
    package let effects: [LedgerEffect]
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, label: String, fields: [Field], takes: [Take], holdField: Int?, refusals: [LedgerRefusal],
                effects: [LedgerEffect], provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.label = label
        self.fields = fields
        self.takes = takes
        self.holdField = holdField
        self.refusals = refusals
        self.effects = effects
        self.provenance = provenance
        self.span = span
    }

    /// The event's fields as one record, as a later event that takes it reads them.
    package var recordType: RecordType { RecordType(fields: fields.map { RecordType.Field(name: $0.name, type: $0.type) }) }
}

/// The event is refused, with `reason`, when `condition` holds.
package struct LedgerRefusal: Sendable {
    package let condition: Expression
    package let text: String
    package let reason: String
    package let provenance: Provenance
    package let span: SourceSpan

    package init(condition: Expression, text: String, reason: String, provenance: Provenance, span: SourceSpan) {
        self.condition = condition
        self.text = text
        self.reason = reason
        self.provenance = provenance
        self.span = span
    }
}

/// Adds `amount` to (credit) or takes it from (debit) the account `key` of `account`.
package struct LedgerEffect: Sendable {
    package let isCredit: Bool
    package let account: Int
    package let key: Expression
    package let amount: Expression
    package let span: SourceSpan

    package init(isCredit: Bool, account: Int, key: Expression, amount: Expression, span: SourceSpan) {
        self.isCredit = isCredit
        self.account = account
        self.key = key
        self.amount = amount
        self.span = span
    }
}

/// At least `atLeast` distinct values of field `countField` per value of `groupField`
/// among the accepted events of `eventType`.
package struct LedgerCheck: Sendable {
    package let id: String
    package let label: String
    package let eventType: Int
    package let countField: Int
    package let groupField: Int
    package let atLeast: Expression
    package let provenance: Provenance
    package let span: SourceSpan

    package init(id: String, label: String, eventType: Int, countField: Int, groupField: Int, atLeast: Expression, provenance: Provenance, span: SourceSpan) {
        self.id = id
        self.label = label
        self.eventType = eventType
        self.countField = countField
        self.groupField = groupField
        self.atLeast = atLeast
        self.provenance = provenance
        self.span = span
    }
}
