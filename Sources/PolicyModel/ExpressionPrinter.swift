/// Writes a checked expression back as text: with names (`age ≥ 70`) for engineers, or
/// with the policy's Chinese labels (`年龄（周岁） ≥ 70`) for policy officers.
package struct ExpressionPrinter: Sendable {
    package let policy: CheckedPolicy
    package let useLabels: Bool

    package init(policy: CheckedPolicy, useLabels: Bool = false) {
        self.policy = policy
        self.useLabels = useLabels
    }

    package func print(_ expression: Expression) -> String { render(expression, parentPrecedence: 0) }

    func precedence(_ expression: Expression) -> Int {
        switch expression {
        case .conditional: return 1
        case .or: return 2
        case .and: return 3
        case .not: return 4
        case .compare, .member: return 5
        case .arithmetic(let op, _, _, _): return op == .add || op == .subtract ? 6 : 7
        case .negate: return 8
        default: return 10
        }
    }

    func render(_ expression: Expression, parentPrecedence: Int) -> String {
        let own = precedence(expression)
        let text: String
        switch expression {
        case .constant(let value, let type):
            if case .enumeration(let enumType) = type, case .enumCase(let index) = value, useLabels, index < enumType.labels.count, let label = enumType.labels[index] {
                text = label
            } else {
                text = value.display(as: type)
            }
        case .input(let slot):
            text = useLabels ? policy.inputs[slot].label : policy.inputs[slot].name
        case .definition(let index):
            text = useLabels ? policy.definitions[index].label : policy.definitions[index].name
        case .parameter(let index):
            text = useLabels ? policy.parameters[index].label : policy.parameters[index].name
        case .decision(let index):
            text = useLabels ? policy.decisions[index].label : policy.decisions[index].name
        case .evaluationDate:
            text = useLabels ? "评估日期" : "evaluation_date"
        case .not(let inner):
            if case .member(let a, let b) = inner {
                text = render(a, parentPrecedence: 6) + (useLabels ? " 不属于 " : " not in ") + render(b, parentPrecedence: 6)
            } else {
                text = (useLabels ? "非 " : "not ") + render(inner, parentPrecedence: own + 1)
            }
        case .and(let a, let b):
            text = render(a, parentPrecedence: own) + (useLabels ? " 且 " : " and ") + render(b, parentPrecedence: own + 1)
        case .or(let a, let b):
            text = render(a, parentPrecedence: own) + (useLabels ? " 或 " : " or ") + render(b, parentPrecedence: own + 1)
        case .compare(let op, let a, let b, _):
            let symbol = op.symbol
            text = render(a, parentPrecedence: own + 1) + " \(symbol) " + render(b, parentPrecedence: own + 1)
        case .member(let a, let b):
            text = render(a, parentPrecedence: own + 1) + (useLabels ? " 属于 " : " in ") + render(b, parentPrecedence: own + 1)
        case .arithmetic(let op, let a, let b, _):
            let symbol = op == .multiply ? "×" : (op == .divide ? "÷" : op.rawValue)
            text = render(a, parentPrecedence: own) + " \(symbol) " + render(b, parentPrecedence: own + 1)
        case .negate(let inner, _):
            text = "-" + render(inner, parentPrecedence: own)
        case .toDecimal(let inner):
            return render(inner, parentPrecedence: parentPrecedence)
        case .conditional(let c, let t, let e):
            text = "if \(render(c, parentPrecedence: 0)) then \(render(t, parentPrecedence: 0)) else \(render(e, parentPrecedence: 0))"
        case .list(let items, _):
            text = "[" + items.map { render($0, parentPrecedence: 0) }.joined(separator: ", ") + "]"
        case .record(let items, _):
            text = "{" + items.map { render($0, parentPrecedence: 0) }.joined(separator: ", ") + "}"
        case .field(let base, let index):
            text = render(base, parentPrecedence: 10) + ".#\(index)"
        case .call(let function, let arguments):
            text = function.rawValue + "(" + arguments.map { render($0, parentPrecedence: 0) }.joined(separator: ", ") + ")"
        }
        return own < parentPrecedence ? "(\(text))" : text
    }
}
