@testable import PolicySyntax
import TestSupport
import Testing

/// Tokens with their offsets and lengths in Unicode scalars.
@Suite("ExpressionLexer")
struct ExpressionLexerTests {
    typealias Token = ExpressionToken

    static func tokens(_ text: String) throws -> [Token] {
        try ExpressionLexer(text).tokens()
    }

    static func kinds(_ text: String) throws -> [Token.Kind] {
        try tokens(text).map(\.kind)
    }

    @Test("a comparison: name, symbol, integer, end")
    func comparison() throws {
        #expect(try Self.tokens("age >= 70") == [
            Token(kind: .name("age"), offset: 0, length: 3),
            Token(kind: .symbol(">="), offset: 4, length: 2),
            Token(kind: .integer("70"), offset: 7, length: 2),
            Token(kind: .end, offset: 9, length: 1),
        ])
    }

    @Test("offsets count Unicode scalars, one per Chinese character")
    func chineseOffsets() throws {
        #expect(try Self.tokens("年龄≥70") == [
            Token(kind: .name("年龄"), offset: 0, length: 2),
            Token(kind: .symbol(">="), offset: 2, length: 1),
            Token(kind: .integer("70"), offset: 3, length: 2),
            Token(kind: .end, offset: 5, length: 1),
        ])
    }

    @Test("friendly spellings from a Chinese input method")
    func friendlySpellings() throws {
        let tokens = try Self.tokens("≥≤≠=×÷（），")
        #expect(tokens.map(\.kind) == [">=", "<=", "!=", "==", "*", "/", "(", ")", ","].map { .symbol($0) } + [.end])
        #expect(tokens.map(\.offset) == Array(0...9))
        #expect(tokens.dropLast().allSatisfy { $0.length == 1 })
    }

    @Test("two-character operators are one token; separated they are two")
    func twoCharacterOperators() throws {
        #expect(try Self.kinds("a==b") == [.name("a"), .symbol("=="), .name("b"), .end])
        #expect(try Self.kinds("a = = b") == [.name("a"), .symbol("=="), .symbol("=="), .name("b"), .end])
        #expect(try Self.kinds("a!=b<=c>=d<e>f") == [.name("a"), .symbol("!="), .name("b"), .symbol("<="), .name("c"),
                                                      .symbol(">="), .name("d"), .symbol("<"), .name("e"), .symbol(">"), .name("f"), .end])
    }

    @Test("a date is YYYY-MM-DD standing alone")
    func dates() throws {
        #expect(try Self.tokens("2026-01-01") == [Token(kind: .date("2026-01-01"), offset: 0, length: 10), Token(kind: .end, offset: 10, length: 1)])
        #expect(try Self.tokens("d >= 2026-01-01)")[2] == Token(kind: .date("2026-01-01"), offset: 5, length: 10))
        // Only the shape is checked here.
        #expect(try Self.kinds("2026-13-45") == [.date("2026-13-45"), .end])
    }

    @Test("digits and dashes that are not a date are numbers and minus signs", arguments: [
        ("2026-1-1", [ExpressionToken.Kind.integer("2026"), .symbol("-"), .integer("1"), .symbol("-"), .integer("1"), .end]),
        ("2026-01-011", [.integer("2026"), .symbol("-"), .integer("01"), .symbol("-"), .integer("011"), .end]),
        ("2026-01-01.5", [.integer("2026"), .symbol("-"), .integer("01"), .symbol("-"), .decimal("01.5"), .end]),
        ("12026-01-01", [.integer("12026"), .symbol("-"), .integer("01"), .symbol("-"), .integer("01"), .end]),
    ])
    func notDates(_ text: String, _ kinds: [ExpressionToken.Kind]) throws {
        #expect(try Self.kinds(text) == kinds)
    }

    @Test("numbers: digits on both sides of a point make a decimal", arguments: [
        ("1.5", [ExpressionToken.Kind.decimal("1.5"), .end]),
        ("12.50", [.decimal("12.50"), .end]),
        ("007", [.integer("007"), .end]),
        ("5.x", [.integer("5"), .symbol("."), .name("x"), .end]),
        ("5.", [.integer("5"), .symbol("."), .end]),
        (".5", [.symbol("."), .integer("5"), .end]),
    ])
    func numbers(_ text: String, _ kinds: [ExpressionToken.Kind]) throws {
        #expect(try Self.kinds(text) == kinds)
    }

    @Test("text in straight or curly quotes; the token covers the quotes", arguments: [
        ("\"城镇\"", "城镇", 4),
        ("'a b'", "a b", 5),
        ("“安庆”", "安庆", 4),
        ("‘x’", "x", 3),
        ("\"it's\"", "it's", 6),
        ("\"\"", "", 2),
    ])
    func strings(_ text: String, _ content: String, _ length: Int) throws {
        #expect(try Self.tokens(text).first == Token(kind: .string(content), offset: 0, length: length))
    }

    @Test("names: letters (any script), digits after the first, and underscores")
    func names() throws {
        #expect(try Self.kinds("x_1 _y not_after 年龄2") == [.name("x_1"), .name("_y"), .name("not_after"), .name("年龄2"), .end])
        #expect(try Self.kinds("a in [1, 2]") == [.name("a"), .name("in"), .symbol("["), .integer("1"), .symbol(","), .integer("2"), .symbol("]"), .end])
    }

    @Test("any Unicode white space separates tokens")
    func whitespace() throws {
        #expect(try Self.tokens("a\u{3000}b\tc\nd").map(\.offset) == [0, 2, 4, 6, 7])
        #expect(try Self.tokens("   ") == [Token(kind: .end, offset: 3, length: 1)])
    }

    static func lexError(_ text: String) -> ExpressionParseError? {
        do {
            _ = try ExpressionLexer(text).tokens()
            return nil
        } catch {
            return error
        }
    }

    @Test("errors say what is wrong, where, and what to do", arguments: [
        ("\"abc", "this text has no closing quote", 0, 4, "end it with \""),
        ("x == “abc", "this text has no closing quote", 5, 4, "end it with ”"),
        ("70岁", "a number cannot run into a name here", 0, 3, "put a space or an operator between them; write a date as `2026-01-01`"),
        ("1.5kg", "a number cannot run into a name here", 0, 4, "put a space or an operator between them; write a date as `2026-01-01`"),
        ("x + 12_000", "a number cannot run into a name here", 4, 3, "put a space or an operator between them; write a date as `2026-01-01`"),
        ("2026-01-01x", "a number cannot run into a name here", 8, 3, "put a space or an operator between them; write a date as `2026-01-01`"),
        ("a & b", "`&` has no meaning in an expression", 2, 1, "operators are `and or not == != < <= > >= + - * / in`; text goes in quotes"),
        ("a ＝ b", "`＝` has no meaning in an expression", 2, 1, "operators are `and or not == != < <= > >= + - * / in`; text goes in quotes"),
        ("a、b", "`、` has no meaning in an expression", 1, 1, "operators are `and or not == != < <= > >= + - * / in`; text goes in quotes"),
    ] as [(String, String, Int, Int, String)])
    func errors(_ text: String, _ message: String, _ offset: Int, _ length: Int, _ help: String) throws {
        let error = try #require(Self.lexError(text))
        #expect(error.message.text(.en) == message)
        #expect(error.offset == offset)
        #expect(error.length == length)
        #expect(error.help?.text(.en) == help)
    }
}
