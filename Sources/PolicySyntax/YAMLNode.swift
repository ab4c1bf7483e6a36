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

    /// What kind of node this is, as a message names it.
    package var kind: NodeKind {
        switch self {
        case .scalar: return .singleValue
        case .sequence: return .list
        case .mapping: return .mapping
        }
    }
}

/// A scalar's text and where its content starts.
package struct YAMLScalar: Sendable {
    package enum Style: Sendable { case plain, quoted, block }

    /// From `offset` (in Unicode scalars) on, the text is written column by column from
    /// `line`:`column`, up to the next piece.
    package struct Piece: Sendable, Equatable {
        package let offset: Int
        package let line: Int
        package let column: Int

        package init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }
    }

    package let text: String
    /// Points at the first character of the content (after an opening quote); at the
    /// indicator of a block scalar.
    package let span: SourceSpan
    package let style: Style
    /// Where the text's stretches are written, when the text is not one stretch from
    /// `span`: a block scalar, a scalar folded over several lines, a quoted one with
    /// escapes. Empty when it is.
    package let pieces: [Piece]

    package init(text: String, span: SourceSpan, style: Style, pieces: [Piece] = []) {
        self.text = text
        self.span = span
        self.style = style
        self.pieces = pieces
    }

    /// The span of `length` characters starting `offset` characters into the text.
    package func span(offset: Int, length: Int) -> SourceSpan {
        let start = place(offset)
        let last = place(offset + max(length, 1) - 1)
        let width = last.line == start.line ? last.column - start.column + 1 : length
        return SourceSpan(file: span.file, line: start.line, column: start.column, length: width)
    }

    /// The line and column of the character `offset` Unicode scalars into the text.
    func place(_ offset: Int) -> (line: Int, column: Int) {
        // The last piece starting at or before `offset` (binary search: a long expression
        // asks for many places).
        var low = 0, high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return (span.line, span.column + offset) }
        let piece = pieces[low - 1]
        return (piece.line, piece.column + offset - piece.offset)
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
