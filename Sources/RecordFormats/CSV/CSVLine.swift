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
        guard field.quoted, bytes.contains(34) else { return String(decoding: bytes, as: UTF8.self) }
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            unquoted.append(bytes[index])
            index += bytes[index] == 34 && index + 1 < bytes.count && bytes[index + 1] == 34 ? 2 : 1
        }
        return String(decoding: unquoted, as: UTF8.self)
    }

    /// The one CSV field escaper: `text` as it is, or quoted (with each `"` doubled) when
    /// it holds a comma, a quote or a line break. Every CSV writer (batch results,
    /// `changed.csv`, error rows) writes its fields with it.
    ///
    /// ```swift
    /// var bytes: [UInt8] = []
    /// CSVLine.appendEscaped("a,\"b\"", to: &bytes)   // "a,""b"""
    /// ```
    package static func appendEscaped(_ text: String, to sink: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped(utf8: $0, to: &sink) }
    }

    /// `bytes` (UTF-8) as one CSV field.
    package static func appendEscaped(utf8 bytes: UnsafeBufferPointer<UInt8>, to sink: inout [UInt8]) {
        var needsQuotes = false
        for byte in bytes where byte == 44 || byte == 34 || byte == 10 || byte == 13 { needsQuotes = true; break }
        guard needsQuotes else {
            sink.append(contentsOf: bytes)
            return
        }
        sink.append(34)
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 34 {
            // The quote ends a run and begins the next one: written twice.
            sink.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
            start = index
        }
        sink.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        sink.append(34)
    }

    /// `text` as one CSV field, as a string.
    package static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
