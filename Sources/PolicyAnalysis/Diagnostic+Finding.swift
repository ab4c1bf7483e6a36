import PolicyModel

extension Diagnostic {
    /// A finding of the analysis, with its help, both from `FindingMessage`.
    static func finding(_ severity: Severity, _ message: FindingMessage, at span: SourceSpan?, help: FindingMessage? = nil) -> Diagnostic {
        Diagnostic(severity, .finding(message), at: span, help: help.map { .finding($0) })
    }
}

extension ExamplePerson {
    /// The person as a message shows it: the facts that matter, as JSON, on the date.
    var text: ExampleText {
        shown.isEmpty ? .anyPerson(date: "\(date)") : .facts(json(onlyShown: true), date: "\(date)")
    }
}
