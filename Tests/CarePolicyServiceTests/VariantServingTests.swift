import CarePolicy
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import CarePolicyService
import PolicyModel

/// The what-if variants under `policies/variants/` are not live policies: listed apart,
/// usable for what-if, refused with 404 `variant_not_served` where decisions about real
/// persons are made, unless the service serves variants (`serve --serve-variants`).
@Suite("What-if variants are not live policies")
struct VariantServingTests {
    static let person = SamplePerson.json(["id": "v-1", "birth_date": "1946-03-01", "subsistence": "dibao", "ability_level": 2,
                                           "children_in_district": false, "child_caregiver_nearby": false])

    @Test(arguments: [
        "/v1/policies/anqing-hourly-rate-10/evaluate",
        "/v1/policies/anqing-hourly-rate-10/evaluate-batch",
        "/v1/policies/anqing-hourly-rate-10/ledger/replay",
        "/v1/policies/anqing-hourly-rate-10/approval",
        "/v1/policies/dongxihu-volunteer-60-74/evaluate",
    ])
    func aVariantDecidesNothingAboutRealPersons(uri: String) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post(uri, evaluationBody())
            #expect(response.status == .notFound)
            #expect(response.errorCode == "variant_not_served")
            #expect(response.errorField == "id")
        }
    }

    @Test func theRefusalSaysWhatTheVariantIsAndWhatToDo() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing-hourly-rate-10/evaluate", evaluationBody())
            let message = try #require(value(response.json, "error", "message") as? String)
            #expect(message == "`anqing-hourly-rate-10` is a what-if variant of `anqing` (\(harness.policies)/variants/anqing-hourly-rate-10.yaml), not a live policy: it decides nothing about real persons here; compare it with POST /v1/whatif, or start the service with --serve-variants; live policies: anqing, dongxihu, rural-pilot, sunhe")
            #expect(response.headers[HTTPField.Name("CarePolicy-Policy")!] == "anqing-hourly-rate-10")
        }
    }

    @Test func aVariantCanBeReadDrawnAndCompared() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let detail = try await client.get("/v1/policies/anqing-hourly-rate-10")
            #expect(detail.status == .ok)
            #expect(detail.json["variant"] as? Bool == true)
            #expect(detail.json["extends"] as? String == "anqing")
            #expect(try await client.get("/v1/policies/anqing").json["variant"] as? Bool == false)
            #expect(try await client.get("/v1/policies/anqing-hourly-rate-10/tree?decision=service_tier").status == .ok)
            #expect(try await client.get("/v1/policies/anqing-hourly-rate-10/status").status == .ok)
            let whatif = try await client.post("/v1/whatif", body("""
            {"baseline": "anqing", "variant": "anqing-hourly-rate-10", "population": [\(Self.person)], "as_of": "2026-06-01"}
            """))
            #expect(whatif.status == .ok)
            #expect(value(whatif.json, "changed_persons") as? Int == 1)
        }
    }

    @Test func withServeVariantsAVariantIsEvaluated() async throws {
        let harness = try ServiceHarness { $0.serveVariants = true }
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing-hourly-rate-10/evaluate", body("""
            {"facts": \(Self.person), "as_of": "2026-06-01"}
            """))
            #expect(response.status == .ok, "\(response.text)")
            #expect(value(response.json, "decisions", "monthly_subsidy_cny") as? String == "200.00")
            let list = try await client.get("/v1/policies")
            #expect((list.json["variants"] as? [[String: Any]])?.allSatisfy { $0["evaluated"] as? Bool == true } == true)
            let ready = try await client.get("/readyz")
            #expect(ready.json["policies"] as? Int == 4)
            #expect(ready.json["variants"] as? Int == 3)
        }
    }

    /// The what-if error names the served variants of the baseline, not the CLI's `--set`.
    @Test func aWhatIfWithoutAVariantNamesTheServedOnes() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            for (variant, what) in [("dongxihu", "extends no policy"), ("anqing", "is the baseline itself")] {
                let response = try await client.post("/v1/whatif", body("""
                {"baseline": "anqing", "variant": "\(variant)", "population": []}
                """))
                #expect(response.status == .unprocessableContent)
                let message = try #require(value(response.json, "error", "message") as? String)
                #expect(message == "`variant`: policy `\(variant)` \(what), so it is not a variant of `anqing`; served variants of `anqing`: anqing-gov-purchase-tekun, anqing-hourly-rate-10")
                #expect(!message.contains("--set"))
            }
        }
    }
}
