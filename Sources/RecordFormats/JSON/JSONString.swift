import PolicyModel

/// The one JSON string escaper: `"` and `\` escaped, control characters (below U+0020)
/// as `\n`, `\r`, `\t` or `\u00XX`, everything else — DEL, U+2028, every multi-byte
/// UTF-8 sequence — copied as it is. Every JSON writer (responses, batch results,
/// reports, the decision log) writes its strings with it.
///
/// ```swift
/// var bytes: [UInt8] = []
/// JSONString.appendQuoted("安庆\n", to: &bytes)   // "安庆\n" (backslash, n)
/// ```
package enum JSONString {
    package static func appendQuoted(_ text: String, to sink: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0, to: &sink) }
    }

    /// `bytes` (UTF-8) as a quoted JSON string.
    package static func appendQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>, to sink: inout [UInt8]) {
        sink.append(34)
        var start = 0
        let count = bytes.count
        while start < count {
            // Plain runs are copied whole; the scan looks at eight bytes at a time.
            let special = JSONScan.nextSpecial(bytes, from: start)
            if special > start { sink.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<special])) }
            guard special < count else { break }
            appendEscape(bytes[special], to: &sink)
            start = special + 1
        }
        sink.append(34)
    }

    /// The escape of a quote, a backslash or a control character.
    package static func appendEscape(_ byte: UInt8, to sink: inout [UInt8]) {
        sink.append(92)
        switch byte {
        case 34, 92: sink.append(byte)
        case 10: sink.append(110)   // n
        case 13: sink.append(114)   // r
        case 9: sink.append(116)    // t
        default:
            sink.appendASCII("u00")
            sink.append(hexDigit(byte >> 4))
            sink.append(hexDigit(byte & 0x0F))
        }
    }

    @inline(__always)
    package static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }

    /// `text` quoted, as a string: for text built for the terminal.
    package static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
