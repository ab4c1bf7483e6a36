import CarePolicy
import CarePolicyService
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import PolicyBatch
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats

@Suite("Decision log and GET /v1/decisions")
struct DecisionLogTests {
    @Test func answersWhatWasDecidedForAPersonAndUnderWhichVersion() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let hash = try LoadedPolicy.load(path: harness.path("anqing.yaml")).metadata.contentHash
        try await harness.test { client in
            _ = try await client.post("/v1/policies/anqing/evaluate", evaluationBody(["id": "P-1", "subsistence": "dibao"], asOf: "2026-05-01"))
            _ = try await client.post("/v1/policies/anqing/evaluate", evaluationBody(["id": "P-2"]))
            _ = try await client.post("/v1/policies/dongxihu/evaluate", evaluationBody(["id": "P-1"], explain: true))
            let response = try await client.get("/v1/decisions?person=P-1")
            #expect(response.status == .ok)
            #expect(response.json["person"] as? String == "P-1")
            let decisions = try #require(response.json["decisions"] as? [[String: Any]])
            #expect(decisions.count == 2)
            // Newest first.
            #expect(value(decisions[0], "policy", "id") as? String == "dongxihu")
            #expect(decisions[0]["trace"] is [Any])
            #expect(value(decisions[1], "policy", "version") as? String == "2026.1")
            #expect(value(decisions[1], "policy", "hash") as? String == hash)
            #expect(decisions[1]["as_of"] as? String == "2026-05-01")
            #expect(decisions[1]["endpoint"] as? String == "evaluate")
            #expect(value(decisions[1], "facts", "subsistence") as? String == "dibao")
            #expect(value(decisions[1], "decisions", "monthly_hours") is Int)
            #expect(value(decisions[1], "fired_rules", "service_tier") is [String])
            #expect(decisions[1]["trace"] == nil)
            let filtered = try await client.get("/v1/decisions?person=P-1&policy=anqing")
            #expect((filtered.json["decisions"] as? [Any])?.count == 1)
        }
    }

    @Test(arguments: [
        ("/v1/decisions", "person"),
        ("/v1/decisions?person=P&limit=0", "limit"),
        ("/v1/decisions?person=P&limit=many", "limit"),
        ("/v1/decisions?person=P&policy=../x", "id"),
    ])
    func badQueriesAre400(uri: String, field: String) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest)
            #expect(response.errorField == field)
        }
    }

    @Test func masksIDsWithAKeyedHashAndDropsNamedFields() async throws {
        let key = Array("a-test-key-of-enough-length".utf8)
        let harness = try ServiceHarness { configuration in
            configuration.decisionLog = DecisionLogConfiguration(personKey: key, droppedFields: ["birth_date", "lives_alone"])
            configuration.decisionLog.flushInterval = .milliseconds(20)
        }
        defer { harness.remove() }
        let masking = DecisionMasking(personKey: key, droppedFields: [])
        try await harness.test { client in
            _ = try await client.post("/v1/policies/anqing/evaluate", evaluationBody(["id": "AQ-9"]))
            let response = try await client.get("/v1/decisions?person=AQ-9")
            let decisions = try #require(response.json["decisions"] as? [[String: Any]])
            #expect(decisions.count == 1)
            #expect(decisions[0]["person"] as? String == masking.person("AQ-9"))
            #expect(value(decisions[0], "facts", "id") as? String == masking.person("AQ-9"))
            #expect(value(decisions[0], "facts", "birth_date") == nil)
            #expect(value(decisions[0], "facts", "lives_alone") == nil)
            #expect(value(decisions[0], "facts", "subsistence") as? String == "none")
        }
        let store = try DecisionLogStore(existingIn: harness.data)
        let text = try String(contentsOfFile: store.path, encoding: .isoLatin1)
        #expect(!text.contains("AQ-9"))
        #expect(masking.person("AQ-9").count == 64)
        #expect(masking.person("AQ-9") != DecisionMasking(personKey: Array("another-key-of-enough-length".utf8), droppedFields: []).person("AQ-9"))
    }

    @Test func turnedOffItRecordsNothingAndSaysSo() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.decisionLog.enabled = false
        }
        defer { harness.remove() }
        try await harness.test { client in
            let evaluation = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            #expect(evaluation.status == .ok)
            let response = try await client.get("/v1/decisions?person=sample")
            #expect(response.status == .serviceUnavailable)
            #expect(response.errorCode == "decision_log_off")
        }
        #expect(!FileManager.default.fileExists(atPath: harness.data + "/decisions.sqlite"))
    }

    @Test func gracefulShutdownWritesEveryQueuedDecision() async throws {
        let harness = try ServiceHarness { configuration in
            // Long enough that only the shutdown flush can write them.
            configuration.decisionLog.flushInterval = .seconds(3600)
        }
        defer { harness.remove() }
        let record = SamplePerson.json()
        try await harness.test { client in
            for _ in 0..<5 { _ = try await client.post("/v1/policies/anqing/evaluate", evaluationBody()) }
            let batch = try await client.post("/v1/policies/anqing/evaluate-batch", body("{\"records\": [\(record),\(record),\(record)], \"as_of\": \"2026-06-01\"}"))
            #expect(batch.status == .ok)
        }
        let store = try DecisionLogStore(existingIn: harness.data)
        #expect(try store.count() == 8)
        #expect(try store.decisions(person: "sample", limit: 1000).filter { $0.endpoint == "evaluate-batch" }.count == 3)
    }
}
