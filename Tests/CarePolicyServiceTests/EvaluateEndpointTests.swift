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

@Suite("POST /v1/policies/{id}/evaluate")
struct EvaluateEndpointTests {
    static let person = (try? String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/person.json", encoding: .utf8)) ?? "{}"

    @Test func evaluatesTheREADMEPerson() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let hash = try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate", body("{\"facts\": \(Self.person), \"as_of\": \"2026-06-01\"}"))
            #expect(response.status == .ok)
            #expect(response.text == """
                {"id":"AQ-2026-0001","policy":{"id":"anqing","version":"2026.1","hash":"\(hash)"},"as_of":"2026-06-01","decisions":\
                {"service_tier":"free","volunteer_priority":true,"gov_purchase_eligible":true,"monthly_hours":20,"monthly_subsidy_cny":"160.00",\
                "required_documents":["application_form_x3","photo_2inch_x3","hukou_book","id_card","dibao_certificate"]}}
                """)
            #expect(response.headers[HTTPField.Name("CarePolicy-Policy-Hash")!] == hash)
            #expect(response.headers[HTTPField.Name("CarePolicy-Policy-Version")!] == "2026.1")
        }
    }

    @Test func explainAddsTheTraceWithReasonsAndLocations() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate",
                                                 body("{\"facts\": \(Self.person), \"as_of\": \"2026-06-01\", \"explain\": true}"))
            #expect(response.status == .ok)
            let trace = try #require(response.json["trace"] as? [[String: Any]])
            let hours = try #require(trace.first { $0["decision"] as? String == "monthly_hours" })
            #expect(value(hours, "rules", "0", "id") as? String == "free_hours")
            #expect(value(hours, "rules", "0", "reason") as? String == "享受政府购买服务的无偿服务对象，每月20小时上门服务")
            #expect((value(hours, "rules", "0", "location") as? String)?.hasSuffix("anqing.yaml:145:9") == true)
            #expect(value(hours, "read", "free_monthly_hours") as? Int == 20)
        }
    }

    @Test func ruralMealSplitIsARecordWithTwoDecimalStrings() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let facts = SamplePerson.json(["residence": "rural", "meal_price": "12.00", "birth_date": "1940-01-01"])
        let expected = try LoadedPolicy.load(path: harness.path("rural-pilot.yaml")).evaluate(json: facts, on: CivilDate("2026-06-01")!)
        let policy = try LoadedPolicy.load(path: harness.path("rural-pilot.yaml"))
        try await harness.test { client in
            let response = try await client.post("/v1/policies/rural-pilot/evaluate", body("{\"facts\": \(facts), \"as_of\": \"2026-06-01\"}"))
            #expect(response.status == .ok)
            #expect(response.text == JSONText.write(expected.json(policy: policy.checked)))
            #expect(value(response.json, "decisions", "meal_subsidy", "elder") is String)
        }
    }

    @Test(arguments: [
        // (request body, status, code, field, line)
        ("{\"facts\": {", 400, "invalid_json", nil, 1),
        ("{\n  \"facts\": {\"a\": tru}\n}", 400, "invalid_json", nil, 2),
        ("", 400, "invalid_json", nil, nil),
        ("[1, 2]", 400, "invalid_request", nil, nil),
        ("{\"fact\": {}}", 400, "invalid_request", "fact", nil),
        ("{\"facts\": 3}", 400, "invalid_request", "facts", nil),
        ("{\"facts\": {}, \"as_of\": \"2026-02-30\"}", 400, "invalid_request", "as_of", nil),
        ("{\"facts\": {}, \"explain\": \"yes\"}", 400, "invalid_request", "explain", nil),
    ] as [(String, Int, String, String?, Int?)])
    func badRequestsAre400WithTheField(request: String, status: Int, code: String, field: String?, line: Int?) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate", body(request))
            #expect(response.status.code == status)
            #expect(response.errorCode == code)
            #expect(response.errorField == field)
            #expect(value(response.json, "error", "line") as? Int == line)
        }
    }

    @Test(arguments: [
        // Facts that do not fit the inputs: 400. (field, its new value as JSON or nil to remove it, status, code)
        ("ability_level", "\"two\"", 400, "invalid_facts"),
        ("hukou_local", nil, 400, "invalid_facts"),
        ("favourite_colour", "\"red\"", 400, "invalid_facts"),
        // Values of the right type that are not allowed: 422.
        ("ability_level", "7", 422, "facts_failed_validation"),
        ("subsistence", "\"rich\"", 422, "facts_failed_validation"),
        ("birth_date", "\"2030-01-01\"", 422, "facts_failed_validation"),
    ] as [(String, String?, Int, String)])
    func badFactsNameTheField(field: String, json: String?, status: Int, code: String) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let replacement: Any = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed]) } ?? NSNull()
        let request = evaluationBody([field: replacement])
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate", request)
            #expect(response.status.code == status)
            #expect(response.errorCode == code)
            #expect(response.errorField == field)
            let problems = try #require(value(response.json, "error", "problems") as? [[String: Any]])
            #expect(problems.first?["field"] as? String == field)
            #expect(response.headers[HTTPField.Name("CarePolicy-Policy-Version")!] == "2026.1")
        }
    }

    @Test func aDateBeforeThePolicyIsInForceIs422() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate", evaluationBody(asOf: "2018-06-01"))
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "not_in_force")
            #expect(response.errorField == "as_of")
            #expect(value(response.json, "error", "message") as? String == "policy `anqing` is in force from 2019-01-01; 2018-06-01 is before it")
        }
    }

    /// One person's body is one record: its limit is the record limit (`--max-record-bytes`).
    @Test func aBodyOverTheRecordLimitIs413() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.maxRecordBytes = 1024
        }
        defer { harness.remove() }
        try await harness.test { client in
            let padding = String(repeating: " ", count: 2000)
            let response = try await client.post("/v1/policies/anqing/evaluate", body("{\"facts\": {}\(padding)}"))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "record_too_large")
        }
    }

    @Test func anUnknownPolicyIs404() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/wuhan/evaluate", evaluationBody())
            #expect(response.status == .notFound)
            #expect(response.errorCode == "unknown_policy")
            #expect(value(response.json, "error", "message") as? String == "no policy `wuhan` is served; served policies: anqing, dongxihu, rural-pilot, sunhe")
        }
    }
}
