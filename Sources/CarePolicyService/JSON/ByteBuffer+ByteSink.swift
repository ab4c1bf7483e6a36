import Hummingbird
import RecordFormats

/// Responses are written straight into NIO's `ByteBuffer` by the same JSON writer and
/// escaper as every other output (`JSONText.write(_:into:)`, `JSONString`).
///
/// ```swift
/// var buffer = ByteBuffer()
/// JSONText.write(.object([("a", .integer(1))]), into: &buffer)   // {"a":1}
/// ```
extension ByteBuffer: ByteSink {
    @inlinable @inline(__always)
    package mutating func appendByte(_ byte: UInt8) { writeInteger(byte) }

    @inlinable @inline(__always)
    package mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { writeBytes(bytes) }
}
