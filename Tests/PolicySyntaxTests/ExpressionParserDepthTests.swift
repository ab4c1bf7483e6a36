import TestSupport
import Foundation
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

    static let tooLong = "the expression is too long: more than 256 operations one inside the other"
    static let tooLongHelp = "split it into named `definitions` (`a and b and …` over many lines is better written as a `when:` list of definitions)"

    static func chain(_ terms: Int, _ joiner: String = " + ") -> String {
        Array(repeating: "a", count: terms).joined(separator: joiner)
    }

    @Test("a flat chain is not nesting: 256 terms parse, as a tree 256 tall")
    func flatChains() throws {
        #expect(ExpressionParser.maximumHeight == 256)
        let text = Self.chain(256)
        let syntax = try ParsedExpression.parse(text)
        #expect(syntax.span == ParsedExpression.span(0, text.unicodeScalars.count))
        #expect(syntax.height == 256)
    }

    @Test("a chain of 257 terms is refused at the operator that passes 256 levels", arguments: [" + ", " * ", " or ", " and "])
    func tooLongChain(_ joiner: String) {
        let operatorOffset = 255 * (1 + joiner.count) + 2
        let length = joiner.trimmingCharacters(in: .whitespaces).count
        #expect(ParsedExpression.failure(Self.chain(257, joiner)) == .error(Self.tooLong, at: ParsedExpression.span(operatorOffset, length), help: Self.tooLongHelp))
    }

    @Test("heights add up across nesting: `not` around a 255-term chain fits, two do not")
    func nestedHeights() {
        #expect(ParsedExpression.failure("not (" + Self.chain(255, " and ") + ")") == nil)
        #expect(ParsedExpression.failure("not not (" + Self.chain(255, " and ") + ")") == .error(Self.tooLong, at: ParsedExpression.span(0, 3), help: Self.tooLongHelp))
    }

    @Test("a chain of 100 000 terms is refused, without crashing")
    func longChains() {
        #expect(ParsedExpression.failure(Self.chain(100_000))?.message == Self.tooLong)
        #expect(ParsedExpression.failure(Self.chain(100_000, " and "))?.message == Self.tooLong)
    }

    @Test("parsing is linear: a list of 100 000 items takes under 30 times one of 10 000, on one line or many")
    func linearParse() throws {
        for separator in [", ", ",\n"] {
            func seconds(_ items: Int) throws -> Double {
                let text = "[" + Array(repeating: "1", count: items).joined(separator: separator) + "]"
                var pieces = [YAMLScalar.Piece(offset: 0, line: 4, column: 11)]
                for (offset, character) in text.unicodeScalars.enumerated() where character == "\n" {
                    pieces.append(YAMLScalar.Piece(offset: offset + 1, line: 4 + pieces.count, column: 11))
                }
                let scalar = YAMLScalar(text: text, span: ParsedExpression.span(0, 1), style: .block, pieces: pieces)
                var best = Double.infinity
                for _ in 0..<3 {
                    let start = ContinuousClock.now
                    _ = try ExpressionParser.parse(scalar)
                    let elapsed = ContinuousClock.now - start
                    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
                return best
            }
            let small = try seconds(10_000), large = try seconds(100_000)
            #expect(large < 30 * small, "10 000 items: \(small) s, 100 000 items: \(large) s")
        }
    }
}
