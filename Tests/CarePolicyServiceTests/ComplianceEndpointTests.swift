import Foundation
import HummingbirdTesting
import Testing
import TestSupport

@Suite("POST /v1/policies/{id}/compliance")
struct ComplianceEndpointTests {
    static func elder(_ id: String, _ changes: [String: Any] = [:]) -> String {
        SamplePerson.json(["id": id, "resides_local": true, "village": "沙子营村", "birth_date": "1950-06-15"].merging(changes) { $1 })
    }

    static func record(_ elder: String, _ providerKind: String, _ kind: String, _ date: String) -> String {
        #"{"elder":"\#(elder)","provider":"p1","provider_kind":"\#(providerKind)","kind":"\#(kind)","date":"\#(date)"}"#
    }

    @Test func judgesTheRequirementsAndListsRefusalsByPosition() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let records = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08"].map { Self.record("e1", "caregiver", "knock", $0) }
            + [Self.record("e1", "caregiver", "chat", "2025-03-03"), Self.record("e1", "caregiver", "chat", "2025-03-03"), Self.record("e1", "doctor", "knock", "2025-03-09")]
        try await harness.test { client in
            let response = try await client.post("/v1/policies/sunhe/compliance", body("""
            {"from": "2025-03-03", "to": "2025-03-09", "elders": [\(Self.elder("e1")), \(Self.elder("e2", ["village": "上辛堡村"]))],
             "records": [\(records.joined(separator: ", "))], "spot_check": {"count": 1, "seed": 3}}
            """))
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.init("CarePolicy-Policy")!] == "sunhe")
            #expect(value(response.json, "period", "from") as? String == "2025-03-03")
            #expect(value(response.json, "elders", "e1", "village") as? String == "沙子营村")
            #expect(value(response.json, "elders", "e1", "requirements", "daily_knock", "windows") as? Int == 7)
            #expect(value(response.json, "elders", "e1", "requirements", "daily_knock", "met") as? Int == 6)
            #expect(value(response.json, "elders", "e1", "requirements", "daily_knock", "missed") as? [String] == ["2025-03-09"])
            #expect(value(response.json, "elders", "e1", "requirements", "twice_weekly_chat", "missed") as? [String] == ["2025-W10"])
            #expect(value(response.json, "elders", "e2", "requirements", "clinic_quarterly_checkup", "windows") as? Int == 0)
            #expect(value(response.json, "villages", "沙子营村", "elders") as? Int == 1)
            #expect(value(response.json, "villages", "上辛堡村", "requirements", "daily_knock", "windows") as? Int == 7)
            #expect(value(response.json, "villages", "上辛堡村", "requirements", "daily_knock", "met") as? Int == 0)
            #expect(value(response.json, "refused", "0", "line") as? Int == 9)
            #expect((value(response.json, "refused", "0", "reason") as? String)?.hasPrefix("field `provider_kind`: \"doctor\" is not allowed") == true)
            #expect((value(response.json, "spot_check", "2025-Q1") as? [String])?.count == 1)
        }
    }

    /// A service record or an elder over the record limit: the record is refused (and
    /// the rest judged), the elder is 413.
    @Test func aRecordOverTheRecordLimitIsRefusedAndAnElderOverItIs413() async throws {
        let harness = try ServiceHarness { $0.maxRecordBytes = 600 }
        defer { harness.remove() }
        let long = #"{"elder":"e1","provider":"p1","provider_kind":"caregiver","kind":"knock","date":"2025-03-04","note":"\#(String(repeating: "n", count: 600))"}"#
        try await harness.test { client in
            let response = try await client.post("/v1/policies/sunhe/compliance", body("""
            {"from": "2025-03-03", "to": "2025-03-09", "elders": [\(Self.elder("e1"))],
             "records": [\(Self.record("e1", "caregiver", "knock", "2025-03-03")), \(long)]}
            """))
            #expect(response.status == .ok, "\(response.text)")
            #expect(value(response.json, "elders", "e1", "requirements", "daily_knock", "met") as? Int == 1)
            #expect(value(response.json, "refused", "0", "line") as? Int == 2)
            #expect(value(response.json, "refused", "0", "reason") as? String
                    == "the record is \(long.utf8.count) bytes, more than the limit of 600 bytes (600 bytes); raise it with --max-record-bytes")
            let elder = Self.elder("e1", ["name": String(repeating: "e", count: 600)])
            let refused = try await client.post("/v1/policies/sunhe/compliance", body("""
            {"from": "2025-03-03", "to": "2025-03-09", "elders": [\(elder)], "records": []}
            """))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.errorCode == "record_too_large")
            #expect(refused.errorField == "elders")
        }
    }

    @Test(arguments: [
        ("/v1/policies/anqing/compliance", #"{"from": "2025-01-01", "to": "2025-01-31", "elders": [], "records": []}"#, 422, "no_compliance", nil),
        ("/v1/policies/nowhere/compliance", #"{"from": "2025-01-01", "to": "2025-01-31", "elders": [], "records": []}"#, 404, "unknown_policy", "id"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-01-01", "elders": [], "records": []}"#, 400, "invalid_request", "to"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-01-01", "to": "2025-02-30", "elders": [], "records": []}"#, 400, "invalid_request", "to"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-02-01", "to": "2025-01-31", "elders": [], "records": []}"#, 400, "invalid_request", "to"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2015-01-01", "to": "2025-01-01", "elders": [], "records": []}"#, 400, "invalid_request", "to"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-02-29", "to": "2025-03-31", "elders": [], "records": []}"#, 400, "invalid_request", "from"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-01-01", "to": "2025-01-31", "elders": {}, "records": []}"#, 400, "invalid_request", "elders"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-01-01", "to": "2025-01-31", "elders": [{"id": "e1"}], "records": []}"#, 400, "invalid_request", "elders"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-01-01", "to": "2025-01-31", "elders": [], "records": [], "spot_check": {"count": -1, "seed": 1}}"#, 400, "invalid_request", "spot_check"),
        ("/v1/policies/sunhe/compliance", #"{"from": "2025-01-01", "to": "2025-01-31", "elders": [], "record": []}"#, 400, "invalid_request", "record"),
    ] as [(String, String, Int, String, String?)])
    func refusesBadRequests(uri: String, requestBody: String, status: Int, code: String, field: String?) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post(uri, body(requestBody))
            #expect(response.status.code == status, "\(response.text)")
            #expect(response.errorCode == code)
            #expect(response.errorField == field)
        }
    }

    @Test("the period: at most ten years, ending on or after it starts; the message says the last day allowed", arguments: [
        ("2015-01-01", "2024-12-31", 200, nil),
        ("2015-01-01", "2025-01-01", 400, "统计期间不能超过10年：自 2015-01-01 起最晚到 2024-12-31，而结束日是 2025-01-01；请分段统计，每段不超过10年"),
        ("2025-03-31", "2025-01-01", 400, "统计期间的结束日 2025-01-01 早于开始日 2025-03-31：结束日应在开始日当天或之后"),
    ] as [(String, String, Int, String?)])
    func period(from: String, to: String, status: Int, message: String?) async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/sunhe/compliance", body("""
            {"from": "\(from)", "to": "\(to)", "elders": [\(Self.elder("e1"))], "records": []}
            """))
            #expect(response.status.code == status, "\(response.text)")
            if let message {
                #expect((response.json["error"] as? [String: Any])?["message"] as? String == message)
            } else {
                #expect(value(response.json, "elders", "e1", "requirements", "daily_knock", "windows") as? Int == 3653)
            }
        }
    }

    @Test func refusesAnElderGivenTwice() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/sunhe/compliance", body("""
            {"from": "2025-01-01", "to": "2025-01-31", "elders": [\(Self.elder("e1")), \(Self.elder("e1"))], "records": []}
            """))
            #expect(response.status.code == 400)
            #expect((response.json["error"] as? [String: Any])?["message"] as? String == "elder 2: the elder `e1` was already given as elder 1")
        }
    }
}
