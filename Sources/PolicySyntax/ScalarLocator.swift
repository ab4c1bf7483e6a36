import PolicyModel

/// Places offsets of a scalar's text in the file. It reads the text once, so placing
/// every token of a long expression takes time in proportion to the text, not its square.
package struct ScalarLocator {
    let scalar: YAMLScalar
    /// The offset (in Unicode scalars) at which each line of the text starts.
    let lineOffsets: [Int]
    /// The length of the text in Unicode scalars.
    let length: Int

    package init(_ scalar: YAMLScalar) {
        self.scalar = scalar
        var offsets = [0]
        var count = 0
        for character in scalar.text.unicodeScalars {
            count += 1
            if character == "\n" { offsets.append(count) }
        }
        lineOffsets = offsets
        length = count
    }

    /// The span of `length` characters starting `offset` characters into the text.
    package func span(offset: Int, length: Int) -> SourceSpan {
        guard scalar.style == .block || lineOffsets.count > 1 else { return scalar.span.shifted(by: offset, length: length) }
        // The last line starting at or before `offset`; a line's newline belongs to it.
        var low = 0, high = lineOffsets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineOffsets[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let lineEnd = low + 1 < lineOffsets.count ? lineOffsets[low + 1] - 1 : self.length
        guard offset >= 0, offset <= lineEnd, low < scalar.lineStarts.count else { return scalar.span }
        return scalar.lineStarts[low].shifted(by: offset - lineOffsets[low], length: length)
    }
}
