/// A checked approval path: the steps an application passes, in order, each taken by
/// an actor; and the state an application ends in when it is refused at any step.
public struct ApprovalDeclaration: Sendable {
    /// One step: its id, what it is called and who takes it.
    public struct Step: Sendable {
        public let id: String
        public let label: String
        public let actor: String
        public let provenance: Provenance
        public init(id: String, label: String, actor: String, provenance: Provenance) {
            self.id = id
            self.label = label
            self.actor = actor
            self.provenance = provenance
        }
    }

    public let title: String
    public let steps: [Step]
    public let rejection: String
    public let rejectionLabel: String
    public let provenance: Provenance

    public init(title: String, steps: [Step], rejection: String, rejectionLabel: String, provenance: Provenance) {
        self.title = title
        self.steps = steps
        self.rejection = rejection
        self.rejectionLabel = rejectionLabel
        self.provenance = provenance
    }

    public func stepIndex(_ id: String) -> Int? { steps.firstIndex { $0.id == id } }
}

/// A checked program with a fixed number of places, given out by priority.
public struct ProgramDeclaration: Sendable {
    /// One sort key: an expression over the person (an input, definition or decision).
    public struct PriorityKey: Sendable {
        public let name: String
        public let expression: Expression
        /// The key's type, for writing its values.
        public let type: ValueType
        public let descending: Bool
        public init(name: String, expression: Expression, type: ValueType, descending: Bool) {
            self.name = name
            self.expression = expression
            self.type = type
            self.descending = descending
        }
    }

    public let name: String
    public let label: String
    public let places: Int
    public let eligible: Expression
    public let eligibleText: String
    /// Ties left after these keys go by the person's `id`, ascending.
    public let priority: [PriorityKey]
    public let provenance: Provenance
    public let span: SourceSpan

    public init(name: String, label: String, places: Int, eligible: Expression, eligibleText: String, priority: [PriorityKey], provenance: Provenance, span: SourceSpan) {
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
