import PolicyModel

/// Parses the expression language (grammar: `grammar/expression.ebnf`) from a YAML scalar.
///
/// ```swift
/// let written = try ExpressionParser.parse(scalar)   // "age >= 70 and residence == urban"
/// ```
package struct ExpressionParser {
    /// The deepest nesting an expression may have: the parser recurses once per level.
    package static let maximumDepth = 48
    /// The tallest tree an expression may make, nesting and chains together: `a + b + c`
    /// is a tree of height 3 however it is written, and every later pass over the
    /// expression (checking, folding, evaluating, freeing) recurses that deep. The
    /// checker holds expressions to the same height counting the definitions they read.
    package static let maximumHeight = 256

    let tokens: [ExpressionToken]
    let scalar: YAMLScalar
    let locator: ScalarLocator
    var position = 0
    var depth = 0

    /// Parses the whole text of `scalar` as one expression.
    package static func parse(_ scalar: YAMLScalar) throws(Diagnostic) -> WrittenExpression {
        do throws(ExpressionParseError) {
            let tokens = try ExpressionLexer(scalar.text).tokens()
            var parser = ExpressionParser(tokens: tokens, scalar: scalar, locator: ScalarLocator(scalar))
            if tokens.count == 1 {
                throw ExpressionParseError("the expression is empty", offset: 0, length: 1, help: "write a condition such as `age >= 70`")
            }
            let syntax = try parser.parseExpression()
            if case .end = parser.current.kind {} else {
                throw ExpressionParseError("unexpected \(parser.current.describe) after a complete expression", offset: parser.current.offset, length: parser.current.length,
                                           help: "join conditions with `and` or `or`")
            }
            return WrittenExpression(syntax: syntax, text: scalar.text)
        } catch {
            throw Diagnostic.error(error.message, at: ScalarLocator(scalar).span(offset: error.offset, length: error.length), help: error.help)
        }
    }

    var current: ExpressionToken { tokens[position] }

    mutating func advance() -> ExpressionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    func isKeyword(_ word: String) -> Bool { current.kind == .name(word) }

    func span(from start: ExpressionToken, to end: ExpressionToken) -> SourceSpan {
        locator.span(offset: start.offset, length: end.offset + end.length - start.offset)
    }

    func span(from token: ExpressionToken, through end: ExpressionSyntax) -> SourceSpan {
        let start = locator.span(offset: token.offset, length: token.length)
        guard end.span.line == start.line else { return start }
        return start.shifted(by: 0, length: end.span.column + end.span.length - start.column)
    }

    func span(_ start: ExpressionSyntax, _ end: ExpressionSyntax) -> SourceSpan {
        let length = end.span.line == start.span.line ? end.span.column + end.span.length - start.span.column : start.span.length
        return start.span.shifted(by: 0, length: length)
    }

    /// `syntax`, unless it is taller than `maximumHeight`: then an error at `token`, the
    /// operator that made it so (where a long chain passes the limit).
    func bounded(_ syntax: ExpressionSyntax, at token: ExpressionToken) throws(ExpressionParseError) -> ExpressionSyntax {
        guard syntax.height > ExpressionParser.maximumHeight else { return syntax }
        throw ExpressionParseError("the expression is too long: more than \(ExpressionParser.maximumHeight) operations one inside the other", offset: token.offset, length: token.length,
                                   help: "split it into named `definitions` (`a and b and …` over many lines is better written as a `when:` list of definitions)")
    }

    mutating func expect(_ symbol: String, help: String? = nil) throws(ExpressionParseError) -> ExpressionToken {
        guard isSymbol(symbol) else {
            throw ExpressionParseError("expected `\(symbol)` but found \(current.describe)", offset: current.offset, length: current.length, help: help)
        }
        return advance()
    }

    mutating func parseExpression() throws(ExpressionParseError) -> ExpressionSyntax {
        depth += 1
        defer { depth -= 1 }
        if depth > ExpressionParser.maximumDepth {
            throw ExpressionParseError("the expression nests too deeply", offset: current.offset, length: current.length,
                                       help: "split it into named `definitions`")
        }
        if isKeyword("if") {
            let start = advance()
            let condition = try parseExpression()
            guard isKeyword("then") else {
                throw ExpressionParseError("expected `then` after the condition of `if`", offset: current.offset, length: current.length)
            }
            _ = advance()
            let then = try parseExpression()
            guard isKeyword("else") else {
                throw ExpressionParseError("expected `else`: an `if` needs both branches", offset: current.offset, length: current.length)
            }
            _ = advance()
            let otherwise = try parseExpression()
            return try bounded(ExpressionSyntax(.conditional(condition, then, otherwise), span: span(from: start, through: otherwise)), at: start)
        }
        return try parseOr()
    }

    static let comparisonOperators = ["==", "!=", "<", "<=", ">", ">="]

    /// `a or b or c`
    mutating func parseOr() throws(ExpressionParseError) -> ExpressionSyntax {
        var lhs = try parseAnd()
        while isKeyword("or") {
            let op = advance()
            let rhs = try parseAnd()
            lhs = try bounded(ExpressionSyntax(.binary(.or, lhs, rhs), span: span(lhs, rhs)), at: op)
        }
        return lhs
    }

    /// `a and not b and c`
    mutating func parseAnd() throws(ExpressionParseError) -> ExpressionSyntax {
        var lhs = try parseNot()
        while isKeyword("and") {
            let op = advance()
            let rhs = try parseNot()
            lhs = try bounded(ExpressionSyntax(.binary(.and, lhs, rhs), span: span(lhs, rhs)), at: op)
        }
        return lhs
    }

    /// `not` binds looser than comparison: `not a == b` is `not (a == b)`.
    mutating func parseNot() throws(ExpressionParseError) -> ExpressionSyntax {
        guard isKeyword("not") else { return try parseComparison() }
        let start = advance()
        depth += 1
        defer { depth -= 1 }
        if depth > ExpressionParser.maximumDepth {
            throw ExpressionParseError("the expression nests too deeply", offset: current.offset, length: current.length,
                                       help: "split it into named `definitions`")
        }
        let operand = try parseNot()
        return try bounded(ExpressionSyntax(.not(operand), span: span(from: start, through: operand)), at: start)
    }

    /// One comparison or membership test at most: `a < b < c` is refused, not guessed at.
    mutating func parseComparison() throws(ExpressionParseError) -> ExpressionSyntax {
        let lhs = try parseArithmetic(level: 0)
        guard let op = comparisonOperatorHere() else { return lhs }
        let opToken = advance()
        if op == "not in" { _ = advance() }
        let rhs = try parseArithmetic(level: 0)
        let result: ExpressionSyntax
        if op == "in" || op == "not in" {
            result = try bounded(ExpressionSyntax(.membership(lhs, rhs, negated: op == "not in"), span: span(lhs, rhs)), at: opToken)
        } else {
            result = try bounded(ExpressionSyntax(.binary(BinaryOperator(rawValue: op)!, lhs, rhs), span: span(lhs, rhs)), at: opToken)
        }
        if comparisonOperatorHere() != nil {
            throw ExpressionParseError("comparisons cannot be chained", offset: current.offset, length: current.length,
                                       help: "write `60 <= age and age <= 69`, or put one comparison in parentheses")
        }
        return result
    }

    func comparisonOperatorHere() -> String? {
        switch current.kind {
        case .symbol(let symbol) where ExpressionParser.comparisonOperators.contains(symbol): return symbol
        case .name("in"): return "in"
        case .name("not") where tokens[position + 1].kind == .name("in"): return "not in"
        default: return nil
        }
    }

    static let arithmeticLevels: [[String]] = [["+", "-"], ["*", "/"]]

    mutating func parseArithmetic(level: Int) throws(ExpressionParseError) -> ExpressionSyntax {
        if level == ExpressionParser.arithmeticLevels.count { return try parseUnary() }
        var lhs = try parseArithmetic(level: level + 1)
        while case .symbol(let symbol) = current.kind, ExpressionParser.arithmeticLevels[level].contains(symbol) {
            let op = advance()
            let rhs = try parseArithmetic(level: level + 1)
            lhs = try bounded(ExpressionSyntax(.binary(BinaryOperator(rawValue: symbol)!, lhs, rhs), span: span(lhs, rhs)), at: op)
        }
        return lhs
    }

    mutating func parseUnary() throws(ExpressionParseError) -> ExpressionSyntax {
        if isSymbol("-") {
            let start = advance()
            depth += 1
            defer { depth -= 1 }
            if depth > ExpressionParser.maximumDepth {
                throw ExpressionParseError("the expression nests too deeply", offset: current.offset, length: current.length)
            }
            let operand = try parseUnary()
            return try bounded(ExpressionSyntax(.negate(operand), span: span(from: start, through: operand)), at: start)
        }
        var base = try parsePrimary()
        while isSymbol(".") {
            _ = advance()
            guard case .name(let field) = current.kind else {
                throw ExpressionParseError("expected a field name after `.`", offset: current.offset, length: current.length)
            }
            let token = advance()
            let fieldSpan = locator.span(offset: token.offset, length: token.length)
            base = try bounded(ExpressionSyntax(.field(base, field), span: span(base, ExpressionSyntax(.name(field), span: fieldSpan))), at: token)
        }
        return base
    }

    mutating func parsePrimary() throws(ExpressionParseError) -> ExpressionSyntax {
        let token = current
        let tokenSpan = locator.span(offset: token.offset, length: token.length)
        switch token.kind {
        case .integer(let text):
            _ = advance()
            return ExpressionSyntax(.integer(text), span: tokenSpan)
        case .decimal(let text):
            _ = advance()
            return ExpressionSyntax(.decimal(text), span: tokenSpan)
        case .string(let text):
            _ = advance()
            return ExpressionSyntax(.string(text), span: tokenSpan)
        case .date(let text):
            _ = advance()
            return ExpressionSyntax(.call("date", [ExpressionSyntax(.string(text), span: tokenSpan)]), span: tokenSpan)
        case .name(let name):
            if name == "if" || name == "not" {
                throw ExpressionParseError("`\(name)` cannot stand here inside a larger expression", offset: token.offset, length: token.length,
                                           help: "put it in parentheses: `(\(name == "if" ? "if … then … else …" : "not …"))`")
            }
            if ["and", "or", "then", "else", "in"].contains(name) {
                throw ExpressionParseError("expected a value but found `\(name)`", offset: token.offset, length: token.length,
                                           help: "something is missing before `\(name)`")
            }
            _ = advance()
            if name == "true" || name == "false" { return ExpressionSyntax(.bool(name == "true"), span: tokenSpan) }
            if isSymbol("(") {
                _ = advance()
                var arguments: [ExpressionSyntax] = []
                if !isSymbol(")") {
                    arguments.append(try parseExpression())
                    while isSymbol(",") {
                        _ = advance()
                        arguments.append(try parseExpression())
                    }
                }
                let close = try expect(")", help: "close the call of `\(name)`")
                return try bounded(ExpressionSyntax(.call(name, arguments), span: span(from: token, to: close)), at: token)
            }
            return ExpressionSyntax(.name(name), span: tokenSpan)
        case .symbol("("):
            _ = advance()
            let inner = try parseExpression()
            _ = try expect(")", help: "every `(` needs a `)`")
            return inner
        case .symbol("["):
            _ = advance()
            var items: [ExpressionSyntax] = []
            while !isSymbol("]") {
                items.append(try parseExpression())
                if isSymbol(",") { _ = advance() } else { break }
            }
            let close = try expect("]", help: "separate list items with `,` and close the list with `]`")
            return try bounded(ExpressionSyntax(.list(items), span: span(from: token, to: close)), at: token)
        case .end:
            throw ExpressionParseError("the expression ends too early", offset: max(token.offset - 1, 0), length: 1, help: "something is missing at the end")
        case .symbol(let symbol):
            throw ExpressionParseError("expected a value but found `\(symbol)`", offset: token.offset, length: token.length)
        }
    }
}

extension ExpressionToken {
    var describe: String {
        switch kind {
        case .name(let name): return "`\(name)`"
        case .integer(let text), .decimal(let text), .date(let text): return "`\(text)`"
        case .string(let text): return "\"\(text)\""
        case .symbol(let symbol): return "`\(symbol)`"
        case .end: return "the end"
        }
    }
}
