import PolicyModel

/// The `ledger:` section as written: accounts, the event types that change them, and
/// aggregate checks. Expressions in it read the event's fields and the parameters.
public struct LedgerSyntax: Sendable {
    public let title: Located<String>
    public let accounts: [LedgerAccountSyntax]
    public let events: [LedgerEventSyntax]
    public let checks: [LedgerCheckSyntax]
    public let provenance: ProvenanceSyntax
    public let span: SourceSpan
}

/// One family of accounts, keyed by whatever an effect names (a person, a provider).
public struct LedgerAccountSyntax: Sendable {
    public let name: Located<String>
    public let label: String?
    /// `balance` (the default) or `settlement` (only credited; reported apart).
    public let kind: YAMLScalar?
    /// The smallest amount stored: every amount posted must be a multiple of it.
    public let unit: YAMLScalar?
    /// `end_of_year`: each credit lapses at the end of 31 December of its year.
    public let expires: YAMLScalar?
    /// The reason shown when a debit would take the balance below zero.
    public let insufficient: String?
    public let provenance: ProvenanceSyntax
}

/// One event type: its fields, when it is refused, and what it changes.
public struct LedgerEventSyntax: Sendable {
    /// A field of the event and its type (`date` is implicit).
    public struct Field: Sendable {
        public let name: Located<String>
        public let type: TypeSyntax?
    }

    /// A field that names an earlier, held event: its fields are read as `field.name`.
    public struct Take: Sendable {
        public let field: Located<String>
        public let eventType: Located<String>
    }

    public let name: Located<String>
    public let label: String?
    public let fields: [Field]
    public let takes: [Take]
    /// The field whose value keeps this event, awaiting a later event that takes it.
    public let hold: Located<String>?
    public let refusals: [LedgerRefusalSyntax]
    public let effects: [LedgerEffectSyntax]
    public let provenance: ProvenanceSyntax
}

/// `- when: CONDITION` / `reason: …`: the event is refused when the condition holds.
public struct LedgerRefusalSyntax: Sendable {
    public let condition: WrittenExpression
    public let reason: String?
    public let provenance: ProvenanceSyntax
    public let span: SourceSpan
}

/// `- credit: ACCOUNT` / `to: KEY` / `amount: EXPR`, or `debit` with `from`.
public struct LedgerEffectSyntax: Sendable {
    public let isCredit: Bool
    public let account: Located<String>
    public let key: WrittenExpression
    public let amount: WrittenExpression
    public let span: SourceSpan
}

/// An aggregate check: at least N distinct values of a field per group.
public struct LedgerCheckSyntax: Sendable {
    public let id: Located<String>
    public let label: String?
    public let eventType: Located<String>
    public let countDistinct: Located<String>
    public let per: Located<String>
    public let atLeast: WrittenExpression
    public let provenance: ProvenanceSyntax
    public let span: SourceSpan
}

/// The `approval:` section: steps in order, who takes each, and how an application ends unapproved.
public struct ApprovalSyntax: Sendable {
    /// One step of the path.
    public struct Step: Sendable {
        public let id: Located<String>
        public let label: String?
        public let actor: String?
        public let provenance: ProvenanceSyntax
    }

    public let title: Located<String>
    public let steps: [Step]
    public let rejection: Located<String>
    public let rejectionLabel: String?
    public let provenance: ProvenanceSyntax
    public let span: SourceSpan
}

/// One program with a fixed number of places (`programs:`).
public struct ProgramSyntax: Sendable {
    /// `NAME: descending` or `NAME: ascending`.
    public struct PriorityKey: Sendable {
        public let name: Located<String>
        public let descending: Bool
    }

    public let name: Located<String>
    public let label: String?
    public let places: YAMLScalar?
    public let eligible: WrittenExpression?
    public let priority: [PriorityKey]
    public let provenance: ProvenanceSyntax
}
