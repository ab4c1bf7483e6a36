/// A decision the policy makes: a rule table, a single formula, or an apportionment.
package struct DecisionDeclaration: Sendable {
    package let name: String
    package let type: ValueType
    package let label: String
    /// Internal decisions feed others and are shown in traces, not in results.
    package let isPublic: Bool
    package let body: DecisionBody
    package let provenance: Provenance
    package let span: SourceSpan

    package init(name: String, type: ValueType, label: String, isPublic: Bool, body: DecisionBody, provenance: Provenance, span: SourceSpan) {
        self.name = name
        self.type = type
        self.label = label
        self.isPublic = isPublic
        self.body = body
        self.provenance = provenance
        self.span = span
    }

    /// Every rule of the decision, in order; the `else` row (if any) last.
    package var rules: [Rule] {
        switch body {
        case .table(let table): return table.rules + (table.otherwise.map { [$0] } ?? [])
        case .formula(let rule): return [rule]
        case .apportionment(let apportionment): return [apportionment.rule]
        }
    }
}

/// How a decision computes its value.
package enum DecisionBody: Sendable {
    case table(RuleTable)
    /// One rule with no condition: the value is its output.
    case formula(Rule)
    case apportionment(Apportionment)
}

/// How a table chooses among matching rules.
package enum HitPolicy: String, Sendable, Hashable, CaseIterable {
    /// The first matching rule wins.
    case first
    /// At most one rule may match; two matching is an error.
    case unique
    /// Every matching rule contributes, in order, to a list.
    case collect
}

/// Rows of conditions and outputs with a hit policy and an optional `else` row.
package struct RuleTable: Sendable {
    package let hitPolicy: HitPolicy
    package let rules: [Rule]
    /// Applies when no rule matches.
    package let otherwise: Rule?

    package init(hitPolicy: HitPolicy, rules: [Rule], otherwise: Rule?) {
        self.hitPolicy = hitPolicy
        self.rules = rules
        self.otherwise = otherwise
    }
}

/// One row: when the condition holds, the output applies, for the stated reason.
package struct Rule: Sendable {
    package let id: String
    /// nil for an `else` row or a formula.
    package let condition: Expression?
    package let conditionText: String?
    package let output: Expression
    package let outputText: String
    /// Why, in the policy's language (Chinese): shown in every explanation.
    package let reason: String
    package let provenance: Provenance
    package let span: SourceSpan
    /// For a collect table: the output is a list whose items are all added.
    package let outputIsList: Bool

    package init(id: String, condition: Expression?, conditionText: String?, output: Expression, outputText: String,
                reason: String, provenance: Provenance, span: SourceSpan, outputIsList: Bool = false) {
        self.id = id
        self.condition = condition
        self.conditionText = conditionText
        self.output = output
        self.outputText = outputText
        self.reason = reason
        self.provenance = provenance
        self.span = span
        self.outputIsList = outputIsList
    }
}

/// An amount split among payers in a stated order: every payer but one has a share
/// (never below zero), the remainder payer takes what is left, and when the shares
/// exceed the total they are cut in `reductionOrder` until they fit. The parts always
/// sum to the total: the checker proves the conditions for it.
package struct Apportionment: Sendable {
    /// One payer and its share; `share` is nil for the remainder payer.
    package struct Payer: Sendable {
        package let name: String
        package let share: Expression?
        package let shareText: String?
        package let span: SourceSpan

        package init(name: String, share: Expression?, shareText: String?, span: SourceSpan) {
            self.name = name
            self.share = share
            self.shareText = shareText
            self.span = span
        }
    }

    package let total: Expression
    package let totalText: String
    /// In output order (the fields of the record).
    package let payers: [Payer]
    package let remainderPayer: Int
    /// Indices into `payers`, the order in which shares are cut.
    package let reductionOrder: [Int]
    /// The rule that carries the reason and citation of the whole split.
    package let rule: Rule

    package init(total: Expression, totalText: String, payers: [Payer], remainderPayer: Int, reductionOrder: [Int], rule: Rule) {
        self.total = total
        self.totalText = totalText
        self.payers = payers
        self.remainderPayer = remainderPayer
        self.reductionOrder = reductionOrder
        self.rule = rule
    }
}
