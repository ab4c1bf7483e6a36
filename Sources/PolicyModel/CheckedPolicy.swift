/// A policy after checking: every name resolved, every expression typed, includes
/// and the variant chain merged. It is what the compiler and both evaluators read.
///
/// Immutable and `Sendable`: one checked policy can serve every thread.
public final class CheckedPolicy: Sendable {
    public let metadata: PolicyMetadata
    public let inputs: [InputDeclaration]
    public let parameters: [ParameterDeclaration]
    public let definitions: [DefinitionDeclaration]
    public let decisions: [DecisionDeclaration]
    /// The event ledger the policy replays, if it has one.
    public let ledger: LedgerDeclaration?
    /// The approval path of an application, if the policy has one.
    public let approval: ApprovalDeclaration?
    /// Programs with a fixed number of places.
    public let programs: [ProgramDeclaration]
    /// The flat form both evaluators run, built once here.
    public let program: EvaluationProgram

    public init(metadata: PolicyMetadata, inputs: [InputDeclaration], parameters: [ParameterDeclaration],
                definitions: [DefinitionDeclaration], decisions: [DecisionDeclaration],
                ledger: LedgerDeclaration? = nil, approval: ApprovalDeclaration? = nil, programs: [ProgramDeclaration] = []) {
        self.metadata = metadata
        self.inputs = inputs
        self.parameters = parameters
        self.definitions = definitions
        self.decisions = decisions
        self.ledger = ledger
        self.approval = approval
        self.programs = programs
        program = EvaluationProgram(definitions: definitions, parameters: parameters, decisions: decisions)
    }

    public func inputIndex(named name: String) -> Int? { inputs.firstIndex { $0.name == name } }
    public func decisionIndex(named name: String) -> Int? { decisions.firstIndex { $0.name == name } }
    public func parameterIndex(named name: String) -> Int? { parameters.firstIndex { $0.name == name } }

    /// The decisions other systems see, in file order.
    public var publicDecisionIndices: [Int] { decisions.indices.filter { decisions[$0].isPublic } }

    /// The dates on which some parameter changes value, ascending: evaluation on a date
    /// uses the values in force on that date.
    public var parameterChangeDates: [CivilDate] {
        Array(Set(parameters.flatMap { $0.timeline.map(\.from) })).sorted()
    }

    /// Each parameter's value in force on `date`; nil for a parameter not yet in force.
    public func parameterValues(on date: CivilDate) -> [Value?] {
        parameters.map { $0.value(on: date) }
    }
}

/// Who wrote a policy, what it is called, when it applies and which documents it follows.
public final class PolicyMetadata: Sendable {
    public let id: String
    public let title: String
    public let titleEnglish: String?
    public let version: String
    public let effectiveFrom: CivilDate?
    public let effectiveUntil: CivilDate?
    public let sources: [String]
    /// The id of the policy this one extends, for a variant.
    public let extends: String?
    /// The file the policy was read from.
    public let file: String
    /// SHA-256 of the policy file and every file it includes or extends, hex.
    public let contentHash: String

    public init(id: String, title: String, titleEnglish: String?, version: String, effectiveFrom: CivilDate?,
                effectiveUntil: CivilDate?, sources: [String], extends: String?, file: String, contentHash: String) {
        self.id = id
        self.title = title
        self.titleEnglish = titleEnglish
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.sources = sources
        self.extends = extends
        self.file = file
        self.contentHash = contentHash
    }
}

/// Notes that tell a policy officer where a figure or rule comes from: a citation of the
/// source clause, and a note that carries the brief's **[reading]** or **[illustrative]** mark.
public struct Provenance: Sendable, Hashable {
    public let source: String?
    public let note: String?

    public init(source: String? = nil, note: String? = nil) {
        self.source = source
        self.note = note
    }
}

/// A fact the policy reads about a person.
public struct InputDeclaration: Sendable {
    public let name: String
    public let type: ValueType
    public let label: String
    public let labelEnglish: String?
    public let defaultValue: Value?
    public let minimum: Value?
    public let maximum: Value?
    /// For a decimal: the most decimal places a value may have; nil for any.
    public let decimalPlaces: Int?
    /// For a date: it may not be later than the evaluation date (a birth date).
    public let notAfterEvaluationDate: Bool
    public let provenance: Provenance
    public let span: SourceSpan

    public init(name: String, type: ValueType, label: String, labelEnglish: String?, defaultValue: Value?,
                minimum: Value?, maximum: Value?, decimalPlaces: Int? = nil, notAfterEvaluationDate: Bool, provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.type = type
        self.label = label
        self.labelEnglish = labelEnglish
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.decimalPlaces = decimalPlaces
        self.notAfterEvaluationDate = notAfterEvaluationDate
        self.provenance = provenance
        self.span = span
    }
}

/// A named value whose figure may change on a date: `8.00 from 2019-01-01, 10.00 from 2026-01-01`.
public struct ParameterDeclaration: Sendable {
    /// One figure and the date from which it is in force.
    public struct Period: Sendable {
        public let from: CivilDate
        public let value: Value
        public let provenance: Provenance
        public let span: SourceSpan

        public init(from: CivilDate, value: Value, provenance: Provenance, span: SourceSpan) {
            self.from = from
            self.value = value
            self.provenance = provenance
            self.span = span
        }
    }

    public let name: String
    public let type: ValueType
    public let label: String
    /// Ascending by `from`.
    public let timeline: [Period]
    public let provenance: Provenance
    public let span: SourceSpan

    public init(name: String, type: ValueType, label: String, timeline: [Period], provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.type = type
        self.label = label
        self.timeline = timeline.sorted { $0.from < $1.from }
        self.provenance = provenance
        self.span = span
    }

    public func period(on date: CivilDate) -> Period? {
        timeline.last { $0.from <= date }
    }

    public func value(on date: CivilDate) -> Value? { period(on: date)?.value }
}

/// A derived fact such as `age` or `three_nos`.
public struct DefinitionDeclaration: Sendable {
    public let name: String
    public let type: ValueType
    public let label: String
    public let expression: Expression
    public let text: String
    public let provenance: Provenance
    public let span: SourceSpan

    public init(name: String, type: ValueType, label: String, expression: Expression, text: String, provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.type = type
        self.label = label
        self.expression = expression
        self.text = text
        self.provenance = provenance
        self.span = span
    }
}
