import PolicyModel
import PolicySyntax
import Testing
import TestSupport

/// A line indented too deep or too shallow is reported on that line, with the column it
/// belongs at and a word about indentation (缩进), not where the YAML parser gave up.
@Suite struct IndentationSlipTests {
    static let file = "policy.yaml"

    static func refusal(_ text: String) -> Diagnostic? {
        do {
            _ = try YAMLReader().read(text, file: file)
            return nil
        } catch {
            return error.all.first
        }
    }

    /// `parameters` with two entries, the second written at `indent` spaces.
    static func parameters(secondAt indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return """
            parameters:
              hourly_rate_cny:
                type: decimal
                label: 每小时标准
                timeline:
                  - from: 2019-01-01
                    value: 8.00
            \(pad)free_monthly_hours:
                value: 20
                label: 每月服务小时数

            """
    }

    @Test("a declaration two spaces too deep joins the mapping above: reported on its own line, not as a key written twice")
    func declarationTooDeep() throws {
        let diagnostic = try #require(Self.refusal(Self.parameters(secondAt: 4)))
        #expect(diagnostic.en == .error("this line is indented to column 5, but the lines around it are at column 3",
                                        at: SourceSpan(file: Self.file, line: 8, column: 5),
                                        help: "indentation decides what a line belongs to: start line 8 at column 3, level with the keys it sits among"))
        #expect(diagnostic.text(.zhCN) == "这一行的缩进不对：它从第 5 列开始，而周围的行从第 3 列开始")
        #expect(diagnostic.helpText(.zhCN) == "缩进决定一行属于哪一部分：把第 8 行改为从第 3 列开始，与同一层的键对齐")
        #expect(Self.refusal(Self.parameters(secondAt: 2)) == nil)
    }

    @Test("a line too shallow under an empty key, followed by deeper lines")
    func childTooShallow() throws {
        let text = "parameters:\n  free_monthly_hours:\n  value: 20\n    label: 小时数\n"
        let diagnostic = try #require(Self.refusal(text))
        #expect(diagnostic.span == SourceSpan(file: Self.file, line: 3, column: 3))
        #expect(diagnostic.message == .syntax(.misindented(found: 3, expected: [5])))
    }

    @Test("a line too deep after a line that holds a value")
    func lineTooDeep() throws {
        let text = "parameters:\n  free_monthly_hours:\n    value: 20\n      label: 小时数\n"
        let diagnostic = try #require(Self.refusal(text))
        #expect(diagnostic.span == SourceSpan(file: Self.file, line: 4, column: 7))
        #expect(diagnostic.message == .syntax(.misindented(found: 7, expected: [5])))
    }

    @Test("a line dedented to a column no enclosing block uses")
    func dedentToNowhere() throws {
        let text = "parameters:\n  free_monthly_hours:\n    value: 20\n   label: 小时数\n    source: 文件\n"
        let diagnostic = try #require(Self.refusal(text))
        #expect(diagnostic.span == SourceSpan(file: Self.file, line: 4, column: 4))
        #expect(diagnostic.message == .syntax(.misindented(found: 4, expected: [5])))
    }

    @Test("a key really written twice is still reported as one")
    func genuineDuplicate() throws {
        let diagnostic = try #require(Self.refusal("policy:\n  id: a\n  id: b\n"))
        #expect(diagnostic.message == .syntax(.duplicateKeys(["id"])))
    }

    @Test("comments, block text and flow lists do not count as structure")
    func ignoresText() {
        let text = "a:\n  note: |\n      free text\n    more\n  # a comment at column 3\n  list: [1,\n     2]\n  b: 1\n"
        #expect(IndentationScan.firstSlip(in: text, upTo: 100) == nil)
    }
}
