import TestSupport
import PolicySyntax

extension ExpressionSyntax {
    /// The tree as an S-expression, so a test can state a whole grouping in one string:
    /// `a or b and c` is `(or a (and b c))`.
    var outline: String {
        switch kind {
        case .name(let name): return name
        case .integer(let text), .decimal(let text): return text
        case .string(let text): return "\"\(text)\""
        case .bool(let value): return value ? "true" : "false"
        case .list(let items): return "(list" + items.map { " " + $0.outline }.joined() + ")"
        case .negate(let operand): return "(neg \(operand.outline))"
        case .not(let operand): return "(not \(operand.outline))"
        case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(lhs.outline) \(rhs.outline))"
        case .membership(let element, let list, let negated): return "(\(negated ? "not-in" : "in") \(element.outline) \(list.outline))"
        case .call(let name, let arguments): return "(call \(name)" + arguments.map { " " + $0.outline }.joined() + ")"
        case .conditional(let condition, let then, let otherwise): return "(if \(condition.outline) \(then.outline) \(otherwise.outline))"
        case .field(let base, let name): return "(. \(base.outline) \(name))"
        }
    }
}
