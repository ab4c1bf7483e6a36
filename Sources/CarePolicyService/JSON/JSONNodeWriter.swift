import Hummingbird
import PolicyRuntime
import CarePolicy
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import RecordFormats
import PolicyBatch

/// Writes `JSONText.Node`s as compact JSON bytes straight into a `ByteBuffer`: the same
/// text as `JSONText.write(_:)`, without building intermediate strings. Responses and
/// batch results are written with it.
///
/// ```swift
/// var buffer = ByteBuffer()
/// JSONNodeWriter.write(.object([("a", .integer(1))]), into: &buffer)   // {"a":1}
/// ```
enum JSONNodeWriter {
    static func write(_ node: JSONText.Node, into buffer: inout ByteBuffer) {
        switch node {
        case .null: buffer.writeStaticString("null")
        case .bool(let value): value ? buffer.writeStaticString("true") : buffer.writeStaticString("false")
        case .integer(let value): writeInteger(value, into: &buffer)
        case .string(let value): writeQuoted(value, into: &buffer)
        case .array(let items):
            buffer.writeInteger(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                write(item, into: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "]"))
        case .object(let entries):
            buffer.writeInteger(UInt8(ascii: "{"))
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                writeQuoted(entry.0, into: &buffer)
                buffer.writeInteger(UInt8(ascii: ":"))
                write(entry.1, into: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "}"))
        }
    }

    static func writeInteger(_ value: Int64, into buffer: inout ByteBuffer) {
        if value >= 0 && value < 10 {
            buffer.writeInteger(UInt8(ascii: "0") + UInt8(value))
        } else {
            buffer.writeString(String(value))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or
    /// `\u00XX`, everything else (all of UTF-8's multi-byte sequences) copied as it is.
    static func writeQuoted(_ text: String, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index])) }
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                case 0x09: buffer.writeStaticString("\\t")
                default:
                    buffer.writeStaticString("\\u00")
                    buffer.writeInteger(hex[Int(byte >> 4)])
                    buffer.writeInteger(hex[Int(byte & 0x0F)])
                }
            }
            if start < bytes.count { buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<bytes.count])) }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}
