/// Which evaluator computes a policy's decisions. Chosen once, when the policy is loaded;
/// every evaluation of that policy then runs the same way.
///
/// ```swift
/// let policy = try LoadedPolicy.load(path: "policies/anqing.yaml", engine: .tree)
/// ```
public enum EvaluationEngine: String, Sendable, CaseIterable {
    /// The decision trees lowered to straight-line code over typed registers, the fastest;
    /// a person the flat machine cannot take (no flat form, a fault) goes to the trees, so
    /// values and errors are always the trees'. The default.
    case flat
    /// The compiled decision trees.
    case tree
    /// The plain rule-by-rule reference interpreter, for checking the others.
    case reference
}
