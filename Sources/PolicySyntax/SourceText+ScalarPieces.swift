extension SourceText {
    /// How a scalar's text is written between its quotes.
    enum Quoting { case none, single, double }

    /// Where each stretch of `text` is written, found by walking the source from where
    /// the scalar's content starts beside the text. YAML folds line breaks into spaces,
    /// drops indentation, turns `''` into `'` and decodes `\` escapes, and Yams gives only
    /// where a scalar starts, so the text is not a copy of the source: every character
    /// of the text is matched to its own place, and source whitespace that the text
    /// does not have (indentation, a folded break) is stepped over. Nil when the walk
    /// cannot account for the text, so that the caller falls back to counting from the
    /// start.
    func pieces(of text: String, quoting: Quoting, line firstLine: Int, column: Int) -> [YAMLScalar.Piece]? {
        guard var position = index(line: firstLine, column: column) else { return text.isEmpty ? [] : nil }
        var line = firstLine
        var lineStart = lineStarts[line - 1]
        var pieces: [YAMLScalar.Piece] = []

        func record(_ offset: Int) {
            let column = position - lineStart + 1
            if let last = pieces.last, last.line == line, last.column + offset - last.offset == column { return }
            pieces.append(YAMLScalar.Piece(offset: offset, line: line, column: column))
        }
        func step(_ count: Int) {
            for _ in 0..<count {
                if scalars[position] == "\n" {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
        }

        for (offset, character) in text.unicodeScalars.enumerated() {
            while true {
                guard position < scalars.count else {
                    // Only a final line break or space may come from past the end (a kept `\n`).
                    if character.properties.isWhitespace { break }
                    return nil
                }
                let written = scalars[position]
                if quoting == .double, written == "\\" {
                    if position + 1 < scalars.count, scalars[position + 1] == "\n" {
                        step(2) // an escaped line break joins the lines
                        continue
                    }
                    guard let (decoded, width) = escape(at: position), decoded == character else { return nil }
                    record(offset)
                    step(width)
                    break
                }
                if quoting == .single, written == "'" {
                    guard character == "'", position + 1 < scalars.count, scalars[position + 1] == "'" else { return nil }
                    record(offset)
                    step(2)
                    break
                }
                if written == character {
                    record(offset)
                    step(1)
                    break
                }
                if written == " " || written == "\t" || written == "\n" || written == "\r" {
                    step(1)
                    continue
                }
                // A space or line break that folding made, where the source has none.
                if character == " " || character == "\n" {
                    record(offset)
                    break
                }
                return nil
            }
        }
        return pieces
    }

    static let singleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}", "f": "\u{0C}", "r": "\r",
        "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
    ]

    /// The character a double-quoted escape at `index` stands for, and how many scalars it takes.
    func escape(at index: Int) -> (Unicode.Scalar, Int)? {
        guard index + 1 < scalars.count else { return nil }
        let letter = scalars[index + 1]
        if let decoded = Self.singleEscapes[letter] { return (decoded, 2) }
        let digits: Int
        switch letter {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: return nil
        }
        guard index + 2 + digits <= scalars.count else { return nil }
        let hex = String(String.UnicodeScalarView(scalars[index + 2 ..< index + 2 + digits]))
        guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
        return (decoded, 2 + digits)
    }
}
