/// A problem found in a policy file, with where it is and what to do about it.
///
/// Messages follow one style: lowercase, no final period, user input in backticks,
/// advice in `help`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Information a policy officer should see, not a problem (the order of rules decides).
        case note
    }

    public let severity: Severity
    public let message: String
    public let span: SourceSpan?
    public let help: String?

    public init(_ severity: Severity = .error, _ message: String, at span: SourceSpan?, help: String? = nil) {
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
    }

    public static func error(_ message: String, at span: SourceSpan?, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: span, help: help)
    }

    public static func warning(_ message: String, at span: SourceSpan?, help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: span, help: help)
    }

    /// `file:line:col: error: message` — one line, for logs and tests.
    public var description: String {
        let location = span.map { "\($0): " } ?? ""
        return "\(location)\(severity.rawValue): \(message)"
    }
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

    public var description: String { all.map(\.description).joined(separator: "\n") }
}
