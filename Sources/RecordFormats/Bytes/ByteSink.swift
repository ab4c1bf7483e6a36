import PolicyModel

/// Where every writer of records and JSON puts its bytes: a `[UInt8]` (batch results,
/// reports, text built for the terminal) or the service's NIO `ByteBuffer` (responses).
/// The escapers (`JSONString`, `CSVLine.appendEscaped`) and the number writers append
/// to any sink, so each format is written by one piece of code whatever the destination.
///
/// ```swift
/// var bytes: [UInt8] = []
/// JSONString.appendQuoted("a\"b", to: &bytes)   // "a\"b"
/// bytes.appendInteger(-42)                      // -42
/// ```
package protocol ByteSink {
    mutating func appendByte(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {
    @inlinable @inline(__always)
    package mutating func appendByte(_ byte: UInt8) { append(byte) }

    @inlinable @inline(__always)
    package mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

extension ByteSink {
    @inlinable @inline(__always)
    package mutating func appendBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendBytes($0) }
    }

    /// ASCII known when the program was built: `{"id":`, `null`, `true`.
    @inlinable @inline(__always)
    package mutating func appendASCII(_ text: StaticString) {
        appendBytes(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The UTF-8 of `text`, as it is (no escaping).
    @inlinable
    package mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { appendBytes($0) }
    }
}
