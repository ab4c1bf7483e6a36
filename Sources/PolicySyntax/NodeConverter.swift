import PolicyModel
import Yams

/// Converts Yams nodes to `YAMLNode`s once, at the boundary: marks become spans,
/// scalars stay text (with where each stretch of it is written), and anchors, aliases,
/// tags and non-text keys are refused.
struct NodeConverter {
    let file: String
    let source: SourceText
    let limits: YAMLReader.Limits
    var nodeCount = 0

    init(file: String, source: String, limits: YAMLReader.Limits) {
        self.file = file
        self.source = SourceText(source)
        self.limits = limits
    }

    mutating func convert(_ node: Node, depth: Int) throws(DiagnosticList) -> YAMLNode {
        nodeCount += 1
        let span = self.span(node.mark)
        if nodeCount > limits.maximumNodes {
            throw DiagnosticList([.error(.tooManyValues(limit: limits.maximumNodes), at: span, help: .splitLargeFile)])
        }
        if depth > limits.maximumDepth {
            throw DiagnosticList([.error(.nestsTooDeep(limit: limits.maximumDepth), at: span)])
        }
        try refuseTag(at: node.mark)
        switch node {
        case .scalar(let scalar):
            if scalar.anchor != nil { throw anchorError(at: span) }
            return .scalar(convertScalar(scalar, span: span))
        case .sequence(let sequence):
            if sequence.anchor != nil { throw anchorError(at: span) }
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1)) }
            return .sequence(items, span)
        case .mapping(let mapping):
            if mapping.anchor != nil { throw anchorError(at: span) }
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw DiagnosticList([.error(.keyNotPlainName, at: self.span(key.mark), help: .writeNameValue)])
                }
                if keyScalar.anchor != nil { throw anchorError(at: self.span(key.mark)) }
                try refuseTag(at: key.mark)
                nodeCount += 1
                let keySpan = self.span(key.mark).shifted(by: 0, length: keyScalar.string.unicodeScalars.count)
                entries.append(YAMLEntry(key: keyScalar.string, keySpan: keySpan, value: try convert(value, depth: depth + 1)))
            }
            return .mapping(entries, span)
        case .alias:
            throw anchorError(at: span)
        }
    }

    func span(_ mark: Mark?) -> SourceSpan {
        SourceSpan(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func anchorError(at span: SourceSpan) -> DiagnosticList {
        DiagnosticList([.error(.anchorsNotAllowed, at: span, help: .writeValueOutInFull)])
    }

    /// A tag (`!!str`, `!name`) puts a node's mark on its `!`: nothing else can start there.
    func refuseTag(at mark: Mark?) throws(DiagnosticList) {
        guard let mark, let index = source.index(line: mark.line, column: mark.column), index < source.scalars.count,
              source.scalars[index] == "!" else { return }
        let tag = source.word(line: mark.line, column: mark.column, limit: 40)
        throw DiagnosticList([.error(.tagNotAllowed(tag), at: span(mark).shifted(by: 0, length: tag.unicodeScalars.count), help: .removeTag)])
    }

    func convertScalar(_ scalar: Node.Scalar, span: SourceSpan) -> YAMLScalar {
        let length = scalar.string.unicodeScalars.count
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            let content = span.shifted(by: 1, length: length)
            let quoting: SourceText.Quoting = scalar.style == .singleQuoted ? .single : .double
            return YAMLScalar(text: scalar.string, span: content, style: .quoted, pieces: pieces(of: scalar.string, quoting: quoting, from: content))
        case .literal, .folded:
            // The content starts on the line after the indicator (and its comment, if any).
            let lines = source.pieces(of: scalar.string, quoting: .none, line: span.line + 1, column: 1) ?? []
            return YAMLScalar(text: scalar.string, span: span.shifted(by: 0, length: 1), style: .block, pieces: lines)
        default:
            let content = span.shifted(by: 0, length: length)
            return YAMLScalar(text: scalar.string, span: content, style: .plain, pieces: pieces(of: scalar.string, quoting: .none, from: content))
        }
    }

    /// The pieces of a scalar whose content starts at `start`; none when it is written in one stretch from there.
    func pieces(of text: String, quoting: SourceText.Quoting, from start: SourceSpan) -> [YAMLScalar.Piece] {
        guard let pieces = source.pieces(of: text, quoting: quoting, line: start.line, column: start.column) else { return [] }
        if pieces.count == 1, pieces[0] == YAMLScalar.Piece(offset: 0, line: start.line, column: start.column) { return [] }
        return pieces
    }
}
