/// A policy after checking: every name resolved, every expression typed, includes
/// and the variant chain merged. It is what the compiler and both evaluators read.
///
/// Immutable and `Sendable`: one checked policy can serve every thread.
package final class CheckedPolicy: Sendable {
    package let metadata: PolicyMetadata
    package let inputs: [InputDeclaration]
    package let parameters: [ParameterDeclaration]
    package let definitions: [DefinitionDeclaration]
    package let decisions: [DecisionDeclaration]
    /// The event ledger the policy replays, if it has one.
    package let ledger: LedgerDeclaration?
    /// The approval path of an application, if the policy has one.
    package let approval: ApprovalDeclaration?
    /// Programs with a fixed number of places.
    package let programs: [ProgramDeclaration]
    /// The service requirements judged over records, if the policy has them.
    package let compliance: ComplianceDeclaration?
    /// The flat form both evaluators run, built once here.
    package let program: EvaluationProgram

    package init(metadata: PolicyMetadata, inputs: [InputDeclaration], parameters: [ParameterDeclaration],
                definitions: [DefinitionDeclaration], decisions: [DecisionDeclaration],
                ledger: LedgerDeclaration? = nil, approval: ApprovalDeclaration? = nil, programs: [ProgramDeclaration] = [],
                compliance: ComplianceDeclaration? = nil) {
        self.metadata = metadata
        self.inputs = inputs
        self.parameters = parameters
        self.definitions = definitions
        self.decisions = decisions
        self.ledger = ledger
        self.approval = approval
        self.programs = programs
        self.compliance = compliance
        program = EvaluationProgram(definitions: definitions, parameters: parameters, decisions: decisions)
    }

    package func inputIndex(named name: String) -> Int? { inputs.firstIndex { $0.name == name } }
    package func decisionIndex(named name: String) -> Int? { decisions.firstIndex { $0.name == name } }
    package func parameterIndex(named name: String) -> Int? { parameters.firstIndex { $0.name == name } }

    /// The decisions other systems see, in file order.
    package var publicDecisionIndices: [Int] { decisions.indices.filter { decisions[$0].isPublic } }

    /// The dates on which some parameter changes value, ascending: evaluation on a date
    /// uses the values in force on that date.
    package var parameterChangeDates: [CivilDate] {
        Array(Set(parameters.flatMap { $0.timeline.map(\.from) })).sorted()
    }

    /// Each parameter's value in force on `date`; nil for a parameter not yet in force.
    package func parameterValues(on date: CivilDate) -> [Value?] {
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
package struct Provenance: Sendable, Hashable {
    package let source: String?
    package let note: String?

    package init(source: String? = nil, note: String? = nil) {
        self.source = source
        self.note = note
    }
}

/// A fact the policy reads about a person.
package struct InputDeclaration: Sendable {
    package let name: String
    package let type: ValueType
    package let label: String
    package let labelEnglish: String?
    package let defaultValue: Value?
    package let minimum: Value?
    package let maximum: Value?
    /// For a decimal: the most decimal places a value may have; nil for any.
    package let decimalPlaces: Int?
    /// For a date: it may not be later than the evaluation date (a birth date).
    package let notAfterEvaluationDate: Bool
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, type: ValueType, label: String, labelEnglish: String?, defaultValue: Value?,
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
package struct ParameterDeclaration: Sendable {
    /// One figure and the date from which it is in force.
    package struct Period: Sendable {
        package let from: CivilDate
        package let value: Value
        package let provenance: Provenance
        package let span: SourceSpan

        package init(from: CivilDate, value: Value, provenance: Provenance, span: SourceSpan) {
            self.from = from
            self.value = value
            self.provenance = provenance
            self.span = span
        }
    }

    package let name: String
    package let type: ValueType
    package let label: String
    /// Ascending by `from`. For a linked parameter, the timeline of the one it names.
    package let timeline: [Period]
    /// The parameter this one is linked to (`same_as:`): its timeline is always that
    /// one's, so one edit moves both. Nil for a parameter with values of its own.
    package let sameAs: String?
    /// What the figures count (`元/小时`), when the file says.
    package let unit: String?
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, type: ValueType, label: String, timeline: [Period], sameAs: String? = nil, unit: String? = nil,
                 provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.type = type
        self.label = label
        self.timeline = timeline.sorted { $0.from < $1.from }
        self.sameAs = sameAs
        self.unit = unit
        self.provenance = provenance
        self.span = span
    }

    /// The same parameter with another timeline (and, with `sameAs: nil`, no longer linked).
    package func with(timeline: [Period], sameAs: String?) -> ParameterDeclaration {
        ParameterDeclaration(name: name, type: type, label: label, timeline: timeline, sameAs: sameAs, unit: unit, provenance: provenance, span: span)
    }

    package func period(on date: CivilDate) -> Period? {
        timeline.last { $0.from <= date }
    }

    package func value(on date: CivilDate) -> Value? { period(on: date)?.value }
}

/// A derived fact such as `age` or `three_nos`.
package struct DefinitionDeclaration: Sendable {
    package let name: String
    package let type: ValueType
    package let label: String
    package let expression: Expression
    package let text: String
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, type: ValueType, label: String, expression: Expression, text: String, provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.type = type
        self.label = label
        self.expression = expression
        self.text = text
        self.provenance = provenance
        self.span = span
    }
}
