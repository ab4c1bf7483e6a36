/// Renders diagnostics as a policy officer reads them: the location, the source line,
/// a caret under the problem (full-width padding under Chinese text) and a help line.
///
/// ```text
/// policies/anqing.yaml:42:19: 错误：未知的名称 `abilty_level`
///    |       when: abilty_level >= 2
///    |             ^^^^^^^^^^^^
///    = 建议：您是不是要写 `ability_level`？
/// ```
public struct DiagnosticRenderer: Sendable {
    /// The text of each file by the name used in spans.
    public var sources: [String: String]
    /// The language of the messages.
    public var language: Language

    public init(sources: [String: String] = [:], language: Language = .standard) {
        self.sources = sources
        self.language = language
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.line(language)]
        if let span = diagnostic.span, let text = sources[span.file], let line = Self.line(span.line, of: text) {
            let scalars = Array(line.unicodeScalars)
            let start = min(max(span.column - 1, 0), scalars.count)
            var padding = ""
            for scalar in scalars[0..<start] {
                padding += scalar == "\t" ? "\t" : (Self.isWide(scalar) ? "\u{3000}" : " ")
            }
            var caretCount = 0
            let end = min(start + span.length, scalars.count)
            for scalar in scalars[start..<max(end, start)] { caretCount += Self.isWide(scalar) ? 2 : 1 }
            lines.append("   | \(Self.visible(scalars))")
            lines.append("   | \(padding)\(String(repeating: "^", count: max(caretCount, 1)))")
        }
        let separator = language == .zhCN ? "：" : ": "
        if let help = diagnostic.help {
            lines.append("   = \(Message.common(.helpLabel).text(language))\(separator)\(help.text(language))")
        }
        if !diagnostic.affectedFiles.isEmpty {
            lines.append("   = \(Message.common(.affectedFiles(diagnostic.affectedFiles)).text(language))")
        }
        return lines.joined(separator: "\n")
    }

    public func render(_ list: DiagnosticList) -> String {
        list.all.map(render).joined(separator: "\n")
    }

    static func line(_ number: Int, of text: String) -> String? {
        var current = 1
        // Split on the scalar: in a CRLF file "\r\n" is one Character, never equal to "\n".
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line)) }
            current += 1
        }
        return nil
    }

    /// The line with control characters shown as their pictures (`␀` for NUL), one
    /// column each, so the caret stays under them and the terminal is left alone.
    static func visible(_ scalars: [Unicode.Scalar]) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar.value {
            case 0x09: text.append(scalar)
            case 0x00..<0x20: text.append(Unicode.Scalar(0x2400 + scalar.value) ?? scalar)
            case 0x7F: text.append("\u{2421}")
            case 0x80..<0xA0: text.append("\u{FFFD}")
            default: text.append(scalar)
            }
        }
        return String(text)
    }

    /// East Asian wide characters take two columns in a terminal.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
