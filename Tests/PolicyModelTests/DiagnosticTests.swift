import PolicyModel
import Testing

@Suite("SourceSpan, Diagnostic and DiagnosticList")
struct DiagnosticTests {
    static let span = SourceSpan(file: "policies/anqing.yaml", line: 42, column: 7, length: 12)

    @Test("a span reads file:line:column")
    func spanDescription() {
        #expect(Self.span.description == "policies/anqing.yaml:42:7")
    }

    @Test("a span covers at least one column")
    func minimumLength() {
        #expect(SourceSpan(file: "f", line: 1, column: 1, length: 0).length == 1)
        #expect(SourceSpan(file: "f", line: 1, column: 1, length: -3).length == 1)
        #expect(SourceSpan(file: "f", line: 1, column: 1).length == 1)
    }

    @Test("shifting moves right on the same line and sets the length")
    func shifted() {
        #expect(Self.span.shifted(by: 3, length: 2) == SourceSpan(file: "policies/anqing.yaml", line: 42, column: 10, length: 2))
        #expect(Self.span.shifted(by: 0, length: 0).length == 1)
    }

    @Test("a diagnostic reads location, severity and message on one line, Chinese by default")
    func diagnosticDescription() {
        let unknown = Diagnostic.error(.check(.unknownName("abilty_level")), at: Self.span)
        #expect(unknown.description == "policies/anqing.yaml:42:7: 错误：未知的名称 `abilty_level`")
        #expect(unknown.line(.en) == "policies/anqing.yaml:42:7: error: unknown name `abilty_level`")
        let empty = Diagnostic.warning(.syntax(.fileEmpty), at: nil)
        #expect(empty.line(.en) == "warning: the file is empty")
        #expect(empty.description == "警告：文件是空的")
        #expect(Diagnostic(.warning, .syntax(.fileEmpty), at: Self.span, help: .syntax(.keepOneKey)) == .warning(.syntax(.fileEmpty), at: Self.span, help: .syntax(.keepOneKey)))
    }

    @Test("a list keeps errors and warnings apart, in order")
    func list() {
        let (w1, e1, w2, e2): (Message, Message, Message, Message) = (.syntax(.fileEmpty), .syntax(.notUTF8), .syntax(.anchorsNotAllowed), .syntax(.keyNotPlainName))
        var list = DiagnosticList([.warning(w1, at: nil)])
        #expect(!list.hasErrors)
        list.append(.error(e1, at: Self.span))
        list.append(contentsOf: DiagnosticList([.warning(w2, at: nil), .error(e2, at: nil)]))
        #expect(list.hasErrors)
        #expect(list.errors.map(\.message) == [e1, e2])
        #expect(list.warnings.map(\.message) == [w1, w2])
        #expect(list.lines(.en) == """
            warning: the file is empty
            policies/anqing.yaml:42:7: error: the file is not UTF-8 text: the byte here is not part of a UTF-8 character
            warning: anchors and aliases (`&name`, `*name`) are not allowed in policy files
            error: a key must be a plain name
            """)
    }
}
