import PolicyModel

/// A value and the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let span: SourceSpan

    public init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// One policy file as written: a whole policy (with a `policy:` header), a variant
/// (with `extends:`), or a fragment shared by `include:` (no header).
public struct PolicyFile: Sendable {
    public let path: String
    public let text: String
    public let header: PolicyHeaderSyntax?
    public let extends: Located<String>?
    public let includes: [Located<String>]
    public let inputs: [InputSyntax]
    public let parameters: [ParameterSyntax]
    public let definitions: [DefinitionSyntax]
    public let decisions: [DecisionSyntax]
    public let ledger: LedgerSyntax?
    public let approval: ApprovalSyntax?
    public let programs: [ProgramSyntax]
}

/// The `policy:` section: who, what, which version, from when, after which documents.
public struct PolicyHeaderSyntax: Sendable {
    public let id: Located<String>
    public let title: Located<String>
    public let titleEnglish: String?
    public let version: Located<String>
    public let effectiveFrom: YAMLScalar?
    public let effectiveUntil: YAMLScalar?
    public let sources: [String]
    public let span: SourceSpan
}

/// The `source:` and `note:` that travel with a declaration or a rule.
public struct ProvenanceSyntax: Sendable {
    public let source: String?
    public let note: String?

    public init(source: String?, note: String?) {
        self.source = source
        self.note = note
    }
}

/// A written type: `integer`, `enum` with `values`, `list of enum`, …
public struct TypeSyntax: Sendable {
    /// One enum value and its Chinese label.
    public struct EnumValue: Sendable {
        public let name: String
        public let label: String?
        public let span: SourceSpan
    }

    public let base: Located<String>
    public let isList: Bool
    public let values: [EnumValue]?
}

public struct InputSyntax: Sendable {
    public let name: Located<String>
    public let type: TypeSyntax?
    public let label: String?
    public let labelEnglish: String?
    public let defaultValue: YAMLScalar?
    public let minimum: YAMLScalar?
    public let maximum: YAMLScalar?
    /// For a decimal: the most decimal places a value may have (`2` for money).
    public let decimals: YAMLScalar?
    public let notAfter: YAMLScalar?
    public let provenance: ProvenanceSyntax
}

public struct ParameterSyntax: Sendable {
    /// One figure in force from a date.
    public struct Period: Sendable {
        public let from: YAMLScalar?
        public let value: YAMLScalar
        public let provenance: ProvenanceSyntax
        public let span: SourceSpan
    }

    public let name: Located<String>
    public let type: TypeSyntax?
    public let label: String?
    public let periods: [Period]
    public let provenance: ProvenanceSyntax
}

public struct DefinitionSyntax: Sendable {
    public let name: Located<String>
    public let type: TypeSyntax?
    public let label: String?
    public let expression: WrittenExpression
    public let provenance: ProvenanceSyntax
}

public struct DecisionSyntax: Sendable {
    public let name: Located<String>
    public let type: TypeSyntax?
    public let label: String?
    public let isPublic: Bool?
    public let hitPolicy: Located<String>?
    public let rules: [RuleSyntax]?
    public let formula: WrittenExpression?
    public let apportionment: ApportionmentSyntax?
    public let removeRules: [Located<String>]
    public let reason: String?
    public let provenance: ProvenanceSyntax
}

public struct RuleSyntax: Sendable {
    public let id: Located<String>?
    public let condition: WrittenExpression?
    public let isElse: Bool
    public let output: WrittenExpression
    public let reason: String?
    public let provenance: ProvenanceSyntax
    public let placeBefore: Located<String>?
    public let placeAfter: Located<String>?
    public let span: SourceSpan
}

public struct ApportionmentSyntax: Sendable {
    /// One payer: a share expression, or nil for the remainder payer.
    public struct Payer: Sendable {
        public let name: Located<String>
        public let share: WrittenExpression?
    }

    public let total: WrittenExpression
    public let payers: [Payer]
    public let reductionOrder: [Located<String>]
    public let span: SourceSpan
}
