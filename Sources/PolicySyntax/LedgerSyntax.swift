import PolicyModel

/// The `ledger:` section as written: accounts, the event types that change them, and
/// aggregate checks. Expressions in it read the event's fields and the parameters.
package struct LedgerSyntax: Sendable {
    package let title: Located<String>
    package let accounts: [LedgerAccountSyntax]
    package let events: [LedgerEventSyntax]
    package let checks: [LedgerCheckSyntax]
    /// Events the ledger makes itself, for each person, on a calendar (`scheduled:`).
    package let schedules: [LedgerScheduleSyntax]
    package let provenance: ProvenanceSyntax
    package let span: SourceSpan
}

/// One `scheduled:` entry: on each `every` day (the first of each month), an event of
/// type `event` for each person, its fields computed from the person's facts and
/// decisions, when `when` holds.
package struct LedgerScheduleSyntax: Sendable {
    /// `FIELD: EXPRESSION`: the value of one field of the event.
    package struct Field: Sendable {
        package let name: Located<String>
        package let value: WrittenExpression
    }

    package let name: Located<String>
    package let label: String?
    package let every: YAMLScalar
    package let eventType: Located<String>
    package let condition: WrittenExpression?
    package let fields: [Field]
    package let provenance: ProvenanceSyntax
}

/// One family of accounts, keyed by whatever an effect names (a person, a provider).
package struct LedgerAccountSyntax: Sendable {
    package let name: Located<String>
    package let label: String?
    /// `balance` (the default) or `settlement` (only credited; reported apart).
    package let kind: YAMLScalar?
    /// The smallest amount stored: every amount posted must be a multiple of it.
    package let unit: YAMLScalar?
    /// `end_of_year`: each credit lapses at the end of 31 December of its year.
    package let expires: YAMLScalar?
    /// The reason shown when a debit would take the balance below zero.
    package let insufficient: String?
    package let provenance: ProvenanceSyntax
}

/// One event type: its fields, when it is refused, and what it changes.
package struct LedgerEventSyntax: Sendable {
    /// A field of the event and its type (`date` is implicit).
    package struct Field: Sendable {
        package let name: Located<String>
        package let type: TypeSyntax?
    }

    /// A field that names an earlier, held event: its fields are read as `field.name`.
    package struct Take: Sendable {
        package let field: Located<String>
        package let eventType: Located<String>
    }

    package let name: Located<String>
    package let label: String?
    package let fields: [Field]
    package let takes: [Take]
    /// The field whose value keeps this event, awaiting a later event that takes it.
    package let hold: Located<String>?
    package let refusals: [LedgerRefusalSyntax]
    package let effects: [LedgerEffectSyntax]
    package let provenance: ProvenanceSyntax
}

/// `- when: CONDITION` / `reason: …`: the event is refused when the condition holds.
package struct LedgerRefusalSyntax: Sendable {
    package let condition: WrittenExpression
    package let reason: String?
    package let provenance: ProvenanceSyntax
    package let span: SourceSpan
}

/// `- credit: ACCOUNT` / `to: KEY` / `amount: EXPR`, or `debit` with `from`.
package struct LedgerEffectSyntax: Sendable {
    package let isCredit: Bool
    package let account: Located<String>
    package let key: WrittenExpression
    package let amount: WrittenExpression
    package let span: SourceSpan
}

/// An aggregate check: at least N distinct values of a field per group.
package struct LedgerCheckSyntax: Sendable {
    package let id: Located<String>
    package let label: String?
    package let eventType: Located<String>
    package let countDistinct: Located<String>
    package let per: Located<String>
    package let atLeast: WrittenExpression
    package let provenance: ProvenanceSyntax
    package let span: SourceSpan
}

/// The `approval:` section: steps in order, who takes each, and how an application ends unapproved.
package struct ApprovalSyntax: Sendable {
    /// One step of the path.
    package struct Step: Sendable {
        package let id: Located<String>
        package let label: String?
        package let actor: String?
        package let provenance: ProvenanceSyntax
    }

    package let title: Located<String>
    package let steps: [Step]
    package let rejection: Located<String>
    package let rejectionLabel: String?
    package let provenance: ProvenanceSyntax
    package let span: SourceSpan
}

/// One program with a fixed number of places (`programs:`).
package struct ProgramSyntax: Sendable {
    /// `NAME: descending` or `NAME: ascending`.
    package struct PriorityKey: Sendable {
        package let name: Located<String>
        package let descending: Bool
    }

    package let name: Located<String>
    package let label: String?
    package let places: YAMLScalar?
    package let eligible: WrittenExpression?
    package let priority: [PriorityKey]
    package let provenance: ProvenanceSyntax
}
