import PolicyModel
import Yams

/// Converts Yams nodes to `YAMLNode`s once, at the boundary: marks become spans,
/// scalars stay text, and anchors, aliases and non-text keys are refused.
struct NodeConverter {
    let file: String
    let sourceLines: [Substring]
    let limits: YAMLReader.Limits
    var nodeCount = 0

    init(file: String, source: String, limits: YAMLReader.Limits) {
        self.file = file
        self.sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        self.limits = limits
    }

    mutating func convert(_ node: Node, depth: Int) throws(DiagnosticList) -> YAMLNode {
        nodeCount += 1
        let span = self.span(node.mark)
        if nodeCount > limits.maximumNodes {
            throw DiagnosticList([.error("the document has more than \(limits.maximumNodes) values", at: span,
                                         help: "a policy file this large is not meant to be edited by hand; split it")])
        }
        if depth > limits.maximumDepth {
            throw DiagnosticList([.error("the document nests more than \(limits.maximumDepth) levels deep", at: span)])
        }
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
                    throw DiagnosticList([.error("a key must be a plain name", at: self.span(key.mark), help: "write `name: value`")])
                }
                if keyScalar.anchor != nil { throw anchorError(at: self.span(key.mark)) }
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
        DiagnosticList([.error("anchors and aliases (`&name`, `*name`) are not allowed in policy files", at: span,
                               help: "write the value out in full; to share declarations between policies use `include`")])
    }

    func convertScalar(_ scalar: Node.Scalar, span: SourceSpan) -> YAMLScalar {
        let length = scalar.string.unicodeScalars.count
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return YAMLScalar(text: scalar.string, span: span.shifted(by: 1, length: length), style: .quoted)
        case .literal, .folded:
            return YAMLScalar(text: scalar.string, span: span.shifted(by: 0, length: 1), style: .block, lineStarts: blockLineStarts(after: span.line))
        default:
            return YAMLScalar(text: scalar.string, span: span.shifted(by: 0, length: length), style: .plain)
        }
    }

    /// Where each content line of a block scalar starts: the lines after the indicator, at their indentation.
    func blockLineStarts(after line: Int) -> [SourceSpan] {
        var starts: [SourceSpan] = []
        var indentation: Int?
        var index = line // 0-based index of the line after the indicator
        while index < sourceLines.count {
            let text = sourceLines[index]
            let leading = text.prefix { $0 == " " }.count
            let isBlank = text.allSatisfy { $0 == " " || $0 == "\r" }
            if !isBlank {
                if indentation == nil { indentation = leading }
                if let indentation, leading < indentation { break }
            }
            starts.append(SourceSpan(file: file, line: index + 1, column: (indentation ?? leading) + 1))
            index += 1
        }
        return starts
    }
}
