import CarePolicy
import PolicyModel
import Testing
import TestSupport

/// A policy file with a byte that is not UTF-8 or a NUL is refused at that byte's line
/// and column, in whichever file holds it, with the line shown (the bad byte as U+FFFD,
/// a control character as its picture).
@Suite("Policy file text")
struct PolicyFileTextTests {
    @Test("a byte that is not UTF-8 in an included file is located in that file")
    func invalidByteInInclude() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let fragment = try folder.write("sub/bad.yaml", bytes: Array("inputs:\n  标记: {type: bool, label: 坏".utf8) + [0xFF] + Array("}\n".utf8))
        let path = try folder.write("p.yaml", PolicyFolder.policy("  - sub/bad.yaml\n"))
        let error = try #require(loadRefusal(path))
        #expect(error.diagnostics.en == [.error("the file is not UTF-8 text: the byte here is not part of a UTF-8 character",
                                                  at: SourceSpan(file: fragment, line: 2, column: 28), help: "save the file as UTF-8 text")])
        #expect(error.rendered.contains("   |   标记: {type: bool, label: 坏\u{FFFD}}"))
    }

    @Test("a NUL byte is located at its line and column and shown as ␀")
    func nulByte() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let path = try folder.write("p.yaml", PolicyFolder.policy("", decisions: "decisions:\n  d:\n    type: bool\n    value: \"tr\u{0}ue\"\n"))
        let error = try #require(loadRefusal(path))
        #expect(error.diagnostics.en == [.error("the file holds a NUL byte (U+0000), which a policy file cannot contain",
                                                  at: SourceSpan(file: path, line: 7, column: 15), help: "remove it: a policy file is plain UTF-8 text")])
        #expect(error.rendered.contains("   |     value: \"tr␀ue\"\n   |               ^"))
    }
}
