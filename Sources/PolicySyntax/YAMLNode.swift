import PolicyModel

/// A YAML node as the policy parser sees it: text scalars (never pre-typed), sequences
/// and mappings with ordered keys, each with the place it was written.
package indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], SourceSpan)
    case mapping([YAMLEntry], SourceSpan)

    package var span: SourceSpan {
        switch self {
        case .scalar(let scalar): return scalar.span
        case .sequence(_, let span), .mapping(_, let span): return span
        }
    }

    /// How the node is described in a message (`a list`, `a mapping`, `text`).
    package var kindDescription: String {
        switch self {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping (key: value lines)"
        }
    }
}

/// A scalar's text and where its content starts.
package struct YAMLScalar: Sendable {
    package enum Style: Sendable { case plain, quoted, block }

    package let text: String
    /// Points at the first character of the content (after an opening quote).
    package let span: SourceSpan
    package let style: Style
    /// For a block scalar: the line and column where each content line starts.
    package let lineStarts: [SourceSpan]

    package init(text: String, span: SourceSpan, style: Style, lineStarts: [SourceSpan] = []) {
        self.text = text
        self.span = span
        self.style = style
        self.lineStarts = lineStarts
    }

    /// The span of `length` characters starting `offset` characters into the text. To
    /// place many offsets of one scalar, make one `ScalarLocator` and ask it.
    package func span(offset: Int, length: Int) -> SourceSpan {
        ScalarLocator(self).span(offset: offset, length: length)
    }
}

/// One `key: value` of a mapping.
package struct YAMLEntry: Sendable {
    package let key: String
    package let keySpan: SourceSpan
    package let value: YAMLNode

    package init(key: String, keySpan: SourceSpan, value: YAMLNode) {
        self.key = key
        self.keySpan = keySpan
        self.value = value
    }
}
