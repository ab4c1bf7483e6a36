import CarePolicy
import CarePolicyService
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Hot reload serves only complete files: a file written in pieces is not read while
/// its writer holds it open, however long it pauses; a file that never stops changing
/// is still served; every completed edit is served within the documented time
/// (docs/operations.md: the settle period, plus a tenth of a second, plus the check).
/// The timed tests run the built binary, so the time measured is the service's own
/// (`loaded_at`), whatever else the test process is busy with.
@Suite("Hot reload of complete files only")
struct CompleteFileReloadTests {
    /// The allowance for checking the policies that read the file (the documented bound
    /// adds their check time) on a shared machine running the whole suite in parallel.
    static let checkAllowance = 3.0

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The policy a text would be if it were read: loaded from a probe file beside the
    /// served ones, under a name the watcher ignores.
    static func probe(_ text: String, in harness: ServiceHarness) throws -> LoadedPolicy {
        let path = harness.path("probe-\(UUID().uuidString).txt")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try LoadedPolicy.load(path: path, policyDirectory: harness.policies)
    }

    /// A live response's body as a JSON object.
    static func json(_ response: TestClient.Response) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body ?? ByteBuffer()))) as? [String: Any] ?? [:]
    }

    /// `2026-06-01T08:30:00.123Z` as a date.
    static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Four clients evaluate without pause until `stop` is set; the answers are counted
    /// by policy hash and the number of decisions they carry.
    static func workers(port: Int, answers: SeenAnswers, stop: StopFlag) -> [Task<Void, Never>] {
        let body = ByteBuffer(string: "{\"facts\": \(SamplePerson.json()), \"as_of\": \"2026-06-01\"}")
        return (0..<4).map { _ in
            Task {
                while !stop.isSet {
                    let client = TestClient(host: "127.0.0.1", port: port)
                    client.connect()
                    while !stop.isSet, let response = try? await client.post("/v1/policies/anqing/evaluate", body: body) {
                        let json = Self.json(response)
                        let hash = value(json, "policy", "hash") as? String ?? "status \(response.status.code)"
                        answers.add("\(hash) \((json["decisions"] as? [String: Any])?.count ?? 0)")
                    }
                    try? await client.shutdown()
                }
            }
        }
    }

    /// Polls the live service until `check` holds, for at most a minute.
    static func eventually(_ client: TestClient, _ check: (TestClient) async throws -> Bool) async throws -> Bool {
        try await HotReloadTests.eventually(60) { try await check(client) }
    }

    #if os(Linux)
    /// The issue's scenario: `anqing.yaml` written up to `  monthly_hours:`, a pause of
    /// three seconds, then the rest, while four clients evaluate. The first piece is a
    /// valid policy of three decisions under a new version, so nothing but the reload's
    /// timing keeps it out.
    @Test func aFileWrittenInPiecesIsServedOnlyOnceComplete() async throws {
        let settle = 0.3
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let original = try harness.read("anqing.yaml")
        let complete = HotReloadTests.version(original, "2026.2")
        let cut = try #require(complete.range(of: "\n  monthly_hours:\n"))
        let firstPiece = String(complete[..<cut.lowerBound]) + "\n"
        let rest = String(complete[complete.index(after: cut.lowerBound)...])
        let truncated = try Self.probe(firstPiece, in: harness)
        #expect(truncated.metadata.version == "2026.2")
        #expect(truncated.checked.publicDecisionIndices.count == 3)
        let completeHash = try Self.probe(complete, in: harness).metadata.contentHash
        let originalHash = try LoadedPolicy.load(path: harness.path("anqing.yaml"), policyDirectory: harness.policies).metadata.contentHash
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data, "--no-decision-log",
                                                   "--reload-settle-ms", "\(Int(settle * 1000))", "--reload-interval-ms", "50"])
        let answers = SeenAnswers()
        let stop = StopFlag()
        let workers = Self.workers(port: server.port, answers: answers, stop: stop)
        let client = TestClient(host: "127.0.0.1", port: server.port)
        client.connect()
        #expect(try await HotReloadTests.eventually(60) { answers.count("\(originalHash) 6") > 0 })

        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: harness.path("anqing.yaml")))
        try file.truncate(atOffset: 0)
        try file.write(contentsOf: Data(firstPiece.utf8))
        let pauseStart = ContinuousClock.now
        // The service has seen the first piece, and holds it because its writer has it open.
        #expect(try await Self.eventually(client) { client in
            let pending = Self.json(try await client.get("/v1/policies/anqing/status"))["pending"] as? [[String: Any]] ?? []
            return pending.contains { $0["file_sha256"] as? String == DirectoryFingerprint.hash(firstPiece) && $0["waiting_for"] as? String == "writing" }
        })
        try await Task.sleep(until: pauseStart + .seconds(3), clock: .continuous)
        let during = Self.json(try await client.get("/v1/policies/anqing/status"))
        #expect(value(during, "serving", "hash") as? String == originalHash)
        #expect(answers.count("\(truncated.metadata.contentHash) 3") == 0)

        try file.write(contentsOf: Data(rest.utf8))
        try file.close()
        let closed = Date()
        #expect(try await Self.eventually(client) { Self.json(try await $0.get("/v1/policies/anqing"))["hash"] as? String == completeHash })
        let loadedAt = Self.date(Self.json(try await client.get("/v1/policies/anqing"))["loaded_at"] as? String)
        let served = loadedAt.map { $0.timeIntervalSince(closed) } ?? .infinity
        #expect(served < settle + 0.1 + Self.checkAllowance, "served \(served) s after the writer closed the file")
        #expect(try await HotReloadTests.eventually(60) { answers.count("\(completeHash) 6") > 0 })
        stop.set()
        for worker in workers { await worker.value }
        try? await client.shutdown()
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)
        let seen = answers.all
        #expect(Set(seen.keys).isSubset(of: ["\(originalHash) 6", "\(completeHash) 6"]), "answers: \(seen)")
    }

    /// While the shared vocabulary `common/person.yaml` is held open by its writer, an
    /// edit of `dongxihu.yaml` (which includes it) waits too, and every policy keeps
    /// serving; once the writer closes the file, the edit goes live.
    @Test func anEditWaitsForASharedIncludeBeingWritten() async throws {
        let harness = try ServiceHarness { configuration in
            configuration.reloadInterval = .milliseconds(50)
        }
        defer { harness.remove() }
        let include = try harness.read("common/person.yaml")
        let cut = try #require(include.range(of: "\n  hukou_local:\n"))
        try await harness.test { client in
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: harness.path("common/person.yaml")))
            try file.truncate(atOffset: 0)
            try file.write(contentsOf: Data(include[..<cut.lowerBound].utf8))
            try harness.write("dongxihu.yaml", try harness.read("dongxihu.yaml").replacingOccurrences(of: "version: \"2025.1\"", with: "version: \"2025.2\""))
            #expect(try await HotReloadTests.eventually(60) {
                let pending = try await client.get("/v1/policies/dongxihu/status").json["pending"] as? [[String: Any]] ?? []
                return Set(pending.compactMap { $0["file"] as? String }) == [harness.path("common/person.yaml"), harness.path("dongxihu.yaml")]
                    && pending.contains { $0["waiting_for"] as? String == "writing" }
            })
            // The edit is ready, but it reads the file being written: nothing changes, nothing is refused.
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await client.get("/v1/policies/dongxihu").json["version"] as? String == "2025.1")
            #expect(try await client.get("/readyz").json["refused_files"] as? [String] == [])
            #expect(try await client.post("/v1/policies/anqing/evaluate", evaluationBody()).status == .ok)

            try file.write(contentsOf: Data(include[cut.lowerBound...].utf8))
            try file.close()
            #expect(try await HotReloadTests.eventually(60) { try await client.get("/v1/policies/dongxihu").json["version"] as? String == "2025.2" })
            #expect(try await client.get("/readyz").json["refused_files"] as? [String] == [])
            #expect((try await client.get("/v1/policies/dongxihu/status").json["pending"] as? [Any])?.isEmpty == true)
        }
    }
    #endif

    /// A file rewritten every 200 ms never settles; it is still served after the maximum
    /// wait, and every answer meanwhile has all six decisions. Heard through inotify the
    /// writes are made in place (truncate, write, close); polled, by rename, as
    /// docs/operations.md asks of publishers where inotify is not available.
    @Test(arguments: [true, false])
    func aFileThatKeepsChangingIsStillServed(hearingWrites: Bool) async throws {
        #if !os(Linux)
        if hearingWrites { return }
        #endif
        let maxWait = 2.0
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let original = try harness.read("anqing.yaml")
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data, "--no-decision-log",
                                                   "--reload-settle-ms", "1000", "--reload-max-wait-ms", "\(Int(maxWait * 1000))",
                                                   "--reload-interval-ms", "50"] + (hearingWrites ? [] : ["--reload-by-polling"]))
        let answers = SeenAnswers()
        let stop = StopFlag()
        let workers = Self.workers(port: server.port, answers: answers, stop: stop)
        let client = TestClient(host: "127.0.0.1", port: server.port)
        client.connect()
        // The writer has a thread of its own, so it keeps its pace however busy the
        // test's tasks are; the first write is when the wait starts.
        let progress = WriterProgress()
        let writer = Thread {
            var number = 100
            while !stop.isSet {
                let text = HotReloadTests.version(original, "2026.\(number)")
                if hearingWrites {
                    if let file = FileHandle(forWritingAtPath: harness.path("anqing.yaml")) {
                        try? file.truncate(atOffset: 0)
                        try? file.write(contentsOf: Data(text.utf8))
                        try? file.close()
                    }
                } else {
                    try? harness.write("anqing.yaml", text)
                }
                progress.wrote()
                number += 1
                Thread.sleep(forTimeInterval: 0.2)
            }
            progress.finish()
        }
        writer.start()
        // Watched from a thread of its own too: the moment a new version first answers.
        let port = server.port
        let watcher = Thread {
            while !stop.isSet && progress.firstServed == nil {
                let version = BlockingGet.json(port: port, path: "/v1/policies/anqing")?["version"] as? String ?? ""
                if version.hasPrefix("2026.1") && version != "2026.1" { progress.served() }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        watcher.start()
        #expect(try await Self.eventually(client) { client in
            let version = Self.json(try await client.get("/v1/policies/anqing"))["version"] as? String ?? ""
            return version.hasPrefix("2026.1") && version != "2026.1"
        })
        let detail = Self.json(try await client.get("/v1/policies/anqing"))
        #expect(try await HotReloadTests.eventually(60) { progress.firstServed != nil })
        let served = (progress.firstServed ?? .distantFuture).timeIntervalSince(progress.firstWrite ?? .distantPast)
        #expect(served < maxWait + 0.1 + Self.checkAllowance, "served after \(served) s")
        #expect((detail["decisions"] as? [Any])?.count == 6)
        stop.set()
        #expect(try await HotReloadTests.eventually(60) { progress.finished })
        for worker in workers { await worker.value }
        try? await client.shutdown()
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)
        #expect(answers.all.keys.allSatisfy { $0.hasSuffix(" 6") }, "answers: \(answers.all)")
    }
}

/// When a writer thread first wrote, when a new version first answered, and whether
/// the writer has stopped.
final class WriterProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Date?
    private var answered: Date?
    private var done = false

    var firstWrite: Date? { lock.withLock { first } }
    var firstServed: Date? { lock.withLock { answered } }
    var finished: Bool { lock.withLock { done } }

    func wrote() { lock.withLock { if first == nil { first = Date() } } }
    func served() { lock.withLock { if answered == nil { answered = Date() } } }
    func finish() { lock.withLock { done = true } }
}
