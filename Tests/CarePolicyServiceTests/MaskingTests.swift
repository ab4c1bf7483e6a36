import CarePolicyService
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// `carepolicy serve --drop-field birth_date --hash-person-ids`: nothing of the dropped
/// field, and no person id, reaches the decision log — not the facts, not the trace of
/// an explained evaluation, not a batch record, not a refused request. Read back from
/// the SQLite rows the built binary wrote.
@Suite("Masking covers everything stored (the built binary)")
struct MaskingTests {
    static let key = "a-test-key-of-enough-length"
    static let birthDate = "1948-07-19"

    @Test func aDroppedFieldAndTheIDAreNowhereInTheLog() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let server = try ServerProcess(arguments: ["--policies", harness.policies, "--data", harness.data, "--drop-field", "birth_date", "--hash-person-ids"],
                                       environment: ["CAREPOLICY_LOG_KEY": Self.key])
        let person = SamplePerson.json(["id": "M-1", "birth_date": Self.birthDate, "subsistence": "dibao"])
        let other = SamplePerson.json(["id": "M-2", "birth_date": Self.birthDate])
        let refused = SamplePerson.json(["id": "M-3", "birth_date": Self.birthDate, "ability_level": "many"])
        let statuses = try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
            var statuses: [UInt] = []
            for facts in [person, refused] {
                let response = try await client.post("/v1/policies/anqing/evaluate",
                                                     body: ByteBuffer(string: "{\"facts\": \(facts), \"as_of\": \"2026-06-01\", \"explain\": true}"))
                statuses.append(UInt(response.status.code))
            }
            let batch = try await client.post("/v1/policies/dongxihu/evaluate-batch",
                                              body: ByteBuffer(string: "{\"records\": [\(person), \(other), \(refused)], \"as_of\": \"2026-06-01\"}"))
            statuses.append(UInt(batch.status.code))
            return statuses
        }
        #expect(statuses == [200, 400, 200])
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)

        let masking = DecisionMasking(personKey: Array(Self.key.utf8), droppedFields: [])
        let queue = try DatabaseQueue(path: harness.data + "/decisions.sqlite")
        let rows = try await queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM decision ORDER BY id") }
        #expect(rows.count == 3)
        #expect(rows.map { $0["person"] as String? } == [masking.person("M-1"), masking.person("M-1"), masking.person("M-2")])
        let explained: String? = rows.first?["trace"]
        // The trace is stored, with what each decision read but the dropped field.
        #expect(explained?.contains("\"age\":") == true)
        #expect(explained?.contains("\"subsistence\":\"dibao\"") == true)
        for row in rows {
            for column in row.columnNames {
                let text = (row[column] as DatabaseValue).description
                #expect(!text.contains(Self.birthDate), "\(column): \(text)")
                #expect(!text.contains("birth_date"), "\(column): \(text)")
                #expect(!text.contains("M-1") && !text.contains("M-2") && !text.contains("M-3"), "\(column): \(text)")
            }
        }
    }

    /// Dropping `id` itself leaves the `person` column empty.
    @Test func droppingTheIDLeavesNoPerson() {
        let masking = DecisionMasking(personKey: nil, droppedFields: ["id"])
        #expect(masking.storedPerson("P-1") == nil)
        #expect(DecisionMasking(personKey: nil, droppedFields: []).storedPerson("P-1") == "P-1")
    }
}
