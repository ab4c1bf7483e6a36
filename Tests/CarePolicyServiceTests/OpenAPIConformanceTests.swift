import CarePolicyService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import CarePolicy
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

@Suite("OpenAPI document against real responses")
struct OpenAPIConformanceTests {
    /// One request: the document's path template, what to send, the status expected.
    struct Exchange: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let template: String
        let uri: String
        let body: String?
        let status: Int
        var admin = false
        var description: String { "\(method) \(uri) → \(status)" }
    }

    static let person = SamplePerson.json(["id": "OA-1"])
    static let exchanges: [Exchange] = [
        Exchange(method: .get, template: "/healthz", uri: "/healthz", body: nil, status: 200),
        Exchange(method: .get, template: "/readyz", uri: "/readyz", body: nil, status: 200),
        Exchange(method: .get, template: "/metrics", uri: "/metrics", body: nil, status: 200),
        Exchange(method: .get, template: "/openapi.json", uri: "/openapi.json", body: nil, status: 200),
        Exchange(method: .get, template: "/v1/policies", uri: "/v1/policies", body: nil, status: 200),
        Exchange(method: .get, template: "/v1/policies/{id}", uri: "/v1/policies/rural-pilot", body: nil, status: 200),
        Exchange(method: .get, template: "/v1/policies/{id}", uri: "/v1/policies/x", body: nil, status: 404),
        Exchange(method: .get, template: "/v1/policies/{id}", uri: "/v1/policies/X", body: nil, status: 400),
        Exchange(method: .get, template: "/v1/policies/{id}/status", uri: "/v1/policies/anqing/status", body: nil, status: 200),
        Exchange(method: .get, template: "/v1/policies/{id}/status", uri: "/v1/policies/x/status", body: nil, status: 404),
        Exchange(method: .post, template: "/v1/policies/{id}/evaluate", uri: "/v1/policies/anqing/evaluate",
                 body: "{\"facts\": \(person), \"as_of\": \"2026-06-01\", \"explain\": true}", status: 200),
        Exchange(method: .post, template: "/v1/policies/{id}/evaluate", uri: "/v1/policies/anqing/evaluate", body: "{\"facts\": {", status: 400),
        Exchange(method: .post, template: "/v1/policies/{id}/evaluate", uri: "/v1/policies/anqing/evaluate",
                 body: "{\"facts\": \(SamplePerson.json(["ability_level": 8]))}", status: 422),
        Exchange(method: .post, template: "/v1/policies/{id}/evaluate", uri: "/v1/policies/x/evaluate", body: "{}", status: 404),
        Exchange(method: .post, template: "/v1/policies/{id}/evaluate", uri: "/v1/policies/anqing-hourly-rate-10/evaluate", body: "{}", status: 404),
        Exchange(method: .get, template: "/v1/policies/{id}", uri: "/v1/policies/anqing-hourly-rate-10", body: nil, status: 200),
        Exchange(method: .post, template: "/v1/policies/{id}/evaluate-batch", uri: "/v1/policies/dongxihu/evaluate-batch",
                 body: "{\"records\": [\(person), {\"id\": \"bad\"}], \"as_of\": \"2026-06-01\"}", status: 200),
        Exchange(method: .post, template: "/v1/policies/{id}/evaluate-batch", uri: "/v1/policies/dongxihu/evaluate-batch", body: "{\"records\": 1}", status: 400),
        Exchange(method: .get, template: "/v1/policies/{id}/tree", uri: "/v1/policies/anqing/tree?decision=service_tier&format=dot", body: nil, status: 200),
        Exchange(method: .get, template: "/v1/policies/{id}/tree", uri: "/v1/policies/anqing/tree?decision=nope", body: nil, status: 400),
        Exchange(method: .get, template: "/v1/policies/{id}/tree", uri: "/v1/policies/anqing/tree?decision=monthly_subsidy_cny", body: nil, status: 422),
        Exchange(method: .get, template: "/v1/decisions", uri: "/v1/decisions?person=OA-1", body: nil, status: 200),
        Exchange(method: .get, template: "/v1/decisions", uri: "/v1/decisions", body: nil, status: 400),
        Exchange(method: .post, template: "/v1/policies/{id}/ledger/replay", uri: "/v1/policies/dongxihu/ledger/replay",
                 body: #"{"events": [{"type":"service","id":"s1","volunteer":"v1","recipient":"r1","date":"2025-05-02","minutes":80,"service_type":"meal_help","community":"c1"}, {"type":"verify","service":"s1","date":"2025-05-10"}, {"type":"redeem","person":"v1","date":"2025-05-11","hours":5}]}"#, status: 200),
        Exchange(method: .post, template: "/v1/policies/{id}/ledger/replay", uri: "/v1/policies/anqing/ledger/replay", body: #"{"events": 1}"#, status: 400),
        Exchange(method: .post, template: "/v1/policies/{id}/ledger/replay", uri: "/v1/policies/x/ledger/replay", body: #"{"events": []}"#, status: 404),
        Exchange(method: .post, template: "/v1/policies/{id}/approval", uri: "/v1/policies/anqing/approval",
                 body: #"{"history": [{"step":"submitted","date":"2026-01-05"}, {"step":"district_approved","date":"2026-01-06"}]}"#, status: 200),
        Exchange(method: .post, template: "/v1/policies/{id}/approval", uri: "/v1/policies/dongxihu/approval", body: #"{"history": []}"#, status: 422),
        Exchange(method: .post, template: "/v1/policies/{id}/programs/{program}/allocate", uri: "/v1/policies/rural-pilot/programs/smart_bracelet/allocate",
                 body: "{\"population\": [\(person)], \"as_of\": \"2026-06-01\"}", status: 200),
        Exchange(method: .post, template: "/v1/policies/{id}/programs/{program}/allocate", uri: "/v1/policies/rural-pilot/programs/none/allocate", body: "{}", status: 404),
        Exchange(method: .post, template: "/v1/policies/{id}/compliance", uri: "/v1/policies/sunhe/compliance",
                 body: "{\"from\": \"2025-03-03\", \"to\": \"2025-03-09\", \"elders\": [\(SamplePerson.json(["id": "e1", "resides_local": true, "village": "沙子营村"]))], "
                    + #""records": [{"elder":"e1","provider":"p1","provider_kind":"caregiver","kind":"knock","date":"2025-03-03"}, {"elder":"e9"}], "spot_check": {"count": 1, "seed": 1}}"#, status: 200),
        Exchange(method: .post, template: "/v1/policies/{id}/compliance", uri: "/v1/policies/sunhe/compliance", body: #"{"from": "2025-03-03", "to": "2025-03-09", "elders": [], "records": 1}"#, status: 400),
        Exchange(method: .post, template: "/v1/policies/{id}/compliance", uri: "/v1/policies/x/compliance", body: "{}", status: 404),
        Exchange(method: .post, template: "/v1/policies/{id}/compliance", uri: "/v1/policies/anqing/compliance", body: #"{"from": "2025-03-03", "to": "2025-03-09", "elders": [], "records": []}"#, status: 422),
        Exchange(method: .post, template: "/v1/whatif", uri: "/v1/whatif",
                 body: "{\"baseline\": \"anqing\", \"variant\": \"anqing-hourly-rate-10\", \"population\": [\(person)], \"as_of\": \"2026-06-01\"}", status: 200),
        Exchange(method: .post, template: "/v1/whatif", uri: "/v1/whatif", body: #"{"baseline": "anqing"}"#, status: 400),
        Exchange(method: .post, template: "/v1/admin/reload", uri: "/v1/admin/reload", body: nil, status: 200, admin: true),
        Exchange(method: .post, template: "/v1/admin/reload", uri: "/v1/admin/reload", body: nil, status: 401),
        Exchange(method: .put, template: "/v1/admin/policies/{id}", uri: "/v1/admin/policies/dongxihu", body: "policy: {", status: 422, admin: true),
    ]

    static func document() throws -> [String: Any] {
        let text = try #require(OpenAPIDocument.text)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func documentIsOpenAPI31AndServedAsKept() async throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let kept = try String(contentsOfFile: FixturePaths.packageRoot + "/Sources/CarePolicyService/Resources/openapi.json", encoding: .utf8)
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let served = try await client.get("/openapi.json")
            #expect(served.text == kept)
        }
    }

    @Test func everyResponseMatchesItsSchema() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.adminToken = "openapi-test-token"
        }
        defer { harness.remove() }
        let answers = try await harness.test { client in
            var answers: [(Exchange, Int, Data)] = []
            for exchange in Self.exchanges {
                var headers: HTTPFields = [:]
                if exchange.admin { headers[.authorization] = "Bearer openapi-test-token" }
                let response = try await client.executeRequest(uri: exchange.uri, method: exchange.method, headers: headers,
                                                               body: exchange.body.map { ByteBuffer(string: $0) })
                answers.append((exchange, Int(response.status.code), Data(buffer: response.body)))
            }
            return answers
        }
        let document = try Self.document()
        let validator = JSONSchemaValidator(document: document)
        let paths = try #require(document["paths"] as? [String: Any])
        for (exchange, status, body) in answers {
            #expect(status == exchange.status, "\(exchange)")
            let operation = value(paths, exchange.template, exchange.method.rawValue.lowercased()) as? [String: Any]
            let documented = value(operation, "responses", String(exchange.status)) as? [String: Any]
            try #require(documented != nil, "\(exchange) is not documented")
            guard let schema = value(documented, "content", "application/json", "schema") as? [String: Any] else { continue }
            let json = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
            let violations = validator.violations(json, against: schema)
            #expect(violations.isEmpty, "\(exchange): \(violations)")
        }
    }

    @Test func everyDocumentedOperationIsExercised() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let exercised = Set(Self.exchanges.map { "\($0.method.rawValue) \($0.template)" })
        #expect(documented == exercised)
    }

    @Test func theValidatorCatchesAWrongResponse() throws {
        let validator = JSONSchemaValidator(document: try Self.document())
        let schema = ["$ref": "#/components/schemas/EvaluationResponse"]
        let wrong: [String: Any] = ["policy": ["id": "a", "version": "1", "hash": "not-hex"], "as_of": "2026-06-01", "extra": 1]
        #expect(validator.violations(wrong, against: schema).sorted() == [
            "$.policy.hash: \"not-hex\" does not match ^[0-9a-f]{64}$", "$: missing `decisions`", "$: unexpected `extra`",
        ])
    }
}
