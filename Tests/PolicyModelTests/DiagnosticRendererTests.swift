import PolicyModel
import Testing

/// Golden renderings: location, source line, caret (full-width padding under Chinese) and help.
@Suite("DiagnosticRenderer")
struct DiagnosticRendererTests {
    static let file = "policy.yaml"

    static func render(_ source: String, line: Int, column: Int, length: Int, message: String = "m", help: String? = nil) -> String {
        let diagnostic = Diagnostic.error(message, at: SourceSpan(file: file, line: line, column: column, length: length), help: help)
        return DiagnosticRenderer(sources: [file: source]).render(diagnostic)
    }

    @Test("an unknown name with its line, carets and help")
    func styleGuideExample() {
        let source = "decisions:\n  tier:\n    rules:\n      - when: abilty_level >= 2\n        then: free\n"
        let rendered = Self.render(source, line: 4, column: 15, length: 12, message: "unknown fact `abilty_level`", help: "did you mean `ability_level`?")
        #expect(rendered == """
            policy.yaml:4:15: error: unknown fact `abilty_level`
               |       - when: abilty_level >= 2
               |               ^^^^^^^^^^^^
               = help: did you mean `ability_level`?
            """)
    }

    @Test("the caret is padded with full-width spaces under Chinese text")
    func chinesePadding() {
        let source = "title: 安庆市 养老 policy"
        #expect(Self.render(source, line: 1, column: 15, length: 6) == """
            policy.yaml:1:15: error: m
               | title: 安庆市 养老 policy
               |        \u{3000}\u{3000}\u{3000} \u{3000}\u{3000} ^^^^^^
            """)
    }

    @Test("a Chinese character takes two carets", arguments: [
        (8, 3, "       ^^^^^^"),
        (10, 3, "       \u{3000}\u{3000}^^^^^"),
    ])
    func wideCarets(_ column: Int, _ length: Int, _ caretLine: String) {
        let rendered = Self.render("title: 安庆市 养老 policy", line: 1, column: column, length: length)
        #expect(rendered.split(separator: "\n").last == "   | " + caretLine[...])
    }

    @Test("full-width punctuation pads as wide")
    func fullWidthPunctuation() {
        let rendered = Self.render("x: 年龄（周岁） >= 70", line: 1, column: 11, length: 2)
        #expect(rendered.split(separator: "\n").last == "   |    \u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000} ^^")
    }

    @Test("tabs are kept in the padding")
    func tabs() {
        #expect(Self.render("\tkey: x", line: 1, column: 7, length: 1).split(separator: "\n").last == "   | \t     ^")
    }

    @Test("a span past the end of its line gets one caret at the end")
    func pastEnd() {
        #expect(Self.render("ab", line: 1, column: 10, length: 3) == "policy.yaml:1:10: error: m\n   | ab\n   |   ^")
    }

    @Test("a file with CRLF line ends shows its line, without the carriage return")
    func carriageReturn() {
        #expect(Self.render("a: 1\r\nb: x\r\n", line: 2, column: 4, length: 1) == "policy.yaml:2:4: error: m\n   | b: x\n   |    ^")
    }

    @Test("a carriage return ending the last line is not shown")
    func trailingCarriageReturn() {
        #expect(Self.render("a: 1\nb: x\r", line: 2, column: 4, length: 1) == "policy.yaml:2:4: error: m\n   | b: x\n   |    ^")
    }

    @Test("without source text, a line that does not exist or a span, only the message and help")
    func withoutSource() {
        let span = SourceSpan(file: Self.file, line: 3, column: 1)
        #expect(DiagnosticRenderer().render(.error("m", at: span, help: "h")) == "policy.yaml:3:1: error: m\n   = help: h")
        #expect(Self.render("one line", line: 5, column: 1, length: 1) == "policy.yaml:5:1: error: m")
        #expect(DiagnosticRenderer(sources: [Self.file: "x"]).render(.warning("w", at: nil, help: "h")) == "warning: w\n   = help: h")
    }

    @Test("a list renders each diagnostic in turn")
    func list() {
        let renderer = DiagnosticRenderer(sources: [Self.file: "a: 1\nb: 2"])
        let list = DiagnosticList([
            .error("first", at: SourceSpan(file: Self.file, line: 1, column: 4)),
            .warning("second", at: SourceSpan(file: Self.file, line: 2, column: 1), help: "h"),
        ])
        #expect(renderer.render(list) == """
            policy.yaml:1:4: error: first
               | a: 1
               |    ^
            policy.yaml:2:1: warning: second
               | b: 2
               | ^
               = help: h
            """)
    }
}
