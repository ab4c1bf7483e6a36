import PolicyModel

/// Replaces parameters by their values for one period and folds what becomes constant,
/// so the tree tests `age >= 70` rather than `age >= free_age`.
package struct ParameterFolder {
    package let policy: CheckedPolicy
    package let parameters: [Value?]

    package init(policy: CheckedPolicy, parameters: [Value?]) {
        self.policy = policy
        self.parameters = parameters
    }

    package func fold(_ expression: Expression) -> Expression {
        switch expression {
        case .parameter(let index):
            guard let value = parameters[index] else { return expression }
            return .constant(value, policy.parameters[index].type)
        case .toDecimal(let inner):
            let folded = fold(inner)
            if case .constant(let value, _) = folded, let number = value.decimalValue { return .constant(.decimal(number), .decimal) }
            return .toDecimal(folded)
        case .not(let inner):
            let folded = fold(inner)
            if case .constant(.bool(let value), _) = folded { return .constant(.bool(!value), .bool) }
            return .not(folded)
        case .and(let a, let b): return .and(fold(a), fold(b))
        case .or(let a, let b): return .or(fold(a), fold(b))
        case .compare(let op, let a, let b, let kind): return .compare(op, fold(a), fold(b), kind)
        case .arithmetic(let op, let a, let b, let kind): return .arithmetic(op, fold(a), fold(b), kind)
        case .negate(let inner, let kind): return .negate(fold(inner), kind)
        case .member(let a, let b): return .member(fold(a), fold(b))
        case .conditional(let a, let b, let c): return .conditional(fold(a), fold(b), fold(c))
        case .list(let items, let element): return .list(items.map(fold), element: element)
        case .record(let items, let type): return .record(items.map(fold), type)
        case .field(let base, let index): return .field(fold(base), index)
        case .call(let function, let arguments): return .call(function, arguments.map(fold))
        case .constant, .input, .definition, .decision, .evaluationDate: return expression
        }
    }
}
