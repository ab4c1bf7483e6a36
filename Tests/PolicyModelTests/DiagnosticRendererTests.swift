import PolicyModel
import Testing

/// Golden renderings: location, source line, caret (full-width padding under Chinese) and help.
@Suite("DiagnosticRenderer")
struct DiagnosticRendererTests {
    static let file = "policy.yaml"

    /// "the file is empty": a message with no arguments, for tests about the rest of the rendering.
    static let m = Message.syntax(.fileEmpty)
    /// "a policy file starts with a `policy:` section"
    static let h = Message.syntax(.startWithPolicySection)

    static func render(_ source: String, line: Int, column: Int, length: Int, message: Message = m, help: Message? = nil,
                       language: Language = .en) -> String {
        let diagnostic = Diagnostic.error(message, at: SourceSpan(file: file, line: line, column: column, length: length), help: help)
        return DiagnosticRenderer(sources: [file: source], language: language).render(diagnostic)
    }

    static let unknownName = "decisions:\n  tier:\n    rules:\n      - when: abilty_level >= 2\n        then: free\n"

    @Test("an unknown name with its line, carets and help")
    func styleGuideExample() {
        let rendered = Self.render(Self.unknownName, line: 4, column: 15, length: 12, message: .check(.unknownName("abilty_level")),
                                   help: .check(.suggestion(.didYouMean("ability_level"))))
        #expect(rendered == """
            policy.yaml:4:15: error: unknown name `abilty_level`
               |       - when: abilty_level >= 2
               |               ^^^^^^^^^^^^
               = help: did you mean `ability_level`?
            """)
    }

    @Test("in Chinese, the default, the severity and the help line are Chinese too")
    func chineseByDefault() {
        let diagnostic = Diagnostic.error(.check(.unknownName("abilty_level")), at: SourceSpan(file: Self.file, line: 4, column: 15, length: 12),
                                          help: .check(.suggestion(.didYouMean("ability_level"))))
        #expect(DiagnosticRenderer(sources: [Self.file: Self.unknownName]).render(diagnostic) == """
            policy.yaml:4:15: 错误：未知的名称 `abilty_level`
               |       - when: abilty_level >= 2
               |               ^^^^^^^^^^^^
               = 建议：您是不是要写 `ability_level`？
            """)
    }

    @Test("the files a problem in a shared file affects are listed under it")
    func affectedFiles() {
        let diagnostic = Diagnostic(.error, Self.m, at: SourceSpan(file: Self.file, line: 1, column: 1), affectedFiles: ["a.yaml", "b.yaml"])
        #expect(DiagnosticRenderer(language: .en).render(diagnostic) == """
            policy.yaml:1:1: error: the file is empty
               = the problem also affects the 2 files that include or extend this one: a.yaml, b.yaml
            """)
        #expect(DiagnosticRenderer().render(diagnostic) == """
            policy.yaml:1:1: 错误：文件是空的
               = 这个问题也影响引用或扩展这个文件的 2 个文件：a.yaml、b.yaml
            """)
    }

    @Test("the caret is padded with full-width spaces under Chinese text")
    func chinesePadding() {
        let source = "title: 安庆市 养老 policy"
        #expect(Self.render(source, line: 1, column: 15, length: 6) == """
            policy.yaml:1:15: error: the file is empty
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
        #expect(Self.render("ab", line: 1, column: 10, length: 3) == "policy.yaml:1:10: error: the file is empty\n   | ab\n   |   ^")
    }

    @Test("a file with CRLF line ends shows its line, without the carriage return")
    func carriageReturn() {
        #expect(Self.render("a: 1\r\nb: x\r\n", line: 2, column: 4, length: 1) == "policy.yaml:2:4: error: the file is empty\n   | b: x\n   |    ^")
    }

    @Test("a carriage return ending the last line is not shown")
    func trailingCarriageReturn() {
        #expect(Self.render("a: 1\nb: x\r", line: 2, column: 4, length: 1) == "policy.yaml:2:4: error: the file is empty\n   | b: x\n   |    ^")
    }

    @Test("without source text, a line that does not exist or a span, only the message and help")
    func withoutSource() {
        let span = SourceSpan(file: Self.file, line: 3, column: 1)
        let help = "   = help: a policy file starts with a `policy:` section"
        #expect(DiagnosticRenderer(language: .en).render(.error(Self.m, at: span, help: Self.h)) == "policy.yaml:3:1: error: the file is empty\n" + help)
        #expect(Self.render("one line", line: 5, column: 1, length: 1) == "policy.yaml:5:1: error: the file is empty")
        #expect(DiagnosticRenderer(sources: [Self.file: "x"], language: .en).render(.warning(Self.m, at: nil, help: Self.h)) == "warning: the file is empty\n" + help)
    }

    @Test("a list renders each diagnostic in turn")
    func list() {
        let renderer = DiagnosticRenderer(sources: [Self.file: "a: 1\nb: 2"], language: .en)
        let list = DiagnosticList([
            .error(.syntax(.fileEmpty), at: SourceSpan(file: Self.file, line: 1, column: 4)),
            .warning(.syntax(.keyNotPlainName), at: SourceSpan(file: Self.file, line: 2, column: 1), help: .syntax(.writeNameValue)),
        ])
        #expect(renderer.render(list) == """
            policy.yaml:1:4: error: the file is empty
               | a: 1
               |    ^
            policy.yaml:2:1: warning: a key must be a plain name
               | b: 2
               | ^
               = help: write `name: value`
            """)
    }
}
