#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyModel

/// The one way text is cut into numbered lines, for record files read in chunks
/// (`LineChunkReader`), JSON Lines texts (ledger events, approval histories, allocation
/// populations) and `carepolicy eval`: a line ends at `\n`, a `\r` before it is dropped,
/// a last line without `\n` counts, and numbers are 1-based and count blank lines, so
/// they match the line an editor shows.
///
/// ```swift
/// NumberedLines.nonBlank("{\"a\":1}\r\n\n{\"a\":2}")   // [(1, "{\"a\":1}"), (3, "{\"a\":2}")]
/// ```
package enum NumberedLines {
    /// Calls `body` with each line of `bytes` (without its `\n` or `\r\n`) and its number,
    /// counting from `firstLine`.
    package static func forEach(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var start = 0
        var line = firstLine
        let count = bytes.count
        while start < count {
            let end = lineEnd(bytes, from: start)
            var stop = end
            if stop > start && bytes[stop - 1] == 13 { stop -= 1 }
            body(UnsafeBufferPointer(rebasing: bytes[start..<stop]), line)
            line += 1
            start = end + 1
        }
    }

    /// How many lines `forEach` finds in `bytes`.
    package static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0
        var start = 0
        while start < bytes.count {
            start = lineEnd(bytes, from: start) + 1
            lines += 1
        }
        return lines
    }

    /// The index of the first `\n` at or after `start`; `bytes.count` when there is none.
    @inline(__always)
    package static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count, let found = memchr(base + start, 10, bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Whether a line holds nothing but spaces and tabs: no record, skipped by every reader.
    package static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line where byte != 32 && byte != 9 { return false }
        return true
    }

    /// The lines of `text` that are not blank, with their numbers.
    package static func nonBlank(_ text: String) -> [(line: Int, text: String)] {
        var lines: [(line: Int, text: String)] = []
        var text = text
        text.withUTF8 { bytes in
            forEach(bytes) { line, number in
                if !isBlank(line) { lines.append((number, String(decoding: line, as: UTF8.self))) }
            }
        }
        return lines
    }
}
