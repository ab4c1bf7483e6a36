import CarePolicyService
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import CarePolicy
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

@Suite("Decision log across process deaths (the built binary)", .serialized)
struct CrashSafetyTests {
    /// Sends evaluations over `connections` connections until the server process has
    /// ended (reconnecting when a connection fails while it still runs); returns how many
    /// were answered 200.
    static func load(_ server: ServerProcess, connections: Int, body: String, answered counter: AnswerCounter) async -> Int {
        await withTaskGroup(of: Int.self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var answered = 0
                    while server.process.isRunning {
                        let client = TestClient(host: "127.0.0.1", port: server.port)
                        client.connect()
                        while let response = try? await client.post("/v1/policies/anqing/evaluate", body: ByteBuffer(string: body)),
                              response.status == .ok {
                            answered += 1
                            counter.add()
                        }
                        try? await client.shutdown()
                        try? await Task.sleep(for: .milliseconds(20))
                    }
                    return answered
                }
            }
            return await group.reduce(0, +)
        }
    }

    @Test func sigkillMidLoadLeavesTheDatabaseIntact() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data])
        let body = "{\"facts\": \(SamplePerson.json(["id": "K-1"])), \"as_of\": \"2026-06-01\"}"
        let counter = AnswerCounter()
        async let answered = Self.load(server, connections: 4, body: body, answered: counter)
        // Mid-load: once the log has had time to write several batches.
        try await counter.waitFor(1000)
        server.signal(SIGKILL)
        #expect(await server.exitStatus() == SIGKILL)
        let total = await answered
        #expect(total >= 1000)

        // Opening it read-write runs SQLite's recovery of the WAL, as the next start would.
        let pool = try DatabasePool(path: harness.data + "/decisions.sqlite")
        let check = try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        let rows = try await pool.read { db in try Row.fetchAll(db, sql: "SELECT person, facts, decisions, fired_rules, policy_hash FROM decision") }
        #expect(rows.count > 0)
        #expect(rows.count <= total)
        for row in rows {
            #expect(row["person"] as String? == "K-1")
            for column in ["facts", "decisions", "fired_rules"] {
                let text: String = row[column]
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any], "\(column): \(text)")
            }
            #expect((row["policy_hash"] as String).count == 64)
        }
        // The server starts again on the same data and keeps appending.
        let again = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data])
        let response = try await TestClient.withClient(host: "127.0.0.1", port: again.port) { client in
            try await client.post("/v1/policies/anqing/evaluate", body: ByteBuffer(string: body))
        }
        #expect(response.status == .ok)
        again.signal(SIGTERM)
        #expect(await again.exitStatus() == 0)
        let after = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM decision") }
        #expect(after == rows.count + 1)
    }

    @Test func sigtermAnswersInFlightRequestsAndWritesEveryDecision() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data])
        let body = "{\"facts\": \(SamplePerson.json(["id": "T-1"])), \"as_of\": \"2026-06-01\"}"
        let counter = AnswerCounter()
        async let answered = Self.load(server, connections: 4, body: body, answered: counter)
        try await counter.waitFor(500)
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)
        let total = await answered
        #expect(total >= 500)
        let store = try DecisionLogStore(existingIn: harness.data)
        #expect(try store.count() == total)

        // `carepolicy log query` reads the same answers.
        let query = try ChildProcess.run(ChildProcess.carepolicy, ["log", "query", "--person", "T-1", "--data", harness.data, "--limit", "5"])
        #expect(query.status == 0)
        let lines = String(decoding: query.out, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 5)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["person"] as? String == "T-1")
        #expect(value(first, "policy", "version") as? String == "2026.1")
        #expect(value(first, "decisions", "service_tier") as? String != nil)
    }

    @Test func logQueryWithoutALogSaysWhereItLooked() throws {
        let query = try ChildProcess.run(ChildProcess.carepolicy, ["log", "query", "--person", "x", "--data", "/nonexistent-carepolicy-data"])
        #expect(query.status == 1)
        #expect(String(decoding: query.err, as: UTF8.self) ==
                "error: no decision log at /nonexistent-carepolicy-data/decisions.sqlite; start `carepolicy serve --data DIR` first, or pass the --data it used\n")
    }
}

/// Answers counted across the load's connections.
final class AnswerCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }

    /// Waits until `target` answers were counted (at most 60 seconds).
    func waitFor(_ target: Int) async throws {
        let deadline = Date().addingTimeInterval(60)
        while value < target, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
    }
}
