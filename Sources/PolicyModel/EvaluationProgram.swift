/// What an evaluation reads for every person, laid out flat once per checked policy:
/// expressions and the few facts about rules the evaluators need, without the names,
/// labels and texts of the declarations. Shared by reference, so starting an evaluation
/// copies nothing.
package final class EvaluationProgram: Sendable {
    package let definitions: [Expression]
    package let definitionSpans: [SourceSpan]
    package let parameterNames: [String]
    package let parameterSpans: [SourceSpan]
    package let decisions: [DecisionProgram]

    package init(definitions: [DefinitionDeclaration], parameters: [ParameterDeclaration], decisions: [DecisionDeclaration]) {
        self.definitions = definitions.map(\.expression)
        definitionSpans = definitions.map(\.span)
        parameterNames = parameters.map(\.name)
        parameterSpans = parameters.map(\.span)
        self.decisions = decisions.map(DecisionProgram.init)
    }
}

/// One decision as the evaluators run it.
package final class DecisionProgram: Sendable {
    /// How the decision computes its value.
    package enum Body: Sendable {
        case table(TableProgram)
        case formula(Expression, SourceSpan)
        case apportionment(Apportionment)
    }

    package let name: String
    package let span: SourceSpan
    package let body: Body
    /// The table of a rule-table decision (the same as in `body`), for a quick look.
    package let table: TableProgram?

    init(_ declaration: DecisionDeclaration) {
        name = declaration.name
        span = declaration.span
        switch declaration.body {
        case .table(let table): body = .table(TableProgram(table))
        case .formula(let rule): body = .formula(rule.output, rule.span)
        case .apportionment(let apportionment): body = .apportionment(apportionment)
        }
        if case .table(let table) = body { self.table = table } else { table = nil }
    }
}

/// A rule table as the evaluators run it: conditions and outputs by rule index, the
/// `else` row's output last, and one shared `[index]` array per rule so that reporting
/// which rule fired allocates nothing.
package final class TableProgram: Sendable {
    package let hitPolicy: HitPolicy
    /// Conditions of the rules, in order (nil: always holds). The `else` row is not here.
    package let conditions: [Expression?]
    /// Outputs of the rules, the `else` row's (if any) last.
    package let outputs: [Expression]
    /// Whether each output is a list whose items a `collect` table appends one by one.
    package let outputIsList: [Bool]
    package let ruleIDs: [String]
    package let ruleSpans: [SourceSpan]
    package let hasOtherwise: Bool
    /// `[i]` for each rule index `i`, the `else` row included.
    package let single: [[Int]]

    init(_ table: RuleTable) {
        let rules = table.rules + (table.otherwise.map { [$0] } ?? [])
        hitPolicy = table.hitPolicy
        conditions = table.rules.map(\.condition)
        outputs = rules.map { TableProgram.folded($0.output) }
        outputIsList = rules.map(\.outputIsList)
        ruleIDs = rules.map(\.id)
        ruleSpans = rules.map(\.span)
        hasOtherwise = table.otherwise != nil
        single = rules.indices.map { [$0] }
    }

    /// A list written out of constants, as one constant: nothing to build per person.
    static func folded(_ expression: Expression) -> Expression {
        guard case .list(_, let element) = expression, let values = expression.constantListItems else { return expression }
        return .constant(.list(values), .list(element))
    }

    /// The number of rules, the `else` row excluded.
    package var ruleCount: Int { conditions.count }
}
