import PolicyModel

/// How a file of person records (or of results) is written: CSV with a header row, or
/// JSON Lines (one object per line). Chosen from the file's extension.
///
/// ```swift
/// RecordFormat(path: "population.csv")   // .csv
/// RecordFormat(path: "results.jsonl")    // .jsonl
/// ```
package enum RecordFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl

    /// The format named by a path's extension (`.csv`, `.jsonl`); nil for any other.
    package init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .jsonl
        } else {
            return nil
        }
    }
}

/// A file that cannot be read or written, or whose records cannot be used at all (a
/// header naming an unknown column): the run stops with this message.
package struct RecordFileError: Error, Sendable, CustomStringConvertible {
    package let message: String

    package init(_ message: String) { self.message = message }

    package var description: String { message }
}
