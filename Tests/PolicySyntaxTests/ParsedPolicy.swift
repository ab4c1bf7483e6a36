import PolicyModel
import PolicySyntax
import TestSupport

/// Parses policy text as `policy.yaml`.
enum ParsedPolicy {
    static let file = "policy.yaml"

    static func parse(_ text: String) throws(DiagnosticList) -> PolicyFile {
        try PolicyFileParser.parse(text, path: file)
    }

    /// Every diagnostic for text that does not parse, in English; nil if it parses.
    static func diagnostics(_ text: String) -> [ShownDiagnostic]? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.en
        }
    }

    static func span(_ line: Int, _ column: Int, _ length: Int = 1) -> SourceSpan {
        SourceSpan(file: file, line: line, column: column, length: length)
    }

    static func error(_ message: String, _ line: Int, _ column: Int, _ length: Int = 1, help: String? = nil) -> ShownDiagnostic {
        .error(message, at: span(line, column, length), help: help)
    }
}
