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

    @Test("a diagnostic reads location, severity and message on one line")
    func diagnosticDescription() {
        #expect(Diagnostic.error("unknown fact `abilty_level`", at: Self.span).description
                == "policies/anqing.yaml:42:7: error: unknown fact `abilty_level`")
        #expect(Diagnostic.warning("rule `r2` can never match", at: nil).description == "warning: rule `r2` can never match")
        #expect(Diagnostic(.warning, "m", at: Self.span, help: "h") == .warning("m", at: Self.span, help: "h"))
    }

    @Test("a list keeps errors and warnings apart, in order")
    func list() {
        var list = DiagnosticList([.warning("w1", at: nil)])
        #expect(!list.hasErrors)
        list.append(.error("e1", at: Self.span))
        list.append(contentsOf: DiagnosticList([.warning("w2", at: nil), .error("e2", at: nil)]))
        #expect(list.hasErrors)
        #expect(list.errors.map(\.message) == ["e1", "e2"])
        #expect(list.warnings.map(\.message) == ["w1", "w2"])
        #expect(list.description == "warning: w1\npolicies/anqing.yaml:42:7: error: e1\nwarning: w2\nerror: e2")
    }
}
