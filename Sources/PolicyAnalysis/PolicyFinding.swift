import PolicyModel
import PolicyCompiler

/// Something `carepolicy check` reports about a policy that is not an error: a rule that
/// can never fire, persons no rule covers, rules whose order decides, a condition that
/// cannot change, a declaration nothing reads. Each carries a located diagnostic and,
/// where the finding is about persons, an example person that shows it.
public struct PolicyFinding: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A rule of a `first` table that earlier rules always take first.
        case deadRule = "dead_rule"
        /// A rule whose condition holds for no valid person.
        case neverMatches = "never_matches"
        /// An `else` row the rules above always leave unused.
        case deadElse = "dead_else"
        /// Persons no rule of a table without `else` matches.
        case gap
        /// Two rules of a `unique` table that both match one person.
        case overlap
        /// Two rules of a `first` table with different values that both match one person.
        case orderMatters = "order_matters"
        case alwaysTrue = "always_true"
        case alwaysFalse = "always_false"
        case unusedInput = "unused_input"
        case unusedParameter = "unused_parameter"
        case unusedDefinition = "unused_definition"
        /// Two parameters with the same values citing the same text, not linked by `same_as`.
        case unlinkedParameters = "unlinked_parameters"
        /// The analysis ran out of steps: no other finding about the period is shown.
        case analysisStopped = "analysis_stopped"
    }

    public let kind: Kind
    public let diagnostic: Diagnostic
    /// The decision concerned, if any.
    public let decision: Int?
    /// The rules concerned: the dead rule; the two overlapping rules (earlier first).
    public let rules: [Int]
    /// For a dead rule: the earlier rules that take its persons.
    public let shadowing: [Int]
    /// A person showing the finding, on its evaluation date.
    package let example: ExamplePerson?
    /// The name of what is unused, for unused declarations.
    public let name: String?

    package init(kind: Kind, diagnostic: Diagnostic, decision: Int? = nil, rules: [Int] = [], shadowing: [Int] = [],
                example: ExamplePerson? = nil, name: String? = nil) {
        self.kind = kind
        self.diagnostic = diagnostic
        self.decision = decision
        self.rules = rules
        self.shadowing = shadowing
        self.example = example
        self.name = name
    }

    /// The same finding with another diagnostic (to say in which period it holds).
    public func with(_ diagnostic: Diagnostic) -> PolicyFinding {
        PolicyFinding(kind: kind, diagnostic: diagnostic, decision: decision, rules: rules, shadowing: shadowing, example: example, name: name)
    }

    /// What identifies the finding across periods.
    package var key: String { "\(kind.rawValue) \(decision ?? -1) \(rules) \(name ?? "") \(diagnostic.span?.description ?? "") \(kind == .alwaysTrue || kind == .alwaysFalse ? diagnostic.message.text(.en) : "")" }
}
