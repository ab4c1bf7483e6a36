import PolicyModel
import PolicyCompiler

/// A value as the analysis knows it in a region: a known value, a fault, or an open
/// expression over facts (`meal_price - 9.00`) whose value varies within the region.
package struct SymbolicValue: Hashable, Sendable, CustomStringConvertible {
    package let known: Value?
    package let fault: EvaluationFault.Kind?
    /// How the value reads: the known value, or the open expression with names.
    package let text: String
    /// For an open value, the expression in the policy's own slots.
    package let residual: Expression?

    package static func known(_ value: Value, type: ValueType) -> SymbolicValue {
        SymbolicValue(known: value, fault: nil, text: value.display(as: type), residual: nil)
    }

    package static func fault(_ kind: EvaluationFault.Kind) -> SymbolicValue {
        SymbolicValue(known: nil, fault: kind, text: "fault: \(kind.rawValue)", residual: nil)
    }

    static func open(_ expression: Expression, text: String) -> SymbolicValue {
        SymbolicValue(known: nil, fault: nil, text: text, residual: expression)
    }

    package var isOpen: Bool { known == nil && fault == nil }

    package var description: String { text }

    package static func == (lhs: SymbolicValue, rhs: SymbolicValue) -> Bool {
        lhs.known == rhs.known && lhs.fault == rhs.fault && lhs.text == rhs.text
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(known)
        hasher.combine(fault)
        hasher.combine(text)
    }
}

/// What a decision gives in a region: its value (or fault) and the rules that fired
/// (the `else` row is the index after the last rule).
package struct Outcome: Hashable, Sendable {
    package let value: SymbolicValue
    package let rules: [Int]

    package init(value: SymbolicValue, rules: [Int]) {
        self.value = value
        self.rules = rules
    }
}

/// A region and what a decision gives there. The pieces of a decision partition the
/// persons of the fact space.
package struct Piece: Hashable, Sendable {
    package let region: Region
    package let outcome: Outcome

    package init(region: Region, outcome: Outcome) {
        self.region = region
        self.outcome = outcome
    }
}

/// The answer to a yes/no test in a region: it holds, it does not, or evaluating it faults.
package enum Verdict: Hashable {
    case holds(Bool)
    case faults(EvaluationFault.Kind)
}
