/// Why an evaluation could not give a decision: a fault in the policy's arithmetic or
/// rules met at run time, located at the rule or definition being evaluated.
public struct EvaluationFault: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case divisionByZero = "division_by_zero"
        case overflow
        case noRuleMatched = "no_rule_matched"
        case conflictingRules = "conflicting_rules"
        case negativeTotal = "negative_total"
        case parameterNotInForce = "parameter_not_in_force"
    }

    public let kind: Kind
    public let message: String
    public var span: SourceSpan?

    public init(_ kind: Kind, _ message: String, at span: SourceSpan? = nil) {
        self.kind = kind
        self.message = message
        self.span = span
    }

    init(_ fault: ArithmeticFault) {
        switch fault {
        case .divisionByZero: self.init(.divisionByZero, "division by zero")
        case .overflow: self.init(.overflow, "a number is too large to compute exactly")
        }
    }

    /// The same fault, placed at `span` unless it already has a place.
    public func located(at span: SourceSpan) -> EvaluationFault {
        var copy = self
        if copy.span == nil { copy.span = span }
        return copy
    }

    public var description: String {
        (span.map { "\($0): " } ?? "") + message
    }
}
