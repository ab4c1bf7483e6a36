import CarePolicy
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

@Suite("GET /v1/policies/{id}/tree")
struct TreeEndpointTests {
    @Test(arguments: [TreeRenderer.Format.mermaid, .dot, .text])
    func drawsOneDecisionAsTheCLIDoes(format: TreeRenderer.Format) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let policy = try LoadedPolicy.load(path: harness.path("anqing.yaml"))
        let date = CivilDate("2026-06-01")!
        let index = try #require(policy.checked.decisionIndex(named: "gov_purchase_eligible"))
        let tree = try #require(policy.compiled.epoch(on: date).trees[index])
        let expected = TreeRenderer.render(tree, policy: policy.checked, format: format) + "\n"
        try await harness.test { client in
            let response = try await client.get("/v1/policies/anqing/tree?decision=gov_purchase_eligible&format=\(format.rawValue)&as_of=2026-06-01")
            #expect(response.status == .ok)
            #expect(response.text == expected)
            #expect(response.headers[HTTPField.Name("CarePolicy-Policy")!] == "anqing")
        }
    }

    /// Without `decision`, every rule table is one picture: one digraph, a cluster per decision.
    @Test func drawsTheWholePolicyAsOnePicture() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let dot = try await client.get("/v1/policies/anqing/tree?format=dot&as_of=2026-06-01")
            #expect(dot.status == .ok)
            #expect(dot.text.components(separatedBy: "digraph ").count == 2)
            #expect(dot.text.components(separatedBy: "subgraph \"cluster_").count == 6)
            let mermaid = try await client.get("/v1/policies/anqing/tree?as_of=2026-06-01")
            #expect(mermaid.text.components(separatedBy: "flowchart TD").count == 2)
            #expect(mermaid.text.components(separatedBy: "\n  subgraph ").count == 6)
        }
    }

    @Test(arguments: [
        ("/v1/policies/anqing/tree?decision=service_teir", 400, "invalid_request", "decision"),
        ("/v1/policies/anqing/tree?format=png", 400, "invalid_request", "format"),
        ("/v1/policies/anqing/tree?decision=monthly_subsidy_cny", 422, "not_a_rule_table", "decision"),
        ("/v1/policies/anqing/tree?as_of=yesterday", 400, "invalid_request", "as_of"),
        ("/v1/policies/none/tree", 404, "unknown_policy", "id"),
    ])
    func refusesBadQueries(uri: String, status: Int, code: String, field: String) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.get(uri)
            #expect(response.status.code == status)
            #expect(response.errorCode == code)
            #expect(response.errorField == field)
        }
    }

    @Test func suggestsTheNearestDecisionName() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.get("/v1/policies/anqing/tree?decision=service_teir")
            #expect(value(response.json, "error", "message") as? String == "`decision`: policy `anqing` has no decision `service_teir`; did you mean `service_tier`?")
        }
    }
}
