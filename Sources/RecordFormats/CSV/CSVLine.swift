import PolicyModel

/// One field of a CSV line: where it is in the line, and whether it was quoted.
package struct CSVField {
    package var start: Int
    package var end: Int
    package var quoted: Bool

    package init(start: Int, end: Int, quoted: Bool) {
        self.start = start
        self.end = end
        self.quoted = quoted
    }
}

/// Splitting CSV lines (RFC 4180, without line breaks inside quoted fields).
package enum CSVLine {
    /// Splits `line` into `fields`; returns false when a quoted field is not closed.
    package static func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout [CSVField]) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let count = line.count
        var index = 0
        while true {
            if index < count && line[index] == 34 {
                // "…", with "" for a quote inside.
                var end = index + 1
                var closed = false
                while end < count {
                    if line[end] == 34 {
                        if end + 1 < count && line[end + 1] == 34 { end += 2; continue }
                        closed = true
                        break
                    }
                    end += 1
                }
                if !closed { return false }
                fields.append(CSVField(start: index + 1, end: end, quoted: true))
                index = end + 1
                while index < count && line[index] != 44 { index += 1 }
            } else {
                var end = index
                while end < count && line[end] != 44 { end += 1 }
                fields.append(CSVField(start: index, end: end, quoted: false))
                index = end
            }
            if index >= count { return true }
            index += 1   // the comma
        }
    }

    /// The text of a field, with a quoted field's doubled quotes made single.
    package static func text(_ field: CSVField, in line: UnsafeBufferPointer<UInt8>) -> String {
        let bytes = UnsafeBufferPointer(rebasing: line[field.start..<field.end])
        let text = String(decoding: bytes, as: UTF8.self)
        return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// A value as a CSV field: quoted when it holds a comma, a quote or a line break.
    package static func escaped(_ text: String) -> String {
        var needsQuotes = false, hasQuote = false
        for byte in text.utf8 {
            if byte == 34 { hasQuote = true }
            if byte == 44 || byte == 34 || byte == 10 || byte == 13 { needsQuotes = true }
        }
        guard needsQuotes else { return text }
        // Pure Swift: Foundation's `replacingOccurrences` was a tenth of a what-if's time.
        guard hasQuote else { return "\"" + text + "\"" }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
