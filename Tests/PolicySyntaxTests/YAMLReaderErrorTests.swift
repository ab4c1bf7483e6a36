import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// Invalid YAML becomes one diagnostic with a place and, where it helps, advice.
@Suite("YAMLReader errors")
struct YAMLReaderErrorTests {
    typealias R = ReadYAML

    static let flowHelp = "inside `[…]` or `{…}`, a condition that itself contains `[`, `]`, `{`, `}` or `,` must be quoted; or write the conditions one per line as a `- ` list"
    static let indentHelp = "check the indentation and that every `key:` is followed by a space"

    @Test("a key written twice in one mapping", arguments: [
        ("a: 1\na: 2\n", 1, 1),
        ("top:\n  a: 1\n  b: 2\n  a: 3\n", 2, 3),
    ])
    func duplicateKeys(_ text: String, _ line: Int, _ column: Int) {
        #expect(R.diagnostics(text) == [.error("a key is written twice in the same mapping: `a`", at: R.span(line, column), help: "keep one of them")])
    }

    @Test("unclosed flow collections get the advice about quoting conditions", arguments: [
        ("a: [1, 2\n", "while parsing a flow sequence did not find expected ',' or ']'"),
        ("a: {x: 1\n", "while parsing a flow mapping did not find expected ',' or '}'"),
    ])
    func unclosedFlow(_ text: String, _ problem: String) {
        #expect(R.diagnostics(text) == [.error("the file is not valid YAML: \(problem)", at: R.span(2, 1), help: Self.flowHelp)])
    }

    @Test("other syntax errors get the advice about indentation", arguments: [
        ("a: b: c\n", 1, 5, "mapping values are not allowed in this context"),
        ("a:\n\tb: 1\n", 2, 1, "while scanning for the next token found character that cannot start any token"),
        ("a: \"unterminated\n", 2, 1, "while scanning a quoted scalar found unexpected end of stream"),
        ("- a\nb: 1\n", 2, 1, "while parsing a block collection did not find expected '-' indicator"),
    ])
    func syntaxErrors(_ text: String, _ line: Int, _ column: Int, _ problem: String) {
        #expect(R.diagnostics(text) == [.error("the file is not valid YAML: \(problem)", at: R.span(line, column), help: Self.indentHelp)])
    }

    @Test("more than one document is refused")
    func twoDocuments() {
        #expect(R.diagnostics("a: 1\n---\nb: 2\n") == [
            .error("the file is not valid YAML: expected a single document in the stream but found another document", at: R.span(2, 1)),
        ])
    }

    @Test("an empty file, or one with only comments, is empty", arguments: ["", "\n\n", "# only a comment\n"])
    func empty(_ text: String) {
        #expect(R.diagnostics(text) == [.error("the file is empty", at: R.span(1, 1), help: "a policy file starts with a `policy:` section")])
    }

    @Test("a key must be a plain name, not a list or mapping")
    func complexKey() {
        #expect(R.diagnostics("? [a, b]\n: 1\n") == [.error("a key must be a plain name", at: R.span(1, 3), help: "write `name: value`")])
    }
}
