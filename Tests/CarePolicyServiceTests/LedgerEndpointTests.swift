import Foundation
import HummingbirdTesting
import Testing
import TestSupport

@Suite("Ledger, approval, allocation and what-if endpoints")
struct LedgerEndpointTests {
    @Test func replaysALedgerAndListsRefusalsByIndex() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/ledger/replay", body("""
            {"events": [{"type":"issue","person":"p1","date":"2025-03-01","hours":20},
                        {"type":"spend","person":"p1","date":"2025-03-15","hours":2.5,"provider":"prov-9"},
                        {"type":"spend","person":"p1","date":"2025-03-16","hours":30,"provider":"prov-9"}],
             "as_of": "2025-12-31"}
            """))
            #expect(response.status == .ok)
            #expect(value(response.json, "as_of") as? String == "2025-12-31")
            #expect(value(response.json, "balances", "voucher_hours", "p1") as? String == "17.50")
            #expect(value(response.json, "settlements", "provider_settlement_cny", "prov-9") as? String == "20.00")
            #expect(value(response.json, "refused", "0", "line") as? Int == 3)
            #expect(value(response.json, "refused", "0", "reason") as? String == "服务券余额不足：p1 has 17.50 in `voucher_hours`, the event needs 30.00")
            #expect(value(response.json, "policy", "id") as? String == "anqing")
        }
    }

    @Test(arguments: [
        ("/v1/policies/anqing/ledger/replay", "{\"events\": {}}", 400, "invalid_request", "events"),
        ("/v1/policies/anqing/ledger/replay", "{\"event\": []}", 400, "invalid_request", "event"),
        ("/v1/policies/anqing/ledger/replay", "{\"events\": [], \"as_of\": \"2025-13-01\"}", 400, "invalid_request", "as_of"),
        ("/v1/policies/nowhere/ledger/replay", "{\"events\": []}", 404, "unknown_policy", "id"),
        ("/v1/policies/dongxihu/approval", "{\"history\": []}", 422, "no_approval", nil),
        ("/v1/policies/rural-pilot/programs/bracelet/allocate", "{\"population\": []}", 404, "unknown_program", nil),
        ("/v1/policies/rural-pilot/programs/smart_bracelet/allocate", "{\"population\": [], \"places\": -1}", 400, "invalid_request", "places"),
        ("/v1/whatif", "{\"baseline\": \"anqing\", \"variant\": \"dongxihu\", \"population\": []}", 422, "invalid_whatif", "variant"),
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

    @Test func followsAnApplicationAndRefusesAStepOutOfOrder() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let response = try await client.post("/v1/policies/anqing/approval", body("""
            {"history": [{"step":"submitted","date":"2026-01-05"}, {"step":"district_approved","date":"2026-01-06"}]}
            """))
            #expect(response.status == .ok)
            #expect(value(response.json, "state") as? String == "submitted")
            #expect(value(response.json, "next", "actor") as? String == "社区")
            #expect(value(response.json, "refused", "0", "line") as? Int == 2)
        }
    }

    @Test func allocatesPlacesByPriority() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let people = [
            SamplePerson.json(["id": "x", "birth_date": "1940-01-01", "residence": "rural", "subsistence": "dibao", "ability_level": 3]),
            SamplePerson.json(["id": "y", "birth_date": "1950-01-01", "residence": "rural", "subsistence": "tekun", "ability_level": 4]),
            SamplePerson.json(["id": "z", "birth_date": "1950-01-01", "residence": "rural", "subsistence": "none", "ability_level": 4]),
            "{\"id\": \"bad\"}",
        ].joined(separator: ",")
        try await harness.test { client in
            let response = try await client.post("/v1/policies/rural-pilot/programs/smart_bracelet/allocate",
                                                 body("{\"population\": [\(people)], \"places\": 1, \"as_of\": \"2026-06-01\"}"))
            #expect(response.status == .ok)
            #expect(value(response.json, "eligible") as? Int == 2)
            #expect(value(response.json, "without_place") as? Int == 1)
            #expect(value(response.json, "allocated", "0", "id") as? String == "y")
            #expect(value(response.json, "problems", "0", "line") as? Int == 4)
        }
    }

    @Test func comparesAServedVariantWithItsBaseline() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        let person = SamplePerson.json(["id": "w1", "birth_date": "1946-03-01", "subsistence": "dibao", "ability_level": 2,
                                        "children_in_district": false, "child_caregiver_nearby": false])
        try await harness.test { client in
            let response = try await client.post("/v1/whatif", body("""
            {"baseline": "anqing", "variant": "anqing-hourly-rate-10", "population": [\(person)], "as_of": "2026-06-01"}
            """))
            #expect(response.status == .ok, "\(response.text)")
            #expect(value(response.json, "changed_persons") as? Int == 1)
            #expect(value(response.json, "input") as? String == "request body")
            let decisions = try #require(value(response.json, "decisions") as? [[String: Any]])
            let subsidy = try #require(decisions.first { $0["name"] as? String == "monthly_subsidy_cny" })
            #expect(value(subsidy, "totals", "baseline") as? String == "160.00")
            #expect(value(subsidy, "totals", "variant") as? String == "200.00")
        }
    }
}
