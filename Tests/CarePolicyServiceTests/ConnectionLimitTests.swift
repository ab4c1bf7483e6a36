import Foundation
import TestSupport
import Testing

/// Slow and idle clients against the built `carepolicy serve`, over real sockets: a header
/// or a body that does not arrive in time is answered 408 and closed, an idle connection is
/// closed, and a connection over the limit is answered 503 while the others are served.
@Suite("Timeouts and the connection limit (real sockets)")
struct ConnectionLimitTests {
    static func server(_ options: [String]) throws -> (ServiceHarness, ServerProcess) {
        let harness = try ServiceHarness()
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data, "--no-decision-log"] + options)
        return (harness, server)
    }

    @Test func halfAHeaderIsAnswered408AndClosedAfterTheHeaderTimeout() throws {
        let (harness, server) = try Self.server(["--header-timeout", "1", "--idle-timeout", "30"])
        defer { harness.remove() }
        let connection = try RawConnection(port: server.port)
        let started = Date()
        #expect(connection.write("POST /v1/policies/anqing/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Ty"))
        let (text, closed) = connection.readUntilClosed(seconds: 10)
        let elapsed = Date().timeIntervalSince(started)
        #expect(closed)
        #expect(elapsed >= 0.9 && elapsed < 5, "closed after \(elapsed) s")
        #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(text.contains("\"code\":\"request_timeout\""))
        #expect(text.contains("Connection: close"))
    }

    @Test func aBodyThatStopsIsAnswered408AndClosedAfterTheBodyTimeout() throws {
        let (harness, server) = try Self.server(["--body-timeout", "1", "--idle-timeout", "30"])
        defer { harness.remove() }
        let connection = try RawConnection(port: server.port)
        let started = Date()
        #expect(connection.write("POST /v1/policies/anqing/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"facts\": {"))
        let (text, closed) = connection.readUntilClosed(seconds: 10)
        let elapsed = Date().timeIntervalSince(started)
        #expect(closed)
        #expect(elapsed >= 0.9 && elapsed < 5, "closed after \(elapsed) s")
        #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(text.contains("body timeout"))
    }

    @Test func aSilentConnectionIsClosedAfterTheIdleTimeoutAndAKeptAliveOneToo() throws {
        let (harness, server) = try Self.server(["--idle-timeout", "1"])
        defer { harness.remove() }
        let silent = try RawConnection(port: server.port)
        let started = Date()
        let (said, closed) = silent.readUntilClosed(seconds: 10)
        #expect(closed)
        #expect(said == "")
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.9 && elapsed < 5, "closed after \(elapsed) s")

        // A kept-alive connection is served, then closed once it has been idle that long.
        let keptAlive = try RawConnection(port: server.port)
        #expect(keptAlive.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        let response = keptAlive.readResponse(seconds: 10)
        #expect(response?.hasPrefix("HTTP/1.1 200 OK") == true)
        #expect(keptAlive.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        #expect(keptAlive.readResponse(seconds: 10)?.hasPrefix("HTTP/1.1 200 OK") == true)
        let afterwards = keptAlive.readUntilClosed(seconds: 10)
        #expect(afterwards.closed)
        #expect(afterwards.text == "")
    }

    @Test func overTheConnectionLimitNewConnectionsAreRefusedWhileTheOthersAreServed() throws {
        let (harness, server) = try Self.server(["--max-connections", "3", "--idle-timeout", "60"])
        defer { harness.remove() }
        let open = try (0..<3).map { _ in try RawConnection(port: server.port) }
        // Each is admitted once the server has accepted it: ask each for an answer.
        for connection in open {
            #expect(connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
            #expect(connection.readResponse(seconds: 10)?.hasPrefix("HTTP/1.1 200 OK") == true)
        }
        let extra = try RawConnection(port: server.port)
        let (refusal, closed) = extra.readUntilClosed(seconds: 10)
        #expect(closed)
        #expect(refusal.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        #expect(refusal.contains("Retry-After: 1"))
        #expect(refusal.contains("\"code\":\"too_many_connections\""))

        // The connections already open are still served.
        #expect(open[1].write("GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        #expect(open[1].readResponse(seconds: 10)?.hasPrefix("HTTP/1.1 200 OK") == true)

        // Once one leaves, a new connection is admitted.
        open[0].closeNow()
        var admitted = false
        let deadline = Date().addingTimeInterval(10)
        while !admitted && Date() < deadline {
            let next = try RawConnection(port: server.port)
            #expect(next.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
            admitted = next.readResponse(seconds: 5)?.hasPrefix("HTTP/1.1 200 OK") == true
            if !admitted { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(admitted)
    }
}
