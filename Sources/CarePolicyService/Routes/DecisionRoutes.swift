import CarePolicy
import Hummingbird
import PolicyModel
import PolicyCompiler
import PolicyAnalysis
import PolicyRuntime
import RecordFormats
import PolicyBatch

/// `GET /v1/decisions?person=ID[&policy=ID][&limit=N]`: what was decided for a person,
/// when, under which policy version — newest first, from the decision log. Decisions
/// still queued are written first, so an answer given a moment ago is included.
struct DecisionRoutes: RouteGroup {
    func register(on router: Router<ServiceContext>, state: ServiceState) {
        router.get("/v1/decisions") { request, _ in
            guard let log = state.decisionLog else {
                throw APIError(.serviceUnavailable, code: "decision_log_off",
                               message: "the decision log is turned off (--no-decision-log); nothing was recorded")
            }
            let query = request.uri.queryParameters
            guard let person = query["person"].map(String.init), !person.isEmpty else {
                throw APIError.invalidField("person", "is missing; ask for a person's decisions with ?person=ID")
            }
            var policy: String?
            if let text = query["policy"].map(String.init) {
                guard PolicyIdentifier(text) != nil else { throw APIError.invalidPolicyID(text) }
                policy = text
            }
            var limit = 100
            if let text = query["limit"].map(String.init) {
                guard let value = Int(text), (1...1000).contains(value) else {
                    throw APIError.invalidField("limit", "expected a whole number from 1 to 1000, found `\(text)`")
                }
                limit = value
            }
            try await log.flush()
            let rows = try log.store.decisions(person: log.masking.person(person), policy: policy, limit: limit)
            var text = "{\"person\":" + JSONText.quote(person) + ",\"decisions\":["
            text += rows.map(\.json).joined(separator: ",")
            text += "]}"
            return JSONResponse.text(text, contentType: "application/json; charset=utf-8")
        }
    }
}

extension StoredDecision {
    /// The decision as JSON, as `/v1/decisions` and `carepolicy log query` print it; the
    /// stored JSON columns are embedded as they are.
    package var json: String {
        let row = self
        var text = "{\"recorded_at\":" + JSONText.quote(row.recordedAt)
        text += ",\"policy\":" + JSONText.write(.object([("id", .string(row.policyID)), ("version", .string(row.policyVersion)), ("hash", .string(row.policyHash))]))
        text += ",\"as_of\":" + JSONText.quote(row.asOf)
        text += ",\"person\":" + (row.person.map(JSONText.quote) ?? "null")
        text += ",\"endpoint\":" + JSONText.quote(row.endpoint)
        text += ",\"decisions\":" + row.decisions
        text += ",\"fired_rules\":" + row.firedRules
        text += ",\"facts\":" + row.facts
        if let trace = row.trace { text += ",\"trace\":" + trace }
        return text + "}"
    }
}
