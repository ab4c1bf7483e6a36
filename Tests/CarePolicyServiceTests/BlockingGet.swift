import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain blocking `GET` over a socket, for a test thread that must not depend on the
/// test process's task threads (which synchronous tests may keep busy): it sees the
/// service's answer when the service gives it.
enum BlockingGet {
    /// The body of `GET path` on 127.0.0.1:`port`, or nil when the request fails.
    static func body(port: Int, path: String) -> Data? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, 0) }) == request.count else { return nil }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        guard let end = response.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        return response[end.upperBound...]
    }

    /// The body as a JSON object.
    static func json(port: Int, path: String) -> [String: Any]? {
        body(port: port, path: path).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}
