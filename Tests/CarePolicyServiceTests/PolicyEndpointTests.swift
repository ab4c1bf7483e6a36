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

@Suite("GET /v1/policies, /v1/policies/{id}, /v1/policies/{id}/status")
struct PolicyEndpointTests {
    @Test func listsEveryServedPolicyWithVersionAndHash() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let anqing = try LoadedPolicy.load(path: harness.path("anqing.yaml"))
        try await harness.test { client in
            let response = try await client.get("/v1/policies")
            #expect(response.status == .ok)
            let policies = try #require(response.json["policies"] as? [[String: Any]])
            #expect(policies.map { $0["id"] as? String } == ["anqing", "dongxihu", "rural-pilot", "sunhe"])
            // The what-if variants under variants/ are listed apart, with the policy each extends.
            let variants = try #require(response.json["variants"] as? [[String: Any]])
            #expect(variants.map { $0["id"] as? String } == ["anqing-gov-purchase-tekun", "anqing-hourly-rate-10", "dongxihu-volunteer-60-74"])
            #expect(variants.map { $0["extends"] as? String } == ["anqing", "anqing", "dongxihu"])
            #expect(variants.allSatisfy { $0["evaluated"] as? Bool == false })
            #expect(policies[0]["version"] as? String == "2026.1")
            #expect(policies[0]["hash"] as? String == anqing.metadata.contentHash)
            #expect(policies[0]["effective_from"] as? String == "2019-01-01")
            #expect(policies[0]["title"] as? String == "安庆市政府购买居家养老服务")
        }
    }

    @Test func detailHasInputsWithChineseLabelsAndPublicDecisions() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.get("/v1/policies/anqing")
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("CarePolicy-Policy-Version")!] == "2026.1")
            let inputs = try #require(response.json["inputs"] as? [[String: Any]])
            let ability = try #require(inputs.first { $0["name"] as? String == "ability_level" })
            #expect(ability["label"] as? String == "老年人能力等级")
            #expect(ability["minimum"] as? Int == 0)
            #expect(ability["maximum"] as? Int == 4)
            let subsistence = try #require(inputs.first { $0["name"] as? String == "subsistence" })
            let values = (value(subsistence, "type", "values") as? [[String: Any]])?.compactMap { $0["value"] as? String }
            #expect(values == ["none", "dibao", "marginal", "tekun"])
            let decisions = try #require(response.json["decisions"] as? [[String: Any]])
            #expect(decisions.compactMap { $0["name"] as? String } == ["service_tier", "volunteer_priority", "gov_purchase_eligible",
                                                                        "monthly_hours", "monthly_subsidy_cny", "required_documents"])
            #expect(decisions[0]["hit_policy"] as? String == "first")
        }
    }

    @Test(arguments: [
        ("/v1/policies/nowhere", HTTPResponse.Status.notFound, "unknown_policy"),
        ("/v1/policies/Anqing", .badRequest, "invalid_policy_id"),
        ("/v1/policies/..%2F..%2Fetc%2Fpasswd", .badRequest, "invalid_policy_id"),
        ("/v1/policies/-x", .badRequest, "invalid_policy_id"),
        ("/v1/policies/nowhere/status", .notFound, "unknown_policy"),
        ("/v1/nothing-here", .notFound, "not_found"),
    ])
    func refusesUnknownAndInvalidIDs(uri: String, status: HTTPResponse.Status, code: String) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.get(uri)
            #expect(response.status == status)
            #expect(response.errorCode == code)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test func statusOfAGoodPolicySaysWhatIsServed() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.get("/v1/policies/dongxihu/status")
            #expect(response.status == .ok)
            #expect(value(response.json, "serving", "version") as? String == "2025.1")
            #expect(value(response.json, "last_attempt", "outcome") as? String == "accepted")
            #expect((value(response.json, "last_attempt", "diagnostics") as? [Any])?.isEmpty == true)
        }
    }

    @Test func aMethodTheEndpointDoesNotTakeIsAJSON405WithAllow() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.executeRequest(uri: "/v1/policies", method: .delete, headers: [:], body: nil)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
            #expect(response.text == #"{"error":{"code":"method_not_allowed","message":"/v1/policies does not take DELETE; it takes GET"}}"#)
            let nowhere = try await client.executeRequest(uri: "/v1/nowhere", method: .delete, headers: [:], body: nil)
            #expect(nowhere.text == #"{"error":{"code":"not_found","message":"no endpoint DELETE /v1/nowhere; see /openapi.json"}}"#)
        }
    }
}
