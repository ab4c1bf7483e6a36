import PolicyModel

extension Diagnostic {
    /// An error found checking a policy, with its help, both from `CheckMessage`.
    static func error(_ message: CheckMessage, at span: SourceSpan?, help: CheckMessage? = nil) -> Diagnostic {
        Diagnostic(.error, .check(message), at: span, help: help.map { .check($0) })
    }

    /// A warning found checking a policy.
    static func warning(_ message: CheckMessage, at span: SourceSpan?, help: CheckMessage? = nil) -> Diagnostic {
        Diagnostic(.warning, .check(message), at: span, help: help.map { .check($0) })
    }
}

extension Suggestion {
    /// The suggestion as a check's help line.
    var help: CheckMessage { .suggestion(self) }
}
