import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// Every syntax node knows the columns it covers in the file.
/// The text sits at policy.yaml:4:11, so offset n is column 11 + n.
@Suite("ExpressionParser spans")
struct ExpressionParserSpanTests {
    static func span(_ offset: Int, _ length: Int) -> SourceSpan { ParsedExpression.span(offset, length) }

    @Test("a comparison covers both operands")
    func comparison() throws {
        let syntax = try ParsedExpression.parse("age >= 70")
        #expect(syntax.span == Self.span(0, 9))
        guard case .binary(.greaterOrEqual, let lhs, let rhs) = syntax.kind else { Issue.record("not a comparison: \(syntax.outline)"); return }
        #expect(lhs.span == Self.span(0, 3))
        #expect(rhs.span == Self.span(7, 2))
    }

    @Test("columns count one per Chinese character")
    func chinese() throws {
        let syntax = try ParsedExpression.parse("户籍 == “城镇”")
        #expect(syntax.span == Self.span(0, 10))
        guard case .binary(_, let lhs, let rhs) = syntax.kind else { Issue.record("not a comparison"); return }
        #expect(lhs.span == Self.span(0, 2))
        #expect(rhs.span == Self.span(6, 4))
    }

    @Test("spans of each kind of node", arguments: [
        ("not lives_alone", 0, 15),
        ("-x", 0, 2),
        ("f(a, b)", 0, 7),
        ("f()", 0, 3),
        ("[1, 2]", 0, 6),
        ("a.b.c", 0, 5),
        ("if a then b else c", 0, 18),
        ("2026-01-01", 0, 10),
        ("'安庆'", 0, 4),
        ("x not in [a]", 0, 12),
        ("a or b and c", 0, 12),
        ("  a  ", 2, 1),
    ])
    func nodeSpans(_ text: String, _ offset: Int, _ length: Int) throws {
        #expect(try ParsedExpression.parse(text).span == Self.span(offset, length))
    }

    @Test("parentheses are not part of the inner expression's span")
    func parentheses() throws {
        #expect(try ParsedExpression.parse("(a + b)").span == Self.span(1, 5))
    }

    @Test("a date literal's call and its text share the date's span")
    func dateLiteral() throws {
        let syntax = try ParsedExpression.parse("d < 2026-01-01")
        guard case .binary(.less, _, let rhs) = syntax.kind, case .call("date", let arguments) = rhs.kind else {
            Issue.record("not a date comparison: \(syntax.outline)")
            return
        }
        #expect(rhs.span == Self.span(4, 10))
        #expect(arguments.map(\.span) == [Self.span(4, 10)])
    }

    @Test("a block scalar's lines map to their own lines in the file")
    func blockScalar() throws {
        let pieces = [YAMLScalar.Piece(offset: 0, line: 5, column: 7), YAMLScalar.Piece(offset: 10, line: 6, column: 7)]
        let scalar = YAMLScalar(text: "age >= 70\nand and\n", span: SourceSpan(file: "policy.yaml", line: 4, column: 11), style: .block, pieces: pieces)
        let error = #expect(throws: Diagnostic.self) { try ExpressionParser.parse(scalar) }
        #expect(error?.en == .error("expected a value but found `and`", at: SourceSpan(file: "policy.yaml", line: 6, column: 11, length: 3),
                                    help: "something is missing before `and`"))
    }
}
