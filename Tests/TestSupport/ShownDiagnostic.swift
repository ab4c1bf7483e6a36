import PolicyModel

/// A diagnostic as a person reads it in one language — severity, text, place, help —
/// so a test can compare the exact words of a message (in English unless asked
/// otherwise) the way they are rendered.
public struct ShownDiagnostic: Equatable, Sendable, CustomStringConvertible {
    public let severity: Diagnostic.Severity
    public let message: String
    public let span: SourceSpan?
    public let help: String?

    public init(_ severity: Diagnostic.Severity, _ message: String, at span: SourceSpan?, help: String? = nil) {
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
    }

    public init(_ diagnostic: Diagnostic, _ language: Language = .en) {
        self.init(diagnostic.severity, diagnostic.text(language), at: diagnostic.span, help: diagnostic.helpText(language))
    }

    public static func error(_ message: String, at span: SourceSpan?, help: String? = nil) -> ShownDiagnostic {
        ShownDiagnostic(.error, message, at: span, help: help)
    }

    public static func warning(_ message: String, at span: SourceSpan?, help: String? = nil) -> ShownDiagnostic {
        ShownDiagnostic(.warning, message, at: span, help: help)
    }

    public var description: String { "\(span.map { "\($0): " } ?? "")\(severity.rawValue): \(message)\(help.map { " (help: \($0))" } ?? "")" }
}

extension Diagnostic {
    /// The diagnostic as an English reader sees it.
    public var en: ShownDiagnostic { ShownDiagnostic(self, .en) }
    /// The diagnostic as a Chinese reader sees it.
    public var zh: ShownDiagnostic { ShownDiagnostic(self, .zhCN) }
}

extension DiagnosticList {
    /// Every diagnostic as an English reader sees it.
    public var en: [ShownDiagnostic] { all.map(\.en) }
}
