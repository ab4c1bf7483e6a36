import PolicyModel
import PolicySyntax

/// Every pass over a checked policy (evaluation, folding, the analysis, the checker
/// itself) recurses once per level of an expression and carries on into the definitions
/// and decisions it reads. The checker counts those levels, across names, and refuses a
/// policy that goes deeper than `ExpressionParser.maximumHeight`, before any pass could
/// run out of stack.
extension PolicyChecker {
    /// Whether an expression `level` levels deep may be evaluated; reports the first that may not.
    func reach(_ level: Int, at span: SourceSpan, through name: String? = nil) -> Bool {
        deepest = max(deepest, level)
        guard level > ExpressionParser.maximumHeight else { return true }
        if !reportedTooDeep {
            reportedTooDeep = true
            diagnostics.append(.error(.tooDeep(through: name, limit: ExpressionParser.maximumHeight), at: span, help: .shortenDefinitionChain))
        }
        return false
    }

    /// Begins measuring a declaration: returns the measure of the one around it.
    func startHeight() -> (deepest: Int, depth: Int) {
        let outside = (deepest, depth)
        deepest = depth
        return outside
    }

    /// Ends measuring a declaration: its height, with the outer measure restored.
    func endHeight(_ outside: (deepest: Int, depth: Int)) -> Int {
        let height = deepest - outside.depth
        deepest = max(outside.deepest, deepest)
        return height
    }
}
