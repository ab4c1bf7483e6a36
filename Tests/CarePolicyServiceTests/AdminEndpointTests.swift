import CarePolicy
import Foundation
import HTTPTypes
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

@Suite("Admin: POST /v1/admin/reload, PUT /v1/admin/policies/{id}")
struct AdminEndpointTests {
    static let token = "test-token-0123456789"
    static var authorized: HTTPFields { [.authorization: "Bearer \(token)"] }

    func harness() throws -> ServiceHarness {
        try ServiceHarness { configuration in
            configuration.adminToken = Self.token
            // Only admin actions reload in these tests.
            configuration.reloadInterval = .seconds(3600)
            configuration.watchFileWrites = false
        }
    }

    @Test func refusedWithoutAConfiguredToken() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/admin/reload", nil, headers: Self.authorized)
            #expect(response.status == .forbidden)
            #expect(response.errorCode == "admin_disabled")
        }
    }

    @Test(arguments: ["", "Bearer wrong", "Basic dGVzdA==", "Bearer \(token)x"])
    func refusedWithoutTheRightToken(header: String) async throws {
        let harness = try harness()
        defer { harness.remove() }
        try await harness.test { client in
            let headers: HTTPFields = header.isEmpty ? [:] : [.authorization: header]
            let response = try await client.post("/v1/admin/reload", nil, headers: headers)
            #expect(response.status == .unauthorized)
            #expect(response.errorCode == "unauthorized")
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test func reloadPicksUpAnEditAtOnce() async throws {
        let harness = try harness()
        defer { harness.remove() }
        try await harness.test { client in
            try harness.write("dongxihu.yaml", try harness.read("dongxihu.yaml").replacingOccurrences(of: "version: \"2025.1\"", with: "version: \"2025.2\""))
            let response = try await client.post("/v1/admin/reload", nil, headers: Self.authorized)
            #expect(response.status == .ok)
            #expect(response.text == #"{"accepted":["dongxihu","dongxihu-volunteer-60-74"],"unchanged":["anqing","anqing-gov-purchase-tekun","anqing-hourly-rate-10","rural-pilot","sunhe"],"removed":[],"held":[],"refused":[]}"#)
            let policy = try await client.get("/v1/policies/dongxihu")
            #expect(policy.json["version"] as? String == "2025.2")
        }
    }

    @Test func uploadReplacesAPolicyThatChecks() async throws {
        let harness = try harness()
        defer { harness.remove() }
        let edited = try harness.read("anqing.yaml").replacingOccurrences(of: "version: \"2026.1\"", with: "version: \"2026.2\"")
        try await harness.test { client in
            let response = try await client.put("/v1/admin/policies/anqing", body(edited), headers: Self.authorized)
            #expect(response.status == .ok)
            #expect(value(response.json, "policy", "version") as? String == "2026.2")
            #expect(response.headers[HTTPField.Name("CarePolicy-Policy-Version")!] == "2026.2")
            let evaluation = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            #expect(value(evaluation.json, "policy", "version") as? String == "2026.2")
        }
        #expect(try harness.read("anqing.yaml") == edited)
    }

    @Test func uploadOfANewPolicyIs201() async throws {
        let harness = try harness()
        defer { harness.remove() }
        let variant = try harness.read("dongxihu.yaml")
            .replacingOccurrences(of: "id: dongxihu", with: "id: dongxihu-trial")
        try #require(variant.contains("id: dongxihu-trial"))
        try await harness.test { client in
            let response = try await client.put("/v1/admin/policies/dongxihu-trial", body(variant), headers: Self.authorized)
            #expect(response.status == .created)
            #expect(value(response.json, "policy", "id") as? String == "dongxihu-trial")
            let list = try await client.get("/v1/policies")
            // Uploaded beside the others, not under variants/: a live policy, though it extends dongxihu.
            #expect((list.json["policies"] as? [[String: Any]])?.count == 5)
            #expect((list.json["variants"] as? [[String: Any]])?.count == 3)
        }
        #expect(FileManager.default.fileExists(atPath: harness.path("dongxihu-trial.yaml")))
    }

    @Test func uploadWithErrorsIs422WithLinesAndChangesNothing() async throws {
        let harness = try harness()
        defer { harness.remove() }
        let original = try harness.read("anqing.yaml")
        let broken = original.replacingOccurrences(of: "when: five_elders", with: "when: five_elder")
        try #require(broken != original)
        try await harness.test { client in
            var english = Self.authorized
            english[.acceptLanguage] = "en-GB, zh;q=0.5"
            let response = try await client.put("/v1/admin/policies/anqing", body(broken), headers: english)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "policy_refused")
            let problems = try #require(value(response.json, "error", "problems") as? [[String: Any]])
            #expect(problems.first?["message"] as? String == "unknown name `five_elder`")
            #expect(problems.first?["help"] as? String == "did you mean `five_elders`?")
            let chinese = try await client.put("/v1/admin/policies/anqing", body(broken), headers: Self.authorized)
            let chineseProblems = try #require(value(chinese.json, "error", "problems") as? [[String: Any]])
            #expect(chineseProblems.first?["message"] as? String == "未知的名称 `five_elder`")
            #expect(chineseProblems.first?["help"] as? String == "您是不是要写 `five_elders`？")
            #expect((problems.first?["file"] as? String)?.hasSuffix("/anqing.yaml") == true)
            #expect(value(response.json, "error", "line") as? Int == problems.first?["line"] as? Int)
            let evaluation = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            #expect(value(evaluation.json, "policy", "version") as? String == "2026.1")
        }
        #expect(try harness.read("anqing.yaml") == original)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.policies).filter { $0.hasPrefix(".upload") }
        #expect(leftovers.isEmpty)
    }

    @Test func uploadUnderAnotherIDIsRefused() async throws {
        let harness = try harness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.put("/v1/admin/policies/dongxihu", body(try harness.read("anqing.yaml")), headers: Self.authorized)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "id_mismatch")
            let traversal = try await client.put("/v1/admin/policies/..%2Fescape", body("x"), headers: Self.authorized)
            #expect(traversal.status == .badRequest)
            #expect(traversal.errorCode == "invalid_policy_id")
        }
    }
}
