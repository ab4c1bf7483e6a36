import PolicyModel

/// A quick pass over the raw text, before the YAML parser sees it, that finds nesting
/// deeper than a limit: brackets, braces and `- - -` runs (which nest without
/// indentation) and growing indentation. The YAML composer recurses once per level,
/// so a hostile file must be refused here rather than met on the stack.
enum FlowNestingScan {
    static func firstPlaceDeeperThan(_ limit: Int, in text: String, file: String) -> SourceSpan? {
        var flowDepth = 0
        var indentStack: [Int] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let scalars = Array(line.unicodeScalars)
            var column = 0
            while column < scalars.count, scalars[column] == " " { column += 1 }
            if column == scalars.count || scalars[column] == "#" { continue }
            if flowDepth == 0 {
                while let last = indentStack.last, last >= column { indentStack.removeLast() }
                indentStack.append(column)
            }
            var dashes = 0
            var quote: Unicode.Scalar?
            var index = column
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else {
                    switch scalar {
                    case "\"", "'":
                        // A quote opens a quoted scalar only where a value starts.
                        if index == column || " [{,:".unicodeScalars.contains(scalars[index - 1]) { quote = scalar }
                    case "#":
                        if index > 0 && scalars[index - 1] == " " { index = scalars.count; continue }
                    case "[", "{": flowDepth += 1
                    case "]", "}": flowDepth = max(flowDepth - 1, 0)
                    case "-":
                        if index + 1 < scalars.count, scalars[index + 1] == " ", index == column || scalars[index - 1] == " " { dashes += 1 }
                    default: break
                    }
                }
                let depth = indentStack.count + dashes + flowDepth
                if depth > limit {
                    return SourceSpan(file: file, line: lineNumber, column: index + 1)
                }
                index += 1
            }
        }
        return nil
    }
}
