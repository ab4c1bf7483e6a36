import Foundation
import TestSupport
import Testing

/// Slow and idle clients against the built `carepolicy serve`, over real sockets: a header
/// or a body that does not arrive in time is answered 408 and closed, an idle connection is
/// closed, and a connection over the limit is answered 503 while the others are served.
@Suite("Timeouts and the connection limit (real sockets)")
struct ConnectionLimitTests {
    static func server(_ options: [String]) async throws -> (ServiceHarness, ServerProcess) {
        let harness = try ServiceHarness()
        let arguments = ["--policies", harness.policies, "--data", harness.data, "--no-decision-log"] + options
        let server = try await OffPool.run { try ServerProcess(arguments: arguments) }
        return (harness, server)
    }

    @Test func halfAHeaderIsAnswered408AndClosedAfterTheHeaderTimeout() async throws {
        let (harness, server) = try await Self.server(["--header-timeout", "1", "--idle-timeout", "30"])
        defer { harness.remove() }
        let connection = try RawConnection(port: server.port)
        let started = Date()
        #expect(connection.write("POST /v1/policies/anqing/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Ty"))
        let (text, closed) = try await connection.closed(within: 30)
        let elapsed = Date().timeIntervalSince(started)
        #expect(closed)
        #expect(elapsed >= 0.9 && elapsed < 20, "closed after \(elapsed) s")
        #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(text.contains("\"code\":\"request_timeout\""))
        #expect(text.contains("Connection: close"))
    }

    @Test func aBodyThatStopsIsAnswered408AndClosedAfterTheBodyTimeout() async throws {
        let (harness, server) = try await Self.server(["--body-timeout", "1", "--idle-timeout", "30"])
        defer { harness.remove() }
        let connection = try RawConnection(port: server.port)
        let started = Date()
        #expect(connection.write("POST /v1/policies/anqing/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"facts\": {"))
        let (text, closed) = try await connection.closed(within: 30)
        let elapsed = Date().timeIntervalSince(started)
        #expect(closed)
        #expect(elapsed >= 0.9 && elapsed < 20, "closed after \(elapsed) s")
        #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        #expect(text.contains("body timeout"))
    }

    @Test func aSilentConnectionIsClosedAfterTheIdleTimeoutAndAKeptAliveOneToo() async throws {
        let (harness, server) = try await Self.server(["--idle-timeout", "1"])
        defer { harness.remove() }
        let silent = try RawConnection(port: server.port)
        let started = Date()
        let (said, closed) = try await silent.closed(within: 30)
        #expect(closed)
        #expect(said == "")
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.9 && elapsed < 20, "closed after \(elapsed) s")

        // A kept-alive connection is served (two requests sent at once, as a pipelining
        // client does), then closed once it has been idle that long.
        let keptAlive = try RawConnection(port: server.port)
        #expect(keptAlive.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\nGET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        let response = try await keptAlive.response(within: 10)
        #expect(response?.hasPrefix("HTTP/1.1 200 OK") == true)
        let again = try await keptAlive.response(within: 10)
        #expect(again?.hasPrefix("HTTP/1.1 200 OK") == true)
        #expect(again?.contains("\"ready\"") == true)
        let afterwards = try await keptAlive.closed(within: 30)
        #expect(afterwards.closed)
        #expect(afterwards.text == "")
    }

    @Test func overTheConnectionLimitNewConnectionsAreRefusedWhileTheOthersAreServed() async throws {
        let (harness, server) = try await Self.server(["--max-connections", "3", "--idle-timeout", "60"])
        defer { harness.remove() }
        let open = try (0..<3).map { _ in try RawConnection(port: server.port) }
        // Each is admitted once the server has accepted it: ask each for an answer.
        for connection in open {
            #expect(connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
            let answer = try await connection.response(within: 10)
            #expect(answer?.hasPrefix("HTTP/1.1 200 OK") == true)
        }
        let extra = try RawConnection(port: server.port)
        let (refusal, closed) = try await extra.closed(within: 30)
        #expect(closed)
        #expect(refusal.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
        #expect(refusal.contains("Retry-After: 1"))
        #expect(refusal.contains("\"code\":\"too_many_connections\""))

        // The connections already open are still served.
        #expect(open[1].write("GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        let served = try await open[1].response(within: 10)
        #expect(served?.hasPrefix("HTTP/1.1 200 OK") == true)

        // Once one leaves, a new connection is admitted.
        open[0].closeNow()
        var admitted = false
        let deadline = Date().addingTimeInterval(10)
        while !admitted && Date() < deadline {
            let next = try RawConnection(port: server.port)
            #expect(next.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
            admitted = try await next.response(within: 5)?.hasPrefix("HTTP/1.1 200 OK") == true
            if !admitted { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(admitted)
    }
}
