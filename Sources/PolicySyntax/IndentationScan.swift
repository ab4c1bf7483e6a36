import PolicyModel

/// Finds the line whose indentation broke a file's block structure, once the YAML parser
/// has refused the file: YAML reports where it gave up (often lines later, or at the
/// start of the mapping that ended up with a key twice), not the line that moved.
///
/// Three slips are recognised, each at the line that moved and with the columns it
/// belongs at:
/// - a line deeper than the line before it, which holds a value and so opens nothing
///   (`value: 20` then `  label: …`);
/// - a line shallower than its block but at no column an enclosing block uses;
/// - a `name:` line indented one level too deep, so that it and the lines meant to be
///   inside it join the mapping above (the mapping then has a key twice).
///
/// ```swift
/// IndentationScan.slip(duplicating: "label", in: text)   // Slip(line: 25, column: 5, expected: [3])
/// ```
package enum IndentationScan {
    /// A line at `column` that belongs at one of `expected` (1-based columns).
    package struct Slip: Equatable {
        package let line: Int
        package let column: Int
        package let expected: [Int]
    }

    /// One line of block structure: its indentation and what it holds.
    struct Line {
        let number: Int
        /// Spaces before the content (0-based: column − 1).
        let indent: Int
        /// The key of a `key:` line (or of the mapping that starts a `- key:` item).
        let key: String?
        /// Whether the lines after it may be deeper: `key:` with no value, `- ` with nothing after it.
        let opens: Bool
        /// For `- key: …`, where the item's keys start.
        let itemContent: Int?
    }

    /// The first slip of the structure at or before `errorLine`, if any.
    package static func firstSlip(in text: String, upTo errorLine: Int) -> Slip? {
        let lines = structure(of: text)
        var levels: [Int] = []
        for (position, line) in lines.enumerated() where line.number <= errorLine + 1 {
            let previous = position > 0 ? lines[position - 1] : nil
            guard let top = levels.last else {
                levels = [line.indent]
                if let content = line.itemContent { levels.append(content) }
                continue
            }
            if line.indent > top {
                if previous?.opens == true {
                    levels.append(line.indent)
                } else if let previous {
                    // `previous` holds a value, so nothing may be deeper than it: either this line
                    // is too deep, or `previous` was meant inside an empty `key:` just above it.
                    let before = position > 1 ? lines[position - 2] : nil
                    if let before, before.opens, before.key != nil, before.indent == previous.indent {
                        return Slip(line: previous.number, column: previous.indent + 1, expected: [line.indent + 1])
                    }
                    return Slip(line: line.number, column: line.indent + 1, expected: [top + 1])
                }
            } else if line.indent < top {
                if let index = levels.lastIndex(of: line.indent) {
                    levels.removeSubrange((index + 1)...)
                } else {
                    let deeper = levels.filter { $0 > line.indent }.min()
                    let shallower = levels.filter { $0 < line.indent }.max()
                    let next = position + 1 < lines.count ? lines[position + 1].indent : nil
                    let expected: [Int]
                    if let deeper, next == deeper || shallower == nil {
                        expected = [deeper]
                    } else if let shallower {
                        expected = [shallower] + (deeper.map { [$0] } ?? [])
                    } else {
                        expected = []
                    }
                    return Slip(line: line.number, column: line.indent + 1, expected: expected.map { $0 + 1 })
                }
            }
            if let content = line.itemContent { levels.append(content) }
        }
        return nil
    }

    /// For a mapping with `key` twice: the empty `name:` line between the two, at their
    /// indentation, whose own lines follow at that same indentation — a declaration one
    /// level too deep that took them into the mapping above.
    package static func slip(duplicating key: String, in text: String) -> Slip? {
        let lines = structure(of: text)
        for (first, line) in lines.enumerated() where line.key == key {
            let indent = line.itemContent ?? line.indent
            var candidate: Line?
            for position in (first + 1)..<lines.count {
                let other = lines[position]
                if other.indent < indent { break }
                guard other.indent == indent else { continue }
                if other.key == key, let candidate {
                    let parent = lines[..<first].last { ($0.itemContent ?? $0.indent) < indent && $0.key != nil }
                    guard let parent else { return nil }
                    return Slip(line: candidate.number, column: candidate.indent + 1, expected: [parent.indent + 1])
                }
                if other.opens, other.key != nil, position + 1 < lines.count, lines[position + 1].indent == indent, candidate == nil {
                    candidate = other
                }
            }
        }
        return nil
    }

    /// The lines that make the block structure: comments, blank lines, the insides of
    /// block scalars, of flow collections and of quoted text over several lines left out.
    static func structure(of text: String) -> [Line] {
        var result: [Line] = []
        var blockScalarIndent: Int?
        var flowDepth = 0
        var openQuote: Unicode.Scalar?
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let scalars = Array(raw.unicodeScalars.filter { $0 != "\r" })
            var indent = 0
            while indent < scalars.count, scalars[indent] == " " { indent += 1 }
            let blank = indent == scalars.count || scalars[indent] == "#"
            if let scalarIndent = blockScalarIndent {
                if blank || indent > scalarIndent { continue }
                blockScalarIndent = nil
            }
            if blank { continue }
            let startsInside = flowDepth > 0 || openQuote != nil
            let content = scan(scalars, from: indent, flowDepth: &flowDepth, quote: &openQuote)
            if startsInside { continue }
            var line = parse(content, number: number, indent: indent)
            if flowDepth > 0 || openQuote != nil { line = Line(number: number, indent: indent, key: line.key, opens: false, itemContent: line.itemContent) }
            if isBlockIndicator(content) { blockScalarIndent = indent }
            result.append(line)
        }
        return result
    }

    /// The line's content without its comment, tracking brackets and quotes that go on to the next lines.
    static func scan(_ scalars: [Unicode.Scalar], from start: Int, flowDepth: inout Int, quote: inout Unicode.Scalar?) -> [Unicode.Scalar] {
        var end = scalars.count
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else {
                switch scalar {
                case "\"", "'":
                    if index == start || " [{,:-".unicodeScalars.contains(scalars[index - 1]) { quote = scalar }
                case "#":
                    if index > start, scalars[index - 1] == " " { end = index; index = scalars.count; continue }
                case "[", "{": flowDepth += 1
                case "]", "}": flowDepth = max(flowDepth - 1, 0)
                default: break
                }
            }
            index += 1
        }
        var content = Array(scalars[start..<end])
        while content.last == " " { content.removeLast() }
        return content
    }

    /// `key: |`, `key: >-`, `key: |2`: a block scalar starts on the next line.
    static func isBlockIndicator(_ content: [Unicode.Scalar]) -> Bool {
        guard let colon = content.firstIndex(of: ":") else { return false }
        let value = String(String.UnicodeScalarView(content[(colon + 1)...])).trimmingSpaceCharacters
        guard let first = value.unicodeScalars.first, first == "|" || first == ">" else { return false }
        return value.unicodeScalars.dropFirst().allSatisfy { "+-0123456789".unicodeScalars.contains($0) }
    }

    static func parse(_ content: [Unicode.Scalar], number: Int, indent: Int) -> Line {
        if content.first == "-", content.count == 1 || content[1] == " " {
            var offset = 1
            while offset < content.count, content[offset] == " " { offset += 1 }
            if offset == content.count { return Line(number: number, indent: indent, key: nil, opens: true, itemContent: nil) }
            let inner = parse(Array(content[offset...]), number: number, indent: indent + offset)
            guard inner.key != nil else { return Line(number: number, indent: indent, key: nil, opens: false, itemContent: nil) }
            return Line(number: number, indent: indent, key: inner.key, opens: inner.opens, itemContent: indent + offset)
        }
        guard let first = content.first, !"[{\"'&*!|>%@`".unicodeScalars.contains(first) else {
            return Line(number: number, indent: indent, key: nil, opens: false, itemContent: nil)
        }
        var index = 0
        while index < content.count {
            if content[index] == ":", index + 1 == content.count || content[index + 1] == " " {
                let key = String(String.UnicodeScalarView(content[..<index]))
                let rest = content[(index + 1)...].drop { $0 == " " }
                return Line(number: number, indent: indent, key: key, opens: rest.isEmpty, itemContent: nil)
            }
            index += 1
        }
        return Line(number: number, indent: indent, key: nil, opens: false, itemContent: nil)
    }
}

extension String {
    var trimmingSpaceCharacters: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
