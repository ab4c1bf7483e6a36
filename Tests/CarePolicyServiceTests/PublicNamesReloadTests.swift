import CarePolicy
import CarePolicyService
import Foundation
import HTTPTypes
import TestSupport
import Testing

/// Names are the product's interface (the brief, section 5): a new text of a served
/// policy that drops a public decision or an input is refused on reload and on upload,
/// unless it changes the policy's `version`.
@Suite("Reloads that drop public names")
struct PublicNamesReloadTests {
    /// Anqing without its `required_documents` decision, under `version`.
    static func withoutRequiredDocuments(_ original: String, version: String) throws -> String {
        let start = try #require(original.range(of: "\n  required_documents:\n"))
        let end = try #require(original.range(of: "\n# 2.5 服务券"))
        return HotReloadTests.version(String(original[..<start.lowerBound]) + "\n" + String(original[end.lowerBound...]), version)
    }

    static let message = "this text of `anqing` drops the decision `required_documents` of the served version `2026.1` without changing `version`"
    /// The same in Chinese, the default language of the status and the log.
    static let messageZH = "`anqing` 的这一版去掉了正在提供的版本 `2026.1` 中的决策 `required_documents`，却没有改 `version`"
    static let helpZH = "其他系统依赖这些名称：请保留它们，或者给政策一个新的 `version:`，有意发布这个改动"
    static let help = "other systems depend on these names: keep them, or give the policy a new `version:` to publish the change on purpose"

    @Test func aReloadThatDropsADecisionIsRefusedUntilTheVersionChanges() async throws {
        let harness = try ServiceHarness { configuration in
            configuration.reloadInterval = .milliseconds(20)
        }
        defer { harness.remove() }
        let original = try harness.read("anqing.yaml")
        let log = LogRecorder()
        try await harness.test(log: log) { client in
            try harness.write("anqing.yaml", try Self.withoutRequiredDocuments(original, version: "2026.1"))
            #expect(try await HotReloadTests.eventually(60) { try await HotReloadTests.lastAttempt(client)["outcome"] as? String == "refused" })
            let status = try await client.get("/v1/policies/anqing/status")
            #expect(value(status.json, "serving", "version") as? String == "2026.1")
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "message") as? String == Self.messageZH)
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "help") as? String == Self.helpZH)
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "line") as? Int == 8)
            #expect(value(status.json, "last_attempt", "diagnostics", "0", "column") as? Int == 3)
            let answer = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            #expect(value(answer.json, "decisions", "required_documents") is [Any])
            #expect(log.all.contains { $0.hasPrefix("error policy file refused; the last good version keeps serving") && $0.contains(Self.messageZH) })

            try harness.write("anqing.yaml", try Self.withoutRequiredDocuments(original, version: "2026.2"))
            #expect(try await HotReloadTests.eventually(60) { try await client.get("/v1/policies/anqing").json["version"] as? String == "2026.2" })
            let after = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            #expect(value(after.json, "decisions", "required_documents") == nil)
            #expect((after.json["decisions"] as? [String: Any])?.count == 5)
        }
    }

    @Test func anUploadThatDropsADecisionIs422AndWritesNothing() async throws {
        let harness = try ServiceHarness { configuration in
            configuration.adminToken = AdminEndpointTests.token
            configuration.reloadInterval = .seconds(3600)
            configuration.watchFileWrites = false
        }
        defer { harness.remove() }
        let original = try harness.read("anqing.yaml")
        try await harness.test { client in
            let response = try await client.put("/v1/admin/policies/anqing", body(try Self.withoutRequiredDocuments(original, version: "2026.1")),
                                                headers: AdminEndpointTests.authorized)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "names_dropped")
            #expect(value(response.json, "error", "message") as? String == Self.message + "; nothing was changed")
            #expect(value(response.json, "error", "line") as? Int == 8)
            #expect((value(response.json, "error", "problems", "0", "file") as? String)?.hasSuffix("/anqing.yaml") == true)
        }
        #expect(try harness.read("anqing.yaml") == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.policies).filter { $0.hasPrefix(".upload") }.isEmpty)
    }

    /// Inputs count too, and a new version lets them go.
    @Test func droppingAnInputIsRefusedUnderTheSameVersion() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        func text(version: String, inputs: [String]) -> String {
            "policy: {id: names, title: 名称, version: \"\(version)\", effective_from: 2020-01-01}\ninputs:\n"
                + inputs.map { "  \($0): {type: bool, label: \($0)}\n" }.joined()
                + "decisions:\n  any_set:\n    label: 决定\n    type: bool\n    value: \(inputs.joined(separator: " or "))\n    reason: 测试\n"
        }
        let served = try LoadedPolicy.load(path: try folder.write("names.yaml", text(version: "1", inputs: ["a", "b", "c"])))
        let fewer = try LoadedPolicy.load(path: try folder.write("names.yaml", text(version: "1", inputs: ["a"])))
        let refusal = try #require(PolicyInterface.refusal(replacing: served, with: fewer))
        #expect(refusal.text(.en) == "this text of `names` drops the inputs `b`, `c` of the served version `1` without changing `version`")
        #expect(refusal.span?.line == 1)
        let renamed = try LoadedPolicy.load(path: try folder.write("names.yaml", text(version: "2", inputs: ["a"])))
        #expect(PolicyInterface.refusal(replacing: served, with: renamed) == nil)
        let more = try LoadedPolicy.load(path: try folder.write("names.yaml", text(version: "1", inputs: ["a", "b", "c", "d"])))
        #expect(PolicyInterface.refusal(replacing: served, with: more) == nil)
    }
}
