import PolicyModel

/// A value and the place it was written.
package struct Located<Value: Sendable>: Sendable {
    package let value: Value
    package let span: SourceSpan

    package init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// One policy file as written: a whole policy (with a `policy:` header), a variant
/// (with `extends:`), or a fragment shared by `include:` (no header).
package struct PolicyFile: Sendable {
    package let path: String
    package let text: String
    package let header: PolicyHeaderSyntax?
    package let extends: Located<String>?
    package let includes: [Located<String>]
    package let inputs: [InputSyntax]
    package let parameters: [ParameterSyntax]
    package let definitions: [DefinitionSyntax]
    package let decisions: [DecisionSyntax]
    package let ledger: LedgerSyntax?
    package let approval: ApprovalSyntax?
    package let programs: [ProgramSyntax]
    package let compliance: ComplianceSyntax?
}

/// The `policy:` section: who, what, which version, from when, after which documents.
package struct PolicyHeaderSyntax: Sendable {
    package let id: Located<String>
    package let title: Located<String>
    package let titleEnglish: String?
    package let version: Located<String>
    package let effectiveFrom: YAMLScalar?
    package let effectiveUntil: YAMLScalar?
    package let sources: [String]
    package let span: SourceSpan
}

/// The `source:` and `note:` that travel with a declaration or a rule.
package struct ProvenanceSyntax: Sendable {
    package let source: String?
    package let note: String?

    package init(source: String?, note: String?) {
        self.source = source
        self.note = note
    }
}

/// A written type: `integer`, `enum` with `values`, `list of enum`, …
package struct TypeSyntax: Sendable {
    /// One enum value and its Chinese label.
    package struct EnumValue: Sendable {
        package let name: String
        package let label: String?
        package let span: SourceSpan
    }

    package let base: Located<String>
    package let isList: Bool
    package let values: [EnumValue]?
}

package struct InputSyntax: Sendable {
    package let name: Located<String>
    package let type: TypeSyntax?
    package let label: String?
    package let labelEnglish: String?
    package let defaultValue: YAMLScalar?
    package let minimum: YAMLScalar?
    package let maximum: YAMLScalar?
    /// For a decimal: the most decimal places a value may have (`2` for money).
    package let decimals: YAMLScalar?
    package let notAfter: YAMLScalar?
    package let provenance: ProvenanceSyntax
}

package struct ParameterSyntax: Sendable {
    /// One figure in force from a date.
    package struct Period: Sendable {
        package let from: YAMLScalar?
        package let value: YAMLScalar
        package let provenance: ProvenanceSyntax
        package let span: SourceSpan
    }

    package let name: Located<String>
    package let type: TypeSyntax?
    package let label: String?
    package let periods: [Period]
    /// `same_as: other`: every value is the named parameter's (a linked parameter).
    package let sameAs: YAMLScalar?
    /// `unit: 元/小时`: what the figures count, compared when parameters are linked.
    package let unit: YAMLScalar?
    package let provenance: ProvenanceSyntax
}

package struct DefinitionSyntax: Sendable {
    package let name: Located<String>
    package let type: TypeSyntax?
    package let label: String?
    package let expression: WrittenExpression
    package let provenance: ProvenanceSyntax
}

package struct DecisionSyntax: Sendable {
    package let name: Located<String>
    package let type: TypeSyntax?
    package let label: String?
    package let isPublic: Bool?
    package let hitPolicy: Located<String>?
    package let rules: [RuleSyntax]?
    package let formula: WrittenExpression?
    package let apportionment: ApportionmentSyntax?
    package let removeRules: [Located<String>]
    package let reason: String?
    package let provenance: ProvenanceSyntax
}

package struct RuleSyntax: Sendable {
    package let id: Located<String>?
    package let condition: WrittenExpression?
    package let isElse: Bool
    package let output: WrittenExpression
    package let reason: String?
    package let provenance: ProvenanceSyntax
    package let placeBefore: Located<String>?
    package let placeAfter: Located<String>?
    package let span: SourceSpan
}

package struct ApportionmentSyntax: Sendable {
    /// One payer: a share expression, or nil for the remainder payer.
    package struct Payer: Sendable {
        package let name: Located<String>
        package let share: WrittenExpression?
    }

    package let total: WrittenExpression
    package let payers: [Payer]
    package let reductionOrder: [Located<String>]
    package let span: SourceSpan
}
