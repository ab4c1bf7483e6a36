extension Expression {
    /// The items of a list written out of constants (`[dibao, marginal]`, or a list already
    /// folded to one constant); nil for any other expression.
    package var constantListItems: [Value]? {
        switch self {
        case .constant(.list(let values), _): return values
        case .list(let expressions, _):
            var values: [Value] = []
            values.reserveCapacity(expressions.count)
            for item in expressions {
                guard case .constant(let value, _) = item else { return nil }
                values.append(value)
            }
            return values
        default: return nil
        }
    }
}
