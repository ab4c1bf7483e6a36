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
            throw DiagnosticList([.error(.fileTooLarge(bytes: text.utf8.count, limit: limits.maximumBytes), at: start, help: .splitPolicyFile)])
        }
        if let refused = PolicyText.firstRefusedCharacter(in: text, file: file) { throw DiagnosticList([refused]) }
        if let deep = FlowNestingScan.firstPlaceDeeperThan(limits.maximumDepth, in: text, file: file) {
            throw DiagnosticList([.error(.nestsTooDeep(limit: limits.maximumDepth), at: deep, help: .flattenStructure)])
        }
        let parser: Parser
        let root: Node?
        do {
            // The parser owns the anchors; nodes hold them weakly, so keep it alive while converting.
            parser = try Parser(yaml: text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw DiagnosticList([YAMLReader.diagnostic(for: error, file: file, text: text)])
        } catch {
            throw DiagnosticList([.error(.invalidYAML(YAMLProblem(context: nil, problem: "\(error)")), at: start)])
        }
        guard let root else {
            throw DiagnosticList([.error(.fileEmpty, at: start, help: .startWithPolicySection)])
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

    /// The diagnostic for what the YAML parser refused: at the line whose indentation slipped,
    /// when one did (`IndentationScan`), else where the parser stopped.
    static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        if let slip = slip(for: error, in: text) {
            return .error(.misindented(found: slip.column, expected: slip.expected), at: SourceSpan(file: file, line: slip.line, column: slip.column),
                          help: .indentHelp(line: slip.line, expected: slip.expected))
        }
        return diagnostic(for: error, file: file)
    }

    static func slip(for error: YamlError, in text: String) -> IndentationScan.Slip? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return IndentationScan.firstSlip(in: text, upTo: mark.line)
        case .duplicatedKeysInMapping(let duplicates, _):
            return duplicates.lazy.compactMap { IndentationScan.slip(duplicating: $0, in: text) }.first
        default:
            return nil
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let detail = context?.text.trimmingTrailingSpace
            let inFlow = detail.map { $0.contains("flow sequence") || $0.contains("flow mapping") } ?? false
            return .error(.invalidYAML(YAMLProblem(context: detail, problem: problem.trimmingTrailingSpace)), at: SourceSpan(file: file, line: mark.line, column: mark.column),
                          help: inFlow ? .quoteInsideFlow : .checkIndentation)
        case .composer(let context, let problem, let mark, _):
            return .error(.invalidYAML(YAMLProblem(context: context?.text.trimmingTrailingSpace, problem: problem.trimmingTrailingSpace)),
                          at: SourceSpan(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.duplicateKeys(duplicates), at: SourceSpan(file: file, line: context.mark.line, column: context.mark.column), help: .keepOneKey)
        case .reader(let problem, _, _, _):
            return .error(.unreadableYAML(problem), at: SourceSpan(file: file, line: 1, column: 1), help: .saveAsUTF8)
        default:
            return .error(.invalidYAML(YAMLProblem(context: nil, problem: "\(error)")), at: SourceSpan(file: file, line: 1, column: 1))
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
