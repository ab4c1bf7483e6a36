import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@Suite("GET /healthz, /readyz, /metrics")
struct HealthAndMetricsTests {
    @Test func healthAndReadiness() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.text == #"{"status":"ok"}"#)
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok)
            #expect(ready.text == #"{"status":"ready","policies":4,"variants":3,"refused_files":[],"pending_files":[],"decision_log":"on","reasons":[]}"#)
        }
    }

    @Test func notReadyWithoutAnyPolicy() async throws {
        let harness = try ServiceHarness(copyPolicies: false)
        defer { harness.remove() }
        try await harness.test { client in
            let ready = try await client.get("/readyz")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.json["status"] as? String == "not_ready")
            #expect((ready.json["reasons"] as? [String])?.first?.hasPrefix("no policy is served") == true)
        }
    }

    @Test func metricsCountRequestsEvaluationsAndReloads() async throws {
        let harness = try ServiceHarness()
        defer { harness.remove() }
        try await harness.test { client in
            _ = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            _ = try await client.post("/v1/policies/anqing/evaluate", evaluationBody())
            _ = try await client.post("/v1/policies/anqing/evaluate", evaluationBody(["ability_level": 9]))
            _ = try await client.post("/v1/policies/dongxihu/evaluate-batch", body("{\"records\": [\(SamplePerson.json()), \(SamplePerson.json())], \"as_of\": \"2026-06-01\"}"))
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = Set(metrics.text.split(separator: "\n").map(String.init))
            #expect(lines.contains(#"carepolicy_evaluations_total{policy="anqing",outcome="ok"} 2"#))
            #expect(lines.contains(#"carepolicy_evaluations_total{policy="anqing",outcome="failed_validation"} 1"#))
            #expect(lines.contains(#"carepolicy_evaluations_total{policy="dongxihu",outcome="ok"} 2"#))
            #expect(lines.contains(#"carepolicy_http_requests_total{method="POST",path="/v1/policies/{id}/evaluate",status="200"} 2"#))
            #expect(lines.contains(#"carepolicy_http_requests_total{method="POST",path="/v1/policies/{id}/evaluate",status="422"} 1"#))
            #expect(lines.contains(#"carepolicy_http_request_duration_seconds_count{path="/v1/policies/{id}/evaluate"} 3"#))
            #expect(lines.contains(#"carepolicy_policy_reloads_total{policy="anqing"} 1"#))
            #expect(lines.contains("carepolicy_policies_served 4.0"))
            #expect(lines.contains("carepolicy_variants_loaded 3.0"))
            #expect(lines.contains("# TYPE carepolicy_http_request_duration_seconds histogram"))
        }
    }
}
