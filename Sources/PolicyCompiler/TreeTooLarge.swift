import PolicyModel

/// A rule table whose decision tree would pass the builder's limits: the rule it was
/// working on when it stopped, so the refusal points at a line of the file.
package struct TreeTooLarge: Error, Equatable {
    /// The index of the rule in the table.
    package let rule: Int

    /// The refusal, at the rule (or at the decision when the rule has no place).
    package func diagnostic(decision: DecisionDeclaration, table: RuleTable) -> Diagnostic {
        let rule = table.rules.indices.contains(self.rule) ? table.rules[self.rule] : nil
        let name = rule.map { "rule `\($0.id)` of `\(decision.name)`" } ?? "decision `\(decision.name)`"
        return .error("\(name) makes the decision tree too large to build (over \(TreeBuilder.maximumNodes) nodes or \(TreeBuilder.maximumWork) steps): "
                      + "with the rules before it, its conditions combine into too many cases",
                      at: rule?.span ?? decision.span,
                      help: "split `\(decision.name)` into smaller decisions that each test a few of these conditions, and combine their values in a formula (`value:`)")
    }
}
