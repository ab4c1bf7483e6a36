import PolicyModel

/// One token of expression text, with its offset and length in Unicode scalars.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case name(String)
        case integer(String)
        case decimal(String)
        case date(String)
        case string(String)
        case symbol(String)
        case end
    }

    let kind: Kind
    let offset: Int
    let length: Int
}

/// Splits expression text into tokens. Accepts `≥ ≤ ≠` and a single `=` as friendly
/// spellings of `>= <= != ==`, and full-width parentheses and commas typed with a
/// Chinese input method.
struct ExpressionLexer {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    func tokens() throws(ExpressionParseError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
            let start = index
            if scalar.properties.isAlphabetic || scalar == "_" {
                while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "_" || ("0"..."9").contains(scalars[index]) {
                    index += 1
                }
                tokens.append(ExpressionToken(kind: .name(String(String.UnicodeScalarView(scalars[start..<index]))), offset: start, length: index - start))
                continue
            }
            if ("0"..."9").contains(scalar) {
                if let length = dateLiteralLength(at: index) {
                    let text = String(String.UnicodeScalarView(scalars[index..<index + length]))
                    tokens.append(ExpressionToken(kind: .date(text), offset: start, length: length))
                    index += length
                    continue
                }
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                var isDecimal = false
                if index + 1 < scalars.count, scalars[index] == ".", ("0"..."9").contains(scalars[index + 1]) {
                    isDecimal = true
                    index += 1
                    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                }
                if index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "_" {
                    throw ExpressionParseError(.numberRunsIntoName, offset: start, length: index - start + 1, help: .separateNumberAndName)
                }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                tokens.append(ExpressionToken(kind: isDecimal ? .decimal(text) : .integer(text), offset: start, length: index - start))
                continue
            }
            if scalar == "\"" || scalar == "'" || scalar == "“" || scalar == "‘" {
                let close: Unicode.Scalar = scalar == "“" ? "”" : (scalar == "‘" ? "’" : scalar)
                index += 1
                var content = String.UnicodeScalarView()
                while index < scalars.count, scalars[index] != close {
                    content.append(scalars[index])
                    index += 1
                }
                if index == scalars.count {
                    throw ExpressionParseError(.unclosedQuote, offset: start, length: index - start, help: .endQuoteWith(String(close)))
                }
                index += 1
                tokens.append(ExpressionToken(kind: .string(String(content)), offset: start, length: index - start))
                continue
            }
            let two = index + 1 < scalars.count ? String(String.UnicodeScalarView([scalar, scalars[index + 1]])) : ""
            if ["==", "!=", "<=", ">="].contains(two) {
                tokens.append(ExpressionToken(kind: .symbol(two), offset: start, length: 2))
                index += 2
                continue
            }
            let symbol: String?
            switch scalar {
            case "≥": symbol = ">="
            case "≤": symbol = "<="
            case "≠": symbol = "!="
            case "=": symbol = "=="
            case "（": symbol = "("
            case "）": symbol = ")"
            case "，": symbol = ","
            case "×": symbol = "*"
            case "÷": symbol = "/"
            case "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", ".": symbol = String(scalar)
            default: symbol = nil
            }
            guard let symbol else {
                throw ExpressionParseError(.meaninglessCharacter(String(scalar)), offset: start, length: 1, help: .operatorsAre)
            }
            tokens.append(ExpressionToken(kind: .symbol(symbol), offset: start, length: 1))
            index += 1
        }
        tokens.append(ExpressionToken(kind: .end, offset: scalars.count, length: 1))
        return tokens
    }

    /// The length of a `YYYY-MM-DD` date written at `index` (10), or nil when there is none.
    func dateLiteralLength(at index: Int) -> Int? {
        let pattern = Array("dddd-dd-dd".unicodeScalars)
        guard index + pattern.count <= scalars.count else { return nil }
        for (offset, expected) in pattern.enumerated() {
            let scalar = scalars[index + offset]
            if expected == "d" ? !("0"..."9").contains(scalar) : scalar != "-" { return nil }
        }
        let after = index + pattern.count
        if after < scalars.count, scalars[after].properties.isAlphabetic || scalars[after] == "_" || ("0"..."9").contains(scalars[after]) || scalars[after] == "." {
            return nil
        }
        return pattern.count
    }
}

/// A syntax error inside one expression, located by offset in its text.
struct ExpressionParseError: Error {
    let message: SyntaxMessage
    let offset: Int
    let length: Int
    let help: SyntaxMessage?

    init(_ message: SyntaxMessage, offset: Int, length: Int, help: SyntaxMessage? = nil) {
        self.message = message
        self.offset = offset
        self.length = length
        self.help = help
    }
}
