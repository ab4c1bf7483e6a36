import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// An error inside an expression points at its place in the file, however the
/// YAML scalar holding it is written.
@Suite("Expression errors located in the file")
struct ExpressionLocationTests {
    typealias P = ParsedPolicy

    static let chainedHelp = "write `60 <= age and age <= 69`, or put one comparison in parentheses"
    static let missingValue = "expected a value but found `and`"
    static let missingHelp = "something is missing before `and`"

    static func definition(_ expr: String) -> String { "definitions:\n  d:\n    expr: \(expr)\n" }

    @Test("a plain scalar")
    func plain() {
        #expect(P.diagnostics(Self.definition("60 <= age <= 69")) == [P.error("comparisons cannot be chained", 3, 21, 2, help: Self.chainedHelp)])
    }

    @Test("a quoted scalar: columns start after the quote")
    func quoted() {
        #expect(P.diagnostics(Self.definition("\"a and\"")) == [P.error("the expression ends too early", 3, 16, help: "something is missing at the end")])
        #expect(P.diagnostics(Self.definition("'年龄 >= 70岁'")) == [
            P.error("a number cannot run into a name here", 3, 18, 3, help: "put a space or an operator between them; write a date as `2026-01-01`"),
        ])
    }

    @Test("a literal block scalar: each line at its own line")
    func literalBlock() {
        #expect(P.diagnostics("definitions:\n  d:\n    expr: |\n      a and\n      and b\n") == [P.error(Self.missingValue, 5, 7, 3, help: Self.missingHelp)])
    }

    @Test("a rule's condition and output")
    func ruleParts() {
        let text = "decisions:\n  d:\n    rules:\n      - when: age >=\n        then: 1 +\n"
        #expect(P.diagnostics(text) == [
            P.error("the expression ends too early", 4, 20, help: "something is missing at the end"),
            P.error("the expression ends too early", 5, 17, help: "something is missing at the end"),
        ])
    }

    @Test("a folded block scalar: the folded text keeps each line's place")
    func foldedBlock() {
        let diagnostics = P.diagnostics("definitions:\n  d:\n    expr: >\n      age >= 70\n      and and\n")
        #expect(diagnostics == [P.error(Self.missingValue, 5, 11, 3, help: Self.missingHelp)])
    }

    @Test("a plain scalar continued on the next line")
    func multiLinePlain() {
        let diagnostics = P.diagnostics("definitions:\n  d:\n    expr: age >= 70\n      and and\n")
        #expect(diagnostics == [P.error(Self.missingValue, 4, 11, 3, help: Self.missingHelp)])
    }

    @Test("a quoted scalar continued on the next line")
    func multiLineQuoted() {
        #expect(P.diagnostics("definitions:\n  d:\n    expr: \"age >= 70\n      and and\"\n") == [P.error(Self.missingValue, 4, 11, 3, help: Self.missingHelp)])
        #expect(P.diagnostics("definitions:\n  d:\n    expr: 'age >= 70\n\n      and and'\n") == [P.error(Self.missingValue, 5, 11, 3, help: Self.missingHelp)])
    }

    @Test("a double-quoted scalar with escapes: each escape keeps its width in the file", arguments: [
        (#""x == \"a\" and and""#, 27),
        (#""x == \u0061 and and""#, 28),
        (#""x == \x61 and and""#, 26),
        (#""x == a\t and and""#, 25),
    ])
    func escapes(_ expr: String, _ column: Int) {
        #expect(P.diagnostics(Self.definition(expr)) == [P.error(Self.missingValue, 3, column, 3, help: Self.missingHelp)])
    }

    @Test("a single-quoted scalar with a doubled quote")
    func doubledQuote() {
        #expect(P.diagnostics(Self.definition("'x == ''a'' and and'")) == [P.error(Self.missingValue, 3, 27, 3, help: Self.missingHelp)])
    }

    @Test("a token written with an escape covers its whole width in the file")
    func tokenWithAnEscape() {
        // `\u003C=` is the operator `<=`, written in 7 columns.
        #expect(P.diagnostics(Self.definition(#""60 <= age \u003C= 69""#)) == [P.error("comparisons cannot be chained", 3, 22, 7, help: Self.chainedHelp)])
    }

    @Test("a literal block scalar in a file with CRLF line ends")
    func crlfBlock() {
        let diagnostics = P.diagnostics("definitions:\r\n  d:\r\n    expr: |\r\n      a and\r\n      and b\r\n")
        #expect(diagnostics == [P.error(Self.missingValue, 5, 7, 3, help: Self.missingHelp)])
    }
}
