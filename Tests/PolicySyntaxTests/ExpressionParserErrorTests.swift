import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// Refused expressions: the whole diagnostic (message, span in the file, help) is exact.
/// The text sits at policy.yaml:4:11, so offset n is column 11 + n.
@Suite("ExpressionParser errors")
struct ExpressionParserErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        let offset: Int
        let length: Int
        let help: String?
        var testDescription: String { text }

        init(_ text: String, _ message: String, at offset: Int, _ length: Int, help: String? = nil) {
            self.text = text
            self.message = message
            self.offset = offset
            self.length = length
            self.help = help
        }
    }

    static let chained = "write `60 <= age and age <= 69`, or put one comparison in parentheses"

    @Test("chained comparisons are refused at the second operator", arguments: [
        Case("60 <= age <= 69", "comparisons cannot be chained", at: 10, 2, help: chained),
        Case("a == b in c", "comparisons cannot be chained", at: 7, 2, help: chained),
        Case("a in b in c", "comparisons cannot be chained", at: 7, 2, help: chained),
        Case("a in b == c", "comparisons cannot be chained", at: 7, 2, help: chained),
        Case("a == b != c", "comparisons cannot be chained", at: 7, 2, help: chained),
        Case("x in xs not in ys", "comparisons cannot be chained", at: 8, 3, help: chained),
    ])
    func chainedComparisons(_ c: Case) throws {
        try Self.check(c)
    }

    @Test("`if` and `not` as operands ask for parentheses", arguments: [
        Case("1 + if a then 2 else 3", "`if` cannot stand here inside a larger expression", at: 4, 2, help: "put it in parentheses: `(if … then … else …)`"),
        Case("a == not b", "`not` cannot stand here inside a larger expression", at: 5, 3, help: "put it in parentheses: `(not …)`"),
        Case("-not a", "`not` cannot stand here inside a larger expression", at: 1, 3, help: "put it in parentheses: `(not …)`"),
    ])
    func bareKeywords(_ c: Case) throws {
        try Self.check(c)
    }

    @Test("empty, unfinished and unclosed expressions", arguments: [
        Case("", "the expression is empty", at: 0, 1, help: "write a condition such as `age >= 70`"),
        Case("   ", "the expression is empty", at: 0, 1, help: "write a condition such as `age >= 70`"),
        Case("name == \"urban", "this text has no closing quote", at: 8, 6, help: "end it with \""),
        Case("a and", "the expression ends too early", at: 4, 1, help: "something is missing at the end"),
        Case("age >=", "the expression ends too early", at: 5, 1, help: "something is missing at the end"),
        Case("(a + b", "expected `)` but found the end", at: 6, 1, help: "every `(` needs a `)`"),
        Case("min(a, b", "expected `)` but found the end", at: 8, 1, help: "close the call of `min`"),
        Case("[1, 2", "expected `]` but found the end", at: 5, 1, help: "separate list items with `,` and close the list with `]`"),
        Case("if a then b", "expected `else`: an `if` needs both branches", at: 11, 1),
    ])
    func unfinished(_ c: Case) throws {
        try Self.check(c)
    }

    @Test("misplaced words and symbols", arguments: [
        Case("a b", "unexpected `b` after a complete expression", at: 2, 1, help: "join conditions with `and` or `or`"),
        Case("x == 'a' 'b'", "unexpected \"b\" after a complete expression", at: 9, 3, help: "join conditions with `and` or `or`"),
        Case("1 2026-01-01", "unexpected `2026-01-01` after a complete expression", at: 2, 10, help: "join conditions with `and` or `or`"),
        Case("a)", "unexpected `)` after a complete expression", at: 1, 1, help: "join conditions with `and` or `or`"),
        Case("and a", "expected a value but found `and`", at: 0, 3, help: "something is missing before `and`"),
        Case("a or or b", "expected a value but found `or`", at: 5, 2, help: "something is missing before `or`"),
        Case("x in in", "expected a value but found `in`", at: 5, 2, help: "something is missing before `in`"),
        Case("if a then else b", "expected a value but found `else`", at: 10, 4, help: "something is missing before `else`"),
        Case(")", "expected a value but found `)`", at: 0, 1),
        Case("a + * b", "expected a value but found `*`", at: 4, 1),
        Case("[1 2]", "expected `]` but found `2`", at: 3, 1, help: "separate list items with `,` and close the list with `]`"),
        Case("f(a b)", "expected `)` but found `b`", at: 4, 1, help: "close the call of `f`"),
        Case("if a b", "expected `then` after the condition of `if`", at: 5, 1),
        Case("x.1", "expected a field name after `.`", at: 2, 1),
        Case("x.", "expected a field name after `.`", at: 2, 1),
    ])
    func misplaced(_ c: Case) throws {
        try Self.check(c)
    }

    @Test("lexical errors carry the place in the file", arguments: [
        Case("age >= 70岁", "a number cannot run into a name here", at: 7, 3, help: "put a space or an operator between them; write a date as `2026-01-01`"),
        Case("年龄 ＞ 70", "`＞` has no meaning in an expression", at: 3, 1, help: "operators are `and or not == != < <= > >= + - * / in`; text goes in quotes"),
    ])
    func lexical(_ c: Case) throws {
        try Self.check(c)
    }

    static func check(_ c: Case) throws {
        let diagnostic = try #require(ParsedExpression.failure(c.text))
        #expect(diagnostic == .error(c.message, at: ParsedExpression.span(c.offset, c.length), help: c.help))
    }
}
