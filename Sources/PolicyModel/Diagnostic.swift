/// A problem found in a policy file, with where it is and what to do about it.
///
/// The message and help are keys with typed arguments (`Message`), rendered in the
/// language asked for only when shown. Messages follow one style: lowercase, no final
/// period, user input in backticks, advice in `help`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Information a policy officer should see, not a problem (the order of rules decides).
        case note
    }

    public let severity: Severity
    public let message: Message
    public let span: SourceSpan?
    public let help: Message?
    /// The other files the problem affects: those that include or extend the file it is in.
    public var affectedFiles: [String]

    public init(_ severity: Severity = .error, _ message: Message, at span: SourceSpan?, help: Message? = nil, affectedFiles: [String] = []) {
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
        self.affectedFiles = affectedFiles
    }

    public static func error(_ message: Message, at span: SourceSpan?, help: Message? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: span, help: help)
    }

    public static func warning(_ message: Message, at span: SourceSpan?, help: Message? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: span, help: help)
    }

    /// `file:line:col: 错误：message` — one line, for logs and tests, in `language`.
    public func line(_ language: Language) -> String {
        let location = span.map { "\($0): " } ?? ""
        let label = Message.common(.severity(severity)).text(language)
        return "\(location)\(label)\(language == .zhCN ? "：" : ": ")\(message.text(language))"
    }

    /// The message text in `language`.
    public func text(_ language: Language) -> String { message.text(language) }

    /// The help text in `language`, if any.
    public func helpText(_ language: Language) -> String? { help?.text(language) }

    /// The same diagnostic with `transform` applied to its message (a suffix, a wrapper).
    public func with(message: Message) -> Diagnostic {
        Diagnostic(severity, message, at: span, help: help, affectedFiles: affectedFiles)
    }

    /// The same diagnostic at another place (an uploaded file renamed to its target).
    public func moved(to span: SourceSpan?) -> Diagnostic {
        Diagnostic(severity, message, at: span, help: help, affectedFiles: affectedFiles)
    }

    /// The one-line form in Chinese, the default language.
    public var description: String { line(.standard) }
}

/// Every diagnostic a check produced, errors and warnings kept apart.
public struct DiagnosticList: Sendable, Error, CustomStringConvertible {
    public var all: [Diagnostic]

    public init(_ all: [Diagnostic] = []) { self.all = all }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var notes: [Diagnostic] { all.filter { $0.severity == .note } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.count { $0.severity == .error } }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: DiagnosticList) { all.append(contentsOf: other.all) }

    /// One line per diagnostic, in `language`.
    public func lines(_ language: Language) -> String { all.map { $0.line(language) }.joined(separator: "\n") }

    public var description: String { lines(.standard) }
}
