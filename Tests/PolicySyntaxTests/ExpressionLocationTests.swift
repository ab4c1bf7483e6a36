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

    @Test("a folded block scalar")
    func foldedBlock() {
        let diagnostics = P.diagnostics("definitions:\n  d:\n    expr: >\n      age >= 70\n      and and\n")
        withKnownIssue("the folded text is one line, \"age >= 70 and and\", so every offset is counted from the first line: reported at 4:21, past the end of `age >= 70`") {
            #expect(diagnostics == [P.error(Self.missingValue, 5, 11, 3, help: Self.missingHelp)])
        }
    }

    @Test("a plain scalar continued on the next line")
    func multiLinePlain() {
        let diagnostics = P.diagnostics("definitions:\n  d:\n    expr: age >= 70\n      and and\n")
        withKnownIssue("a multi-line plain scalar is folded to one line and its offsets are counted from its first line: reported at 3:25") {
            #expect(diagnostics == [P.error(Self.missingValue, 4, 11, 3, help: Self.missingHelp)])
        }
    }

    @Test("a double-quoted scalar with escapes")
    func escapedQuotes() {
        let diagnostics = P.diagnostics(Self.definition(#""x == \"a\" and and""#))
        withKnownIssue("offsets count the unescaped text, so each `\\\"` before the error shifts it one column left: reported at 3:25") {
            #expect(diagnostics == [P.error(Self.missingValue, 3, 27, 3, help: Self.missingHelp)])
        }
    }

    @Test("a literal block scalar in a file with CRLF line ends")
    func crlfBlock() {
        let diagnostics = P.diagnostics("definitions:\r\n  d:\r\n    expr: |\r\n      a and\r\n      and b\r\n")
        #expect(diagnostics == [P.error(Self.missingValue, 5, 7, 3, help: Self.missingHelp)])
    }
}
