import NIOCore
import RecordFormats

/// A whole HTTP/1.1 response with a JSON error body, as bytes, for the few answers given
/// below the HTTP layer (a request that timed out, a connection over the limit): it closes
/// the connection.
///
/// ```swift
/// RawResponse.bytes(status: "503 Service Unavailable", code: "too_many_connections", message: "…")
/// ```
enum RawResponse {
    static func bytes(status: String, code: String, message: String, retryAfter: Int? = nil) -> ByteBuffer {
        var body: [UInt8] = []
        JSONText.write(.object([("error", .object([("code", .string(code)), ("message", .string(message))]))]), into: &body)
        var head = "HTTP/1.1 \(status)\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        if let retryAfter { head += "Retry-After: \(retryAfter)\r\n" }
        head += "\r\n"
        var buffer = ByteBuffer(string: head)
        buffer.writeBytes(body)
        return buffer
    }
}
