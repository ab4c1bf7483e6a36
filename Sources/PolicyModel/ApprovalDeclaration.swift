/// A checked approval path: the steps an application passes, in order, each taken by
/// an actor; and the state an application ends in when it is refused at any step.
package struct ApprovalDeclaration: Sendable {
    /// One step: its id, what it is called and who takes it.
    package struct Step: Sendable {
        package let id: String
        package let label: String
        package let actor: String
        package let provenance: Provenance
        package init(id: String, label: String, actor: String, provenance: Provenance) {
            self.id = id
            self.label = label
            self.actor = actor
            self.provenance = provenance
        }
    }

    package let title: String
    package let steps: [Step]
    package let rejection: String
    package let rejectionLabel: String
    package let provenance: Provenance

    package init(title: String, steps: [Step], rejection: String, rejectionLabel: String, provenance: Provenance) {
        self.title = title
        self.steps = steps
        self.rejection = rejection
        self.rejectionLabel = rejectionLabel
        self.provenance = provenance
    }

    package func stepIndex(_ id: String) -> Int? { steps.firstIndex { $0.id == id } }
}

/// A checked program with a fixed number of places, given out by priority.
package struct ProgramDeclaration: Sendable {
    /// One sort key: an expression over the person (an input, definition or decision).
    package struct PriorityKey: Sendable {
        package let name: String
        package let expression: Expression
        /// The key's type, for writing its values.
        package let type: ValueType
        package let descending: Bool
        package init(name: String, expression: Expression, type: ValueType, descending: Bool) {
            self.name = name
            self.expression = expression
            self.type = type
            self.descending = descending
        }
    }

    package let name: String
    package let label: String
    package let places: Int
    package let eligible: Expression
    package let eligibleText: String
    /// Ties left after these keys go by the person's `id`, ascending.
    package let priority: [PriorityKey]
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, label: String, places: Int, eligible: Expression, eligibleText: String, priority: [PriorityKey], provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.label = label
        self.places = places
        self.eligible = eligible
        self.eligibleText = eligibleText
        self.priority = priority
        self.provenance = provenance
        self.span = span
    }
}
