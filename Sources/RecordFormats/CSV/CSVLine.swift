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

    /// The one CSV field escaper for text cells: `text` as it is, or quoted (with each `"`
    /// doubled) when it holds a comma, a quote or a line break. A text cell that a
    /// spreadsheet would run as a formula — one starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return — gets a leading `'` first, as OWASP recommends against CSV
    /// injection (`=1+2` is written `'=1+2`). Numbers, money and booleans the engine writes
    /// do not go through here, so `-5` and `-12.50` stay numbers. Every CSV writer of
    /// results and reports (batch results, `changed.csv`, error rows, `missed.csv`) writes
    /// its text fields with it; `formulas: .keep` is for CSV files written to be read back
    /// by `batch` (synthetic populations), where the cell must stay as it is.
    ///
    /// ```swift
    /// var bytes: [UInt8] = []
    /// CSVLine.appendEscaped("a,\"b\"", to: &bytes)   // "a,""b"""
    /// CSVLine.appendEscaped("@SUM(A1)", to: &bytes)   // '@SUM(A1)
    /// ```
    package static func appendEscaped(_ text: String, to sink: inout [UInt8], formulas: FormulaCells = .neutralise) {
        var text = text
        text.withUTF8 { appendEscaped(utf8: $0, to: &sink, formulas: formulas) }
    }

    /// What the escaper does with a text cell a spreadsheet would run as a formula.
    package enum FormulaCells: Sendable {
        /// Prefix it with `'`, so the spreadsheet shows it as text (results and reports).
        case neutralise
        /// Write it as it is (files that `batch` reads back).
        case keep
    }

    /// Whether a cell starting with `byte` is taken for a formula by spreadsheets:
    /// `=`, `+`, `-`, `@`, tab, carriage return.
    @inline(__always)
    package static func startsFormula(_ byte: UInt8) -> Bool {
        byte == 61 || byte == 43 || byte == 45 || byte == 64 || byte == 9 || byte == 13
    }

    /// `bytes` (UTF-8) as one CSV text field.
    package static func appendEscaped(utf8 bytes: UnsafeBufferPointer<UInt8>, to sink: inout [UInt8], formulas: FormulaCells = .neutralise) {
        let guarded = formulas == .neutralise && bytes.count > 0 && startsFormula(bytes[0])
        var needsQuotes = false
        for byte in bytes where byte == 44 || byte == 34 || byte == 10 || byte == 13 { needsQuotes = true; break }
        guard needsQuotes else {
            if guarded { sink.append(39) }
            sink.append(contentsOf: bytes)
            return
        }
        sink.append(34)
        if guarded { sink.append(39) }
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
    package static func escaped(_ text: String, formulas: FormulaCells = .neutralise) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes, formulas: formulas)
        return String(decoding: bytes, as: UTF8.self)
    }
}
