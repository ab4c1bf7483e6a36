import CarePolicy
import CarePolicyService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Reload and upload run with a deadline, off the request path: a policy whose check
/// does not finish in time is refused at the deadline, the reload loop goes on serving
/// later edits, admin requests answer in time, and SIGTERM stops the server in the middle
/// of a long reload.
@Suite("Reload and upload deadlines", .serialized)
struct ReloadDeadlineTests {
    /// A valid policy that takes long to check: `decisions` decisions, each a rule over
    /// 200 distinct facts joined by `and` (a second or so each in a debug build).
    static func slowPolicy(id: String, decisions: Int) -> String {
        let names = (0..<200).map { "b\($0)" }
        var text = "policy: {id: \(id), title: 慢, version: \"1\", effective_from: 2019-01-01}\ninclude:\n  - common/person.yaml\n"
        text += "inputs:\n" + names.map { "  \($0): {type: bool, label: \($0), default: false}\n" }.joined()
        text += "decisions:\n"
        for number in 0..<decisions {
            text += "  d\(number):\n    label: 测试\(number)\n    type: bool\n    hit: first\n    rules:\n"
            text += "      - id: r\n        when: \(names.shuffled().joined(separator: " and "))\n        then: true\n        reason: 测试\n"
            text += "      - else: false\n        reason: 其他\n"
        }
        return text
    }

    /// A small valid policy whose check, in the service below, does not end until the
    /// test opens the gate (its text carries the mark the gated reading looks for).
    static func stuckPolicy(id: String) -> String {
        "# check: stuck\npolicy: {id: \(id), title: 卡住, version: \"1\", effective_from: 2019-01-01}\ninclude:\n  - common/person.yaml\n"
            + "decisions:\n  d:\n    label: 测试\n    type: bool\n    value: age >= 60\n    reason: 测试\n"
    }

    /// The service's reading, except that a file marked `# check: stuck` waits for the gate
    /// first: a check that does not end, without using the processor.
    static func gatedReading(_ gate: Gate) -> PolicyReading {
        PolicyReading { path, directory, preread in
            let text = preread[path].map { String(decoding: $0, as: UTF8.self) } ?? (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if text.hasPrefix("# check: stuck") { gate.wait() }
            return PolicyReading.standard.load(path, directory, preread)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test func aFileWhoseCheckDoesNotEndIsRefusedAtTheDeadlineAndEverythingElseGoesOn() async throws {
        let gate = Gate()
        defer { gate.open() }
        let harness = try ServiceHarness { configuration in
            configuration.adminToken = AdminEndpointTests.token
            configuration.reloadInterval = .milliseconds(50)
            configuration.reloadDeadline = .seconds(2)
            configuration.policyReading = Self.gatedReading(gate)
        }
        defer { harness.remove() }
        let log = LogRecorder()
        try await harness.test(log: log) { client in
            // The watcher: both refused at the deadline; evaluations answer meanwhile.
            try harness.write("stuck-a.yaml", Self.stuckPolicy(id: "stuck-a"))
            try harness.write("stuck-b.yaml", Self.stuckPolicy(id: "stuck-b"))
            #expect(try await HotReloadTests.eventually(60) {
                Set(try await client.get("/readyz").json["refused_files"] as? [String] ?? []) == [harness.path("stuck-a.yaml"), harness.path("stuck-b.yaml")]
            })
            #expect(log.all.contains { $0.contains("检查 \(harness.path("stuck-a.yaml")) 用时超过 2.0 seconds（服务的重新加载时限）") })
            let answer = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            #expect(answer.status == .ok)

            // The loop goes on: a later edit is served.
            try harness.write("dongxihu.yaml", try harness.read("dongxihu.yaml").replacingOccurrences(of: "version: \"2025.1\"", with: "version: \"2025.2\""))
            #expect(try await HotReloadTests.eventually(60) { try await client.get("/v1/policies/dongxihu").json["version"] as? String == "2025.2" })

            // An admin reload tries both again (two deadlines) and answers at one.
            let start = ContinuousClock.now
            let reload = try await client.post("/v1/admin/reload", nil, headers: AdminEndpointTests.authorized)
            let waited = Self.seconds(ContinuousClock.now - start)
            #expect(reload.status == .serviceUnavailable)
            #expect(reload.errorCode == "reload_pending")
            #expect(reload.headers[.retryAfter] == "5")
            // Not before the deadline, and long before the reload (which never ends) could finish.
            #expect(waited >= 2 && waited < 30, "answered after \(waited) s")

            // An upload whose check does not end is refused at the deadline, and nothing is written.
            let uploadStart = ContinuousClock.now
            let upload = try await client.put("/v1/admin/policies/stuck-c", body(Self.stuckPolicy(id: "stuck-c")), headers: AdminEndpointTests.authorized)
            let uploadWaited = Self.seconds(ContinuousClock.now - uploadStart)
            #expect(upload.status == .unprocessableContent)
            #expect(upload.errorCode == "policy_too_slow")
            #expect(uploadWaited >= 2 && uploadWaited < 30, "answered after \(uploadWaited) s")
        }
        #expect(!FileManager.default.fileExists(atPath: harness.path("stuck-c.yaml")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.policies).filter { $0.hasPrefix(".upload") }.isEmpty)
    }

    /// The built binary, in the middle of reading a policy that takes a minute or more to
    /// check (with a deadline of ten minutes), stops within a few seconds of SIGTERM.
    @Test func sigtermDuringALongReloadStopsTheServerPromptly() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data,
                                                   "--reload-settle-ms", "100", "--reload-deadline-ms", "600000"])
        try harness.write("slow.yaml", Self.slowPolicy(id: "slow", decisions: 100))
        let reading = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await HotReloadTests.eventually(60) {
                let ready = try await client.get("/readyz")
                let pending = (try? JSONSerialization.jsonObject(with: Data(buffer: ready.body ?? ByteBuffer()))) as? [String: Any]
                return (pending?["pending_files"] as? [[String: Any]] ?? []).contains {
                    $0["file"] as? String == harness.path("slow.yaml") && $0["waiting_for"] as? String == "reading"
                }
            }
        }
        #expect(reading)
        let start = ContinuousClock.now
        server.signal(SIGTERM)
        #expect(await server.exitStatus(seconds: 30) == 0)
        let stopped = Self.seconds(ContinuousClock.now - start)
        #expect(stopped < 5, "stopped \(stopped) s after SIGTERM")
    }
}

/// Threads that wait until the test opens it.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}
