/// A checked ledger: accounts, event types with typed fields, refusals and effects.
/// Its expressions read the event (`.input(slot)` is a field of the event) and the
/// parameters in force on the event's date.
public struct LedgerDeclaration: Sendable {
    public let title: String
    public let accounts: [LedgerAccount]
    public let events: [LedgerEventType]
    public let checks: [LedgerCheck]
    public let provenance: Provenance
    public let span: SourceSpan

    public init(title: String, accounts: [LedgerAccount], events: [LedgerEventType], checks: [LedgerCheck], provenance: Provenance, span: SourceSpan) {
        self.title = title
        self.accounts = accounts
        self.events = events
        self.checks = checks
        self.provenance = provenance
        self.span = span
    }

    public func eventIndex(named name: String) -> Int? { events.firstIndex { $0.name == name } }
}

/// A family of accounts (one balance per key) and the rules every posting to it obeys.
public struct LedgerAccount: Sendable {
    /// A balance can be debited and may not go below zero; a settlement is only credited.
    public enum Kind: String, Sendable { case balance, settlement }
    /// When credited amounts lapse.
    public enum Expiry: String, Sendable {
        /// At the end of 31 December of the year of the credit.
        case endOfYear = "end_of_year"
    }

    public let name: String
    public let label: String
    public let kind: Kind
    /// Every amount posted is a multiple of it (0.5 points, 0.25 hours, 0.01 yuan).
    public let unit: ExactDecimal
    public let expiry: Expiry?
    public let insufficientReason: String?
    public let provenance: Provenance
    public let span: SourceSpan

    public init(name: String, label: String, kind: Kind, unit: ExactDecimal, expiry: Expiry?, insufficientReason: String?, provenance: Provenance, span: SourceSpan) {
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
public struct LedgerEventType: Sendable {
    /// A named, typed field of the event as it is read from JSON.
    public struct Field: Sendable {
        public let name: String
        public let type: ValueType
        public init(name: String, type: ValueType) {
            self.name = name
            self.type = type
        }
    }

    /// A field naming an earlier held event of `eventType`, bound as a record in slot `slot`.
    public struct Take: Sendable {
        public let field: Int
        public let eventType: Int
        public let slot: Int
        public init(field: Int, eventType: Int, slot: Int) {
            self.field = field
            self.eventType = eventType
            self.slot = slot
        }
    }

    public let name: String
    public let label: String
    public let fields: [Field]
    public let takes: [Take]
    /// The field whose value keeps the event for a later `take`.
    public let holdField: Int?
    public let refusals: [LedgerRefusal]
    public let effects: [LedgerEffect]
    public let provenance: Provenance
    public let span: SourceSpan

    public init(name: String, label: String, fields: [Field], takes: [Take], holdField: Int?, refusals: [LedgerRefusal],
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
    public var recordType: RecordType { RecordType(fields: fields.map { RecordType.Field(name: $0.name, type: $0.type) }) }
}

/// The event is refused, with `reason`, when `condition` holds.
public struct LedgerRefusal: Sendable {
    public let condition: Expression
    public let text: String
    public let reason: String
    public let provenance: Provenance
    public let span: SourceSpan

    public init(condition: Expression, text: String, reason: String, provenance: Provenance, span: SourceSpan) {
        self.condition = condition
        self.text = text
        self.reason = reason
        self.provenance = provenance
        self.span = span
    }
}

/// Adds `amount` to (credit) or takes it from (debit) the account `key` of `account`.
public struct LedgerEffect: Sendable {
    public let isCredit: Bool
    public let account: Int
    public let key: Expression
    public let amount: Expression
    public let span: SourceSpan

    public init(isCredit: Bool, account: Int, key: Expression, amount: Expression, span: SourceSpan) {
        self.isCredit = isCredit
        self.account = account
        self.key = key
        self.amount = amount
        self.span = span
    }
}

/// At least `atLeast` distinct values of field `countField` per value of `groupField`
/// among the accepted events of `eventType`.
public struct LedgerCheck: Sendable {
    public let id: String
    public let label: String
    public let eventType: Int
    public let countField: Int
    public let groupField: Int
    public let atLeast: Expression
    public let provenance: Provenance
    public let span: SourceSpan

    public init(id: String, label: String, eventType: Int, countField: Int, groupField: Int, atLeast: Expression, provenance: Provenance, span: SourceSpan) {
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
