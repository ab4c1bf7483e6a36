import CarePolicy
import CarePolicyService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Reload and upload run with a deadline, off the request path: a policy that takes
/// long to check is refused at the deadline, the reload loop goes on serving later edits,
/// admin requests answer in time, and SIGTERM stops the server in the middle of a long
/// reload.
@Suite("Reload and upload deadlines", .serialized)
struct ReloadDeadlineTests {
    /// A valid policy that takes long to check: `decisions` decisions, each a rule over
    /// 200 distinct facts joined by `and` (each such rule checks in a few times anqing's
    /// time; see PathologicalPolicyTests).
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

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Seconds `body` takes.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        return seconds(ContinuousClock.now - start)
    }

    /// The deadline is set well above what loading every bundled policy takes in this run,
    /// and the slow policies take a few times the deadline (measured by one decision).
    @Test func aSlowFileIsRefusedAtTheDeadlineAndEverythingElseGoesOn() async throws {
        let bundled = try Self.time { _ = try LoadedPolicy.loadAll(under: FixturePaths.packageRoot + "/policies") }
        let deadlineSeconds = max(0.5, 4 * bundled)
        let deadline = Duration.milliseconds(Int(deadlineSeconds * 1000))
        let harness = try ServiceHarness { configuration in
            configuration.adminToken = AdminEndpointTests.token
            configuration.reloadInterval = .milliseconds(50)
            configuration.reloadDeadline = deadline
        }
        defer { harness.remove() }
        let probe = try harness.path("one-slow-decision.txt").writing(Self.slowPolicy(id: "one", decisions: 1))
        let one = try Self.time { _ = try LoadedPolicy.load(path: probe, policyDirectory: harness.policies) }
        try FileManager.default.removeItem(atPath: probe)
        let decisions = Int(2 * deadlineSeconds / one) + 1
        let log = LogRecorder()
        try await harness.test(log: log) { client in
            // The watcher: both refused at the deadline; evaluations answer meanwhile.
            try harness.write("slow-a.yaml", Self.slowPolicy(id: "slow-a", decisions: decisions))
            try harness.write("slow-b.yaml", Self.slowPolicy(id: "slow-b", decisions: decisions))
            #expect(try await HotReloadTests.eventually(30 + 4 * deadlineSeconds) {
                Set(try await client.get("/readyz").json["refused_files"] as? [String] ?? []) == [harness.path("slow-a.yaml"), harness.path("slow-b.yaml")]
            })
            #expect(log.all.contains { $0.contains("checking \(harness.path("slow-a.yaml")) took longer than \(deadline) (the service's reload deadline)") })
            let answer = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            #expect(answer.status == .ok)

            // The loop goes on: a later edit is served.
            try harness.write("dongxihu.yaml", try harness.read("dongxihu.yaml").replacingOccurrences(of: "version: \"2025.1\"", with: "version: \"2025.2\""))
            #expect(try await HotReloadTests.eventually { try await client.get("/v1/policies/dongxihu").json["version"] as? String == "2025.2" })

            // An admin reload tries both again (two deadlines) and answers at one.
            let start = ContinuousClock.now
            let reload = try await client.post("/v1/admin/reload", nil, headers: AdminEndpointTests.authorized)
            let waited = Self.seconds(ContinuousClock.now - start)
            #expect(reload.status == .serviceUnavailable)
            #expect(reload.errorCode == "reload_pending")
            #expect(reload.headers[.retryAfter] == "5")
            #expect(waited < deadlineSeconds + 1.5, "answered after \(waited) s, deadline \(deadlineSeconds) s")

            // An upload that is slow to check is refused at the deadline, and nothing is written.
            let uploadStart = ContinuousClock.now
            let upload = try await client.put("/v1/admin/policies/slow-c", body(Self.slowPolicy(id: "slow-c", decisions: decisions)),
                                              headers: AdminEndpointTests.authorized)
            let uploadWaited = Self.seconds(ContinuousClock.now - uploadStart)
            #expect(upload.status == .unprocessableContent)
            #expect(upload.errorCode == "policy_too_slow")
            #expect(uploadWaited < deadlineSeconds + 1.5, "answered after \(uploadWaited) s, deadline \(deadlineSeconds) s")
        }
        #expect(!FileManager.default.fileExists(atPath: harness.path("slow-c.yaml")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.policies).filter { $0.hasPrefix(".upload") }.isEmpty)
    }

    /// The built binary, in the middle of reading a policy that takes far longer to check
    /// than the test waits, stops within a few seconds of SIGTERM.
    @Test func sigtermDuringALongReloadStopsTheServerPromptly() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data,
                                                   "--reload-settle-ms", "100", "--reload-deadline-ms", "600000"])
        try harness.write("slow.yaml", Self.slowPolicy(id: "slow", decisions: 100))
        let reading = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            try await HotReloadTests.eventually(30) {
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

extension String {
    /// Writes `text` to the file at this path and returns the path.
    func writing(_ text: String) throws -> String {
        try text.write(toFile: self, atomically: false, encoding: .utf8)
        return self
    }
}
