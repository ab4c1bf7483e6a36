import TestSupport
import PolicyModel
import PolicySyntax
import Testing

/// A byte that is not UTF-8, a NUL or another control character is reported at its own
/// line and column (counted in Unicode scalars, one per Chinese character), not at 1:1.
@Suite("Policy text")
struct PolicyTextTests {
    typealias R = ReadYAML

    static let help = "remove it: a policy file is plain UTF-8 text"

    @Test("a character YAML refuses is located where it is", arguments: [
        ("policy:\n  id: a\u{0}b\n", 2, 8, "a NUL byte (U+0000)"),
        ("a: 1\n标题: 安庆\u{7}\n", 2, 7, "the control character U+0007"),
        ("a: \"x\u{1B}[31m\"\n", 1, 6, "the control character U+001B"),
        ("a: 1\r\nb: \u{7F}\r\n", 2, 4, "the control character U+007F"),
        ("a: \u{FFFE}\n", 1, 4, "the character U+FFFE"),
    ])
    func refusedCharacters(_ text: String, _ line: Int, _ column: Int, _ what: String) {
        #expect(R.diagnostics(text) == [.error("the file holds \(what), which a policy file cannot contain", at: R.span(line, column), help: Self.help)])
    }

    @Test("tabs, line ends, Chinese text and emoji are text")
    func allowedCharacters() {
        #expect(R.diagnostics("a: \"\t安庆 😀\"\r\nb: 1\n") == nil)
    }

    @Test("a byte that is not UTF-8 is located at its line and column", arguments: [
        ([0x61, 0x3A, 0x20, 0xFF], 1, 4),
        (Array("a: 1\n标题: 安".utf8) + [0xC3, 0x28], 2, 6),
        (Array("a: 1\nb: 2\n  c: ".utf8) + [0xED, 0xA0, 0x80], 3, 6),
        (Array("x".utf8) + [0xE5, 0xAE], 1, 2),
    ])
    func invalidUTF8(_ bytes: [UInt8], _ line: Int, _ column: Int) {
        do {
            _ = try PolicyText.decode(bytes, file: "p.yaml")
            Issue.record("decoded")
        } catch {
            #expect(error.en == [.error("the file is not UTF-8 text: the byte here is not part of a UTF-8 character",
                                         at: SourceSpan(file: "p.yaml", line: line, column: column), help: "save the file as UTF-8 text")])
        }
    }

    @Test("valid UTF-8 decodes to its text")
    func validUTF8() throws {
        #expect(try PolicyText.decode(Array("标题: 安庆\n".utf8), file: "p.yaml") == "标题: 安庆\n")
    }
}
