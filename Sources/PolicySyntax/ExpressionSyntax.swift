import PolicyModel

/// An expression as written, before names and types are resolved. Each node knows the
/// characters it covers in its scalar, so every diagnostic can point into the file.
package struct ExpressionSyntax: Sendable {
    package indirect enum Kind: Sendable {
        case name(String)
        case integer(String)
        case decimal(String)
        case string(String)
        case bool(Bool)
        case list([ExpressionSyntax])
        case negate(ExpressionSyntax)
        case not(ExpressionSyntax)
        case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax)
        case membership(ExpressionSyntax, ExpressionSyntax, negated: Bool)
        case call(String, [ExpressionSyntax])
        case conditional(ExpressionSyntax, ExpressionSyntax, ExpressionSyntax)
        case field(ExpressionSyntax, String)
    }

    package let kind: Kind
    /// Where in the file the expression is written.
    package let span: SourceSpan
    /// Levels from this node to its deepest leaf (a name is 1, `a + b` is 2): every pass
    /// over an expression recurses this deep, so the parser bounds it.
    package let height: Int

    package init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
        height = 1 + kind.childHeight
    }
}

extension ExpressionSyntax.Kind {
    /// The height of the tallest operand.
    var childHeight: Int {
        switch self {
        case .name, .integer, .decimal, .string, .bool: return 0
        case .list(let items), .call(_, let items): return items.reduce(0) { Swift.max($0, $1.height) }
        case .negate(let operand), .not(let operand), .field(let operand, _): return operand.height
        case .binary(_, let lhs, let rhs), .membership(let lhs, let rhs, _): return Swift.max(lhs.height, rhs.height)
        case .conditional(let a, let b, let c): return Swift.max(a.height, b.height, c.height)
        }
    }
}

/// The binary operators of the expression language.
package enum BinaryOperator: String, Sendable {
    case and, or
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// An expression and the text it was written as (kept for pictures and explanations).
package struct WrittenExpression: Sendable {
    package let syntax: ExpressionSyntax
    package let text: String

    package init(syntax: ExpressionSyntax, text: String) {
        self.syntax = syntax
        self.text = text
    }
}
