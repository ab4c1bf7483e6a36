#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TestSupport

/// A plain TCP connection to a local port, for tests that behave as no HTTP client would:
/// half a header, a body that stops, a connection that says nothing. Used by one test at a
/// time; its waits run off Swift's cooperative pool (`OffPool`).
final class RawConnection: @unchecked Sendable {
    private(set) var descriptor: Int32

    /// Connects to 127.0.0.1:`port`.
    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawConnectionError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw RawConnectionError("connect: \(message)")
        }
    }

    deinit { closeNow() }

    /// Closes the connection from this side.
    func closeNow() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Sends `text` as it is; false when the connection no longer takes it.
    @discardableResult
    func write(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// What the server sent until it closed the connection, and whether it did within
    /// `seconds` (false: it was still open then).
    func readUntilClosed(seconds: Double) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return (String(decoding: received, as: UTF8.self), false) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, left * 1000)))
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 65536, 0) }
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    /// `readUntilClosed`, waited for off the cooperative pool.
    func closed(within seconds: Double) async throws -> (text: String, closed: Bool) {
        try await OffPool.run { self.readUntilClosed(seconds: seconds) }
    }

    /// `readResponse`, waited for off the cooperative pool.
    func response(within seconds: Double) async throws -> String? {
        try await OffPool.run { self.readResponse(seconds: seconds) }
    }

    /// Bytes read past the last whole response (pipelined answers), kept for the next.
    private var unread: [UInt8] = []

    /// Reads one whole response with a `Content-Length` body (the connection stays open);
    /// what follows it stays for the next call.
    func readResponse(seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = Self.responseEnd(unread) {
                let response = String(decoding: unread[..<end], as: UTF8.self)
                unread.removeFirst(end)
                return response
            }
            guard deadline.timeIntervalSinceNow > 0 else { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, Int32(max(1, deadline.timeIntervalSinceNow * 1000))) <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 65536, 0) }
            if count <= 0 { return nil }
            unread.append(contentsOf: buffer[0..<count])
        }
    }

    /// Where the first whole response in `bytes` ends (its header and `Content-Length` bytes).
    static func responseEnd(_ bytes: [UInt8]) -> Int? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4, let headEnd = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self).lowercased()
        let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let end = headEnd + 4 + length
        return bytes.count >= end ? end : nil
    }
}

struct RawConnectionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
