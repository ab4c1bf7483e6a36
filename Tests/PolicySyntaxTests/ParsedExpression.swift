import PolicyModel
import PolicySyntax
import TestSupport

/// Parses expression text as if written in `policy.yaml` at line 4, column 11
/// (after `    when: `), so spans can be checked against real columns.
enum ParsedExpression {
    static let file = "policy.yaml"
    static let line = 4
    static let column = 11

    static func scalar(_ text: String) -> YAMLScalar {
        YAMLScalar(text: text, span: SourceSpan(file: file, line: line, column: column, length: text.unicodeScalars.count), style: .plain)
    }

    static func parse(_ text: String) throws(Diagnostic) -> ExpressionSyntax {
        try ExpressionParser.parse(scalar(text)).syntax
    }

    static func outline(_ text: String) throws(Diagnostic) -> String {
        try parse(text).outline
    }

    /// The diagnostic for text that does not parse, in English; nil if it parses.
    static func failure(_ text: String) -> ShownDiagnostic? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.en
        }
    }

    /// The span `offset` scalars into the text, `length` long.
    static func span(_ offset: Int, _ length: Int) -> SourceSpan {
        SourceSpan(file: file, line: line, column: column + offset, length: length)
    }
}
