import CarePolicy
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import CarePolicyService
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

@Suite("Hot reload")
struct HotReloadTests {
    /// Polls `check` until it holds, for at most `seconds`.
    static func eventually(_ seconds: Double = 10, _ check: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await check() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    static func version(_ text: String, _ version: String) -> String {
        text.replacingOccurrences(of: "version: \"2026.1\"", with: "version: \"\(version)\"")
    }

    /// The last load attempt of anqing, as `GET /v1/policies/anqing/status` shows it.
    static func lastAttempt(_ client: any TestClientProtocol) async throws -> [String: Any] {
        try await client.get("/v1/policies/anqing/status").json["last_attempt"] as? [String: Any] ?? [:]
    }

    /// Four clients evaluate without pause while the file is edited; every step waits on
    /// what the service shows (the served version, the last attempt at `/status`, the
    /// answers the clients got), never on a fixed time.
    @Test func everyResponseDuringEditsComesFromTheOldOrTheNewVersion() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.reloadInterval = .milliseconds(20)
        }
        defer { harness.remove() }
        let original = try harness.read("anqing.yaml")
        let hashes = LockedHashes()
        hashes.add("2026.1", try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash)
        let answers = SeenAnswers()
        @Sendable func answered(_ version: String) -> Int { answers.count("\(version) \(hashes.all[version] ?? "")") }
        let request = evaluationBody()
        try await harness.test { client in
            let stop = StopFlag()
            let workers = (0..<4).map { _ in
                Task {
                    while !stop.isSet {
                        let response = try await client.post("/v1/policies/anqing/evaluate", request)
                        let version = value(response.json, "policy", "version") as? String ?? "status \(response.status.code): \(response.text)"
                        let hash = value(response.json, "policy", "hash") as? String ?? ""
                        answers.add("\(version) \(hash)")
                    }
                }
            }
            #expect(try await Self.eventually { answered("2026.1") > 0 })

            // 1. A good edit goes live.
            try harness.write("anqing.yaml", Self.version(original, "2026.2"))
            hashes.add("2026.2", try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash)
            #expect(try await Self.eventually { try await client.get("/v1/policies/anqing").json["version"] as? String == "2026.2" })
            #expect(try await Self.eventually { answered("2026.2") > 0 })

            // 2. A broken edit is refused, with its diagnostics at /status; 2026.2 keeps serving.
            try harness.write("anqing.yaml", Self.version(original, "2026.3").replacingOccurrences(of: "when: five_elders", with: "when: five_elder"))
            #expect(try await Self.eventually { try await Self.lastAttempt(client)["outcome"] as? String == "refused" })
            let status = try await client.get("/v1/policies/anqing/status")
            #expect(value(status.json, "serving", "version") as? String == "2026.2")
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "message") as? String == "未知的名称 `five_elder`")
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "help") as? String == "您是不是要写 `five_elders`？")
            let english = try await client.get("/v1/policies/anqing/status", headers: [.acceptLanguage: "en"])
            #expect(value(english.json, "last_attempt", "diagnostics", "0", "message") as? String == "unknown name `five_elder`")
            #expect(value(english.json, "last_attempt", "diagnostics", "0", "help") as? String == "did you mean `five_elders`?")
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "line") is Int)
            let ready = try await client.get("/readyz")
            // The broken base and the two variants that extend it; all three keep serving their last good version.
            #expect((ready.json["refused_files"] as? [String])?.count == 3)
            let beforeRefusal = answered("2026.2")
            #expect(try await Self.eventually { answered("2026.2") > beforeRefusal })

            // 3. A file caught half-written (cut inside the version's quotes: an unterminated
            // quoted scalar is never valid YAML) is refused, and 2026.2 keeps answering;
            // once the rest is written, the new version goes live.
            let next = Self.version(original, "2026.4")
            let quoted = try #require(next.range(of: "version: \"2026.4\""))
            let half = String(next[..<next.index(quoted.lowerBound, offsetBy: "version: \"20".count)])
            try half.write(toFile: harness.path("anqing.yaml"), atomically: false, encoding: .utf8)
            #expect(try await Self.eventually {
                let attempt = try await Self.lastAttempt(client)
                return attempt["outcome"] as? String == "refused"
                    && (value(attempt, "diagnostics", "0", "message") as? String)?.hasPrefix("文件不是合法的 YAML") == true
            })
            let refusal = try await client.get("/v1/policies/anqing/status", headers: [.acceptLanguage: "en"])
            #expect(value(refusal.json, "last_attempt", "diagnostics", "0", "message") as? String
                    == "the file is not valid YAML: while scanning a quoted scalar found unexpected end of stream")
            #expect(value(refusal.json, "last_attempt", "diagnostics", "0", "line") as? Int == half.split(separator: "\n", omittingEmptySubsequences: false).count)
            #expect(value(refusal.json, "serving", "version") as? String == "2026.2")
            #expect(value(refusal.json, "serving", "hash") as? String == hashes.all["2026.2"])
            let during = try await client.post("/v1/policies/anqing/evaluate", request)
            #expect(value(during.json, "policy", "hash") as? String == hashes.all["2026.2"])
            let beforeCompletion = answered("2026.2")
            #expect(try await Self.eventually { answered("2026.2") > beforeCompletion })

            try next.write(toFile: harness.path("anqing.yaml"), atomically: false, encoding: .utf8)
            hashes.add("2026.4", try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash)
            #expect(try await Self.eventually { try await client.get("/v1/policies/anqing").json["version"] as? String == "2026.4" })
            #expect(try await Self.lastAttempt(client)["outcome"] as? String == "accepted")
            #expect(try await Self.eventually { answered("2026.4") > 0 })
            stop.set()
            for worker in workers { try await worker.value }

            let allowed = Set(hashes.all.map { "\($0.key) \($0.value)" })
            let seen = answers.all
            #expect(Set(seen.keys).isSubset(of: allowed), "responses: \(seen)")
            let refusals = try await client.get("/metrics").text
            #expect(refusals.contains(#"carepolicy_policy_reload_failures_total{policy="anqing"}"#))
        }
    }

    @Test func aNewFileGoesLiveAndADeletedOneStops() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.reloadInterval = .milliseconds(20)
        }
        defer { harness.remove() }
        try await harness.test { client in
            try harness.write("dongxihu-copy.yaml", try harness.read("dongxihu.yaml").replacingOccurrences(of: "id: dongxihu", with: "id: dongxihu-copy"))
            #expect(try await Self.eventually { try await client.get("/v1/policies/dongxihu-copy").status == .ok })
            try FileManager.default.removeItem(atPath: harness.path("dongxihu-copy.yaml"))
            #expect(try await Self.eventually { try await client.get("/v1/policies/dongxihu-copy").status == .notFound })
        }
    }

    @Test func aSecondFileWithTheSameIDIsRefused() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.reloadInterval = .milliseconds(20)
        }
        defer { harness.remove() }
        try await harness.test { client in
            try harness.write("zz-anqing-again.yaml", try harness.read("anqing.yaml").replacingOccurrences(of: "version: \"2026.1\"", with: "version: \"9.9\""))
            #expect(try await Self.eventually { (try await client.get("/readyz").json["refused_files"] as? [String])?.count == 1 })
            let policy = try await client.get("/v1/policies/anqing")
            #expect(policy.json["version"] as? String == "2026.1")
        }
    }
}

/// Set once by the test, read by the workers.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// The answers the clients got, counted by "version hash" as they arrive.
final class SeenAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func add(_ answer: String) { lock.withLock { counts[answer, default: 0] += 1 } }
    func count(_ answer: String) -> Int { lock.withLock { counts[answer, default: 0] } }
    var all: [String: Int] { lock.withLock { counts } }
}

/// The hash of each version written, as the loader computes it.
final class LockedHashes: @unchecked Sendable {
    private let lock = NSLock()
    private var hashes: [String: String] = [:]
    func add(_ version: String, _ hash: String) { lock.withLock { hashes[version] = hash } }
    var all: [String: String] { lock.withLock { hashes } }
}
