/// A file's text as Unicode scalars, with where each line starts, so that a line and
/// column as Yams counts them (1-based, one per Unicode scalar) is found at once.
struct SourceText {
    let scalars: [Unicode.Scalar]
    /// The index in `scalars` of each line's first scalar.
    let lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The index of `line`:`column`, or nil when the file has no such place.
    func index(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let index = lineStarts[line - 1] + column - 1
        let end = line < lineStarts.count ? lineStarts[line] : scalars.count
        return index <= end ? index : nil
    }

    /// The text from `line`:`column` up to the next space or line end, at most `limit` scalars.
    func word(line: Int, column: Int, limit: Int) -> String {
        guard var index = self.index(line: line, column: column) else { return "" }
        var word = String.UnicodeScalarView()
        while index < scalars.count, word.count < limit, !scalars[index].properties.isWhitespace {
            word.append(scalars[index])
            index += 1
        }
        return String(word)
    }
}
