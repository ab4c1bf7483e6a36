/// Bounds a number is known to lie within, worked out from declared input ranges,
/// constants and the operators between them. A missing bound means unbounded.
package struct NumericRange: Sendable, Hashable, CustomStringConvertible {
    package var lower: ExactDecimal?
    package var upper: ExactDecimal?

    package static let unbounded = NumericRange(lower: nil, upper: nil)

    package init(lower: ExactDecimal?, upper: ExactDecimal?) {
        self.lower = lower
        self.upper = upper
    }

    package var description: String {
        "[\(lower?.description ?? "-∞"), \(upper?.description ?? "∞")]"
    }

    func union(_ other: NumericRange) -> NumericRange {
        NumericRange(lower: lower.flatMap { a in other.lower.map { min(a, $0) } }, upper: upper.flatMap { a in other.upper.map { max(a, $0) } })
    }

    /// The most expressions one range looks at: definitions read twice each, a few dozen
    /// deep, would otherwise take exponential time. Past it a range is unbounded, which is
    /// always true.
    package static let maximumSteps = 100_000

    /// The range of an expression's value in `policy`.
    package static func of(_ expression: Expression, in policy: CheckedPolicy) -> NumericRange {
        var steps = 0
        return of(expression, in: policy, depth: 0, steps: &steps)
    }

    static func of(_ expression: Expression, in policy: CheckedPolicy, depth: Int, steps: inout Int) -> NumericRange {
        steps += 1
        if depth > 32 || steps > maximumSteps { return .unbounded }
        func range(_ e: Expression) -> NumericRange { of(e, in: policy, depth: depth + 1, steps: &steps) }
        switch expression {
        case .constant(let value, _):
            let number = value.decimalValue
            return NumericRange(lower: number, upper: number)
        case .input(let slot):
            let input = policy.inputs[slot]
            return NumericRange(lower: input.minimum?.decimalValue, upper: input.maximum?.decimalValue)
        case .definition(let index):
            return range(policy.definitions[index].expression)
        case .parameter(let index):
            let values = policy.parameters[index].timeline.compactMap { $0.value.decimalValue }
            return NumericRange(lower: values.min(), upper: values.max())
        case .decision(let index):
            switch policy.decisions[index].body {
            case .formula(let rule): return range(rule.output)
            case .table(let table):
                let outputs = (table.rules + (table.otherwise.map { [$0] } ?? [])).map { range($0.output) }
                guard var result = outputs.first else { return .unbounded }
                for output in outputs.dropFirst() { result = result.union(output) }
                // With no else row a first/unique table can fail rather than give another value.
                return result
            case .apportionment: return .unbounded
            }
        case .toDecimal(let inner):
            return range(inner)
        case .negate(let inner, _):
            let r = range(inner)
            return NumericRange(lower: r.upper.flatMap { try? $0.negated() }, upper: r.lower.flatMap { try? $0.negated() })
        case .conditional(_, let a, let b):
            return range(a).union(range(b))
        case .arithmetic(let op, let a, let b, _):
            let x = range(a), y = range(b)
            switch op {
            case .add:
                return NumericRange(lower: bound(x.lower, y.lower) { try $0.adding($1) }, upper: bound(x.upper, y.upper) { try $0.adding($1) })
            case .subtract:
                return NumericRange(lower: bound(x.lower, y.upper) { try $0.subtracting($1) }, upper: bound(x.upper, y.lower) { try $0.subtracting($1) })
            case .multiply:
                guard let a1 = x.lower, let a2 = x.upper, let b1 = y.lower, let b2 = y.upper else {
                    if let a1 = x.lower, let b1 = y.lower, a1 >= .zero, b1 >= .zero { return NumericRange(lower: try? a1.multiplied(by: b1), upper: nil) }
                    return .unbounded
                }
                let products = [(a1, b1), (a1, b2), (a2, b1), (a2, b2)].compactMap { try? $0.0.multiplied(by: $0.1) }
                guard products.count == 4 else { return .unbounded }
                return NumericRange(lower: products.min(), upper: products.max())
            case .divide:
                if let a1 = x.lower, let b1 = y.lower, a1 >= .zero, b1 > .zero { return NumericRange(lower: .zero, upper: nil) }
                return .unbounded
            }
        case .call(let function, let arguments):
            let ranges = arguments.map(range)
            switch function {
            case .min:
                return NumericRange(lower: ranges.allSatisfy { $0.lower != nil } ? ranges.compactMap(\.lower).min() : nil,
                                    upper: ranges.compactMap(\.upper).min())
            case .max:
                return NumericRange(lower: ranges.compactMap(\.lower).max(),
                                    upper: ranges.allSatisfy { $0.upper != nil } ? ranges.compactMap(\.upper).max() : nil)
            case .floorTo:
                return NumericRange(lower: nil, upper: ranges.first?.upper)
            case .yearsBetween, .daysBetween:
                // From a date that may not be after the evaluation date, to the evaluation date: never negative.
                if case .input(let slot) = arguments[0], policy.inputs[slot].notAfterEvaluationDate, case .evaluationDate = arguments[1] {
                    return NumericRange(lower: .zero, upper: nil)
                }
                return .unbounded
            case .count:
                return NumericRange(lower: .zero, upper: nil)
            case .sum, .date:
                return .unbounded
            }
        default:
            return .unbounded
        }
    }

    static func bound(_ a: ExactDecimal?, _ b: ExactDecimal?, _ op: (ExactDecimal, ExactDecimal) throws -> ExactDecimal) -> ExactDecimal? {
        guard let a, let b else { return nil }
        return try? op(a, b)
    }
}
