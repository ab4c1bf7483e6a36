import PolicyModel

/// A rule table whose decision tree would pass the builder's limits: the rule it was
/// working on when it stopped, so the refusal points at a line of the file.
package struct TreeTooLarge: Error, Equatable {
    /// The index of the rule in the table.
    package let rule: Int

    /// The refusal, at the rule (or at the decision when the rule has no place).
    package func diagnostic(decision: DecisionDeclaration, table: RuleTable) -> Diagnostic {
        let rule = table.rules.indices.contains(self.rule) ? table.rules[self.rule] : nil
        return Diagnostic(.error, .finding(.treeTooLarge(rule: rule?.id, decision: decision.name, nodes: TreeBuilder.maximumNodes, steps: TreeBuilder.maximumWork)),
                          at: rule?.span ?? decision.span, help: .finding(.splitIntoFormula(decision.name)))
    }
}
