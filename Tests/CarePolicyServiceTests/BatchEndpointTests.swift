import CarePolicy
@testable import CarePolicyService
import Foundation
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

@Suite("POST /v1/policies/{id}/evaluate-batch")
struct BatchEndpointTests {
    @Test func answersEveryRecordInOrderWithItsOwnErrors() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.batchParallelism = 3
        }
        defer { harness.remove() }
        let lines = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/persons.jsonl", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let records = lines + [SamplePerson.json(["id": "bad-1", "ability_level": 9]), SamplePerson.json(["id": "bad-2", "residence": NSNull()])] + lines
        let policy = try LoadedPolicy.load(path: harness.path("anqing.yaml"))
        let date = CivilDate("2026-06-01")!
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate-batch",
                                                 body("{\"as_of\": \"2026-06-01\", \"records\": [\(records.joined(separator: ","))]}"))
            #expect(response.status == .ok)
            #expect(response.json["count"] as? Int == records.count)
            #expect(response.json["failed"] as? Int == 2)
            #expect(value(response.json, "policy", "hash") as? String == policy.metadata.contentHash)
            let results = try #require(response.json["results"] as? [[String: Any]])
            #expect(results.count == records.count)
            for (index, record) in records.enumerated() where !record.contains("bad-") {
                let evaluation = try policy.evaluate(json: record, on: date)
                guard case .object(let entries) = evaluation.json(policy: policy.checked) else { continue }
                let decisions = entries.first { $0.0 == "decisions" }.map { JSONText.write($0.1) }
                let got = try JSONSerialization.data(withJSONObject: results[index]["decisions"] ?? [:], options: [.sortedKeys])
                let want = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data((decisions ?? "{}").utf8)), options: [.sortedKeys])
                #expect(got == want, "record \(index)")
                #expect(results[index]["id"] as? String == evaluation.personID)
            }
            let first = results[lines.count], second = results[lines.count + 1]
            #expect(first["index"] as? Int == lines.count)
            #expect(first["id"] as? String == "bad-1")
            #expect(first["status"] as? Int == 422)
            #expect(value(first, "error", "field") as? String == "ability_level")
            #expect(value(first, "error", "code") as? String == "facts_failed_validation")
            #expect(second["status"] as? Int == 400)
            #expect(value(second, "error", "code") as? String == "invalid_facts")
            #expect(value(second, "error", "field") as? String == "residence")
        }
    }

    @Test func moreThanTheRecordLimitIs413() async throws {
        let harness = try ServiceHarness() { configuration in
            configuration.maxBatchRecords = 3
        }
        defer { harness.remove() }
        try await harness.test { client in
            let record = SamplePerson.json()
            let response = try await client.post("/v1/policies/anqing/evaluate-batch", body("{\"records\": [\(record),\(record),\(record),\(record)]}"))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "too_many_records")
            #expect(response.errorField == "records")
        }
    }

    @Test func tenThousandRecordsAreAllowed() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        #expect(harness.configuration.maxBatchRecords == 10_000)
        let record = SamplePerson.json()
        let records = Array(repeating: record, count: 10_000).joined(separator: ",")
        try await harness.test { client in
            let response = try await client.post("/v1/policies/dongxihu/evaluate-batch", body("{\"as_of\": \"2026-06-01\", \"records\": [\(records)]}"))
            #expect(response.status == .ok)
            #expect(response.json["count"] as? Int == 10_000)
            #expect(response.json["failed"] as? Int == 0)
        }
    }

    @Test(arguments: [
        ("{\"records\": {}}", "records"),
        ("{\"record\": []}", "record"),
        ("{\"records\": [], \"as_of\": 20260601}", "as_of"),
    ])
    func badBatchRequestsAre400(request: String, field: String) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/evaluate-batch", body(request))
            #expect(response.status == .badRequest)
            #expect(response.errorField == field)
        }
    }

    /// Plainly valid records are read in place into the flat machine; the rest, and policies
    /// without a flat form, go the general way. The answers are byte for byte the same as
    /// when every record is parsed first.
    @Test(arguments: ["anqing", "dongxihu", "rural-pilot"])
    func readingInPlaceGivesTheSameBytesAsParsing(policy: String) async throws {
        let lines = try String(contentsOfFile: FixturePaths.packageRoot + "/docs/examples/persons.jsonl", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let odd = [
            #"{"id": "P\u0031-escaped", "birth_date": "1950-01-01", "residence": "urban", "subsistence": "dibao", "ability_level": 2}"#,
            SamplePerson.json(["id": "老人-1"]),
            "{\"lives_alone\":null," + SamplePerson.json(["id": "null-field", "lives_alone": NSNull()]).dropFirst(),
            SamplePerson.json(["id": "bad-level", "ability_level": 9]),
            SamplePerson.json(["id": "decimal-level", "ability_level": 2.5]),
            SamplePerson.json(["id": "string-level", "ability_level": "2"]),
            SamplePerson.json(["id": "unknown", "hobby": ["chess", ["go"]]]),
            SamplePerson.json(["id": "future", "birth_date": "2030-01-01"]),
            SamplePerson.json(["id": "no-such-day", "birth_date": "1950-02-30"]),
            SamplePerson.json(["id": "bad-enum", "subsistence": "rich"]),
            "[1, 2]",
            "  " + SamplePerson.json(["id": "spaced"]).replacingOccurrences(of: ":", with: " :\n ").replacingOccurrences(of: ",", with: " , ") + "  ",
        ]
        let records = lines + odd + lines
        var bodies: [String] = []
        for inPlace in [true, false] {
            let harness = try ServiceHarness() { configuration in
                configuration.inPlaceBatch = inPlace
                configuration.batchParallelism = 2
            }
            defer { harness.remove() }
            let text = try await harness.test { client in
                let response = try await client.post("/v1/policies/\(policy)/evaluate-batch",
                                                     body("{\"records\": [\(records.joined(separator: ", "))], \"as_of\": \"2026-06-01\"}"))
                #expect(response.status == .ok)
                // The in-place reader really took the plain records: every copy of the example
                // persons and the odd records it can read; the rest went the general way.
                let metrics = try await client.get("/metrics").text
                let inPlaceCount = Self.metric(metrics, policy: policy, way: "in_place")
                let generalCount = Self.metric(metrics, policy: policy, way: "general")
                #expect(inPlaceCount == (inPlace ? 2 * lines.count + Self.oddReadInPlace : 0), "\(policy)")
                #expect(generalCount == (inPlace ? Self.oddDecodedGenerally : 2 * lines.count + Self.oddReadInPlace + Self.oddDecodedGenerally), "\(policy)")
                return response.text
            }
            bodies.append(text)
        }
        #expect(bodies.count == 2 && bodies[0] == bodies[1])
        #expect(bodies.first?.contains(#""id":"P1-escaped""#) == true)
        #expect(bodies.first?.contains(#"{"id":"spaced","decisions":{"#) == true)
    }

    /// Of the odd records above, those the in-place reader takes (the Chinese id), and those
    /// that decode but only the general way (an escaped id, spaced-out syntax, …). The others
    /// fail to decode and are evaluated neither way.
    static let oddReadInPlace = 1
    static let oddDecodedGenerally = 2

    /// The value of `carepolicy_evaluation_ways_total` for a policy and way (0 when absent).
    static func metric(_ exposition: String, policy: String, way: String) -> Int {
        let prefix = "carepolicy_evaluation_ways_total{policy=\"\(policy)\",way=\"\(way)\"} "
        return exposition.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
    }

    @Test(arguments: [
        "{\"records\": [{\"id\": \"x\",}]}",
        "{\"records\": [" + SamplePerson.json() + ", {\"id\":\"repeated\"," + SamplePerson.json(["id": "repeated"]).dropFirst() + "]}",
    ])
    func aBodyTheParserRefusesIsTheSame400EitherWay(request: String) async throws {
        var answers: [String] = []
        for inPlace in [true, false] {
            let harness = try ServiceHarness() { $0.inPlaceBatch = inPlace }
            defer { harness.remove() }
            let text = try await harness.test { client in
                let response = try await client.post("/v1/policies/anqing/evaluate-batch", body(request))
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_json")
                return response.text
            }
            answers.append(text)
        }
        #expect(answers.count == 2 && answers[0] == answers[1])
    }

    @Test func chunksCoverEveryRecordOnce() {
        #expect(BatchChunk.split(10, into: 3) == [0..<3, 3..<6, 6..<10])
        #expect(BatchChunk.split(1, into: 4) == [0..<1])
        #expect(BatchChunk.split(0, into: 2) == [])
    }
}
