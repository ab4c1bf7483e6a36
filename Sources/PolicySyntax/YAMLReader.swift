import PolicyModel
import Yams

/// Reads YAML text into `YAMLNode`s, refusing what a policy file never needs and a
/// hostile file could abuse: anchors and aliases (alias bombs), tags, very deep
/// nesting, very large files and documents with too many nodes.
package struct YAMLReader: Sendable {
    /// Limits on what one file may contain.
    package struct Limits: Sendable {
        package var maximumBytes = 4 << 20
        package var maximumDepth = 64
        package var maximumNodes = 500_000

        package init() {}
    }

    package var limits = Limits()

    package init() {}

    /// The document in `text`, read from `file` (used in spans).
    package func read(_ text: String, file: String) throws(DiagnosticList) -> YAMLNode {
        // CRLF line ends become LF: "\r\n" is one Character, which line scans would miss.
        // Columns do not move, since the carriage return only ever ends a line.
        let text = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let start = SourceSpan(file: file, line: 1, column: 1)
        if text.utf8.count > limits.maximumBytes {
            throw DiagnosticList([.error("the file is \(text.utf8.count) bytes; a policy file may be at most \(limits.maximumBytes) bytes", at: start,
                                         help: "split the policy into a base file and `include`d parts")])
        }
        if let refused = PolicyText.firstRefusedCharacter(in: text, file: file) { throw DiagnosticList([refused]) }
        if let deep = FlowNestingScan.firstPlaceDeeperThan(limits.maximumDepth, in: text, file: file) {
            throw DiagnosticList([.error("the document nests more than \(limits.maximumDepth) levels deep", at: deep,
                                         help: "a policy never needs this much nesting; flatten the structure")])
        }
        let parser: Parser
        let root: Node?
        do {
            // The parser owns the anchors; nodes hold them weakly, so keep it alive while converting.
            parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw DiagnosticList([YAMLReader.diagnostic(for: error, file: file)])
        } catch {
            throw DiagnosticList([.error("the file is not valid YAML: \(error)", at: start)])
        }
        guard let root else {
            throw DiagnosticList([.error("the file is empty", at: start, help: "a policy file starts with a `policy:` section")])
        }
        var converter = NodeConverter(file: file, source: text, limits: limits)
        let converted: YAMLNode
        do {
            converted = try converter.convert(root, depth: 0)
        } catch {
            withExtendedLifetime(parser) {}
            throw error
        }
        withExtendedLifetime(parser) {}
        return converted
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            let inFlow = detail.contains("flow sequence") || detail.contains("flow mapping")
            return .error("the file is not valid YAML: \(detail)\(problem)".trimmingTrailingSpace, at: SourceSpan(file: file, line: mark.line, column: mark.column),
                          help: inFlow ? "inside `[…]` or `{…}`, a condition that itself contains `[`, `]`, `{`, `}` or `,` must be quoted; or write the conditions one per line as a `- ` list"
                                       : "check the indentation and that every `key:` is followed by a space")
        case .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return .error("the file is not valid YAML: \(detail)\(problem)".trimmingTrailingSpace, at: SourceSpan(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("a key is written twice in the same mapping: \(duplicates.map { "`\($0)`" }.joined(separator: ", "))",
                          at: SourceSpan(file: file, line: context.mark.line, column: context.mark.column), help: "keep one of them")
        case .reader(let problem, _, _, _):
            return .error("the file cannot be read as YAML: \(problem)", at: SourceSpan(file: file, line: 1, column: 1),
                          help: "save the file as UTF-8 text")
        default:
            return .error("the file is not valid YAML: \(error)", at: SourceSpan(file: file, line: 1, column: 1))
        }
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
