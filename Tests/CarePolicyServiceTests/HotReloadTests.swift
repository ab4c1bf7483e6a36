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

    @Test func everyResponseDuringEditsComesFromTheOldOrTheNewVersion() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.reloadInterval = .milliseconds(20)
        }
        defer { harness.remove() }
        let original = try harness.read("anqing.yaml")
        let hashes = LockedHashes()
        hashes.add("2026.1", try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash)
        let request = evaluationBody()
        try await harness.test { client in
            let stop = StopFlag()
            let workers = (0..<4).map { _ in
                Task { () -> [String: Int] in
                    var seen: [String: Int] = [:]
                    while !stop.isSet {
                        let response = try await client.post("/v1/policies/anqing/evaluate", request)
                        let version = value(response.json, "policy", "version") as? String ?? "status \(response.status.code): \(response.text)"
                        let hash = value(response.json, "policy", "hash") as? String ?? ""
                        seen["\(version) \(hash)", default: 0] += 1
                    }
                    return seen
                }
            }
            // 1. A good edit goes live.
            try harness.write("anqing.yaml", Self.version(original, "2026.2"))
            hashes.add("2026.2", try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash)
            #expect(try await Self.eventually { try await client.get("/v1/policies/anqing").json["version"] as? String == "2026.2" })

            // 2. A broken edit is refused, with its diagnostics at /status; 2026.2 keeps serving.
            try harness.write("anqing.yaml", Self.version(original, "2026.3").replacingOccurrences(of: "when: five_elders", with: "when: five_elder"))
            #expect(try await Self.eventually {
                try await client.get("/v1/policies/anqing/status").json["last_attempt"].flatMap { value($0, "outcome") } as? String == "refused"
            })
            let status = try await client.get("/v1/policies/anqing/status")
            #expect(value(status.json, "serving", "version") as? String == "2026.2")
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "message") as? String == "unknown name `five_elder`")
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "help") as? String == "did you mean `five_elders`?")
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "line") is Int)
            let ready = try await client.get("/readyz")
            // The broken base and the two variants that extend it; all three keep serving their last good version.
            #expect((ready.json["refused_files"] as? [String])?.count == 3)
            try await Task.sleep(for: .milliseconds(200))

            // 3. A file written in two steps (cut inside a quoted string, so the first part
            // is not YAML) is refused while half-written, then goes live.
            let next = Self.version(original, "2026.4")
            // Cut inside the version's quotes: an unterminated quoted scalar is never valid YAML.
            let quoted = try #require(next.range(of: "version: \"2026.4\""))
            let half = next.index(quoted.lowerBound, offsetBy: "version: \"20".count)
            try String(next[..<half]).write(toFile: harness.path("anqing.yaml"), atomically: false, encoding: .utf8)
            try await Task.sleep(for: .milliseconds(150))
            try next.write(toFile: harness.path("anqing.yaml"), atomically: false, encoding: .utf8)
            hashes.add("2026.4", try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash)
            #expect(try await Self.eventually { try await client.get("/v1/policies/anqing").json["version"] as? String == "2026.4" })
            try await Task.sleep(for: .milliseconds(100))
            stop.set()

            var seen: [String: Int] = [:]
            for worker in workers { seen.merge(try await worker.value, uniquingKeysWith: +) }
            let allowed = Set(hashes.all.map { "\($0.key) \($0.value)" })
            #expect(Set(seen.keys).isSubset(of: allowed), "responses: \(seen)")
            #expect(seen["2026.1 \(hashes.all["2026.1"] ?? "")", default: 0] > 0)
            #expect(seen["2026.2 \(hashes.all["2026.2"] ?? "")", default: 0] > 0)
            #expect(seen["2026.4 \(hashes.all["2026.4"] ?? "")", default: 0] > 0)
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

/// The hash of each version written, as the loader computes it.
final class LockedHashes: @unchecked Sendable {
    private let lock = NSLock()
    private var hashes: [String: String] = [:]
    func add(_ version: String, _ hash: String) { lock.withLock { hashes[version] = hash } }
    var all: [String: String] { lock.withLock { hashes } }
}
