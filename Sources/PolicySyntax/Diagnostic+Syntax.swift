import PolicyModel

extension Diagnostic {
    /// An error of reading a policy file, with its help, both from `SyntaxMessage`.
    static func error(_ message: SyntaxMessage, at span: SourceSpan?, help: SyntaxMessage? = nil) -> Diagnostic {
        Diagnostic(.error, .syntax(message), at: span, help: help.map { .syntax($0) })
    }
}
