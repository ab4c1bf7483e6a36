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
                throw ExpressionParseError(.emptyExpression, offset: 0, length: 1, help: .writeConditionLikeAge)
            }
            let syntax = try parser.parseExpression()
            if case .end = parser.current.kind {} else {
                throw ExpressionParseError(.unexpectedAfterExpression(parser.current.describe), offset: parser.current.offset, length: parser.current.length,
                                           help: .joinWithAndOr)
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
        throw ExpressionParseError(.expressionTooTall(limit: ExpressionParser.maximumHeight), offset: token.offset, length: token.length,
                                   help: .splitIntoDefinitionsOrList)
    }

    mutating func expect(_ symbol: String, help: SyntaxMessage? = nil) throws(ExpressionParseError) -> ExpressionToken {
        guard isSymbol(symbol) else {
            throw ExpressionParseError(.expected(symbol, found: current.describe), offset: current.offset, length: current.length, help: help)
        }
        return advance()
    }

    mutating func parseExpression() throws(ExpressionParseError) -> ExpressionSyntax {
        depth += 1
        defer { depth -= 1 }
        if depth > ExpressionParser.maximumDepth {
            throw ExpressionParseError(.nestsTooDeeply, offset: current.offset, length: current.length, help: .splitIntoDefinitions)
        }
        if isKeyword("if") {
            let start = advance()
            let condition = try parseExpression()
            guard isKeyword("then") else {
                throw ExpressionParseError(.expectedThen, offset: current.offset, length: current.length)
            }
            _ = advance()
            let then = try parseExpression()
            guard isKeyword("else") else {
                throw ExpressionParseError(.expectedElse, offset: current.offset, length: current.length)
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
            throw ExpressionParseError(.nestsTooDeeply, offset: current.offset, length: current.length, help: .splitIntoDefinitions)
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
            throw ExpressionParseError(.chainedComparison, offset: current.offset, length: current.length, help: .writeRangeAsTwoComparisons)
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
                throw ExpressionParseError(.nestsTooDeeply, offset: current.offset, length: current.length)
            }
            let operand = try parseUnary()
            return try bounded(ExpressionSyntax(.negate(operand), span: span(from: start, through: operand)), at: start)
        }
        var base = try parsePrimary()
        while isSymbol(".") {
            _ = advance()
            guard case .name(let field) = current.kind else {
                throw ExpressionParseError(.expectedFieldName, offset: current.offset, length: current.length)
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
                throw ExpressionParseError(.cannotStandHere(name), offset: token.offset, length: token.length, help: .putInParentheses(name))
            }
            if ["and", "or", "then", "else", "in"].contains(name) {
                throw ExpressionParseError(.expectedValue(found: name), offset: token.offset, length: token.length, help: .somethingMissingBefore(name))
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
                let close = try expect(")", help: .closeCall(name))
                return try bounded(ExpressionSyntax(.call(name, arguments), span: span(from: token, to: close)), at: token)
            }
            return ExpressionSyntax(.name(name), span: tokenSpan)
        case .symbol("("):
            _ = advance()
            let inner = try parseExpression()
            _ = try expect(")", help: .closeParenthesis)
            return inner
        case .symbol("["):
            _ = advance()
            var items: [ExpressionSyntax] = []
            while !isSymbol("]") {
                items.append(try parseExpression())
                if isSymbol(",") { _ = advance() } else { break }
            }
            let close = try expect("]", help: .closeList)
            return try bounded(ExpressionSyntax(.list(items), span: span(from: token, to: close)), at: token)
        case .end:
            throw ExpressionParseError(.endsTooEarly, offset: max(token.offset - 1, 0), length: 1, help: .somethingMissingAtEnd)
        case .symbol(let symbol):
            throw ExpressionParseError(.expectedValue(found: symbol), offset: token.offset, length: token.length)
        }
    }
}

extension ExpressionToken {
    var describe: ExpressionTokenText {
        switch kind {
        case .name(let name): return .code(name)
        case .integer(let text), .decimal(let text), .date(let text): return .code(text)
        case .string(let text): return .quoted(text)
        case .symbol(let symbol): return .code(symbol)
        case .end: return .end
        }
    }
}
